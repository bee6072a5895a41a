"""Fit the confidence calibration shipped in ``src/tidings/data/calibration.json``.

Training data: ``scripts/calibration_labels.jsonl``, events that tidings coded from the
real Voice of America stories in ``shared/data/voa_stories.jsonl`` (a seeded random
sample), each judged by hand against the PLOVER manual: ``type_correct`` says whether the
sentence really reports an event of that type. These are labels the tidings team wrote;
the evaluation files in ``shared/eval`` are never used here.

The script re-codes the labelled stories with the current coder (uncalibrated), matches
each label to its event by (story id, sentence index, event type), and fits Platt
scaling ``p = 1 / (1 + exp(-(a * raw + b)))`` by Newton's method. Labels whose event the
current coder no longer produces are skipped and counted.

Run from the repository root: ``python scripts/calibrate.py``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"
LABELS = ROOT / "scripts" / "calibration_labels.jsonl"
OUT = ROOT / "src" / "tidings" / "data" / "calibration.json"


def fit_platt(xs: list[float], ys: list[int], iters: int = 50, l2: float = 1e-3) -> tuple[float, float]:
    """Logistic regression of ``ys`` (0/1) on ``xs`` (raw scores in 0..1) with an
    intercept, by Newton's method with a small L2 penalty. Returns ``(a, b)``."""
    a, b = 1.0, 0.0
    for _ in range(iters):
        ga, gb, haa, hab, hbb = l2 * a, 0.0, l2, 0.0, 1e-9
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-(a * x + b)))
            ga += (p - y) * x
            gb += p - y
            w = p * (1 - p)
            haa += w * x * x
            hab += w * x
            hbb += w
        det = haa * hbb - hab * hab
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return a, b


def main() -> None:
    from tidings.analyse import load_nlp
    from tidings.code import Coder
    from tidings.read import ReadOptions, read_path
    from tidings.records import Story

    labels = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted = {lab["story_id"] for lab in labels}
    stories = {s.id: s for s in read_path(STORIES, ReadOptions()) if isinstance(s, Story) and s.id in wanted}
    nlp = load_nlp()
    coder = Coder(calibrated=False)
    raw: dict[tuple, float] = {}
    for sid, story in stories.items():
        for ev in coder.code_doc(nlp(story.text), story):
            key = (sid, ev.sentence_index, ev.event_type)
            raw[key] = max(raw.get(key, 0.0), ev.confidence)
    xs, ys, missing = [], [], 0
    for lab in labels:
        key = (lab["story_id"], lab["sentence_index"], lab["event_type"])
        if key not in raw:
            missing += 1
            continue
        xs.append(raw[key])
        ys.append(int(bool(lab["type_correct"])))
    a, b = fit_platt(xs, ys)
    OUT.write_text(json.dumps({
        "method": "platt", "a": round(a, 4), "b": round(b, 4), "n": len(xs),
        "positives": sum(ys), "labels_not_reproduced": missing,
        "source": "scripts/calibration_labels.jsonl (hand-judged VOA events; scripts/calibrate.py)",
    }, indent=2) + "\n")
    print(f"fitted on {len(xs)} labelled events ({sum(ys)} correct, {missing} labels not reproduced): "
          f"a={a:.3f} b={b:.3f} -> {OUT}")


if __name__ == "__main__":
    main()
