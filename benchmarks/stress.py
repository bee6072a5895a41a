"""Stress the pipeline: 20,000 stories, one in ten malformed, through the real readers,
the local engine and a DuckDB store in a temporary folder.

Good stories come from ``../shared/data/voa_stories.jsonl`` (skipped with a message if
absent) and ``examples/stories.jsonl``, each under its own id. Every tenth record is bad
in one of eleven ways, each with the skip code it must get:

==================  ==========================================  =====
kind                record                                      code
==================  ==========================================  =====
truncated-json      a JSON line cut in the middle               T101
not-an-object       a JSON array, not an object                 T107
bad-date            ``"pub_date": "2025-13-45"``                T103
far-future-date     ``"pub_date": "9999-12-31"``                T103
lone-surrogate      ``"\\ud800"`` in the text                    T105
not-utf8            a Latin-1 byte in the line                  T105
empty-text          ``"text": "   "``                           T106
duplicate-id        the id of an earlier good story             T108
too-long            a 150,000-character story                   T109
french              a story in French                           T110
binary-text         a story of control characters               T111
==================  ==========================================  =====

The run then checks that every good story is in the ``stories`` table and every bad one
in ``failures`` with its code and origin, and prints stories, skipped by reason, time,
stories per second and peak memory (this process and its workers).

Run: ``python benchmarks/stress.py [--stories 20000] [--processes 2] [--short]``
(``--short`` cuts each good story to its first three sentences, for a quicker run).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared" / "data" / "voa_stories.jsonl"
EXAMPLES = ROOT / "examples" / "stories.jsonl"

FRENCH = ("Le ministre des Affaires étrangères a condamné mardi l'attaque contre le poste "
          "frontière et a appelé les deux parties à reprendre les négociations à Genève.")
BAD_KINDS = ["truncated-json", "not-an-object", "bad-date", "far-future-date", "lone-surrogate", "not-utf8",
             "empty-text", "duplicate-id", "too-long", "french", "binary-text"]
EXPECT = {"truncated-json": "T101", "not-an-object": "T107", "bad-date": "T103", "far-future-date": "T103",
          "lone-surrogate": "T105", "not-utf8": "T105", "empty-text": "T106", "duplicate-id": "T108",
          "too-long": "T109", "french": "T110", "binary-text": "T111"}


def sources(short: bool) -> list[dict]:
    """Return the good story templates: VOA stories (when shared/ is there) and examples."""
    recs = []
    if VOA.exists():
        for line in VOA.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            recs.append({"text": d["text"], "pub_date": d["published"][:10]})
    else:
        print(f"note: {VOA} not found; using the examples only", file=sys.stderr)
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        recs.append({"text": d["text"], "pub_date": d["pub_date"]})
    if short:
        for r in recs:
            r["text"] = " ".join(re.split(r"(?<=[.!?])\s+", r["text"])[:3])
    return recs


def bad_line(kind: str, i: int, good_ids: list[str]) -> bytes:
    """Return one malformed JSON Lines record of the given kind."""
    sid = f"bad-{i}"
    rec = {"id": sid, "text": "Kenya condemned the attack.", "pub_date": "2025-01-10"}
    if kind == "truncated-json":
        return json.dumps(rec).encode()[:30]
    if kind == "not-an-object":  # (a record without an id is read: named after its line)
        return json.dumps([rec]).encode()
    if kind == "bad-date":
        rec["pub_date"] = "2025-13-45"
    elif kind == "far-future-date":
        rec["pub_date"] = "9999-12-31"
    elif kind == "lone-surrogate":
        return json.dumps(rec).replace("Kenya", "Kenya \\ud800").encode()
    elif kind == "not-utf8":
        return json.dumps(rec).encode().replace(b"Kenya", b"K\xe9nya")
    elif kind == "empty-text":
        rec["text"] = "   "
    elif kind == "duplicate-id":
        rec["id"] = good_ids[max(0, len(good_ids) - 200)]
    elif kind == "too-long":
        rec["text"] = ("Kenya condemned the attack. " * 5400)[:150_000]
    elif kind == "french":
        rec["text"] = FRENCH
    elif kind == "binary-text":
        rec["text"] = "".join(chr(c % 32) for c in range(400))
    return json.dumps(rec).encode()


def build(path: Path, n: int, short: bool) -> tuple[set[str], dict[str, str]]:
    """Write ``n`` records to ``path``; return the good ids and {origin: expected code}."""
    templates = sources(short)
    good: list[str] = []
    bad: dict[str, str] = {}
    with open(path, "wb") as fh:
        for i in range(n):
            line = i + 1
            if i % 10 == 9:
                kind = BAD_KINDS[(i // 10) % len(BAD_KINDS)]
                fh.write(bad_line(kind, i, good) + b"\n")
                bad[f"{path.name}:{line}"] = EXPECT[kind]
            else:
                t = templates[i % len(templates)]
                sid = f"s{i:05d}"
                fh.write(json.dumps({"id": sid, **t}).encode() + b"\n")
                good.append(sid)
    return set(good), bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=20_000)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--short", action="store_true", help="first three sentences of each good story")
    args = ap.parse_args(argv)

    from tidings.engines.local import code_stories
    from tidings.read import read_stories
    from tidings.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stress.jsonl"
        good, bad = build(src, args.stories, args.short)
        chars = src.stat().st_size
        store = Store(Path(tmp) / "stress.duckdb")
        done = [0]
        t0 = time.perf_counter()

        def progress(n: int) -> None:
            done[0] += n
            if done[0] % 2000 < n:
                el = time.perf_counter() - t0
                print(f"  {done[0]:,} records, {el:.0f} s, {done[0] / el:.1f}/s", file=sys.stderr, flush=True)

        summary = code_stories(read_stories([src]), store=store, processes=args.processes,
                               progress=progress)
        elapsed = time.perf_counter() - t0
        con = store.con
        stored = {r[0] for r in con.execute("SELECT story_id FROM stories").fetchall()}
        fails = {r[0]: r[1] for r in con.execute("SELECT origin, code FROM failures").fetchall()}
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        store.close()

    missing = good - stored
    wrong = {o: (c, fails.get(o)) for o, c in bad.items() if fails.get(o) != c}
    extra = {o: c for o, c in fails.items() if o not in bad}
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"records: {args.stories:,} ({len(good):,} good, {len(bad):,} malformed; {chars / 1e6:.1f} MB"
          f"{', short stories' if args.short else ''}), processes: {args.processes}")
    print(f"stories read: {summary.read:,}  coded: {summary.coded:,}  events: {summary.events:,} "
          f"(store: {n_events:,})")
    print("skipped by reason: " + ", ".join(f"{k}: {v}" for k, v in sorted(summary.skipped.items())))
    print(f"time: {elapsed:.1f} s  ({args.stories / elapsed:.1f} records/s, "
          f"{summary.coded / elapsed:.1f} coded stories/s)")
    print(f"peak memory: {me:.0f} MiB (this process), {kids:.0f} MiB (largest worker)")
    print(f"good stories not stored: {len(missing)}; malformed with a wrong or no reason: {len(wrong)}; "
          f"unexpected failures: {len(extra)}")
    for o, (want, got) in list(wrong.items())[:10]:
        print(f"  {o}: expected {want}, got {got}")
    for o, c in list(extra.items())[:10]:
        print(f"  unexpected {o}: {c}")
    ok = not missing and not wrong and not extra
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
