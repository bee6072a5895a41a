"""``tidings code`` names each story with no publication date whose events took today's
date, in a warning of its own that suggests --pub-date (r19e, a fresh user's trial: a
text saying "on Tuesday" was dated today, with one summary line for every story)."""

from __future__ import annotations

from typer.testing import CliRunner

from tidings.cli import app


def test_cli_r19e_undated_story_is_named_once(tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "last_tuesday.txt").write_text("Chile's foreign minister visited La Paz last Tuesday and met "
                                             "his Bolivian counterpart.", encoding="utf-8")
    (folder / "dated.txt").write_text("In May 2023 Kenya condemned the attack on the embassy in Nairobi.",
                                      encoding="utf-8")
    res = CliRunner().invoke(app, ["code", str(folder), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    err = " ".join(res.stderr.split())
    assert err.count("has no publication date:") == 1
    assert "story 'last_tuesday' has no publication date:" in err and "the day of coding" in err
    assert "'on Tuesday' or 'last week' are left unread; give --pub-date" in err
    # a story dated by its own phrases gets no such warning, but the summary counts both
    assert "story 'dated' has no publication date" not in err
    assert "warning 2 stories ('dated', 'last_tuesday') had no publication date" in err
    # with --pub-date, no warning at all
    res = CliRunner().invoke(app, ["code", str(folder), "--no-db", "--out", str(tmp_path / "o.jsonl"),
                                   "--pub-date", "2025-02-07"])
    assert res.exit_code == 0 and "publication date" not in res.stderr
