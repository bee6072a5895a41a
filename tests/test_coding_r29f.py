"""r29f: recall of ACCUSE, REQUEST and AID, by kind (corpus train split misses).

- insults said of a party as its predicate ("they are cowards", "the ministers were puppets
  of the junta") are ACCUSE disapprove (annotation guide 11.4: insults and denigration in a
  political actor's own voice; frame:insult-predicate-is-disapproval, words.yaml
  insult_predicates); the plural forms are listed as written because the upper-case MUC
  text gives "COWARDS" as a proper noun whose lemma keeps the plural.
Sentences written for these tests."""
import pytest

INSULT = "frame:insult-predicate-is-disapproval"


@pytest.mark.parametrize("text", [
    "The rebel commander said the soldiers were cowards.",
    "THE GUERRILLA SPOKESMAN SAID THE SOLDIERS ARE LIARS AND COWARDS.",
    "The governor said the protesters were hypocrites.",
    "The opposition leader said the ministers were puppets of the junta.",
    "THEY ARE COWARDS, JUST LIKE THE COLONELS WHO COMMAND THEM.",
    "The exiled editor said the generals were lackeys of the foreign advisers.",
])
def test_insult_predicate_is_disapproval(default_code, text):
    evs = [e for e in default_code(text) if e.event_type == "ACCUSE" and INSULT in e.rules]
    assert evs, [(e.event_type, e.trigger, e.rules) for e in default_code(text)]
    assert evs[0].mode == "disapprove"
    assert not set(evs[0].aux_modes) & {"negation", "hypothetical"}


@pytest.mark.parametrize("text", [
    "The farmer was a butcher by trade.",
    "The president said the town was a fascist stronghold in the 1930s.",
    "The puppet show was a success with the children.",
    "The museum opened an exhibit on the fascists of the 1930s.",
])
def test_control_no_insult_no_disapproval(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if INSULT in e.rules], [(e.event_type, e.trigger, e.rules) for e in evs]
