"""Wire datelines ("SEOUL, JUNE 14 (AP) - ...") are sentences of their own, so that the
place is never read as the subject of the story's first verb."""

from __future__ import annotations

import pytest

from tidings.analyse import dateline_end, story_dateline


@pytest.mark.parametrize("text, dateline", [
    ("SEOUL, JUNE 14 (AP) - NORTH KOREA THREATENED TO LEAVE THE TREATY.", "SEOUL, JUNE 14 (AP) - "),
    ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] REBELS ATTACKED A POST.",
     "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- "),
    ("Nairobi, March 3 (Reuters) - Kenyan police arrested 12 protesters.", "Nairobi, March 3 (Reuters) - "),
    ("KABUL, Afghanistan \u2014 Taliban fighters attacked a checkpoint.", "KABUL, Afghanistan \u2014 "),
    ("WASHINGTON (AP) - The United States imposed sanctions.", "WASHINGTON (AP) - "),
    # issue 16: a country in brackets after the place, and a month-day date with its year
    ("PUERTO LEMPIRA (HONDURAS), 7 OCT 89 (RADIO AMERICA) -- TROOPS SEIZED A BOAT.",
     "PUERTO LEMPIRA (HONDURAS), 7 OCT 89 (RADIO AMERICA) -- "),
    ("NIAMEY, July 28, 2023 \u2014 Soldiers detained the president.", "NIAMEY, July 28, 2023 \u2014 "),
    ("Hamas - the militant group - said it fired rockets.", None),       # a name, not a dateline
    ("The army attacked rebels - officials said.", None),
    ("Kenya condemned the attack.", None),
])
def test_analyse_dateline_end(text, dateline):
    end = dateline_end(text)
    assert (text[:end] if end is not None else None) == dateline


@pytest.mark.parametrize("text, rest", [
    ("NIAMEY, July 28, 2023 \u2014 Soldiers detained the president.", ", July 28, 2023"),
    # after a one-line title and a blank line
    ("Coup leaders close borders\n\nNIAMEY, July 28, 2023 \u2014 Soldiers detained the president.",
     ", July 28, 2023"),
    ("  BAMAKO (AFP) - Mali expelled the French ambassador.", None),
    # a dateline further down is another story's, not this one's
    ("Soldiers detained the president.\nThe army said so.\n\nNIAMEY, July 28 (AP) - More.", "none"),
    ("Kenya condemned the attack.", "none"),
])
def test_analyse_story_dateline_at_the_start_or_after_a_title(text, rest):
    m = story_dateline(text)
    assert (m["rest"] if m is not None else "none") == rest


@pytest.mark.slow
def test_analyse_dateline_is_its_own_sentence_and_no_actor(nlp):
    from tidings.coding import Coder
    from tidings.records import Story

    text = "Lima, May 2 (AP) - Peru expelled two Chilean diplomats on Monday, accusing them of spying.\n\n" \
           "BOGOTA, May 3 (AP) - Colombian troops attacked rebel camps in the south."
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Lima, May 2 (AP) -" and sents[1].startswith("Peru expelled")
    assert any(s.startswith("Colombian troops") for s in sents)
    events = Coder(model=None).code_doc(doc, Story(id="s", text=text, pub_date="2025-05-03"))
    sanction = [e for e in events if e.event_type == "SANCTION"]
    assert sanction and {a.country for a in sanction[0].actor} == {"PER"}
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert assault and {a.country for a in assault[0].actor} == {"COL"}


@pytest.mark.parametrize("text", [
    "OSLO, Oct 9 - Norway and Sweden signed a border accord on Thursday.",
    "NAIROBI, June 2 - Kenya and Uganda held trade talks on Monday.",
])
def test_analyse_dateline_lead_does_not_end_after_its_first_word(nlp, text):
    # a fresh user's trial: the parser, told a sentence starts after the dash, ended it
    # after the first word too ("Azerbaijan | and Armenia held talks")
    lead = text.split(" - ", 1)[1]
    assert [s.text for s in nlp(text).sents][-1] == lead
