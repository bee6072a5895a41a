"""Events that nothing dated (twenty-third round, r23d).

A story with no publication date whose text dates nothing is coded as documented
(README, docs/dates-and-places.md "No publication date"): its events carry the day of
coding, granularity ``story``, ``source`` ``publication``, with a warning. A fresh user
found that those events were then counted in the current month's dyads, as if that day
were known, and that the explorer's event page said "(story: publication date used)"
though the story has none. The record stays as documented; the dyad counts (and the
network, whose edges are dyad counts) leave such events out and say how many, and the
event page says the date is unknown. Stories and events are built by hand, with
sentences of our own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Story, make_event_id
from tidings.store import Store

TODAY = date.today().isoformat()
GEO = Entity(text="Tbilisi", name="Government of Georgia", country="GEO", sector="GOV")
RUS = Entity(text="Moscow", name="Government of Russia", country="RUS", sector="GOV")
ARM = Entity(text="Yerevan", name="Government of Armenia", country="ARM", sector="GOV")


def _event(story: Story, actor: Entity, recipient: Entity, start: str, source: str,
           granularity: str, text: str | None, etype: str = "ACCUSE") -> Event:
    return Event(
        event_id=make_event_id(story.id, story.text_hash(), 0, etype, 0, "v1"),
        story_id=story.id, sentence_index=0, sentence=story.text,
        evidence_span=(0, len(story.text)), trigger="accused", event_type=etype, mode=None,
        contexts=[], aux_modes=[], actor=[actor], recipient=[recipient],
        date=EventDate(start=start, end=start, granularity=granularity, text=text, source=source),
        location=None, quad_class=QUAD_CLASS[etype], confidence=0.8, cameo=None, claimed_by=[])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("undated") / "undated.duckdb"
    # u1, u2: no publication date, nothing dates the event -> the day of coding
    u1 = Story(id="u1", text="Tbilisi accused Moscow of moving the border fences.", pub_date=None)
    u2 = Story(id="u2", text="Yerevan accused Moscow of failing to keep its promises.", pub_date=None)
    # y1: no publication date, but a phrase naming its year dates the event
    y1 = Story(id="y1", text="In March 2021 Tbilisi accused Moscow of shelling a village.", pub_date=None)
    # d1: a dated story whose event takes the publication date
    d1 = Story(id="d1", text="Tbilisi accused Moscow of detaining two shepherds.", pub_date="2024-09-18")
    with Store(path) as store:
        store.save_story(u1, [_event(u1, GEO, RUS, TODAY, "publication", "story", None)], "v1")
        store.save_story(u2, [_event(u2, ARM, RUS, TODAY, "publication", "story", None)], "v1")
        store.save_story(y1, [_event(y1, GEO, RUS, "2021-03-01", "sentence", "month", "In March 2021")], "v1")
        store.save_story(d1, [_event(d1, GEO, RUS, "2024-09-18", "publication", "story", None)], "v1")
    return path


def test_store_dyads_leave_out_events_nothing_dated(db) -> None:
    with Store(db, read_only=True) as store:
        rows = [(str(r["period"]), r["actor_country"], r["recipient_country"], r["n"])
                for r in store.dyads().to_pylist()]
        assert rows == [("2021-03-01", "GEO", "RUS", 1), ("2024-09-01", "GEO", "RUS", 1)]
        assert store.dyads_undated() == 2
        assert store.dyads_undated(dyad="GEO-RUS") == 1
        assert store.dyads_undated(dyad="GEO-ARM") == 0
        # counted in the day of coding only when asked
        assert store.dyads(undated=True).num_rows == 4
        # the events stay as coded (documented): listed, and found by the filter
        assert store.events().num_rows == 4
        assert sorted(store.events(undated=True).column("story_id").to_pylist()) == ["u1", "u2"]
        assert sorted(store.events(undated=False).column("story_id").to_pylist()) == ["d1", "y1"]


def test_dyads_command_notes_how_many_were_left_out(db) -> None:
    from typer.testing import CliRunner

    from tidings.cli import app

    res = CliRunner().invoke(app, ["dyads", "--db", str(db), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["period,actor_country,recipient_country,quad_class,n",
                                       "2021-03-01,GEO,RUS,verbal_conflict,1",
                                       "2024-09-01,GEO,RUS,verbal_conflict,1"]
    assert res.stderr.startswith("note: 2 events left out: their stories have no publication date")


@pytest.fixture(scope="module")
def client(db):
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_api_dyads_and_network_leave_them_out_and_say_so(client) -> None:
    body = client.get("/api/dyads").json()
    assert body["undated"] == 2
    assert [(d["dyad"], d["n"]) for d in body["dyads"]] == [("GEO-RUS", 2)]
    series = client.get("/api/dyads/GEO-RUS").json()
    assert (series["total"], series["undated"]) == (2, 1)
    assert TODAY[:7] + "-01" not in series["periods"]
    net = client.get("/api/network").json()
    assert net["undated"] == 2
    assert [(e["source"], e["target"], e["n"]) for e in net["edges"]] == [("GEO", "RUS", 2)]
    page = client.get("/dyads/GEO-RUS").text
    assert "1 event left out: its story has no publication date" in page


def test_event_page_says_the_date_is_unknown(client) -> None:
    ids = {e["story_id"]: e["event_id"] for e in client.get("/api/events").json()["events"]}
    undated = client.get(f"/events/{ids['u1']}").text
    assert "publication date used" not in undated
    assert ("unknown <span class=\"muted\">(the story has no publication date and nothing in its "
            f"text dates this event; the record carries the day it was coded, {TODAY}") in undated
    assert client.get(f"/events/{ids['u1']}.json").json()["undated"] is True
    # a dated story's event still says where its date came from
    dated = client.get(f"/events/{ids['d1']}").text
    assert "2024-09-18 <span class=\"muted\">(story: publication date used)" in dated
    assert client.get(f"/events/{ids['y1']}.json").json()["undated"] is False
