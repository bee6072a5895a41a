"""REST API, round 21 (r21h): an event query says when the store mixes outputs.

``tidings events``, ``dyads`` and ``export`` warn on stderr when the store holds stories
coded with ``tidings code --all-candidates`` (every event found, whatever its confidence)
beside stories coded with the default output, and no ``--candidates`` picks one. The API
answers ``/api/events``, ``/api/dyads``, ``/api/dyads/{pair}``, ``/api/network`` (and
the pages' JSON twins) with ``outputs`` (the stories per output, one query) and
``warnings`` (that warning, naming the ``candidates`` parameter); ``/api/stats`` with
``outputs``; a story with the output it was coded for.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install -e '.[serve]')")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import accuse_event, accuse_story  # noqa: E402
from tidings.serve import create_app  # noqa: E402
from tidings.serve.data import output_notes  # noqa: E402
from tidings.store import Store  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

BASE = "http://127.0.0.1:8000"
MIXED = ("the store mixes 1 story coded with --all-candidates (events below the confidence "
         "threshold (0.4) included) and 2 coded with the default output: add candidates=default "
         "or candidates=all to the query to take one kind, or code them again with "
         "`tidings code --force`")




@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    base = tmp_path_factory.mktemp("serve21")
    mixed, single = base / "mixed.duckdb", base / "single.duckdb"
    with Store(mixed) as store:
        # a default-output story, one stored before the store recorded the output (NULL,
        # counted as the default output), and one of every candidate (one below 0.4)
        store.save_story(accuse_story("d1"), [accuse_event("d1", 1, 0.9)], "v1", all_candidates=False, threshold=0.4)
        store.save_story(accuse_story("u1"), [accuse_event("u1", 1, 0.7)], "v1", all_candidates=False, threshold=0.4)
        store.save_story(accuse_story("a1"), [accuse_event("a1", 1, 0.8), accuse_event("a1", 2, 0.1)], "v1",
                         all_candidates=True, threshold=0.4)
        store.con.execute("UPDATE stories SET all_candidates = NULL, threshold = NULL WHERE story_id = 'u1'")
    with Store(single) as store:
        store.save_story(accuse_story("d1"), [accuse_event("d1", 1, 0.9)], "v1", all_candidates=False, threshold=0.4)
    return mixed, single


@pytest.fixture(scope="module")
def client(stores):
    with TestClient(create_app(stores[0]), base_url=BASE) as c:
        yield c


COUNTS = {"all_candidates": 1, "default": 1, "unrecorded": 1, "thresholds": [0.4]}


@pytest.mark.parametrize("url", ["/api/events", "/api/dyads", "/api/dyads/CHL-PER", "/api/network",
                                 "/events.json", "/dyads.json", "/network.json"])
def test_serve_r21h_event_queries_warn_of_a_store_mixing_outputs(client, url) -> None:
    body = client.get(url).json()
    assert body["outputs"] == COUNTS
    assert body["warnings"] == [MIXED]


def test_serve_r21h_no_warning_once_candidates_picks_one(client) -> None:
    for q in ("all", "default"):
        body = client.get(f"/api/events?candidates={q}").json()
        assert body["warnings"] == [] and body["outputs"] == COUNTS, q
    # a blank candidates= is no filter: the answer mixes, and says so
    assert client.get("/api/events?candidates=").json()["warnings"] == [MIXED]
    assert client.get("/api/network?candidates=default").json()["warnings"] == []


def test_serve_r21h_a_store_of_one_output_gives_no_warning(stores) -> None:
    with TestClient(create_app(stores[1]), base_url=BASE) as c:
        body = c.get("/api/events").json()
        assert body["warnings"] == []
        assert body["outputs"] == {"all_candidates": 0, "default": 1, "unrecorded": 0, "thresholds": [0.4]}
        assert c.get("/api/stats").json()["outputs"]["all_candidates"] == 0


def test_serve_r21h_stats_and_story_say_the_output(client) -> None:
    assert client.get("/api/stats").json()["outputs"] == COUNTS
    story = client.get("/api/stories/a1").json()["story"]
    assert (story["all_candidates"], story["threshold"]) == (True, 0.4)
    assert client.get("/api/stories/d1").json()["story"]["all_candidates"] is False
    assert client.get("/api/stories/u1").json()["story"]["all_candidates"] is None
    # an event's answer carries its story's output too
    assert client.get("/api/events/a1-e2").json()["story"]["all_candidates"] is True


def test_serve_r21h_pages_show_the_warning(client) -> None:
    for url in ("/events", "/dyads", "/dyads/CHL-PER", "/network"):
        page = client.get(url).text
        assert page.count('class="warning"') == 1 and "the store mixes 1 story" in page, url
    assert 'class="warning"' not in client.get("/events?candidates=all").text


def test_serve_r21h_notes_cost_one_store_query() -> None:
    class Counting:
        calls = 0

        def coded_outputs(self):
            Counting.calls += 1
            return {"all_candidates": 4, "default": 0, "unrecorded": 0, "thresholds": []}

    notes = output_notes(Counting(), {})
    assert Counting.calls == 1 and notes["warnings"] == []  # every story of one output
    Counting.coded_outputs = lambda self: {"all_candidates": 2, "default": 3, "unrecorded": 0, "thresholds": []}
    notes = output_notes(Counting(), {"all_candidates": None})
    assert notes["warnings"] == ["the store mixes 2 stories coded with --all-candidates (events included) "
                                 "and 3 coded with the default output: add candidates=default or "
                                 "candidates=all to the query to take one kind, or code them again with "
                                 "`tidings code --force`"]


def test_serve_r21h_openapi_describes_outputs_and_warnings(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/dyads", "/api/dyads/{pair}", "/api/network"):
        text = spec["paths"][path]["get"]["description"]
        assert "``warnings``" in text and "``outputs``" in text and "candidates" in text, path
    assert "``outputs``" in spec["paths"]["/api/stats"]["get"]["description"]
