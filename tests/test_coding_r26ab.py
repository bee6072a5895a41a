"""r26ab: standing acts and statuses coded as events (twenty-sixth round). Every sentence
here was written for these tests.

1. An act told with "has / have long" + past participle is a standing practice, no event
   (annotation guide section 1; ``filter:long-standing-act-is-background``).
2. A measure or charge that remains / stays / is "in force", "in place", "in effect" is a
   standing status (guide 11.3; ``filter:measure-remaining-in-force-is-background``).
3. A restriction or sanction a party "maintains" (present tense) is a standing policy
   (guide section 1; ``filter:maintained-measure-is-background``).
4. An act a party has the power, authority or right to do is only possible (guide sections
   1 and 4; ``filter:act-within-a-power-is-no-event``, words.yaml ``capability_nouns``).

Left alone by the train gold: "drew / faced criticism" stays ACCUSE (the gold codes "drew
strong criticism" with no critic named), and a war named after "during" stays an event
("killed during the Korean War" is ASSAULT historical in the gold).
"""

from __future__ import annotations

import pytest

from conftest import shown

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, trigger, rule", [
    ("The charity has long supplied tents to the displaced families.", "supplied",
     "filter:long-standing-act-is-background"),
    ("Norway has long funded clinics in the refugee camps.", "funded",
     "filter:long-standing-act-is-background"),
    ("The curfew on the northern districts remains in force.", "curfew",
     "filter:measure-remaining-in-force-is-background"),
    ("The sanctions on the shipping firm stay in place.", "sanctions",
     "filter:measure-remaining-in-force-is-background"),
    ("The interior ministry maintains tight restrictions on foreign reporters.", "restrictions",
     "filter:maintained-measure-is-background"),
    ("The governor has the authority to pardon prisoners on death row.", "pardon",
     "filter:act-within-a-power-is-no-event"),
    ("The monarch has the power to grant amnesty to the insurgents.", "amnesty",
     "filter:act-within-a-power-is-no-event"),
])
def test_standing_act_is_no_event(traced_code, default_code, text, trigger, rule):
    events, trace = traced_code(text)
    assert not [e for e in events if trigger in e[1]], events
    rows = [row for row in trace if trigger in row["trigger"]]
    # where the rule layer finds the word, the filter is what drops it
    assert all(rule in row["rules"] for row in rows), rows
    # the shipped coder (learned layer) codes no event on it either
    evs = default_code(text)
    assert not [e for e in evs if trigger in e.trigger
                and not set(e.aux_modes) & {"negation", "hypothetical"}], shown(evs)


@pytest.mark.parametrize("text, etype, trigger", [
    ("The charity supplied tents to the displaced families on Sunday.", "AID", "supplied"),
    ("Police imposed a curfew on the northern districts on Friday.", "COERCE", "curfew"),
    ("The interior ministry imposed tight restrictions on foreign reporters.", "COERCE", "restrictions"),
    ("The governor pardoned forty prisoners on death row.", "CONCEDE", "pardoned"),
    ("The monarch granted amnesty to the insurgents on Tuesday.", "CONCEDE", "amnesty"),
])
def test_act_done_stays(code_text, text, etype, trigger):
    evs = code_text(text)
    assert [e for e in evs if e.event_type == etype and trigger in e.trigger
            and not set(e.aux_modes) & {"negation", "hypothetical"}], shown(evs)
