"""r29e: recall of COERCE by kind (train misses of the sixteen-type corpus).

- repressing and persecuting told as a specific act or campaign, by a named actor or
  against named victims, is COERCE, mode null, context repression (annotation guide
  11.17; lexicon repress/persecute/repression/persecution; the nouns count where their
  phrase names a party, time or place: words.yaml named_act_nouns, guide 11.1);
  generic mentions, flight from persecution in general and "transnational" or
  "religious" persecution as a phenomenon stay no event
  (filter:generic-repression-is-no-event).
Sentences written for these tests."""
import pytest

from conftest import happened, shown


def coerce(evs):
    return [e for e in evs if e.event_type == "COERCE" and not set(e.aux_modes) & {"negation", "hypothetical"}]


@pytest.mark.parametrize("text, trigger", [
    ("The regime continues to repress the opposition movement in Valdoria.", "repress"),
    ("The new sanctions respond to the junta's repression of journalists and students.", "repression"),
    ("Clergy in the northern province say they are being persecuted by the militia.", "persecuted"),
    ("The bishop said the persecution of the church by the army has intensified since May.", "persecution"),
    ("These steps answer the continuing repression in Ostrava, including attacks on independent media.",
     "repression"),
    ("Since the election the Valdorian government has persecuted union leaders and student activists.",
     "persecuted"),
])
def test_named_repression_is_coercion(default_code, text, trigger):
    evs = default_code(text)
    hit = coerce(evs)
    assert hit, shown(evs)
    assert hit[0].mode is None and "repression" in hit[0].contexts, shown(evs)
    assert any(trigger in e.trigger for e in hit), shown(evs)


@pytest.mark.parametrize("text", [
    "Thousands of families have fled persecution in recent decades.",
    "Our town was founded by families fleeing religious persecution.",
    "More than 100 million people have been forced from their homes by war, violence and persecution.",
    "The country is known for its repressive laws.",
    "The fund will sanction officials responsible for the repression.",
    "The report describes the spread of transnational repression as a threat to diasporas.",
])
def test_control_generic_repression_is_no_event(default_code, text):
    evs = default_code(text)
    assert "COERCE" not in happened(evs), shown(evs)


def test_control_denied_persecution_is_not_done(default_code):
    evs = default_code("The minister insisted that the government does not persecute anyone.")
    assert not coerce(evs), shown(evs)


# --- cyber acts of a named party (annotation guide section 3, COERCE cyber; 11.1, 11.2) ---

@pytest.mark.parametrize("text, trigger", [
    ("Ostrava said Valdorian military hackers launched cyber attacks against its energy ministry in March.",
     "attacks"),
    ("These cyber intrusions disabled the computers of two hospitals in the capital.", "intrusions"),
    ("The Valdorian intelligence service conducted disruptive cyber operations against Ostrava's banks last year.",
     "operations"),
    ("The group's malicious cyber activities cost the companies nearly $1 billion.", "activities"),
    ("Investigators traced this cyber incident to a unit of the Valdorian army.", "incident"),
])
def test_named_cyber_act_is_hacking(default_code, text, trigger):
    evs = default_code(text)
    hit = [e for e in coerce(evs) if e.mode == "cyber"]
    assert hit and any(trigger in e.trigger for e in hit), shown(evs)
    assert "sense:named-cyber-act-is-hacking" in hit[0].rules, shown(evs)


@pytest.mark.parametrize("text", [
    "The partners will work together to detect and deter cyber attacks on critical infrastructure.",
    "The new office helps hospitals recover from cyber incidents.",
    "Cyber attacks on banks have been increasing in frequency worldwide.",
    "The ministers discussed military activity near the border.",
    "The incident drew criticism from the opposition.",
])
def test_control_generic_cyber_talk_is_no_coercion(default_code, text):
    evs = default_code(text)
    assert "COERCE" not in happened(evs), shown(evs)


def test_persecution_with_its_own_phrase_survives_a_flight_sentence(default_code):
    # the flight words alone do not make a persecution generic when its phrase tells it
    evs = default_code("The smugglers may have fled into Ostrava as a result of the persecution "
                       "unleashed in Valdoria last month.")
    assert any(e.trigger.endswith("persecution") for e in coerce(evs)), shown(evs)


# --- a repression told as violent is ASSAULT (annotation guide 11.17) ---

@pytest.mark.parametrize("text", [
    "Security forces violently repressed the march in the capital on Sunday.",
    "The militia brutally persecuted the monks of the northern valley last year.",
    "Police in Ostrava violently repressed a student rally outside parliament.",
])
def test_violently_repressed_is_assault(default_code, text):
    evs = default_code(text)
    assert "ASSAULT" in happened(evs) and "COERCE" not in happened(evs), shown(evs)
    assert any("event:violently-repressed-is-assault" in e.rules for e in evs), shown(evs)


@pytest.mark.parametrize("text", [
    "Security forces repressed the march in the capital on Sunday.",
    "The militia systematically persecuted the monks of the northern valley last year.",
])
def test_control_repression_without_violence_stays_coercion(default_code, text):
    evs = default_code(text)
    assert "COERCE" in happened(evs) and "ASSAULT" not in happened(evs), shown(evs)
