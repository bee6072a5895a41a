"""Coding quality on the development gold files (issue 4). Run by hand:

    python benchmarks/quality.py [--json OUT.json] [--failures]

Prints, for ``shared/eval/plover_gsr_dev.jsonl`` and ``hard_cases_dev.jsonl``: F1 per
type, macro and micro F1, false-event rate, actor/recipient/date/location accuracy,
expected calibration error, the confusion between types, and for the hard cases how many
of the 20 get exactly the right set of event types (and whether the no-event ones stay
empty). The files measure; they are never training data.

A bad gold line (unparseable, no text, a bad date, an unknown event type) is skipped with
a warning naming its file and line, as ``tidings eval`` does, and the rest is scored; a
story the pipeline skips (too slow, a crash) is named too and scored as predicting no
event. Both are listed under ``skipped`` in ``--json``. ``--eval-dir`` reads the gold
files from another folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


FILES = ("plover_gsr_dev.jsonl", "hard_cases_dev.jsonl")


def main(argv: list[str] | None = None) -> int:
    """Score the dev gold files and print the figures; returns the exit status (0; 1 when
    a gold file is missing from ``--eval-dir`` or keeps no document)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", help="write all figures to this JSON file")
    ap.add_argument("--failures", action="store_true", help="list documents whose types differ")
    ap.add_argument("--eval-dir", type=Path, default=EVAL, help=f"folder of the gold files (default {EVAL})")
    args = ap.parse_args(argv)
    if not args.eval_dir.exists():
        print(f"skipped: {args.eval_dir} not found (the shared data folder sits beside the checkout)")
        return 0
    from tidings.engines.local import code_stories
    from tidings.errors import TidingsError
    from tidings.evaluate import NOT_HAPPENED, expected_calibration_error, load_gold, score
    from tidings.records import Story

    results = {}
    all_pairs = []
    for name in FILES:
        skipped: list[str] = []

        def warn(exc: TidingsError) -> None:  # a bad line is skipped; the rest is scored
            skipped.append(str(exc))
            print(f"warning {exc}; line skipped", file=sys.stderr)

        try:
            docs = load_gold(args.eval_dir / name, on_error=warn)
        except TidingsError as exc:  # no such file, or no document left in it
            print(f"error: {exc}", file=sys.stderr)
            return 1
        pred = defaultdict(list)
        t0 = time.perf_counter()
        run = code_stories([Story(id=d["id"], text=d["text"], pub_date=d.get("pub_date")) for d in docs],
                           sink=lambda ev: pred[ev.story_id].append(ev.to_dict()))
        secs = time.perf_counter() - t0
        for msg in run.failures:  # a story the pipeline skipped: scored as no event
            skipped.append(msg)
            print(f"warning {msg}; scored as predicting no event", file=sys.stderr)
        sc = score(docs, pred)
        res = sc.to_dict()
        res["seconds"] = round(secs, 2)
        res["skipped"] = skipped
        for d in docs:
            ps = [e for e in pred[d["id"]] if not set(e["aux_modes"]) & NOT_HAPPENED]
            gset = {e["event_type"] for e in d["events"]}
            for t in {e["event_type"] for e in ps}:
                all_pairs.append((max(e["confidence"] for e in ps if e["event_type"] == t), t in gset))
        if name.startswith("hard"):
            exact = [d["id"] for d in docs
                     if {e["event_type"] for e in d["events"]} ==
                     {e["event_type"] for e in pred[d["id"]] if not set(e["aux_modes"]) & NOT_HAPPENED}]
            empty = [d for d in docs if not d["events"]]
            res["hard_exact"] = len(exact)
            res["hard_no_event_kept_empty"] = sum(
                not [e for e in pred[d["id"]] if not set(e["aux_modes"]) & NOT_HAPPENED] for d in empty)
            res["hard_no_event_docs"] = len(empty)
            res["hard_failed_kinds"] = sorted(str(d.get("kind", "?")) for d in docs if d["id"] not in exact)
        results[name] = res
        print(f"\n== {name}: {sc.documents} documents, {secs:.1f}s"
              + (f", {len(skipped)} skipped (above)" if skipped else ""))
        print(f"{'type':<10} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}")
        for t, m in sc.per_type.items():
            print(f"{t:<10} {m['precision']:5.2f} {m['recall']:5.2f} {m['f1']:5.2f} {m['tp']:4} {m['fp']:4} {m['fn']:4}")
        f = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"macro F1 {sc.macro_f1:.3f}   micro F1 {sc.micro_f1:.3f}   false-event rate {f(sc.false_event_rate)}")
        print(f"actor {f(sc.actor_accuracy)}  recipient {f(sc.recipient_accuracy)}  actor sector "
              f"{f(sc.actor_sector_accuracy)}  date {f(sc.date_accuracy)}  location {f(sc.location_accuracy)}  "
              f"ECE {f(sc.ece)}")
        if "hard_exact" in res:
            print(f"hard cases with exactly the right types: {res['hard_exact']}/{len(docs)}; "
                  f"no-event cases kept empty: {res['hard_no_event_kept_empty']}/{res['hard_no_event_docs']}; "
                  f"failed kinds: {', '.join(res['hard_failed_kinds']) or 'none'}")
        conf = sorted(((g, p, n) for g, row in sc.confusion.items() for p, n in row.items()), key=lambda x: -x[2])
        print("confusion (gold -> predicted instead, count):",
              "; ".join(f"{g}->{p} {n}" for g, p, n in conf[:12]) or "none")
        if args.failures:
            for fl in sc.failures:
                print(f"  {fl['id']}: gold {fl['gold']} predicted {fl['predicted']}: {fl['text'][:150]}")
    ece = expected_calibration_error(all_pairs)
    results["ece_both_dev_files"] = ece
    print(f"\nexpected calibration error over both dev files ({len(all_pairs)} predictions): {ece}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
