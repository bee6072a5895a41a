"""r26r: acts a user's timelines missed. Sentences written for these tests.

- Letting an aid convoy through (or granting it passage) is RETREAT access: the annotation
  guide section 3, RETREAT, lists "letting observers, peacekeepers or aid workers in";
  persons let pass stay CONCEDE as the corpus train split codes "will let them pass".
- Arms carried for another state's forces are AID (guide section 3, AID: "arms and military
  or police equipment"); an aircraft landing is no ASSAULT.
- Armed men looting are ASSAULT (guide 11.12); looting rioters stay PROTEST riot (train gold).
"""


def kinds(evs):
    return [(e.event_type, e.mode, e.trigger) for e in evs]


def test_convoy_let_through_is_access(default_code):
    evs = default_code("The rebels allowed a Red Cross aid convoy through their roadblocks on Friday.")
    assert ("RETREAT", "access") in [(e.event_type, e.mode) for e in evs], kinds(evs)
    assert "CONCEDE" not in [e.event_type for e in evs], kinds(evs)


def test_pronoun_convoy_let_through_is_access(default_code):
    evs = default_code("A relief convoy of 12 lorries entered the town after the army allowed it through.")
    acc = [e for e in evs if e.trigger == "allowed"]
    assert acc and (acc[0].event_type, acc[0].mode) == ("RETREAT", "access"), kinds(evs)
    assert [a.text for a in acc[0].actor] == ["the army"], kinds(evs)


def test_granted_passage_to_convoy_is_access(default_code):
    evs = default_code("The junta granted safe passage to the humanitarian convoy.")
    assert ("RETREAT", "access") in [(e.event_type, e.mode) for e in evs], kinds(evs)


def test_persons_let_in_stay_concession(default_code):
    # control: letting people pass is no aid access
    evs = default_code("The border police allowed the stranded travellers to cross on Monday.")
    assert "RETREAT" not in [e.event_type for e in evs], kinds(evs)


def test_arms_carried_for_another_army_are_aid(default_code):
    evs = default_code("Three Turkish cargo planes arrived in Tripoli carrying rifles and ammunition for the Libyan army.")
    aid = [e for e in evs if e.event_type == "AID"]
    assert aid and [r.country for r in aid[0].recipient] == ["LBY"], kinds(evs)
    assert "ASSAULT" not in [e.event_type for e in evs], kinds(evs)


def test_landing_is_no_attack(default_code):
    evs = default_code("Two Algerian air force transport planes landed at Niamey airport on Friday.")
    assert "ASSAULT" not in [e.event_type for e in evs], kinds(evs)


def test_carrying_relief_not_arms_aid_rule(default_code):
    # control: carrying goods with no forces named keeps no military AID of this rule
    evs = default_code("The ferry was carrying weapons when customs officers searched it.")
    assert all("frame:arms-carried-for-forces-are-aid" not in e.rules for e in evs), kinds(evs)


def test_armed_looting_is_assault(default_code):
    evs = default_code("Militiamen looted the clinic and the grain store before leaving the village.")
    assert [e.event_type for e in evs if e.trigger == "looted"] == ["ASSAULT"], kinds(evs)


def test_rioters_looting_is_no_assault(default_code):
    # control: rioters who loot are PROTEST riot (train gold), never ASSAULT
    evs = default_code("Rioters looted shops in the port city after the verdict.")
    assert "ASSAULT" not in [e.event_type for e in evs if e.trigger == "looted"], kinds(evs)


def test_asked_passage_is_the_request_not_access(default_code):
    # control: letting aid through that is asked for is the request's (train gold: "call for
    # Russia to ... allow sustained safe passage" is REQUEST only)
    evs = default_code("The envoy urged the army to allow safe passage for the aid convoys.")
    assert "RETREAT" not in [e.event_type for e in evs], kinds(evs)


def test_marines_landing_stays_an_attack(default_code):
    # control: troops landing on a shore are an amphibious assault (train gold codes one)
    evs = default_code("Marines landed on the beaches north of the port at dawn.")
    assert all("filter:landing-is-no-attack" not in e.rules for e in evs), kinds(evs)
