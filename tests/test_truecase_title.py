"""Title-case lines are coded as well as sentence case (issue 16, twenty-fourth round):
a headline written in title case ("Nigerian Troops Kill 30 Bandits ...") was parsed as
a run of proper nouns and gave no event; it is rewritten in sentence case before
parsing, at the same length, and the records' texts are still cut from the story as
written. New headlines written for these tests."""

from __future__ import annotations

import pytest

from tidings.truecase import is_title_line, restore_case, title_case, title_lines

#: (title-case headline, its event type, the actor's country) - several regions and types
HEADLINES = [
    ("Nigerian Troops Kill 30 Bandits In Zamfara Raid", "ASSAULT", "NGA"),
    ("Philippines Accuses China Of Ramming Coast Guard Vessel Near Disputed Shoal", "ACCUSE", "PHL"),
    ("Germany Expels Two Iranian Diplomats Over Spy Case", "SANCTION", "DEU"),
    ("Thousands Protest In Belgrade Against Serbian Government", "PROTEST", "SRB"),
    ("Indonesian President Visits Papua New Guinea For Border Talks", "CONSULT", "IDN"),
]


def test_a_title_case_headline_is_rewritten_in_sentence_case_at_the_same_length():
    line = "Nigerian Troops Kill 30 Bandits In Zamfara Raid"
    assert is_title_line(line)
    out = restore_case(line)
    assert out == "Nigerian troops kill 30 bandits in Zamfara raid"
    assert len(out) == len(line)
    # AP style (short words in lower case) and a place's two-word name whose first word
    # is a common word ("New"): the name keeps its capitals
    assert restore_case("India And Pakistan Trade Fire Near New Delhi Border") == \
        "India and Pakistan trade fire near New Delhi border"
    # name particles and hyphenated words
    assert restore_case("Somali Troops Kill 20 al-Shabaab Fighters After Cease-Fire Collapses") == \
        "Somali troops kill 20 al-Shabaab fighters after cease-fire collapses"


@pytest.mark.parametrize("line", [
    # an ordinary sentence dense in names: its verb is in lower case
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara",
    "Brazilian Foreign Minister Mauro Vieira hosted Argentine Foreign Minister Diana Mondino",
    # sentence case
    "Turkish troops shell Kurdish positions near Kobani",
    # a line of a list of names and offices: no event verb ("Young" is a name here)
    "Thomas Young, Senior Advisor, Office of Regional Engagement",
    # too short to judge
    "Press Statement",
])
def test_lines_that_are_not_title_case_headlines_are_left_as_written(line):
    assert not is_title_line(line)
    assert restore_case(line) == line


def test_a_title_over_a_story_body_is_left_as_written():
    """Meta-text (annotation guide, sections 1 and 9): the coder skips it, so it is not
    rewritten either; a title-case line inside a list of headlines is."""
    story = "Chilean Police Arrest Protest Leaders In Santiago\n\nPolice in Santiago arrested two leaders."
    assert title_lines(story) == []
    assert restore_case(story) == story
    heads = "Chilean Police Arrest Protest Leaders In Santiago\nPeru Recalls Ambassador From Mexico"
    assert title_lines(heads) == [(0, 49), (50, len(heads))]
    # a bare office is lower case (r24l); before a name ("Ambassador Lee") it keeps its capital
    assert restore_case(heads) == \
        "Chilean police arrest protest leaders in Santiago\nPeru recalls ambassador from Mexico"


def test_title_case_keeps_capitals_of_names_months_and_acronyms():
    out = title_case("EU Leaders Condemn Attack On Moldovan Border Post In March")
    assert out == "EU leaders condemn attack on Moldovan border post in March"


@pytest.fixture(scope="module")
def code_all():
    """``run(text)`` -> the events of one story, coded by a StoryWorker with
    ``--all-candidates`` (the path ``tidings code --all-candidates`` runs)."""
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    worker = StoryWorker((), Limits(story_timeout=None, all_candidates=True))

    def run(text: str):
        (events,) = worker.run_checked([Story(id="h", text=text, pub_date="2025-05-01")])
        return events

    return run


def _sig(events, si=None):
    return sorted((e.event_type, tuple(a.country for a in e.actor)) for e in events
                  if si is None or e.sentence_index == si)


@pytest.mark.parametrize("line,etype,country", HEADLINES)
def test_a_title_case_headline_is_coded_as_its_sentence_case_twin(code_all, line, etype, country):
    events = code_all(line)
    assert (etype, (country,)) in _sig(events)
    sentence_case = restore_case(line)
    assert sentence_case != line
    assert _sig(code_all(sentence_case)) == _sig(events)
    for e in events:
        # the record's texts are the story's own, as written (StoryState.as_written)
        assert e.sentence in line and e.trigger in line
        assert all(a.text in line for a in e.actor + e.recipient)
    assert any(e.trigger[:1].isupper() for e in events)  # "Kill", not "kill"


def test_a_headline_list_in_title_case_codes_every_line(code_all):
    text = "\n".join(h for h, _, _ in HEADLINES)
    events = code_all(text)
    for i, (_, etype, country) in enumerate(HEADLINES):
        assert (etype, (country,)) in _sig(events, i)
    for e in events:
        assert text[e.evidence_span[0]:e.evidence_span[1]] == e.sentence


def test_a_sentence_dense_in_names_is_coded_as_before(code_all):
    line = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara"
    events = code_all(line)
    assert ("CONSULT", ("RUS",)) in _sig(events)
    consult = next(e for e in events if e.event_type == "CONSULT")
    assert [r.country for r in consult.recipient] == ["TUR"]
