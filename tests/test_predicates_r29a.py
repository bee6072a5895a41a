"""Round 29a (issue 16's budget, the coder's speed): the token-Matcher guard read from
the patterns' fixed first tokens (``predicates._Pattern.may_start``) says "no match"
only where spaCy's Matcher finds none, and the per-sentence view of the parse
(``predicates._SentenceTree``) gives what spaCy's tokens give. The sentences are
written for these tests."""

from __future__ import annotations

from tidings.coding.predicates import _compiled, _SentenceTree, _tree
from test_coding_r21a import _shipped_patterns as _shipped_dep_or_token_patterns

#: Sentences written for these tests, near the kinds the shipped Matcher patterns read
#: (dates beside a month name, "has long" + participle, organisation names, "as opposed
#: to", "will never", threats of and under threat).
SENTENCES = (
    "KAMPALA, June 4 - Opposition supporters marched through the capital on Tuesday. "
    "The ministry has long supported the refugee camps in the north. "
    "Reporters Without Borders and Human Rights Watch condemned the arrests of 14 journalists. "
    "The talks, as opposed to the shelling, went on until 12 October. "
    "The president said the army will never surrender the border town. "
    "Villagers living under threat of eviction protested outside the governor's office. "
    "The rebels have repeatedly attacked convoys since March 2024."
)


def _shipped_patterns() -> list:
    """Every token-Matcher pattern of the shipped rules (each compiled afresh)."""
    return _shipped_dep_or_token_patterns("matcher")


def test_matcher_guard_never_refuses_a_start_the_matcher_finds(nlp) -> None:
    pats = _shipped_patterns()
    assert len(pats) >= 15
    doc = nlp(SENTENCES)
    refused = matched = tried = 0
    for sent in doc.sents:
        for p in pats:
            starts = {s for _, s, _e in p.matcher(doc.vocab)(sent)}
            for s in range(-2, len(sent) + 1):
                ok = p.may_start(sent, s)
                tried += 1
                if s in starts:
                    matched += 1
                    assert ok, (p.pattern, sent.text, s)
                elif not ok:
                    refused += 1
    assert matched >= 4               # the sentences reach several patterns' matches
    assert refused > 0.8 * tried      # and the guard spares the matcher nearly everywhere else


def test_matcher_guard_stops_at_the_first_quantified_node(nlp) -> None:
    doc = nlp("The army will never surrender the town.")
    sent = next(doc.sents)
    # fixed nodes: "will" then "never"; the guard tests both places
    p = _compiled([{"LOWER": "will"}, {"LOWER": "never"}, {"POS": "VERB"}], "t", dep=False)
    assert len(p.prefix) == 3
    assert p.may_start(sent, 2) and not p.may_start(sent, 1) and not p.may_start(sent, 3)
    # a start whose fixed nodes would run past the sentence's end is refused
    assert not p.may_start(sent, len(sent) - 2)
    # control: after an optional node the places move, so the guard stops there and
    # lets the matcher decide ("will" + optional adverb + verb matches at 2)
    q = _compiled([{"LOWER": "will"}, {"POS": "ADV", "OP": "?"}, {"POS": "VERB"}], "t", dep=False)
    assert len(q.prefix) == 1
    assert q.may_start(sent, 2) and not q.may_start(sent, 3)
    # control: a first node that is quantified leaves nothing to test
    r = _compiled([{"LOWER": "the", "OP": "?"}, {"LOWER": "army"}], "t", dep=False)
    assert r.prefix == () and r.may_start(sent, 5)


def test_sentence_tree_reads_as_spacy_tokens(nlp) -> None:
    doc = nlp(SENTENCES)
    checked = 0
    for sent in doc.sents:
        tree = _SentenceTree(doc)
        for tok in sent:
            a = tree.attrs(tok.i)
            assert (a["lemma_"], a["lower_"], a["orth_"], a["text"], a["pos_"], a["tag_"], a["dep_"]) == \
                (tok.lemma_, tok.lower_, tok.orth_, tok.text, tok.pos_, tok.tag_, tok.dep_)
            assert tree.head(tok.i) == tok.head.i
            assert tree.kids(tok.i) == tuple(c.i for c in tok.children)
            assert tree.ancestors(tok.i) == [x.i for x in tok.ancestors]
            assert sorted(tree.descendants(tok.i)) == sorted(x.i for x in tok.subtree if x.i != tok.i)
            checked += 1
    assert checked > 60


def test_sentence_tree_is_kept_per_sentence(nlp) -> None:
    doc = nlp("Troops shelled the town. Talks resumed in Geneva.")
    first, second = list(doc.sents)
    t1 = _tree(first)
    assert _tree(first) is t1           # asked again about the same sentence: kept
    t2 = _tree(second)
    assert t2 is not t1                 # another sentence: a new view
    assert _tree(first) is not t1       # the memo keeps the last sentence only
