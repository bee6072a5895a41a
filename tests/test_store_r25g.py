"""r25g: the query side agrees with itself (a fresh user's dyad timeline).

``tidings events --dyad A-B`` (``Store.events(dyad=...)``, ``/api/events?dyad=``) lists
exactly the events ``tidings dyads --dyad A-B`` counts: a joint meeting, agreement or
cooperation with no recipient is an event of each ordered pair of its actor parties
(docs/annotation.md section 6; docs/store.md, ``tidings dyads``), and every code the store
can hold, IGO codes of more than five letters or with digits (``MERCOSUR``, ``G7``)
included, is queryable. Stories and events are built by hand; the sentences are new.
"""

from __future__ import annotations

import pytest

from conftest import sentence_events

from tidings.actors import country_codes, igo_codes
from tidings.errors import StoreError
from tidings.records import Entity, Story
from tidings.store import MUTUAL_TYPES, Store
from tidings.store.codes import CODE_RE, code_value, parse_dyad

CHL = Entity(text="Santiago", name="Government of Chile", country="CHL", sector="GOV")
PER = Entity(text="Lima", name="Government of Peru", country="PER", sector="GOV")
BOL = Entity(text="La Paz", name="Government of Bolivia", country="BOL", sector="GOV")
MERCOSUR = Entity(text="the Southern Common Market", name="Southern Common Market",
                  igo="MERCOSUR", sector="IGO")
# a mention the resolver left without a code: only its text names the organisation
MERCOSUR_TEXT = Entity(text="Mercosur negotiators", name=None, sector=None)
G7 = Entity(text="the Group of Seven", name="Group of Seven", igo="G7", sector="IGO")

TEXT = ("Chilean and Peruvian ministers met in Arica on Tuesday. "
        "Santiago accused Lima of stalling the border talks. "
        "Lima accused Santiago of bad faith. "
        "Chile and Peru did not sign the fisheries accord. "
        "Chile's cabinet met in Valparaiso. "
        "The Southern Common Market urged La Paz to lower tariffs. "
        "Mercosur negotiators praised La Paz. "
        "The Group of Seven and Santiago agreed to cooperate on lithium.")

# key -> (event type, actors, recipients, aux modes)
EVENTS = {
    "joint_meeting": ("CONSULT", [CHL, PER], [], []),
    "chl_accuses_per": ("ACCUSE", [CHL], [PER], []),
    "per_accuses_chl": ("ACCUSE", [PER], [CHL], []),
    "joint_not_signed": ("AGREE", [CHL, PER], [], ["negation"]),
    "one_party_meeting": ("CONSULT", [CHL], [], []),
    "mercosur_urges": ("REQUEST", [MERCOSUR], [BOL], []),
    "mercosur_text_praises": ("SUPPORT", [MERCOSUR_TEXT], [BOL], []),
    "g7_chl_agree": ("AGREE", [G7, CHL], [], []),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    story = Story(id="r25g-1", text=TEXT, pub_date="2026-02-11")
    evs = sentence_events(story, {k: (*v, []) for k, v in EVENTS.items()}, "2026-02-10", "Tuesday")
    path = tmp_path_factory.mktemp("r25g") / "r25g.duckdb"
    with Store(path) as s:
        s.save_story(story, list(evs.values()), "0.1.0")
    return path, evs


@pytest.fixture
def store(built):
    with Store(built[0], read_only=True) as s:
        yield s


def _keys(table, evs) -> set[str]:
    ids = set(table.column("event_id").to_pylist())
    return {k for k, e in evs.items() if e.event_id in ids}


def _pairs(store: Store, **filters) -> set[str]:
    return {f"{r['actor_country']}-{r['recipient_country']}"
            for r in store.dyads(**filters).to_pylist() if r["recipient_country"]}


@pytest.mark.parametrize("happened", [True, False])
def test_events_of_a_dyad_are_the_events_dyads_counts(store, happened) -> None:
    pairs = _pairs(store, happened=happened)
    # the joint acts give both orders; the one-party meeting gives no pair
    assert pairs == {"CHL-PER", "PER-CHL", "MERCOSUR-BOL", "G7-CHL", "CHL-G7"}
    for pair in sorted(pairs):
        counted = sum(r["n"] for r in store.dyads(dyad=pair, happened=happened).to_pylist())
        listed = store.events(dyad=pair, happened=happened, undated_historical=False, undated=False)
        assert listed.num_rows == counted == store.count(dyad=pair, happened=happened), pair


def test_a_joint_meeting_is_an_event_of_both_orders(store, built) -> None:
    evs = built[1]
    assert _keys(store.events(dyad="CHL-PER"), evs) == {
        "joint_meeting", "chl_accuses_per", "joint_not_signed"}
    assert _keys(store.events(dyad="PER-CHL"), evs) == {
        "joint_meeting", "per_accuses_chl", "joint_not_signed"}
    assert _keys(store.events(dyad="PER-CHL", happened=True), evs) == {
        "joint_meeting", "per_accuses_chl"}
    assert _keys(store.events(dyad="chl-g7"), evs) == {"g7_chl_agree"}


def test_a_meeting_of_one_party_has_no_recipient(store, built) -> None:
    """Chile's cabinet meeting is no CHL-CHL event and CHL is not its recipient."""
    evs = built[1]
    assert "one_party_meeting" not in _keys(store.events(recipient="CHL"), evs)
    assert _keys(store.events(recipient="CHL"), evs) == {
        "per_accuses_chl", "joint_meeting", "joint_not_signed", "g7_chl_agree"}
    assert store.events(dyad="CHL-CHL").num_rows == 0
    assert store.dyads(dyad="CHL-CHL", happened=False).num_rows == 0


def test_every_code_the_kb_holds_has_the_code_shape() -> None:
    codes = igo_codes() | country_codes()
    assert {"CARICOM", "ECOWAS", "MERCOSUR", "G7", "ASEAN", "AU", "EU", "UN"} <= codes
    assert all(CODE_RE.match(c) for c in codes), sorted(c for c in codes if not CODE_RE.match(c))


def test_parse_dyad() -> None:
    assert parse_dyad("CARICOM-GUY") == ("CARICOM", "GUY")
    assert parse_dyad("g7-usa") == ("G7", "USA")
    for bad in ("USA", "USA-AZE-ARM", "U-AZE", "USA-", "7G-USA"):
        with pytest.raises(StoreError) as exc:
            parse_dyad(bad)
        assert exc.value.code == "T405"


def test_long_and_digit_igo_codes_are_queryable(store, built) -> None:
    evs = built[1]
    rows = store.dyads(dyad="MERCOSUR-BOL").to_pylist()
    assert [(r["actor_country"], r["recipient_country"], r["n"]) for r in rows] == [
        ("MERCOSUR", "BOL", 1)]
    # the dyad is parties' codes only: the unresolved "Mercosur negotiators" is none
    assert _keys(store.events(dyad="MERCOSUR-BOL"), evs) == {"mercosur_urges"}
    assert _keys(store.events(actor="G7"), evs) == {"g7_chl_agree"}


def test_actor_code_matches_resolved_code_and_text(store, built) -> None:
    evs = built[1]
    want = {"mercosur_urges", "mercosur_text_praises"}
    assert _keys(store.events(actor="MERCOSUR"), evs) == want
    assert _keys(store.events(actor="mercosur"), evs) == want
    # a capitalised word that is no code is text, not an error; a short unknown code is
    assert store.events(actor="LITHIUM").num_rows == 0
    with pytest.raises(StoreError) as exc:
        store.events(actor="ZZZ")
    assert exc.value.code == "T405"


def test_code_value(store) -> None:
    known = store._known_code
    assert code_value("CARICOM", "actor", known) == "CARICOM"
    assert code_value("ecowas", "actor", known) == "ECOWAS"
    assert code_value("usa", "actor", known) == "USA"
    assert code_value("Armenia", "actor", known) is None
    assert code_value("RUSSIA", "actor", known) is None
    assert MUTUAL_TYPES == ("AGREE", "CONSULT", "COOPERATE")
