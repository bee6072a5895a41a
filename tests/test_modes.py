"""Every mode tidings emits is a mode the PLOVER manual lists for that event type.

The manual's mode tables (``shared/spec/PLOVER_MANUAL.tex``, "<TYPE> modes" captions;
REJECT shares REQUEST's) are parsed here, so a renamed or invented mode in the lexicon or
the coder fails the test.
"""

import re

import pytest
from conftest import SHARED

MANUAL = SHARED / "spec" / "PLOVER_MANUAL.tex"
pytestmark = pytest.mark.skipif(not MANUAL.exists(), reason=f"{MANUAL} not found (shared data folder)")


@pytest.fixture(scope="module")
def manual_modes() -> dict[str, set[str]]:
    tex = MANUAL.read_text(encoding="utf-8")
    modes: dict[str, set[str]] = {}
    for m in re.finditer(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes.*?\\end\{tabular\}", tex, re.S):
        names = {x.group(1) for x in re.finditer(r"^\s*([a-z][a-z\-]*)\s*&", m.group(0), re.M)}
        modes[m.group(1)] = names
    return modes


def test_the_manual_tables_are_read(manual_modes):
    assert manual_modes["ASSAULT"] >= {"aerial", "drone", "targeted", "crowd-control"}
    assert manual_modes["REJECT"] == manual_modes["REQUEST"] == {"assist", "change", "yield", "meet"}
    assert "return" not in manual_modes["RETREAT"]  # struck out in the manual


def test_the_shipped_mode_table_is_the_manuals(manual_modes):
    from tidings.records import MODES

    assert {t: set(m) for t, m in MODES.items()} == manual_modes


def test_lexicon_modes_are_manual_modes(manual_modes):
    from tidings.coding import OUTPUT_MODES
    from tidings.lexicon import load_lexicon

    lex = load_lexicon()
    entries = list(lex.verbs.values()) + list(lex.nouns.values()) + list(lex.phrasal.values()) + \
        list(lex.compounds.values())
    bad = sorted({(x.event_type, x.mode) for x in entries if x.mode is not None
                  and x.mode not in manual_modes.get(x.event_type, set())
                  and (x.event_type, x.mode) not in OUTPUT_MODES})
    assert bad == []


def test_coded_modes_are_manual_modes(code_text, manual_modes):
    sentences = [
        "A drone strike killed three militants in North Waziristan.",
        "Police fired tear gas at protesters in Nairobi.",
        "Thousands of refugees returned home to Burundi last week.",
        "The army executed three rebel commanders.",
        "Russia deployed riot police to Moscow's main square.",
        "China sent warships to the Taiwan Strait.",
        "The unions threatened to strike if wages are not raised.",
        "Security forces raided the offices of the newspaper.",
        "The government banned the opposition party.",
        "Iran released two French nationals on Friday.",
        "The prime minister resigned on Tuesday.",
        "A court convicted the former president of corruption.",
        "Russian hackers launched a cyberattack on Estonian government websites.",
        "Protesters burned tyres and blocked the main road to the airport.",
        "The United Nations accused Sudan of blocking aid convoys.",
        "The army has been holding thousands of civilians as human shields.",
        "The unions threatened to strike if wages are not raised.",
    ]
    seen = set()
    for s in sentences:
        for e in code_text(s):
            if e.mode is not None:
                seen.add((e.event_type, e.mode))
                assert e.mode in manual_modes[e.event_type], (s, e.event_type, e.mode)
    assert len(seen) >= 10  # the sentences do produce modes
