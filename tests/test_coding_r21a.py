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


def _shipped_patterns(pred: str = "dep_matcher") -> list:
    """Every pattern of the predicate ``pred`` in the shipped rules, each compiled afresh:
    DependencyMatcher patterns (``dep_matcher``) or token-Matcher ones (``matcher``)."""
    found: list = []

    def walk(c) -> None:
        if isinstance(c, dict):
            if c.get("pred") == pred:
                found.append(_compiled(c["pattern"], "test", dep=pred == "dep_matcher"))
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
    # every node is reached: by a child link, a descendant link (">>", r23b) and head links
    assert [(left, kind) for left, kind, _ in p.links] == [(0, "children"), (0, "descendants"), (2, "head"),
                                                           (1, "head")]
    # an operator of another kind (a sibling) leaves its node, and the nodes after it, to the matcher
    q = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "serve"}},
                   {"LEFT_ID": "v", "REL_OP": "$+", "RIGHT_ID": "s", "RIGHT_ATTRS": {"LOWER": "far"}},
                   {"LEFT_ID": "s", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {"POS": "NOUN"}}], "t", dep=True)
    assert q.links == ()


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


def _old_proba_many(model, feats, dense):
    """TriggerModel.proba_many as it was before round 21a (each word's columns gathered
    from the (K, V) weights)."""
    import numpy as np

    z = model.bias + np.asarray(dense, dtype=np.float32) @ model._dense_t
    for r, f in enumerate(feats):
        found = {model.index[x] for x in f if x in model.index}
        if found:
            z[r] += np.add.reduce(model.weights[:, sorted(found)], axis=1)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _old_sentence_proba(sm, text, cues):
    """SentenceModel.proba as it was before round 21a."""
    import numpy as np

    from tidings.learn.gate import sentence_words

    words = sentence_words(text)
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])] + list(cues)
    counts: dict[int, int] = {}
    for g in grams:
        if g in sm.index:
            counts[sm.index[g]] = counts.get(sm.index[g], 0) + 1
    z = sm.bias.copy()
    if counts:
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        x = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * sm.idf[cols]
        x /= np.linalg.norm(x)
        z += sm.weights[:, cols] @ x
    if sm.vectors is not None:
        z += sm.weights[:, sm.n_grams:] @ sm.vectors.mean(words)
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def test_model_gathers_from_transposed_tables_give_the_same_bits(nlp) -> None:
    import numpy as np

    from tidings.learn.gate import sentence_cues
    from tidings.learn.model import dense_features_many, load_model
    from tidings.learn.tokens import is_candidate, token_features
    from tidings.lexicon import load_lexicon

    model = load_model()
    if model is None:
        pytest.skip("no shipped model")
    lex = load_lexicon()
    doc = nlp(SENTENCES)
    n = 0
    for sent in doc.sents:
        cands = [t for t in sent if is_candidate(t)]
        if not cands:
            continue
        sparse = [token_features(t, lex, ()) for t in cands]
        lowers = {t.i: t.lower_ for t in sent}
        dense = dense_features_many(cands, model.vectors, (sent.start, sent.end), lowers)
        assert np.array_equal(model.proba_many(sparse, dense), _old_proba_many(model, sparse, dense))
        cues = sentence_cues(sparse)
        assert np.array_equal(model.sentence.proba(sent.text, cues), _old_sentence_proba(model.sentence, sent.text, cues))
        n += len(cands)
    assert n >= 40
    # the transposed tables hold the weights' own numbers
    assert np.array_equal(model._sparse_t, model.weights[:, :model.n_sparse].T)
    grams, vecs = model.sentence._tables
    assert np.array_equal(grams.T, model.sentence.weights[:, :model.sentence.n_grams])
    assert grams.flags.c_contiguous and vecs.flags.c_contiguous


def test_transposed_gather_adds_in_the_old_order_with_any_weights() -> None:
    # the shipped weights are float16 numbers, whose sums are mostly exact in any order:
    # random float32 weights show that the order of the additions is the old one too
    import numpy as np

    from tidings.learn.gate import SentenceModel
    from tidings.learn.model import TriggerModel
    from tidings.learn.vectors import WordVectors

    rng = np.random.default_rng(21)
    dim, V, K = 8, 500, 17
    vectors = WordVectors(["a", "b"], rng.standard_normal((2, dim)).astype(np.float32))
    vocab = [f"f{i}" for i in range(V)]
    weights = (rng.standard_normal((K, V + 4 * dim)) * np.exp(rng.uniform(-8, 3, (K, V + 4 * dim)))).astype(np.float32)
    model = TriggerModel(vocab, weights, rng.standard_normal(K).astype(np.float32),
                         [f"T{k}" for k in range(K - 1)] + ["NONE"], vectors, {})
    feats = [[f"f{j}" for j in rng.choice(V, size=int(rng.integers(1, 40)), replace=False)] + ["unknown"]
             for _ in range(60)] + [["unknown"]]
    dense = rng.standard_normal((len(feats), 4 * dim)).astype(np.float32)
    assert np.array_equal(model.proba_many(feats, dense), _old_proba_many(model, feats, dense))
    # pairwise sums (ndarray.sum over contiguous rows) would differ: the test can tell
    cols = sorted({model.index[f] for f in feats[0] if f in model.index})
    sums = [np.add.reduce(np.ascontiguousarray(model._sparse_t[sorted({model.index[f] for f in fs if f in model.index})].T),
                          axis=1) for fs in feats[:-1]]
    olds = [np.add.reduce(model.weights[:, sorted({model.index[f] for f in fs if f in model.index})], axis=1)
            for fs in feats[:-1]]
    assert cols and any(not np.array_equal(a, b) for a, b in zip(sums, olds))
    grams = [f"w{i}" for i in range(V)] + ["w1 w2"]
    sm = SentenceModel(grams, rng.uniform(0.5, 3, len(grams)).astype(np.float32),
                       (rng.standard_normal((16, len(grams) + dim)) * 10.0 ** rng.integers(-6, 3, (16, len(grams) + dim))
                        ).astype(np.float32), rng.standard_normal(16).astype(np.float32),
                       [f"T{k}" for k in range(16)], vectors)
    for k in range(20):
        text = " ".join(f"w{int(j)}" for j in rng.integers(0, V, size=int(rng.integers(3, 60)))) + " a b w1 w2"
        assert np.array_equal(sm.proba(text), _old_sentence_proba(sm, text, ()))


def test_bare_heading_filter_tests_the_noun_first_and_still_drops_headings(nlp) -> None:
    # round 21a: the heading test asks whether the trigger is a noun before it walks the
    # sentence; what it drops is unchanged (a bare section heading, not a heading that
    # names a place, and never a verb trigger)
    from tidings.coding import Coder
    from tidings.records import Story

    coder = Coder(model=None)
    coder.record_trace = True

    def traced(text: str) -> dict[str, list[str]]:
        coder.trace = []
        coder.code_doc(nlp(text), Story(id="h", text=text, pub_date="2025-01-01"))
        return {t["trigger"]: t["rules"] for t in coder.trace}

    bare = traced("Protests\n\nPolice arrested two journalists in Lagos on Monday.")
    assert "filter:bare-heading-is-no-event" in bare["Protests"]
    assert "filter:bare-heading-is-no-event" not in bare["arrested"]
    placed = traced("Protests in Lagos\n\nPolice arrested two journalists on Monday.")
    assert "filter:bare-heading-is-no-event" not in placed["Protests"]
    long_line = traced("Protests over fuel prices and wages and rents and school fees and taxes and fines\n\n"
                       "Police arrested two journalists on Monday.")
    assert all("filter:bare-heading-is-no-event" not in r for r in long_line.values())


#: Sentences written for the ancestor and descendant links (r23b): a call or an act
#: inside a charge, a sentence or a suspicion, and a few that hold none.
CHAIN_SENTENCES = (
    "The blogger was accused of encouraging soldiers to desert their posts. "
    "The poet was imprisoned for verses demanding free elections in the province. "
    "Two students were charged with urging dock workers to strike. "
    "The farmer was detained on suspicion of helping smugglers cross the river. "
    "The council asked residents to conserve water during the drought. "
    "Police said the men had planned to rob a bank near the harbour."
)


def test_guard_follows_ancestor_and_descendant_links(nlp) -> None:
    # the guard reads "<<" (the left node's ancestors) and ">>" (its descendants) as
    # spaCy's matcher does, so it never refuses a token the matcher anchors on, and it
    # refuses the tokens whose ancestors (descendants) hold no token the node allows
    up = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["ROOT"]}}},
                    {"LEFT_ID": "v", "REL_OP": "<<", "RIGHT_ID": "p",
                     "RIGHT_ATTRS": {"LOWER": {"IN": ["of", "with", "for"]}, "DEP": "prep"}},
                    {"LEFT_ID": "p", "REL_OP": "<", "RIGHT_ID": "g",
                     "RIGHT_ATTRS": {"LEMMA": {"IN": ["accuse", "charge", "suspicion", "imprison"]}}}], "t", dep=True)
    down = _compiled([{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
                      {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {"LEMMA": {"IN": ["strike", "desert"]}}},
                      {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "dobj"}}], "t", dep=True)
    assert [k for _, k, _ in up.links] == ["ancestors", "head"]
    assert [k for _, k, _ in down.links] == ["descendants", "children"]
    doc = nlp(CHAIN_SENTENCES)
    for p in [up, down, *_shipped_patterns()]:
        matched = refused = 0
        for sent in doc.sents:
            sub = sent.as_doc()
            firsts = {ids[0] for _, ids in p.matcher(sub.vocab)(sub)}
            for tok in sent:
                ok = p.may_anchor(tok, sent)
                if tok.i - sent.start in firsts:
                    matched += 1
                    assert ok, (p.pattern, sent.text, tok.text)
                elif not ok:
                    refused += 1
        if p is up:
            assert matched >= 3 and refused > 0   # "encouraging", "demanding", "urging", ...
        if p is down:
            assert matched >= 1 and refused > 0   # "accused ... desert their posts"
