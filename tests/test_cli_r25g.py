"""r25g: ``tidings events --dyad``, ``tidings dyads --dyad``, ``/api/events?dyad=``,
``/api/dyads/{pair}`` and the explorer's ``/dyads/{pair}`` page agree on a store with
joint acts and long IGO codes (a fresh user's dyad timeline: ``dyads`` counted 5 events
of SRB-XKX and ``events`` listed 3; ``CARICOM-GUY`` was refused). The store is built by
hand (tests/test_store_r25g.py); the sentences are new."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.store import Store

from test_store_r25g import built  # noqa: F401  (the module's store fixture)

runner = CliRunner()


def _cli(*args):
    result = runner.invoke(app, [str(a) for a in args])
    return result


def _dyads_total(db, pair: str, *extra) -> int:
    res = _cli("dyads", "--db", db, "--dyad", pair, "--format", "json", *extra)
    assert res.exit_code == 0, res.output
    return sum(r["n"] for r in json.loads(res.stdout))


def _events_ids(db, *args) -> list[str]:
    res = _cli("events", "--db", db, "--format", "json", *args)
    assert res.exit_code == 0, res.output
    return [r["event_id"] for r in json.loads(res.stdout)]


@pytest.mark.parametrize("pair", ["CHL-PER", "PER-CHL", "MERCOSUR-BOL", "G7-CHL", "CHL-G7"])
def test_cli_events_and_dyads_count_the_same_events(built, pair) -> None:  # noqa: F811
    db, evs = built
    # dyads counts acts that happened by default; events lists them with --happened
    assert len(_events_ids(db, "--dyad", pair, "--happened")) == _dyads_total(db, pair) > 0
    assert len(_events_ids(db, "--dyad", pair)) == _dyads_total(db, pair, "--all-modes")


def test_cli_joint_meeting_listed_both_ways(built) -> None:  # noqa: F811
    db, evs = built
    meeting = evs["joint_meeting"].event_id
    assert meeting in _events_ids(db, "--dyad", "CHL-PER")
    assert meeting in _events_ids(db, "--dyad", "PER-CHL")


def test_cli_long_igo_code(built) -> None:  # noqa: F811
    db, evs = built
    res = _cli("dyads", "--db", db, "--dyad", "MERCOSUR-BOL", "--format", "csv")
    assert res.exit_code == 0, res.output
    assert "MERCOSUR,BOL,verbal_conflict,1" in res.stdout
    # --actor CODE: the resolved code and the code as a word of the text
    assert set(_events_ids(db, "--actor", "MERCOSUR")) == {
        evs["mercosur_urges"].event_id, evs["mercosur_text_praises"].event_id}


def test_cli_help_says_what_actor_and_dyad_match() -> None:
    res = _cli("events", "--help")
    text = " ".join(res.stdout.split())
    assert "CARICOM" in text and "joint meeting" in text


@pytest.fixture
def client(built):  # noqa: F811
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from tidings.serve import create_app

    with TestClient(create_app(built[0]), base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.mark.parametrize("pair", ["CHL-PER", "MERCOSUR-BOL", "CHL-G7"])
def test_api_and_page_list_what_the_dyad_counts(client, built, pair) -> None:  # noqa: F811
    db, evs = built
    series = client.get(f"/api/dyads/{pair}")
    assert series.status_code == 200, series.text
    total = series.json()["total"]
    listed = client.get(f"/api/events?dyad={pair}&happened=true").json()["total"]
    assert total == listed == _dyads_total(db, pair) > 0
    with Store(db, read_only=True) as s:
        ids = set(s.events(dyad=pair, happened=True).column("event_id").to_pylist())
    page = client.get(f"/dyads/{pair}")
    assert page.status_code == 200
    shown = {i for i in ids if f"/events/{i}" in page.text}
    assert shown == ids and len(ids) == total
    # the /dyads page links to the long code's page, which answers
    assert "/dyads/MERCOSUR-BOL" in client.get("/dyads").text


def test_cli_tables_do_not_wrap_on_a_pipe(built) -> None:  # noqa: F811
    """CliRunner's output is no terminal: a table row stays one line (the eval table
    and the events table were broken at 80 columns in a file)."""
    from tidings.query_cli import PIPE_WIDTH, out_console

    assert out_console().width == PIPE_WIDTH
    db, evs = built
    res = _cli("events", "--db", db, "--dyad", "CHL-PER")
    assert res.exit_code == 0, res.output
    sentence = evs["chl_accuses_per"].sentence
    assert any(sentence in line for line in res.stdout.splitlines()), res.stdout
