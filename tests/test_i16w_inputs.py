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
