"""The date order of a numeric publication date in each interface (twenty-third round, r23d).

``POST /api/code`` refused an all-numeric date that reads two ways with the hint "give
--date-order DMY or MDY", an option the API had no way to take. It now takes
``date_order`` as a body field and as a query parameter (``DMY`` or ``MDY``, as the
command line), and each interface's refusal names its own way: ``--date-order`` on the
command line, ``date_order`` in the API, ``date_order=`` in Python. Texts are our own.
"""

from __future__ import annotations

import pytest

from tidings.read import DATE_ORDER_HINTS, normalise_date

TEXT = "Chile's foreign ministry summoned Peru's ambassador in Santiago today over a border dispute."


def test_each_interface_names_its_own_way_to_give_the_order() -> None:
    msgs = {}
    for interface in ("cli", "api", "python"):
        with pytest.raises(ValueError) as exc:
            normalise_date("04/03/2024", interface=interface)
        msgs[interface] = str(exc.value)
    assert msgs["cli"] == ("'04/03/2024' reads two ways (4 March 2024 or 3 April 2024): "
                           "give --date-order DMY or MDY, or write it as YYYY-MM-DD")
    assert "--date-order" not in msgs["api"] and "--date-order" not in msgs["python"]
    assert DATE_ORDER_HINTS["api"] in msgs["api"] and "?date_order=" in msgs["api"]
    assert 'give date_order="DMY" or date_order="MDY"' in msgs["python"]


def test_python_code_skips_with_the_keyword_in_the_hint() -> None:
    pytest.importorskip("pandas")
    import tidings

    with pytest.warns(UserWarning):
        df = tidings.code([{"id": "cl1", "text": TEXT, "pub_date": "04/03/2024"}])
    (msg,) = df.attrs["skipped"]
    assert 'date_order="DMY"' in msg and "--date-order" not in msg, msg


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app
    from tidings.store import Store

    db = tmp_path_factory.mktemp("order") / "order.duckdb"
    Store(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        yield c


def _post(client, body: dict, query: str = ""):
    return client.post(f"/api/code{query}", json={"id": "cl1", "text": TEXT, **body})


def test_api_refusal_names_the_api_parameter(client) -> None:
    r = _post(client, {"pub_date": "04/03/2024"})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err.startswith("[T605] body.pub_date: '04/03/2024' reads two ways (4 March 2024 or 3 April 2024)")
    assert "date_order DMY or MDY (a field of the body, or ?date_order= in the URL)" in err
    assert "--date-order" not in err


def test_api_takes_the_date_order_in_the_body_or_the_query(client) -> None:
    dmy = _post(client, {"pub_date": "04/03/2024", "date_order": "dmy"})
    assert dmy.status_code == 200, dmy.json()
    assert {e["date"]["start"] for e in dmy.json()["events"]} == {"2024-03-04"}
    mdy = _post(client, {"pub_date": "04/03/2024"}, "?date_order=MDY")
    assert mdy.status_code == 200, mdy.json()
    assert {e["date"]["start"] for e in mdy.json()["events"]} == {"2024-04-03"}
    # the same order in both places is fine
    assert _post(client, {"pub_date": "04/03/2024", "date_order": "MDY"}, "?date_order=mdy").status_code == 200


@pytest.mark.parametrize("body, query, message", [
    ({"date_order": "YMD"}, "", "[T605] body.date_order: 'YMD' is neither DMY nor MDY"),
    ({}, "?date_order=day", "[T605] query.date_order: 'day' is neither DMY nor MDY"),
    ({"date_order": "DMY"}, "?date_order=MDY",
     "[T605] body.date_order and query.date_order disagree (DMY and MDY): give one"),
])
def test_api_checks_the_date_order(client, body, query, message) -> None:
    r = _post(client, {"pub_date": "2024-03-04", **body}, query)
    assert r.status_code == 422 and r.json()["error"].startswith(message), r.json()
