"""r26aa: false events on sentences that report no event (the false-event rate), second pass.

Kind: a one-sided reaffirmed commitment to a policy goal ("we reaffirm our commitment to
work to prevent future atrocities", "the ministry reaffirmed its commitment to ending child
labour") is a standing position, no AGREE and no SUPPORT (annotation guide 11.5:
"remains committed to <a policy goal>" is no event; section 1, standing positions).
Controls that must stay AGREE: a commitment to a partner, alliance or cooperation, a
commitment that names a party, and a joint commitment of two or more parties (11.5: a joint
intention to do a cooperative act). Sentences written for these tests."""
import pytest

from conftest import NOT_HAPPENED


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, e.rules) for e in evs]


def reported(evs, etypes=("AGREE", "SUPPORT")):
    return [e for e in evs if e.event_type in etypes and not set(e.aux_modes) & NOT_HAPPENED]


@pytest.mark.parametrize("text", [
    "The ministry reaffirmed its commitment to ending child labour in the mines.",
    "On this day of remembrance, we reaffirm our commitment to work to prevent genocide.",
    "The Department reaffirms its commitment to protecting wetlands across the continent.",
    "The governor renewed her commitment to reducing traffic deaths on rural roads.",
    "Today we reiterate our commitment to fighting malaria in every district.",
    "The agency reaffirmed its commitment to improving water quality in poor neighbourhoods.",
    "The foundation reaffirms its commitment to eradicating river blindness by the end of the decade.",
    "The president reaffirmed his determination to cut youth unemployment.",
    "We reaffirm our commitment to building a more inclusive economy for all our citizens.",
    "The mayor reaffirmed the city's commitment to planting a million trees.",
])
def test_one_sided_commitment_to_a_goal_is_no_event(default_code, text):
    evs = default_code(text)
    assert not reported(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The premier reaffirmed his government's commitment to the regional defence pact.",
    "Finland reaffirmed its commitment to working with Estonia on border security.",
    "The minister reaffirmed Norway's commitment to continue funding Somalia's police force.",
    "The two presidents reaffirmed their commitment to modernising the shared railway.",
    "Both leaders reaffirmed their commitment to reforming the customs union.",
    "The ministers reaffirmed their mutual commitment to cleaning up the border river.",
    "Kenya and Uganda reaffirmed their commitment to finishing the joint pipeline.",
    "The two ministers toured the harbour and reaffirmed their commitment to cleaning the bay.",
    "They inspected the dam and reaffirmed their commitment to finishing it by spring.",
    "The chancellor reaffirmed her commitment to the partnership with Poland.",
    "The envoy reaffirmed Washington's commitment to deepening cooperation with Manila.",
    "Peru reaffirmed its readiness to work with Chile on fishing quotas.",
])
def test_commitment_to_a_party_or_joint_commitment_stays_agreement(default_code, text):
    evs = default_code(text)
    assert [e.event_type for e in reported(evs, ("AGREE",))] == ["AGREE"], shown(evs)
    assert not any("sense:reaffirmed-commitment-to-a-goal-is-no-agreement" in e.rules for e in evs)


@pytest.mark.parametrize("text", [
    "The foreign minister reaffirmed support for Georgia's territorial integrity.",
    "The prime minister reaffirmed his support for the Colombian peace agreement.",
])
def test_reaffirmed_support_stays_support(default_code, text):
    evs = default_code(text)
    assert "SUPPORT" in [e.event_type for e in reported(evs)], shown(evs)


@pytest.mark.parametrize("text", [
    "We reaffirm our commitment to work with the international community on refugee resettlement.",
    "The minister reaffirmed the government's commitment to work alongside its neighbours against smuggling.",
    "The envoy reaffirmed our commitment to partnering with regional bodies on flood warning.",
])
def test_partner_words_deep_in_the_commitment_keep_agreement(default_code, text):
    evs = default_code(text)
    assert not any("sense:reaffirmed-commitment-to-a-goal-is-no-agreement" in e.rules for e in evs), shown(evs)
    assert "AGREE" in [e.event_type for e in reported(evs, ("AGREE",))], shown(evs)
