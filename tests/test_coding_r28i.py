"""r28i: things recorded that did not happen, and claims stored as facts (a fresh user's
trial, analyst D), by kind:

- a figurative "attack on <abstract thing>" (rights, dignity, livelihood, democracy) is no
  ASSAULT (filter:figurative-attack-is-no-event; annotation guide 11.4, section 1);
- a commercial concession (oil, mining, gas concessions) is no CONCEDE
  (filter:commercial-concession-is-no-concession; PLOVER manual CONCEDE);
- the act an anniversary marks is historical (aux:anniversary-act-is-historical; guide
  11.1), unless the anniversary is a recent one ("first", "one-year");
- an act noun an accusing verb charges ("accused X of the shelling", "blamed X for the
  attack") is claimed by the accuser (syntax.charged_noun_head; guide section 5);
- whom a judge's other clause names ("condemned the raid ... and called on the AU to
  protect civilians") is no recipient of the act judged (syntax.judge_clause_words).

Sentences written for these tests (other countries and wordings than the trial's)."""
import pytest


def shown(evs):
    return [(e.event_type, e.trigger, e.aux_modes, [a.text for a in e.actor], [r.text for r in e.recipient],
             [c.text for c in e.claimed_by], e.rules) for e in evs]


def by_trigger(evs, word):
    return [e for e in evs if word in e.trigger.split()]


FIGURATIVE = [
    ("Yerevan passed a new customs rule, a measure Baku called an attack on the rights of Azerbaijanis.", "attack"),
    ("Dhaka said the new visa rule was an assault on the dignity of Bangladeshi workers.", "assault"),
]


@pytest.mark.parametrize("text,word", FIGURATIVE)
def test_figurative_attack_is_no_assault(default_code, text, word):
    evs = default_code(text)
    assert not [e for e in by_trigger(evs, word) if e.event_type == "ASSAULT"], shown(evs)


def test_real_attack_on_a_building_stays(default_code):
    evs = default_code("Gunmen carried out an attack on the parliament in Mogadishu on Monday.")
    hit = [e for e in evs if e.event_type == "ASSAULT"]
    assert hit and [r.text for r in hit[0].recipient] == ["the parliament"], shown(evs)
    assert "filter:figurative-attack-is-no-event" not in hit[0].rules


def test_commercial_concession_is_no_concession(default_code):
    evs = default_code("The junta granted mining concessions to a Chinese firm on Monday.")
    assert "CONCEDE" not in {e.event_type for e in evs}, shown(evs)


def test_political_concession_stays(default_code):
    evs = default_code("The government made concessions to the striking teachers on Tuesday.")
    hit = [e for e in evs if e.event_type == "CONCEDE"]
    assert hit and hit[0].trigger == "made concessions", shown(evs)


def test_act_an_anniversary_marks_is_historical(default_code):
    evs = default_code("On the tenth anniversary of the bombing of the embassy, Kenya pledged new aid to Tanzania.")
    hit = by_trigger(evs, "bombing")
    assert hit and all("historical" in e.aux_modes for e in hit), shown(evs)
    # the pledge told for today stays current
    pledge = by_trigger(evs, "pledged")
    assert pledge and "historical" not in pledge[0].aux_modes, shown(evs)


def test_first_anniversary_is_no_historical_mark(default_code):
    evs = default_code("Mourners gathered on the first anniversary of the massacre in the village.")
    hit = by_trigger(evs, "massacre")
    assert hit and "historical" not in hit[0].aux_modes, shown(evs)


CHARGED = [
    ("Chad accused Sudan of the shelling of a border town.", "shelling", "Chad"),
    ("Bolivian police said gunmen fired on an army convoy near Tarija on Monday. "
     "La Paz blamed Argentine smugglers for the attack and recalled its ambassador.", "attack", "La Paz"),
]


@pytest.mark.parametrize("text,word,accuser", CHARGED)
def test_charged_act_noun_is_claimed_by_the_accuser(default_code, text, word, accuser):
    evs = default_code(text)
    hit = [e for e in by_trigger(evs, word) if e.event_type == "ASSAULT"]
    assert hit and [c.text for c in hit[0].claimed_by] == [accuser], shown(evs)


@pytest.mark.parametrize("text", ["Rwanda condemned the abduction of 30 fishermen.",
                                  "Rwanda condemned Burundi for the abduction of 30 fishermen."])
def test_condemned_act_noun_has_no_claimant(default_code, text):
    # a condemnation is a stance, not a claim: the train gold gives "condemns the DPRK
    # for its test" no claimant
    evs = default_code(text)
    hit = [e for e in by_trigger(evs, "abduction") if e.event_type == "ASSAULT"]
    assert hit and hit[0].claimed_by == [], shown(evs)


def test_judges_other_clause_names_no_recipient(default_code):
    evs = default_code("Ethiopian troops stormed the offices of the regional council on Monday. Asmara condemned "
                       "the raid as an act of aggression and called on the African Union to protect civilians.")
    raid = [e for e in by_trigger(evs, "raid") if e.event_type == "ASSAULT"]
    assert raid and [r.text for r in raid[0].recipient] == [], shown(evs)
    req = by_trigger(evs, "called")
    assert req and [r.text for r in req[0].recipient] == ["the African Union"], shown(evs)
