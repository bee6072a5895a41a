"""The explorer's network and the dyad counts agree (twenty-fourth round, r24d).

``/api/network`` counted its edges from ``Store.events`` in Python: it kept historical
events with no date of their own, which ``tidings dyads`` leaves out (filter
``undated_historical``: their period is unknown), and it left out a meeting,
agreement or cooperation told jointly with no recipient, which the dyads count for each
ordered pair of its actor parties (docs/store.md, ``tidings dyads``). Its edges now come
from the dyads' own query (``Store.dyad_pairs``), so an edge's weight is what ``tidings
dyads`` counts for the pair with the same filters. Stories and events are built by
hand, with sentences of our own.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Story, make_event_id
from tidings.serve import data
from tidings.store import Store

BRA = Entity(text="Brasilia", name="Government of Brazil", country="BRA", sector="GOV")
PRY = Entity(text="Asuncion", name="Government of Paraguay", country="PRY", sector="GOV")
URY = Entity(text="Montevideo", name="Government of Uruguay", country="URY", sector="GOV")
MERCOSUR = Entity(text="the trade bloc", name="MERCOSUR", igo="MERCOSUR", sector="IGO")


def _story(sid: str, text: str, pub_date: str | None = "2025-09-18") -> Story:
    return Story(id=sid, text=text, pub_date=pub_date, origin=f"mine.jsonl:{sid}")


def _event(story: Story, etype: str, actor: list[Entity], recipient: list[Entity],
           start: str, idx: int = 0, aux: tuple[str, ...] = (), source: str = "sentence") -> Event:
    return Event(
        event_id=make_event_id(story.id, story.text_hash(), idx, etype, 4, "v1"),
        story_id=story.id, sentence_index=idx, sentence=story.text,
        evidence_span=(0, len(story.text)), trigger="x", event_type=etype, mode=None,
        contexts=[], aux_modes=list(aux), actor=actor, recipient=recipient,
        date=EventDate(start=start, end=start, granularity="day", text=None if source != "sentence" else "Monday",
                       source=source),
        location=None, quad_class=QUAD_CLASS[etype], confidence=0.8, cameo=None,
        claimed_by=[])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("net") / "net.duckdb"
    s1 = _story("n1", "Brasilia accused Asuncion of smuggling on Monday.")
    s2 = _story("n2", "Brasilia and Montevideo signed a river treaty on Monday.")
    s3 = _story("n3", "Brasilia once accused Asuncion of hoarding water.")
    s4 = _story("n4", "Brasilia did not threaten Montevideo on Monday.")
    s5 = _story("n5", "The trade bloc fined Asuncion over tariffs.", pub_date=None)
    s6 = _story("n6", "Asuncion and Brasilia met the trade bloc on Monday.")
    with Store(path) as store:
        store.save_story(s1, [_event(s1, "ACCUSE", [BRA], [PRY], "2025-09-15")], "v1")
        # a joint agreement, no recipient: BRA-URY and URY-BRA in the dyads
        store.save_story(s2, [_event(s2, "AGREE", [BRA, URY], [], "2025-09-15")], "v1")
        # a historical act dated only by the story's publication: its period is unknown
        store.save_story(s3, [_event(s3, "ACCUSE", [BRA], [PRY], "2025-09-18",
                                     aux=("historical",), source="publication")], "v1")
        # a negated act: counted only with happened false (--all-modes)
        store.save_story(s4, [_event(s4, "THREATEN", [BRA], [URY], "2025-09-15",
                                     aux=("negation",))], "v1")
        # nothing dated it (no publication date): the day of coding, left out, counted apart
        store.save_story(s5, [_event(s5, "SANCTION", [MERCOSUR], [PRY], "2026-01-05",
                                     source="publication")], "v1")
        store.save_story(s6, [_event(s6, "CONSULT", [PRY, BRA], [MERCOSUR], "2025-09-15")], "v1")
    return path


def _cli_dyads(db: Path, *args: str) -> Counter:
    """``tidings dyads --format json`` summed over periods: (actor, recipient) -> events,
    the rows with a recipient (the network's edges)."""
    res = CliRunner().invoke(app, ["dyads", "--db", str(db), "--format", "json", *args])
    assert res.exit_code == 0, res.output
    out: Counter = Counter()
    for r in json.loads(res.stdout):
        if r["recipient_country"] is not None:
            out[(r["actor_country"], r["recipient_country"])] += r["n"]
    return out


# (tidings dyads options, the same filters as the network takes them)
CASES = [
    ((), {}),
    (("--all-modes",), {"happened": False}),
    (("--dyad", "BRA-URY"), {"dyad": "BRA-URY"}),
    (("--actor", "BRA"), {"actor": "BRA"}),
    (("--recipient", "PRY"), {"recipient": "PRY"}),
    (("--type", "AGREE,CONSULT"), {"event_type": "AGREE,CONSULT"}),
    (("--from", "2025-09-16"), {"date_from": "2025-09-16"}),
    (("--per", "cluster"), {}),
]


@pytest.mark.parametrize(("args", "filters"), CASES)
def test_network_edges_equal_the_dyad_counts(db, args, filters) -> None:
    per = "cluster" if "--per" in args else "event"
    with Store(db, read_only=True) as store:
        net = data.network(store, filters, min_count=1, per=per)
    assert {(e["source"], e["target"]): e["n"] for e in net["edges"]} == dict(_cli_dyads(db, *args))


def test_network_counts_joint_acts_and_leaves_out_undated_historical(db) -> None:
    with Store(db, read_only=True) as store:
        net = data.network(store, {}, min_count=1)
        every = data.network(store, {"happened": False}, min_count=1)
    edges = {(e["source"], e["target"]): (e["n"], e["by_quad"]) for e in net["edges"]}
    # the historical accusation with no date of its own is not a second BRA-PRY event
    assert edges[("BRA", "PRY")][0] == 1
    # the joint treaty (AGREE: verbal cooperation) counts both ways
    assert edges[("BRA", "URY")] == (1, {"verbal_cooperation": 1, "material_cooperation": 0,
                                         "verbal_conflict": 0, "material_conflict": 0})
    assert edges[("URY", "BRA")][0] == 1
    # the negated threat only with happened false; the MERCOSUR fine, undated, never
    assert {(e["source"], e["target"]): e["n"] for e in every["edges"]}[("BRA", "URY")] == 2
    assert ("MERCOSUR", "PRY") not in edges and net["undated"] == 1
    kinds = {n["id"]: n["kind"] for n in net["nodes"]}
    assert kinds == {"BRA": "country", "PRY": "country", "URY": "country", "MERCOSUR": "igo"}


def test_api_network_matches_the_dyads_page(db) -> None:
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        net = c.get("/api/network?min_count=1").json()
        dyads = c.get("/api/dyads?period=year").json()
    assert net["ok"] and net["undated"] == dyads["undated"] == 1
    assert {(e["source"], e["target"]): e["n"] for e in net["edges"]} == \
        {(d["actor_country"], d["recipient_country"]): d["n"] for d in dyads["dyads"]}
