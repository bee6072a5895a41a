"""Speed and memory of tidings against the parser floor (issues 8 and 20). Run by hand:

    python benchmarks/speed.py --stories 500 --json speed.json

The VOA stories (``../shared/data/voa_stories.jsonl``) are repeated until there are at
least ``--stories`` of them, each copy with a new id (``<id>-r<k>``), and written to a
temporary JSON Lines file. Each measurement runs in a fresh Python process, one after
the other:

* ``spacy``: spaCy's full ``en_core_web_sm`` pipeline (every component enabled by
  default: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) over the same
  texts with ``nlp.pipe``: the reference floor. Its time does not count loading the
  model (reported apart).
* ``local-N``: the whole tidings pipeline, read -> check -> analyse -> code -> resolve ->
  store (a DuckDB file), with the local engine and N worker processes, timed from the
  call of ``code_stories`` to its return: start-up (loading the model, the knowledge
  base, the gazetteer) and clustering count. Its analysis runs the same model, with the
  attribute ruler and the lemmatizer as lookup tables that set the same attributes
  (``tidings.analyse``, issue 20).
* ``ray-N`` (only when asked for with ``--runs``): the Ray engine with N coding actors on
  a local Ray (Parquet output, no store), timed from the call, so Ray's start-up and the
  actors' model loading count.

Printed per run: wall seconds, CPU seconds (user + system, the process and its
workers), stories/s, words/s (words = whitespace-separated tokens of the texts), the
ratio of its time to spaCy's, the speed-up over its 1-worker run, and the peak resident
memory (RSS) per worker: the whole process with 1 local worker (store included), the
largest worker process otherwise (Ray actors are sampled every 0.2 s with psutil).

For ``local-1`` it also prints the start-up (loading spaCy's model; the rest of the
worker: knowledge base, gazetteer, lexicon, warm-up story) and the time per stage,
measured by wrapping the functions of each stage in the benchmark process (the engine
is not changed): read (reading and parsing the JSON Lines), check (size, control
characters, language detection), analyse (spaCy), code (the rule coder, without its
calls to the resolvers), resolve (actors, dates, places), store (DuckDB writes, the
look-up of stored versions, clustering). Storing runs in its own thread, beside
parsing, so the stages can add up to more than the wall time.

The machine is shared, so absolute times are noisy: compare the ratios of one run, and
read the load average printed before and after. tidings' modules are compiled to
bytecode first, as installing the package does, so that no run spends its start-up
compiling them (``PYTHONDONTWRITEBYTECODE``, set on this project's machines, would
otherwise make every process compile them). ``--repeat 2`` runs the whole list twice,
interleaved, and keeps each run's fastest (best of two, as issue 20's own measurement did):
on a virtual machine whose neighbours come and go, one slow stretch then no longer decides
a ratio (three single runs of one commit gave 1 worker 0.93, 1.02 and 1.12 times spaCy).
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


def _cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_spacy(corpus: Path, batch_size: int) -> dict:
    t0 = time.perf_counter()
    import spacy

    from tidings.analyse import MODEL

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(MODEL)
    load = time.perf_counter() - t0
    c0 = _cpu_seconds()
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": _cpu_seconds() - c0,
            "stories": n, "components": nlp.pipe_names, "load_seconds": load,
            "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF)}


class _Stages:
    """Seconds spent in each stage, from wrappers around the functions of each stage.

    A stage called inside another is counted as its own and taken out of the other (a
    resolver called by the coder counts as resolve, not code), except inside start-up,
    which counts all it does but loading the model (its warm-up story, building an
    index on first use)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.local = threading.local()
        self.lock = threading.Lock()

    def add(self, stage: str, secs: float, cpu: float) -> None:
        with self.lock:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + secs
            self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu

    def wrap(self, owner, name: str, stage: str, inner: str | None = None) -> None:
        """Replace ``owner.name`` with a timed version counted as ``stage``; time in
        stages nested inside it is taken out of it (and counted as theirs)."""
        fn = getattr(owner, name, None)
        if fn is None:
            return
        stages = self

        def timed(*args, **kwargs):
            depth = getattr(stages.local, "stack", None)
            if depth is None:
                depth = stages.local.stack = []
            if depth and (depth[-1][0] == stage or (  # re-entrant: counted by the outer call
                    depth[0][0].startswith("start-up") and not stage.startswith("start-up"))):
                return fn(*args, **kwargs)  # start-up counts all it does (warm-up story)
            depth.append([stage, 0.0, 0.0])
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                secs, cpu = time.perf_counter() - t0, time.thread_time() - c0
                _, nested, nested_cpu = depth.pop()
                stages.add(stage, secs - nested, cpu - nested_cpu)
                if depth:
                    depth[-1][1] += secs
                    depth[-1][2] += cpu

        setattr(owner, name, timed)

    def iterate(self, items, stage: str):
        it = iter(items)
        while True:
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                item = next(it)
            except StopIteration:
                self.add(stage, time.perf_counter() - t0, time.thread_time() - c0)
                return
            self.add(stage, time.perf_counter() - t0, time.thread_time() - c0)
            yield item


def _instrument() -> _Stages:
    """Wrap the functions of each stage (before the engine imports them)."""
    import tidings.analyse
    import tidings.dates
    import tidings.engines.worker as worker
    import tidings.places
    from tidings.actors import ActorResolver
    from tidings.store import Store

    st = _Stages()
    st.wrap(tidings.analyse, "load_nlp", "start-up: model")
    st.wrap(worker.StoryWorker, "__init__", "start-up: other")
    st.wrap(worker, "check_story", "check")
    st.wrap(worker.StoryWorker, "run_checked", "analyse")  # less check and code, below
    st.wrap(worker.StoryWorker, "_code", "code")
    st.wrap(ActorResolver, "resolve", "resolve")
    st.wrap(tidings.dates, "event_date", "resolve")
    st.wrap(tidings.places, "event_location", "resolve")
    for name in ("save_stories", "stored_versions", "save_failure", "cluster"):
        st.wrap(Store, name, "store")
    return st


def _log_busy(folder: Path) -> None:
    """Make each worker process note when it works on a chunk (start and end times in
    ``folder/busy-<pid>.txt``); the pool's workers are forked, so they inherit this."""
    import tidings.engines.worker as worker

    real = worker.StoryWorker.run_checked

    def run_checked(self, stories, progress=None):
        t0 = time.monotonic()
        try:
            return real(self, stories, progress)
        finally:
            with (folder / f"busy-{os.getpid()}.txt").open("a") as f:
                f.write(f"{t0} {time.monotonic()}\n")

    worker.StoryWorker.run_checked = run_checked


def _idle_share(folder: Path) -> float | None:
    """Share of the workers' time, from the first chunk's start to the last chunk's end,
    in which a worker had no chunk to work on (waiting for the parent, or done early)."""
    spans = {p: [tuple(map(float, line.split())) for line in p.read_text().splitlines()]
             for p in folder.glob("busy-*.txt")}
    if not spans:
        return None
    start = min(s for v in spans.values() for s, _ in v)
    end = max(e for v in spans.values() for _, e in v)
    busy = sum(e - s for v in spans.values() for s, e in v)
    return 1 - busy / (len(spans) * (end - start)) if end > start else None


def run_local(corpus: Path, workers: int, batch_size: int) -> dict:
    stages = _instrument() if workers == 1 else None
    busy_dir = Path(tempfile.mkdtemp())
    if workers > 1:
        _log_busy(busy_dir)
    from tidings.engines.local import code_stories
    from tidings.read import read_stories
    from tidings.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        c0 = _cpu_seconds()
        t0 = time.perf_counter()
        items = read_stories([corpus])
        if stages is not None:
            items = stages.iterate(items, "read")
        s = code_stories(items, store=store, processes=workers, batch_size=batch_size)
        secs = time.perf_counter() - t0
        cpu = _cpu_seconds() - c0
    who = resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN
    out = {"seconds": secs, "cpu_seconds": cpu, "stories": s.coded, "events": s.events,
           "skipped": dict(s.skipped), "peak_rss_mb": _rss_mb(who),
           "driver_rss_mb": _rss_mb(resource.RUSAGE_SELF)}
    if workers > 1:
        out["worker_idle_share"] = _idle_share(busy_dir)
    if stages is not None:
        out["stages"] = dict(stages.seconds)
        out["stages_cpu"] = dict(stages.cpu)
    return out


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
        c0 = _cpu_seconds()
        t0 = time.perf_counter()
        s = code_with_ray([corpus], Path(tmp) / "out", workers=workers, batch_size=batch_size)
        secs = time.perf_counter() - t0
    stop.set()
    th.join()
    return {"seconds": secs, "cpu_seconds": _cpu_seconds() - c0, "stories": s.coded,
            "events": s.events, "skipped": dict(s.skipped),
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


def stage_lines(wall: dict[str, float], cpu: dict[str, float]) -> list[str]:
    """The start-up and per-stage lines of a ``local-1`` run (wall and CPU seconds)."""
    lines = []
    for what, g in (("wall", wall.get), ("CPU", cpu.get)):
        model, other = g("start-up: model", 0.0), g("start-up: other", 0.0)
        lines.append(f"start-up ({what}): {model + other:.1f} s (loading the spaCy model {model:.1f} s, "
                     f"the rest {other:.1f} s: knowledge base, gazetteer, lexicon, warm-up story)")
    for what, g in (("wall", wall.get), ("CPU", cpu.get)):
        # run_checked's own time is the analysis: the check and the coder nested in it
        # are counted as theirs
        order = [(n, g(n, 0.0)) for n in ("read", "check", "analyse", "code", "resolve", "store")]
        total = sum(v for _, v in order) or 1.0
        lines.append(f"time per stage (local-1, {what}): " + ", ".join(
            f"{name} {v:.1f} s ({v / total:.0%})" for name, v in order))
    return lines


def _compile_tidings() -> str:
    """Compile tidings' modules to bytecode before the timed runs, as installing a wheel
    does (pip compiles them at install). A checkout run where ``PYTHONDONTWRITEBYTECODE``
    is set (this project's machines set it) has no bytecode, and every worker then
    compiled all of tidings' modules while starting: 0.14-0.2 s of its start-up that an
    installed tidings never spends. Returns a line saying what was done."""
    import compileall

    import tidings

    where = Path(tidings.__file__).parent
    ok = compileall.compile_dir(str(where), quiet=1)
    flag = " (PYTHONDONTWRITEBYTECODE is set: without this, each process would compile them)" \
        if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    return f"tidings' modules compiled in {where}{flag}" if ok else f"could not compile {where}: runs compile it themselves"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=int, default=500, help="at least this many stories (default 500)")
    ap.add_argument("--runs", default="spacy,local-1,local-2",
                    help="comma-separated runs among spacy, local-N, ray-N (default spacy,local-1,local-2)")
    ap.add_argument("--batch-size", type=int, default=32, help="stories per batch")
    ap.add_argument("--json", type=Path, help="write the results as JSON to this file")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the whole list this many times, interleaved (spacy, local-1, local-2, "
                         "spacy, ...), and keep each run's fastest (best of N, as issue 20 measured)")
    ap.add_argument("--source", type=Path, default=VOA, help="JSON Lines stories to repeat")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return

    try:  # the gazetteer's cache file, built at first use: build it now, outside the timings
        from tidings.places import ensure_cache

        print(f"gazetteer cache: {ensure_cache()}", flush=True)
    except ImportError:  # tidings before issue 20 builds the gazetteer in every process
        pass
    print(f"bytecode: {_compile_tidings()}", flush=True)
    load0 = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n, words = build_corpus(args.source, args.stories, corpus)
        print(f"corpus: {n} stories, {words:,} words ({args.source.name} repeated), "
              f"{os.cpu_count()} CPUs, load average {load0[0]:.1f} {load0[1]:.1f} {load0[2]:.1f}",
              flush=True)
        results: dict[str, dict] = {}
        attempts: dict[str, list[float]] = {}
        for run in [r for _ in range(max(1, args.repeat)) for r in args.runs.split(",")]:
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
            r["load_average_after"] = os.getloadavg()[0]
            attempts.setdefault(run, []).append(r["seconds"])
            r["attempts_seconds"] = list(attempts[run])
            if run not in results or r["seconds"] < results[run]["seconds"]:
                results[run] = r
            print(f"{run}: {r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s CPU), "
                  f"{r['stories_per_s']:.2f} stories/s, peak RSS {r['peak_rss_mb']:.0f} MB, "
                  f"load average {r['load_average_after']:.1f}", flush=True)
            if args.json:  # after every run, so a long benchmark cut short keeps its figures
                args.json.write_text(json.dumps({"stories": n, "words": words, "runs": results}, indent=2))

    floor = results.get("spacy", {})
    for name, r in results.items():
        r["ratio_to_spacy"] = r["seconds"] / floor["seconds"] if floor else None
        r["cpu_ratio_to_spacy"] = r["cpu_seconds"] / floor["cpu_seconds"] if floor else None
        base = results.get(name.split("-")[0] + "-1")
        r["speedup_vs_1"] = base["seconds"] / r["seconds"] if base and name != "spacy" else None
    fmt = lambda v, f: "-" if v is None else format(v, f)  # noqa: E731
    print(f"\n{'run':<9} {'seconds':>8} {'CPU s':>7} {'stories/s':>10} {'words/s':>9} "
          f"{'vs spaCy':>9} {'CPU vs':>7} {'speed-up':>9} {'peak RSS/worker MB':>19}")
    for name, r in results.items():
        print(f"{name:<9} {r['seconds']:>8.1f} {r['cpu_seconds']:>7.1f} {r['stories_per_s']:>10.2f} "
              f"{r['words_per_s']:>9.0f} {fmt(r['ratio_to_spacy'], '.2f'):>9} "
              f"{fmt(r['cpu_ratio_to_spacy'], '.2f'):>7} {fmt(r['speedup_vs_1'], '.2f'):>9} "
              f"{r['peak_rss_mb']:>19.0f}")
    if floor:
        print(f"\nspaCy: loading the model {floor['load_seconds']:.1f} s (not in its time); "
              f"components {', '.join(floor['components'])}")
    if "stages" in results.get("local-1", {}):
        for line in stage_lines(results["local-1"]["stages"], results["local-1"]["stages_cpu"]):
            print(line)
    for name, r in results.items():
        if r.get("worker_idle_share") is not None:
            print(f"{name}: the workers had no chunk to work on {r['worker_idle_share']:.1%} of the "
                  f"time between the first chunk and the last (beyond that, a shortfall from "
                  f"{name.split('-')[1]}x is CPU the workers did not get: other processes, the "
                  f"parent's reading and storing)")
    load1 = os.getloadavg()
    print(f"load average at the end: {load1[0]:.1f} {load1[1]:.1f} {load1[2]:.1f} "
          f"({os.cpu_count()} CPUs; other jobs on the machine slow every run)")
    if args.json:
        args.json.write_text(json.dumps({"stories": n, "words": words, "cpus": os.cpu_count(),
                                         "batch_size": args.batch_size, "load_average": [load0, load1],
                                         "runs": results}, indent=2))
        print(f"\nresults written to {args.json}")


if __name__ == "__main__":
    main()
