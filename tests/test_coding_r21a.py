"""Round 21a (issue 16, the coder's speed): the dependency-matcher guard read from the
patterns themselves (``predicates._Pattern.may_anchor``) says "no match" only where
spaCy's DependencyMatcher finds none. The sentences are written for these tests."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from tidings.coding import predicates
from tidings.coding.predicates import _compiled, _token_tests
from tidings.coding.rules import load_rules

#: Sentences written for these tests, near the kinds the shipped dependency patterns
#: read (prison terms, refused orders, "no intention of", declined comment, missiles
#: fired into the sea, bars from office, the wounded, tariffs that hit exports).
SENTENCES = (
    "The opposition leader, who is serving a ten-year prison sentence, was moved to another jail on Monday. "
    "The rebels said they had no intention of attacking the port city. "
    "Soldiers who refused the order to fire on the marchers were detained by military police. "
    "A spokesman for the ministry declined to comment on the raid. "
    "North Korea fired two ballistic missiles into the sea off its east coast. "
    "The electoral court barred the former governor from running for office. "
    "The blast injured dozens of shoppers, and the wounded were taken to three hospitals. "
    "New tariffs hit Brazilian steel exports, and the government said it would respond. "
    "The guards have held him in custody since 2019, his lawyer said. "
    "Both sides agreed to stop the shelling, which had killed hundreds over the past year."
)


def _shipped_patterns() -> list:
    """Every DependencyMatcher pattern of the shipped rules (each compiled afresh)."""
    found: list = []

    def walk(c) -> None:
        if isinstance(c, dict):
            if c.get("pred") == "dep_matcher":
                found.append(_compiled(c["pattern"], "test", dep=True))
            for v in c.values():
                walk(v)
        elif isinstance(c, list):
            for x in c:
                walk(x)

    from importlib import resources
    folder = resources.files("tidings").joinpath("data/rules")
    for stage in ("frame", "sense", "filter", "aux", "fold", "speech", "event", "actor", "mode"):
        f = folder.joinpath(f"{stage}.jsonl")
        if f.is_file():
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("//"):
                    walk(json.loads(line)["when"])
    return found


def test_the_shipped_rules_have_dependency_patterns_to_guard() -> None:
    load_rules()  # the rules compile
    pats = _shipped_patterns()
    assert len(pats) >= 30
    # every shipped pattern gives its guard something to test
    assert all(p.anchor or p.links for p in pats)


def test_guard_never_refuses_a_token_the_matcher_anchors_on(nlp) -> None:
    pats = _shipped_patterns()
    doc = nlp(SENTENCES)
    refused = matched = 0
    for sent in doc.sents:
        sub = sent.as_doc()
        for p in pats:
            firsts = {ids[0] for _, ids in p.matcher(sub.vocab)(sub)}
            for tok in sent:
                ok = p.may_anchor(tok, sent)
                if tok.i - sent.start in firsts:
                    matched += 1
                    assert ok, (p.pattern[0], sent.text, tok.text)
                elif not ok:
                    refused += 1
    assert matched >= 3          # the sentences reach some patterns' matches
    total = sum(len(s) for s in doc.sents) * len(pats)
    assert refused > 0.95 * total  # and the guard spares the matcher nearly everywhere else


def test_guard_reads_only_the_tests_it_can_make() -> None:
    tests = _token_tests({"LEMMA": {"IN": ["jail", "prison"]}, "DEP": "pobj", "LOWER": {"NOT_IN": ["the"]},
                          "TEXT": {"REGEX": "^J"}, "LENGTH": {">=": 3}, "OP": "?"})
    assert sorted(tests) == [("dep_", frozenset({"pobj"}), True), ("lemma_", frozenset({"jail", "prison"}), True),
                             ("lower_", frozenset({"the"}), False)]
    p = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "serve"}},
                   {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "dobj"}},
                   {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "d", "RIGHT_ATTRS": {"LOWER": "far"}},
                   {"LEFT_ID": "d", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {"POS": "NOUN"}},
                   {"LEFT_ID": "o", "REL_OP": "<", "RIGHT_ID": "g", "RIGHT_ATTRS": {"POS": "VERB"}}], "t", dep=True)
    # the ">>" node and the node linked to it are left to the matcher
    assert [(left, up) for left, up, _ in p.links] == [(0, False), (1, True)]


def _hand_doc(nlp) -> Doc:
    # "He left . Then served time ." parsed by hand, with "served" headed by "left"
    # across the break between its two sentences (as a forced sentence start can leave it)
    words = ["He", "left", ".", "Then", "served", "time", "."]
    return Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 1, 4, 4],
               deps=["nsubj", "ROOT", "punct", "advmod", "conj", "dobj", "punct"],
               pos=["PRON", "VERB", "PUNCT", "ADV", "VERB", "NOUN", "PUNCT"],
               lemmas=["he", "leave", ".", "then", "serve", "time", "."],
)


def test_guard_reads_a_head_outside_the_sentence_as_span_as_doc_does(nlp) -> None:
    doc = _hand_doc(nlp)
    sent = doc[3:7]  # the second sentence
    served = doc[4]
    assert sent.start == 3 and not predicates._closed(sent)
    # as_doc gives "served" (head outside the sentence) the label "dep": the matcher
    # anchors a "dep" pattern on it, and the guard must not refuse it
    p = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"DEP": "dep", "LEMMA": "serve"}}], "t", dep=True)
    sub = sent.as_doc()
    assert {ids[0] for _, ids in p.matcher(sub.vocab)(sub)} == {1}
    assert p.may_anchor(served, sent)
    # its lemma is tested all the same, and a token outside the sentence is refused
    q = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"DEP": "dep", "LEMMA": "leave"}}], "t", dep=True)
    assert not q.may_anchor(served, sent)
    assert not p.may_anchor(doc[1], sent)


def test_guard_follows_children_and_heads_in_a_whole_sentence(nlp) -> None:
    whole = Doc(nlp.vocab, words=["Police", "seized", "the", "arms", "."], heads=[1, 1, 3, 1, 1],
                deps=["nsubj", "ROOT", "det", "dobj", "punct"], pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                lemmas=["police", "seize", "the", "arm", "."])
    sent = whole[0:5]
    assert predicates._closed(sent)
    with_obj = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                          {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o",
                           "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": "arm"}},
                          {"LEFT_ID": "o", "REL_OP": ">", "RIGHT_ID": "d", "RIGHT_ATTRS": {"LOWER": "the"}}],
                         "t", dep=True)
    assert with_obj.may_anchor(whole[1], sent)
    no_such_child = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                               {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "iobj"}}],
                              "t", dep=True)
    assert not no_such_child.may_anchor(whole[1], sent)
    # "<": the root has no head; "arms" has "seized"
    head_verb = _compiled([{"RIGHT_ID": "n", "RIGHT_ATTRS": {"DEP": "dobj"}},
                           {"LEFT_ID": "n", "REL_OP": "<", "RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "seize"}}],
                          "t", dep=True)
    assert head_verb.may_anchor(whole[3], sent)
    root_head = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {}},
                           {"LEFT_ID": "v", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {}}], "t", dep=True)
    assert not root_head.may_anchor(whole[1], sent)
    sub = sent.as_doc()
    assert not [m for m in root_head.matcher(sub.vocab)(sub) if m[1][0] == 1]
    # in a sentence with a head outside it only the first node is tested
    doc = _hand_doc(nlp)
    second = doc[3:7]
    assert no_such_child.may_anchor(doc[4], second) is True


def test_the_guarded_rules_give_the_same_events_as_the_matcher_alone(code_text, monkeypatch) -> None:
    text = SENTENCES
    guarded = [e.to_dict() for e in code_text(text)]
    monkeypatch.setattr(predicates._Pattern, "may_anchor", lambda self, tok, sent: True)
    plain = [e.to_dict() for e in code_text(text)]
    assert guarded == plain
    assert len(guarded) >= 5
