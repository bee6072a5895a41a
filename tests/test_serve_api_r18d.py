"""REST API, round 18 (r18d): the date filters' two names, and dyads by month by default
as ``tidings dyads`` counts."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install -e '.[serve]')")
pytest.importorskip("bs4", reason="beautifulsoup4 is not installed (pip install -e '.[test]')")

from fastapi.testclient import TestClient  # noqa: E402
from test_serve_api import BASE, build_store  # noqa: E402

from tidings.serve import create_app  # noqa: E402
from tidings.store import DEFAULT_PERIOD  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve18") / "t.duckdb"
    build_store(path)
    with TestClient(create_app(path), base_url=BASE) as c:
        yield c


def _ids(body):
    return sorted(e["story_id"] for e in body["events"])


@pytest.mark.parametrize("query", ["from=2024-03-07&to=2024-03-12",
                                   "date_from=2024-03-07&date_to=2024-03-12",
                                   "from=2024-03-07&date_to=2024-03-12",
                                   "from=2024-03-07&date_from=2024-03-07&to=2024-03-12"])
def test_date_filters_answer_to_both_names(client, query) -> None:
    # date_from= was ignored before: every event came back, with no word of it
    body = client.get(f"/api/events?{query}").json()
    assert _ids(body) == ["s2", "s3"]
    assert body["filters"]["date_from"] == "2024-03-07" and body["filters"]["date_to"] == "2024-03-12"
    counts = client.get(f"/api/dyads?{query}").json()
    assert [(d["dyad"], d["n"]) for d in counts["dyads"]] == [("ARM-AZE", 1), ("AZE-ARM", 1), ("FRA-AZE", 1)]


def test_date_filter_given_twice_with_different_dates_is_refused(client) -> None:
    r = client.get("/api/events?from=2024-03-07&date_from=2024-03-20")
    assert r.status_code == 400
    assert r.json()["error"].startswith("[T405] from='2024-03-07' and date_from='2024-03-20' name the "
                                        "same filter with different dates")
    assert client.get("/api/network?to=2024-03-07&date_to=").status_code == 200  # a blank one is none


def test_dyads_count_by_month_unless_asked(client) -> None:
    assert DEFAULT_PERIOD == "month"
    body = client.get("/api/dyads").json()
    assert body["period"] == "month"
    assert {r["period"] for r in body["rows"]} == {"2024-03-01"}
    one = client.get("/api/dyads/USA-AZE").json()
    assert (one["period"], one["periods"], one["series"]["verbal_conflict"]) == ("month", ["2024-03-01"], [2])
    week = client.get("/api/dyads/USA-AZE?period=week").json()
    assert week["periods"] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    # the page and its JSON twin too, with a link for each period
    assert client.get("/dyads/USA-AZE.json").json()["period"] == "month"
    page = client.get("/dyads/USA-AZE").text
    assert 'href="?period=year"' in page and 'href="?period=week"' in page
