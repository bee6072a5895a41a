"""r26m: non-party words and seas as parties (a fresh user's trial, twenty-sixth round).
Every sentence here was written for these tests.

1. A sea, gulf, strait or ocean is no country's: a knowledge-base subdivision that shares
   a sea's name ("Red Sea", Sudan's state) gives a mention no country unless an admin
   word follows it ("Red Sea state"); "Aden" after "the Gulf of" is the gulf
   (tidings.actors._sea_named; annotation guide sections 6 and 7).
2. A bare document as an object ("dismissed the reports", "signed the memorandum") and
   the medium of an announcement ("on state television", "this newspaper") name no party
   (words.yaml non_party_document_nouns, announcement_medium_nouns,
   announcement_medium_preps, reporting_self_determiners; tidings.coding.mentions).
   Controls: an outlet acted on stays the recipient ("suspended the newspaper", as the train gold labels COERCE on media); a document its author
   modifies stays its author's (the gold: "THE REBEL REPORT" rejected is the rebels').
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown
from tidings.actors import resolve

# ------------------------------------------------------------ 1. seas are no countries


@pytest.mark.parametrize("text", [
    "the Red Sea", "Red Sea", "the Red Sea coast", "Red Sea ports", "the Gulf of Aden coast",
])
def test_sea_names_no_country(text):
    assert resolve(text, date="2026-10-01") is None


@pytest.mark.parametrize("text, country", [
    ("Red Sea state", "SDN"),            # the admin word keeps Sudan's state
    ("Aden", "YEM"),                     # the town alone is Yemen's
    ("Yemeni forces in Aden", "YEM"),
])
def test_subdivision_and_town_keep_country(text, country):
    e = resolve(text, date="2026-10-01")
    assert e is not None and e.country == country



@pytest.mark.slow
def test_ships_sent_to_sea_have_no_recipient(code_text):
    evs = code_text("Egypt sent three frigates to the Red Sea on Tuesday.", "2026-10-01")
    ev = of_type(evs, "MOBILIZE")[0]
    assert [a.country for a in ev.actor] == ["EGY"], shown(evs)
    assert ev.recipient == [], shown(evs)


# ------------------------------------------------------------ 2. documents and media


@pytest.mark.slow
def test_dismissed_reports_have_no_recipient(code_text):
    evs = code_text("Peru's defence ministry dismissed the reports that troops had crossed "
                    "into Bolivia.", "2026-10-01")
    ev = of_type(evs, "REJECT")[0]
    assert [a.country for a in ev.actor] == ["PER"], shown(evs)
    assert ev.recipient == [], shown(evs)


@pytest.mark.slow
def test_this_newspaper_is_no_actor(code_text):
    evs = code_text("The documents, obtained by this newspaper, show that Chad asked Libya "
                    "for fuel.", "2026-10-01")
    ev = of_type(evs, "REQUEST")[0]
    assert [a.country for a in ev.actor] == ["TCD"], shown(evs)
    assert all("newspaper" not in p.text for e in evs for p in e.actor + e.recipient), shown(evs)


@pytest.mark.slow
def test_state_television_is_no_party(code_text):
    evs = code_text("The ban on the opposition party was announced on state television by "
                    "Niger's interior minister.", "2026-10-01")
    assert all("television" not in p.text for e in evs for p in e.actor + e.recipient), shown(evs)


@pytest.mark.slow
def test_suspended_newspaper_stays_recipient(code_text):
    # control: an outlet acted on is the party acted on (train gold: COERCE on media)
    evs = code_text("The junta in Guinea suspended the newspaper for a month.", "2026-10-01")
    ev = of_type(evs, "COERCE")[0]
    assert [r.text for r in ev.recipient] == ["the newspaper"], shown(evs)


@pytest.mark.slow
def test_authored_report_keeps_author(code_text):
    # control: the train gold gives a rejected report's author as the recipient
    evs = code_text("Lebanon's army rejected the Israeli report on Monday.", "2026-10-01")
    ev = of_type(evs, "REJECT")[0]
    assert [r.country for r in ev.recipient] == ["ISR"], shown(evs)


# ------------------------------------------------------------ 3. joint bodies


@pytest.mark.slow
def test_joint_commissions_are_both_states(code_text):
    evs = code_text("The state commissions on border demarcation of Kyrgyzstan and Tajikistan "
                    "held their 9th meeting in Batken on Monday, chaired by Deputy Prime "
                    "Ministers Kamchybek Tashiev and Davlatali Said.", "2026-10-01")
    ev = of_type(evs, "CONSULT")[0]
    assert sorted(a.country for a in ev.actor) == ["KGZ", "TJK"], shown(evs)
    assert ev.recipient == [], shown(evs)


@pytest.mark.slow
def test_experts_on_one_country_stay_one_actor(code_text):
    # control: a singular topic's "of" phrase with no list names no joint body
    evs = code_text("The experts on the history of Peru met in Lima on Monday.", "2026-10-01")
    ev = of_type(evs, "CONSULT")[0]
    assert len(ev.actor) == 1, shown(evs)


# ------------------------------------------------------------ 4. attacked places in a list


@pytest.mark.slow
def test_sites_in_listed_country_give_target_country(code_text):
    evs = code_text("KHARTOUM, April 10 - Sudanese aircraft struck militant camps at nine sites "
                    "in Chad and Chadian-held Ennedi early on Thursday.", "2026-04-10")
    ev = of_type(evs, "ASSAULT")[0]
    assert [a.country for a in ev.actor] == ["SDN"], shown(evs)
    assert [r.country for r in ev.recipient] == ["TCD"], shown(evs)


@pytest.mark.slow
def test_leaders_of_two_states_stay_parties(code_text):
    # control: "the presidents of Chad and Niger" names two parties, not places
    evs = code_text("The presidents of Chad and Niger met in Niamey on Monday.", "2026-04-10")
    ev = of_type(evs, "CONSULT")[0]
    assert sorted(a.country for a in ev.actor) == ["NER", "TCD"], shown(evs)


# ------------------------------------------------------------ 5. "an accusation X denied"


@pytest.mark.slow
def test_object_relative_denier_is_actor(worker_code):
    # the parse hangs "Addis Ababa" on "accusation" as an apposition; it is the denier
    evs = worker_code("Eritrea accused Ethiopia of massing troops on the frontier in breach of "
                      "the Algiers Agreement, an accusation Addis Ababa denied.", "2026-10-01")
    ev = of_type(evs, "REJECT")[0]
    assert [a.country for a in ev.actor] == ["ETH"], shown(evs)


@pytest.mark.slow
def test_plain_denial_keeps_its_subject(code_text):
    # control: an ordinary subject is the denier
    evs = code_text("Paraguay's foreign ministry denied the accusation on Monday.", "2026-10-01")
    ev = of_type(evs, "REJECT")[0]
    assert [a.country for a in ev.actor] == ["PRY"], shown(evs)
