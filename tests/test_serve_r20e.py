"""REST API, round 20 (r20e): the ``candidates`` filter, as ``--candidates`` of the CLI.

A store may hold stories coded with ``tidings code --all-candidates`` (every event found)
beside stories coded with the default output (``stories.all_candidates``, r19e); the
command line picks one with ``--candidates all|default``; the API's event filters
(``/api/events``, ``/api/dyads``, ``/api/dyads/{pair}``, ``/api/network`` and their pages)
take the same ``candidates`` parameter, and refuse any other value with a T405 naming
the allowed ones.
"""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install -e '.[serve]')")

from fastapi.testclient import TestClient  # noqa: E402

from tidings.errors import TidingsError  # noqa: E402
from conftest import accuse_event, accuse_story  # noqa: E402
from tidings.serve import create_app  # noqa: E402
from tidings.serve.params import candidates_filter  # noqa: E402
from tidings.store import Store  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

BASE = "http://127.0.0.1:8000"




@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve20") / "mixed.duckdb"
    with Store(path) as store:
        # one story of the default output, one of every candidate (one below the threshold)
        store.save_story(accuse_story("d1"), [accuse_event("d1", 1, 0.9)], "v1", all_candidates=False, threshold=0.4)
        store.save_story(accuse_story("a1"), [accuse_event("a1", 1, 0.8), accuse_event("a1", 2, 0.1)], "v1",
                         all_candidates=True, threshold=0.4)
    with TestClient(create_app(path), base_url=BASE) as c:
        yield c


def _ids(body):
    return sorted(e["event_id"] for e in body["events"])


def test_serve_r20e_events_candidates_filter(client) -> None:
    assert _ids(client.get("/api/events").json()) == ["a1-e1", "a1-e2", "d1-e1"]  # no filter: mixed
    every = client.get("/api/events?candidates=all").json()
    assert _ids(every) == ["a1-e1", "a1-e2"] and every["total"] == 2
    assert every["filters"]["all_candidates"] is True
    default = client.get("/api/events?candidates=default").json()
    assert _ids(default) == ["d1-e1"] and default["filters"]["all_candidates"] is False
    # a blank value (an HTML form's empty field) is no filter; the case is not significant
    assert _ids(client.get("/api/events?candidates=").json()) == ["a1-e1", "a1-e2", "d1-e1"]
    assert "all_candidates" not in client.get("/api/events?candidates=").json()["filters"]
    assert _ids(client.get("/api/events?candidates=Default").json()) == ["d1-e1"]


def test_serve_r20e_dyads_and_network_take_the_filter(client) -> None:
    def chl_per(q: str) -> int:
        body = client.get(f"/api/dyads{q}").json()
        return sum(d["n"] for d in body["dyads"] if d["dyad"] == "CHL-PER")

    assert (chl_per(""), chl_per("?candidates=all"), chl_per("?candidates=default")) == (3, 2, 1)
    series = client.get("/api/dyads/CHL-PER?candidates=all").json()
    assert series["total"] == 2
    net = client.get("/api/network?candidates=default").json()
    assert [(e["source"], e["target"], e["n"]) for e in net["edges"]] == [("CHL", "PER", 1)]
    # the pages and their JSON twins accept the same query
    assert _ids(client.get("/events.json?candidates=default").json()) == ["d1-e1"]
    page = client.get("/events?candidates=all")
    assert page.status_code == 200 and "a1-e2" in page.text and "d1-e1" not in page.text


@pytest.mark.parametrize("url", ["/api/events?candidates=some", "/api/dyads?candidates=true",
                                 "/api/dyads/CHL-PER?candidates=every", "/api/network?candidates=1"])
def test_serve_r20e_bad_candidates_value_is_a_400_naming_the_allowed_values(client, url) -> None:
    r = client.get(url)
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "T405"
    assert body["error"].startswith("[T405] candidates must be one of all, default, not ")


def test_serve_r20e_candidates_filter_function() -> None:
    assert (candidates_filter(None), candidates_filter("  "), candidates_filter("all"),
            candidates_filter(" DEFAULT ")) == (None, None, True, False)
    with pytest.raises(TidingsError) as exc:
        candidates_filter("both")
    assert exc.value.code == "T405" and "not 'both'" in str(exc.value)


def test_serve_r20e_openapi_lists_the_parameter(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/dyads", "/api/dyads/{pair}", "/api/network"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert "candidates" in names, path
