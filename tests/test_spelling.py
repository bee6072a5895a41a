"""British spellings are folded to American ones before the coder reads a word
(``data/spelling.tsv``, :mod:`tidings.spelling`; issue 16): the table's schema, what it
folds and leaves alone, and that both spellings of a sentence give the same events."""

from __future__ import annotations

import pytest

from tidings.errors import TidingsError
from tidings.spelling import RULES, american_lemmas, fold, fold_word, load_spelling, parse_spelling

HEADER = "# a comment\nbritish\tamerican\tendings\trule\n"


def test_spelling_parser_expands_each_ending_of_both_stems() -> None:
    table = parse_spelling(HEADER + "criticis\tcriticiz\te,ed,ing\tise\nlabour\tlabor\t-,s\tour\n")
    assert table == {"criticise": "criticize", "criticised": "criticized", "criticising": "criticizing",
                     "labour": "labor", "labours": "labors"}


@pytest.mark.parametrize("body, message", [
    ("criticis\tcriticiz\te\n", "4 tab-separated columns"),
    ("Criticis\tcriticiz\te\tise\n", "lower-case letters"),
    ("labour\tlabour\t-\tour\n", "spelt the same"),
    ("labour\tlabor\t-\tspelling\n", "unknown rule"),
    ("labour\tlabor\t-,-\tour\n", "distinct"),
    ("labour\tlabor\t\tour\n", "distinct"),
    ("labour\tlabor\t-\tour\nlabour\tlabr\t-\tother\n", "folded twice"),
    ("colour\tcolor\t-\tour\ncolor\tcolr\t-\tother\n", "folds again"),
])
def test_spelling_parser_refuses(body: str, message: str) -> None:
    with pytest.raises(TidingsError, match=message):
        parse_spelling(HEADER + body)


def test_spelling_parser_needs_its_header() -> None:
    with pytest.raises(TidingsError, match="header"):
        parse_spelling("criticis\tcriticiz\te\tise\n")


def test_spelling_shipped_table_is_valid_and_folds_by_rule() -> None:
    table = load_spelling()
    assert len(table) > 400 and RULES >= {"ise", "our", "ence", "tre", "ogue", "lled"}
    assert all(b != a and b.isalpha() and b.islower() for b, a in table.items())
    expected = {"criticised": "criticized", "organisations": "organizations", "mobilising": "mobilizing",
                "analysed": "analyzed", "neighbouring": "neighboring", "labour": "labor",
                "defences": "defenses", "offence": "offense", "centred": "centered", "theatres": "theaters",
                "catalogued": "cataloged", "programmes": "programs", "travellers": "travelers",
                "cancelled": "canceled", "judgement": "judgment", "manoeuvring": "maneuvering"}
    assert {w: fold_word(w) for w in expected} == expected


@pytest.mark.parametrize("word", ["dialogue", "analyses", "emphasis", "size", "seize", "exercise", "promise",
                                  "compromise", "controlled", "patrolled", "expelled", "hour", "four",
                                  "programming", "criticism", "marshall", "digitalis"])
def test_spelling_leaves_words_spelt_alike_or_of_another_kind(word: str) -> None:
    assert fold_word(word) == word


def test_spelling_fold_keeps_the_case() -> None:
    assert [fold(w) for w in ("Defence", "LABOUR", "criticised", "Marshall")] == \
        ["Defense", "LABOR", "criticized", "Marshall"]


def test_spelling_no_lexicon_lemma_is_a_british_form() -> None:
    """The lexicon is read with folded lemmas: a British entry could never match (write
    the American form; the fold brings the British one to it)."""
    from tidings.lexicon import load_lexicon

    lex = load_lexicon()
    table = load_spelling()
    keys = set(lex.verbs) | set(lex.nouns) | {w for pair in lex.compounds for w in pair} \
        | {w for pair in lex.phrasal for w in pair}
    assert sorted(k for k in keys if k in table) == []


def test_spelling_no_rule_loses_a_lemma_to_the_fold() -> None:
    """A rule that asks for a British trigger lemma asks for its American form too (the
    rules read folded lemmas; their word lists keep both forms where a predicate also
    reads the words as written)."""
    from tidings.coding.rules import load_rules

    table = load_spelling()
    lost = sorted((r.name, w) for r in load_rules() for w in (r.lemmas or ()) if w in table and table[w] not in r.lemmas)
    assert lost == []


def test_spelling_lemmas_are_american_while_coding_and_restored_after(nlp) -> None:
    doc = nlp("The Defence Ministry criticised the organisers of the rally.")
    before = [t.lemma_ for t in doc]
    with american_lemmas(doc) as n:
        during = {t.text: t.lemma_ for t in doc}
    assert n == 3
    assert (during["Defence"], during["criticised"], during["organisers"]) == ("Defense", "criticize", "organizer")
    assert [t.lemma_ for t in doc] == before and "criticise" in before


def test_spelling_sentence_words_are_folded() -> None:
    from tidings.learn.gate import ngrams, sentence_words

    assert sentence_words("Turkey criticised the defence programme.") == \
        ["turkey", "criticized", "the", "defense", "program"]
    assert "criticized greece" in ngrams("Turkey criticised Greece.")


# The same sentence in both spellings (written for this test; words of one length in
# both, so that even the sentence's length, a feature of the gate, is the same).
PAIRS = [
    ("Morocco criticized Algeria over the closure of the border.",
     "Morocco criticised Algeria over the closure of the border."),
    ("Students organized a protest at the university in Accra.",
     "Students organised a protest at the university in Accra."),
    ("Poland mobilized its reserves after the drone incursion.",
     "Poland mobilised its reserves after the drone incursion."),
    ("The defense minister met his Kenyan counterpart in Nairobi.",
     "The defence minister met his Kenyan counterpart in Nairobi."),
    ("Spain recognized the Palestinian state on Tuesday.",
     "Spain recognised the Palestinian state on Tuesday."),
    ("The mayor apologized to the victims' families.",
     "The mayor apologised to the victims' families."),
]


def test_spelling_both_spellings_give_the_same_events(nlp) -> None:
    """With the learned model: the same events (type, confidence, rules) for each pair,
    the lexicon entry named in its American form."""
    from tidings.coding import Coder
    from tidings.records import Story

    coder = Coder(all_candidates=True)

    def events(text):
        evs = coder.code_doc(nlp(text), Story(id="s", text=text, pub_date="2025-01-01"))
        return [(e.event_type, e.confidence, tuple(e.rules), [a.country for a in e.actor]) for e in evs]

    for american, british in PAIRS:
        us, gb = events(american), events(british)
        assert us and gb == us, (british, gb, us)
    assert any("lexicon:criticize/V" in e[2] for e in events(PAIRS[0][1]))
