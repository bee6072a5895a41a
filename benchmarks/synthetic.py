"""Document-level recall on the synthetic PLOVER stories. Run by hand:

    python benchmarks/synthetic.py [--limit N | --sample N [--seed S]] [--processes P]
                                   [--titles] [--json OUT.json] [--misses OUT.jsonl]

``../shared/data/synthetic_stories.csv`` holds 4,500 invented news stories (NGEC
project, MIT licence), each labelled with the one PLOVER event type (``label``) and mode
(``mode``) the story was written to report. It is development data: unlike
``shared/eval`` it may be read, mined for failures and used to write rules. The labels
are at the level of the document, not the sentence, so this measures whether tidings
finds the story's event *somewhere*, not its precision (most stories also report other,
unlabelled events: a protest story mentions arrests, an attack story accusations).

What is coded: the story ``text`` alone, with the local engine
(:func:`tidings.engines.local.code_stories`, one worker process unless ``--processes``).
The ``title`` column has ``{country_1}`` placeholders, and the ``prompt`` column (the
title with the real country name, then a ``(Reuters) --`` style source line) was the
text-generator's prompt, not part of the story: the body is what a user feeds tidings
(tidings codes ``Story.text``; ``Story.title`` is metadata), and a headline in front
of the text would also shift the lede. ``--titles`` codes each prompt's title line on
its own as well and reports how many stories missed in the text have the label type in
the title alone (an upper bound on what coding headlines would recover).

Which events count: those tidings says happened, i.e. without the aux modes
``negation`` or ``hypothetical`` (:data:`tidings.evaluate.NOT_HAPPENED`, as in
``quality.py``). The label says the story reports the event, and in PLOVER an event
announced for the future (aux ``future``) or in the past (``historical``) is still that
event, so those are kept. The column ``any`` counts every coded event whatever its aux
modes, to show how much recall the negation/hypothetical filter costs.

Reported per labelled type:

* ``n``: stories; ``recall``: share with >= 1 counted event of the label type;
* ``lede``: share with such an event in sentences 0-2 (the ``lede`` of the confidence
  model, :func:`tidings.coding.confidence_features`);
* ``any``: recall counting negated and hypothetical events too;
* ``mode``: of the stories whose label type was found and whose label has a mode, the
  share where some event of that type has the label's mode (case-insensitive; the
  CSV's misspellings ``PRIMATIVE`` and ``SIEZE`` are read as tidings' ``primitive`` and
  ``seize``); ``mode_n`` is that denominator. ``modes_never_coded`` lists the label
  modes tidings never produced for the type in this run;
* ``no_event``: share of stories with no counted event at all;
* ``per_mode`` (JSON only): recall per label mode; ``mode_confusion``: for stories
  whose label type was found with none of its events in the label's mode, the modes
  coded instead (the most frequent are printed);
* ``instead``: in stories where the label type is missing, the types coded instead
  (stories per type, most frequent first).

Macro document recall is the mean of the per-type recalls (every type weighs the same,
whatever its number of stories); micro recall is over all stories.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "data" / "synthetic_stories.csv"

#: The CSV's spellings of modes that tidings writes differently (PLOVER manual spellings).
MODE_ALIASES = {"primative": "primitive", "sieze": "seize"}


def load_rows(path: Path) -> list[dict]:
    """Read the CSV, numbering rows ``synth-<row>`` (row = 0-based position in the file)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, r in enumerate(rows):
        r["id"] = f"synth-{i}"
        m = (r.get("mode") or "").strip().lower()
        r["mode_norm"] = MODE_ALIASES.get(m, m) or None
        r["title_text"] = (r.get("prompt") or "").split("\n", 1)[0].strip()
    return rows


def code(rows: list[dict], text_of, processes: int) -> tuple[dict[str, list[dict]], object]:
    """Code ``text_of(row)`` for every row; return events by story id and the run summary."""
    from tidings.engines.local import code_stories
    from tidings.records import Story

    pred: dict[str, list[dict]] = defaultdict(list)
    summary = code_stories((Story(id=r["id"], text=text_of(r)) for r in rows if text_of(r).strip()),
                           sink=lambda ev: pred[ev.story_id].append(ev.to_dict()),
                           processes=processes)
    return pred, summary


def measure(rows: list[dict], pred: dict[str, list[dict]], title_pred: dict | None = None) -> dict:
    """Per-type and overall figures (see the module docstring)."""
    from tidings.evaluate import NOT_HAPPENED

    by_type: dict[str, dict] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["label"]].append(r)
    all_found = all_nonevent = 0
    for label in sorted(groups):
        g = groups[label]
        found = lede = anyf = mode_ok = mode_n = no_event = title_only = 0
        instead: Counter = Counter()
        coded_modes: set = set()
        per_mode: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # label mode -> [n, found]
        mode_conf: dict[str, Counter] = defaultdict(Counter)  # label mode -> coded modes
        for r in g:
            evs = pred.get(r["id"], [])
            happened = [e for e in evs if not set(e["aux_modes"]) & NOT_HAPPENED]
            mine = [e for e in happened if e["event_type"] == label]
            coded_modes |= {(e["mode"] or "").lower() for e in mine}
            no_event += not happened
            anyf += any(e["event_type"] == label for e in evs)
            pm = per_mode[r["mode_norm"] or "-"]
            pm[0] += 1
            pm[1] += bool(mine)
            if mine:
                found += 1
                lede += any(e["sentence_index"] <= 2 for e in mine)
                if r["mode_norm"]:
                    mode_n += 1
                    ok = any((e["mode"] or "").lower() == r["mode_norm"] for e in mine)
                    mode_ok += ok
                    if not ok:
                        mode_conf[r["mode_norm"]].update({e["mode"] or "-" for e in mine})
            else:
                instead.update({e["event_type"] for e in happened})
                if title_pred is not None and any(
                        e["event_type"] == label and not set(e["aux_modes"]) & NOT_HAPPENED
                        for e in title_pred.get(r["id"], [])):
                    title_only += 1
        n = len(g)
        all_found += found
        all_nonevent += no_event
        label_modes = {r["mode_norm"] for r in g if r["mode_norm"]}
        by_type[label] = {
            "n": n, "recall": found / n, "lede_recall": lede / n, "recall_any_aux": anyf / n,
            "mode_accuracy": mode_ok / mode_n if mode_n else None, "mode_n": mode_n,
            "no_event": no_event / n, "missed": n - found,
            "instead": dict(instead.most_common()),
            "modes_never_coded": sorted(label_modes - coded_modes),
            "per_mode": {m: {"n": v[0], "recall": v[1] / v[0]} for m, v in sorted(per_mode.items())},
            "mode_confusion": {m: dict(c.most_common()) for m, c in sorted(mode_conf.items())},
        }
        if title_pred is not None:
            by_type[label]["missed_but_in_title"] = title_only
    total = len(rows)
    return {
        "stories": total,
        "per_type": by_type,
        "macro_recall": sum(v["recall"] for v in by_type.values()) / len(by_type) if by_type else None,
        "micro_recall": all_found / total if total else None,
        "macro_lede_recall": (sum(v["lede_recall"] for v in by_type.values()) / len(by_type)
                              if by_type else None),
        "no_event_share": all_nonevent / total if total else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--json", help="write all figures to this JSON file")
    ap.add_argument("--limit", type=int, help="only the first N stories of the file")
    ap.add_argument("--sample", type=int, help="a random sample of N stories (see --seed)")
    ap.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    ap.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--titles", action="store_true",
                    help="also code each title on its own (real country name, from the prompt)")
    ap.add_argument("--misses", help="write the missed stories with their coded events to this JSONL file")
    args = ap.parse_args()
    if not CSV.exists():
        print(f"skipped: {CSV} not found (the shared data folder sits beside the checkout)")
        return 0
    rows = load_rows(CSV)
    if args.sample:
        rows = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    if args.limit:
        rows = rows[: args.limit]

    t0 = time.perf_counter()
    pred, summary = code(rows, lambda r: r["text"], args.processes)
    secs = time.perf_counter() - t0
    title_pred = None
    title_secs = None
    if args.titles:
        t1 = time.perf_counter()
        title_pred, _ = code(rows, lambda r: r["title_text"], args.processes)
        title_secs = time.perf_counter() - t1
    res = measure(rows, pred, title_pred)
    res.update({"seconds": round(secs, 1), "stories_per_second": round(len(rows) / secs, 2) if secs else None,
                "title_seconds": round(title_secs, 1) if title_secs is not None else None,
                "events": summary.events, "skipped": dict(summary.skipped),
                "processes": args.processes,
                "selection": {"limit": args.limit, "sample": args.sample,
                              "seed": args.seed if args.sample else None}})

    print(f"== synthetic_stories.csv: {len(rows)} stories, {summary.events} events, {secs:.1f}s "
          f"({res['stories_per_second']} stories/s, {args.processes} process(es))"
          + (f"; skipped {dict(summary.skipped)}" if summary.skipped else ""))
    title_col = args.titles
    head = f"{'type':<10} {'n':>4} {'recall':>6} {'lede':>5} {'any':>5} {'mode':>5} {'m_n':>4} {'none':>5}"
    head += f" {'title':>5}" if title_col else ""
    print(head + "  coded instead when missed (stories)")
    f = lambda v: "  n/a" if v is None else f"{v:5.2f}"  # noqa: E731
    for t, m in sorted(res["per_type"].items(), key=lambda kv: kv[1]["recall"]):
        line = (f"{t:<10} {m['n']:4} {m['recall']:6.2f} {m['lede_recall']:5.2f} {m['recall_any_aux']:5.2f} "
                f"{f(m['mode_accuracy'])} {m['mode_n']:4} {m['no_event']:5.2f}")
        if title_col:
            line += f" {m['missed_but_in_title']:5}"
        inst = ", ".join(f"{k} {v}" for k, v in list(m["instead"].items())[:3])
        print(line + "  " + (inst or "-"))
    print(f"macro recall {res['macro_recall']:.3f}   micro recall {res['micro_recall']:.3f}   "
          f"macro lede recall {res['macro_lede_recall']:.3f}   stories with no event {res['no_event_share']:.3f}")
    never = {t: m["modes_never_coded"] for t, m in res["per_type"].items() if m["modes_never_coded"]}
    if never:
        print("label modes tidings never coded for the type:",
              "; ".join(f"{t}: {', '.join(v)}" for t, v in sorted(never.items())))
    conf = sorted(((t, lm, cm, n) for t, m in res["per_type"].items() for lm, row in m["mode_confusion"].items()
                   for cm, n in row.items()), key=lambda x: -x[3])
    if conf:
        print("wrong modes (type: label mode -> coded mode, stories):",
              "; ".join(f"{t}: {lm}->{cm} {n}" for t, lm, cm, n in conf[:12]))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    if args.misses:
        from tidings.evaluate import NOT_HAPPENED
        with open(args.misses, "w", encoding="utf-8") as out:
            for r in rows:
                evs = pred.get(r["id"], [])
                if any(e["event_type"] == r["label"] and not set(e["aux_modes"]) & NOT_HAPPENED
                       for e in evs):
                    continue
                out.write(json.dumps({
                    "id": r["id"], "label": r["label"], "mode": r["mode"], "title": r["title_text"],
                    "text": r["text"],
                    "events": [{k: e[k] for k in ("sentence_index", "trigger", "event_type", "mode", "aux_modes")}
                               for e in evs]}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
