"""r29h: parties' countries a fresh analyst's trial (fresh29e, user E, kind 1) showed
wrong, by kind: a name of an armed group the knowledge base lacked; the people a
state's court or police act on given a foreign country the story names more often; and
the targets of an attack by the story's own state given that state. Every sentence here
was written for these tests (other states, other wordings), each kind with controls."""

from __future__ import annotations

import pytest

from conftest import of_type

pytestmark = pytest.mark.slow

COURT = "structure:tried-where-the-court-is"


def _events(code_story, text, etype, pub_date="2026-03-02"):
    evs = of_type(code_story(text, pub_date=pub_date), etype)
    assert evs, text
    return evs


def test_islamic_resistance_is_hezbollahs_armed_wing(code_story):
    # knowledge base fact (orgs/armed_groups.tsv): the signature of Hezbollah's
    # statements; annotation guide section 6 (Hezbollah -> LBN), not the story's ISR
    evs = _events(code_story, "Lebanon's army deployed along the border on Monday. The Islamic Resistance said "
                  "it shelled an Israeli artillery position near the border with rockets.", "ASSAULT")
    assert [(a.country, a.sector) for a in evs[0].actor] == [("LBN", "REB")]
    assert [r.country for r in evs[0].recipient] == ["ISR"]


@pytest.mark.parametrize("text,country", [
    # controls: the longer names keep their own groups
    ("The Islamic Resistance Movement fired rockets at Israeli towns.", "PSE"),
    ("The Islamic Resistance in Iraq launched drones at an American base.", "IRQ"),
])
def test_other_islamic_resistance_groups_keep_their_country(code_story, text, country):
    evs = _events(code_story, text, "ASSAULT")
    assert [a.country for a in evs[0].actor] == [country]


def test_court_tries_its_own_people_not_the_storys_foreign_state(code_story):
    # guide 6 (a domestic actor takes the country where it acts): "spying for China"
    # in a story naming China most gave the engineers CHN, a false VNM->CHN jailing
    ev = _events(code_story, "A Vietnamese court jailed three navy engineers for spying for China. China denied "
                 "the charges and said China respected Vietnam.", "COERCE")[0]
    assert [(r.text, r.country) for r in ev.recipient] == [("three navy engineers", "VNM")]
    assert COURT in ev.rules


def test_court_keeps_a_recipient_named_with_its_own_nationality(code_story):
    # control: foreigners the sentence names as such stay foreign
    ev = _events(code_story, "A Vietnamese court jailed two Chinese fishermen for illegal fishing. China denied "
                 "the charges and said China respected Vietnam.", "COERCE")[0]
    assert [r.country for r in ev.recipient] == ["CHN"]
    assert COURT not in ev.rules


def test_domestic_arrest_is_unchanged(code_story):
    # control: police and protesters of one state (no foreign guess to replace)
    ev = _events(code_story, "Police in Hanoi arrested twelve protesters on Sunday. Vietnam has banned "
                 "unlicensed rallies.", "COERCE")[0]
    assert [r.country for r in ev.recipient] == ["VNM"]
    assert COURT not in ev.rules


def test_targets_of_the_storys_own_state_are_where_it_struck(code_story):
    # guide 6: a target takes the country where it is, not the attacker's; in a
    # Washington-datelined story the depot near Kirkuk was USA (a USA->USA attack)
    evs = _events(code_story, "WASHINGTON (AP) - U.S. forces struck two radar sites and a missile storage "
                  "facility near Kirkuk on Tuesday, U.S. Central Command said. The Pentagon said the strikes "
                  "answered attacks on U.S. troops.", "ASSAULT")
    ev = [e for e in evs if e.trigger.startswith("struck")][0]
    assert [a.country for a in ev.actor] == ["USA"]
    assert ev.recipient and all(r.country == "IRQ" for r in ev.recipient), ev.recipient


def test_named_target_of_the_storys_state_is_kept(code_story):
    # control: a target the sentence names by nationality keeps it
    evs = _events(code_story, "WASHINGTON (AP) - U.S. forces struck two radar sites and a missile storage "
                  "facility near Kirkuk on Tuesday, U.S. Central Command said. The Pentagon said the strikes "
                  "answered attacks on U.S. troops.", "ASSAULT")
    ev = [e for e in evs if "troops" in " ".join(r.text for r in e.recipient)][0]
    assert [r.country for r in ev.recipient] == ["USA"]
