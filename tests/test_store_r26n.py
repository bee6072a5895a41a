"""r26n: a two-sided fight is an event of both its sides' dyads.

"Thai and Cambodian troops exchanged fire" has both sides as actors and no recipient
(annotation guide section 3); a fresh user's per-dyad timeline lost such exchanges, since
only joint meetings, agreements and cooperation (MUTUAL_TYPES) counted for each ordered
pair of their actors. The coder now names ``structure:two-sided-fight``
(:data:`tidings.store.filters.MUTUAL_RULE`) in such an event's ``rules``, and the store
counts it for every ordered pair of its actor parties, in ``dyads`` and ``events --dyad``
alike. "traded fire" and "exchanged artillery fire" are fighting too, and what the sides
exchange is nobody's recipient. Sentences and stories are new.
"""

from __future__ import annotations

import pytest

from conftest import sentence_events

from tidings.records import Entity, Story
from tidings.store import Store
from tidings.store.filters import MUTUAL_RULE

GRC = Entity(text="Greek coast guard", name=None, country="GRC", sector="MIL")
TUR = Entity(text="Turkish coast guard", name=None, country="TUR", sector="MIL")
BGR = Entity(text="Bulgarian police", name=None, country="BGR", sector="COP")

TEXT = ("Greek and Turkish patrol boats exchanged fire near the islet on Friday. "
        "Greek and Turkish ministers met in Athens on Saturday. "
        "Greek and Turkish fishermen fought over the nets on Sunday. "
        "Turkish gunboats shelled a Bulgarian post on Monday.")

# key -> (event type, actors, recipients, rules)
EVENTS = {
    "fight": ("ASSAULT", [GRC, TUR], [], ["lexicon:exchange/V", MUTUAL_RULE]),
    "meeting": ("CONSULT", [GRC, TUR], [], ["lexicon:meet/V"]),
    "unmarked_fight": ("ASSAULT", [GRC, TUR], [], ["lexicon:fight/V"]),
    "shelling": ("ASSAULT", [TUR], [BGR], ["lexicon:shell/V"]),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    story = Story(id="r26n-1", text=TEXT, pub_date="2026-06-09")
    evs = sentence_events(story, {k: (t, a, r, [], rules) for k, (t, a, r, rules) in EVENTS.items()},
                          "2026-06-05", "Friday")
    path = tmp_path_factory.mktemp("r26n") / "r26n.duckdb"
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


def test_a_marked_fight_counts_for_both_orders(store, built) -> None:
    evs = built[1]
    assert _keys(store.events(dyad="GRC-TUR"), evs) == {"fight", "meeting"}
    assert _keys(store.events(dyad="TUR-GRC"), evs) == {"fight", "meeting"}
    assert _keys(store.events(recipient="GRC"), evs) == {"fight", "meeting"}
    conflict = {(r["actor_country"], r["recipient_country"], r["n"])
                for r in store.dyads().to_pylist() if r["quad_class"] == "material_conflict"}
    # the unmarked fight (a fight word the coder did not find two-sided) stays unpaired
    assert conflict == {("GRC", "TUR", 1), ("TUR", "GRC", 1), ("TUR", "BGR", 1),
                        ("GRC", None, 1), ("TUR", None, 1)}


@pytest.mark.parametrize("pair", ["GRC-TUR", "TUR-GRC", "TUR-BGR"])
def test_events_and_dyads_agree_on_a_fight(store, pair) -> None:
    counted = sum(r["n"] for r in store.dyads(dyad=pair).to_pylist())
    assert store.events(dyad=pair, undated_historical=False, undated=False).num_rows == counted
    assert store.count(dyad=pair) == counted


def test_the_coder_and_the_store_name_the_same_rule() -> None:
    from tidings.coding.events import TWO_SIDED_FIGHT
    assert TWO_SIDED_FIGHT == MUTUAL_RULE == "structure:two-sided-fight"


@pytest.mark.slow
@pytest.mark.parametrize("text, sides", [
    ("Serbian and Kosovar police officers exchanged fire near the crossing on Tuesday.", {"SRB", "XKX"}),
    ("Kyrgyz and Tajik border guards traded fire along the disputed frontier overnight.", {"KGZ", "TJK"}),
    ("Afghan and Pakistani forces exchanged heavy artillery fire at the Torkham crossing on Sunday.",
     {"AFG", "PAK"}),
])
def test_the_coder_marks_two_sided_fire(default_code, text, sides) -> None:
    evs = [e for e in default_code(text) if e.event_type == "ASSAULT"]
    assert len(evs) == 1
    e = evs[0]
    assert {a.country for a in e.actor} == sides
    assert not [r for r in e.recipient if r.country or "fire" in r.text]
    assert MUTUAL_RULE in e.rules


@pytest.mark.slow
def test_a_one_sided_attack_is_not_marked(default_code) -> None:
    """Control: one side's shelling of the other keeps its recipient and no mark."""
    evs = [e for e in default_code("Kyrgyz troops shelled Tajik border posts on Monday.")
           if e.event_type == "ASSAULT"]
    assert evs and MUTUAL_RULE not in evs[0].rules
    assert {r.country for r in evs[0].recipient} == {"TJK"}
