"""r27j: plainly worded acts a fresh user's timeline missed. Ramming a vessel is ASSAULT
(docs/annotation.md section 11.14: "firing, ramming or water cannon is the ASSAULT of
those words"; sense:rammed-vessel-is-assault, prior 0.5). A short title-case headline
whose only common word is its verb ("X Deports 25 Y") is rewritten in sentence case
before parsing (truecase._headline_verb). Sentences written for these tests. The story_code fixture is conftest's."""


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


def test_short_title_case_headline_with_its_verb_is_coded(story_code):
    # a three-word headline whose only lower-case word is its verb (truecase._headline_verb)
    evs = story_code("Chile Deports 25 Venezuelans")
    dep = [e for e in evs if e.event_type == "COERCE"]
    assert dep and dep[0].mode == "deport", shown(evs)
    assert [a.country for a in dep[0].actor] == ["CHL"], shown(evs)
    assert [r.country for r in dep[0].recipient] == ["VEN"], shown(evs)


def test_short_title_line_rules():
    from tidings.truecase import is_title_line, title_case
    assert is_title_line("Thailand Arrests 12 Fishermen")
    assert title_case("Chile Deports 25 Venezuelans") == "Chile deports 25 Venezuelans"
    # controls: a name with one common word, a verb in the past (no headline tense),
    # and a list line with no verb stay as written
    assert not is_title_line("Jane Rose Davis")
    assert not is_title_line("Chile Deported 25 Venezuelans")
    assert not is_title_line("Thomas Young, Senior Advisor")


def test_court_order_to_hold_in_custody_is_arrest(default_code):
    # frame:ordered-held-in-custody-is-arrest ("pre-trial" written with its hyphen)
    evs = default_code("A court in Valparaiso ordered him held in pre-trial detention for three months.")
    arr = [e for e in evs if e.event_type == "COERCE" and e.trigger == "held"]
    assert arr and arr[0].mode == "arrest", shown(evs)
    assert "frame:ordered-held-in-custody-is-arrest" in arr[0].rules, shown(evs)


def test_holding_without_an_order_or_custody_is_not_this_arrest(default_code):
    # controls: a description of people held (no order) and an order with no custody phrase
    for text in ("Rights groups listed the names of journalists held in detention across the region.",
                 "The judge ordered him held without bail."):
        evs = default_code(text)
        assert not any("frame:ordered-held-in-custody-is-arrest" in e.rules for e in evs), shown(evs)


def test_ordered_detention_in_a_story_never_makes_the_detainee_its_actor(story_code):
    evs = story_code("Peruvian police arrested opposition leader Ana Ruiz on Friday. "
                     "A court in Lima later ordered her held in pre-trial detention for two months.")
    held = [e for e in evs if e.trigger == "held"]
    assert held and held[0].event_type == "COERCE" and held[0].mode == "arrest", shown(evs)
    assert not any("Ruiz" in a.text for a in held[0].actor), shown(evs)
