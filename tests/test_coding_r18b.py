"""Wrong types, parties and places in conflict and protest reports (eighteenth round's
trial, stories of 6 March 2025), on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown


# -- 1. force used to disperse a crowd is ASSAULT crowd-control -----------------------------
# docs/annotation.md section 5 (police disperse a protest: "dispersed" by police counts as a
# crowd-control tactic); PLOVER manual, ASSAULT crowd-control; CAMEO 175 -> ASSAULT.

@pytest.mark.parametrize("text", [
    "Gendarmes swinging truncheons dispersed hundreds of traders outside the town hall in Ziguinchor.",
    "Police in Kampala dispersed a gathering of opposition supporters on Sunday.",
    "Security agents dispersed the mourners with water cannon near the cathedral.",
])
def test_dispersing_a_crowd_is_crowd_control_assault(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.mode == "crowd-control", shown(evs)
    assert "COERCE" not in {e.event_type for e in evs}, shown(evs)


def test_dispersing_a_crowd_passes_the_default_output(default_code):
    evs = default_code("Riot police used clubs to disperse students marching on the ministry in Dakar.")
    assert "ASSAULT" in happened(evs) and "COERCE" not in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    "The marchers dispersed quietly at dusk after the speeches in Accra.",
    "The crowd outside the stadium dispersed once the rain began.",
])
def test_a_crowd_dispersing_by_itself_is_no_assault(code_text, text):
    evs = code_text(text)
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)


def test_pushing_back_a_crowd_stays_coerce(code_text):
    # near miss: no weapon and no dispersal ("police pushed back protesters": COERCE restrict)
    evs = code_text("Police cordoned off the square where the nurses had planned to rally.")
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)


# -- 2. workers walking off the job is a strike (PROTEST strike), not the demand's REQUEST -----
# docs/annotation.md section 3, PROTEST ("Dockworkers walked off the job at all three ports"),
# 11.8 (the protest's demand is its topic).

@pytest.mark.parametrize("text", [
    "Hundreds of cocoa porters in Abidjan walked off the job on Thursday to demand overtime pay.",
    "Nurses at two clinics in Blantyre walked off their jobs over months of unpaid wages.",
    "Garbage collectors in Naples walked off work to protest a new shift pattern.",
])
def test_walking_off_the_job_is_a_strike(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "PROTEST")[0]
    assert ev.mode == "strike", shown(evs)
    assert "REQUEST" not in {e.event_type for e in evs}, shown(evs)


def test_walking_off_the_job_passes_the_default_output(default_code):
    evs = default_code("Bank clerks in Harare walked off their jobs on Friday over unpaid bonuses.")
    assert happened(evs) == {"PROTEST"}, shown(evs)


@pytest.mark.parametrize("text", [
    "The senator walked off the set of the talk show in Denver.",
    "The visiting coach walked off the pitch before the final whistle in Lagos.",
])
def test_walking_off_a_stage_is_no_strike(code_text, text):
    evs = code_text(text)
    assert "PROTEST" not in {e.event_type for e in evs}, shown(evs)


def test_a_demand_in_a_letter_stays_a_request(code_text):
    # near miss: a demand made in writing is REQUEST (annotation guide 11.8)
    evs = code_text("The porters' union demanded overtime pay in a letter to the port authority.")
    assert "REQUEST" in {e.event_type for e in evs} and "PROTEST" not in {e.event_type for e in evs}, shown(evs)


def test_walking_off_a_podium_leaves_its_purpose_standing(code_text):
    # near miss: "walk off" that is no strike (weight 0) folds no act of its purpose clause
    evs = code_text("The Armenian delegation walked off the podium in Vienna to denounce the vote.")
    assert [e.event_type for e in evs] == ["ACCUSE"], shown(evs)


# -- 3. a conditional threat is made to whoever must meet the condition ---------------------
# docs/annotation.md section 3 (THREATEN) and section 6 (the recipient is the one the act is
# directed at; a description takes the entity it refers to; an IGO's officials carry its igo).

def _threat(evs):
    return of_type(evs, "THREATEN")[0]


@pytest.mark.parametrize("text, recipient", [
    ("Unless the rebels leave Goma by Friday, SADC will use force, the bloc's executive secretary warned.",
     "the rebels"),
    ("Lavrov warned that Moscow would respond if Kyiv struck Crimea.", "Kyiv"),
    ("If the militia does not quit the port, the African Union will use force, its chairman warned.",
     "the militia"),
])
def test_a_conditional_threat_is_made_to_the_condition_doer(code_text, text, recipient):
    evs = code_text(text)
    ev = _threat(evs)
    assert [r.text for r in ev.recipient] == [recipient], shown(evs)


@pytest.mark.parametrize("text, recipient", [
    # near misses: a named object stays the recipient; with no condition the warned
    # clause's subject is still the one the warning targets
    ("Lavrov warned Kyiv that Moscow would respond if the shelling went on.", "Kyiv"),
    ("Seoul warned that Pyongyang would face grave consequences.", "Pyongyang"),
])
def test_threat_recipients_near_misses(code_text, text, recipient):
    ev = _threat(code_text(text))
    assert recipient in [r.text for r in ev.recipient], shown([ev])


@pytest.mark.parametrize("text, igo", [
    ("Unless the rebels leave Goma by Friday, SADC will use force, the bloc's executive secretary warned.",
     "SADC"),
    ("ECOWAS will use force against the junta if Bazoum stays detained, the organisation's chairman warned.",
     "ECOWAS"),
])
def test_the_blocs_official_is_the_named_organisations(code_text, text, igo):
    ev = _threat(code_text(text))
    assert [(a.igo, a.country) for a in ev.actor] == [(igo, None)], shown([ev])


def test_a_possessive_description_with_no_organisation_named_before_it_is_unchanged(code_text):
    # near miss: the dockers' union is no international organisation
    evs = code_text("The dockers' union in Durban threatened a strike, the union's leader said.")
    assert all(a.igo is None for e in evs for a in e.actor), shown(evs)


# -- 4. fire aimed at a region of a country happened in that country ------------------------
# docs/annotation.md section 6 (an attacked place goes in location_text) and section 7 (the
# place where the event happened).

def _place(ev):
    return (ev.location.text, ev.location.country) if ev.location is not None else None


@pytest.mark.parametrize("text, place, country", [
    ("The Houthis launched missiles at southern Saudi Arabia on Thursday.", "southern Saudi Arabia", "SAU"),
    ("Gunmen in Gaza fired mortars into southern Israel before dawn.", "southern Israel", "ISR"),
    ("Hezbollah fighters fired rockets from Lebanon at northern Israel overnight.", "northern Israel", "ISR"),
    ("Ethiopian troops shelled northern Somalia on Sunday.", "northern Somalia", "SOM"),
])
def test_fire_at_a_region_of_a_country_lies_there(every_candidate, text, place, country):
    # the shipped coder (its recipient model reads "into southern Israel" as the target)
    ev = of_type(every_candidate(text, pub_date="2025-03-06"), "ASSAULT")[0]
    assert _place(ev) == (place, country), shown([ev])


@pytest.mark.parametrize("text, place", [
    # near misses: a country attacked as a whole is the party attacked, not a place;
    # a town inside the region's country says more and stays the place
    ("Moscow attacked Ukraine with drones on Monday.", None),
    ("Israeli jets struck southern Lebanon near the town of Tyre on Friday.", ("Tyre", "LBN")),
])
def test_attacked_country_places_near_misses(code_text, text, place):
    ev = of_type(code_text(text), "ASSAULT")[0]
    assert _place(ev) == place, shown([ev])


# -- 5. a backer names no country of the backed, and taking a town is an attack ------------
# docs/annotation.md section 6 (rebels take the country where they fight; the actor is who
# does the act), 11.12 (COERCE seize is searches and confiscation by authorities).

@pytest.mark.parametrize("text", [
    "The militiamen, backed by Burundi, seized the town of Uvira on Tuesday.",
    "Fighters supported by Eritrea captured the airport near Shire overnight.",
    "Chad-backed insurgents seized two army bases in the north.",
])
def test_a_backer_gives_no_country_to_the_backed(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    backer = {"Burundi": "BDI", "Eritrea": "ERI", "Chad": "TCD"}
    assert all(a.country not in backer.values() for a in ev.actor), shown(evs)
    assert all(a.text not in backer for a in ev.actor), shown(evs)


@pytest.mark.parametrize("text", [
    "Islamist fighters seized the town of Mopti on Saturday.",
    "Separatist gunmen seized the airport of Kramatorsk overnight.",
    "Rebels captured the village of Kamanyola after two days of fighting.",
])
def test_armed_men_taking_a_place_is_assault(code_text, text):
    evs = code_text(text)
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.mode != "abduct" and "COERCE" not in {e.event_type for e in evs}, shown(evs)


@pytest.mark.parametrize("text, etype, mode", [
    # near misses: seized goods stay COERCE seize; captured people stay ASSAULT abduct
    ("Customs agents seized a shipment of rifles in the port of Beira.", "COERCE", "seize"),
    ("Rebels captured four soldiers near the border on Monday.", "ASSAULT", "abduct"),
])
def test_seizures_near_misses(code_text, text, etype, mode):
    ev = of_type(code_text(text), etype)[0]
    assert ev.mode == mode, shown([ev])


def test_the_story_country_still_counts_a_country_named_otherwise(code_text):
    # near miss: a country named as the speaker still gives the story its country
    evs = code_text("The rebels seized the town of Sake, Rwanda said.")
    assert any(a.country == "RWA" for e in evs for a in e.actor + e.claimed_by), shown(evs)
