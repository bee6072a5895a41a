"""r26a: pronoun parties of a dyad timeline (docs/annotation.md section 6: a pronoun takes
the entity it refers to; section 7: the location is where the event happened). Sentences
written for these tests."""


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country) for r in e.recipient], (e.location or None) and e.location.name) for e in evs]


def test_it_of_a_coordinated_speech_verb_is_the_shared_subject(default_code):
    evs = default_code("Thailand thanked the Cambodian government and said it would release the 14 fishermen next week.")
    rel = [e for e in evs if e.trigger == "release"]
    assert rel and [a.country for a in rel[0].actor] == ["THA"], shown(evs)


def test_it_of_a_speech_verb_with_its_own_subject_unchanged(default_code):
    # control: the speech verb's own subject, as before
    evs = default_code("Chile said it would reopen the northern border crossing with Peru.")
    rel = [e for e in evs if e.trigger == "reopen"]
    assert rel and [a.country for a in rel[0].actor] == ["CHL"], shown(evs)


def test_home_of_a_party_is_not_the_event_place(default_code):
    evs = default_code("Senegal's gendarmerie arrested three customs officers on Friday. "
                       "The interior minister accused groups based in Gambia of paying the officers.")
    acc = [e for e in evs if e.event_type == "ACCUSE"]
    assert acc and acc[0].location is None, shown(evs)
    assert [a.country for a in acc[0].actor] == ["SEN"], shown(evs)


def test_place_of_the_act_still_the_event_place(default_code):
    # control: a place phrase of the act itself stays its place
    evs = default_code("Senegal's gendarmerie arrested three customs officers in Gambia on Friday.")
    arr = [e for e in evs if e.event_type == "COERCE"]
    assert arr and arr[0].location is not None and arr[0].location.country == "GMB", shown(evs)
