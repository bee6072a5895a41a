"""Speed and memory of tidings against the parser floor (issue 8). Run by hand:

    python benchmarks/speed.py --stories 2000 --json speed.json

The VOA stories (``../shared/data/voa_stories.jsonl``) are repeated until there are at
least ``--stories`` of them, each copy with a new id (``<id>-r<k>``), and written to a
temporary JSON Lines file. Each measurement runs in a fresh Python process:

* ``spacy``: spaCy's full ``en_core_web_sm`` pipeline (every component enabled by
  default: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) over the same
  texts with ``nlp.pipe``: the reference floor.
* ``local-N``: the whole tidings pipeline, read -> check -> analyse -> code -> store
  (a DuckDB file), with the local engine and N worker processes.
* ``ray-N``: the Ray engine with N coding actors on a local Ray (Parquet output, no
  store), timed from the call, so Ray's start-up and the actors' model loading count.

Reported per run: seconds, stories/s, words/s (words = whitespace-separated tokens of
the texts), the ratio of its time to spaCy's, the speed-up over its 1-worker run, and
the peak resident memory (RSS, MB) of the process that does the work: the process
itself with 1 local worker, the largest worker process otherwise (Ray actors are
sampled every 0.2 s with psutil).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOA = HERE.parent.parent / "shared" / "data" / "voa_stories.jsonl"


def build_corpus(src: Path, n: int, dest: Path) -> tuple[int, int]:
    """Write ``src`` repeated to at least ``n`` stories (new ids) to ``dest``.

    Returns:
        (stories, words) written; words are whitespace-separated tokens of the texts.
    """
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    stories = words = 0
    with dest.open("w", encoding="utf-8") as out:
        k = 0
        while stories < n:
            for r in rows:
                out.write(json.dumps({**r, "id": f"{r['id']}-r{k}"}, ensure_ascii=False) + "\n")
                stories += 1
                words += len(r["text"].split())
            k += 1
    return stories, words


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # ru_maxrss is in kB on Linux


def run_spacy(corpus: Path, batch_size: int) -> dict:
    import spacy

    from tidings.analyse import MODEL

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    return {"seconds": time.perf_counter() - t0, "stories": n, "components": nlp.pipe_names,
            "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF)}


def run_local(corpus: Path, workers: int, batch_size: int) -> dict:
    from tidings.engines.local import code_stories
    from tidings.read import read_stories
    from tidings.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        s = code_stories(read_stories([corpus]), store=store, processes=workers, batch_size=batch_size)
        secs = time.perf_counter() - t0
    who = resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN
    return {"seconds": secs, "stories": s.coded, "events": s.events, "skipped": dict(s.skipped),
            "peak_rss_mb": _rss_mb(who), "driver_rss_mb": _rss_mb(resource.RUSAGE_SELF)}


def run_ray(corpus: Path, workers: int, batch_size: int) -> dict:
    import psutil

    from tidings.engines.ray import code_with_ray

    peak: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for p in psutil.process_iter(["pid", "cmdline"]):
                try:
                    if any("StoryCoder" in c for c in (p.info["cmdline"] or [])):
                        peak[p.pid] = max(peak.get(p.pid, 0.0), p.memory_info().rss / 2**20)
                except (psutil.Error, TypeError):
                    continue
            stop.wait(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        s = code_with_ray([corpus], Path(tmp) / "out", workers=workers, batch_size=batch_size)
        secs = time.perf_counter() - t0
    stop.set()
    th.join()
    return {"seconds": secs, "stories": s.coded, "events": s.events, "skipped": dict(s.skipped),
            "peak_rss_mb": max(peak.values(), default=float("nan")), "actors_seen": len(peak)}


def _child(args: argparse.Namespace) -> None:
    kind, _, n = args.child.partition("-")
    corpus = Path(args.corpus)
    if kind == "spacy":
        res = run_spacy(corpus, args.batch_size)
    elif kind == "local":
        res = run_local(corpus, int(n), args.batch_size)
    else:
        res = run_ray(corpus, int(n), args.batch_size)
    print("RESULT " + json.dumps(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=int, default=2000, help="at least this many stories (default 2000)")
    ap.add_argument("--runs", default="spacy,local-1,local-2,ray-1,ray-2",
                    help="comma-separated runs among spacy, local-N, ray-N")
    ap.add_argument("--batch-size", type=int, default=32, help="stories per batch")
    ap.add_argument("--json", type=Path, help="write the results as JSON to this file")
    ap.add_argument("--source", type=Path, default=VOA, help="JSON Lines stories to repeat")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n, words = build_corpus(args.source, args.stories, corpus)
        print(f"corpus: {n} stories, {words:,} words ({args.source.name} repeated), "
              f"{os.cpu_count()} CPUs", flush=True)
        results: dict[str, dict] = {}
        for run in args.runs.split(","):
            out = subprocess.run([sys.executable, __file__, "--child", run, "--corpus", str(corpus),
                                  "--batch-size", str(args.batch_size)],
                                 capture_output=True, text=True)
            line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
            if line is None:
                print(f"{run}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                continue
            r = json.loads(line[7:])
            r["stories_per_s"] = n / r["seconds"]
            r["words_per_s"] = words / r["seconds"]
            results[run] = r
            print(f"{run}: {r['seconds']:.1f} s, {r['stories_per_s']:.2f} stories/s, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
            if args.json:  # after every run, so a long benchmark cut short keeps its figures
                args.json.write_text(json.dumps({"stories": n, "words": words, "runs": results}, indent=2))

    floor = results.get("spacy", {}).get("seconds")
    for name, r in results.items():
        r["ratio_to_spacy"] = r["seconds"] / floor if floor else None
        base = results.get(name.split("-")[0] + "-1")
        r["speedup_vs_1"] = base["seconds"] / r["seconds"] if base and name != "spacy" else None
    fmt = lambda v, f: "-" if v is None else format(v, f)  # noqa: E731
    print(f"\n{'run':<9} {'seconds':>8} {'stories/s':>10} {'words/s':>9} {'vs spaCy':>9} "
          f"{'speed-up':>9} {'peak RSS MB':>12}")
    for name, r in results.items():
        print(f"{name:<9} {r['seconds']:>8.1f} {r['stories_per_s']:>10.2f} {r['words_per_s']:>9.0f} "
              f"{fmt(r['ratio_to_spacy'], '.2f'):>9} {fmt(r['speedup_vs_1'], '.2f'):>9} "
              f"{r['peak_rss_mb']:>12.0f}")
    if args.json:
        args.json.write_text(json.dumps({"stories": n, "words": words, "cpus": os.cpu_count(),
                                         "batch_size": args.batch_size, "runs": results}, indent=2))
        print(f"\nresults written to {args.json}")


if __name__ == "__main__":
    main()
