"""A coded event is scored in the labelled sentence that holds its trigger (guide 11.11:
where the corpus' splitter cut a sentence, typically after "U.S.", the event is labelled
in the fragment with its trigger), not in the fragment its evidence overlaps most."""

from tidings import corpus
from tidings.evaluate import assign_to_sentences

TEXT = "WE URGE THE U.S. GOVERNMENT TO HALT ALL MILITARY AID AT ONCE. It rained."


def _story() -> corpus.LabelledStory:
    return corpus.LabelledStory("f.jsonl", "s1", "dev", "1989-01-01", None, TEXT, [
        corpus.Sentence("f.jsonl", "s1", 0, 0, 16, TEXT[0:16]),
        corpus.Sentence("f.jsonl", "s1", 1, 17, 61, TEXT[17:61]),
        corpus.Sentence("f.jsonl", "s1", 2, 62, 72, TEXT[62:72])])


def _event(trigger: str, span=(0, 61)) -> dict:
    return {"story_id": "s1", "evidence_span": list(span), "sentence": TEXT[span[0]:span[1]],
            "trigger": trigger}


def test_event_goes_to_the_fragment_with_its_trigger():
    got = assign_to_sentences([_story()], [_event("URGE")])
    assert list(got) == ["s1#0"]                       # by overlap it was s1#1 (44 > 16 chars)
    got = assign_to_sentences([_story()], [_event("HALT")])
    assert list(got) == ["s1#1"]


def test_trigger_word_in_any_case_and_the_first_word_that_occurs():
    # a lemma-like trigger of two words: the first one found in the sentence decides
    got = assign_to_sentences([_story()], [_event("urge halt")])
    assert list(got) == ["s1#0"]
    got = assign_to_sentences([_story()], [_event("halted aid")])   # "halted" absent, "aid" in s1#1
    assert list(got) == ["s1#1"]


def test_without_a_trigger_in_the_sentence_overlap_decides():
    got = assign_to_sentences([_story()], [_event("demanded")])
    assert list(got) == ["s1#1"]
    # a whole word only: "RAIN" does not match "rained", so the overlap decides
    ev = _event("RAIN", span=(62, 72))
    assert list(assign_to_sentences([_story()], [ev])) == ["s1#2"]
