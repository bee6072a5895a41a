"""r26l: a wire dateline does not change what the story's lead is coded as (twenty-sixth
round, a fresh user's trial). Every sentence here was written for these tests.

1. The dateline ("ACCRA, March 4 (Wire) - ") is parsed as a sentence of its own, so the
   lead was the story's second sentence: the gate's first-sentence feature and the
   confidence's lede feature read the sentence's ``StoryState.position``, which counts
   no sentence that is all dateline. The lead's confidence is the same with and without
   the dateline.
2. Controls (the story's country, ``Mentions.home_country``, still weighs the dated
   dateline: tried and dropped this round, see the report): a dateline whose country
   the body names makes the story that country's; a body that names no country takes
   the dateline's.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _records(events):
    ent = lambda es: sorted(((e.text, e.country) for e in es), key=repr)  # noqa: E731
    return sorted(((e.event_type, e.mode, e.trigger, ent(e.actor), ent(e.recipient), e.confidence)
                  for e in events), key=repr)


@pytest.mark.parametrize("dateline, body", [
    ("ACCRA, March 4 (Wire) - ",
     "Ghana's foreign minister warned on Wednesday that Accra would expel any diplomat who "
     "interfered in the coming vote. Opposition leaders called the warning a distraction."),
    ("HANOI, Mar 5 (AFP) - ",
     "Vietnam reopened its northern border crossing with China on Thursday after a two-week "
     "closure."),
    ("LONDON, March 28 (Reuters) - ", "Britain expelled a Russian diplomat on Saturday over a spying case."),
    ("MOSCOW, March 10 /TASS/ - ",
     "Russia's foreign ministry accused Finland of provoking tensions along the border on Tuesday."),
])
def test_dateline_keeps_the_leads_confidence(every_candidate, dateline, body):
    with_dl = _records(every_candidate(dateline + body, pub_date="2026-03-30"))
    without = _records(every_candidate(body, pub_date="2026-03-30"))
    assert with_dl and with_dl == without


def test_lead_position_skips_the_dateline(nlp):
    from tidings.coding import Coder
    from tidings.records import Story

    text = "ACCRA, March 4 (Wire) - Ghana expelled a Nigerian diplomat on Wednesday. Nigeria protested."
    seen = []
    c = Coder(model=None)
    orig = c._code_sentence

    def spy(sent, si, state):
        seen.append((si, state.position, sent.text.split()[0]))
        return orig(sent, si, state)

    c._code_sentence = spy
    c.code_doc(nlp(text), Story(id="p", text=text, pub_date="2026-03-04"))
    assert seen == [(0, 0, "ACCRA,"), (1, 0, "Ghana"), (2, 1, "Nigeria")]


def test_dateline_country_still_counts_when_named(code_text):
    # control: the body names the dateline's country, so the dateline still weighs in:
    # the unnamed "traders" are Vietnamese, not left without a country (Vietnam and
    # China are named once each in one sentence: no country dominates without it)
    text = ("HANOI, Mar 5 (AFP) - Vietnam reopened its northern border crossing with China on "
            "Thursday after a two-week closure. Traders welcomed the move.")
    ev = [e for e in code_text(text, pub_date="2026-03-05") if e.trigger == "welcomed"]
    assert ev and [a.country for a in ev[0].actor] == ["VNM"], ev


def test_dateline_country_when_body_names_none(code_text):
    # control: a body that names no country: the dated dateline's country is the story's
    text = "LIMA, 21 MAR 26 (EFE) -- Police clashed with striking miners on Saturday, leaving several injured."
    ev = [e for e in code_text(text, pub_date="2026-03-21") if e.event_type == "ASSAULT" or e.event_type == "PROTEST"]
    assert ev and any(p.country == "PER" for e in ev for p in e.actor + e.recipient), ev
