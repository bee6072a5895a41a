"""The README's example record is real: coding the bundled example story gives it.

Every field is compared except ``confidence`` (refitted with each calibration); the record
is found by its sentence, trigger and type, and then its ``event_id`` must be the README's
too: the id holds the pipeline version, which changes with every change to the coder's
data, and a fresh user who ran the quick start met a README id two changes old
(twenty-fourth round). A change to the coder that alters the record or its id must
update the README with it.
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_record() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"A real record, coded from `examples/stories.jsonl` \(story `([^`]+)`\):\s*```json\n(.*?)```",
                  text, re.S)
    assert m, "README: the example record block was not found"
    return {"story": m.group(1), **json.loads(m.group(2))}


def test_readme_example_record_is_what_tidings_codes(nlp):
    from tidings.dates import story_dates, story_sentences
    from tidings.records import Story

    want = _readme_record()
    story_id = want.pop("story")
    line = next(json.loads(x) for x in (ROOT / "examples" / "stories.jsonl").read_text(encoding="utf-8").splitlines()
                if x.strip() and json.loads(x).get("id") == story_id)
    story = Story(id=line["id"], text=line["text"], pub_date=line.get("pub_date"))
    key = ("sentence_index", "trigger", "event_type")
    doc = nlp(story.text)
    # as the engines code a story: the coder with its learned model, then the dates from
    # the story (issue 19)
    from tidings.coding import Coder

    coder = Coder()
    events = story_dates(coder.code_doc(doc, story), story.pub_date, story_sentences(story.text, doc.sents))
    got = {tuple(d[k] for k in key): d for d in (e.to_dict() for e in events)}
    want_key = tuple(want[k] for k in key)
    assert want_key in got, f"README event {want_key} is no longer produced"
    have = got[want_key]
    assert len(have["event_id"]) == len(want["event_id"]) == 20
    for k in want:
        if k not in ("confidence", "event_id"):
            assert have[k] == want[k], (k, have[k], want[k])
    # the id a user gets: a change to the coder's data changes every id (it holds the
    # pipeline version), and the README must show the one the quick start now prints
    assert have["event_id"] == want["event_id"], \
        f"README: the example record's event_id is now {have['event_id']!r}; update it (and the VOA record's)"


def test_readme_output_files_are_ignored_by_git():
    # issue 13: following the README left `events.parquet` as an untracked file
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```(?:bash)?\n(.*?)```", text, re.S))
    names = {m for m in re.findall(r"(?:--out|-o|--db) (\S+)", blocks)
             if "/" not in m and m != "-" and not m.isupper() and "." in m}
    assert {"events.jsonl", "events.parquet", "voa.duckdb"} <= names, names
    for name in sorted(names):
        res = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT)
        assert res.returncode == 0, f"{name}, written by a README command, is not in .gitignore"


def test_readme_api_example_is_the_real_answer(tmp_path):
    """The README's ``/api/events?type=SANCTION&limit=1`` answer, over the quick start's
    store (the bundled examples): every top-level field the API returns is shown with its
    real value (a fresh user found ``filters``, ``outputs`` and ``warnings`` left out),
    and the abridged event's fields are the real event's."""
    import pytest

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from tidings.cli import app
    from tidings.serve import create_app

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"curl -s 'http://127\.0\.0\.1:8000(/api/events\?[^']+)'\n```\n```json\n(.*?)```", text, re.S)
    assert m, "README: the REST API example was not found"
    url, shown = m.group(1), json.loads(m.group(2).replace(", ...", ""))   # "..." marks what is abridged
    db = tmp_path / "tidings.duckdb"
    res = CliRunner().invoke(app, ["code", str(ROOT / "examples"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        real = client.get(url).json()
    assert list(shown) == list(real)                 # every field, in the API's order
    assert {k: v for k, v in shown.items() if k != "events"} == {k: v for k, v in real.items() if k != "events"}
    assert len(shown["events"]) == len(real["events"]) == 1
    event, got = shown["events"][0], real["events"][0]
    for key, value in event.items():
        if key in ("actor", "recipient"):
            assert [{k: e[k] for k in ent} for e, ent in zip(got[key], value)] == value and len(got[key]) == len(value)
        else:
            assert got[key] == value, key
