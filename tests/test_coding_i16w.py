"""Issue 16, kinds a fresh user hit in coding: a wire dateline's first line cut inside a
name, seas and valleys as event places, and a page's one-word section headings.

Every sentence here is written for these tests (none comes from the corpus or an
evaluation file). Each kind has sentences that failed before its change and near-misses
that must stay as they were.
"""

from __future__ import annotations

import pytest

from conftest import shown
from tidings.lines import layout
from tidings.read import unwrap_lines


def name_goes_on(line: str, nxt: str) -> bool:
    from tidings.lines import name_goes_on as rule  # new in this change

    return rule(line, nxt)


# ------------------------------------------------ 1. a dateline's line cut inside a name

CUT = ("BEIRUT, Lebanon (AP) - The Lebanese Armed\n"
       "Forces deployed two brigades along the southern border on Tuesday, a spokesman\n"
       "said, after a week of exchanges of fire between militias and soldiers that left\n"
       "several villages empty and shut the main coastal road to all traffic.")


def test_a_dateline_line_cut_inside_a_name_goes_on() -> None:
    first = CUT.index("\n")
    lay = layout(CUT)
    assert first in lay.goes_on and first not in lay.unit_ends
    assert name_goes_on("MOSUL, Iraq (Reuters) - The Popular Mobilization", "Forces said on Monday")


def test_a_wrapped_wire_story_keeps_the_name_whole() -> None:
    text, joined = unwrap_lines(CUT)
    assert "The Lebanese Armed Forces deployed" in text and joined == 3


@pytest.mark.parametrize("line, nxt", [
    # each line of a list of dated items opens with its own dateline
    ("KYIV (AP) - Drones Hit Power Grid", "GAZA (AP) - Talks Resume In Cairo"),
    ("Kyiv (AP) - Drones hit the grid", "Gaza City (AP) - Talks resume"),
    # no dateline: a title over a paragraph keeps its break
    ("Army Retakes Presidential Palace", "The army said on Friday that its troops held the city."),
    # the text after the dateline is closed
    ("LAGOS, Nigeria (AP) - Gunmen freed 20 pupils.", "Police said the school was shut."),
    # the next line goes on in lower case already, or starts with a number
    ("ADEN, Yemen (AP) - Houthi", "1,200 fighters were seen"),
])
def test_other_line_breaks_keep_their_reading(line: str, nxt: str) -> None:
    text = f"{line}\n{nxt}"
    assert len(line) not in layout(text).goes_on


def test_a_cut_name_is_the_actor(default_code) -> None:
    text, _ = unwrap_lines(CUT)        # as `tidings code` reads a hard-wrapped text
    events = default_code(text)
    actors = [a.text for e in events for a in e.actor]
    assert any("Lebanese Armed Forces" in a for a in actors), shown(events)
    assert not any(e.sentence.startswith("Forces") for e in events), shown(events)
