"""r25p: military moves an analyst records (annotation guide section 3, MOBILIZE; PLOVER
manual, MOBILIZE): a force's own exercises, warships or heavy weapons sent, military craft
entering another's waters or airspace, forces reinforcing their positions, a force placed on
a level of readiness. Sentences written for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, e.rules) for e in evs]


@pytest.mark.parametrize("text, mode", [
    ("The Chilean navy began four days of exercises off Valparaiso on Tuesday.", "troops"),
    ("The Polish army staged large-scale manoeuvres in the north-east of the country.", "troops"),
    ("Nigeria sent warships to the Gulf of Guinea on Friday.", "weapons"),
    ("Peru sent two frigates to its southern coast.", "weapons"),
    ("A Russian warship entered Norwegian waters on Monday.", "weapons"),
    ("Russian bombers violated Finnish airspace on Saturday.", "weapons"),
    ("The militia reinforced their positions around the airport.", "troops"),
    ("Georgia's army was placed on the highest level of combat readiness.", "troops"),
])
def test_military_moves_are_mobilize(default_code, text, mode):
    evs = default_code(text)
    assert [(e.event_type, e.mode) for e in evs] == [("MOBILIZE", mode)], shown(evs)


def test_entered_waters_recipient_is_the_waters_owner(default_code):
    evs = default_code("A Turkish frigate entered Greek territorial waters off Rhodes.")
    assert [e.event_type for e in evs] == ["MOBILIZE"], shown(evs)
    assert [r.country for r in evs[0].recipient] == ["GRC"], shown(evs)


def test_joint_exercises_stay_cooperation(default_code):
    evs = default_code("Brazilian and Argentine warships began joint exercises in the South Atlantic.")
    assert "MOBILIZE" not in [e.event_type for e in evs], shown(evs)


@pytest.mark.parametrize("text", [
    "Students began their exams on Monday.",
    "The fleet entered the harbour for repairs.",
    "Engineers reinforced the bridge before the flood.",
    "The orchestra began three days of rehearsals in Vienna.",
    "The ferry entered Greek waters late on Monday.",
    "The company sent 200 workers to the new factory.",
    "The new trade deal will strengthen Kenya's position in regional markets.",
    "The minister reinforced our position on the tariff question.",
])
def test_controls_are_no_mobilization(default_code, text):
    evs = default_code(text)
    assert "MOBILIZE" not in [e.event_type for e in evs], shown(evs)
