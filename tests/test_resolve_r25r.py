"""Wrong sides that put events in the wrong dyad (r25r, a fresh user's trial).

* an organisation alias ("the Alliance": NATO) is matched only as a whole name, never as
  a word of a longer unknown name that goes on with "of"/"for" (words.yaml
  actor_org_name_links; ActorResolver._org_word_in_name; annotation guide section 6);
* the Alliance of Sahel States is an IGO of its own in the knowledge base;
* actors of two countries fighting each other are both sides: no place stands in for a
  recipient (annotation guide section 3; coding/events.py).

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED
from tidings.actors import resolve


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


@pytest.mark.parametrize("text", [
    "the Alliance for Coastal Renewal",
    "the Alliance of Lake Fishing Towns",
    "the Alliance for Democratic Farmers",
])
def test_org_alias_inside_a_longer_unknown_name_is_not_the_org(text):
    """"the Alliance" is NATO's alias, but "the Alliance for Coastal Renewal" is some
    other, unknown body: not NATO."""
    ent = resolve(text, date="2026-02-10")
    assert ent is None or ent.igo != "NATO"


@pytest.mark.parametrize("text, igo, country", [
    ("the Alliance", "NATO", None),                      # control: the alias alone
    ("the Taliban of Afghanistan", None, "AFG"),         # control: "of" and one country
    ("the Alliance of Sahel States", "AES", None),
    ("the AES", "AES", None),
    ("Confederation of Sahel States", "AES", None),
])
def test_whole_names_still_resolve(text, igo, country):
    ent = resolve(text, date="2026-02-10")
    assert ent is not None
    assert ent.igo == igo
    assert ent.country == country


def test_sahel_alliance_leaders_are_the_aes_not_nato(code_text):
    evs = code_text("Leaders of the Alliance of Sahel States signed a defence pact in Bamako "
                    "on Tuesday.", pub_date="2026-02-10")
    actors = [a for e in evs for a in e.actor]
    assert actors
    assert {a.igo for a in actors} == {"AES"}


def test_two_sided_fire_has_no_place_recipient(code_text):
    """Thai and Cambodian troops fired at each other: both actors, no recipient, and the
    place named is never a party."""
    evs = _of(code_text("Thai and Cambodian troops exchanged fire along the Dangrek frontier "
                        "on Tuesday, the Thai army said.", pub_date="2026-02-10"), "ASSAULT")
    assert evs
    assert sorted(a.country for a in evs[0].actor) == ["KHM", "THA"]
    assert evs[0].recipient == []


def test_one_sided_attack_keeps_its_place_target(code_text):
    """Control: one side shelling an area keeps the place's country as the target."""
    evs = _of(code_text("Russian troops shelled villages in eastern Ukraine on Tuesday.",
                        pub_date="2026-02-10"), "ASSAULT")
    assert evs
    assert [r.country for r in evs[0].recipient] == ["UKR"]


@pytest.mark.parametrize("text, want", [
    # "its" in a verb conjoined to one whose object holds the nearest state: the subject
    ("Kenya on Monday cut trade with Somalia, expelled Somali diplomats from its capital "
     "and closed the border.", "Kenya"),
    ("Chile suspended talks with Bolivia, recalled its ambassador and closed a port.", "Chile"),
    # controls: one clause, and an infinitive whose subject is the object, keep the nearest
    ("Ghana thanked Nigeria for its help in the rescue on Monday.", "Nigeria"),
    ("France urged Russia to halt its attacks on Ukrainian ports on Monday.", "Russia"),
])
def test_its_in_a_conjoined_verb_is_the_shared_subject(nlp, text, want):
    from tidings.coding.mentions import _possessive_antecedent

    doc = nlp(text)
    h = next(t for t in doc if t.lower_ == "its")
    ante = _possessive_antecedent(h, "its", h.sent)
    assert ante is not None and ante.text == want


def test_named_org_with_a_longer_official_name_is_kept():
    """Only an alias of common words ("the Alliance") can be a word of a longer name: a
    KB name with an acronym in it keeps its organisation when the text adds "for ..."."""
    ent = resolve("UN Relief and Works Agency for Palestine Refugees", date="2026-02-10")
    assert ent is not None and ent.igo == "UNRWA"


def test_two_countries_on_one_side_keep_the_place_target(code_text):
    """Control: two states acting together against others (no fight word) keep the
    event place's stand-in; only fighting between the actors drops it."""
    evs = _of(code_text("Russian and Belarusian troops shelled villages in northern Ukraine "
                        "on Tuesday.", pub_date="2026-02-10"), "ASSAULT")
    assert evs
    assert [r.country for r in evs[0].recipient] == ["UKR"]
