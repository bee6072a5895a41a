"""The speed work of issue 20 (second round) keeps the events: each short cut is checked
against the plain way it replaces, on the same stories.

Short cuts: the model's attribute ruler and lemmatizer run as lookup tables
(``tidings.analyse``); rules filtered by their lemma and type conditions before testing
(``RuleSet.candidates``); the trigger classifier scoring a sentence's words in one
product (``TriggerModel.proba_many``), with its per-sentence features worked out once;
the argument model scoring a sentence's candidates in one softmax
(``ArgumentModel.proba_many``), its features with the anchor's chain of heads worked out
once (``features_many``); events the default output drops not recorded
(``Coder.dropped``); sentence texts cut from the story text once
(``StoryState.text_of``); the networks' matrix products with NumPy's BLAS instead of
``blis`` (``tidings.analyse.use_numpy_matmul``, third round); a head word's entities
(``Mentions._for_head_kept``), the sport test and the dependency matcher's sentence
(``predicates._sentence_memo``) and the source phrases (``syntax.source_phrase_words``)
kept per sentence, and a story memory whose version stays when an equal value is learnt
again (``StoryMemory.__setitem__``, fourteenth round); the dependency patterns' own
tests of the trigger's tokens before the matcher runs (``_Pattern.may_anchor``, issue 16,
round 21a); the resolver's answers kept per story by mention when they read neither the
memory nor the sentence (``StoryMemory.free``, r23b)."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG

from tidings.actors import ActorResolver, StoryMemory
from tidings.analyse import AttributeTable, load_nlp, one_blas_thread, use_attribute_table
from tidings.coding import predicates, syntax
from tidings.coding.mentions import Mentions
from tidings.coding.argmodel import ArgumentModel
from tidings.coding.rules import RuleSet, _guard
from tidings.coding.state import StoryState
from tidings.engines.worker import Limits, StoryWorker
import tidings.coding.learned as learned_pass
from tidings.learn.model import TriggerModel, dense_features, dense_features_many
from tidings.read import read_stories
from tidings.records import Story

from conftest import EXAMPLES, SHARED

VOA = SHARED / "data" / "voa_stories.jsonl"
MUC = SHARED / "data" / "muc34_fbis.jsonl"

#: Sentences written for these tests, with the ruler's rarer patterns: several-token
#: patterns ("gon na", "let 's", "y' all", "ai n't", "there is"), forms it relemmatises
#: ("'d", "gets"/"got"), pronouns and determiners with morphology, spaces, "but" as an
#: adverb, "that" as a relative pronoun.
ODD = ("We're gonna talk, and let's be clear: y'all ain't leaving. "
       "There is no deal, there are no talks and there were none.\n\n"
       "She'd said he gets what he got; I told them that nothing but a ceasefire would do. "
       "The minister, who  said  that  the  talks failed , left.  Anyone? Everybody knows.\n"
       "THE ARMY SAID IT HAD KILLED 12 REBELS.   It was but a skirmish, those who saw it said.")


def _stories(n_shared: int = 12) -> list[Story]:
    stories = [s for s in read_stories([EXAMPLES / "stories.jsonl"]) if isinstance(s, Story)]
    stories.append(Story(id="odd", text=ODD, pub_date="2025-01-10"))
    for path, k in ((VOA, n_shared), (MUC, n_shared // 3)):
        if path.exists():
            got = [s for s in read_stories([path]) if isinstance(s, Story)]
            stories += got[::max(1, len(got) // k)][:k]
    return stories


def _annotations(doc) -> np.ndarray:
    return doc.to_array([POS, TAG, MORPH, LEMMA])


def test_attribute_and_lemma_tables_set_what_spacys_components_set() -> None:
    fast, plain = load_nlp(), load_nlp(fast_attributes=False, numpy_matmul=False)
    assert "tidings_attributes" in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    assert "tidings_lemmas" in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert "attribute_ruler" in plain.pipe_names and "lemmatizer" in plain.pipe_names
    texts = [ODD, ODD.lower(), ODD.upper()] + [s.text for s in _stories()]
    for text in texts:
        a, b = fast(text), plain(text)
        assert [t.text for t in a] == [t.text for t in b]
        same = _annotations(a) == _annotations(b)
        if not same.all():
            i = int(np.argwhere(~same.all(axis=1))[0][0])
            pytest.fail(f"token {a[i].text!r}: {a[i].pos_}/{a[i].morph}/{a[i].lemma_} against "
                        f"{b[i].pos_}/{b[i].morph}/{b[i].lemma_}")
    # the several-token patterns did fire
    doc = fast("We're gonna win, let's go, y'all.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na", "'s")] == ["go", "to", "us"]


def test_the_lemma_tables_known_lemmas_are_sets_and_give_the_same_lemmas() -> None:
    # thirteenth round: spaCy's rule lemmatizer asks "form in index" of lists (57,528
    # nouns), about 1 ms a new word; the table's lemmatizer holds sets instead
    fast, plain = load_nlp(), load_nlp(fast_attributes=False, numpy_matmul=False)
    index = fast.get_pipe("tidings_lemmas").lemmatizer.lookups.get_table("lemma_index")
    assert len(index) == 4 and all(isinstance(v, frozenset) for v in index.values())
    assert isinstance(next(iter(plain.get_pipe("lemmatizer").lookups.get_table("lemma_index").values())), list)
    text = ("Mediators besieged by reporters said the warring militias were regrouping, disarming "
            "and redeploying their gunboats, while the envoys' ceasefires had faltered.")
    a, b = fast(text), plain(text)
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    got = {t.text: t.lemma_ for t in a}
    assert (got["militias"], got["regrouping"], got["ceasefires"], got["besieged"]) == \
        ("militia", "regroup", "ceasefire", "besiege")


def test_numpy_matmul_swaps_only_the_products_back_end() -> None:
    from thinc.api import NumpyOps

    fast, plain = load_nlp(), load_nlp(fast_attributes=False, numpy_matmul=False)
    for nlp, blis in ((fast, False), (plain, True)):
        for name in ("tok2vec", "ner"):
            ops = {type(n.ops) for n in nlp.get_pipe(name).model.walk()}
            assert ops == {NumpyOps}, name
            assert {n.ops.use_blis for n in nlp.get_pipe(name).model.walk()} == {blis}, name
    # the same weights, layer by layer
    for name in ("tok2vec", "ner"):
        for x, y in zip(fast.get_pipe(name).model.walk(), plain.get_pipe(name).model.walk()):
            assert x.name == y.name
            for p in x.param_names:
                if x.has_param(p):
                    assert np.array_equal(x.get_param(p), y.get_param(p)), (name, x.name, p)


def test_one_blas_thread_restores_the_setting() -> None:
    from threadpoolctl import threadpool_info

    def blas_threads():
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    with one_blas_thread():
        assert set(blas_threads()) <= {1}
    assert blas_threads() == before


def test_one_blas_thread_holds_a_library_loaded_after_its_first_use() -> None:
    # SciPy brings its own OpenBLAS; a worker may load it (through scikit-learn) after
    # parsing its first story. Checked in a fresh process, where SciPy is not loaded yet.
    # SciPy comes with the train extra (in the test extra); without it there is nothing to check.
    pytest.importorskip("scipy")
    import subprocess
    import sys

    pytest.importorskip("scipy")  # the 'train' extra; the 'test' extra does not install it
    code = ("import numpy\n"
            "from tidings.analyse import one_blas_thread\n"
            "from threadpoolctl import threadpool_info\n"
            "with one_blas_thread():\n    pass\n"
            "import scipy.linalg\n"
            "with one_blas_thread():\n"
            "    n = [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
            "print(len(n), max(n))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    libs, most = map(int, r.stdout.split())
    assert most == 1
    assert libs >= 1


def test_attribute_table_leaves_a_ruler_it_cannot_read_to_spacy() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "huge"})
    with pytest.raises(ValueError, match="not a plain token pattern"):
        AttributeTable(ruler)
    assert use_attribute_table(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_dense_features_of_a_sentence_are_those_of_its_words_bit_for_bit(nlp) -> None:
    from tidings.learn.tokens import is_candidate
    from tidings.learn.vectors import load_vectors

    vectors = load_vectors()
    # short sentences (windows cut by both ends), unknown words, words with no argument
    texts = [ODD, "Talks.", "Xqzv blorfed the wugs near Zzyzx.",
             "Protesters clashed with police in Nairobi on Monday, and the army deployed troops."]
    texts += [s.text for s in _stories(4)[:6]]
    n = 0
    for text in texts:
        for sent in nlp(text).sents:
            toks = [t for t in sent if is_candidate(t)] or list(sent)[:1]
            lowers = {t.i: t.lower_ for t in sent}
            bounds = (sent.start, sent.end)
            got = dense_features_many(toks, vectors, bounds, lowers)
            want = np.stack([dense_features(t, vectors, bounds, lowers) for t in toks])
            assert got.dtype == want.dtype == np.float32
            assert got.tobytes() == want.tobytes(), sent.text
            n += len(toks)
    assert n > 100
    assert dense_features_many([], vectors, (0, 0), {}).shape == (0, 4 * vectors.dim)


def test_argument_features_of_a_sentence_are_those_of_each_candidate(nlp) -> None:
    from tidings.coding.argmodel import candidates, features, features_many

    texts = [ODD, "Protesters clashed with police in Nairobi on Monday, and the army deployed troops.",
             "The talks were held by the two sides, which the envoy said had been invited by Qatar."]
    texts += [s.text for s in _stories(4)[:6]]
    n = 0
    for text in texts:
        for sent in nlp(text).sents:
            for anchor in sent:
                if anchor.pos_ not in ("VERB", "NOUN"):
                    continue
                cands = candidates(sent, anchor)
                assert features_many(cands, anchor, "ASSAULT") == [features(c, anchor, "ASSAULT") for c in cands]
                n += len(cands)
    assert n > 200


def test_rule_guards_are_read_from_conditions_every_match_needs() -> None:
    when = [{"pred": "verb"}, {"pred": "lemma", "in": ["strike", "attack"]},
            {"pred": "lemma", "in": ["strike"]}, {"pred": "type", "in": ["PROTEST", "ASSAULT"]},
            {"not": {"pred": "lemma", "in": ["fire"]}}]
    assert _guard(when, "lemma", "t") == frozenset({"strike"})
    assert _guard(when, "type", "t") == frozenset({"PROTEST", "ASSAULT"})
    # a condition about the governed trigger, or under "not", guards nothing
    assert _guard([{"pred": "lemma", "in": ["say"], "trigger": "sub"}], "lemma", "t") is None
    assert _guard([{"not": {"pred": "type", "in": ["COERCE"]}}], "type", "t") is None
    # round 21a: "any" guards with the union of its branches when every branch needs a
    # lemma (or type), itself or in an "all"; a branch that needs none guards nothing
    two_readings = [{"any": [{"all": [{"pred": "lemma", "in": ["sell", "ship"]}, {"pred": "verb"}]},
                             {"pred": "lemma", "in": ["approve"]}]}, {"pred": "verb"}]
    assert _guard(two_readings, "lemma", "t") == frozenset({"sell", "ship", "approve"})
    assert _guard([{"any": [{"pred": "type", "in": ["COERCE"]}]}], "type", "t") == frozenset({"COERCE"})
    assert _guard([{"any": [{"pred": "lemma", "in": ["sell"]}, {"pred": "verb"}]}], "lemma", "t") is None
    assert _guard([{"all": [{"pred": "lemma", "in": ["sell", "buy"]}]}, {"pred": "lemma", "in": ["buy", "rent"]}],
                  "lemma", "t") == frozenset({"buy"})


@pytest.fixture(scope="module")
def both_ways():
    """Events of the same stories coded with the short cuts and without them."""
    stories = _stories()
    limits = Limits(all_candidates=True, story_timeout=None)
    fast = StoryWorker((), limits)
    fast_events = fast.run_checked(stories)

    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(RuleSet, "candidates", lambda self, stage, ctx: self.by_stage[stage])
        mp.setattr(TriggerModel, "proba_many", lambda self, feats, dense: np.stack(
            [self.proba(f, d) for f, d in zip(feats, dense)]) if feats else np.zeros((0, len(self.classes))))
        mp.setattr(StoryState, "text_of", lambda self, sent: sent.text)
        mp.setattr(learned_pass, "dense_features_many", lambda toks, vectors, bounds, lowers: np.stack(
            [dense_features(t, vectors, bounds, lowers) for t in toks]))
        mp.setattr(ArgumentModel, "proba_many", lambda self, feats: np.array(
            [[self.proba(f)[c] for c in self.classes] for f in feats]).reshape(len(feats), len(self.classes)))
        # fourteenth round: a head word's entities, the sport test and the source phrases
        # kept per sentence; an equal value learnt again leaves the story memory as it was
        mp.setattr(Mentions, "_for_head_kept", Mentions._for_head)
        mp.setattr(predicates, "_sentence_memo", lambda sent: {})
        # round 21a: the dependency patterns' own tests before the matcher
        mp.setattr(predicates._Pattern, "may_anchor", lambda self, tok, sent: True)
        real_source = syntax.source_phrase_words

        def source_afresh(tok, sent=None):
            syntax._SOURCE_LAST = (None, -1, -1, frozenset())
            return real_source(tok)
        mp.setattr(syntax, "source_phrase_words", source_afresh)

        def always_new_version(self, key, value):
            self.version += 1
            dict.__setitem__(self, key, value)
        mp.setattr(StoryMemory, "__setitem__", always_new_version)
        # r23b: the resolver's answers kept for the story by mention (StoryMemory.free)
        # and per memory version: every question resolved afresh
        mp.setattr(ActorResolver, "resolve_all", lambda self, text, context="", date=None, memory=None:
                   self._resolve_all(text, context, date, memory))
        plain = StoryWorker((), limits)
        plain.nlp = load_nlp(fast_attributes=False, numpy_matmul=False)
        plain_events = plain.run_checked(stories)
    finally:
        mp.undo()
    return stories, fast_events, plain_events


def _without_confidence(e) -> dict:
    return {k: v for k, v in e.to_dict().items() if k != "confidence"}


def test_short_cuts_give_the_same_events(both_ways) -> None:
    stories, fast, plain = both_ways
    n = 0
    for story, a, b in zip(stories, fast, plain):
        assert isinstance(a, list) and isinstance(b, list), story.id
        assert [_without_confidence(e) for e in a] == [_without_confidence(e) for e in b], story.id
        n += len(a)
    assert n >= 30  # the sample has events to compare (the examples alone give more)


def test_short_cuts_keep_the_confidences_to_the_last_digit(both_ways) -> None:
    # the one-product scoring adds in another order than the plain loop: the sums agree to
    # about 1e-15, so a confidence rounded to four digits may differ by one unit when it
    # lies on a rounding boundary (one event of the sample did with the fifth round's model)
    _, fast, plain = both_ways
    conf = [(x.confidence, y.confidence) for a, b in zip(fast, plain) for x, y in zip(a, b)]
    assert conf and all(abs(x - y) <= 1.5e-4 for x, y in conf)
    assert sum(x != y for x, y in conf) <= max(1, len(conf) // 100)


def test_events_the_default_output_drops_are_not_recorded_and_change_nothing() -> None:
    # Coder.dropped (issue 20): an event under the threshold is made up to its arguments
    # and its place, not recorded; the default output is the same as when it is recorded
    from tidings.coding.coder import Coder

    stories = _stories()
    limits = Limits(story_timeout=None)
    calls: list[bool] = []
    real = Coder.dropped
    mp = pytest.MonkeyPatch()
    try:
        mp.setattr(Coder, "dropped", lambda self, t, etype: calls.append(real(self, t, etype)) or calls[-1])
        fast = StoryWorker((), limits).run_checked(stories)
        mp.setattr(Coder, "dropped", lambda self, t, etype: False)
        plain = StoryWorker((), limits).run_checked(stories)
    finally:
        mp.undo()
    assert sum(calls) >= 10  # the short cut was taken
    assert sum(len(a) for a in fast) >= 30
    for story, a, b in zip(stories, fast, plain):
        assert [e.to_dict() for e in a] == [e.to_dict() for e in b], story.id


def _plain_cuts(doc, max_tokens: int) -> list[int]:
    """Where split_long_runs' token loop sets sentence starts (the loop itself, without
    the array test that lets it skip documents with no long run)."""
    from tidings.engines.worker import _FINAL

    run, cuts = 0, []
    for i, tok in enumerate(doc):
        if i and run >= max_tokens:
            cuts.append(i)
            run = 0
        run += 1
        if tok.text in _FINAL or (tok.is_space and "\n" in tok.text):
            run = 0
    return cuts


def test_long_run_test_never_skips_a_document_that_needs_a_cut(nlp) -> None:
    # fifth round: split_long_runs skips its loop when no run can reach the limit; the
    # runs here end at full stops, question marks, line breaks or nowhere, and are cut
    # exactly where the plain loop cuts them
    import random

    from tidings.engines.worker import split_long_runs

    rng = random.Random(20)
    pieces = ["troops", "fired", "at", "the", "border", ".", "?", "\n", "\n\n", "said", "\u2026", "!"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 80))) for _ in range(400)]
    texts += ["word " * 30, ("word " * 9 + ". ") * 5, "word\n" * 40, ODD]
    cut_docs = 0
    for text in texts:
        for limit in (2, 3, 7, 12, 150):
            want = _plain_cuts(nlp.make_doc(text), limit)
            doc = nlp.make_doc(text)
            assert split_long_runs(doc, limit) == len(want), (text, limit)
            assert [t.i for t in doc if t.i and t.is_sent_start] == want, (text, limit)
            cut_docs += bool(want)
    assert cut_docs > 300  # the random texts do need cuts at the small limits


def test_argument_paths_walk_the_same_chain_of_heads(nlp) -> None:
    # fifth round: _path walks the candidate's heads only as far as the anchor's chain
    from tidings.coding.argmodel import _ancestors, _path

    def plain_path(cand, down, down_idx):
        up = _ancestors(cand)
        for k, t in enumerate(up):
            if t.i in down_idx:
                j = down_idx[t.i]
                if k > 4 or j > 4:
                    return "far"
                return "<".join(x.dep_ for x in up[:k]) + "^" + ">".join(x.dep_ for x in reversed(down[:j]))
        return "far"

    texts = [ODD, "The envoy whom the minister that the rebels who had seized the town in the north "
             "of the country freed had sent to the talks in the capital said the army deployed troops."]
    texts += [s.text for s in _stories(4)[:4]]
    n = far = 0
    for text in texts:
        doc = nlp(text)
        for anchor in doc:
            if anchor.pos_ != "VERB":
                continue
            down = _ancestors(anchor)
            down_idx = {t.i: k for k, t in enumerate(down)}
            assert [t.i for t in down] == [t.i for t in _plain_chain(anchor)]
            for cand in anchor.sent:
                got = _path(cand, down, down_idx)
                assert got == plain_path(cand, down, down_idx), (cand.text, anchor.text)
                n += 1
                far += got == "far"
    assert n > 1000 and far > 50


def _plain_chain(tok, limit: int = 8) -> list:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < limit:
        chain.append(chain[-1].head)
    return chain


def test_story_memory_keeps_its_version_when_it_learns_what_it_holds() -> None:
    from tidings.records import Entity

    m = StoryMemory()
    aliyev = Entity(text="Ilham Aliyev", country="AZE", sector="GOV", name="Ilham Aliyev")
    m["ilham aliyev"] = aliyev
    v = m.version
    m["ilham aliyev"] = Entity(text="Ilham Aliyev", country="AZE", sector="GOV", name="Ilham Aliyev")
    assert m.version == v and m["ilham aliyev"] is aliyev
    m["ilham aliyev"] = Entity(text="President Aliyev", country="AZE", sector="GOV", name="Ilham Aliyev")
    assert m.version == v + 1 and m["ilham aliyev"].text == "President Aliyev"


def test_source_phrases_of_a_sentence_are_the_same_asked_again_or_with_its_span(nlp) -> None:
    doc = nlp("The army shelled the town, according to local officials. Rebels attacked a base.")
    first, second = list(doc.sents)
    tok = first[2]  # "shelled"
    want = {i for i in range(first.start, first.end) if doc[i].lower_ in ("according", "to", "local", "officials")}
    assert syntax.source_phrase_words(tok) == want
    assert syntax.source_phrase_words(tok, first) == want
    assert syntax.source_phrase_words(second[1], second) == set()  # another sentence: none
    assert syntax.source_phrase_words(tok) == want
