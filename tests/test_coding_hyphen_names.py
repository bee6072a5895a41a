"""Place names the recogniser cuts at a hyphen are whole again for the story's country
(:func:`tidings.coding.state.joined_hyphen_names`; a fresh user's trial, twentieth
round: soldiers in a Guinea-Bissau story were Guinea's). Sentences written for these
tests."""
import pytest

from tidings.coding.state import joined_hyphen_names


@pytest.mark.parametrize("text, joined", [
    ("Soldiers seized power in Guinea-Bissau on Wednesday.", "Guinea-Bissau"),
    ("Fighting resumed in Nagorno-Karabakh overnight.", None),   # whatever spaCy tags, no cut is made worse
])
def test_a_name_cut_at_a_hyphen_is_joined(nlp, text, joined):
    got = [e.text for e in joined_hyphen_names(nlp(text).ents)]
    if joined:
        assert joined in got
    assert all(not t.endswith("-") for t in got)


@pytest.mark.parametrize("text, apart", [
    ("Kenyan-led police patrolled the capital.", "Kenyan-led"),
    ("US-China talks resumed in Geneva on Monday.", "US-China"),
    ("The Iran-backed militia fired rockets.", "Iran-backed"),
])
def test_participles_and_pairs_stay_apart(nlp, text, apart):
    assert apart not in [e.text for e in joined_hyphen_names(nlp(text).ents)]


def test_the_story_country_of_a_guinea_bissau_story(default_code):
    evs = default_code("Soldiers seized power in Guinea-Bissau on Wednesday, detaining the president.")
    arrests = [e for e in evs if e.event_type == "COERCE"]
    assert arrests and {a.country for a in arrests[0].actor} == {"GNB"}
