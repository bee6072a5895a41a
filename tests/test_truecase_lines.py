"""Case restoration line by line (twenty-third round, a fresh user's trial): in a
mixed-case text, a stretch of lines written in capitals is restored as it would be
alone; a text in capitals is restored whole, as before. New inputs."""

from __future__ import annotations

import pytest

from tidings.truecase import restore_case, upper_line_runs

CAPS = "GERMANY EXPELS TWO RUSSIAN DIPLOMATS OVER SPY CASE IN BERLIN"
LIST = f"Brazil hosts climate talks in Belem\n{CAPS}\nKenya sends police officers to Haiti\n"


def test_an_all_caps_line_in_mixed_text_is_restored_as_alone():
    out = restore_case(LIST)
    assert len(out) == len(LIST)
    lines = out.split("\n")
    assert lines[1] == restore_case(CAPS) == "Germany expels two Russian diplomats over spy case in Berlin"
    assert lines[0] == "Brazil hosts climate talks in Belem"
    assert lines[2] == "Kenya sends police officers to Haiti"


def test_upper_line_runs_join_lines_in_capitals_and_skip_short_ones():
    text = ("Markets close higher in Tokyo\nBREAKING: TANKER SEIZED\nOfficials said little.\n"
            "CHILE AND PERU SIGN A FISHING PACT\n\nAFTER TEN YEARS OF TALKS IN LIMA\nThe deal was welcomed.")
    first = text.index("CHILE")
    last = text.index("LIMA") + len("LIMA")
    # "BREAKING: TANKER SEIZED" has 20 letters: alone it is not restored either
    assert upper_line_runs(text) == [(first, last)]
    out = restore_case(text)
    assert "BREAKING: TANKER SEIZED" in out
    assert out[first:last] == restore_case(text[first:last])
    assert out[first:last].startswith("Chile and Peru sign a fishing pact")


@pytest.mark.parametrize("text", [
    "The minister met NATO and EU officials in Brussels on Tuesday.\nThe talks went on late.",
    "FBI, CIA AND NSA\nThe agencies briefed Congress.",
])
def test_mixed_case_text_without_long_lines_in_capitals_is_left_alone(text):
    assert upper_line_runs(text) == []
    assert restore_case(text) == text


def test_a_text_in_capitals_is_still_restored_whole():
    # a mixed-case line inside wire copy does not split it into runs: the whole text is
    # restored as before
    text = ("BOGOTA, 4 MAR 90 (EFE) -- THE POLICE ARRESTED TWO MEN IN MEDELLIN.\n"
            "Editorial Report\n"
            "THE MEN WERE TAKEN TO THE CAPITAL FOR QUESTIONING BY THE ARMY.")
    out = restore_case(text)
    assert out.split("\n")[1] == "Editorial report"
    assert "-- The police arrested two men in Medellin." in out


def test_the_caps_headline_is_coded_as_it_is_alone():
    from tidings.engines.worker import Limits, StoryWorker
    from tidings.records import Story

    worker = StoryWorker((), Limits(story_timeout=None))
    alone, listed = worker.run_checked([Story(id="a", text=CAPS, pub_date="2025-05-01"),
                                        Story(id="b", text=LIST, pub_date="2025-05-01")])

    def sig(events, si):
        return sorted((e.event_type, tuple(a.country for a in e.actor), tuple(r.country for r in e.recipient),
                       tuple(a.text for a in e.actor)) for e in events if e.sentence_index == si)

    assert sig(alone, 0) == [("SANCTION", ("DEU",), ("RUS",), ("GERMANY",))]
    assert sig(listed, 1) == sig(alone, 0)
