"""r25l: AID and ACCUSE acts in ordinary wire wordings that a blind trial missed with no
candidate (twenty-fifth round). Every sentence here was written for these tests (r25l's
probe sets A and B).

1. Carrying relief goods or a relief team to a party ("delivered 40 tonnes of food to",
   "rushed emergency supplies to", "dispatched a medical team to") is humanitarian AID
   (``sense:conveyed-relief-is-aid``, prior 0.5); paying a sum ("contributed $10
   million to", "deposited $1 billion in") economic AID (``sense:contributed-sum-is-aid``);
   opening a field hospital or a camp for people in need AID
   (``frame:field-facility-is-aid``). Annotation guide section 3, AID; PLOVER manual, AID.
2. ACCUSE: "lambasted" (spaCy lemma "lambast"), "faulted" (lexicon), "held X responsible for"
   (allege, ``frame:held-responsible-is-accusation``, finite active only: "hold X accountable /
   to account" stays THREATEN; the train gold codes "HELD THE GUERRILLA MOVEMENT
   RESPONSIBLE" ACCUSE), "branded X
   (as) Y" (the train gold: "BRANDED FOREIGN JOURNALISTS AS INTRUDERS") and "expressed
   outrage at" (disapprove) are lexicon entries; "granted refugee status" is AID asylum.
3. Controls: deliveries of other goods, charging a price
   (``sense:charged-price-is-no-accusation``) and criticism by critics, commentators or fans
   (``filter:commentators-criticism-is-no-event``; guide section 1) stay eventless.
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. AID

@pytest.mark.parametrize("text, rule, context", [
    ("The World Food Programme delivered 40 tonnes of food to displaced families in Tigray on Monday.",
     "sense:conveyed-relief-is-aid", "human_security"),
    ("Canada rushed emergency supplies to Haiti.", "sense:conveyed-relief-is-aid", "human_security"),
    ("Greece dispatched a rescue team to Turkey after the earthquake.",
     "sense:conveyed-relief-is-aid", "human_security"),
    ("Norway contributed $10 million to the relief effort in Haiti.", "sense:contributed-sum-is-aid", "economic"),
    ("The Saudi central bank deposited $3 billion in Pakistan's central bank.",
     "sense:contributed-sum-is-aid", "economic"),
    ("Jordan opened a field hospital for Syrian refugees near the border.",
     "frame:field-facility-is-aid", "human_security"),
    ("The Swedish government gave Moldova 20 generators in December.",
     "sense:conveyed-relief-is-aid", "human_security"),
    ("Tanzania granted refugee status to 3,000 Burundians.", "lexicon:refugee status/N", "asylum"),
])
def test_plain_aid_wordings_are_found_by_default(default_code, text, rule, context):
    evs = default_code(text)
    got = of_type(evs, "AID")
    assert rule in got[0].rules, shown(evs)
    assert context in got[0].contexts
    assert "AID" in happened(evs)


def test_rushed_supplies_name_giver_and_receiver(default_code):
    ev = of_type(default_code("Canada rushed emergency supplies to Haiti."), "AID")[0]
    assert [a.text for a in ev.actor] == ["Canada"]
    assert [r.text for r in ev.recipient] == ["Haiti"]


@pytest.mark.parametrize("text", [
    "The charity delivered its annual report on Tuesday.",
    "The company shipped its new phone to stores.",
    "The band shipped its new album to record stores.",
    "The striker contributed two goals to the win.",
    "The minister gave a speech in Nairobi.",
    "The singer sent a message to her fans.",
    "The mayor opened a new hospital in the city centre.",
    "Migrant workers contributed $2 billion to the economy last year.",
    "To date, the United States has contributed almost $100 million to the fund.",
])
def test_other_deliveries_are_no_aid(code_text, text):
    evs = code_text(text)
    assert "AID" not in {e.event_type for e in evs}, shown(evs)


# ------------------------------------------------------------ 2. ACCUSE

@pytest.mark.parametrize("text, mode, actor, recipient", [
    ("The Nigerian senate lambasted the oil minister over fuel shortages.", "disapprove",
     "The Nigerian senate", "the oil minister"),
    ("Bolivia's president faulted Argentina for the border closure.", "disapprove",
     "Bolivia's president", "Argentina"),
    ("The Thai government held the militants responsible for the market bombing.", "allege",
     "The Thai government", "the militants"),
    ("The junta branded the protesters as foreign agents.", "disapprove", "The junta", "the protesters"),
])
def test_accuse_wordings_are_found_by_default(default_code, text, mode, actor, recipient):
    evs = default_code(text)
    ev = of_type(evs, "ACCUSE")[0]
    assert ev.mode == mode
    assert [a.text for a in ev.actor] == [actor]
    assert [r.text for r in ev.recipient] == [recipient]


@pytest.mark.parametrize("text, etype", [
    ("We will continue to hold those responsible for the violence to account.", "THREATEN"),
    ("Those responsible will be held accountable, the minister said.", "THREATEN"),
])
def test_holding_to_account_stays_a_threat(default_code, text, etype):
    evs = default_code(text)
    assert etype in {e.event_type for e in evs}, shown(evs)
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_pledged_responsibility_is_no_accusation(default_code):
    evs = default_code("The journalists will be held responsible before the law.")
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_dispatched_police_stay_mobilization(default_code):
    evs = default_code("Police troops have also been urgently dispatched to the northern towns.")
    assert "MOBILIZE" in happened(evs) and "AID" not in {e.event_type for e in evs}, shown(evs)


def test_police_sent_with_ambulances_stay_mobilization(default_code):
    evs = default_code("The governor dispatched police officers and ambulances to the stadium.")
    assert "MOBILIZE" in happened(evs) and "AID" not in {e.event_type for e in evs}, shown(evs)


def test_expressed_outrage_is_disapproval(default_code):
    evs = default_code("Cairo expressed outrage at the desecration of the mosque.")
    ev = of_type(evs, "ACCUSE")[0]
    assert ev.mode == "disapprove" and "lexicon:outrage/N" in ev.rules, shown(evs)


# ------------------------------------------------------------ 3. controls

@pytest.mark.parametrize("text", [
    "The court charged a fee for the filing.",
    "The airline charged a higher fare for the holiday flights.",
    "Critics slammed the film at the festival.",
    "Economists faulted the central bank's forecasts.",
])
def test_prices_and_commentary_are_no_accusation(code_text, text):
    evs = code_text(text)
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_acting_experts_still_accuse(default_code):
    evs = default_code("UN experts condemned the execution of the activist.")
    assert "ACCUSE" in happened(evs), shown(evs)
