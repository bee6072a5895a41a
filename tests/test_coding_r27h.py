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


def test_refusal_to_give_up_an_outpost_is_rejection(default_code):
    evs = default_code("Vietnam said it would not abandon its outpost on the reef.")
    rej = _of(evs, "REJECT")
    assert rej and rej[0].mode == "yield" and not _of(evs, "CONCEDE"), shown(evs)


def test_commitment_not_abandoned_is_no_refusal(default_code):
    # control: a commitment kept (train gold codes it AGREE) is not turned into REJECT
    evs = default_code("Japan will not abandon its allies in the region, the premier said.")
    assert not _of(evs, "REJECT"), shown(evs)


def test_plain_abandoning_unchanged(default_code):
    # control: no negation, no refusal
    evs = default_code("The rebels said they would abandon their positions near the dam.")
    assert not _of(evs, "REJECT"), shown(evs)


def test_readiness_to_join_an_inquiry_is_agreement(default_code):
    evs = default_code("Nepal said it was ready to take part in an impartial inquiry into the shooting.")
    assert _of(evs, "AGREE") and not _of(evs, "ACCUSE"), shown(evs)


def test_launched_inquiry_stays_investigate(default_code):
    # control: an inquiry opened, no readiness
    evs = default_code("The commission launched an investigation into the shooting.")
    acc = _of(evs, "ACCUSE")
    assert acc and acc[0].mode == "investigate" and not _of(evs, "AGREE"), shown(evs)


def test_strikes_by_a_state_are_assault(default_code):
    evs = default_code("Damascus has rebuilt the depot since the 2024 strikes by Turkey.")
    assert _of(evs, "ASSAULT") and not _of(evs, "PROTEST"), shown(evs)


def test_strike_by_workers_stays_protest(default_code):
    # control: a labour cue keeps the work stoppage
    evs = default_code("The strike by dock workers entered its third day.")
    assert _of(evs, "PROTEST") and not _of(evs, "ASSAULT"), shown(evs)


def test_entry_bans_on_officials_are_sanction(default_code):
    evs = default_code("Finland announced an entry ban on four Russian officials.")
    san = _of(evs, "SANCTION")
    assert san and san[0].mode == "discontinue" and not _of(evs, "COERCE"), shown(evs)


def test_import_ban_unchanged(default_code):
    # control: a ban on goods is no entry ban
    evs = default_code("Lithuania imposed bans on imports of Belarusian potash.")
    assert _of(evs, "COERCE") and not _of(evs, "SANCTION"), shown(evs)


def test_treaty_kept_in_abeyance_is_withdrawal(default_code):
    evs = default_code("Egypt kept the Nile Waters Treaty in abeyance.")
    san = _of(evs, "SANCTION")
    assert san and san[0].mode == "withdraw" and not _of(evs, "AGREE"), shown(evs)


def test_treaty_honoured_stays_agreement(default_code):
    # control: no abeyance, the treaty is kept in force
    evs = default_code("Peru will honour the fisheries treaty with Chile.")
    assert _of(evs, "AGREE") and not _of(evs, "SANCTION"), shown(evs)


def test_mediated_talks_are_third_party(default_code):
    evs = default_code("Kenyan and Ethiopian officials held talks in Nairobi mediated by Qatar's foreign minister.")
    con = _of(evs, "CONSULT")
    assert con and con[0].mode == "third-party", shown(evs)
    # the mediator is no party of the talks (train gold: talks "hosted by" a third minister)
    assert "QAT" not in [a.country for a in con[0].actor + con[0].recipient], shown(evs)


def test_talks_without_mediator_take_no_third_party(default_code):
    # control: plain talks
    evs = default_code("Armenia and Azerbaijan held talks on Tuesday.")
    con = _of(evs, "CONSULT")
    assert con and con[0].mode != "third-party", shown(evs)
