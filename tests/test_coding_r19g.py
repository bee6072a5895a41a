"""Nineteenth round, r19g (a fresh user's trial): attack and sanction words in frames that
report no such act, weapons tests and the modes of missiles, drones, sanctions and cyber
operations, and a title line over a story. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED, shown


def _of(evs, etype):
    """The events of ``etype`` reported as done (not negated or hypothetical)."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _any(evs, etype):
    return [e for e in evs if e.event_type == etype]


# --- 2. an act in a relative clause with "would" is hypothetical ------------------------

@pytest.mark.parametrize("text, etype", [
    ("France and Britain blocked the motion, which would have imposed sanctions on the Eritrean army.", "SANCTION"),
    ("The assembly voted down an amendment that would have expelled the Togolese delegates.", "SANCTION"),
    ("Washington opposed the resolution, which would impose an arms embargo on the Sudanese militia.",
     "SANCTION"),
])
def test_act_in_would_relative_clause_is_not_done(every_candidate, text, etype):
    """What a draft, motion or bill "would (have)" done is told as its content, not as a
    done act (annotation guide section 4, hypothetical; the learned gate's proposal keeps
    the relative clause's hypothetical: aux:would-in-relative-clause-is-hypothetical)."""
    evs = every_candidate(text)
    assert not _of(evs, etype), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("The Council imposed sanctions on the Eritrean army, which the generals called unfair.", "SANCTION"),
    ("Ottawa expelled two Togolese diplomats, who had been accused of spying.", "SANCTION"),
])
def test_done_act_before_a_relative_clause_stays_done(every_candidate, text, etype):
    """Near-miss: the main clause's own act is reported as done."""
    evs = every_candidate(text)
    assert _of(evs, etype), shown(evs)


@pytest.mark.parametrize("text, etype", [
    ("Bolivia could quit the water-sharing treaty if the dam is built.", "SANCTION"),
    ("Chile said it would leave the fisheries accord if the quotas were cut.", "THREATEN"),
    ("Manila said it could quit the defence treaty if the bases were not returned.", "THREATEN"),
])
def test_quitting_a_treaty_is_withdrawal_not_agreement(every_candidate, text, etype):
    """Leaving a treaty is SANCTION withdraw (guide section 3), not the treaty noun's
    AGREE; announced by its actor with a condition it is THREATEN (guide section 4)."""
    evs = every_candidate(text)
    assert _any(evs, etype) and not _any(evs, "AGREE"), shown(evs)


def test_signing_a_treaty_stays_cooperation(every_candidate):
    """Near-miss: a verb that is no quitting verb keeps the treaty's own reading."""
    evs = every_candidate("Bolivia and Chile signed the water-sharing treaty on Monday.")
    assert not _any(evs, "SANCTION") and not _any(evs, "THREATEN"), shown(evs)


# --- 3. weapons tests and the modes of missile, drone and bomb attacks -------------------

@pytest.mark.parametrize("text", [
    "Pyongyang fired three cruise missiles into the sea on Sunday.",
    "The North Korean army launched a ballistic missile off its east coast on Thursday.",
    "North Korea fired several short-range missiles into the waters off its west coast.",
])
def test_missiles_fired_into_the_sea_are_a_weapons_test(every_candidate, text):
    """Missiles fired into the sea at no target are a weapons test: MOBILIZE weapons
    (guide section 3, MOBILIZE: weapons tests), no ASSAULT. (The learned gate may still
    score the MOBILIZE below its floor: it was trained on few such sentences.)"""
    evs = every_candidate(text)
    assert not _any(evs, "ASSAULT"), shown(evs)
    assert all(e.mode == "weapons" for e in _any(evs, "MOBILIZE")), shown(evs)


@pytest.mark.parametrize("text, mode", [
    ("The militia fired a missile at the airbase near Erbil on Sunday.", "heavy-weapons"),
    ("The Houthis launched two missiles at a cargo ship in the Red Sea.", "heavy-weapons"),
    ("Moscow launched forty drones at Kharkiv overnight.", "drone"),
    ("Army helicopters dropped bombs on the rebel camp.", "aerial"),
])
def test_launched_weapon_gives_the_attack_mode(every_candidate, text, mode):
    """A missile fired at a target is an attack with heavy weapons, drones are `drone`,
    dropped bombs `aerial` (guide section 3, ASSAULT modes); a target, even at sea,
    keeps the ASSAULT (near-miss of the weapons test)."""
    evs = every_candidate(text)
    ass = _of(evs, "ASSAULT")
    assert ass and ass[0].mode == mode, shown(evs) + [e.mode for e in ass]


# --- 1. attack nouns in frames that report no attack by the clause's parties -------------

def _countries(ents):
    return {x.country or x.igo or x.name for x in ents}


@pytest.mark.parametrize("text, not_actor", [
    ("The EU said the bloc would help Latvia investigate the sabotage of the cable.", {"EU"}),
    ("Germany said Berlin would help Poland probe the bombing of the pipeline.", {"DEU"}),
    ("The African Union said it would help Mali investigate the attack on the convoy.", {"AU", "African Union"}),
])
def test_who_helps_an_investigation_did_not_do_the_act(every_candidate, text, not_actor):
    """The party that says or helps that another investigates an attack is not its
    actor (guide section 6: actor = who carries out the act; the train gold labels
    'investigate/condemn the attack' ASSAULT with the attacker, or no actor)."""
    evs = every_candidate(text)
    for e in _any(evs, "ASSAULT"):
        assert not _countries(e.actor) & not_actor, shown(evs) + [e.actor]


def test_an_attacker_in_a_coordinated_clause_stays_the_actor(every_candidate):
    """Near-miss: a clause coordinated with the condemnation may name the doer."""
    evs = every_candidate("Militants stormed the police post and the president condemned the raid.")
    ass = _any(evs, "ASSAULT")
    assert ass and any(a.text.lower().startswith("militants") for e in ass for a in e.actor), shown(evs)


@pytest.mark.parametrize("text", [
    "The militia said it would halt attacks on the oil fields if the talks resumed.",
    "Al-Shabaab fighters said they would stop attacks on aid convoys during the holy month.",
    "The insurgents promised to suspend attacks on the power grid.",
])
def test_attacks_a_party_offers_to_stop_are_no_attack(every_candidate, text):
    """A party saying it would stop or promising to suspend attacks tells an offer, not an
    attack (guide section 1 and 4; train gold: promises to suspend attacks carry no
    ASSAULT): no ASSAULT reported as done."""
    evs = every_candidate(text)
    assert not _of(evs, "ASSAULT"), shown(evs)


def test_a_call_to_stop_a_partys_attacks_keeps_the_attack(every_candidate):
    """Near-miss: a call on another party to end its attacks keeps the ASSAULT, as the
    train gold labels it ("urged Russia to end its attacks")."""
    evs = every_candidate("The council urged Azerbaijan to end its attacks on Armenian villages.")
    assert _any(evs, "ASSAULT") and _any(evs, "REQUEST"), shown(evs)


@pytest.mark.parametrize("text", [
    "Jordan answered with air strikes on the smugglers' camps.",
    "The coalition retaliated with missile strikes overnight.",
    "Turkey responded with drone strikes.",
])
def test_military_strikes_are_no_protest(every_candidate, text):
    """'air/missile/drone strikes' with no labour cue are no work stoppage (guide
    section 3, PROTEST strike; train gold: such strikes are ASSAULT, never PROTEST)."""
    evs = every_candidate(text)
    assert not _any(evs, "PROTEST"), shown(evs)


def test_a_labour_strike_stays_protest(every_candidate):
    """Near-miss: a strike with a labour cue stays PROTEST strike."""
    evs = every_candidate("Dock workers in Mombasa began a strike on Monday over unpaid wages.")
    assert _any(evs, "PROTEST"), shown(evs)


# --- 4. sanction and cyber modes ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mexico imposed tariffs on Guatemalan sugar on Friday.",
    "Australia sanctioned three Myanmar generals on Tuesday.",
    "The EU imposed new sanctions on Belarusian banks.",
])
def test_sanctions_and_tariffs_are_discontinue(every_candidate, text):
    """Sanctions and tariffs cut existing relations: SANCTION discontinue (guide section
    3; train gold: every SANCTION with 'tariff(s)' or 'sanction(s)' is discontinue)."""
    evs = every_candidate(text)
    san = _of(evs, "SANCTION")
    assert san and all(e.mode == "discontinue" for e in san), shown(evs) + [e.mode for e in san]


@pytest.mark.parametrize("text", [
    "Latvia expelled two Russian diplomats after a cyberattack on its central bank.",
    "Norway summoned the Chinese ambassador over a cyberattack that disabled parliament's email system.",
])
def test_cyber_operation_is_coerce_cyber(every_candidate, text):
    """A cyberattack is COERCE cyber with the context cyber (guide section 3, COERCE;
    contexts), not an ASSAULT or a COERCE with no mode."""
    evs = every_candidate(text)
    assert not _any(evs, "ASSAULT"), shown(evs)
    co = _any(evs, "COERCE")
    assert co and all(e.mode == "cyber" and "cyber" in e.contexts for e in co), shown(evs)


def test_a_physical_attack_on_a_grid_stays_assault(every_candidate):
    """Near-miss: a strike on a power plant with no cyber word stays ASSAULT."""
    evs = every_candidate("Russian missiles struck a power plant in Kharkiv on Friday.")
    assert _any(evs, "ASSAULT") and not [e for e in evs if e.mode == "cyber"], shown(evs)


# --- 5. a title line over the story is meta-text -----------------------------------------

def _in_first_line(evs, text):
    first = text.split("\n", 1)[0]
    return [e for e in evs if e.sentence.strip() and e.sentence.strip() in first]


@pytest.mark.parametrize("text", [
    "Interview: Malian minister says talks with the rebels in Algiers can resume\n\n"
    "The minister said on Tuesday that the government was ready to return to the table.",
    "Q&A: Colombian negotiator says ceasefire with the ELN will hold\n\n"
    "The negotiator told reporters the truce had been respected for three weeks.",
    "Kenya and Somalia agree to reopen border crossing\n\n"
    "Officials from both governments met in Nairobi on Monday, the foreign ministry said.",
])
def test_title_line_over_a_story_gives_no_event(every_candidate, text):
    """A first line with no full stop over a blank line and body prose is the story's
    title, meta-text with no event of its own (guide section 1, "What is NOT an event";
    tidings.lines.leading_title_end)."""
    evs = every_candidate(text)
    assert not _in_first_line(evs, text), shown(evs)


def test_a_text_of_headlines_only_is_still_coded(every_candidate):
    """Near-miss: a text whose every line is a headline is coded line by line."""
    text = "Kenya and Somalia agree to reopen border crossing\n\nTurkish jets strike Kurdish positions in Iraq"
    evs = every_candidate(text)
    assert _in_first_line(evs, text), shown(evs)


def test_a_first_paragraph_that_is_prose_is_still_coded(every_candidate):
    """Near-miss: a lead that ends with a full stop is prose, not a title."""
    text = ("Kenya and Somalia agreed to reopen a border crossing on Monday.\n\n"
            "Officials from both governments met in Nairobi, the foreign ministry said.")
    evs = every_candidate(text)
    assert _in_first_line(evs, text), shown(evs)


@pytest.mark.parametrize("text, mode", [
    ("Ankara responded with air strikes on Kurdish positions.", "aerial"),
    ("The army replied with artillery fire on the rebel town.", "heavy-weapons"),
])
def test_response_with_force_takes_the_weapon_mode(every_candidate, text, mode):
    """"responded/retaliated with <weapon>" is an ASSAULT whose mode names the weapon
    (guide section 3, ASSAULT modes): the object of the trigger's own preposition is
    read for the weapon cue."""
    evs = every_candidate(text)
    ass = _any(evs, "ASSAULT")
    assert ass and any(e.mode == mode for e in ass), shown(evs) + [e.mode for e in ass]



def test_a_first_sentence_cut_short_is_still_coded(every_candidate):
    """Near-miss: a first line that stops on a month name or a preposition is a sentence
    cut short, not a title."""
    text = ("The foreign minister of Ghana spoke with the foreign minister of Togo on March\n\n"
            "They discussed the security of the border region.")
    evs = every_candidate(text)
    assert _in_first_line(evs, text), shown(evs)


def test_who_holds_a_crew_on_suspicion_of_sabotage_is_no_saboteur(every_candidate):
    """'investigating the crew on suspicion of sabotage': the investigators, named in the
    clause coordinated with theirs, are not the saboteurs (guide section 6)."""
    evs = every_candidate("Swedish police said they had boarded the freighter and were questioning "
                          "its captain on suspicion of sabotage.")
    for e in _any(evs, "ASSAULT"):
        assert not any("police" in a.text.lower() for a in e.actor), shown(evs) + [e.actor]


def test_missiles_into_a_named_sea_are_a_test(every_candidate):
    """A sea named as a proper noun ("the East Sea") is a sea all the same."""
    evs = every_candidate("North Korea fired three short-range ballistic missiles into the East Sea early Friday.")
    assert not _any(evs, "ASSAULT"), shown(evs)
