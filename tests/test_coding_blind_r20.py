"""Kinds a blind before/after trial found at the end of the twentieth round (sentences
written for these tests): troops exchanging fire (a rare, plainly worded ASSAULT, under
the threshold at 0.23) and hackers stealing whatever they steal (COERCE cyber)."""
import pytest

from conftest import happened, shown


@pytest.mark.parametrize("text", [
    "Indian and Pakistani troops exchanged fire along the Line of Control on Sunday.",
    "Border guards and smugglers exchanged fire near the river crossing overnight.",
])
def test_exchanged_fire_is_kept_by_default(default_code, text):
    evs = default_code(text)
    assert any(e.event_type == "ASSAULT" and e.mode == "firearms" for e in evs), shown(evs)


def test_exchanged_views_is_no_attack(default_code):
    evs = default_code("The two ministers exchanged views on the border dispute on Sunday.")
    assert "ASSAULT" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "North Korean hackers stole $40 million in cryptocurrency from a Seoul exchange.",
    "Hackers stole funds from the central bank of Bangladesh.",  # not yet: "a group of hackers" (the head is "group")
])
def test_hackers_stealing_is_cyber(default_code, text):
    evs = default_code(text)
    assert any(e.event_type == "COERCE" and e.mode == "cyber" for e in evs), shown(evs)


def test_thieves_stealing_money_is_no_cyberattack(default_code):
    evs = default_code("Thieves stole $40,000 from a bank in the capital on Monday.")
    assert not any(e.mode == "cyber" for e in evs), shown(evs)
