"""r27h: event types and modes of a fresh users' trial, by kind (docs/annotation.md
section 5: a denial is REJECT with mode null; PLOVER manual, ASSAULT modes: unconventional
names the weapon, not the target). Sentences written for these tests."""


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, [a.country for a in e.actor], [r.country for r in e.recipient])
            for e in evs]


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype]


def test_denied_act_gives_no_mode(default_code):
    evs = default_code("Ghana denied hosting any foreign military base.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode is None, shown(evs)


def test_denied_violation_gives_no_mode(default_code):
    evs = default_code("Armenia denies breaking the border truce.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode is None, shown(evs)


def test_denied_request_keeps_the_refused_mode(default_code):
    # control: a denied request for talks is a refusal of a meeting
    evs = default_code("Uganda denied Kenya's request for talks.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode == "meet", shown(evs)


def test_rejected_invitation_keeps_meet(default_code):
    # control: "reject" is no denial of a charge
    evs = default_code("Kenya rejected the invitation to talks with Somalia.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode == "meet", shown(evs)


def test_nuclear_target_is_no_nuclear_weapon(default_code):
    evs = default_code("American jets struck three nuclear facilities in Syria.")
    ass = _of(evs, "ASSAULT")
    assert ass and ass[0].mode == "aerial", shown(evs)


def test_nuclear_weapon_is_unconventional(default_code):
    # control: a nuclear weapon named as the means
    evs = default_code("Russia attacked Kyiv with nuclear weapons.")
    ass = _of(evs, "ASSAULT")
    assert ass and ass[0].mode == "unconventional", shown(evs)


def test_chemical_bombs_on_a_nuclear_site_stay_unconventional(default_code):
    # control: another weapon cue beside a nuclear target
    evs = default_code("Warplanes struck nuclear sites with chemical bombs.")
    ass = _of(evs, "ASSAULT")
    assert ass and ass[0].mode == "unconventional", shown(evs)
