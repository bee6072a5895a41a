"""Sentence ends before parsing (twenty-third round, a fresh user's trial): a sentence
ends after a CJK sentence stop, and after an ellipsis that follows an emoji before a
capitalised word; after a word the parser still decides. The inputs are new sentences
written for these tests."""

from __future__ import annotations

import pytest


def _sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]



# -- sentence ends ----------------------------------------------------------------------

def test_an_ellipsis_after_emoji_ends_the_sentence_before_a_capital(nlp):
    text = "Protesters marched on the embassy \U0001F624\U0001F525\u2026 Later, Jordan summoned the Israeli ambassador."
    assert _sents(nlp, text) == ["Protesters marched on the embassy \U0001F624\U0001F525\u2026",
                                 "Later, Jordan summoned the Israeli ambassador."]


def test_an_ellipsis_after_emoji_ends_the_sentence_before_a_quoted_capital(nlp):
    text = 'The envoy spoke of patience \U0001F64F\u2026 "We will not wait forever," the minister replied.'
    assert _sents(nlp, text)[1].startswith('"We will not wait')


@pytest.mark.parametrize("text", [
    "The talks were, well \U0001F644\u2026 difficult, a diplomat in Vienna said on Friday.",
    "The spokesman said the offer was \U0001F914... under review by the cabinet in Ankara.",
    # after a word the parser decides, as before: here it keeps the sentence whole
    "They want calm and patience\u2026 However, the militia has kept shelling the town, the mayor said.",
])
def test_an_ellipsis_before_a_lower_case_word_or_after_a_word_ends_no_sentence(nlp, text):
    assert len(_sents(nlp, text)) == 1


def test_an_ellipsis_after_a_full_stop_makes_no_sentence_of_its_own(nlp):
    text = "The minister left the room. \u2026 Nobody in the delegation followed him."
    assert "\u2026" not in _sents(nlp, text)


@pytest.mark.parametrize("text, second", [
    ("\u4e2d\u56fd\u5916\u957f\u4f1a\u89c1\u4e86\u6cd5\u56fd\u603b\u7edf\u3002 Macron praised the talks in Beijing.",
     "Macron praised the talks in Beijing."),
    # no space after the stop: the tokenizer splits the word at it
    ("\u65e5\u672c\u9996\u76f8\u8bbf\u95ee\u4e86\u9996\u5c14\uff01Yoon welcomed the Japanese prime minister.",
     "Yoon welcomed the Japanese prime minister."),
    ("\u4ed6\u4eec\u4f1a\u7b7e\u7f72\u534f\u8bae\u5417\uff1fthe envoy asked reporters in Hanoi.",
     "the envoy asked reporters in Hanoi."),
])
def test_a_cjk_sentence_stop_ends_the_sentence(nlp, text, second):
    assert _sents(nlp, text)[-1] == second


def test_the_event_after_an_emoji_ellipsis_is_coded_in_its_own_sentence(worker_code):
    text = "Rebels shelled the capital overnight \U0001F4A5\U0001F4A5\u2026 Meanwhile, Egypt condemned the attack on civilians."
    events = worker_code(text)
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert [(e.sentence_index, [a.text for a in e.actor]) for e in accuse] == [(1, ["Egypt"])]
    assert accuse[0].sentence.startswith("Meanwhile, Egypt condemned")


def test_an_actor_after_a_cjk_sentence_does_not_take_it_into_its_text(worker_code):
    text = "\u65e5\u672c\u9996\u76f8\u8bbf\u95ee\u4e86\u9996\u5c14\uff01Yoon welcomed the Japanese prime minister in Seoul."
    (event,) = [e for e in worker_code(text) if e.actor]
    # a welcomed visitor is a visit, the guest the actor and the host the recipient
    # (sense:received-visitor-is-visit, r24e); the host's text holds no CJK sentence
    assert [a.text for a in event.actor] == ["the Japanese prime minister"]
    assert [r.text for r in event.recipient] == ["Yoon"]
    assert event.evidence_span[0] == text.index("Yoon")
