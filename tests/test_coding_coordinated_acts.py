"""Issue 16, second events of coordinated clauses: a speech act told beside another one
by a "while" participle, by a verb coordinated with a chosen purpose, or by a light verb
with its speech noun ("underscored his support") is an event of its own (annotation
guide, section 2: one event object per distinct act). All sentences are invented."""

from __future__ import annotations

import pytest

from conftest import happened, shown


# --------------------------------------------------------------- "while" + participle

@pytest.mark.parametrize("text, first, second", [
    ("The ministry welcomed the truce while condemning the militia's raids on farms.", "SUPPORT", "ACCUSE"),
    ("The spokesman rejected the report while accusing the opposition of inventing it.", "REJECT", "ACCUSE"),
    ("The envoy praised the mediators while urging both factions to resume talks.", "SUPPORT", "REQUEST"),
])
def test_a_while_participle_is_a_second_act(default_code, code_text, text, first, second):
    # the participle is done at the same time as the main verb, by the same party: not
    # its purpose nor its complement, so it is not folded (words.yaml simultaneous_act_marks)
    for evs in (default_code(text), code_text(text)):
        assert {first, second} <= happened(evs), shown(evs)


@pytest.mark.parametrize("text, absent", [
    # another marker keeps the participle folded: "after" tells what came before, and a
    # meeting told so is background to the act, as before
    ("After meeting the envoy, the minister condemned the raid on the port.", "CONSULT"),
    # a participle of the main event's own type gives no second event of that type
    ("The foreign minister condemned the raid while criticising the delay.", None),
])
def test_other_participles_are_unchanged(code_text, text, absent):
    evs = code_text(text)
    assert "ACCUSE" in happened(evs), shown(evs)
    if absent:
        assert absent not in happened(evs), shown(evs)
    else:
        assert [e.event_type for e in evs].count("ACCUSE") == 1, shown(evs)


# ------------------------------------------- coordinated with a chosen (non-main) event

def test_a_verb_coordinated_with_a_chosen_purpose_is_an_act(default_code, code_text):
    # "met to condemn X and demand Y": the demand is coordinated with the purpose, an
    # event already chosen beside the meeting, so it is an act of its own too
    text = "The delegates met in Oslo to condemn the blockade and demand its immediate end."
    for evs in (default_code(text), code_text(text)):
        assert {"CONSULT", "ACCUSE", "REQUEST"} <= happened(evs), shown(evs)


def test_a_coordinated_topic_is_no_act(code_text):
    evs = code_text("The delegates met in Oslo to discuss the blockade and its end.")
    assert "REQUEST" not in happened(evs) and "ACCUSE" not in happened(evs), shown(evs)


# -------------------------------------------------- light verb + speech noun, coordinated

@pytest.mark.parametrize("text, first", [
    ("The foreign minister expressed concern about the evictions and voiced support for "
     "the tenants' lawyers.", "ACCUSE"),
    ("The president reaffirmed the value of the partnership and underscored his firm "
     "support for Moldova's reforms.", "AGREE"),
])
def test_a_coordinated_light_verb_with_support_is_an_act(code_text, text, first):
    # "voiced / underscored his support for X", coordinated with the main verb: SUPPORT
    # beside the main event (a light verb and its speech noun weigh 0.5)
    evs = code_text(text)
    assert {first, "SUPPORT"} <= happened(evs), shown(evs)


def test_a_coordinated_light_verb_without_a_speech_noun_is_no_act(code_text):
    evs = code_text("The premier reaffirmed the treaty's importance and underscored the risks of delay.")
    assert "SUPPORT" not in happened(evs), shown(evs)
