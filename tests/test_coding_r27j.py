"""r27j: plainly worded acts a fresh user's timeline missed. Ramming a vessel is ASSAULT
(docs/annotation.md section 11.14: "firing, ramming or water cannon is the ASSAULT of
those words"; sense:rammed-vessel-is-assault, prior 0.5). Sentences written for these
tests."""


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, round(e.confidence, 3), e.rules) for e in evs]


def test_rammed_vessel_is_kept_assault(default_code):
    evs = default_code("A Thai navy frigate rammed two Cambodian fishing boats near the disputed island.")
    ram = [e for e in evs if e.trigger == "rammed"]
    assert ram and ram[0].event_type == "ASSAULT" and ram[0].mode is None, shown(evs)
    assert "sense:rammed-vessel-is-assault" in ram[0].rules, shown(evs)
    assert [a.country for a in ram[0].actor] == ["THA"], shown(evs)


def test_rammed_vessel_beside_a_blockade_under_attribution(default_code):
    evs = default_code("Indonesian patrol vessels blocked a Malaysian fishing fleet on Thursday and rammed "
                       "two of its trawlers, according to the fisheries ministry.")
    assert any(e.event_type == "ASSAULT" and e.trigger == "rammed" for e in evs), shown(evs)


def test_truck_ramming_a_bus_is_an_accident(default_code):
    # control: no vessel object, a road accident (guide section 1: accidents are no event)
    evs = default_code("A truck rammed into a bus on the highway, killing four.")
    assert not any(e.event_type == "ASSAULT" for e in evs), shown(evs)


def test_negated_ramming_keeps_its_negation(default_code):
    # control: a denied ramming is told as the house tells a denied attack, with the
    # auxiliary mode negation (docs/annotation.md section 4), never as a plain act
    evs = default_code("The Vietnamese coast guard did not ram the Chinese trawler, the ministry said.")
    ram = [e for e in evs if e.event_type == "ASSAULT" and e.trigger == "ram"]
    assert ram and "negation" in ram[0].aux_modes, shown(evs)
