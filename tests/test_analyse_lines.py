"""Line units (issue 16, a fresh user's headline list): a single line break ends a
sentence where a reader would (a headline, a list item, a line that ended early), never
inside hard-wrapped prose (tidings.lines.layout, used by the parser's line-break component
and by the reader's unwrap_lines). Every text here is the team's own."""

from __future__ import annotations

import textwrap

import pytest

from tidings.lines import layout

HEADLINES = ("Militants shell Kharkiv suburbs overnight\n"
             "Ghana thanks Togo for flood aid\n"
             "Serbia summons Croatian ambassador over border row\n"
             "Bolivia police detain 30 miners in Oruro\n"
             "Nepal hosts talks with Bhutan\n"
             "Chad accuses Sudan of arming rebels\n")

PROSE = ("The foreign ministers of Ghana and Togo met in Lome on Thursday to discuss a "
         "dispute over fishing rights in the Gulf of Guinea, officials of both countries "
         "said. Ghana Foreign Minister Kwesi Adomako told reporters that the talks had been "
         "useful and that a joint commission would meet again within a month.\n\n"
         "Togolese officials said their navy had detained two Ghanaian trawlers last week "
         "for fishing without a licence near the port of Aneho.")


def _wrap(text: str, width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))


def _sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize("upper", [False, True])
def test_analyse_lines_every_headline_is_a_unit(upper):
    text = HEADLINES.upper() if upper else HEADLINES
    lay = layout(text)
    assert lay.units and not lay.wrapped
    assert sorted(lay.unit_ends) == [i for i, c in enumerate(text[:-1]) if c == "\n"]


@pytest.mark.parametrize("width", [40, 55, 66, 72, 80])
@pytest.mark.parametrize("upper", [False, True])
def test_analyse_lines_hard_wrapped_prose_has_no_unit_ends(width, upper):
    text = _wrap(PROSE.upper() if upper else PROSE, width)
    lay = layout(text)
    assert not lay.units and lay.wrapped and lay.unit_ends == frozenset()


@pytest.mark.parametrize("text, ends", [
    # a line ending early before a capital: a title over its paragraph
    ("Clash on the Drina\nSerbian and Bosnian police exchanged fire near the bridge at dawn on Sunday.",
     ["Clash on the Drina"]),
    # the next line in lower case, or a line ending in "of", "the" or a comma goes on
    ("Bhutan protested\nto Nepal on Friday.", []),
    ("The delegation of\nBhutan arrived on Friday.", []),
    ("In Thimphu,\nBhutan protested again.", []),
    # a list item after its heading
    ("Demands of the miners:\n- release those detained\n- higher wages\n",
     ["Demands of the miners:", "- release those detained"]),
])
def test_analyse_lines_unit_ends_in_short_texts(text, ends):
    lay = layout(text)
    assert sorted(text[:b].rsplit("\n", 1)[-1] for b in lay.unit_ends) == sorted(ends)


def test_analyse_lines_a_wrapped_item_of_a_list_stays_whole():
    # a list of units whose item runs on after "of": that break is no unit end
    text = ("Ghana thanks Togo for flood aid\nNepal hosts talks with Bhutan\n"
            "Chad accuses the government of\nSudan of arming rebels\nPeru expels two Bolivian diplomats\n"
            "Serbia summons Croatian ambassador\nBolivia police detain 30 miners\n")
    lay = layout(text)
    assert lay.units
    assert text.index("of\nSudan") + 2 not in lay.unit_ends
    assert len(lay.unit_ends) == text.count("\n") - 2


@pytest.mark.slow
@pytest.mark.parametrize("upper", [False, True])
def test_analyse_lines_headline_list_is_one_sentence_a_line(nlp, upper):
    text = HEADLINES.upper() if upper else HEADLINES
    assert _sents(nlp, text)[:2] == [ln for ln in text.split("\n")][:2]
    starts = {s.start_char for s in nlp(text).sents}
    line_starts = {0} | {i + 1 for i, c in enumerate(text[:-1]) if c == "\n"}
    assert line_starts <= starts


@pytest.mark.slow
def test_analyse_lines_wrapped_upper_case_copy_keeps_its_first_line(nlp):
    # hard-wrapped wire copy in capitals: the paragraph's first line is no title (every
    # line starts with a capital), so no sentence ends at its line break
    text = _wrap(PROSE.upper(), 60)
    first, second = text.split("\n")[:2]
    starts = {s.start_char for s in nlp(text).sents}
    assert len(first) + 1 not in starts, (first, second)


@pytest.mark.slow
def test_analyse_lines_hard_wrapped_prose_keeps_its_sentences(nlp):
    for width in (45, 70):
        wrapped = _wrap(PROSE, width)
        assert [" ".join(s.split()) for s in _sents(nlp, wrapped)] == \
            [" ".join(s.split()) for s in _sents(nlp, PROSE)]


def test_analyse_lines_reader_keeps_a_headline_list_and_joins_wrapped_prose():
    from tidings.read import unwrap_lines

    text, joined = unwrap_lines(HEADLINES)
    assert (text, joined) == (HEADLINES, 0)
    text, joined = unwrap_lines(_wrap(PROSE, 66))
    assert text == PROSE and joined > 0


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # the first line of a two-line paragraph, ending in a word that cannot end a title
    "Serbian police detained two Croatian fishermen near the town of\nVukovar on Sunday, officials said.",
    "Chad accused Sudan of arming the rebels and recalled its ambassador from\nKhartoum on Monday.",
])
def test_analyse_lines_a_line_that_goes_on_is_no_title(nlp, text):
    assert len(_sents(nlp, text)) == 1, _sents(nlp, text)


#: Headlines of about one length (written for this test): no line ends early, so only
#: the missing full stops tell them apart from wrapped prose (a fresh user's trial: four
#: such headlines were read as one sentence and gave one event).
SAME_LENGTH = ["Army shells rebel bases near the northern border town",
               "Coast guard seizes fishing trawler off the east coast",
               "Parliament imposes new tariffs on imported steel goods",
               "Thousands march in the capital against the new tax law"]


@pytest.mark.parametrize("upper", [False, True])
def test_analyse_lines_headlines_of_one_length_are_units(upper):
    text = "\n".join(h.upper() if upper else h for h in SAME_LENGTH)
    lay = layout(text)
    assert lay.units and len(lay.unit_ends) == 3 and not lay.wrapped


def test_analyse_lines_wrapped_prose_of_one_length_is_no_list():
    # the same shape with a full stop at the end is a wrapped paragraph, not a list
    prose = ("The army said its units shelled rebel bases near the\nnorthern border town "
             "on Monday and that the coast\nguard seized a fishing trawler off the east "
             "coast of\nthe island after a chase that lasted several hours.")
    lay = layout(prose)
    assert not lay.units and not lay.unit_ends


def test_analyse_lines_headlines_of_one_length_give_an_event_each(nlp):
    doc = nlp("\n".join(SAME_LENGTH))
    assert [s.text.strip() for s in doc.sents] == SAME_LENGTH
