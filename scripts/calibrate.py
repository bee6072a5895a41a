"""Fit the confidence calibration shipped in ``src/tidings/data/calibration.json``.

Training data (``corpus/README.md``): ``corpus/voa_judged/sample*.jsonl``, events that
tidings coded from the real Voice of America stories in ``shared/data/voa_stories.jsonl``
(four seeded random samples of 160, 200, 150 and 120; each later sample excludes the
events judged before), each judged by hand against the PLOVER manual: ``type_correct``
says whether the sentence really reports an event of that type (the third and fourth
samples also have ``actor_correct``, the fourth ``mode_correct``); and
``corpus/written/batch*.jsonl``, 560 short news sentences the team wrote with the event
types they report. These are labels the tidings team wrote; the evaluation files in
``shared/eval`` are never used here.

The script re-codes the labelled stories with the current coder, matches each label to
its event by (story id, sentence index, event type), and fits an L2-regularised logistic
regression of ``type_correct`` on the coder's evidence features
(:data:`tidings.coding.FEATURES`) by Newton's method. Labels whose event the current coder
no longer produces are skipped and counted.

Run from the repository root: ``python scripts/calibrate.py [--l2 1.0]``.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"
CORPUS = ROOT / "corpus"
LABELS = sorted((CORPUS / "voa_judged").glob("sample*.jsonl"))
SENTENCES = sorted((CORPUS / "written").glob("batch*.jsonl"))
OUT = ROOT / "src" / "tidings" / "data" / "calibration.json"


def fit_logistic(X: list[list[float]], y: list[int], l2: float = 1.0, iters: int = 30) -> tuple[list[float], float]:
    """L2-regularised logistic regression (intercept unpenalised) by Newton's method.

    Args:
        X: n rows of k features; y: n labels in {0, 1}; l2: penalty on the coefficients.
    Returns:
        (coefficients of length k, intercept).
    """
    import numpy as np

    A = np.hstack([np.asarray(X, float), np.ones((len(X), 1))])
    t = np.asarray(y, float)
    w = np.zeros(A.shape[1])
    pen = np.full(A.shape[1], l2)
    pen[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-A @ w))
        g = A.T @ (p - t) + pen * w
        H = (A * (p * (1 - p))[:, None]).T @ A + np.diag(pen + 1e-9)
        w -= np.linalg.solve(H, g)
    return [float(x) for x in w[:-1]], float(w[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()
    from tidings.analyse import load_nlp
    from tidings.coding import FEATURES, Coder
    from tidings.read import ReadOptions, read_path
    from tidings.records import Story

    labels = [json.loads(x) for f in LABELS for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted = {lab["story_id"] for lab in labels}
    stories = {s.id: s for s in read_path(STORIES, ReadOptions()) if isinstance(s, Story) and s.id in wanted}
    nlp = load_nlp()
    coder = Coder(calibrated=False)
    coder.record_features = True
    feats: dict[tuple, list[float]] = {}
    for sid, story in stories.items():
        for ev in coder.code_doc(nlp(story.text), story):
            if ev.event_id in coder.features:
                feats.setdefault((sid, ev.sentence_index, ev.event_type), coder.features[ev.event_id])
    X, y, missing = [], [], 0
    for lab in labels:
        key = (lab["story_id"], lab["sentence_index"], lab["event_type"])
        if key not in feats:
            missing += 1
            continue
        X.append(feats[key])
        y.append(int(bool(lab["type_correct"])))
    # 5-fold cross-validated calibration error on the labelled real-news events
    from tidings.evaluate import expected_calibration_error
    held = []
    for k in range(5):
        tr = [i for i in range(len(X)) if i % 5 != k]
        c_k, b_k = fit_logistic([X[i] for i in tr], [y[i] for i in tr], args.l2)
        for i in range(k, len(X), 5):
            z = b_k + sum(w * x for w, x in zip(c_k, X[i]))
            held.append((1 / (1 + math.exp(-z)), bool(y[i])))
    cv_ece = expected_calibration_error(held)
    cv_logloss = -sum(math.log(max(1e-9, p if ok else 1 - p)) for p, ok in held) / len(held)
    pos = [p for p, ok in held if ok]
    neg = [p for p, ok in held if not ok]
    cv_auc = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / max(1, len(pos) * len(neg))
    # sentences the team wrote with their event types: each coded event is right when its
    # type is among the sentence's types (clear, short items, as in headlines and ledes)
    n_written = 0
    for i, line in enumerate(x for f in SENTENCES if f.exists()
                             for x in f.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        d = json.loads(line)
        story = Story(id=d.get("id", f"cal{i}"), text=d["text"], pub_date=d.get("pub_date"))
        for ev in coder.code_doc(nlp(story.text), story):
            if {"negation", "hypothetical"} & set(ev.aux_modes) or ev.event_id not in coder.features:
                continue
            X.append(coder.features[ev.event_id])
            y.append(int(ev.event_type in set(d["types"])))
            n_written += 1
    coef, b = fit_logistic(X, y, args.l2)
    # in-sample check: mean predicted vs observed
    ps = [1 / (1 + math.exp(-(b + sum(w * x for w, x in zip(coef, row))))) for row in X]
    OUT.write_text(json.dumps({
        "method": "logistic", "features": list(FEATURES), "coef": [round(c, 4) for c in coef],
        "intercept": round(b, 4), "l2": args.l2, "n": len(X), "positives": sum(y),
        "labels_not_reproduced": missing, "written_sentence_events": n_written,
        "cv5_ece_on_labels": cv_ece, "cv5_logloss_on_labels": round(cv_logloss, 4),
        "cv5_auc_on_labels": round(cv_auc, 4),
        "source": "corpus/voa_judged/sample*.jsonl (hand-judged VOA events) and "
                  "corpus/written/batch*.jsonl (team-written sentences); scripts/calibrate.py",
    }, indent=2) + "\n")
    print(f"fitted on {len(X)} labelled events ({sum(y)} correct, {missing} labels not reproduced); "
          f"mean predicted {sum(ps) / len(ps):.3f} vs observed {sum(y) / len(y):.3f}; "
          f"5-fold cross-validated ECE {cv_ece}, log loss {cv_logloss:.4f}, AUC {cv_auc:.4f}")
    for n, c in zip(FEATURES, coef):
        print(f"  {n:<22} {c:+.3f}")
    print(f"  {'intercept':<22} {b:+.3f}\n-> {OUT}")


if __name__ == "__main__":
    main()
