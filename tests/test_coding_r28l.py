"""r28l: false dyads, by kind (a fresh user's trial, twenty-eighth round). Sentences
written for these tests, with controls.

- A nationality word on people or premises that are foreign by nature ("two Danish
  diplomats", "the Dutch embassy") names whose guests they are, not the country the
  sentence happens in: an unnamed "the government" under a dated dateline stays the
  dateline's state (docs/annotation.md section 6).
- The direct object of a giving verb with a "to" phrase ("supply military equipment to
  X") is the thing given, never a party (PLOVER manual, recipient; guide, AID)."""


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country, a.how) for a in e.actor],
             [(r.text, r.country, r.how) for r in e.recipient]) for e in evs]


def _one(evs, trigger):
    hit = [e for e in evs if e.trigger == trigger]
    assert hit, shown(evs)
    return hit[0]


def test_government_expelling_foreign_diplomats_is_the_datelines_state(default_code):
    evs = default_code("LUSAKA, April 14 - The government expelled three Danish diplomats on Tuesday.")
    ev = _one(evs, "expelled")
    assert [(a.text, a.country) for a in ev.actor] == [("The government", "ZMB")], shown(evs)
    assert [r.country for r in ev.recipient] == ["DNK"], shown(evs)


def test_court_beside_a_foreign_embassy_is_the_datelines(default_code):
    evs = default_code("LIMA, April 14 - The Supreme Court ordered the arrest of a guard at the Dutch embassy "
                       "on Tuesday.")
    ev = [e for e in evs if e.actor and e.actor[0].text == "The Supreme Court"]
    assert ev and ev[0].actor[0].country == "PER", shown(evs)


def test_nationality_of_a_place_still_moves_home_nouns(default_code):
    # control: "the Malian town of Gao" says where the raid happens (r27n kept)
    evs = default_code("DAKAR, April 14 - The army raided the Malian town of Gao on Tuesday.")
    ev = _one(evs, "raided")
    assert [a.country for a in ev.actor] == ["MLI"], shown(evs)


def test_thing_supplied_to_a_state_is_no_recipient(default_code):
    evs = default_code("Turkey will also supply armoured vehicles to Libya, a Turkish official said.")
    ev = _one(evs, "supply")
    assert [(r.text, r.country) for r in ev.recipient] == [("Libya", "LBY")], shown(evs)


def test_boats_delivered_to_a_coast_guard_are_no_recipient(default_code):
    evs = default_code("Japan delivered two patrol boats to the Philippine coast guard on Monday.")
    ev = _one(evs, "delivered")
    assert [r.country for r in ev.recipient] == ["PHL"], shown(evs)
    assert all("boats" not in r.text for r in ev.recipient), shown(evs)


def test_indirect_object_stays_the_recipient(default_code):
    # control: no "to" phrase; the indirect object is the party (as before)
    evs = default_code("India gave Nepal two helicopters.")
    ev = _one(evs, "gave")
    assert [(r.text, r.country) for r in ev.recipient] == [("Nepal", "NPL")], shown(evs)


def test_sides_of_a_mediated_swap_are_the_swappers_not_the_mediators(default_code):
    evs = default_code("CAIRO, April 9 - The Ethiopian government and the TPLF exchanged 80 prisoners on Thursday "
                       "under the mediation of Egypt and the African Union. The sides agreed to meet again next month.")
    ev = _one(evs, "agreed")
    assert sorted((a.country, a.sector) for a in ev.actor) == [("ETH", "GOV"), ("ETH", "REB")], shown(evs)


def test_sides_of_mediated_talks_stay_the_parties_that_met(default_code):
    # control: talks told by their parties, mediation beside them (as before)
    evs = default_code("CAIRO, April 9 - Ethiopia and Eritrea held talks on Thursday under the mediation of Egypt. "
                       "The sides agreed to meet again next month.")
    ev = _one(evs, "agreed")
    assert sorted(a.country for a in ev.actor) == ["ERI", "ETH"], shown(evs)


def test_it_in_a_relative_clause_on_the_object_is_the_clauses_subject(default_code):
    # "Iran, which it accuses": "it" is the ministry, not the story's last "it" (Britain)
    evs = default_code("LONDON, March 13 - Britain on Thursday imposed sanctions on two Houthi commanders. "
                       "The Yemeni foreign ministry urged sanctions on Iran, which it accuses of arming the rebels.")
    ev = _one(evs, "accuses")
    assert [a.country for a in ev.actor] == ["YEM"], shown(evs)
    assert [r.country for r in ev.recipient] == ["IRN"], shown(evs)


def test_relative_subject_antecedent_needs_an_object_relative():
    # control: a main clause whose subject is itself a pronoun gives no antecedent here
    from tidings.analyse import load_nlp
    from tidings.coding.syntax import relative_subject_antecedent

    doc = load_nlp()("They urged sanctions on Peru, which it accuses of abuses.")
    it = next(t for t in doc if t.lower_ == "it")
    assert relative_subject_antecedent(it) is None
    doc = load_nlp()("Chile urged sanctions on Peru, which it accuses of abuses.")
    it = next(t for t in doc if t.lower_ == "it")
    assert relative_subject_antecedent(it).text == "Chile"
