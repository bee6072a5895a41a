"""r29d: REJECT by kind (annotation guide sections 3, 4, 5 and 11.5).

- a vow not to stop, rest or let a partner down ("we will not stop working with Ottawa to
  bring our sailors home", "we cannot let our Ukrainian partners down") is a pledge to keep
  acting, AGREE, not a refusal (event:vowed-persistence-is-pledge, words.yaml
  persistence_vow_verbs); refusals of a cooperative act stay REJECT;
- verbs that deny a claim or disown an act ("refuted", "rebutted", "disavowed",
  "dissociated itself from") are REJECT with mode null (lexicon, r29d rows; words.yaml
  charge_denial_words); the same verbs outside a denial ("dissociated the compound") are no
  event.
Sentences written for these tests."""

import pytest

from conftest import happened, shown


def types_on(evs, trigger_word):
    return {e.event_type for e in evs if trigger_word in (e.trigger or "").lower().split()}


# ---------------------------------------------------------------- vowed persistence

@pytest.mark.parametrize("text,word", [
    ("We will not stop working with Ottawa to bring our sailors home.", "stop"),
    ("We will never stop working with our partners to bring the detained crew home.", "stop"),
    ("We will not stop working with Kenya to free the hostages.", "stop"),
    ("We cannot let our Ukrainian partners down.", "let"),
    ("We cannot let our allies and partners down.", "let"),
])
def test_vow_not_to_stop_is_a_pledge(every_candidate, text, word):
    evs = every_candidate(text)
    on = types_on(evs, word)
    assert on == {"AGREE"}, shown(evs)
    ev = [e for e in evs if word in e.trigger.lower().split()][0]
    assert "event:vowed-persistence-is-pledge" in ev.rules
    assert not set(ev.aux_modes) & {"negation", "future"}, ev.aux_modes


@pytest.mark.parametrize("text,word,etype", [
    # refusals of a cooperative act stay REJECT
    ("Belgrade said it would not accept the proposal.", "accept", "REJECT"),
    ("The government will not resume the talks until the rebels disarm.", "resume", "REJECT"),
    # stopping an attack is no pledge of cooperation
    ("Moscow will not stop its offensive until Kyiv surrenders, the minister said.", "stop", "ASSAULT"),
])
def test_refusals_and_attacks_are_unchanged(every_candidate, text, word, etype):
    evs = every_candidate(text)
    assert etype in types_on(evs, word), shown(evs)
    assert not any("event:vowed-persistence-is-pledge" in e.rules for e in evs), shown(evs)


def test_let_without_down_is_no_pledge(every_candidate):
    # a restraint refused ("will not let them take power") is no vow of persistence
    evs = every_candidate("We will not let the junta take power.")
    assert "AGREE" not in {e.event_type for e in evs}, shown(evs)


# ---------------------------------------------------------------- denial verbs

@pytest.mark.parametrize("text,word", [
    ("The ministry refuted the report that its troops had shelled the village.", "refuted"),
    ("The army rebutted accusations of torture.", "rebutted"),
    ("Rebutting the claim, the spokesman said Kabul must address its own problems.", "rebutting"),
    ("The president disavowed the statement issued by his own party.", "disavowed"),
    ("The guerrillas disavowed the kidnapping of the engineer.", "disavowed"),
    ("The cabinet secretary said the government dissociates itself from any such activity.", "dissociates"),
])
def test_denial_verbs_are_reject_without_mode(code_text, text, word):
    evs = code_text(text)
    rej = [e for e in evs if e.event_type == "REJECT" and word in e.trigger.lower().split()]
    assert rej, shown(evs)
    assert rej[0].mode is None
    assert "REJECT" in happened(evs)


def test_refuted_claim_act_is_not_reported_as_done(code_text):
    evs = code_text("The ministry refuted the report that its troops had shelled the village.")
    shells = [e for e in evs if e.event_type == "ASSAULT"]
    assert all("negation" in e.aux_modes for e in shells), shown(evs)


@pytest.mark.parametrize("text", [
    "The chemist dissociated the compound into two gases.",
    "The salt dissociates in water.",
])
def test_dissociate_outside_a_denial_is_no_event(code_text, text):
    evs = code_text(text)
    assert not any(e.trigger and "dissociat" in e.trigger.lower() for e in evs), shown(evs)


# ---------------------------------------------------------------- passive warnings

@pytest.mark.parametrize("text", [
    "Journalists in the province were warned not to report on the protests.",
    "The mining company has been warned not to operate near the border.",
    "Residents of the capital were warned not to speak with foreign reporters.",
    "Opposition leaders have been warned not to hold rallies.",
    "Shop owners in the old town were warned not to open on the day of the strike.",
])
def test_party_warned_off_an_act_is_threat(code_text, text):
    evs = code_text(text)
    thr = [e for e in evs if e.event_type == "THREATEN" and e.trigger == "warned"]
    assert thr, shown(evs)
    assert "speech:party-warned-off-is-threat" in thr[0].rules
    assert "THREATEN" in happened(evs)


@pytest.mark.parametrize("text", [
    "Residents were warned of flooding along the river.",       # a hazard
    "Travellers were warned about heavy snow on the pass.",     # a hazard
    "Tourists were warned against swimming at the beach.",      # advice
    "Drivers should be warned to avoid this area.",             # under a modal
    "Farmers were warned that the dam could burst.",            # that-clause: threat_content judges
    "Pupils were warned to wear coats on the trip.",            # a to-clause not negated
])
def test_passive_warning_of_a_hazard_is_no_threat(code_text, text):
    evs = code_text(text)
    assert not [e for e in evs if e.event_type == "THREATEN"], shown(evs)
