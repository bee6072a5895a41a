"""r27k: false dyads of a fresh user's trial, by kind (docs/annotation.md section 5: a
passive with no agent has an empty actor; section 6: the actor is who does the act, a
reporting speaker is ``claimed_by``). Sentences written for these tests."""


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country) for r in e.recipient], [c.text for c in e.claimed_by]) for e in evs]


def test_agentless_passive_in_a_condition_has_no_main_clause_actor(default_code):
    evs = default_code("A senior Venezuelan navy commander warned that Venezuela would close the gulf "
                       "if its oil shipments were blocked.")
    blk = [e for e in evs if e.trigger == "blocked"]
    assert blk and blk[0].actor == [], shown(evs)


def test_unless_clause_passive_has_no_main_clause_actor(default_code):
    evs = default_code("Chile will close the border crossing unless the detained truckers are released.")
    rel = [e for e in evs if e.trigger == "released"]
    assert all(not any(a.country == "CHL" for a in e.actor) for e in rel), shown(evs)


def test_active_condition_clause_keeps_its_subject(default_code):
    # control: a condition clause with a subject of its own names its actor
    evs = default_code("Ecuador warned that it would shut the Pacific port if Peru expelled its diplomats.")
    exp = [e for e in evs if e.trigger == "expelled"]
    assert exp and [a.country for a in exp[0].actor] == ["PER"], shown(evs)


def test_speaker_of_an_existential_clash_is_its_source_not_its_actor(default_code):
    evs = default_code("There were no clashes near the Tanzanian border on Saturday, a Kenyan police spokesman said.")
    cl = [e for e in evs if e.trigger == "clashes"]
    assert cl and cl[0].actor == [] and cl[0].recipient == [], shown(evs)
    assert [c.text for c in cl[0].claimed_by] == ["a Kenyan police spokesman"], shown(evs)


def test_existential_clash_between_named_sides_keeps_them(default_code):
    # control: the sides the clause names stay the actors
    evs = default_code("There were heavy clashes between Kurdish fighters and Turkish troops on Friday, "
                       "a Syrian police official said.")
    cl = [e for e in evs if e.trigger == "clashes"]
    assert cl and "Turkish troops" in [a.text for a in cl[0].actor], shown(evs)
    assert [c.text for c in cl[0].claimed_by] == ["a Syrian police official"], shown(evs)
