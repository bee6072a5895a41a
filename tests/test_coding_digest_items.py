"""Issue 16 follow-up: a news digest's items do not share the story's memory. A paragraph
that starts with a dateline of its own after the story's first starts a new item: its
pronouns do not reach back into earlier items, and its dateline, not the story's counts,
gives its domestic actors their country. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from conftest import of_type

pytestmark = pytest.mark.slow

# two unrelated reports in one story: the first names Nigeria three times, the second
# names no country but its dateline's
DIGEST = ("LAGOS, Nigeria \u2014 Nigerian troops raided a militant camp in Borno state on Monday, "
          "Nigeria's army said. Nigerian officials said the raid freed 12 hostages.\n\n"
          "KATHMANDU, Nepal \u2014 Police arrested 30 students outside the parliament building on Tuesday.")


def test_a_later_item_takes_its_own_datelines_country(code_story):
    raid, *_, ev = of_type(code_story(DIGEST), "COERCE")
    assert [(a.country, a.sector) for a in ev.actor] == [("NPL", "COP")]
    assert all(r.country == "NPL" for r in ev.recipient)
    # the first item keeps its own country
    assert [a.country for a in raid.actor] == ["NGA"]


def test_a_pronoun_does_not_reach_back_across_items(code_story):
    text = ("ACCRA, Ghana \u2014 Ghanaian President John Mahama met a delegation of Chinese investors on Monday. "
            "He welcomed their plans for a new port.\n\n"
            "LIMA, Peru \u2014 He condemned the arrests of the miners on Tuesday.")
    evs = code_story(text)
    first = [e for e in evs if e.sentence_index <= 2]
    assert any(a.country == "GHA" for e in first for a in e.actor)
    later = [e for e in evs if e.sentence_index >= 4]
    # the second item's "He" has no antecedent there: never the Ghanaian president
    assert all(a.country != "GHA" for e in later for a in e.actor)


def test_one_dateline_story_keeps_its_memory(code_story):
    # the usual wire story: a second paragraph without a dateline is the same report, so
    # its "they" is still the police of the first
    text = ("NAIROBI \u2014 Kenyan police arrested 40 protesters on Tuesday.\n\n"
            "They also detained two journalists near the court.")
    evs = of_type(code_story(text), "COERCE")
    assert [(a.country, a.sector, a.how) for a in evs[-1].actor] == [("KEN", "COP", "pronoun")]


def test_what_starts_an_item():
    from tidings.analyse import item_datelines

    def starts(text):
        return [m.group("place") for m in item_datelines(text)]

    assert starts(DIGEST) == ["KATHMANDU"]
    # the story's own dateline after a title line, and one after a lead paragraph, are
    # the story's own, not a new item
    assert starts("Rain in the capital\n\nNAIROBI \u2014 Rain fell.\n\nMore rain fell.") == []
    assert starts("A long summary of the report that follows, in a full sentence of its own that runs "
                  "on for well over two hundred characters, so that it is no title line at all and the "
                  "dateline below is the story's own.\n\nMUNICH \u2014 The minister spoke.") == []
    # a clause before a dash is no dateline ("and the United States" is no region), nor a
    # capitalised clause in a story written all in capitals
    assert starts("ROME \u2014 Talks began.\n\nMexico, and the United States \u2013 as close partners \u2013 "
                  "agreed.") == []
    assert starts("LIMA, 3 MAY 90 (EFE) -- TALKS BEGAN.\n\nHOWEVER -- THE TALKS ENDED.\n\n"
                  "QUITO, 4 MAY 90 (EFE) -- TALKS BEGAN AGAIN.") == ["QUITO"]
