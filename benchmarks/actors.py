"""Benchmark tidings' actor resolver on the NGEC actor regression cases (issue 3).

Reads ``../shared/eval/ngec_actor_cases_dev.jsonl`` (relative to the repository root) and
prints, through ``tidings.actors.resolve``:
  country %: correct country among cases that expect a non-empty country
             (expected UNO/IGO/EUR mean "an international organisation": ``igo`` set;
             XKX is Kosovo);
  sector %:  correct ``code_1`` among cases that expect a non-empty, known code
             (UNK means "no sector": None is correct; "????" is skipped; ``code_1_in``
             accepts any listed code);
  none %:    ``result_is_none`` cases that give None;
then the failures grouped by kind, and the time per call. Skips with a message when the
file is absent. Usage: ``python benchmarks/actors.py [--all]`` (``--all`` lists each failure).

Then the knowledge base's cost (issue 18): entries per data file; start-up, measured in fresh
processes as the time ``default_resolver()`` adds after ``import tidings.actors`` with the
index cache warm (target < 0.5 s) and when it must be built; and lookup time per mention
with a warm resolver (target < 50 us), over the cases above and over 2,000 names and titled
phrases drawn from the KB with a fixed seed.
"""

from __future__ import annotations

import collections
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "eval" / "ngec_actor_cases_dev.jsonl"
IGO_CODES = {"UNO", "IGO", "EUR"}


def kind_of(text: str, exp: dict) -> str:
    """A rough kind for grouping failures (by the shape of the phrase, not its content)."""
    words = text.split()
    if exp.get("result_is_none"):
        return "not an actor"
    if any(w[:1].isupper() for w in words[1:]) and len(words) <= 4 and not any(
            w.lower() in ("of", "the") for w in words):
        return "named person/org"
    if len(words) == 1 and text[:1].isupper():
        return "single name"
    return "descriptive phrase"


def main(argv: list[str]) -> int:
    if not CASES.is_file():
        print(f"skipped: {CASES} not found (the shared eval data sits beside the repository)")
        return 0
    from tidings.actors import default_resolver, resolve

    t0 = time.perf_counter()
    default_resolver()
    load_s = time.perf_counter() - t0
    rows = [json.loads(line) for line in CASES.open(encoding="utf-8") if line.strip()]
    c_ok = c_n = s_ok = s_n = n_ok = n_n = 0
    fails: dict[str, list[str]] = collections.defaultdict(list)
    calls, spent = 0, 0.0
    for r in rows:
        exp = r.get("expected") or {}
        text = r["actor"]
        ctx = r.get("context") or ""
        date = r.get("query_date")
        t = time.perf_counter()
        e = resolve(text, ctx, date)
        spent += time.perf_counter() - t
        calls += 1
        got = (None if e is None else e.country, None if e is None else e.sector,
               None if e is None else e.igo)
        if exp.get("result_is_none"):
            n_n += 1
            n_ok += e is None
            if e is not None:
                fails["not an actor"].append(f"{text!r} -> {got}")
            continue
        want_c = exp.get("country")
        if want_c:
            c_n += 1
            if want_c in IGO_CODES:
                ok = e is not None and e.igo is not None
            else:
                ok = e is not None and e.country == want_c
            c_ok += ok
            if not ok:
                fails["country: " + kind_of(text, exp)].append(
                    f"{text!r} ctx={ctx[:30]!r} date={date} -> {got}, want {want_c}")
        want_s = exp.get("code_1_in") or exp.get("code_1")
        if want_s and want_s != "????" and not (isinstance(want_s, str) and len(want_s) != 3):
            s_n += 1
            accepted = set(want_s) if isinstance(want_s, list) else {want_s}
            got_s = None if e is None else e.sector
            ok = got_s in accepted or ("UNK" in accepted and got_s is None)
            s_ok += ok
            if not ok:
                fails["sector: " + kind_of(text, exp)].append(
                    f"{text!r} date={date} -> {got}, want {sorted(accepted)}")
    pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
    print(f"cases: {len(rows)}; KB load {load_s:.2f} s; resolve {1e6 * spent / calls:.0f} us/call")
    print(f"country: {c_ok}/{c_n} = {pct(c_ok, c_n):.1f}%  (target >= 92%)")
    print(f"sector:  {s_ok}/{s_n} = {pct(s_ok, s_n):.1f}%  (target >= 88%)")
    print(f"none:    {n_ok}/{n_n} = {pct(n_ok, n_n):.1f}%  (target >= 95%)")
    for k in sorted(fails):
        print(f"\n{k}: {len(fails[k])}")
        for line in fails[k][: None if "--all" in argv else 8]:
            print("   ", line)
    print()
    kb_costs(rows)
    return 0


_STARTUP = """
import sys, time
sys.path.insert(0, {src!r})
t0 = time.perf_counter()
import tidings.actors as a
t1 = time.perf_counter()
r = a.ActorResolver(cache={cache!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, r.from_cache)
"""


def _startup(cache: str | bool) -> tuple[float, float, bool]:
    code = _STARTUP.format(src=str(ROOT / "src"), cache=cache)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imp, load, cached = out.stdout.split()
    return float(imp), float(load), cached == "True"


def kb_costs(rows: list[dict]) -> None:
    """Print entries per data file, start-up and per-mention lookup times."""
    from tidings.actors import default_resolver
    from tidings.actors_kb import kb_entries

    entries = kb_entries()
    per_file = collections.Counter(e["file"] for e in entries)
    print(f"KB entries: {len(entries)}")
    for f, n in sorted(per_file.items()):
        print(f"    {f:40s} {n:6d}")
    r = default_resolver()
    print(f"index: {len(r._index)} keys" + (f"; cache {r.cache_path} "
                                            f"({r.cache_path.stat().st_size / 1e6:.1f} MB)"
                                            if r.cache_path and r.cache_path.is_file() else ""))
    with tempfile.TemporaryDirectory() as tmp:
        _, build, _ = _startup(tmp)                       # first use: builds and writes
        warm = [_startup(tmp) for _ in range(3)]          # later start-ups: load the index
    imp = statistics.median(w[0] for w in warm)
    load = statistics.median(w[1] for w in warm)
    assert all(w[2] for w in warm)
    print(f"start-up: import tidings.actors {imp:.2f} s; KB load from cache {load:.3f} s "
          f"(target < 0.5 s); first use, building the index, {build:.2f} s")
    mentions = [(x["actor"], x.get("context") or "", x.get("query_date")) for x in rows]
    rng = random.Random(18)
    titles = ["President", "Foreign Minister", "former", "the", "Prime Minister"]
    for e in rng.sample(entries, 2000):
        name = e["name"] if e["kind"] == "org" or rng.random() < 0.5 else \
            f"{rng.choice(titles)} {e['name']}"
        mentions.append((name, "", f"{rng.randint(1990, 2025)}-06-01"))
    for m in mentions:  # warm: records are built from the index on first use
        r.resolve(*m)
    times = []
    for m in mentions:  # the best of 3 (as timeit does): the shared CPU's pauses are not ours
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            r.resolve(*m)
            best = min(best, time.perf_counter() - t)
        times.append(best)
    print(f"lookup: {len(mentions)} mentions, mean {1e6 * statistics.mean(times):.0f} us, "
          f"median {1e6 * statistics.median(times):.0f} us, 95th percentile "
          f"{1e6 * sorted(times)[int(0.95 * len(times))]:.0f} us per mention (target < 50 us)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
