"""Dates that belong to a thing, not to the act; names with numbers (r25b). The sentences
are new, written for these tests.

- A date phrase before a noun of a verbal event's object ("accused the ruling party of
  rigging *last year's* election") dates that thing, not the accusation; only when that
  noun stands under the trigger ("their meeting followed up on *the September 9* call":
  the call is no object of the meeting, and the phrase stays a candidate).
- A day and month that is part of a name ("the 19 April Movement", M-19; "the 23 March
  Movement", M23) dates no event, neither its sentence's nor, as a story's lead, the
  next sentence's. Names with digits and no month ("M-19", "G-7", "F-16", "S-400",
  "COVID-19", "Resolution 2334", "Route 60", "Highway 1", "Flight 752") give no date.
"""

from __future__ import annotations

import pytest

from tidings.dates import _candidates, _part_of_a_name, event_date

PUB = "2025-03-12"  # a Wednesday


@pytest.fixture(scope="module")
def dated(story_dated, coder):
    return lambda text, pub_date=PUB: story_dated(coder, text, pub_date)


def _dates(got: dict, etype: str) -> list[tuple[str, str]]:
    return [v[:2] for (t, _), v in got.items() if t == etype]


# ------------------------------------------------------- a date on an object's noun


def test_the_accusation_keeps_its_own_day_not_the_elections_year(dated):
    got = dated("The opposition on Tuesday accused the ruling party of rigging last year's election.")
    assert _dates(got, "ACCUSE") == [("2025-03-11", "2025-03-11")]


def test_a_condemnation_is_not_dated_by_the_coup_it_names(dated):
    got = dated("Regional leaders condemned the soldiers behind the 2021 coup in Conakry.")
    assert _dates(got, "ACCUSE") == [(PUB, PUB)]


def _object_dates(nlp, text: str, trigger: str):
    from tidings.coding.events import _object_modifier_dates

    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    return [text[a:b] for a, b in _object_modifier_dates(tok, 0, spans)]


def test_the_objects_date_is_found_under_the_accusing_verb(nlp):
    got = _object_dates(nlp, "The opposition on Tuesday accused the ruling party of rigging "
                             "last year's election.", "accused")
    assert got == ["last year's"]


def test_a_date_outside_the_triggers_phrase_is_not_its_objects(nlp):
    # "the March 3 call" hangs on "followed", not on "talks": it stays a candidate
    got = _object_dates(nlp, "Their talks followed up on the March 3 phone call between the two "
                             "foreign ministers.", "talks")
    assert got == []


@pytest.mark.parametrize("text, trigger", [
    # an adjunct of the act, not its object: the phrase may date the act
    ("The minister rejected the charges at Thursday's news conference.", "rejected"),
    # a noun under another verb than the trigger
    ("Building on the May 4 summit, the two ministers discussed border trade.", "discussed"),
    # a preposition of time, not of the object
    ("The envoys reviewed progress since the January ceasefire.", "reviewed"),
])
def test_a_date_on_an_adjunct_is_not_the_objects(nlp, text, trigger):
    assert _object_dates(nlp, text, trigger) == []


def test_the_rejection_at_thursdays_briefing_is_dated_thursday(dated):
    got = dated("The minister rejected the charges at Thursday's news conference.")
    assert _dates(got, "REJECT") == [("2025-03-06", "2025-03-06")]


# ------------------------------------------------------- names that hold a date


@pytest.mark.parametrize("text, phrase", [
    ("THE COLOMBIAN 19 APRIL MOVEMENT [M-19] HAS ASKED THE PRESIDENT FOR SUPPORT.", "19 APRIL"),
    ("Fighters of the 23 March Movement shelled an army post near Goma.", "23 March"),
    ("Members of the April 6 Youth Movement marched to the parliament.", "April 6"),
    ("The March 14 alliance denounced the cabinet's decision.", "March 14"),
    # the month alone, as a parser may cut it out of the bracketed gloss
    ("TALKS WITH M-19 [19 APRIL MOVEMENT] RESUMED IN CALI.", "APRIL"),
])
def test_a_day_and_month_in_a_name_is_no_candidate(text, phrase):
    a = text.index(phrase)
    assert _part_of_a_name(text, a, a + len(phrase))
    assert (a, a + len(phrase)) not in _candidates(text, [(a, a + len(phrase))])


@pytest.mark.parametrize("text, phrase", [
    ("Police arrested protesters in Paris on 19 May.", "19 May"),
    ("On 19 April, the movement's leaders met the president.", "19 April"),
    ("The government condemned the 7 July attack.", "7 July"),
    ("Since 23 March the group has held the town.", "23 March"),
    ("The rebels left the capital in April, the movement said.", "April"),
    ("Talks resumed in April alongside the movement's congress.", "April"),
])
def test_a_date_before_no_name_stays_a_candidate(text, phrase):
    a = text.index(phrase)
    assert not _part_of_a_name(text, a, a + len(phrase))


def test_the_guerrillas_request_is_not_dated_by_their_name(dated):
    got = dated("THE COLOMBIAN 19 APRIL MOVEMENT [M-19] HAS ASKED THE PRESIDENT FOR POLITICAL SUPPORT.")
    assert _dates(got, "REQUEST") == [(PUB, PUB)]


def test_a_name_in_the_lead_is_not_lent_to_the_next_sentence(dated):
    got = dated("The government and the 19 April Movement resumed peace talks in Bogota. "
                "The rebels freed two hostages.")
    assert all(v[0] == PUB for v in got.values()), got


def test_the_named_groups_attack_keeps_its_day(dated):
    got = dated("Fighters of the 23 March Movement attacked an army base near Goma on Sunday.")
    assert _dates(got, "ASSAULT") == [("2025-03-09", "2025-03-09")]


# ------------------------------------------------------- names with digits, no month


@pytest.mark.parametrize("text", [
    "THE M-19 GUERRILLAS KIDNAPPED A JUDGE IN CALI.",
    "Guerrillas of the M-19 attacked a police post in Cauca.",
    "G-7 leaders condemned the missile strike on Odesa.",
    "The G20 finance ministers criticised the new tariffs.",
    "Israeli F-16 jets struck a depot near Khan Younis.",
    "Ankara deployed its S-400 batteries near the border.",
    "Beijing blamed Washington for the spread of COVID-19.",
    "The council reaffirmed Resolution 2334 and urged a halt to settlement building.",
    "Settlers stoned Palestinian cars on Route 60 near Ramallah.",
    "Gunmen ambushed a fuel convoy on Highway 1 south of Ghazni.",
    "Ottawa accused Tehran of stonewalling the inquiry into Flight 752.",
])
def test_a_name_with_digits_gives_no_date(nlp, text):
    doc = nlp(text)
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    d = event_date(text, PUB, "past", ents, 0)
    assert (d.start, d.end, d.source, d.text) == (PUB, PUB, "publication", None)


@pytest.mark.parametrize("text, start, end", [
    ("Police arrested protesters in Paris on 19 May.", "2024-05-19", "2024-05-19"),
    ("Russia shelled Kharkiv in 2019.", "2019-01-01", "2019-12-31"),
    ("Rebels of the M-19 seized the town on 7 July.", "2024-07-07", "2024-07-07"),
])
def test_controls_keep_their_dates(nlp, text, start, end):
    doc = nlp(text)
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    d = event_date(text, PUB, "past", ents, 0)
    assert (d.start, d.end, d.source) == (start, end, "sentence")


def test_the_7_july_attack_still_dates_the_attack(dated):
    got = dated("The government condemned the 7 July attack on the checkpoint.")
    assert ("2024-07-07", "2024-07-07") in _dates(got, "ASSAULT")
