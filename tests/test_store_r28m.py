"""r28m: a party of the actor knowledge base is queryable by its acronym and its name.

A fresh user following Sudan's war ran ``tidings events --actor RSF`` and got a T405
error ("unknown country or IGO code"): an upper-case value of 2-5 letters was always a
code. ``--actor rsf`` worked but found only the parties whose text says "RSF", not "the
paramilitary force" the resolver had given the same knowledge-base id. Now a value that
names a KB party (an organisation, group or person, not a country) in full or by its
acronym matches every stored party with that ``kb_id`` too; an unknown code that is no
KB acronym stays an error. Stories and parties are built by hand; the sentences are new.
"""

from __future__ import annotations

import pytest

from conftest import sentence_events

from tidings.errors import StoreError
from tidings.records import Entity, Story
from tidings.store import Store
from tidings.store.codes import code_value, kb_party

RSF_ID = "tid:org/rapid-support-forces"
RSF_FULL = Entity(text="The Rapid Support Forces", name="Rapid Support Forces", country="SDN",
                  sector="PRM", kb_id=RSF_ID)
RSF_ANAPHOR = Entity(text="the paramilitary force", name="Rapid Support Forces", country="SDN",
                     sector="PRM", kb_id=RSF_ID)
# a description the resolver left without the KB id: only a text match could find it
RSF_LOOSE = Entity(text="fighters loyal to the paramilitary", name=None, country="SDN", sector="REB")
ARMY = Entity(text="the army", name=None, country="SDN", sector="MIL")
CHAD = Entity(text="N'Djamena", name="Government of Chad", country="TCD", sector="GOV")

TEXT = ("The Rapid Support Forces shelled the army's positions. "
        "The army accused the paramilitary force of looting. "
        "Fighters loyal to the paramilitary blocked a convoy. "
        "N'Djamena urged the army to talk.")

EVENTS = {
    "rsf_shells": ("ASSAULT", [RSF_FULL], [ARMY], [], []),
    "army_accuses": ("ACCUSE", [ARMY], [RSF_ANAPHOR], [], []),
    "loose_blocks": ("COERCE", [RSF_LOOSE], [], [], []),
    "chad_urges": ("REQUEST", [CHAD], [ARMY], [], []),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    story = Story(id="r28m-1", text=TEXT, pub_date="2026-04-03")
    evs = sentence_events(story, EVENTS, "2026-04-02", "Thursday")
    path = tmp_path_factory.mktemp("r28m") / "r28m.duckdb"
    with Store(path) as s:
        s.save_story(story, list(evs.values()), "0.1.0")
    s = Store(path, read_only=True)
    yield s
    s.close()


def _types(table) -> list[str]:
    return sorted(table.column("event_type").to_pylist())


def test_kb_party_names_the_acronym_and_the_full_name():
    assert kb_party("RSF") == (RSF_ID, "Rapid Support Forces")
    assert kb_party("rsf") == (RSF_ID, "Rapid Support Forces")
    assert kb_party("Rapid Support Forces") == (RSF_ID, "Rapid Support Forces")
    # a country is matched by its code, a common word is no party
    assert kb_party("Armenia") is None
    assert kb_party("police") is None
    assert kb_party("ZZZ") is None


def test_an_acronym_of_a_kb_party_is_no_code_error(store):
    assert code_value("RSF", "actor", store._known_code) is None
    with pytest.raises(StoreError) as exc:
        store.events(actor="ZZZ")
    assert exc.value.code == "T405"


def test_actor_and_recipient_by_acronym_find_the_kb_id(store):
    # the actor by acronym: its own full-name mention; the recipient: the anaphor
    assert _types(store.events(actor="RSF")) == ["ASSAULT"]
    assert _types(store.events(recipient="RSF")) == ["ACCUSE"]
    assert _types(store.events(recipient="Rapid Support Forces")) == ["ACCUSE"]
    # the army is no RSF party: Chad's request and the army's accusation are not found
    assert _types(store.events(actor="rsf")) == ["ASSAULT"]


def test_part_of_a_name_still_matches_text(store):
    # "paramilitary" names no KB party: a text match, both descriptions
    assert _types(store.events(actor="paramilitary")) == ["COERCE"]
    assert _types(store.events(recipient="paramilitary")) == ["ACCUSE"]
