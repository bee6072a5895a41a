"""Rule-layer kinds of the seventeenth round (issue 16), on sentences written for these
tests."""

from __future__ import annotations

import pytest

from conftest import happened, shown


@pytest.mark.parametrize("text, etype", [
    ("Sweden provided the refugee camps with blankets and water tanks.", "AID"),
    ("Norway will provide the flood-hit districts with emergency tents.", "AGREE"),
])
def test_goods_in_a_with_phrase_the_parse_put_on_the_object_are_aid(code_text, text, etype):
    """What is handed over may sit in a "with" phrase the parse attaches to the receiving
    object ("provided the camps with blankets"): those are the goods, so the transfer is
    AID (``sense:transfer-without-goods-is-no-aid`` had dropped it: the goods view read
    only the verb's own "with" phrase)."""
    evs = code_text(text)
    assert etype in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The new dam provides the valley with electricity.",
    "The ministry provided reporters with a copy of the statement.",
])
def test_a_with_phrase_of_no_goods_is_still_no_aid(code_text, text):
    evs = code_text(text)
    assert not {"AID", "AGREE"} & happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The African Union will send 3,000 peacekeepers to the border region next month.",
    "Turkey sent 200 rescuers and medics to the quake-hit provinces.",
])
def test_personnel_sent_to_help_are_a_transfer(code_text, text):
    """Peacekeepers, medics and rescuers sent are AID (annotation guide, AID: personnel),
    a promise of them AGREE; the transfer filter had dropped them as no goods."""
    evs = code_text(text)
    assert {"AID", "AGREE"} & happened(evs), shown(evs)


def test_an_invited_name_the_recogniser_missed_is_a_party(code_text):
    """"invited Kobakhidze to visit": a proper name with no entity type is still the
    invitee (AGREE, guide: "invited the president to visit"); "invite trouble" stays none."""
    evs = code_text("Erdogan invited Kobakhidze to visit Ankara in June.")
    assert "AGREE" in happened(evs), shown(evs)
    assert "AGREE" not in happened(code_text("Such careless remarks invite trouble."))
