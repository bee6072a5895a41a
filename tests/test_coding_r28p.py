"""r28p: an accident's result participle is no ASSAULT, broken re- lemmas are mended from
data (lemma_repairs.tsv), military advisers sent to help are AID, an escalation announced on
condition is THREATEN. Sentences written for these tests (no shared or corpus text)."""
from __future__ import annotations

import pytest

from conftest import shown


def _of(evs, etype):
    return [e for e in evs if e.event_type == etype]


# ---------------------------------------------------------------- accidents' result participles

@pytest.mark.parametrize("text", [
    "A boiler blew up at a cotton gin near the border, killing four labourers.",
    "An overloaded coach hit a fuel tanker on the coastal road, killing 17 passengers.",
    "A footbridge gave way during the river festival, injuring 30 people.",
    "A fire swept through a timber market overnight, killing six traders.",
])
def test_result_participle_of_accident_is_no_assault(default_code, text):
    """'..., killing N' after a boiler, a vehicle, a structure or a fire is the accident's toll
    (filter:result-of-accident-is-no-assault; PLOVER manual, Introduction)."""
    evs = default_code(text)
    assert not _of(evs, "ASSAULT"), shown(evs)


@pytest.mark.parametrize("text", [
    "Gunmen attacked a minibus on the northern road, killing seven passengers.",
    "A landmine exploded under a tractor in the valley, killing two farmers.",
    "Militants blew up a fuel depot outside the city, killing three guards.",
])
def test_result_participle_of_attack_stays_assault(default_code, text):
    """Controls: after an attack or with a weapon named the participle stays ASSAULT."""
    evs = default_code(text)
    assert _of(evs, "ASSAULT"), shown(evs)


def test_result_participle_rule_names_itself(code_text):
    """The rule layer keeps no ASSAULT for the participle and the filter is what dropped it."""
    evs = code_text("A steam boiler blew up at the tannery, killing three workers.")
    assert not _of(evs, "ASSAULT"), shown(evs)


# ---------------------------------------------------------------- lemma repairs

@pytest.mark.parametrize("text, lemma", [
    ("The editor was rearrested on Thursday, a week after his release on bail.", "rearrest"),
    ("Authorities redetained the blogger two days after a court freed him.", "redetain"),
])
def test_rearrest_is_coerce_arrest(code_text, text, lemma):
    """spaCy lemmatises "rearrested" as "rearreste"; data/lemma_repairs.tsv mends it and the
    lexicon's rearrest row makes COERCE arrest (train gold: 'He was rearrested ...')."""
    evs = code_text(text)
    got = [e for e in _of(evs, "COERCE") if e.mode == "arrest"]
    assert got and f"lexicon:{lemma}/V" in got[0].rules, shown(evs)


def test_hyphenated_rearrest_is_coerce_arrest(code_text):
    evs = code_text("Police re-arrested the union leader hours after he walked free.")
    assert [e for e in _of(evs, "COERCE") if e.mode == "arrest"], shown(evs)


def test_retook_is_lemmatised_retake(code_text):
    evs = code_text("Government troops retook the port town of Mersa on Sunday.")
    got = _of(evs, "ASSAULT")
    assert got and "lexicon:retake/V" in got[0].rules, shown(evs)


def test_lemma_repairs_leave_the_parse_alone(nlp, coder):
    """The repair lasts while the story is coded: the Doc keeps spaCy's lemma after."""
    from tidings.records import Story

    text = "He was rearrested in May."
    doc = nlp(text)
    coder.code_doc(doc, Story(id="t", text=text, pub_date="2025-01-01"))
    assert doc[2].lemma_ == "rearreste"


def test_lemma_repair_table_checks():
    from tidings.errors import TidingsError
    from tidings.spelling import load_lemma_repairs, parse_lemma_repairs

    assert load_lemma_repairs()["rearreste"] == "rearrest"
    head = "spacy_lemma\tlemma\twhy\n"
    assert parse_lemma_repairs(head + "redetaine\tredetain\tredetained\n") == {"redetaine": "redetain"}
    for bad in ("redetaine\tredetaine\tx\n",          # repaired to itself
                "redetaine\tredetain\n",              # no reason
                "Redetaine\tredetain\tx\n",           # not lower case
                "a\tb\tx\nb\tc\tx\n",                 # chained
                "a\tb\tx\na\tc\tx\n"):                # twice
        with pytest.raises(TidingsError):
            parse_lemma_repairs(head + bad)
    with pytest.raises(TidingsError):
        parse_lemma_repairs(head + "criticise\tcriticize\tx\n", {"criticise": "criticize"})
    with pytest.raises(TidingsError):
        parse_lemma_repairs("redetaine\tredetain\tx\n")   # no header


# ---------------------------------------------------------------- military advisers sent or arriving

@pytest.mark.parametrize("text, actor, recipient", [
    ("Moscow sent 80 military advisers to the Central African Republic to help train its army.", "RUS", "CAF"),
    ("Britain deployed a team of military trainers to Kenya to assist its forces against al-Shabaab.",
     "GBR", "KEN"),
    ("Some 200 Russian instructors arrived at the airport in Bamako as part of a military cooperation agreement.",
     "RUS", "MLI"),
])
def test_military_advisers_sent_are_aid(default_code, text, actor, recipient):
    """Advisers, instructors or trainers a state sends to another's forces are AID, the
    sending state the actor and the host the recipient, never the advisers themselves
    (sense:sent-military-advisers-are-aid, sense:arrived-military-advisers-are-aid; train
    gold: military advisers who travelled to help counter an offensive are AID)."""
    evs = default_code(text)
    got = _of(evs, "AID")
    assert got, shown(evs)
    assert [a.country for a in got[0].actor] == [actor], shown(evs)
    assert [r.country for r in got[0].recipient] == [recipient], got[0].recipient
    assert not _of(evs, "MOBILIZE"), shown(evs)


@pytest.mark.parametrize("text", [
    "Chinese military experts arrived in Harare on Monday for a conference on peacekeeping.",
    "Egypt dispatched military experts to Khartoum for a conference on border security.",
    "Instructors at the national military academy in Kaduna trained 300 cadets.",
    "The World Bank sent economic advisers to Lusaka to review the budget.",
])
def test_advisers_at_home_or_at_a_conference_are_no_aid(default_code, text):
    """Controls: a gathering the experts go to, a domestic academy, advisers with no military
    word: no AID."""
    evs = default_code(text)
    assert not _of(evs, "AID"), shown(evs)


def test_experts_sent_to_investigate_keep_the_purpose(code_text):
    """Control: the purpose fold still carries non-military experts ('sent experts to
    investigate the killings' is ACCUSE investigate, fold:motion-takes-its-purpose)."""
    evs = code_text("The African Union sent experts to investigate the massacre in the north.")
    assert [e for e in evs if e.event_type == "ACCUSE" and e.mode == "investigate"], shown(evs)


# ---------------------------------------------------------------- escalation announced on condition

@pytest.mark.parametrize("text", [
    "Iran will begin enriching uranium to 90 percent purity if European countries trigger the snapback.",
    "Pyongyang will resume nuclear testing if Washington goes ahead with the drills.",
])
def test_conditional_escalation_is_threat(default_code, text):
    """Enrichment and weapons testing are MOBILIZE weapons (frame:enriched-uranium-is-weapons-
    mobilization, frame:weapon-testing-is-mobilization); announced as the price of another
    party's act they are THREATEN (event:conditional-escalation-is-threat; the modal may stand
    on the phase verb, "will begin enriching")."""
    evs = default_code(text)
    got = _of(evs, "THREATEN")
    assert got and "event:conditional-escalation-is-threat" in got[0].rules, shown(evs)
    assert not [e for e in evs if e.event_type == "MOBILIZE" and e.mode == "weapons"], shown(evs)


@pytest.mark.parametrize("text", [
    "Iran began enriching uranium to 60 percent at a second site on Monday.",
    "Tehran resumed enriching uranium at its underground plant on Monday.",
    "Pyongyang conducted its seventh nuclear test on Sunday.",
])
def test_escalation_done_is_mobilize_weapons(code_text, text):
    evs = code_text(text)
    got = [e for e in evs if e.event_type == "MOBILIZE" and e.mode == "weapons"]
    assert got and not got[0].aux_modes, shown(evs)


@pytest.mark.parametrize("text", [
    "Iran has produced 300 kilos of uranium enriched to 60 percent, the agency said.",
    "The health ministry will resume testing of travellers at the airport.",
    "Gold mining has enriched a few families in the province.",
])
def test_material_and_other_tests_are_no_mobilization(code_text, text):
    """Controls: enriched material described, a medical test, 'enrich' of wealth."""
    evs = code_text(text)
    assert not _of(evs, "MOBILIZE"), shown(evs)


def test_conditional_meeting_is_no_threat(code_text):
    """Control: 'would meet with X if ...' is no threat (the train gold codes conditional
    meetings and agreements with their own type)."""
    evs = code_text("Tehran would meet with the three European powers if they suspended the snapback.")
    assert not [e for e in evs if e.event_type == "THREATEN" and e.trigger.startswith("meet")], shown(evs)
    assert _of(evs, "CONSULT") or _of(evs, "AGREE"), shown(evs)


def test_resumed_act_takes_the_act(code_text):
    """'resumed shelling the town' is the shelling (fold:resumed-act-takes-the-act), not
    the COOPERATE of a bare 'resume'."""
    evs = code_text("Government artillery resumed shelling the rebel-held suburbs on Tuesday.")
    assert _of(evs, "ASSAULT") and not _of(evs, "COOPERATE"), shown(evs)


def test_conjoined_wounding_after_a_vehicle_clause_stays_assault(code_text):
    """Control: a finite verb conjoined to a clause about vehicles is its own act, not a
    result participle ('their trucks were seized and a driver was wounded by gunfire')."""
    evs = code_text("Their trucks were seized at the checkpoint, and one driver was wounded by a bullet.")
    assert _of(evs, "ASSAULT"), shown(evs)


def test_upper_case_advisers_travelling_to_help_are_aid(code_text):
    """Wire copy in capitals: spaCy leaves "ADVISERS" unlemmatised; the list has the plural."""
    evs = code_text("FOREIGN MILITARY INSTRUCTORS HAVE TRAVELED TO THE NORTHERN PROVINCE TO HELP TRAIN THE ARMY.")
    assert _of(evs, "AID") and not _of(evs, "CONSULT"), shown(evs)
