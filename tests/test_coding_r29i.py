"""r29i: threats and vows, verbal acts in reported speech and idiom (a fresh user's trial,
kinds 2 and 3; annotation guide sections 2, 3, 4, 5, 11.4).

- a vow whose that-clause promises a reprisal ("vowed that the aggression would not go
  unanswered") and a vowed "reciprocal response" are THREATEN, not a promise (AGREE)
  (sense:vowed-unanswered-act-is-threat; words.yaml forceful_response_adjectives);
- a party warned that it is or stays a target ("warned that ships linked to Israel would
  remain targets") is THREATEN violence (speech:warned-targets-is-threat);
- a warning that an attack "would be met with a crushing response" is one THREATEN, on
  "met", not a second one on "warned" (speech:warning-of-met-reprisal-is-one-threat);
- a misdeed that is no PLOVER act told by a named speaker ("said the vessels had intruded",
  "had been fishing illegally", "had photographed military sites") is the speaker's ACCUSE
  allege (frame:reported-misdeed-is-allegation);
- "lodged stern representations with" is a diplomatic protest, ACCUSE disapprove
  (frame:lodged-representations-are-accusation).
Sentences written for these tests."""
import pytest

from conftest import happened, shown


def on(evs, word):
    return [e for e in evs if word in (e.trigger or "").lower().split()]


# ---------------------------------------------------------------- vows of reprisal

@pytest.mark.parametrize("text", [
    "The militia's spokesman vowed that the massacre would not go unanswered.",
    "The rebel leader vowed that the bombing of the market would not go unanswered.",
    "The prime minister vowed that the killers of the soldiers would be punished.",
    "The group pledged that there would be retaliation for the raid.",
])
def test_vowed_reprisal_clause_is_threat(default_code, text):
    evs = default_code(text)
    thr = [e for e in on(evs, "vowed") + on(evs, "swore") + on(evs, "pledged") if e.event_type == "THREATEN"]
    assert thr, shown(evs)
    assert "sense:vowed-unanswered-act-is-threat" in thr[0].rules
    assert thr[0].mode is None
    assert "AGREE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Ankara vowed a reciprocal response to the expulsions.",
    "The foreign ministry promised a commensurate response.",
])
def test_vowed_reciprocal_response_is_threat(default_code, text):
    evs = default_code(text)
    assert "THREATEN" in happened(evs), shown(evs)
    assert any("sense:vowed-reprisal-is-threat" in e.rules for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The president vowed that the new hospital would open next year.",
    "The minister promised that the ministry would respond to every letter.",
    "The governor pledged that the roads would be repaired before winter.",
    "The agency promised a swift response to the flood.",
])
def test_vows_without_reprisal_are_no_threat(default_code, text):
    evs = default_code(text)
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


# ---------------------------------------------------------------- warned targets

@pytest.mark.parametrize("text", [
    "The rebel commander warned that army convoys would remain legitimate targets.",
    "The militia warned that foreign bases in the region are targets.",
    "The group's spokesman warned that tankers bound for the port would become targets.",
])
def test_warned_party_is_target_is_threat(default_code, text):
    evs = default_code(text)
    thr = [e for e in on(evs, "warned") if e.event_type == "THREATEN"]
    assert thr, shown(evs)
    assert "speech:warned-targets-is-threat" in thr[0].rules
    assert thr[0].mode == "violence"


@pytest.mark.parametrize("text", [
    "Experts warned that hospitals could become targets of hackers.",
    "The bank warned that elderly customers were targets for fraudsters.",
    "The minister warned that the inflation targets would be missed.",
])
def test_warned_hazard_target_is_no_threat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type == "THREATEN"], shown(evs)


# ---------------------------------------------------------------- one threat, not two

@pytest.mark.parametrize("text", [
    "The army chief warned that any incursion would be met with a decisive response.",
    "General Okafor warned that any attack on the capital would be met with a crushing response.",
])
def test_warning_of_met_reprisal_is_one_threat(code_text, text):
    evs = code_text(text)
    thr = [e for e in evs if e.event_type == "THREATEN"]
    assert len(thr) == 1, shown(evs)
    assert thr[0].trigger == "met"


def test_warning_without_met_reprisal_keeps_its_threat(code_text):
    # control: a warning of retaliation has no "met" threat to stand for it
    evs = code_text("The general warned of retaliation if the shelling continued.")
    assert [e for e in evs if e.event_type == "THREATEN" and e.trigger == "warned"], shown(evs)


# ---------------------------------------------------------------- reported misdeeds

@pytest.mark.parametrize("text,word", [
    ("The coast guard said the trawlers had intruded into its territorial waters.", "intruded"),
    ("The navy said the fishermen had been fishing illegally near the reef.", "fishing"),
    ("The ministry said the two suspects had photographed naval bases.", "photographed"),
    ("Police said the gang had smuggled rifles across the border.", "smuggled"),
    ("The prosecutor said the clerk had spied for a foreign power.", "spied"),
])
def test_reported_misdeed_is_speakers_allegation(default_code, text, word):
    evs = default_code(text)
    acc = [e for e in on(evs, word) if e.event_type == "ACCUSE"]
    assert acc, shown(evs)
    assert acc[0].mode == "allege"
    assert "frame:reported-misdeed-is-allegation" in acc[0].rules
    # the speaker accuses, not the doer
    assert acc[0].actor and acc[0].actor[0].text.split()[-1] in text.split(" said")[0]


def test_reported_misdeed_doer_is_recipient(default_code):
    evs = default_code("The navy said the fishermen had been fishing illegally near the reef.")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and [r.text for r in acc[0].recipient] == ["the fishermen"], shown(evs)
    assert [a.text for a in acc[0].actor] == ["The navy"]


@pytest.mark.parametrize("text", [
    "Two fishing boats intruded into the zone on Monday.",           # the reporter's narration
    "Fishermen have been fishing in the bay for centuries.",
    "The tourists photographed the old harbour, the guide said.",
    "The navy said the fishermen had been fishing near the reef.",   # no misdeed
    "The ministry said the students had photographed the cathedral.",
])
def test_misdeed_verbs_without_a_reported_misdeed_are_no_event(default_code, text):
    evs = default_code(text)
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


# ---------------------------------------------------------------- lodged representations

@pytest.mark.parametrize("text", [
    "Beijing lodged solemn representations with Tokyo over the visit.",
    "The foreign ministry said it had lodged stern representations with Canberra.",
    "Seoul lodged a demarche with the Japanese embassy.",
])
def test_lodged_representations_are_diplomatic_protest(default_code, text):
    evs = default_code(text)
    acc = [e for e in evs if e.event_type == "ACCUSE" and "frame:lodged-representations-are-accusation" in e.rules]
    assert acc, shown(evs)
    assert acc[0].mode == "disapprove"


@pytest.mark.parametrize("text", [
    "The study examined the representation of women in parliament.",
    "The painting is a faithful representation of the harbour.",
])
def test_representation_outside_a_protest_is_no_event(default_code, text):
    evs = default_code(text)
    assert "ACCUSE" not in {e.event_type for e in evs}, shown(evs)


def test_warned_target_threat_kept_beside_a_claim(default_code):
    # a second clause after a claimed attack: the gate alone had it under the threshold
    evs = default_code("The rebel spokesman claimed the ambush in a video statement and warned "
                       "that convoys supplying the garrison would remain targets.")
    thr = [e for e in evs if e.event_type == "THREATEN" and e.trigger == "warned"]
    assert thr, shown(evs)
    assert "event:warned-target-threat-is-believed" in thr[0].rules


# ---------------------------------------------------------------- conditioned announced force

@pytest.mark.parametrize("text", [
    "The defence minister said the army would shell the rebel camps if the attacks continued.",
    "The Turkish defence minister said Ankara would bomb the militia positions if Syria sent troops to the border.",
])
def test_conditioned_announced_force_is_kept_threat(default_code, text):
    evs = default_code(text)
    thr = [e for e in evs if e.event_type == "THREATEN"]
    assert thr, shown(evs)
    assert "event:conditioned-announced-force-is-believed" in thr[0].rules
    assert thr[0].mode == "violence"
    assert not set(thr[0].aux_modes) & {"hypothetical", "negation"}


@pytest.mark.parametrize("text", [
    "If I told you the route, I would be jeopardising our security operation for the summit.",
    "If the minister resigned, the cabinet would face a vote.",
])
def test_speakers_own_supposition_is_no_threat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if "event:conditioned-announced-force-is-believed" in e.rules], shown(evs)
    assert "THREATEN" not in happened(evs), shown(evs)


def test_past_conditioned_report_is_no_threat(default_code):
    # control: a past attack told with a condition of its time is no announcement
    evs = default_code("The army shelled the camps after the rebels refused to withdraw.")
    assert "THREATEN" not in {e.event_type for e in evs}, shown(evs)


# ---------------------------------------------------------------- readiness for a deal

@pytest.mark.parametrize("text", [
    "The foreign minister said Caracas was ready for a fair agreement with its creditors.",
    "THE MINISTER SAID HAVANA WAS READY FOR A BALANCED AGREEMENT.",
    "The rebel negotiator said his movement was prepared for a ceasefire.",
])
def test_readiness_for_a_deal_is_agreement(default_code, text):
    evs = default_code(text)
    agr = [e for e in evs if e.event_type == "AGREE" and "frame:readiness-for-a-deal-is-agreement" in e.rules]
    assert agr, shown(evs)
    assert not set(agr[0].aux_modes) & {"negation", "hypothetical"}


@pytest.mark.parametrize("text", [
    "The team was ready for the final.",
    "The president said Kyiv was not ready for a ceasefire.",
    "The army is ready for war.",
])
def test_readiness_for_no_deal_is_no_agreement(default_code, text):
    evs = default_code(text)
    assert "AGREE" not in happened(evs), shown(evs)
