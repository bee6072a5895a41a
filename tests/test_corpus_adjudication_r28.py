"""The r28 adjudication log (corpus/adjudication/r28.jsonl) matches the train gold it describes.

Each logged line names a train sentence whose events of one kind were relabelled by
docs/annotation.md 11.15 (security-force operations), 11.16 (people fleeing) or 11.17
(persecution and repression); the gold
line must now hold exactly the logged new event types, in order, and never be dev or test.
Needs no shared text: only the stand-off files of corpus/.
"""
import collections
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _gold():
    """Map (story_id, sentence) -> annotation line, over all annotation batches."""
    out = {}
    for p in sorted((CORPUS / "annotations").glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            out[(d["story_id"], d["sentence"])] = d
    return out


def test_r28_log_matches_train_gold():
    log = [json.loads(l) for l in (CORPUS / "adjudication" / "r28.jsonl").read_text().splitlines()]
    split = {json.loads(l)["story_id"]: json.loads(l)["split"]
             for l in (CORPUS / "stories.jsonl").read_text().splitlines()}
    gold = _gold()
    assert collections.Counter(r["kind"] for r in log) == {
        "security-force operation": 6, "flee / displacement": 4, "persecution / repression": 14}
    for r in log:
        assert split[r["story_id"]] == "train"
        line = gold[(r["story_id"], r["sentence"])]
        assert line["file"] == r["file"]
        assert [e["event_type"] for e in line["events"]] == r["new_types"]
        assert r["old_types"] != r["new_types"]


def test_r28_operations_now_coerce_seize():
    """The five search/capture operations once labelled MOBILIZE are COERCE seize (11.15)."""
    gold = _gold()
    keys = [("muc-TST2-MUC4-0002", 6), ("muc-DEV-MUC3-0120", 23), ("muc-DEV-MUC3-0108", 6),
            ("muc-DEV-MUC3-1200", 1), ("muc-DEV-MUC3-1284", 8)]
    for k in keys:
        evs = gold[k]["events"]
        assert not any(e["event_type"] == "MOBILIZE" for e in evs), k
        assert any(e["event_type"] == "COERCE" and e["mode"] == "seize" for e in evs), k


def test_r28_denounced_repression_is_coerce_claimed_by_speaker():
    """11.17 with 11.4: a speaker's 'the repression continues' is the act, the speaker in claimed_by."""
    evs = _gold()[("muc-DEV-MUC3-1135", 7)]["events"]
    assert [e["event_type"] for e in evs] == ["REJECT", "COERCE"]
    assert [c["text"] for c in evs[1]["claimed_by"]] == ["HE"]
    assert evs[1]["actor"] == []
