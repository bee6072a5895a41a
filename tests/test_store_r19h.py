"""r19h: query filters read an old country code as the code the store holds (a fresh
user's trial: ``tidings events --actor KOS`` and ``--dyad KOS-SRB`` gave no rows while the
store held Kosovo's events as XKX; docs/actors.md: KOS "is still accepted ... and read as
XKX"). Stories and events are built by hand."""

from __future__ import annotations

import pytest

from tidings.errors import StoreError
from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Place, Story, make_event_id
from tidings.store import Store

PRISTINA = Entity(text="Pristina", name="Government of Kosovo", country="XKX", sector="GOV")
BELGRADE = Entity(text="Belgrade", name="Government of Serbia", country="SRB", sector="GOV")
TIRANA = Entity(text="Tirana", name="Government of Albania", country="ALB", sector="GOV")
MITROVICA = Place(text="Mitrovica", name="Mitrovica", country="XKX", feature="populated_place")


def _event(story: Story, idx: int, actor: Entity, recipient: Entity, place: Place | None = None) -> Event:
    sentence = story.text.split(". ")[idx]
    return Event(event_id=make_event_id(story.id, story.text_hash(), idx, "ACCUSE", 0, "0.1.0"),
                 story_id=story.id, sentence_index=idx, sentence=sentence,
                 evidence_span=(0, len(sentence)), trigger="blamed", event_type="ACCUSE",
                 mode="allege", contexts=[], aux_modes=[], actor=[actor], recipient=[recipient],
                 date=EventDate(start="2025-02-11", end="2025-02-11", granularity="day", text="Tuesday"),
                 location=place, quad_class=QUAD_CLASS["ACCUSE"], confidence=0.9, cameo="112",
                 claimed_by=[])


@pytest.fixture
def store(tmp_path):
    story = Story(id="k1", text="Pristina blamed Belgrade for the closure of a bridge. "
                                "Tirana blamed Belgrade for the delay.", pub_date="2025-02-12")
    s = Store(tmp_path / "k.duckdb")
    s.save_story(story, [_event(story, 0, PRISTINA, BELGRADE, MITROVICA), _event(story, 1, TIRANA, BELGRADE)],
                 "0.1.0")
    yield s
    s.close()


@pytest.mark.parametrize("filters", [
    {"actor": "KOS"}, {"actor": "kos"}, {"actor": "XKX"}, {"dyad": "KOS-SRB"}, {"dyad": "kos-srb"},
    {"dyad": "XKX-SRB"}, {"place": "KOS"},
])
def test_old_kosovo_code_finds_kosovo_events(store, filters):
    rows = store.events(**filters).to_pylist()
    assert [r["sentence_index"] for r in rows] == [0], rows


@pytest.mark.parametrize("filters, n", [
    ({"recipient": "KOS"}, 0),          # Kosovo is no recipient here
    ({"dyad": "SRB-KOS"}, 0),           # the pair in the other order
    ({"actor": "ALB"}, 1),              # another code is left as it is
    ({"dyad": "ALB-SRB"}, 1),
])
def test_near_misses_of_the_old_code(store, filters, n):
    assert len(store.events(**filters).to_pylist()) == n


def test_unknown_code_hint_names_codes_the_store_writes(store):
    with pytest.raises(StoreError) as exc:
        store.events(actor="QQQ")
    assert "XKX" in exc.value.hint and "KOS" not in exc.value.hint


def test_a_store_written_before_xkx_is_found_by_either_code(tmp_path):
    """A store coded before issue 18 holds Kosovo as KOS: XKX finds it too."""
    old = Entity(text="Pristina", name="Government of Kosovo", country="KOS", sector="GOV")
    story = Story(id="k0", text="Pristina blamed Belgrade for the closure of a bridge. More.", pub_date="2025-02-12")
    with Store(tmp_path / "old.duckdb") as s:
        s.save_story(story, [_event(story, 0, old, BELGRADE)], "0.1.0")
        for filters in ({"actor": "XKX"}, {"actor": "KOS"}, {"dyad": "XKX-SRB"}):
            assert s.events(**filters).num_rows == 1, filters
        assert s.events(recipient="XKX").num_rows == 0
