"""Who did what to whom, eighteenth round (a fresh user's trial): parties across two
conjoined clauses, the first person of a statement, and passives with no agent. All
sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _countries(ents):
    return {x.country for x in ents if x.country}


# --- 1. a clause's subject is never a party of the clause conjoined with it -------------

@pytest.mark.parametrize("text, igo, parties", [
    ("ECOWAS denounced the takeover and the governments of Ghana and Nigeria expressed support for "
     "President Bazoum.", "ACCUSE", {"GHA", "NGA"}),
    ("The African Union condemned the mutiny and the presidents of Kenya and Uganda expressed solidarity "
     "with President Tshisekedi.", "ACCUSE", {"KEN", "UGA"}),
])
def test_second_clause_subject_parsed_into_the_object_list_acts_in_its_own_clause(every_candidate, text, igo,
                                                                                   parties):
    """"X condemned A and the governments of B and C expressed support": the parse hangs
    the governments on the condemned object list and leaves "expressed" without a
    subject (syntax.stranded_subject). They are the support's actor, not whom the
    condemnation is directed at, and the condemner does not express the support
    (annotation guide section 6)."""
    evs = every_candidate(text)
    acc = _of(evs, igo)
    assert acc and not _countries(r for e in acc for r in e.recipient) & parties, shown(evs)
    sup = _of(evs, "SUPPORT")
    assert sup and _countries(a for e in sup for a in e.actor) == parties, shown(evs)
    assert not any(a.igo for e in sup for a in e.actor), shown(evs)


def test_a_subject_parsed_into_the_previous_object_list_is_not_a_recipient(every_candidate):
    """"Tehran released A and Rome handed over B": Rome hands over; it is not released."""
    evs = every_candidate("Tehran released a Belgian teacher and Rome handed over an Iranian engineer.")
    got = _of(evs, "RETREAT")
    assert got, shown(evs)
    assert not any(r.text == "Rome" for e in got for r in e.recipient), shown(evs)


def test_near_miss_a_real_object_list_stays_whole(every_candidate):
    """Two released people with no verb after them: both are recipients."""
    evs = every_candidate("Tehran released a Belgian teacher and a Danish engineer on Friday.")
    got = _of(evs, "RETREAT")
    assert got and {"BEL", "DNK"} <= _countries(r for e in got for r in e.recipient), shown(evs)


def test_near_miss_a_shared_subject_still_acts_in_both_clauses(every_candidate):
    """"X condemned A and expressed support for B" (no subject of its own): X supports."""
    evs = every_candidate("Kenya condemned the coup attempt and expressed support for the president of Ghana.")
    sup = _of(evs, "SUPPORT")
    assert sup and "KEN" in _countries(a for e in sup for a in e.actor), shown(evs)


def test_near_miss_a_series_of_predicates_after_a_comma_keeps_its_subject(every_candidate):
    """"They visited Kyiv and Warsaw, signed ...": a comma before the verb marks a
    series of the same subject's acts; the last place of the list is no subject."""
    evs = every_candidate("Sweden and Finland sent ministers to Vilnius and Riga, pledged support for the "
                          "Baltic states and discussed air defence.")
    got = [e for e in evs if e.trigger == "pledged"]
    assert got and {"SWE", "FIN"} <= _countries(a for e in got for a in e.actor), shown(evs)
    assert not {"LTU", "LVA"} & _countries(a for e in got for a in e.actor), shown(evs)


# --- 2. a statement's "we" is the speaker's side, never the state it addresses ---------

@pytest.mark.parametrize("text, addressee", [
    ("Statement by the Official Spokesperson\n\nAzerbaijan violated the truce on Sunday, and Azerbaijani troops "
     "shelled border villages near Tavush. Azerbaijan has denied this. "
     "We call upon Azerbaijan to respect the agreement.", "AZE"),
    ("Q: Will Chile accept the result of the election in Nicaragua?\nA: No. Managua has not published the "
     "figures, and Nicaragua has expelled observers. We have asked Managua to publish them.", "NIC"),
    ("Press release\n\nEthiopian troops crossed the border on Friday, and Ethiopia has moved artillery near "
     "Kassala. We urge Ethiopia to withdraw its forces.", "ETH"),
])
def test_first_person_of_a_statement_is_not_the_addressed_state(every_candidate, text, addressee):
    """A first-person subject that only the story's country would give a country (the
    country the story names most) is not given the country of the state it addresses
    (events._speaker_not_addressee; annotation guide sections 6 and 9)."""
    evs = every_candidate(text, pub_date="2025-02-07")
    req = [e for e in _of(evs, "REQUEST") if e.actor and e.actor[0].text == "We"]
    assert req and addressee in _countries(r for e in req for r in e.recipient), shown(evs)
    assert addressee not in _countries(a for e in req for a in e.actor), shown(evs)


def test_near_miss_we_addressing_its_own_institutions_keeps_the_story_country(every_candidate):
    """A domestic appeal ("we call on the Colombian Congress"): the addressee is no
    state named as a whole, and the speaker's country stays the story's."""
    evs = every_candidate("Colombian President Ivan Duque spoke on television on Sunday in Bogota. "
                          "We call on the Colombian Congress to approve the tax reform.", pub_date="2025-02-07")
    req = [e for e in _of(evs, "REQUEST") if e.actor and e.actor[0].text == "We"]
    assert req and "COL" in _countries(a for e in req for a in e.actor), shown(evs)


# --- 3. a passive with no agent names no actor ---------------------------------------------

@pytest.mark.parametrize("text, trigger, named", [
    ("Four Nepali officials were dismissed for remarks about Prime Minister Shehbaz Sharif.", "dismissed", "PAK"),
    ("Two Ghanaian deputy ministers were suspended for posts about President Bola Tinubu.", "suspended", "NGA"),
    ("Three Nigerian lawmakers were suspended for statements about President Nana Akufo-Addo.", "suspended",
     "GHA"),
])
def test_agentless_passive_takes_no_actor_from_its_reason(every_candidate, text, trigger, named):
    """"X were suspended for remarks about Y": the sentence does not say who suspended
    them; Y is what the remarks were about (annotation guide section 5, passive with an
    unnamed agent: actor empty)."""
    evs = every_candidate(text)
    got = [e for e in evs if e.trigger == trigger]
    assert got and not any(e.actor for e in got), (named, shown(evs))


def test_near_miss_a_passive_with_a_by_agent_keeps_it(every_candidate):
    evs = every_candidate("Two Ghanaian diplomats were expelled by Kenya over comments about President William Ruto.")
    got = [e for e in evs if e.trigger == "expelled"]
    assert got and "KEN" in _countries(a for e in got for a in e.actor), shown(evs)


def test_near_miss_an_agentless_passive_keeps_an_actor_named_outside_its_reason(every_candidate):
    """"were killed during a clash with X": the clash's other side is the actor the
    train gold gives; only reason phrases ("for", "over") are left out."""
    evs = every_candidate("Two Colombian soldiers were killed during a clash with ELN rebels in Arauca on Sunday.")
    got = _of(evs, "ASSAULT")
    assert got and any(a.sector == "REB" for e in got for a in e.actor), shown(evs)
