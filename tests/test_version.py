"""The derived pipeline version (tidings.version): what changes it, and what a change does
to a store coded by the old version (issue 14)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest

import tidings
from tidings import version as tv
from tidings.records import Story, make_event_id
from tidings.version import DATA_DIR, compute_pipeline_version, data_files, data_hash

STORIES = [
    Story(id="s1", text="Azerbaijan accused Armenia of shelling border villages on Monday.",
          pub_date="2025-01-06"),
    Story(id="s2", text="Kenyan police arrested 12 protesters in Nairobi on Tuesday.",
          pub_date="2025-01-07"),
    Story(id="s3", text="Japan pledged new aid to the Philippines after the typhoon.",
          pub_date="2025-01-08"),
]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the installed data folder, to change."""
    dst = tmp_path / "data"
    shutil.copytree(DATA_DIR, dst)
    return dst


def _edit_lexicon_entry(data: Path) -> None:
    """Change one trigger entry of ``triggers.tsv`` (its first data row's event type)."""
    path = data / "triggers.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(k for k, line in enumerate(lines) if line.strip() and not line.startswith("#")
             and "\t" in line)
    cols = lines[i].split("\t")
    j = next(k for k, c in enumerate(cols) if c.strip() in tidings.records.EVENT_TYPES)
    cols[j] = "REJECT" if cols[j].strip() != "REJECT" else "ACCUSE"
    lines[i] = "\t".join(cols)
    path.write_text("".join(lines), encoding="utf-8")


def test_version_is_package_version_plus_data_hash() -> None:
    v = tidings.PIPELINE_VERSION
    base, digest = v.split("+")
    assert base == tidings.__version__
    assert len(digest) == tv.HASH_CHARS and int(digest, 16) >= 0
    assert v == tv.pipeline_version() == compute_pipeline_version(DATA_DIR)


def test_version_of_an_unchanged_copy_is_the_same(data_copy: Path) -> None:
    assert compute_pipeline_version(data_copy) == compute_pipeline_version(DATA_DIR)


def test_changing_one_lexicon_entry_changes_version_and_event_ids(data_copy: Path) -> None:
    before = compute_pipeline_version(data_copy)
    _edit_lexicon_entry(data_copy)
    after = compute_pipeline_version(data_copy)
    assert after != before
    assert after.split("+")[0] == before.split("+")[0] == tidings.__version__
    s = STORIES[0]
    ids = {make_event_id(s.id, s.text_hash(), 0, "ACCUSE", 11, v) for v in (before, after)}
    assert len(ids) == 2


def test_generated_and_hidden_files_do_not_count(data_copy: Path) -> None:
    before = data_hash(data_copy)
    (data_copy / "places" / "__pycache__").mkdir(exist_ok=True)
    (data_copy / "places" / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\x00x")
    (data_copy / ".triggers.tsv.swp").write_bytes(b"editor")
    assert data_hash(data_copy) == before
    names = [p.relative_to(data_copy).as_posix() for p in data_files(data_copy)]
    assert names == sorted(names) and "triggers.tsv" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(".")]


def test_a_new_or_renamed_file_changes_the_hash(data_copy: Path) -> None:
    before = data_hash(data_copy)
    (data_copy / "rules.jsonl").write_text("{}\n", encoding="utf-8")
    added = data_hash(data_copy)
    assert added != before
    (data_copy / "rules.jsonl").rename(data_copy / "rules2.jsonl")
    assert data_hash(data_copy) not in (before, added)


def test_data_package_versions_count(data_copy: Path) -> None:
    assert data_hash(data_copy, packages=()) != data_hash(data_copy)
    assert data_hash(data_copy, packages=("no-such-distribution-xyz",)) != data_hash(data_copy, packages=())


def test_missing_data_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no data folder"):
        compute_pipeline_version(tmp_path / "nothing")


def use_pipeline_version(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    """Make this process run as pipeline version ``value``: the cached version, and the
    copies of it that tidings modules bound at import (the coder's event ids)."""
    monkeypatch.setattr(tv, "_VERSION", value)
    for name, mod in list(sys.modules.items()):
        if (name == "tidings" or name.startswith("tidings.")) and \
                isinstance(getattr(mod, "__dict__", {}).get("PIPELINE_VERSION"), str):
            monkeypatch.setattr(mod, "PIPELINE_VERSION", value)


def _store_state(db: Path) -> tuple[set[str], set[str], set[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
        ev_versions = {r[0] for r in con.execute("SELECT DISTINCT pipeline_version FROM events").fetchall()}
        st_versions = {r[0] for r in con.execute("SELECT DISTINCT pipeline_version FROM stories").fetchall()}
    finally:
        con.close()
    return ids, ev_versions, st_versions


@pytest.mark.slow
def test_rerun_after_a_data_change_recodes_exactly_the_old_stories(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_copy: Path) -> None:
    from tidings.engines.local import RECODED_PIPELINE, code_stories
    from tidings.store import Store

    db = tmp_path / "t.duckdb"
    old = tv.pipeline_version()
    with Store(db) as store:
        s1 = code_stories(list(STORIES), store=store)
    assert s1.coded == 3 and not s1.recoded
    old_ids, ev_v, st_v = _store_state(db)
    assert old_ids and ev_v == st_v == {old}

    _edit_lexicon_entry(data_copy)  # as if this data shipped with an upgrade
    new = compute_pipeline_version(data_copy)
    use_pipeline_version(monkeypatch, new)
    stories = list(STORIES) + [Story(id="s4",
                                     text="Peru expelled two Chilean diplomats on Monday, accusing them of spying.",
                                     pub_date="2025-01-09")]
    with Store(db) as store:
        s2 = code_stories(stories, store=store)
    assert s2.coded == 4 and s2.unchanged == 0
    assert dict(s2.recoded) == {RECODED_PIPELINE: 3}  # s4 is new, not re-coded
    new_ids, ev_v, st_v = _store_state(db)
    assert ev_v == st_v == {new}
    assert not (new_ids & old_ids)
    fresh: list = []  # the same stories coded by the new version, with no store
    code_stories(stories, sink=fresh.append)
    assert new_ids == {e.event_id for e in fresh} and len(new_ids) > len(old_ids)

    with Store(db) as store:  # the same version again: nothing to do
        s3 = code_stories(list(STORIES), store=store)
    assert s3.coded == 0 and s3.unchanged == 3 and not s3.recoded


@pytest.mark.slow
def test_cli_code_and_recode_after_a_version_change(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from tidings.cli import app

    runner = CliRunner()
    src = tmp_path / "s.jsonl"
    src.write_text("".join(json.dumps({"id": s.id, "text": s.text, "pub_date": s.pub_date}) + "\n"
                           for s in STORIES), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0

    use_pipeline_version(monkeypatch, "0.1.0+000000000001")
    res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "coded: 3 " in res.output and "3 re-coded (pipeline changed)" in res.output

    use_pipeline_version(monkeypatch, "0.1.0+000000000002")
    con = duckdb.connect(str(db))  # one story already coded by the new version
    con.execute("UPDATE stories SET pipeline_version = '0.1.0+000000000002' WHERE story_id = 's2'")
    con.close()
    res = runner.invoke(app, ["recode", "--db", str(db)])  # no --all
    assert res.exit_code == 0, res.output
    assert "stories read: 2 " in res.output and "2 re-coded (pipeline changed)" in res.output
    _, _, st_v = _store_state(db)
    assert st_v == {"0.1.0+000000000002"}


def test_store_stored_versions_and_why_a_story_is_coded_again() -> None:
    from tidings.engines.local import (RECODED_FORCED, RECODED_PIPELINE, RECODED_TEXT,
                                       _sort_stored)
    from tidings.store import Store

    s1, s2, s3 = STORIES
    with Store(":memory:") as store:
        store.save_story(s1, [], "v1")
        store.save_story(s2, [], "v0")
        store.save_story(Story(id="s3", text="An older text.", pub_date="2025-01-08"), [], "v1")
        held = store.stored_versions([s1, s2, s3, Story(id="s9", text="new")])
        assert held == {"s1": (s1.text_hash(), "v1"), "s2": (s2.text_hash(), "v0"),
                        "s3": (Story(id="s3", text="An older text.", pub_date="2025-01-08").text_hash(), "v1")}
        assert store.coded_ids([s1, s2, s3], "v1") == {"s1"}
    why: dict[str, str] = {}
    assert _sort_stored([s1, s2, s3], held, "v1", True, why) == {"s1"}
    assert why == {"s2": RECODED_PIPELINE, "s3": RECODED_TEXT}
    why = {}
    assert _sort_stored([s1, s2, s3], held, "v1", False, why) == set()
    assert why == {"s1": RECODED_FORCED, "s2": RECODED_PIPELINE, "s3": RECODED_TEXT}


def test_a_story_read_again_without_its_date_keeps_the_stored_one(tmp_path) -> None:
    # the same text read without --pub-date is the stored story, not a changed one: its
    # events keep their dates (they were re-dated to today, "1 re-coded (text changed)")
    from tidings.engines.local import code_stories
    from tidings.store import Store

    text = "Kenyan police arrested twelve protesters in Nairobi on Monday."
    with Store(tmp_path / "t.duckdb") as store:
        first = code_stories([Story(id="k", text=text, pub_date="2025-06-10")], store=store)
        again = code_stories([Story(id="k", text=text)], store=store)
        assert (first.coded, again.coded, again.unchanged) == (1, 0, 1)
        assert again.warnings == ["k: story 'k' has no publication date here: the stored one, 2025-06-10, is kept"]
        assert {r["date"]["start"] for r in store.records()} == {"2025-06-09"}
        # another text is another story version: coded again, and today stands in
        changed = code_stories([Story(id="k", text=text + " Two were released.")], store=store)
        assert changed.coded == 1 and changed.warnings == []
