"""Twenty-fifth round, r25s (a fresh user's trial): things that did not happen, stored
as happened, and a dateline read as a protest. All sentences are written for these tests.

1. A capitalised month name beside a day or year number is a date, never a trigger
   ("KANO, March 4 - ...": the wire dateline is split off as its own sentence and the
   lexicon noun "march" fired on the month; rule ``filter:month-and-day-is-a-date``).
   A lower-case march stays a PROTEST.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown


# --- 1. a month in a date is no march --------------------------------------------------

@pytest.mark.parametrize("dash", [" -", " --", " \u2013", " \u2014", ":"])
def test_month_of_a_dateline_is_no_protest(default_code, dash) -> None:
    text = (f"KANO, March 9{dash} The governor on Thursday urged the striking nurses "
            "to return to work and promised talks on their pay.")
    evs = default_code(text)
    assert [e for e in evs if e.event_type == "PROTEST"] == [], shown(evs)
    assert of_type(evs, "REQUEST"), shown(evs)


@pytest.mark.parametrize("text", [
    "March 9, 2026. Police arrested four traders suspected of smuggling fuel in Enugu.",
    "ENUGU, March 9 - Police arrested four traders suspected of smuggling fuel.",
    "ENUGU, 9 March - Police arrested four traders suspected of smuggling fuel.",
])
def test_march_the_month_is_dropped_by_the_filter(default_code, text) -> None:
    evs = default_code(text)
    assert [e for e in evs if e.event_type == "PROTEST"] == [], shown(evs)
    assert of_type(evs, "COERCE")


def test_month_filter_leaves_a_lower_case_march(code_text) -> None:
    evs = code_text("On March 2 about 3,000 nurses held a march through Enugu to demand unpaid wages.")
    protests = of_type(evs, "PROTEST")
    assert protests and all("filter:month-and-day-is-a-date" not in e.rules for e in protests), shown(evs)
    assert any(e.trigger.lower().startswith("march") or "held" in e.trigger for e in protests), shown(evs)


# --- 2. an act under "without" did not happen --------------------------------------------

@pytest.mark.parametrize("text, etype", [
    ("A Vietnamese supply boat reached the reef on Monday without being blocked by Chinese patrol ships.", "COERCE"),
])
def test_act_under_without_is_negated(default_code, text, etype) -> None:
    evs = [e for e in default_code(text) if e.event_type == etype]
    assert evs and all("negation" in e.aux_modes for e in evs), shown(evs)


def test_act_beside_without_stays_done(default_code) -> None:
    evs = default_code("Police in Enugu arrested 12 market traders on Monday without a warrant.")
    coerce = of_type(evs, "COERCE")
    assert all("negation" not in e.aux_modes for e in coerce), shown(evs)


def test_shot_not_fired_is_negated(default_code) -> None:
    evs = default_code("Chinese patrol ships shadowed a Vietnamese supply boat at the reef on Monday without firing a shot.")
    fired = [e for e in evs if e.event_type == "ASSAULT" and "firing" in e.trigger]
    assert fired and all("negation" in e.aux_modes for e in fired), shown(evs)
