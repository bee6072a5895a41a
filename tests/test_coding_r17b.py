"""Round 17b, a fresh user's trial and the team's own sentences: who did what to whom.
Every sentence is the team's own (none from the corpus or ../shared).

Kinds:
- a denial's recipient: what a denial denies ("denied that Russian aircraft violated
  Estonian airspace", "rejected claims that its fighters ...") names no party to the
  denial; the recipient is the accuser when named ("denied accusations by the
  Philippines", "the allegations made by Athens"), else none (annotation guide section
  3, REJECT; the train split labels no recipient for every "denied that ..." sentence
  whose accuser is unnamed). :func:`tidings.coding.arguments.denied_content`.
"""

from __future__ import annotations

import pytest
from conftest import shown

pytestmark = pytest.mark.slow


def _of(evs, typ):
    return [e for e in evs if e.event_type == typ]


def _countries(ents):
    return {e.country for e in ents if e.country}


# --------------------------------------------------------------------------- denials

DENIED_NO_RECIPIENT = [
    "The Kremlin denied that Russian bombers had entered Latvian airspace.",
    "The army denied that its helicopters had fired on the refugee camp.",
    "Hamas rejected claims that its fighters had hidden rockets under the school.",
    "The ministry dismissed reports that Chinese troops had crossed into Bhutan.",
]


@pytest.mark.parametrize("text", DENIED_NO_RECIPIENT)
def test_denial_has_no_recipient_from_the_denied_claim(default_code, text):
    evs = default_code(text)
    rej = _of(evs, "REJECT")
    assert rej, shown(evs)
    assert not rej[0].recipient, [(e.text, e.country) for e in rej[0].recipient]


DENIED_ACCUSER = [
    ("Beijing denied accusations by the Philippines that its coast guard rammed a supply boat.", "PHL"),
    ("Ankara rejected the allegations made by Athens that Turkish jets had violated Greek airspace.", "GRC"),
    ("Iran denied Israel's claim that it had shipped missiles to the Houthis.", "ISR"),
]


@pytest.mark.parametrize("text,accuser", DENIED_ACCUSER)
def test_denial_of_a_named_accuser_keeps_the_accuser(default_code, text, accuser):
    evs = default_code(text)
    rej = _of(evs, "REJECT")
    assert rej, shown(evs)
    assert _countries(rej[0].recipient) == {accuser}, [(e.text, e.country) for e in rej[0].recipient]


def test_reported_claim_is_not_a_denial(default_code):
    # near miss: the same claim said, not denied, keeps its own parties
    evs = default_code("The ministry said that Russian bombers had entered Latvian airspace.")
    assert not _of(evs, "REJECT"), shown(evs)
