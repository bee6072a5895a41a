"""The worker module both engines share, and the one failure record (issue 14)."""

from __future__ import annotations

import json

from tidings.engines import local, ray, worker
from tidings.read import ReadFailure, ReadOptions, story_from_record
from tidings.records import Failure, Story


def test_engine_worker_one_failure_type_for_reading_and_coding() -> None:
    assert ReadFailure is Failure
    bad = story_from_record({"id": "x", "text": "  "}, "s.jsonl:3", ReadOptions())
    assert bad == Failure("s.jsonl:3", "x", "T106", "s.jsonl:3: story 'x' has no text (field 'text')",
                          "read")
    story = Story(id="big", text="a " * 60, origin="s.jsonl:4")
    f = worker.check_story(story, worker.Limits(max_story_chars=100))
    assert f == Failure("s.jsonl:4", "big", "T109", "s.jsonl:4: story 'big' has 120 characters, over "
                        "the limit of 100 (raise it with --max-story-chars)", "limits")


def test_engine_worker_failure_round_trips_through_json() -> None:
    f = Failure("rest.jsonl", "a", "T108", "rest.jsonl: duplicate story id 'a' in this run; first one kept")
    d = json.loads(json.dumps(f.to_dict()))
    assert d == {"story_id": "a", "origin": "rest.jsonl", "stage": "read", "code": "T108",
                 "message": "rest.jsonl: duplicate story id 'a' in this run; first one kept"}
    assert Failure.from_dict(d) == f
    assert Failure.from_dict({**d, "story_id": None, "stage": "code"}).stage == "code"


def test_engine_worker_is_shared_by_both_engines() -> None:
    assert local.StoryWorker is ray.StoryWorker is worker.StoryWorker
    assert local.Limits is ray.Limits is worker.Limits


def test_engine_worker_chunks_by_count_and_characters() -> None:
    stories = [Story(id=str(i), text="x" * n) for i, n in enumerate([5, 5, 20, 1, 1, 1])]
    ids = lambda chunks: [[s.id for s in c] for c in chunks]  # noqa: E731
    assert ids(worker.chunk_stories(stories, 4, None)) == [["0", "1", "2", "3"], ["4", "5"]]
    assert ids(worker.chunk_stories(stories, 10, 12)) == [["0", "1"], ["2"], ["3", "4", "5"]]
    assert ids(worker.chunk_stories([], 3, None)) == []


def test_check_story_refuses_a_publication_date_no_reader_would_accept():
    # a Story made in Python passes no reader: its date is checked before coding (T103),
    # so that no event is dated in 2999; a missing one stays missing
    from tidings.records import Story

    lim = worker.Limits(languages=None)
    bad = worker.check_story(Story(id="p", text="Peru expelled a diplomat.", pub_date="2999-12-31"), lim)
    assert (bad.code, bad.stage, bad.story_id) == ("T103", "read", "p")
    assert bad.message.startswith("p: story 'p' has a bad date: '2999-12-31' is outside")
    assert worker.check_story(Story(id="q", text="Peru expelled a diplomat.", pub_date="1850-01-01"), lim).code == "T103"
    import pandas as pd

    for ok in ("1999-08-02", "2025-03", None, "", float("nan"), pd.NaT, pd.NA):
        assert worker.check_story(Story(id="r", text="Peru expelled a diplomat.", pub_date=ok), lim) is None
