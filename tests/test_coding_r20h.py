"""Twentieth round, r20h (a fresh user's trial): false events of four kinds. All sentences
are written for these tests.

1. Crime between private persons told in a subjectless gerund ("a man was arrested after
   stabbing his neighbour"): the clause's subject does the act, so the private-violence
   filter sees both private parties; a person's criminal past ("had a criminal record") is
   background, no ACCUSE (annotation guide section 1 and 11.3).
2. Blaming an impersonal cause (prices, the weather, demand) accuses no party: no ACCUSE
   (PLOVER manual, ACCUSE; guide section 1, commentators' analysis).
3. An open-ended pattern told in passing ("after a wave of prison killings", "over a surge
   in extortion killings") naming no party, time or place is no act (guide 11.1).
4. The act an order asks for, when the order is refused or defied ("would refuse orders to
   fire on them"), is not done; the refusal is REJECT (guide section 5).
"""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _done(evs, etype):
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


# ------------------------------------------------------------------ 1. private crime
@pytest.mark.parametrize("text", [
    "A man was arrested in Cusco on Sunday after stabbing his neighbour during a row over a fence.",
    "A farmer was jailed after killing his brother in a quarrel over grazing land.",
    "A teenager was detained after beating a shopkeeper outside a bakery, residents said.",
])
def test_private_violence_in_a_gerund_is_no_assault(every_candidate, text):
    """The arrest stays COERCE (the state acting on the crime); the stabbing, killing or
    beating between private persons is no ASSAULT, even as a candidate."""
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type == "ASSAULT"], shown(evs)
    assert _done(evs, "COERCE"), shown(evs)


@pytest.mark.parametrize("text", [
    "A soldier was arrested after shooting a protester near the parliament.",
    "Two men were detained after attacking a police officer at a checkpoint.",
])
def test_gerund_violence_by_or_on_a_political_party_stays_assault(default_code, text):
    """Near-miss: a soldier, or a police officer attacked, is a political party."""
    evs = default_code(text)
    assert _done(evs, "ASSAULT"), shown(evs)


@pytest.mark.parametrize("text", [
    "Police said the suspect had a criminal record.",
    "Officers said the driver had a long criminal history.",
    "The court heard that the accused had previous convictions for burglary.",
])
def test_a_criminal_past_is_background_not_an_accusation(every_candidate, text):
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type == "ACCUSE" and e.trigger.split()[-1] in
                ("record", "history", "convictions")], shown(evs)


def test_a_charge_stays_an_accusation(default_code):
    """Near-miss: charging the suspect is ACCUSE allege."""
    evs = default_code("Prosecutors charged the suspect with murder on Tuesday.")
    assert [e.mode for e in _done(evs, "ACCUSE")] == ["allege"], shown(evs)


# ------------------------------------------------------------------ 2. impersonal blame
@pytest.mark.parametrize("text", [
    "Analysts blamed higher fuel prices and a weak currency.",
    "Officials blamed the delays on bad weather.",
    "The poor harvest was blamed on the drought.",
    "Economists blamed falling export demand and heavy rains.",
])
def test_blaming_an_impersonal_cause_is_no_accusation(every_candidate, text):
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type == "ACCUSE"], shown(evs)


@pytest.mark.parametrize("text", [
    "The minister blamed rising food prices on the opposition.",
    "Farmers blamed the government for rising fuel prices.",
    "Traders blamed US tariffs for the slump.",
    "Kyiv blamed Russia for the blackout.",
])
def test_blaming_a_party_stays_an_accusation(default_code, text):
    """Near-miss: a party is blamed (as object, in the "on" phrase, or as a compound)."""
    evs = default_code(text)
    assert [e.mode for e in _done(evs, "ACCUSE")] == ["allege"], shown(evs)


# ------------------------------------------------------------------ 3. open-ended patterns
@pytest.mark.parametrize("text", [
    "The president declared a state of emergency in two provinces after a wave of prison killings.",
    "Senators demanded the resignation of the police chief over a surge in extortion killings.",
    "The governor imposed a curfew in three districts after a spate of gang killings.",
    "Parents kept their children at home amid a string of kidnappings.",
])
def test_open_ended_pattern_in_passing_is_no_act(every_candidate, text):
    evs = every_candidate(text)
    assert not [e for e in evs if e.event_type in ("ASSAULT", "COERCE")
                and e.trigger.split()[-1] in ("killings", "kidnappings", "wave", "surge", "spate", "string")], \
        shown(evs)


@pytest.mark.parametrize("text", [
    "A wave of bombings shook the capital on Monday.",
    "The army deployed troops to the north after a string of attacks by the militia.",
    "The cabinet met after a spate of kidnappings in Kaduna last week.",
])
def test_pattern_as_subject_or_with_a_party_place_or_time_stays_an_act(default_code, text):
    """Near-miss: the pattern told as done (its clause's subject), or naming a party, a
    place or a time (guide 11.1)."""
    evs = default_code(text)
    assert _done(evs, "ASSAULT"), shown(evs)


# ------------------------------------------------------------------ 4. refused orders
@pytest.mark.parametrize("text", [
    "The battalion said it would refuse orders to fire on the marchers.",
    "The border guards defied orders to shoot at the fleeing villagers.",
    "Several officers disobeyed orders to open fire on the crowd.",
])
def test_act_of_a_refused_order_is_not_done(every_candidate, text):
    evs = every_candidate(text)
    assert not _done(evs, "ASSAULT"), shown(evs)


def test_act_of_an_obeyed_order_stays_done(default_code):
    """Near-miss: an order carried out is the act."""
    evs = default_code("The troops obeyed orders to fire on the crowd.")
    assert [e.mode for e in _done(evs, "ASSAULT")] == ["firearms"], shown(evs)


def test_refusal_to_fire_stays_a_rejection(default_code):
    evs = default_code("The battalion said it would refuse orders to fire on the marchers.")
    assert [e.event_type for e in evs] == ["REJECT"], shown(evs)
