"""r24l: a host receiving a visitor (twenty-fourth round, a fresh user's trial). Every
sentence here was written for these tests.

1. The subject of a host verb ("received", "hosted", "welcomed") with a guest object is
   the host, of the country of the event's place (docs/actors.md: a description takes
   the event place's country), and so the recipient; the guest is the actor (annotation
   guide section 6: visitor = actor, host = recipient). ``events._hosts_a_guest``.
2. A participle that says who leads or makes up a group ("the delegation led by the
   foreign minister") tells no earlier act: a date phrase the parse hangs on it dates
   the visit (``words.yaml`` ``composition_participles``).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


def _countries(ents) -> list:
    return sorted(str(e.country) for e in ents)


@pytest.mark.parametrize("text, guest, host, day", [
    ("The president received the Georgian delegation led by the speaker of parliament in Yerevan on Monday.",
     "GEO", "ARM", "2025-06-02"),
    ("The president received the Georgian delegation in Yerevan on Monday.", "GEO", "ARM", "2025-06-02"),
    ("The prime minister hosted the Kenyan foreign minister in Kampala on Wednesday.", "KEN", "UGA", "2025-05-28"),
    ("The king welcomed the Tunisian delegation headed by the interior minister to Rabat on Sunday.",
     "TUN", "MAR", "2025-06-01"),
    ("The emir received a Jordanian delegation led by the defence minister in Doha on Monday.",
     "JOR", "QAT", "2025-06-02"),
])
def test_host_described_by_title_is_the_recipient_of_the_place(story_dated, coder, code_text, text, guest, host, day):
    ev = of_type(code_text(text, pub_date="2025-06-03"), "CONSULT")[0]
    assert ev.mode == "visit" and "structure:host-is-recipient" in ev.rules, shown([ev])
    assert (_countries(ev.actor), _countries(ev.recipient)) == ([guest], [host]), shown([ev])
    dates = story_dated(coder, text, "2025-06-03")
    start, end, gran, source = next(v for (t, _), v in dates.items() if t == "CONSULT")
    assert (start, end) == (day, day), dates


def test_visitor_keeps_no_place_country(code_text):
    # control: the subject of "visited" travelled, and is not of the place's country
    ev = of_type(code_text("The president visited Kampala on Wednesday.", pub_date="2025-06-03"), "CONSULT")[0]
    assert "UGA" not in _countries(ev.actor), shown([ev])
    assert _countries(ev.recipient) == ["UGA"], shown([ev])


def test_abducted_participle_still_dates_its_own_act(story_dated, coder):
    # control: a participle of an earlier act done to the object keeps its date
    text = "Soldiers freed 30 farmers abducted in January near Maiduguri."
    dates = story_dated(coder, text, "2025-06-03")
    start, end, _, source = next(v for (t, trig), v in dates.items() if trig == "freed")
    # the phrase dates the abduction, never the freeing. The freeing has no date phrase of
    # its own (annotation guide section 7: date_text null): it took the story's span since
    # January until the twenty-sixth round; since r26u a participle's date on the object
    # is no carried date either ("handed over citizens detained last year" had dated the
    # handover to last year), so it takes the publication day
    assert (source, start, end) == ("publication", "2025-06-03", "2025-06-03"), dates
