"""Tests of ``tidings serve``'s REST API, pages and JSON twins (issue 7).

A store is built by hand (no spaCy) and served in-process with FastAPI's TestClient;
HTML is read with BeautifulSoup. Only the ``POST /api/code`` coding tests load the model.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed "
                    "(pip install -e '.[serve]')")
pytest.importorskip("bs4", reason="beautifulsoup4 is not installed (pip install -e '.[test]')")

import typer  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from contract import EventModel  # noqa: E402
from tidings.errors import StoreError  # noqa: E402
from tidings.records import (QUAD_CLASS, Entity, Event, EventDate, Place,  # noqa: E402
                             Story, make_event_id)
from tidings.serve import create_app  # noqa: E402
from tidings.serve.cli import register  # noqa: E402
from tidings.serve.data import QUAD_CLASSES, highlight, parse_dyad, segments  # noqa: E402
from tidings.store import Store  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

V = "0.1.0"
#: The address TestClient pretends to serve (the server checks the Host header).
BASE = "http://127.0.0.1:8000"
USA = Entity(text="Washington", name="Government of the United States", country="USA",
             sector="GOV", kb_id="Q30")
AZE = Entity(text="Baku", name="Government of Azerbaijan", country="AZE", sector="GOV")
ARM = Entity(text="Yerevan", name="Government of Armenia", country="ARM", sector="GOV")
EU = Entity(text="the European Union", name="European Union", igo="EU", sector="IGO")
PROTESTERS = Entity(text="protesters", country="FRA", sector="CVL")
PARIS = Place(text="Paris", name="Paris", country="FRA", lat=48.85, lon=2.35,
              geonames_id=2988507, feature="populated_place")
GENEVA = Place(text="Geneva", name="Geneva", country="CHE", admin1="Geneva", lat=46.2,
               lon=6.15, geonames_id=2660646, feature="populated_place")

SCRIPT = "<script>window.__pwned = 1</script>"
TEXTS = {
    "s1": "Talks stalled in March. Washington accused Baku of violating the ceasefire. "
          "Officials met in Geneva on Tuesday.",
    "s2": f"{SCRIPT} Armenian protesters marched in Paris. Police watched <b>closely</b>.",
    "s3": "Baku and Yerevan held talks in Geneva. They agreed to meet again.",
    "s4": "Washington accused Baku of blocking aid. The European Union sent aid to Yerevan.",
}


def story(sid: str, pub_date: str) -> Story:
    return Story(id=sid, text=TEXTS[sid], pub_date=pub_date, title=f"Story {sid}",
                 source="VOA", url=f"https://example.org/{sid}")


def event(s: Story, sentence: str, etype: str, trigger: str, actor: list[Entity],
          recipient: list[Entity], day: str, place: Place | None = None,
          confidence: float = 0.8, mode: str | None = None,
          contexts: tuple[str, ...] = ()) -> Event:
    start = s.text.index(sentence)
    idx = s.text[:start].count(". ")
    return Event(
        event_id=make_event_id(s.id, s.text_hash(), idx, etype, start, V),
        story_id=s.id, sentence_index=idx, sentence=sentence,
        evidence_span=(start, start + len(sentence)), trigger=trigger, event_type=etype,
        mode=mode, contexts=list(contexts), aux_modes=[], actor=actor, recipient=recipient,
        date=EventDate(start=day, end=day, granularity="day", text="Tuesday"),
        location=place, quad_class=QUAD_CLASS[etype], confidence=confidence,
        cameo=None, claimed_by=[])


def build_store(path: Path) -> dict[str, Event]:
    s1, s2 = story("s1", "2024-03-06"), story("s2", "2024-03-08")
    s3, s4 = story("s3", "2024-03-13"), story("s4", "2024-03-21")
    ev = {
        "accuse1": event(s1, "Washington accused Baku of violating the ceasefire.", "ACCUSE",
                         "accused", [USA], [AZE], "2024-03-05", GENEVA, 0.9, "allege",
                         ("military",)),
        "protest": event(s2, "Armenian protesters marched in Paris.", "PROTEST", "marched",
                         [PROTESTERS], [AZE], "2024-03-07", PARIS, 0.7, "demo"),
        "consult": event(s3, "Baku and Yerevan held talks in Geneva.", "CONSULT", "talks",
                         [AZE, ARM], [], "2024-03-12", GENEVA, 0.95, "meet",
                         ("diplomatic",)),
        "accuse2": event(s4, "Washington accused Baku of blocking aid.", "ACCUSE", "accused",
                         [USA], [AZE], "2024-03-20", None, 0.6, "allege"),
        "aid": event(s4, "The European Union sent aid to Yerevan.", "AID", "sent", [EU],
                     [ARM], "2024-03-20", None, 0.75),
    }
    with Store(path) as st:
        st.save_story(s1, [ev["accuse1"]], V)
        st.save_story(s2, [ev["protest"]], V)
        st.save_story(s3, [ev["consult"]], V)
        st.save_story(s4, [ev["accuse2"], ev["aid"]], V)
        st.cluster()
    return ev


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, Event]]:
    path = tmp_path_factory.mktemp("serve") / "t.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(built) -> TestClient:
    with TestClient(create_app(built[0]), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def ev(built) -> dict[str, Event]:
    return built[1]


def ids(resp) -> list[str]:
    return [e["event_id"] for e in resp.json()["events"]]


def soup(resp) -> BeautifulSoup:
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("text/html")
    return BeautifulSoup(resp.text, "html.parser")


# ------------------------------------------------------------------- pure helpers

def test_serve_highlight_splits_text_at_the_span() -> None:
    text = "One. Two <i>three</i>. Four."
    h = highlight(text, 5, 22, "Two <i>three</i>.", "three")
    assert (h["before"], h["evidence_before"], h["trigger"], h["evidence_after"],
            h["after"]) == ("One. ", "Two <i>", "three", "</i>.", " Four.")
    assert h["exact"] is True
    stale = highlight(text, 0, 3, "Four.", None)   # offsets off: found by the sentence
    assert (stale["start"], stale["end"], stale["exact"]) == (23, 28, False)
    assert "".join(stale[k] for k in ("before", "evidence_before", "trigger",
                                      "evidence_after", "after")) == text


def test_serve_segments_cover_the_text() -> None:
    recs = [{"event_id": "a", "evidence_span": [5, 9]},
            {"event_id": "b", "evidence_span": [5, 9]},
            {"event_id": "c", "evidence_span": [10, 14]}]
    segs = segments("0123456789abcdef", recs)
    assert "".join(s["text"] for s in segs) == "0123456789abcdef"
    assert [(s["text"], s["event_ids"]) for s in segs] == [
        ("01234", []), ("5678", ["a", "b"]), ("9", []), ("abcd", ["c"]), ("ef", [])]


def test_serve_parse_dyad() -> None:
    assert parse_dyad("USA-AZE") == ("USA", "AZE")
    assert parse_dyad("EU-RUS") == ("EU", "RUS")
    for bad in ("USA", "usa-aze", "USA-AZE-ARM", "U-AZE", "USA-"):
        with pytest.raises(Exception, match="two country codes"):
            parse_dyad(bad)


# --------------------------------------------------------------------- app set-up

def test_serve_create_app_fails_on_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as exc:
        create_app(tmp_path / "none.duckdb")
    assert exc.value.code == "T402"


def test_serve_cli_missing_store_is_one_error_line(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)   # keep `serve` a named subcommand
    missing = tmp_path / "none.duckdb"
    res = CliRunner().invoke(app, ["serve", "--db", str(missing)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"Error: [T402] no event store at {missing} (run "
                                  "`tidings code` to create one, or pass --db PATH)")


def test_serve_cli_port_in_use_is_one_error_line_before_the_banner(built) -> None:
    """A port another program listens on stops `serve` with T614 in the project's error
    form, exit status 1, and without the "tidings explorer on" line (before, uvicorn's own
    "[Errno 98]" came after that line, with exit status 3)."""
    import socket

    db, _ = built
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"Error: [T614] cannot listen on 127.0.0.1:{port}: the port "
                                  "is in use (stop the program using it, or choose another --port)")


def test_serve_check_listen_passes_a_free_port_and_names_a_bad_host() -> None:
    import socket

    from tidings.errors import TidingsError
    from tidings.serve.cli import check_listen

    with socket.socket() as probe:      # a port free a moment ago is free to check
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    check_listen("127.0.0.1", port)
    check_listen("127.0.0.1", port)     # the check leaves nothing bound behind
    with pytest.raises(TidingsError) as err:
        check_listen("nowhere.invalid", port)
    assert err.value.code == "T614"
    assert err.value.message.startswith(f"cannot listen on nowhere.invalid:{port}: the host name")


def test_serve_stats(client) -> None:
    body = client.get("/api/stats").json()
    assert body["ok"] is True
    assert body["stats"] == {"stories": 4, "events": 5, "entities": 10, "failures": 0,
                             "clusters": 5}
    from tidings.store import SCHEMA_VERSION

    assert body["schema_version"] == SCHEMA_VERSION == 6


def test_serve_openapi_lists_every_endpoint(client) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/stats", "/api/stories", "/api/stories/{story_id}", "/api/events",
        "/api/events/{event_id}", "/api/actors", "/api/dyads", "/api/dyads/{pair}",
        "/api/network", "/api/code"}
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params == {"actor", "recipient", "dyad", "type", "mode", "context", "from",
                      "to", "date_from", "date_to", "place", "min_confidence", "happened",
                      "text", "story_id", "candidates", "per", "limit", "offset", "sort"}
    # the dyad counts keep only events that happened unless happened=false
    default = {p["name"]: p["schema"].get("default")
               for p in spec["paths"]["/api/dyads"]["get"]["parameters"]}
    assert default["happened"] == "true"
    assert {p["name"]: p["schema"].get("default") for p in
            spec["paths"]["/api/events"]["get"]["parameters"]}["happened"] is None
    body = spec["paths"]["/api/code"]["post"]["requestBody"]["content"]["application/json"]
    # an id is made from the text; without a pub_date the story is coded as `tidings
    # code` codes an undated record
    assert body["schema"]["required"] == ["text"]


# ------------------------------------------------------------------------ events

def test_serve_events_newest_and_most_confident_first(client, ev) -> None:
    # issue 13: the explorer opened on the oldest events (1860s background, confidence 0.06)
    r = client.get("/api/events")
    body = r.json()
    assert r.status_code == 200 and body["ok"] is True
    assert body["total"] == body["count"] == 5 and body["sort"] == "newest"
    # aid and accuse2 share the newest date: the more confident (0.75) first
    assert ids(r) == [ev[k].event_id for k in ("aid", "accuse2", "consult", "protest", "accuse1")]
    for rec in body["events"]:
        EventModel.model_validate(rec)
    assert body["events"][0] == ev["aid"].to_dict()
    assert ids(client.get("/api/events?sort=oldest")) == [
        ev["accuse1"].event_id, ev["protest"].event_id, ev["consult"].event_id] + sorted(
        [ev["accuse2"].event_id, ev["aid"].event_id])
    assert ids(client.get("/api/events?sort=confidence")) == [
        ev[k].event_id for k in ("consult", "accuse1", "aid", "protest", "accuse2")]
    r = client.get("/api/events?sort=random")
    assert r.status_code == 422 and r.json()["error"].startswith("[T605] query.sort:")


@pytest.mark.parametrize("query, expected", [
    ("dyad=USA-AZE", ["accuse1", "accuse2"]),
    ("actor=USA", ["accuse1", "accuse2"]),
    ("actor=EU", ["aid"]),
    ("actor=armenia", ["consult"]),
    # and the joint talks of AZE and ARM, as the dyad counts read them (guide section 6)
    ("recipient=ARM", ["aid", "consult"]),
    ("dyad=ARM-AZE", ["consult"]),
    ("dyad=AZE-ARM", ["consult"]),
    ("type=PROTEST", ["protest"]),
    ("type=accuse,aid", ["accuse1", "accuse2", "aid"]),
    ("mode=meet", ["consult"]),
    ("context=military", ["accuse1"]),
    ("from=2024-03-07&to=2024-03-12", ["protest", "consult"]),
    ("place=Paris", ["protest"]),
    ("place=CHE", ["accuse1", "consult"]),
    ("place=che", ["accuse1", "consult"]),
    ("min_confidence=0.8", ["accuse1", "consult"]),
    ("text=blocking", ["accuse2"]),
    ("story_id=s4", ["accuse2", "aid"]),
    ("dyad=USA-AZE&from=2024-03-15", ["accuse2"]),
    ("actor=&recipient=&type=", ["accuse1", "protest", "consult", "accuse2", "aid"]),
])
def test_serve_events_filters(client, ev, query, expected) -> None:
    got = ids(client.get(f"/api/events?{query}"))
    assert sorted(got) == sorted(ev[k].event_id for k in expected)


def test_serve_events_pages_and_clusters(client, ev) -> None:
    r = client.get("/api/events?limit=2&offset=1").json()
    assert (r["total"], r["count"], r["limit"], r["offset"]) == (5, 2, 2, 1)
    assert [e["event_id"] for e in r["events"]] == [ev["accuse2"].event_id,
                                                    ev["consult"].event_id]
    cl = client.get("/api/events?per=cluster&dyad=USA-AZE").json()
    assert cl["per"] == "cluster" and cl["total"] == 2   # different weeks: not one event
    assert [e["cluster_size"] for e in cl["events"]] == [1, 1]


@pytest.mark.parametrize("query, status, message", [
    ("type=FOO", 400, "[T405] unknown event type 'FOO'"),
    ("from=yesterday", 400, "[T405] date_from must be a date YYYY-MM-DD, YYYY-MM or YYYY, not 'yesterday'"),
    ("min_confidence=high", 400, "[T405] min_confidence must be a number from 0 to 1, "
                                 "not 'high'"),
    ("min_confidence=2", 400, "[T405] min_confidence must be a number from 0 to 1, not '2'"),
    ("from=2025-03-10&to=2025-03-01", 400, "[T405] date_from 2025-03-10 is after date_to "
                                           "2025-03-01"),
    ("mode=bogus", 400, "[T405] unknown mode 'bogus'"),
    ("dyad=XXX-YYY", 400, "[T405] unknown country or IGO code 'XXX' in dyad"),
    ("actor=ZZZ", 400, "[T405] unknown country or IGO code 'ZZZ' in actor"),
    ("limit=-1", 422, "[T605] query.limit: Input should be greater than or equal to 0"),
    ("limit=ten", 422, "[T605] query.limit: Input should be a valid integer"),
    ("per=story", 422, "[T605] query.per: String should match pattern '^(event|cluster)$'"),
    # a fresh-user trial: an offset past 64 bits was a server error (500, T410) from DuckDB
    ("offset=9223372036854775807", 422, "[T605] query.offset: Input should be less than or equal to"),
])
def test_serve_events_bad_input_is_a_json_error(client, query, status, message) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status", "code"}
    assert body["ok"] is False and body["status"] == status
    assert body["error"].startswith(message)


def test_serve_one_event_with_its_evidence(client, ev) -> None:
    e = ev["accuse1"]
    body = client.get(f"/api/events/{e.event_id}").json()
    assert body["event"] == e.to_dict()
    assert body["story"]["text"] == TEXTS["s1"]
    assert body["story"]["title"] == "Story s1"
    assert body["evidence"] == {
        "before": "Talks stalled in March. ", "evidence_before": "Washington ",
        "trigger": "accused", "evidence_after": " Baku of violating the ceasefire.",
        "after": " Officials met in Geneva on Tuesday.", "start": 24, "end": 75,
        "exact": True}
    assert body["story_events"] == []
    assert body["cluster_id"] == e.event_id


def test_serve_event_lists_the_other_events_of_its_story(client, ev) -> None:
    body = client.get(f"/api/events/{ev['aid'].event_id}").json()
    assert body["story_events"] == [{
        "event_id": ev["accuse2"].event_id, "event_type": "ACCUSE", "date": "2024-03-20",
        "sentence_index": 0, "actor": ["Government of the United States (USA)"],
        "recipient": ["Government of Azerbaijan (AZE)"]}]


def test_serve_unknown_ids_are_404(client) -> None:
    for url, what in (("/api/events/nope", "[T601] no event 'nope' in the store"),
                      ("/api/stories/nope", "[T601] no story 'nope' in the store")):
        r = client.get(url)
        assert r.status_code == 404
        assert r.json() == {"ok": False, "error": what, "status": 404, "code": "T601"}
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"] == "[T600] no page or endpoint at /api/nothing-here"


# ---------------------------------------------------------------- stories, actors

def test_serve_stories(client) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 4
    assert [(s["story_id"], s["n_events"]) for s in body["stories"]] == [
        ("s4", 2), ("s3", 1), ("s2", 1), ("s1", 1)]
    assert "text" not in body["stories"][0]
    assert [s["story_id"] for s in client.get("/api/stories?q=yerevan").json()["stories"]] \
        == ["s4", "s3"]
    assert client.get("/api/stories?limit=1&offset=3").json()["stories"][0]["story_id"] == "s1"


def test_serve_story_with_segments(client, ev) -> None:
    body = client.get("/api/stories/s4").json()
    assert body["story"]["text"] == TEXTS["s4"]
    assert [e["event_id"] for e in body["events"]] == sorted(
        [ev["accuse2"].event_id, ev["aid"].event_id])
    marked = [(s["text"], s["event_ids"]) for s in body["segments"] if s["event_ids"]]
    assert marked == [("Washington accused Baku of blocking aid.", [ev["accuse2"].event_id]),
                      ("The European Union sent aid to Yerevan.", [ev["aid"].event_id])]
    assert "".join(s["text"] for s in body["segments"]) == TEXTS["s4"]


def test_serve_actors(client) -> None:
    body = client.get("/api/actors").json()
    rows = {(a["name"], a["country"], a["igo"]): (a["as_actor"], a["as_recipient"])
            for a in body["actors"]}
    assert rows == {
        ("Government of Azerbaijan", "AZE", None): (1, 3),
        ("Government of the United States", "USA", None): (2, 0),
        ("Government of Armenia", "ARM", None): (1, 1),
        ("European Union", None, "EU"): (1, 0),
        ("protesters", "FRA", None): (1, 0),
    }
    assert body["actors"][0]["name"] == "Government of Azerbaijan"   # most events first
    assert [a["name"] for a in client.get("/api/actors?q=EU").json()["actors"]] == [
        "European Union"]


# ---------------------------------------------------------------- dyads, network

def test_serve_dyad_counts(client) -> None:
    body = client.get("/api/dyads?period=week").json()
    # the EU has no country: it counts by its IGO code, as in the network (r23d; before,
    # IGO actors were left out of the dyads while /api/network showed the EU-ARM edge)
    # the AZE-ARM meeting told jointly counts for the pair, both ways (docs/store.md)
    assert [(d["dyad"], d["n"]) for d in body["dyads"]] == [("USA-AZE", 2), ("ARM-AZE", 1), ("AZE-ARM", 1),
                                                            ("EU-ARM", 1), ("FRA-AZE", 1)]
    assert body["dyads"][0]["by_quad"] == {"verbal_cooperation": 0,
                                           "material_cooperation": 0,
                                           "verbal_conflict": 2, "material_conflict": 0}
    assert {"period": "2024-03-11", "actor_country": "ARM", "recipient_country": "AZE",
            "quad_class": "verbal_cooperation", "n": 1} in body["rows"]


def test_serve_dyad_series_fills_empty_weeks(client) -> None:
    body = client.get("/api/dyads/USA-AZE?period=week").json()
    assert body["periods"] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert body["series"] == {"verbal_cooperation": [0, 0, 0],
                              "material_cooperation": [0, 0, 0],
                              "verbal_conflict": [1, 0, 1],
                              "material_conflict": [0, 0, 0]}
    assert (body["total"], body["reverse_total"]) == (2, 0)
    month = client.get("/api/dyads/USA-AZE?period=month").json()
    assert month["periods"] == ["2024-03-01"] and month["series"]["verbal_conflict"] == [2]
    empty = client.get("/api/dyads/AZE-USA").json()
    assert (empty["periods"], empty["total"], empty["reverse_total"]) == ([], 0, 2)


def test_serve_dyad_bad_input(client) -> None:
    r = client.get("/api/dyads/usa")
    assert r.status_code == 400
    # issue 13: every error message starts with its code, as the store's do
    assert r.json()["error"] == ("[T602] a dyad is two country codes joined by '-', e.g. "
                                 "USA-AZE, not 'usa'")
    r = client.get("/api/dyads/USA-AZE?period=decade")
    assert r.status_code == 422 and r.json()["error"].startswith("[T605] query.period:")


def test_serve_network(client) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): (e["n"], e["quad_class"]) for e in body["edges"]}
    # the AZE-ARM meeting told jointly (no recipient) is an edge both ways, as the
    # dyads count it (twenty-fourth round: the network left it out)
    assert edges == {("USA", "AZE"): (2, "verbal_conflict"),
                     ("FRA", "AZE"): (1, "material_conflict"),
                     ("EU", "ARM"): (1, "material_cooperation"),
                     ("AZE", "ARM"): (1, "verbal_cooperation"),
                     ("ARM", "AZE"): (1, "verbal_cooperation")}
    nodes = {n["id"]: (n["label"], n["kind"], n["out"], n["in"]) for n in body["nodes"]}
    assert nodes["AZE"] == ("Azerbaijan", "country", 1, 4)
    assert nodes["ARM"] == ("Armenia", "country", 1, 2)
    assert nodes["EU"] == ("EU", "igo", 1, 0)
    assert body["nodes"][0]["id"] == "AZE"
    assert [(e["source"], e["target"]) for e in
            client.get("/api/network?min_count=2").json()["edges"]] == [("USA", "AZE")]
    assert client.get("/api/network?type=AID").json()["edges"][0]["source"] == "EU"


def dense_network(n_nodes: int = 40) -> dict:
    """A network of ``n_nodes`` country codes: a hub, rings and chords, as data.network gives."""
    codes = [f"C{i:02d}" for i in range(n_nodes)]
    edges = []
    for i in range(1, n_nodes):
        edges.append({"source": codes[0], "target": codes[i], "n": 1 + i % 4})
        edges.append({"source": codes[i], "target": codes[(i * 7) % n_nodes or 1], "n": 1})
    for e in edges:
        e["by_quad"] = {q: (e["n"] if q == "verbal_conflict" else 0) for q in QUAD_CLASSES}
        e["quad_class"] = "verbal_conflict"
    out = {c: sum(e["n"] for e in edges if e["source"] == c) for c in codes}
    into = {c: sum(e["n"] for e in edges if e["target"] == c) for c in codes}
    nodes = sorted(({"id": c, "label": c, "kind": "country", "out": out[c], "in": into[c]}
                    for c in codes), key=lambda v: -(v["out"] + v["in"]))
    return {"nodes": nodes, "edges": edges, "min_count": 1}


@pytest.mark.parametrize("n_nodes", [2, 12, 40])
def test_serve_network_layout_keeps_labels_apart_and_inside(n_nodes) -> None:
    # issue 13: on a circle, the default network's labels ran into each other
    from tidings.serve.figures import CANVAS_H, CANVAS_W, _box, layout_network, network_figure

    net = dense_network(n_nodes)
    pos = layout_network(net["nodes"], net["edges"])
    assert set(pos) == {v["id"] for v in net["nodes"]}
    boxes = [_box(*pos[v["id"]], v["id"], 10 + 4 * (v["out"] + v["in"]) ** 0.5) for v in net["nodes"]]
    for left, bottom, right, top in boxes:
        assert 0 <= left and right <= CANVAS_W and 0 <= bottom and top <= CANVAS_H
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (a, b)
    assert pos == layout_network(net["nodes"], net["edges"])          # deterministic
    fig = network_figure(net)
    assert fig["layout"]["xaxis"]["range"] == [0, CANVAS_W]
    assert fig["layout"]["yaxis"]["range"] == [0, CANVAS_H]
    assert "scaleanchor" not in fig["layout"]["yaxis"]                 # it fills the width


def test_serve_network_default_minimum_keeps_it_readable(client, monkeypatch) -> None:
    body = client.get("/api/network").json()
    assert (body["min_count"], body["auto"], body["hidden"]) == (1, True, 0)
    body = client.get("/api/network?min_count=2").json()
    assert (body["min_count"], body["auto"], body["hidden"]) == (2, False, 3)
    from tidings.serve import data

    monkeypatch.setattr(data, "AUTO_MAX_NODES", 2)           # as if the store were large
    body = client.get("/api/network").json()
    assert (body["min_count"], body["auto"], body["hidden"]) == (2, True, 3)
    assert [(e["source"], e["target"]) for e in body["edges"]] == [("USA", "AZE")]
    monkeypatch.setattr(data, "AUTO_MAX_NODES", 1)           # never a minimum that shows none
    assert client.get("/api/network").json()["min_count"] == 2
    monkeypatch.setattr(data, "AUTO_MAX_NODES", 2)
    page = soup(client.get("/network"))
    assert page.select_one("input[name=min_count]")["value"] == "2"
    assert " ".join(page.select_one("#network-note").text.split()).startswith(
        "2 actors, 1 link of at least 2 events; 3 actors with fewer are left out to keep the "
        "drawing readable")


# ------------------------------------------------------------------ JSON twins

@pytest.mark.parametrize("page", [
    "/events", "/events?dyad=USA-AZE&limit=1", "/stories", "/stories?q=baku",
    "/stories/s2", "/dyads?period=month", "/dyads/USA-AZE", "/network?min_count=2",
    "/actors?q=gov"])
def test_serve_every_page_has_a_json_twin(client, page) -> None:
    path, _, query = page.partition("?")
    html = soup(client.get(page))
    twin = f"{path}.json" + (f"?{query}" if query else "")
    assert html.find(id="json-link")["href"] == twin
    api = f"/api{path}" + (f"?{query}" if query else "")
    assert client.get(twin).json() == client.get(api).json()


def test_serve_event_page_twin(client, ev) -> None:
    eid = ev["protest"].event_id
    html = soup(client.get(f"/events/{eid}"))
    assert html.find(id="json-link")["href"] == f"/events/{eid}.json"
    assert client.get(f"/events/{eid}.json").json() == client.get(f"/api/events/{eid}").json()


def test_serve_event_page_names_both_sentence_numberings(client, ev) -> None:
    """The page counts sentences from 1 as a reader does, and names the record's own
    0-based ``sentence_index`` beside it, so the two never read as a disagreement (a
    fresh user's check, twenty-fourth round)."""
    eid = ev["protest"].event_id
    e = client.get(f"/api/events/{eid}").json()
    e = e.get("event", e)
    where = soup(client.get(f"/events/{eid}")).find(id="evidence-where").text
    a, b = e["evidence_span"]
    assert where == (f"sentence {e['sentence_index'] + 1} of the story (sentence_index "
                     f"{e['sentence_index']}, counted from 0), characters {a}–{b} of its text "
                     "(evidence_span, from 0, end excluded)")


def test_serve_page_errors_are_html_and_twin_errors_json(client) -> None:
    r = client.get("/events/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert BeautifulSoup(r.text, "html.parser").find(id="error-message").text == \
        "[T601] no event 'nope' in the store"
    r = client.get("/events.json?type=FOO")
    assert r.status_code == 400 and r.json()["code"] == "T405"


# ------------------------------------------------------------------------ pages

def test_serve_home_redirects_to_events(client) -> None:
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 302 and r.headers["location"] == "/events"


def test_serve_events_page_table_and_form(client, ev) -> None:
    page = soup(client.get("/events?dyad=USA-AZE"))
    rows = page.select("#events tbody tr")
    assert [r["data-event-id"] for r in rows] == [ev["accuse2"].event_id,
                                                 ev["accuse1"].event_id]
    assert rows[0].select_one(".actor").text == "Government of the United States (USA)"
    assert rows[0].select_one(".recipient").text == "Government of Azerbaijan (AZE)"
    assert rows[0].select_one("a.event-link")["href"] == f"/events/{ev['accuse2'].event_id}"
    assert page.select_one("select[name=sort] option[selected]")["value"] == "newest"
    assert page.select_one("input[name=dyad]")["value"] == "USA-AZE"
    assert page.select_one("#dyad-link")["href"] == "/dyads/USA-AZE"
    assert page.select_one("#total").text == "2"
    assert page.select_one("select[name=type] option[selected]") is None
    typed = soup(client.get("/events?type=protest"))
    assert typed.select_one("select[name=type] option[selected]").text == "PROTEST"
    assert soup(client.get("/events?text=nothing-like-this")).select_one("td.empty").text \
        == "No events match these filters."


def test_serve_events_page_pager(client) -> None:
    page = soup(client.get("/events?limit=2&offset=2"))
    assert page.select_one("a[rel=prev]")["href"] == "/events?limit=2&offset=0"
    assert page.select_one("a[rel=next]")["href"] == "/events?limit=2&offset=4"
    assert soup(client.get("/events?limit=2&offset=4")).select_one("a[rel=next]") is None


def test_serve_event_page_spells_out_the_event(client, ev) -> None:
    e = ev["accuse1"]
    page = soup(client.get(f"/events/{e.event_id}"))
    mark = page.select_one("mark#evidence")
    assert mark.text == e.sentence
    assert mark.select_one("strong.trigger").text == "accused"
    assert page.select_one("#story-text").text == TEXTS["s1"]
    assert page.select_one("#actor").text == "Government of the United States (USA)"
    assert page.select_one("#recipient").text == "Government of Azerbaijan (AZE)"
    assert " ".join(page.select_one("#date").text.split()) == "2024-03-05 (day: “Tuesday”)"
    assert " ".join(page.select_one("#place").text.split()) == \
        "Geneva, Geneva (CHE) populated place · 46.200, 6.150"


def test_serve_story_script_is_shown_as_text(client, ev) -> None:
    for url in (f"/events/{ev['protest'].event_id}", "/stories/s2"):
        r = client.get(url)
        assert "window.__pwned" in r.text
        assert SCRIPT not in r.text                       # never raw markup
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in r.text
        page = soup(r)
        assert page.select_one("#story-text").text == TEXTS["s2"]
        assert page.select("#story-text b") == []          # <b> is text too
        for s in page.find_all("script"):                  # only our own scripts
            assert s.get("src", "").startswith("/static/") or s.get("type") == "application/json"


BAD_URLS = ["javascript:alert(4)", " JaVaScRiPt:alert(5)", "java\tscript:alert(6)",
            "data:text/html,<script>alert(7)</script>", "//evil.example/x", "vbscript:x"]


def test_serve_only_http_urls_become_links(tmp_path: Path) -> None:
    # issue 13: a story's url is a value from the input; only http(s) is a link
    path = tmp_path / "u.duckdb"
    urls = {f"u{i}": u for i, u in enumerate(BAD_URLS)} | {"good": "https://example.org/a?b=1"}
    with Store(path) as st:
        for sid, url in urls.items():
            s = Story(id=sid, text="Kenya condemned the attack.", pub_date="2024-03-01",
                      title=f"Story {sid}", source="VOA", url=url)
            st.save_story(s, [event(s, "Kenya condemned the attack.", "ACCUSE", "condemned",
                                    [USA], [AZE], "2024-03-01")], V)
    with TestClient(create_app(path), base_url=BASE) as c:
        evs = {e["story_id"]: e["event_id"] for e in c.get("/api/events").json()["events"]}
        for sid, url in urls.items():
            for page_url in (f"/stories/{sid}", f"/events/{evs[sid]}"):
                page = soup(c.get(page_url))
                hrefs = [a["href"] for a in page.find_all("a", href=True)]
                off_site = [h for h in hrefs if not h.startswith("/")]
                if sid == "good":
                    assert off_site == [url], page_url
                else:
                    assert off_site == [], (page_url, off_site)
                    assert page.select_one(".story-url").text == url   # shown as text


STRAY = re.compile(r"^\s*·|·\s*$|·\s*·|·\s*→|→\s*$")


def test_serve_pages_have_no_stray_separators(tmp_path: Path) -> None:
    # issue 13: "· published ...", "SANCTION 2018-01-01 ·", "2019-04-01 · → the leadership"
    path = tmp_path / "sep.duckdb"
    text = "Officials were sanctioned. The leadership was urged to talk. Kenya condemned it."
    st = Story(id="bare", text=text, pub_date="2024-03-01")            # no source, title, url
    place = Place(text="Nairobi", name="Nairobi", country="KEN", feature="populated_place")
    evs = [event(st, "Officials were sanctioned.", "SANCTION", "sanctioned", [], [], "2024-03-01"),
           event(st, "The leadership was urged to talk.", "REQUEST", "urged", [], [ARM], "2024-03-01"),
           event(st, "Kenya condemned it.", "ACCUSE", "condemned", [AZE], [], "2024-03-01", place)]
    with Store(path) as store:
        store.save_story(st, evs, V)
    with TestClient(create_app(path), base_url=BASE) as c:
        pages = [soup(c.get("/stories/bare"))] + [soup(c.get(f"/events/{e.event_id}")) for e in evs]
        checked = 0
        for page in pages:
            for el in page.select("p.muted, ul.related li, #place, dd"):
                line = " ".join(el.get_text().split())
                assert not STRAY.search(line), line
                checked += 1
        assert checked > 20
        story = pages[0]
        assert " ".join(story.select_one("p.muted").get_text().split()) == \
            "published 2024-03-01 · id bare"
        items = [" ".join(li.get_text().split()) for li in story.select("ul.related li")]
        assert sorted(items) == ["ACCUSE 2024-03-01 · Government of Azerbaijan (AZE)",
                                 "REQUEST 2024-03-01 · no actor → Government of Armenia (ARM)",
                                 "SANCTION 2024-03-01 · no actor"]


def test_serve_every_response_forbids_inline_scripts(client) -> None:
    for url in ("/events", "/api/events", "/dyads/USA-AZE", "/nope"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split(";")[1]


def test_serve_dyad_page_embeds_the_timeline(client) -> None:
    page = soup(client.get("/dyads/USA-AZE?period=week"))
    assert page.select_one("#timeline")["data-figure"] == "timeline-figure"
    fig = json.loads(page.select_one("#timeline-figure").string)
    assert [t["name"] for t in fig["data"]] == [q.replace("_", " ") for q in QUAD_CLASSES]
    assert fig["data"][2]["x"] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert fig["data"][2]["y"] == [1, 0, 1]
    assert fig["layout"]["barmode"] == "stack"
    assert [s["src"] for s in page.find_all("script", src=True)] == [
        "/static/explorer.js", "/static/plotly.min.js", "/static/charts.js"]
    assert page.select_one("#dyad-total").text == "2"


def test_serve_network_page(client) -> None:
    page = soup(client.get("/network"))
    fig = json.loads(page.select_one("#network-figure").string)
    nodes = fig["data"][-1]
    assert set(nodes["text"]) == {"USA", "AZE", "FRA", "EU", "ARM"}
    # one arrow per edge: 5, the joint AZE-ARM meeting both ways among them (as /dyads)
    assert len(fig["layout"]["annotations"]) == 5
    assert len(page.select("#edges tbody tr")) == 5


def test_serve_dyads_and_actors_pages(client) -> None:
    links = [a["href"] for a in soup(client.get("/dyads")).select("a.dyad-link")]
    assert links == ["/dyads/USA-AZE", "/dyads/ARM-AZE", "/dyads/AZE-ARM", "/dyads/EU-ARM", "/dyads/FRA-AZE"]
    actors = soup(client.get("/actors")).select("#actors tbody tr")
    assert actors[0].td.text == "Government of Azerbaijan"
    assert actors[0].select("a")[1]["href"] == "/events?recipient=Government%20of%20Azerbaijan"


def test_serve_plotly_is_served_locally(client) -> None:
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert len(r.content) > 1_000_000 and b"plotly" in r.content[:2000].lower()
    for url in ("/events", "/dyads/USA-AZE", "/network", "/stories/s1"):
        text = client.get(url).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text.replace(
            'href="https://example.org/', "")), url   # no CDN, nothing off this server


# ------------------------------------------------------------------ POST /api/code

def post(client, body, query: str = ""):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(f"/api/code{query}", content=data,
                       headers={"content-type": "application/json"})


@pytest.mark.parametrize("body, status, message", [
    (b"{not json", 400, "[T609] the body is not JSON: "),
    ([1, 2], 422, "[T605] the body must be a JSON object with text (and pub_date, an id)"),
    ({"id": "x", "pub_date": "2025-01-01"}, 422, "[T605] body.text: Field required"),
    ({"id": "x", "text": "  ", "pub_date": "2025-01-01"}, 422,
     "[T605] body.text: the story text is blank"),
    ({"id": "x", "text": "Hi.", "pub_date": "soon"}, 422, "[T605] body.pub_date: "),
    ({"text": "Hi.", "pub_date": "2025-01-01", "id": ""}, 422, "[T605] body.id: String should have at least 1"),
    ({"id": [7], "text": "Hi.", "pub_date": "2025-01-01"}, 422,
     "[T605] body.id: Input should be a valid string"),
])
def test_serve_code_bad_body(client, body, status, message) -> None:
    r = post(client, body)
    assert r.status_code == status
    assert r.json()["ok"] is False and r.json()["status"] == status
    assert r.json()["error"].startswith(message), r.json()
    # a body that is not JSON has its own code; a bad field is a bad parameter
    assert r.json()["code"] == ("T609" if status == 400 else "T605")


def test_serve_wrong_method_has_its_own_code(client) -> None:
    r = client.delete("/api/events")
    assert r.status_code == 405
    assert r.json() == {"ok": False, "status": 405, "code": "T610", "error": "[T610] Method Not Allowed"}


def test_serve_code_body_size_limit(built) -> None:
    with TestClient(create_app(built[0], max_body=2000), base_url=BASE) as c:
        r = post(c, {"id": "big", "text": "x" * 3000, "pub_date": "2025-01-01"})
        assert r.status_code == 413
        assert r.json() == {"ok": False, "status": 413, "code": "T604",
                            "error": f"[T604] the request body is {len(r.request.content)} "
                                     "bytes; at most 2000 are accepted"}


def test_serve_code_store_needs_allow_code(client) -> None:
    r = post(client, {"id": "x", "text": "Hi.", "pub_date": "2025-01-01"}, "?store=true")
    assert r.status_code == 403
    assert r.json()["error"].startswith("[T603] this server does not write to the store; start "
                                        "it with `tidings serve --allow-code`")


STORY = {"id": "posted-1", "pub_date": "2025-02-10", "title": "Posted",
         "text": "Azerbaijan accused Armenia of shelling its border posts on Monday."}


@pytest.mark.slow
def test_serve_code_returns_events_and_writes_nothing(client) -> None:
    before = client.get("/api/stats").json()["stats"]
    r = post(client, STORY)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["ok"], body["story_id"], body["stored"]) == (True, "posted-1", False)
    assert body["count"] == len(body["events"]) >= 1
    accuse = [e for e in body["events"] if e["event_type"] == "ACCUSE"]
    assert accuse and accuse[0]["actor"][0]["country"] == "AZE"
    assert accuse[0]["recipient"][0]["country"] == "ARM"
    for rec in body["events"]:
        EventModel.model_validate(rec)
        a, b = rec["evidence_span"]
        assert STORY["text"][a:b] == rec["sentence"]
    assert client.get("/api/stats").json()["stats"] == before
    assert client.get("/api/stories/posted-1").status_code == 404


@pytest.mark.slow
def test_serve_code_without_an_id_names_the_story_by_its_text(client) -> None:
    # as `tidings code -` names a piped text: the same text, the same id
    body = {k: v for k, v in STORY.items() if k != "id"}
    first, again = post(client, body).json(), post(client, body).json()
    assert first["story_id"].startswith("api-") and len(first["story_id"]) == 14
    assert again["story_id"] == first["story_id"]
    assert post(client, {**body, "text": body["text"] + " "}).json()["story_id"] != first["story_id"]
    assert {e["story_id"] for e in first["events"]} == {first["story_id"]}


@pytest.mark.slow
def test_serve_code_stores_when_allowed(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    build_store(path)
    with TestClient(create_app(path, allow_code=True), base_url=BASE) as c:
        r = post(c, {**STORY, "section": "world"}, "?store=true")
        assert r.status_code == 200, r.text
        assert r.json()["stored"] is True
        story = c.get("/api/stories/posted-1").json()
        assert story["story"]["title"] == "Posted"
        assert [e["event_id"] for e in story["events"]] == sorted(
            e["event_id"] for e in r.json()["events"])
        assert c.get("/api/stats").json()["stats"]["stories"] == 5


@pytest.mark.slow
def test_serve_code_without_pub_date_codes_as_the_cli_does(tmp_path: Path) -> None:
    # `tidings code` codes a record without a publication date (dated by phrases that
    # name a year, else today, granularity 'story') and warns; the API refused it (T605)
    from datetime import date

    path = tmp_path / "w.duckdb"
    build_store(path)
    text = "Uruguay accused Paraguay of closing its river port on Friday."
    with TestClient(create_app(path, allow_code=True), base_url=BASE) as c:
        for extra in ({}, {"pub_date": None}, {"pub_date": "  "}):
            r = post(c, {"id": "undated", "text": text, **extra}, "?store=true")
            assert r.status_code == 200, r.text
            got = r.json()
            assert got["stored"] is True and got["count"] >= 1
            assert {e["date"]["granularity"] for e in got["events"]} == {"story"}
            assert {e["date"]["start"] for e in got["events"]} == {date.today().isoformat()}
            assert [w for w in got["warnings"] if "no publication date" in w] == [
                "story 'undated' had no publication date: its events are dated by date phrases "
                "that name a year, else by today's date (granularity 'story'); send pub_date"]
        assert c.get("/api/stories/undated").json()["story"]["pub_date"] is None
        # a date phrase naming its year still dates the event; a dated story, no warning
        r = post(c, {"id": "y", "text": "On 9 May 2023 " + text[:-11] + "."}).json()
        assert {e["date"]["start"] for e in r["events"]} == {"2023-05-09"}
        r = post(c, {"id": "d", "text": text, "pub_date": "2025-01-11"}).json()
        assert not [w for w in r["warnings"] if "publication date" in w]
        assert {e["date"]["start"] for e in r["events"]} == {"2025-01-10"}
        # a pub_date that is no date is still refused
        assert post(c, {"id": "z", "text": text, "pub_date": "soon"}).json()["code"] == "T605"


def test_serve_damaged_store_is_a_clear_error(built, tmp_path: Path) -> None:
    # issue 13: a truncated store gave a plain-text 500
    data = built[0].read_bytes()
    for share in (0.5, 0.2, 0.01):
        copy = tmp_path / f"cut-{share}.duckdb"
        copy.write_bytes(data[:int(len(data) * share)])
        try:
            web = create_app(copy)
        except StoreError as exc:   # too little left to open at all
            assert exc.code == "T409", exc
            continue
        with TestClient(web, base_url=BASE) as c:
            for url in ("/api/events", "/api/stories", "/api/network"):
                r = c.get(url)
                assert r.status_code == 500, (share, url, r.text)
                body = r.json()
                assert body["code"] == "T409"
                assert body["error"].startswith(f"[T409] the event store {copy} is damaged: ")
                assert body["error"].endswith("(restore the server's store from a backup, or "
                                              "code the stories again into a new store)")
            r = c.get("/events")
            assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
            assert "is damaged" in soup_any(r).select_one("#error-message").text


def soup_any(resp) -> BeautifulSoup:
    return BeautifulSoup(resp.text, "html.parser")


def test_serve_other_store_query_failures_are_json_with_their_own_code(client, monkeypatch) -> None:
    # a DuckDB error that is not damage is T410 (500), not T600 (which is "no such page")
    import duckdb

    from tidings.serve import data

    def boom(store):
        raise duckdb.ConversionException("Conversion Error: cannot cast")

    monkeypatch.setattr(data, "stats", boom)
    r = client.get("/api/stats")
    assert r.status_code == 500 and r.json() == {
        "ok": False, "status": 500, "code": "T410",
        "error": "[T410] the store query failed: ConversionException: Conversion Error: "
                 "cannot cast (please report it)"}


def test_serve_store_error_hints_name_no_command_line_flags(tmp_path: Path) -> None:
    # issue 13: an API error's hint told the client to "pass --db PATH", which it cannot
    path = tmp_path / "gone.duckdb"
    build_store(path)
    with TestClient(create_app(path), base_url=BASE) as c:
        path.unlink()
        r = c.get("/api/stats")
        assert (r.status_code, r.json()["code"]) == (503, "T402")
        assert r.json()["error"] == (f"[T402] no event store at {path} (the server's store file is "
                                     "gone: restore it, or restart the server over another store)")


@pytest.mark.slow
def test_serve_code_skip_messages_name_no_command_line_flags(client) -> None:
    german = ("Die Regierung in Berlin verurteilte am Montag den Angriff auf die Botschaft und "
              "rief alle Parteien zur Ruhe auf.")
    # a story tidings declines is skipped, as `tidings code` skips it (issue 16): its
    # code and message in the answer, not an error
    r = post(client, {"id": "de-1", "text": german, "pub_date": "2025-01-01"})
    assert r.status_code == 200
    assert r.json()["skipped"] == {"code": "T110", "stage": "language", "message":
                                   "POST /api/code: story 'de-1' is in German (detected), not English"}
    r = post(client, {"id": "long", "text": "Kenya protested. " * 6000, "pub_date": "2025-01-01"})
    assert r.status_code == 200 and r.json()["count"] == 0
    assert r.json()["skipped"]["message"] == ("POST /api/code: story 'long' has 102,000 characters, "
                                              "over the limit of 100,000")


# ------------------------------------------------- issue 13: writes from other sites

def test_serve_refuses_cross_site_writes(tmp_path: Path) -> None:
    # any page the user visits could POST a "simple" (text/plain) request to the server
    path = tmp_path / "w.duckdb"
    build_store(path)
    body = json.dumps({**STORY, "id": "from-evil"})
    with TestClient(create_app(path, allow_code=True), base_url=BASE) as c:
        r = c.post("/api/code?store=true", content=body,
                   headers={"content-type": "text/plain", "origin": "http://evil.example"})
        assert r.status_code == 403
        assert r.json() == {"ok": False, "status": 403, "code": "T612", "error": (
            "[T612] a write from the page http://evil.example was refused: only pages of this server "
            "(http://127.0.0.1:8000) may write")}
        r = c.post("/api/code?store=true", content=body, headers={
            "content-type": "application/json", "origin": "null"})
        assert (r.status_code, r.json()["code"]) == (403, "T612")
        r = c.post("/api/code?store=true", content=body,
                   headers={"content-type": "application/json", "sec-fetch-site": "cross-site"})
        assert (r.status_code, r.json()["code"]) == (403, "T612")
        r = c.post("/api/code?store=true", content=body, headers={"content-type": "text/plain"})
        assert r.status_code == 415
        assert r.json()["code"] == "T613" and r.json()["error"].startswith(
            "[T613] the body must be JSON (Content-Type: application/json), not text/plain")
        # the server's own pages (same Origin) and clients without one get past the checks
        for headers in ({"origin": BASE}, {"origin": "http://localhost:8000"}, {}):
            r = c.post("/api/code", content=b"[1, 2]",
                       headers={"content-type": "application/json; charset=utf-8", **headers,
                                **({"host": "localhost:8000"} if "localhost" in str(headers) else {})})
            assert r.status_code == 422, (headers, r.text)   # the body's fault, not the origin
        assert c.get("/api/stories/from-evil").status_code == 404
        assert c.get("/api/stats").json()["stats"]["stories"] == 4


def test_serve_checks_the_host_header(tmp_path: Path) -> None:
    # DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends Host: evil.example
    path = tmp_path / "h.duckdb"
    build_store(path)
    with TestClient(create_app(path), base_url="http://evil.example:8000") as c:
        for url in ("/api/stats", "/events"):
            r = c.get(url)
            assert r.status_code == 403
            assert "the host name 'evil.example' is not served here" in html.unescape(r.text)
        assert c.get("/api/stats").json()["code"] == "T611"
    for base in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        with TestClient(create_app(path), base_url=base) as c:
            assert c.get("/api/stats").status_code == 200, base
    with TestClient(create_app(path, allowed_hosts=["tidings.lan"]),
                    base_url="http://tidings.lan:8000") as c:
        assert c.get("/api/stats").status_code == 200
    with TestClient(create_app(path, allowed_hosts=["*"]), base_url="http://any.where") as c:
        assert c.get("/api/stats").status_code == 200
    from tidings.serve.cli import served_hosts

    assert served_hosts("127.0.0.1", []) == ["127.0.0.1", "localhost", "::1"]
    assert served_hosts("10.0.0.5", ["tidings.lan"]) == [
        "127.0.0.1", "localhost", "::1", "10.0.0.5", "tidings.lan"]
    import socket

    assert served_hosts("0.0.0.0", [])[-1] == socket.gethostname()


# ----------------------------------------------------------------------- docs

def test_serve_every_option_and_endpoint_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "serve.md").read_text()
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    cmd = typer.main.get_command(app).commands["serve"]
    opts = [o for p in cmd.params for o in p.opts if o.startswith("--")]
    assert sorted(opts) == ["--allow-code", "--allow-host", "--db", "--host", "--port"]
    for opt in opts:
        assert f"`{opt}" in docs or f" {opt}" in docs, opt
    with TestClient(create_app_for_docs(), base_url=BASE) as c:
        for path, methods in c.get("/openapi.json").json()["paths"].items():
            for method in methods:
                assert f"{method.upper()} {path}" in docs, (method, path)


def create_app_for_docs():
    import tempfile

    tmp = Path(tempfile.mkdtemp()) / "d.duckdb"
    Store(tmp).close()
    return create_app(tmp)


# ------------------------------------------------------------ happened (aux modes)

@pytest.fixture(scope="module")
def irn_sau(tmp_path_factory):
    """A client of a store of four IRN-SAU assaults (plain, negated, hypothetical,
    future; ``test_store.IRN_SAU``) and {story id: event id}."""
    from test_store import save_irn_sau

    path = tmp_path_factory.mktemp("happened") / "h.duckdb"
    with Store(path) as st:
        ids = save_irn_sau(st)
    with TestClient(create_app(path), base_url=BASE) as c:
        yield c, ids


def test_serve_dyads_count_events_that_happened(irn_sau) -> None:
    client, _ = irn_sau
    body = client.get("/api/dyads?period=month").json()
    assert body["happened"] is True and body["filters"]["happened"] == "true"
    assert [(d["dyad"], d["n"], d["by_quad"]["material_conflict"]) for d in body["dyads"]] \
        == [("IRN-SAU", 2, 2)]
    every = client.get("/api/dyads?period=month&happened=false").json()
    assert every["happened"] is False
    assert [(d["dyad"], d["n"]) for d in every["dyads"]] == [("IRN-SAU", 4)]
    assert client.get("/api/dyads?happened=").json()["dyads"][0]["n"] == 2  # blank: default
    one = client.get("/api/dyads/IRN-SAU?period=month").json()
    assert (one["total"], one["series"]["material_conflict"], one["happened"]) == (
        2, [2], True)
    assert client.get("/api/dyads/IRN-SAU?period=month&happened=0").json()["total"] == 4
    # the page's JSON twin answers the same
    assert client.get("/dyads.json").json() == client.get("/api/dyads").json()


def test_serve_events_and_network_happened(irn_sau) -> None:
    client, ids = irn_sau
    assert sorted(ids_(client.get("/api/events?happened=true"))) == sorted(
        [ids["h-plain"], ids["h-fut"]])
    assert len(ids_(client.get("/api/events"))) == 4       # every event by default
    assert len(ids_(client.get("/api/events?happened=false"))) == 4
    edges = client.get("/api/network?happened=true").json()["edges"]
    assert [(e["source"], e["target"], e["n"]) for e in edges] == [("IRN", "SAU", 2)]
    # the network's edges are dyad counts: acts that happened unless happened=false
    body = client.get("/api/network").json()
    assert (body["happened"], body["edges"][0]["n"]) == (True, 2)
    every = client.get("/api/network?happened=false").json()
    assert (every["happened"], every["edges"][0]["n"]) == (False, 4)
    assert client.get("/network.json?happened=0").json()["edges"][0]["n"] == 4


def ids_(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["event_id"] for e in resp.json()["events"]]


@pytest.mark.parametrize("url", ["/api/events?happened=maybe", "/api/dyads?happened=maybe",
                                 "/api/dyads/IRN-SAU?happened=maybe",
                                 "/api/network?happened=maybe"])
def test_serve_happened_bad_value_is_t405(irn_sau, url) -> None:
    r = irn_sau[0].get(url)
    assert r.status_code == 400
    assert r.json()["error"].startswith("[T405] happened must be true or false, not 'maybe'")


def test_serve_pages_happened(irn_sau) -> None:
    client, _ = irn_sau
    page = soup(client.get("/dyads"))
    assert page.select_one("#happened-toggle")["href"] == "/dyads?happened=false"
    assert [a["href"] for a in page.select("a.dyad-link")] == ["/dyads/IRN-SAU"]
    assert page.select_one("#dyads tbody td.num").text == "2"
    page = soup(client.get("/dyads?happened=false&period=month"))
    assert page.select_one("#happened-toggle")["href"] == (
        "/dyads?happened=true&period=month")
    assert [a["href"] for a in page.select("a.dyad-link")] == ["/dyads/IRN-SAU?happened=false"]
    assert page.select_one("#dyads tbody td.num").text == "4"
    page = soup(client.get("/dyads/IRN-SAU"))
    assert page.select_one("#dyad-total").text == "2"
    assert len(page.select("#events tbody tr")) == 2       # the events that were counted
    assert page.select_one("#happened-toggle")["href"] == "/dyads/IRN-SAU?happened=false"
    page = soup(client.get("/dyads/IRN-SAU?happened=false"))
    assert page.select_one("#dyad-total").text == "4"
    assert len(page.select("#events tbody tr")) == 4
    box = "input[name=happened]"
    assert not soup(client.get("/events")).select_one(box).has_attr("checked")
    page = soup(client.get("/events?happened=true"))
    assert page.select_one(box).has_attr("checked")
    assert len(page.select("#events tbody tr")) == 2
    # the network's edges are dyad counts: acts that happened unless happened=false
    page = soup(client.get("/network"))
    assert page.select_one("#happened-toggle")["href"] == "/network?happened=false"
    assert page.select_one("#edges tbody td.num").text == "2"
    assert page.select_one(box)["value"] == "true"        # the form keeps the choice
    page = soup(client.get("/network?happened=false"))
    assert page.select_one("#edges tbody td.num").text == "4"
    assert page.select_one(box)["value"] == "false"
    # an edge links to the events it counts
    assert page.select_one("#edges tbody td.num a")["href"].endswith("&happened=false")
