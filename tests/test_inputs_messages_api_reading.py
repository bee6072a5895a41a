"""Issue 16, the product's input and output as a fresh user met them: a duplicate story
id across two files, the REST API's `/api/code` against `tidings code`, and the help's
placeholders for boolean flags.

Every story here is written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.read import read_stories
from tidings.records import Story

runner = CliRunner()


def _two_feeds(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "east" / "feed.jsonl", tmp_path / "west" / "feed.jsonl"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text(json.dumps({"id": "k7", "pub_date": "2025-03-03",
                             "text": "Police detained nine traders in Kisumu."}) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"id": "w1", "pub_date": "2025-03-03", "text": "Nothing happened."}) + "\n"
                 + json.dumps({"id": "k7", "pub_date": "2025-03-03",
                               "text": "Police detained nine traders in Eldoret."}) + "\n", encoding="utf-8")
    return a, b


# ------------------------------------------------ a story id in two input files

def test_files_of_the_same_name_are_named_by_their_path(tmp_path: Path) -> None:
    a, b = _two_feeds(tmp_path)
    items = list(read_stories([a, b]))
    assert [i.origin for i in items] == [f"{a}:1", f"{b}:1", f"{b}:2"]
    folders = list(read_stories([a.parent, b.parent]))
    assert [i.origin for i in folders] == [f"{a}:1", f"{b}:1", f"{b}:2"]


def test_one_input_and_inputs_of_other_names_keep_the_file_name(tmp_path: Path) -> None:
    a, b = _two_feeds(tmp_path)
    assert [i.origin for i in read_stories([b])] == ["feed.jsonl:1", "feed.jsonl:2"]
    c = b.with_name("other.jsonl")
    b.rename(c)
    assert [i.origin for i in read_stories([a, c])] == ["feed.jsonl:1", "other.jsonl:1", "other.jsonl:2"]


@pytest.mark.slow
def test_a_duplicate_id_names_both_files_and_lines(tmp_path: Path) -> None:
    a, b = _two_feeds(tmp_path)
    res = runner.invoke(app, ["code", str(a), str(b), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert (f"{b}:2: duplicate story id 'k7' in this run; the first, at {a}:1, is kept"
            in re.sub(r"\s*\n\s*", " ", res.output)), res.output


# ------------------------------------------------ POST /api/code as `tidings code`

@pytest.fixture(scope="module")
def api(tmp_path_factory):
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app
    from tidings.store import Store

    path = tmp_path_factory.mktemp("api") / "t.duckdb"
    with Store(path) as st:
        st.save_story(Story(id="s0", text="Kenya protested.", pub_date="2025-01-01"), [], "0")
    with TestClient(create_app(path), base_url="http://127.0.0.1:8000") as c:
        yield lambda body: c.post("/api/code", content=json.dumps(body),
                                  headers={"content-type": "application/json"})


@pytest.mark.slow
def test_api_reads_a_numeric_id_as_its_digits(api) -> None:
    r = api({"id": 4021, "pub_date": "2025-03-03", "text": "Police detained nine traders in Kisumu."})
    assert r.status_code == 200, r.text
    assert r.json()["story_id"] == "4021"


@pytest.mark.slow
def test_api_skips_a_story_in_another_language_as_the_cli_does(api, tmp_path: Path) -> None:
    french = ("Le ministre des affaires étrangères a condamné mardi les frappes contre la ville "
              "et a demandé un cessez-le-feu immédiat entre les deux armées.")
    r = api({"id": "fr-2", "pub_date": "2025-03-03", "text": french})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["count"], body["events"], body["stored"]) == (0, [], False)
    assert body["skipped"]["code"] == "T110" and body["skipped"]["stage"] == "language"
    f = tmp_path / "fr.jsonl"
    f.write_text(json.dumps({"id": "fr-2", "pub_date": "2025-03-03", "text": french}) + "\n",
                 encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    cli = re.sub(r"\s*\n\s*", " ", res.output)
    # the same message, less the hint that names a command-line flag
    assert body["skipped"]["message"].replace("POST /api/code", "fr.jsonl:1") in cli, (body, cli)


@pytest.mark.slow
def test_api_removes_control_characters_as_the_cli_does(api, tmp_path: Path) -> None:
    text = "Police detained nine traders in Kisu\x00mu on Tuesday.\x0bThe traders were freed."
    r = api({"id": "ctl-1", "pub_date": "2025-03-03", "text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert any("control characters" in w for w in body["warnings"]), body
    assert body["events"] and all("\x00" not in e["sentence"] for e in body["events"])
    f = tmp_path / "ctl.jsonl"
    f.write_text(json.dumps({"id": "ctl-1", "pub_date": "2025-03-03", "text": text}) + "\n",
                 encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, ["code", str(f), "--no-db", "--out", str(out)]).exit_code == 0
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    strip = ("event_id", "story_id", "confidence")
    assert [{k: v for k, v in e.items() if k not in strip} for e in body["events"]] == \
        [{k: v for k, v in e.items() if k not in strip} for e in cli]


# ------------------------------------------------ help: flags are flags

def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)


@pytest.mark.parametrize("args", [[]] + [[c] for c in _commands()])
def test_help_shows_boolean_options_as_flags(args: list[str]) -> None:
    res = runner.invoke(app, [*args, "--help"], terminal_width=120)
    assert res.exit_code == 0, res.output
    assert "<bool>" not in res.output, res.output
    assert "--help" in res.output


def test_help_still_shows_the_type_of_an_option_with_a_value() -> None:
    res = runner.invoke(app, ["code", "--help"], terminal_width=120)
    assert re.search(r"--no-db\s+Do not write", res.output), res.output
    assert re.search(r"--processes\s+-p\s+<int>", res.output), res.output
