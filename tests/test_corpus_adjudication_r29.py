"""The r29 adjudication log (corpus/adjudication/r29.jsonl) matches the train gold it describes.

Each logged line names a train sentence whose truce or ceasefire mention was relabelled by
docs/annotation.md 11.19 (r29b); the gold line must now hold exactly the logged new event
types, in order, and never be dev or test. Needs no shared text: only corpus/ files.
"""
import collections
import json

from test_corpus_adjudication_r28 import CORPUS, _gold  # one reader of the gold for both logs


def _log():
    return [json.loads(l) for l in (CORPUS / "adjudication" / "r29.jsonl").read_text().splitlines()]


def test_r29_log_matches_train_gold():
    log = _log()
    split = {json.loads(l)["story_id"]: json.loads(l)["split"]
             for l in (CORPUS / "stories.jsonl").read_text().splitlines()}
    gold = _gold()
    assert collections.Counter(r["kind"] for r in log) == {
        "agreed truce": 5, "declared or offered truce": 1,
        "truce as background": 8, "call for a truce": 2, "truce as a deal's result": 1}
    for r in log:
        assert split[r["story_id"]] == "train"
        assert r["guide"] == "docs/annotation.md 11.19"
        line = gold[(r["story_id"], r["sentence"])]
        assert line["file"] == r["file"]
        assert [e["event_type"] for e in line["events"]] == r["new_types"]
        assert r["old_types"] != r["new_types"]


def test_r29_background_truces_lost_their_retreat():
    """11.19 background: a truce in force or its benefits is no RETREAT any more."""
    gold = _gold()
    for r in _log():
        if r["kind"] == "truce as background":
            evs = gold[(r["story_id"], r["sentence"])]["events"]
            assert not [e for e in evs if e["event_type"] == "RETREAT" and "truce" in e["trigger"].lower()], r


def test_r29_truce_not_yet_agreed_stays_agree_negation():
    """11.19 control: a plain present perfect 'has not agreed to the ceasefire' (talks going on)
    stays AGREE + negation (section 4; event:unreached-agreement-is-rejection's r25k note)."""
    evs = _gold()[("8008456", 11)]["events"]
    assert evs[0]["event_type"] == "AGREE" and evs[0]["aux_modes"] == ["negation"]


def test_r29_agreed_ceasefire_agreements_are_agree():
    gold = _gold()
    for k in [("state-254206", 4), ("state-254206", 15), ("state-254507", 3), ("state-246732", 2)]:
        evs = gold[k]["events"]
        assert any(e["event_type"] == "AGREE" and "ceasefire" in e["trigger"] for e in evs), k
        assert not any(e["event_type"] == "CONCEDE" for e in evs), k
