"""r26ad: mediators, guarantors and vague descriptions of unnamed states are no party
(annotation guide section 6: reciprocal acts have every party as actor and no recipient;
a country only when the text says whose; section 3, CONSULT third-party). Sentences
written for these tests."""


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country, r.how) for r in e.recipient]) for e in evs]


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype]


def test_nationality_mediators_under_mediation_are_no_recipient(default_code):
    evs = default_code("Envoys of the Ethiopian government and the TPLF agreed to prolong the truce "
                       "under Kenyan and South African mediation, officials said on Tuesday.")
    agr = _of(evs, "AGREE")
    assert agr and {a.country for a in agr[0].actor} == {"ETH"}, shown(evs)
    assert agr[0].recipient == [], shown(evs)


def test_accepted_mediation_keeps_its_mediator(default_code):
    # control: a mediation that is what is agreed to, not its circumstance, keeps the
    # mediator as the recipient (the train gold: "agrees with Perez' mediation": UN)
    evs = default_code("Chad agreed on Tuesday to a French proposal on troop withdrawal.")
    agr = _of(evs, "AGREE")
    assert agr and [r.country for r in agr[0].recipient] == ["FRA"], shown(evs)


def test_guarantors_of_a_signed_deal_are_no_recipient(default_code):
    evs = default_code("Colombia and the ELN signed a new accord on Wednesday with Chile and Norway as guarantors.")
    ev = [e for e in evs if e.trigger == "signed"]
    assert ev and {a.country for a in ev[0].actor} == {"COL"}, shown(evs)
    assert ev[0].recipient == [], shown(evs)


def test_signing_with_a_partner_keeps_the_partner(default_code):
    # control: the other side of a bilateral deal stays its recipient
    evs = default_code("Kenya signed a trade agreement with Tanzania on Tuesday.")
    ev = [e for e in evs if e.trigger == "signed"]
    assert ev and [r.country for r in ev[0].recipient] == ["TZA"], shown(evs)


def test_non_riparian_states_take_no_dateline_country(default_code):
    evs = default_code("CAIRO, Nov 3 (Wire) - Egypt and Sudan opposed the presence of "
                       "non-riparian states on the Nile on Tuesday.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].recipient, shown(evs)
    assert all(r.country is None and r.how == "generic party" for r in rej[0].recipient), shown(evs)


def test_foreign_and_regional_states_take_no_dateline_country(default_code):
    # (the train gold gives "FOREIGN POWERS" and "regional states and institutions" no
    # country; main gave both the dateline's KEN)
    for phrase in ("foreign states", "regional states"):
        evs = default_code(f"NAIROBI, Nov 3 (Wire) - Kenya and Uganda opposed the presence of "
                           f"{phrase} on the lake on Tuesday.")
        rej = _of(evs, "REJECT")
        assert rej and {a.country for a in rej[0].actor} == {"KEN", "UGA"}, shown(evs)
        assert [(r.text, r.country) for r in rej[0].recipient] == [(phrase, None)], shown(evs)


def test_named_states_still_resolved(default_code):
    # control: a state the sentence names is resolved as itself
    evs = default_code("CAIRO, Nov 3 (Wire) - Egypt and Sudan opposed the presence of "
                       "Ethiopian troops on the Nile on Tuesday.")
    rej = _of(evs, "REJECT")
    assert rej and [r.country for r in rej[0].recipient] == ["ETH"], shown(evs)


def test_shared_subdivision_name_takes_the_story_country():
    # "Red Sea" names a state of Sudan and a governorate of Egypt (aliases.json
    # subdivision_names EG-BA): the story's country picks, else neither
    from tidings.places import resolve_place

    assert resolve_place("Red Sea governorate", ("EGY",), "admin1").country == "EGY"
    assert resolve_place("Red Sea state", ("SDN",), "admin1").country == "SDN"
    # with no story country, the admin word names the state (tables.yaml
    # subdivision_admin_words: Egypt's subdivisions are governorates, Sudan's states);
    # a shared name with no admin word names neither
    assert resolve_place("Red Sea governorate", (), "admin1").country == "EGY"
    assert resolve_place("Red Sea state", (), "admin1").country == "SDN"
    none = resolve_place("Punjab", (), "admin1")
    assert (none.country, none.feature) == (None, "other")


def test_unshared_subdivision_name_unchanged():
    # control: a name one state alone gives a subdivision keeps it without context
    from tidings.places import resolve_place

    p = resolve_place("Dakahlia governorate", (), "admin1")
    assert (p.country, p.feature) == ("EGY", "admin1")
    assert resolve_place("Kassala state", (), "admin1").country == "SDN"


def test_egyptian_police_in_red_sea_governorate(default_code):
    evs = default_code("Egyptian police arrested twelve smugglers in the Red Sea governorate on Thursday.")
    arr = _of(evs, "COERCE")
    assert arr and arr[0].location is not None and arr[0].location.country == "EGY", shown(evs)
