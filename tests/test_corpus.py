"""The labelled real-news corpus: schema, offsets against ../shared, splits, scoring."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tidings import corpus
from tidings.evaluate import _date_within, assign_to_sentences, corpus_gold, score

HAVE_SHARED = (corpus.SHARED_DATA / "voa_stories.jsonl").exists()
needs_shared = pytest.mark.skipif(not HAVE_SHARED, reason="../shared/data is absent: the corpus "
                                  "labels stories there and cannot be checked without them")


def _event(**kw):
    ev = {"event_type": "ACCUSE", "mode": "disapprove", "contexts": [], "aux_modes": [],
          "trigger": "condemned", "actor": [{"text": "Chile", "country": "CHL", "sector": "GOV", "igo": None}],
          "recipient": [], "claimed_by": [], "date_text": None, "date": None, "location_text": None}
    ev.update(kw)
    return ev


def test_corpus_check_event_accepts_a_valid_label():
    assert corpus.check_event(_event(), "Chile condemned the raid.", "e") == []


@pytest.mark.parametrize("change, fragment", [
    ({"event_type": "BLAME", "mode": None}, "not a PLOVER type"),
    ({"mode": "visit"}, "is not a mode of ACCUSE"),
    ({"contexts": ["sports"]}, "context 'sports' unknown"),
    ({"aux_modes": ["maybe"]}, "aux mode 'maybe'"),
    ({"date": "March 2020"}, "is not YYYY"),
    ({"actor": [{"text": "Peru", "country": "PER", "sector": "GOV", "igo": None}]}, "is not in the sentence"),
    ({"actor": [{"text": "Chile", "country": "CL", "sector": "GOV", "igo": None}]}, "is not ISO3"),
    ({"actor": [{"text": "Chile", "country": "CHL", "sector": "ARMY", "igo": None}]}, "sector 'ARMY'"),
])
def test_corpus_check_event_names_each_problem(change, fragment):
    problems = corpus.check_event(_event(**change), "Chile condemned the raid.", "story 7 sentence 2")
    assert len(problems) == 1 and fragment in problems[0] and problems[0].startswith("story 7 sentence 2")


def test_corpus_check_labels_reports_missing_and_double_sentences():
    sents = {"s1": ["Chile condemned the raid.", "It was raining.", "Nothing else."]}
    recs = [{"story_id": "s1", "sentence": 0, "events": [_event()]},
            {"story_id": "s1", "sentence": 0, "events": []}]
    problems = corpus.check_labels(recs, sents, "out.jsonl")
    assert any("labelled twice" in p for p in problems)
    assert any("sentences [1, 2] unlabelled" in p for p in problems)


def test_corpus_date_within_partial_gold_dates():
    pred = {"start": "2022-03-01", "end": "2022-03-01"}
    assert _date_within("2022-03-01", pred) and _date_within("2022-03", pred) and _date_within("2022", pred)
    assert not _date_within("2022-04", pred) and not _date_within("2021", pred)


def test_corpus_events_go_to_the_sentence_they_overlap_most():
    st = corpus.LabelledStory("f.jsonl", "s1", "dev", "2022-01-01", None, "Aaaa. Bbbb. Cccc.", [
        corpus.Sentence("f.jsonl", "s1", 0, 0, 5, "Aaaa."), corpus.Sentence("f.jsonl", "s1", 1, 6, 11, "Bbbb."),
        corpus.Sentence("f.jsonl", "s1", 2, 12, 17, "Cccc.")])
    evs = [{"story_id": "s1", "evidence_span": [5, 11]}, {"story_id": "s1", "evidence_span": [11, 17]},
           {"story_id": "other", "evidence_span": [0, 5]}]
    got = assign_to_sentences([st], evs)
    assert {k: len(v) for k, v in got.items()} == {"s1#1": 1, "s1#2": 1}


def test_corpus_gold_scores_country_igo_and_drops_negated_events():
    st = corpus.LabelledStory("f.jsonl", "s1", "dev", "2022-01-01", None, "x", [
        corpus.Sentence("f.jsonl", "s1", 0, 0, 1, "x", [
            _event(recipient=[{"text": "the UN", "country": None, "sector": "IGO", "igo": "UN"}]),
            _event(event_type="ASSAULT", mode=None, aux_modes=["negation"])])])
    gold = corpus_gold([st])
    assert [e["event_type"] for e in gold[0]["events"]] == ["ACCUSE"]
    assert gold[0]["events"][0]["recipient"][0]["code"] == "IGO"
    pred = {"s1#0": [{"event_type": "ACCUSE", "aux_modes": [], "confidence": 0.9, "date": {"start": "2022-01-01", "end": "2022-01-01"},
                      "actor": [{"country": "CHL", "sector": "GOV", "igo": None}],
                      "recipient": [{"country": None, "sector": "IGO", "igo": "UN"}], "location": None}]}
    sc = score(gold, pred)
    assert sc.micro_f1 == 1.0 and sc.actor_accuracy == 1.0 and sc.recipient_accuracy == 1.0


def test_corpus_manifest_splits_are_by_story_and_fixed():
    rows = corpus.load_manifest()
    assert len(rows) >= 500
    keys = [(r["file"], r["story_id"]) for r in rows]
    assert len(keys) == len(set(keys)), "a story is drawn twice"
    assert {r["split"] for r in rows} == set(corpus.SPLITS)
    first = [r for r in rows if not str(r.get("added", "")).startswith("draw")]
    share = Counter(r["split"] for r in first)
    assert 0.65 <= share["train"] / len(first) <= 0.75
    # the second draw adds train stories only, so dev and test stay what they were
    assert {r["split"] for r in rows if str(r.get("added", "")).startswith("draw")} <= {"train"}
    assert share["dev"] == sum(r["split"] == "dev" for r in rows)
    assert sum(len(r["sentences"]) for r in rows) >= 5000
    assert {r["file"] for r in rows} == {"voa_stories.jsonl", "muc34_fbis.jsonl",
                                         "state_dept_press.jsonl", "whitehouse_statements.jsonl"}


@needs_shared
def test_corpus_loads_and_offsets_match_the_shared_text():
    stories = corpus.load(labelled_only=False)  # raises CorpusError on a changed text
    assert len(stories) == len(corpus.load_manifest())
    for st in stories:
        prev_end = 0
        for s in st.sentences:
            assert st.text[s.start:s.end] == s.text and s.text.strip() == s.text and s.start >= prev_end
            prev_end = s.end


@needs_shared
def test_corpus_stories_say_how_they_were_drawn_and_training_leaves_the_keyword_draw_out():
    from tidings.learn.train import NOT_TRAINED_ON

    train = corpus.load("train")
    added = {st.added for st in train}
    assert None in added and "draw6" in added and "keyword:COOPERATE" in added
    # the trainers keep every train story but those of the keyword-chosen draw
    kept = [st for st in train if st.added not in NOT_TRAINED_ON]
    assert 1000 < len(kept) < len(train) and all(st.added != "draw6" for st in kept)
    assert all(st.added is None for st in corpus.load("dev") if not (st.added or "").startswith("keyword:"))


@needs_shared
def test_corpus_every_annotation_is_valid_and_whole_stories_are_labelled():
    labels = corpus.load_annotations()
    manifest = {(r["file"], r["story_id"]): r for r in corpus.load_manifest()}
    labelled_stories = {(f, s) for f, s, _ in labels}
    for key in labelled_stories:
        assert key in manifest, f"story {key[1]} is labelled but not in corpus/stories.jsonl"
        n = len(manifest[key]["sentences"])
        have = {i for f, s, i in labels if (f, s) == key}
        assert have == set(range(n)), f"story {key[1]}: not every sentence is labelled"
    # corpus.load validates every event against the schema and the text
    stories = corpus.load()
    assert len(stories) == len(labelled_stories)


def test_corpus_load_fails_loudly_when_the_text_changed(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "f.jsonl").write_text(json.dumps({"id": "s1", "text": "Chile condemned the raid. Rain."}) + "\n")
    cdir = tmp_path / "corpus"
    (cdir / "annotations").mkdir(parents=True)
    (cdir / "stories.jsonl").write_text(json.dumps({
        "file": "f.jsonl", "story_id": "s1", "split": "dev", "pub_date": "2022-01-01",
        "sha1": corpus.text_hash("Chile condemned the raid. Snow."), "sentences": [[0, 25], [26, 31]]}) + "\n")
    with pytest.raises(corpus.CorpusError, match="story s1 of f.jsonl: text changed"):
        corpus.load(corpus=cdir, shared=shared)
