"""r28r: acts given to the wrong party around an accusation, by kind (fresh users' trials).

- a result participle the parse hung on an accusing verb ("accused the jets of bombing
  its positions, killing 11") is the result of the charged act, not an act of the accuser:
  no ASSAULT by the accuser, the charged act by the accused stays
  (coder._charged_result);
- an act in an "accused of" reduced relative ("sanctions on two militia leaders accused
  of ordering the killings") or after a passive "was accused of" is the accused's, not
  the main clause subject's (arguments._controller).
Sentences written for these tests."""


def events_of(evs, etype):
    return [e for e in evs if e.event_type == etype]


def countries(parties):
    return [a.country for a in parties]


def test_result_participle_after_accusation_is_not_the_accusers(default_code):
    evs = default_code("A rebel commander in Chad had accused Sudanese jets of bombing rebel camps "
                       "near Abeche on Monday, killing 11.")
    assaults = events_of(evs, "ASSAULT")
    assert [e.trigger for e in assaults] == ["bombing"]
    assert countries(assaults[0].actor) == ["SDN"]
    assert [e.trigger for e in events_of(evs, "ACCUSE")] == ["accused"]


def test_result_participle_with_victims_goes_to_the_charged_act(default_code):
    evs = default_code("The Malian army accused the insurgents of ambushing a convoy near Gao, killing six soldiers.")
    assaults = events_of(evs, "ASSAULT")
    assert len(assaults) == 1
    assert [a.text for a in assaults[0].actor] == ["the insurgents"]


def test_control_result_participle_of_a_plain_attack_stays_one_event(default_code):
    evs = default_code("Sudanese jets bombed rebel camps near Abeche on Monday, killing 9.")
    assaults = events_of(evs, "ASSAULT")
    assert len(assaults) == 1 and countries(assaults[0].actor) == ["SDN"]


def test_act_in_accused_of_reduced_relative_is_the_accused(default_code):
    evs = default_code("Canada froze the assets of four Syrian officers accused of torturing detainees in Aleppo.")
    torture = [e for e in evs if e.trigger == "torturing"]
    assert torture and [a.text for a in torture[0].actor] == ["four Syrian officers"]
    assert "CAN" not in countries(torture[0].actor)


def test_noun_act_in_accused_of_reduced_relative_is_the_accused(default_code):
    evs = default_code("The European Union imposed sanctions on two Congolese militia leaders "
                       "accused of ordering the killings in Goma.")
    assaults = events_of(evs, "ASSAULT")
    assert assaults
    assert all(a.text != "The European Union" for e in assaults for a in e.actor)
    assert [a.text for a in assaults[0].actor] == ["two Congolese militia leaders"]


def test_control_relative_clause_act_keeps_its_subject(default_code):
    evs = default_code("Canada froze the assets of four Syrian officers who tortured detainees in Aleppo.")
    torture = [e for e in evs if e.trigger == "tortured"]
    assert torture and [a.text for a in torture[0].actor] == ["four Syrian officers"]
