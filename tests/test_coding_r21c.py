"""Kinds of acts a fresh user's blind trial found missed (r21c): weapons tests told by a
"test-fired" verb, hackers' thefts of money, backing a party with arms or fighters (also
as the charge of an accusation), and relief goods handed out.

Each kind is read by a rule of ``data/rules/*.jsonl`` (named in the event's ``rules``)
or, for the charged act, by :func:`tidings.coding.coder.choose_events` with the word
list ``charged_act_types``; a kind the corpus has almost no verb for carries a ``prior``
so the default output (threshold 0.4) reports it. Near misses must not change. All
sentences are the team's own."""

from __future__ import annotations

import pytest

from conftest import shown, happened_of_type as _typed


# --- weapons tests: MOBILIZE weapons (annotation guide section 3, MOBILIZE) ------------

@pytest.mark.parametrize("text,actor", [
    ("Iran test-fired a new cruise missile on Friday.", "IRN"),
    ("Pakistan test-fired three cruise missiles over the Arabian Sea, its army said.", "PAK"),
    # parsed with "test-fired" an adjective of "missiles" (filter:epithet-is-no-event
    # had dropped it)
    ("North Korea test-fired two short-range ballistic missiles into the sea off its east coast "
     "on Sunday.", None),
])
def test_test_fired_missiles_are_mobilization(default_code, text, actor):
    evs = default_code(text)
    mob = _typed(evs, "MOBILIZE", "weapons")
    # r29j: "test-fired" is one token now (words.yaml one_token_compounds), read as a
    # test by frame:tested-weapon-is-mobilization; the split form keeps the sense rule
    assert mob and {"sense:weapon-test-is-mobilization", "frame:tested-weapon-is-mobilization"} & set(mob[0].rules), \
        shown(evs)
    assert mob[0].confidence >= 0.4
    assert not _typed(evs, "ASSAULT"), shown(evs)
    if actor:
        assert [a.country for a in mob[0].actor] == [actor]


def test_fired_missiles_at_a_city_stay_an_attack(default_code):
    evs = default_code("The rebels fired two missiles at the airport in Aden on Monday.")
    assert _typed(evs, "ASSAULT") and not _typed(evs, "MOBILIZE"), shown(evs)


# --- hackers stealing money: COERCE cyber (annotation guide section 3, COERCE cyber) ---

@pytest.mark.parametrize("text", [
    "A group of hackers stole $25 million in digital currency from a Japanese bank.",
    "Hackers linked to Iran's government stole $3 million in bitcoin from an Israeli firm, "
    "the company said on Monday.",
])
def test_hackers_stealing_money_is_cyber_coercion(default_code, text):
    evs = default_code(text)
    cy = _typed(evs, "COERCE", "cyber")
    assert cy and "frame:stolen-data-is-hacking" in cy[0].rules, shown(evs)
    assert cy[0].confidence >= 0.4


def test_thieves_stealing_cash_is_no_hacking(default_code):
    evs = default_code("Thieves stole $2 million in cash from a bank in Lagos.")
    assert not _typed(evs, "COERCE", "cyber"), shown(evs)


# --- backing a party with arms, fighters or money: AID (PLOVER manual, AID) ------------

def test_backed_with_money_and_drones_is_aid(default_code):
    evs = default_code("The two neighbours have backed the militia with money and drones since 2019.")
    aid = _typed(evs, "AID")
    assert aid and "sense:backed-with-arms-is-aid" in aid[0].rules, shown(evs)
    assert aid[0].confidence >= 0.4


@pytest.mark.parametrize("text", [
    "France supported the proposal with enthusiasm.",
    "Kenya backed the plan with a statement on Monday.",
])
def test_backing_with_words_is_no_aid(default_code, text):
    evs = default_code(text)
    assert not _typed(evs, "AID"), shown(evs)


@pytest.mark.parametrize("text,accuser,accused", [
    ("Juba accused Khartoum of supporting the insurgents with fighters and ammunition.", "SSD", "SDN"),
    ("Kinshasa accused Kampala of backing the militia with weapons and money.", "COD", "UGA"),
])
def test_charged_backing_is_accusation_and_aid(default_code, text, accuser, accused):
    """Annotation guide section 11: an accusation that reports an act as fact is ACCUSE
    and the act, the act claimed by the accuser."""
    evs = default_code(text)
    acc, aid = _typed(evs, "ACCUSE"), _typed(evs, "AID")
    assert acc and aid, shown(evs)
    assert [a.country for a in acc[0].actor] == [accuser]
    assert [a.country for a in aid[0].actor] == [accused]
    assert [c.country for c in aid[0].claimed_by] == [accuser]


def test_charged_ambush_is_an_attack_of_its_own(default_code):
    evs = default_code("The army blamed the rebels for ambushing the convoy near Beni.")
    assert _typed(evs, "ACCUSE") and _typed(evs, "ASSAULT"), shown(evs)


def test_charged_standing_behaviour_is_the_accusation_alone(default_code):
    evs = default_code("Her opponents accused the president of undermining democracy.")
    assert [e.event_type for e in evs] == ["ACCUSE"], shown(evs)


# --- relief goods handed out: AID (annotation guide section 11, handing over goods) ----

@pytest.mark.parametrize("text", [
    "The Red Cross said it had started distributing food to 40,000 people in the Kasai region.",
    "Officials distributed tents and blankets to flood victims in Sindh.",
])
def test_distributed_relief_is_aid(default_code, text):
    evs = default_code(text)
    aid = _typed(evs, "AID")
    assert aid and "sense:distributed-relief-is-aid" in aid[0].rules, shown(evs)
    assert aid[0].confidence >= 0.4


@pytest.mark.parametrize("text", [
    "The party distributed leaflets in the capital.",
    "The gang imports, transports and distributes drugs across the border towns.",
])
def test_distributed_leaflets_or_drugs_are_no_aid(default_code, text):
    evs = default_code(text)
    assert not _typed(evs, "AID"), shown(evs)
