"""r29k: a fresh analyst's trial (analyst E, Middle East and East Asia), by kind.

- kind 7: stopping an incoming munition in flight ("intercepted two rockets", "shot down
  the drones") is no ASSAULT (annotation guide 11.20, filter:intercepted-munition-is-no-assault);
  a crewed aircraft shot down stays ASSAULT;
- kind 8: a title-case headline keeps a present-tense verb the truecase table writes as a
  name ("Rams"; tidings.truecase._title_lowered), and an act noun right before a noun of
  speech ("over sanctions remarks") is no event (filter:act-noun-naming-a-remark-is-no-event);
- kind 9: what a street protest is held to denounce or demand is no ACCUSE/REQUEST of its own
  (guide 11.8, filter:protest-purpose-is-the-protest), and the city of the named square it
  was held in is no recipient (guide section 6);
- kind 11: raised security measures told as what a party will do are an assurance, no
  MOBILIZE (guide 11.5, filter:promised-security-measures-are-no-event).
Sentences written for these tests."""

import pytest

from tidings import truecase


def types(evs, real_only=True):
    return sorted({e.event_type for e in evs
                   if not real_only or not set(e.aux_modes) & {"negation", "hypothetical", "future"}})


def by_trigger(evs, word):
    return [e for e in evs if word in e.trigger.split()]


# ---------------------------------------------------------------- kind 7: interceptions

@pytest.mark.parametrize("text,trigger", [
    ("Two of the four rockets were intercepted over the port, the military said.", "intercepted"),
    ("Air defence units intercepted most of the drones over the capital overnight.", "intercepted"),
    ("Jordan intercepts two drones launched from Iraq", "intercepts"),
    ("Patriot batteries shot down both ballistic missiles over the city on Monday.", "shot"),
])
def test_intercepted_munition_is_no_assault(default_code, text, trigger):
    evs = default_code(text)
    assert not [e for e in by_trigger(evs, trigger) if e.event_type == "ASSAULT"], \
        [(e.event_type, e.trigger, e.rules) for e in evs]


def test_control_crewed_aircraft_shot_down_stays_assault(default_code):
    evs = default_code("Rebel fighters shot down an army helicopter near the border on Sunday.")
    hit = [e for e in by_trigger(evs, "shot") if e.event_type == "ASSAULT"]
    assert hit and hit[0].recipient and hit[0].recipient[0].text == "an army helicopter"


def test_control_warplane_shot_down_keeps_its_state(default_code):
    evs = default_code("Syrian air defences shot down an Israeli warplane near Homs.")
    hit = [e for e in by_trigger(evs, "shot") if e.event_type == "ASSAULT"]
    assert hit and [a.country for a in hit[0].recipient] == ["ISR"]


def test_control_launch_of_rockets_stays_assault(default_code):
    evs = default_code("Hezbollah fired 30 rockets at northern Israel on Sunday.")
    assert "ASSAULT" in types(evs)


def test_control_intercepted_ship_and_communications_are_not_dropped_by_the_rule(default_code):
    # the rule reads munitions only: a ship and communications are left to the other rules
    from tidings.coding.rules import load_rules
    rule = next(r for r in load_rules() if r.name == "filter:intercepted-munition-is-no-assault")
    evs = default_code("The Omani navy intercepted a ship carrying weapons bound for Yemen.") + \
        default_code("Indian intelligence intercepted communications between the militants and their handlers.")
    assert not [e for e in evs if rule.name in e.rules]
    assert not [e for e in evs if e.event_type == "ASSAULT"]


# ---------------------------------------------------------------- kind 8: headlines

def test_title_case_headline_verb_unknown_to_the_table_is_lowered():
    assert truecase.title_case("Turkish Navy Rams Greek Fishing Boat Off Lesbos").split()[2] == "rams"


def test_title_case_headline_with_ram_is_an_assault(story_code):
    evs = story_code("Turkish Navy Rams Greek Fishing Boat Off Lesbos")
    hit = [e for e in evs if e.event_type == "ASSAULT"]
    assert hit and [a.country for a in hit[0].actor] == ["TUR"], [(e.event_type, e.trigger) for e in evs]


def test_control_title_case_name_word_stays():
    # a capitalised name of the knowledge base stays as written
    assert "Security Council" in truecase.title_case("UN Security Council Condemns Attack On Peacekeepers In Mali")


def test_act_noun_before_remarks_is_no_sanction(default_code):
    evs = default_code("Iran summoned the Swiss ambassador on Monday over his sanctions remarks.")
    assert types(evs) == ["ACCUSE"], [(e.event_type, e.trigger, e.rules) for e in evs]


def test_title_case_act_noun_before_remarks_is_no_sanction(story_code):
    evs = story_code("Tehran Summons Swiss Ambassador Over Sanctions Remarks")
    assert "SANCTION" not in types(evs), [(e.event_type, e.trigger, e.rules) for e in evs]


def test_control_sanctions_imposed_stay(story_code):
    evs = story_code("EU Imposes New Sanctions On Belarus Over Migrant Crisis")
    assert "SANCTION" in types(evs)


# ---------------------------------------------------------------- kind 9: protests

def test_protest_purpose_is_no_accusation(default_code):
    evs = default_code("Tens of thousands of Iraqis rallied in Baghdad's Tahrir Square after Friday "
                       "prayers to condemn Turkish air strikes on the Kurdistan region.")
    assert "PROTEST" in types(evs) and "ACCUSE" not in types(evs), \
        [(e.event_type, e.trigger, e.rules) for e in evs]


def test_protest_city_of_its_square_is_no_recipient(default_code):
    evs = default_code("Hundreds of farmers rallied in Nairobi's Uhuru Park to demand lower fuel prices.")
    hit = [e for e in evs if e.event_type == "PROTEST"]
    assert hit and not hit[0].recipient, [(a.text, a.country) for a in hit[0].recipient]
    assert "REQUEST" not in types(evs)


def test_control_meeting_purpose_stays_an_accusation(default_code):
    evs = default_code("The foreign ministers met in Cairo on Friday to condemn the Israeli strikes on Gaza.")
    assert {"CONSULT", "ACCUSE"} <= set(types(evs))


def test_control_protest_outside_an_embassy_keeps_the_embassy_state(default_code):
    evs = default_code("Hundreds of Ukrainians protested outside Russia's embassy in Warsaw on Sunday.")
    hit = [e for e in evs if e.event_type == "PROTEST"]
    assert hit and "RUS" in [a.country for a in hit[0].recipient], \
        [(a.text, a.country) for e in hit for a in e.recipient]


# ---------------------------------------------------------------- kind 11: assurances

@pytest.mark.parametrize("text", [
    "The interior ministry said it would tighten security checks at border crossings.",
    "Police said they would step up security around the stadium ahead of the final.",
])
def test_promised_security_measures_are_no_event(default_code, text):
    evs = default_code(text)
    assert "MOBILIZE" not in {e.event_type for e in evs}, [(e.event_type, e.trigger, e.rules) for e in evs]


def test_control_security_measures_done_stay_mobilization(default_code):
    evs = default_code("Police in Lagos tightened security checks at the airport on Monday.")
    assert "MOBILIZE" in types(evs)


def test_control_announced_deployment_stays_mobilization(default_code):
    evs = default_code("The army said it would deploy two more battalions to the border.")
    hit = [e for e in evs if e.event_type == "MOBILIZE"]
    assert hit and "future" in hit[0].aux_modes


def test_control_act_noun_before_a_participle_is_kept(default_code):
    # "posted" is a participle of its own, no noun of speech: the deportations stay
    evs = default_code("In a statement about the February deportations posted online, the ministry "
                       "said 40 Uyghurs had been sent back to China.")
    assert "COERCE" in types(evs), [(e.event_type, e.trigger, e.rules) for e in evs]


def test_protest_city_the_parse_takes_for_a_person_is_no_recipient(default_code):
    # the small model tags a city's possessive ("Sanaa's") a person: the gazetteer knows it
    evs = default_code("Thousands of Yemenis rallied in Sanaa's Tahrir Square on Friday to "
                       "denounce the air raids, the station reported.")
    hit = [e for e in evs if e.event_type == "PROTEST"]
    assert hit and not hit[0].recipient, [(a.text, a.country) for a in hit[0].recipient]
