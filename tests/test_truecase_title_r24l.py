"""r24l: title-case residuals a fresh user met (twenty-fourth round). Every headline here
was written for these tests.

1. A bare office word in a title line ("Recalls Ambassador From ...") is put in lower
   case, as sentence-case news writes it; before a name ("Ambassador Jane Doe") it keeps
   its capital (``words.yaml`` ``title_case_office_words``, ``truecase._bare_offices``).
2. A word that is part of a name the actor knowledge base knows ("UN Security Council",
   "Zamfara State" from "Governor of Zamfara State") keeps its capital
   (``truecase._known_names``).
"""

from __future__ import annotations

import pytest

from tidings.truecase import restore_case


@pytest.mark.parametrize("line, want", [
    ("Chile Recalls Ambassador From Bolivia Over Border Dispute",
     "Chile recalls ambassador from Bolivia over border dispute"),
    ("Ghana Summons Envoy After Border Clash With Togo",
     "Ghana summons envoy after border clash with Togo"),
    ("Peru Expels Its Ambassador, Cites Interference In Elections",
     "Peru expels its ambassador, cites interference in elections"),
    ("Rebels Attack Convoy Of Interior Minister Near Goma",
     "Rebels attack convoy of interior minister near Goma"),
])
def test_bare_office_is_lower_case(line, want):
    assert restore_case(line) == want


@pytest.mark.parametrize("line, want", [
    ("Angola Expels Ambassador Jane Doe Over Remarks", "Angola expels Ambassador Jane Doe over remarks"),
    ("President Ruto Fires Three Ministers Over Graft", "President Ruto fires three ministers over graft"),
])
def test_office_before_a_name_keeps_its_capital(line, want):
    assert restore_case(line) == want


@pytest.mark.parametrize("line, want", [
    ("UN Security Council Condemns Attack On Peacekeepers In Kidal",
     "UN Security Council condemns attack on peacekeepers in Kidal"),
    ("Bandits Kill 9 Farmers In Zamfara State Village Raid",
     "Bandits kill 9 farmers in Zamfara State village raid"),
])
def test_known_name_keeps_its_capitals(line, want):
    assert restore_case(line) == want


def test_same_length():
    line = "Chile Recalls Ambassador From Bolivia Over Border Dispute"
    assert len(restore_case(line)) == len(line)


def test_recalled_ambassador_is_no_recipient(code_text):
    from tidings.truecase import restore_case as rc

    evs = [e for e in code_text(rc("Chile Recalls Ambassador From Bolivia Over Border Dispute"),
                                pub_date="2025-03-12") if e.event_type == "SANCTION"]
    assert evs, "no SANCTION"
    # the recipient's country is the state the envoy leaves; its text is still the bare
    # "ambassador" (a headline drops "its": left for a later round, see the r24l report)
    assert [str(r.country) for r in evs[0].recipient] == ["BOL"], [(r.text, r.country) for r in evs[0].recipient]


@pytest.mark.parametrize("line, want", [
    # an office before its title's complement names someone; "the Minister" refers back
    ("Brazil Names Ambassador To Chile As Talks Resume", "Brazil names Ambassador to Chile as talks resume"),
    ("Later The Minister Accused Rebels Of Shelling Towns", "Later the Minister accused rebels of shelling towns"),
])
def test_office_with_complement_or_article_keeps_its_capital(line, want):
    assert restore_case(line) == want


def test_common_phrase_of_an_office_title_is_no_name():
    # "Human Rights" appears in office titles but holds no name word: lower case
    assert restore_case("Police Arrest Activists Defending Human Rights In Harare") == \
        "Police arrest activists defending human rights in Harare"
