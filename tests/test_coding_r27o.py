"""r27o: wrong parties of specific constructions (a fresh user's false dyads), by kind.
Sentences written for these tests (docs/annotation.md section 6: the recipient is whom
the act is directed at; section 5: passives)."""


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country) for r in e.recipient]) for e in evs]


def test_thing_supplied_with_is_no_recipient(default_code):
    # "provide X with Y": X receives, Y (the drones, Turkish) is the thing supplied
    evs = default_code("Turkey will provide Azerbaijan with ten Turkish drones.")
    ev = [e for e in evs if e.trigger == "provide"]
    assert ev and [r.country for r in ev[0].recipient] == ["AZE"], shown(evs)
    assert [a.country for a in ev[0].actor] == ["TUR"], shown(evs)


def test_partner_of_with_kept_without_object(default_code):
    # control: with no direct object the "with" phrase is the partner
    evs = default_code("Chile agreed to cooperate with Peru on border security.")
    ev = [e for e in evs if e.event_type == "AGREE"]
    assert ev and [r.country for r in ev[0].recipient] == ["PER"], shown(evs)
