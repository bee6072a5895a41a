"""Issue 16, a fresh user's trial: events coded that did not happen, and acts the
coder missed. Every sentence is the team's own (none from the corpus or ../shared).

Kinds:
- an act told inside a denied claim ("rejected claims that it had executed hostages",
  "dismissed accusations of kidnapping aid workers") is not reported as done: the denial
  is REJECT and the alleged act is not labelled from a denial alone (annotation guide,
  sections 3 and 5; rule ``aux:denied-claim``, words.yaml ``denial_verbs``,
  ``claim_nouns``). A noun that names the act ("denied reports that it took part in the attack")
  tells an act that did happen, only its author being denied: it stays.
"""

from __future__ import annotations

import pytest
from conftest import happened, shown

pytestmark = pytest.mark.slow


# --------------------------------------------------------------------------- denials

DENIED = [
    ("The militia rejected claims that it had burned the village.", "ASSAULT"),
    ("The army denied reports that its drones had struck a wedding party.", "ASSAULT"),
    ("The government denied reports that soldiers had arrested two opposition lawmakers.", "COERCE"),
    ("The rebels dismissed accusations of killing civilians in the valley.", "ASSAULT"),
    ("Police rejected allegations that officers beat protesters and arrested journalists.", "COERCE"),
]


@pytest.mark.parametrize("text,typ", DENIED)
def test_denied_act_did_not_happen(default_code, text, typ):
    evs = default_code(text)
    assert typ not in happened(evs), shown(evs)
    assert "REJECT" in happened(evs), shown(evs)


KEPT = [
    # the act named by its noun happened; only who did it is denied
    ("The rebel group denied reports that it took part in the attack on the embassy.", "ASSAULT"),
    # the denial is of the claims; the shelling is a second act of its own
    ("The ministry rejected the claims, and the army shelled the border villages on Monday.", "ASSAULT"),
    # a claim that is not denied stays a reported act
    ("The ministry repeated its claim that rebels had burned the village.", "ASSAULT"),
]


@pytest.mark.parametrize("text,typ", KEPT)
def test_act_beside_a_denial_stays(default_code, text, typ):
    evs = default_code(text)
    assert typ in happened(evs), shown(evs)
