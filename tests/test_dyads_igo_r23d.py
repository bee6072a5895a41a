"""Dyads with international organisations (twenty-third round, r23d).

A fresh user found an EU->IRN SANCTION with ``tidings events --dyad EU-IRN`` and an
EU->IRN edge in ``/api/network``, while ``tidings dyads --dyad EU-IRN`` printed an empty
table and the explorer's ``/dyads/EU-IRN`` page said 0 events: the dyad counts keyed a
party by its country only, and an international organisation (the actor KB's IGO codes:
EU, AU, UN, ...) has none. A party's key is now its country, else its IGO code, in every
view. Stories and events are built by hand, with sentences of our own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Story, make_event_id
from tidings.store import Store

ASEAN = Entity(text="ASEAN", name="ASEAN", igo="ASEAN", sector="IGO")
ECOWAS = Entity(text="the West African bloc", name="ECOWAS", igo="ECOWAS", sector="IGO")
MMR = Entity(text="Myanmar's junta", name="Government of Myanmar", country="MMR", sector="GOV")
NER = Entity(text="Niamey", name="Government of Niger", country="NER", sector="GOV")
THA = Entity(text="Bangkok", name="Government of Thailand", country="THA", sector="GOV")


def _story(sid: str, text: str, pub_date: str = "2024-05-10") -> Story:
    return Story(id=sid, text=text, pub_date=pub_date, origin=f"mine.jsonl:{sid}")


def _event(story: Story, etype: str, actor: list[Entity], recipient: list[Entity],
           start: str, idx: int = 0) -> Event:
    return Event(
        event_id=make_event_id(story.id, story.text_hash(), idx, etype, 4, "v1"),
        story_id=story.id, sentence_index=idx, sentence=story.text,
        evidence_span=(0, len(story.text)), trigger="x", event_type=etype, mode=None,
        contexts=[], aux_modes=[], actor=actor, recipient=recipient,
        date=EventDate(start=start, end=start, granularity="day", text="Tuesday"),
        location=None, quad_class=QUAD_CLASS[etype], confidence=0.8, cameo=None,
        claimed_by=[])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("igo") / "igo.duckdb"
    s1 = _story("a1", "ASEAN barred Myanmar's junta from its summit on Tuesday.")
    s2 = _story("a2", "The West African bloc flew food aid to Niamey on Tuesday.",
                "2024-02-27")
    s3 = _story("a3", "Bangkok and ASEAN held talks on the border on Tuesday.")
    s4 = _story("a4", "Myanmar's junta accused ASEAN of bias on Tuesday.")
    with Store(path) as store:
        store.save_story(s1, [_event(s1, "SANCTION", [ASEAN], [MMR], "2024-05-07")], "v1")
        store.save_story(s2, [_event(s2, "AID", [ECOWAS], [NER], "2024-02-27")], "v1")
        store.save_story(s3, [_event(s3, "CONSULT", [THA, ASEAN], [], "2024-05-07")], "v1")
        store.save_story(s4, [_event(s4, "ACCUSE", [MMR], [ASEAN], "2024-05-07")], "v1")
    return path


def _rows(table) -> list[tuple]:
    return [(str(r["period"]), r["actor_country"], r["recipient_country"], r["quad_class"], r["n"])
            for r in table.to_pylist()]


def test_dyads_count_an_igo_party_by_its_code(db) -> None:
    with Store(db, read_only=True) as store:
        assert store.events(dyad="ASEAN-MMR").num_rows == 1
        assert _rows(store.dyads(dyad="ASEAN-MMR")) == [
            ("2024-05-01", "ASEAN", "MMR", "material_conflict", 1)]
        assert _rows(store.dyads(dyad="MMR-ASEAN")) == [
            ("2024-05-01", "MMR", "ASEAN", "verbal_conflict", 1)]
        assert _rows(store.dyads(actor="ECOWAS")) == [
            ("2024-02-01", "ECOWAS", "NER", "material_cooperation", 1)]
        # a joint meeting of a state and an organisation counts for both ordered pairs
        assert _rows(store.dyads(dyad="THA-ASEAN")) == [
            ("2024-05-01", "THA", "ASEAN", "verbal_cooperation", 1)]
        assert _rows(store.dyads(dyad="ASEAN-THA")) == [
            ("2024-05-01", "ASEAN", "THA", "verbal_cooperation", 1)]
        every = _rows(store.dyads())
    # the unfiltered table holds every event with an IGO party (none with recipient '-')
    assert ("2024-05-01", "ASEAN", "MMR", "material_conflict", 1) in every
    assert ("2024-02-01", "ECOWAS", "NER", "material_cooperation", 1) in every
    assert len(every) == 5


def test_dyads_command_shows_the_igo_dyad(db) -> None:
    from typer.testing import CliRunner

    from tidings.cli import app

    res = CliRunner().invoke(app, ["dyads", "--db", str(db), "--dyad", "ASEAN-MMR", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["period,actor_country,recipient_country,quad_class,n",
                                       "2024-05-01,ASEAN,MMR,material_conflict,1"]


def test_explorer_and_api_agree_on_an_igo_dyad(db) -> None:
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        series = c.get("/api/dyads/ASEAN-MMR").json()
        assert series["total"] == 1 and series["reverse_total"] == 1
        assert series["series"]["material_conflict"] == [1]
        assert c.get("/dyads/ASEAN-MMR.json").json()["total"] == 1
        page = c.get("/dyads/ASEAN-MMR").text
        assert '<span id="dyad-total">1</span> events from ASEAN to MMR' in page
        totals = {d["dyad"]: d["n"] for d in c.get("/api/dyads").json()["dyads"]}
        edges = {(e["source"], e["target"]): e["n"] for e in c.get("/api/network").json()["edges"]}
    assert totals["ASEAN-MMR"] == edges[("ASEAN", "MMR")] == 1
    assert totals["ECOWAS-NER"] == edges[("ECOWAS", "NER")] == 1
    assert totals["MMR-ASEAN"] == edges[("MMR", "ASEAN")] == 1
