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

``--scale N`` (issue 18, "tens of thousands of entries") measures the same start-up and
lookup times with N synthetic people added to the shipped KB in fresh processes (an extra
holders file patched in; nothing is written to the package): the index must stay within the
targets as the KB grows. With ``--scale N`` only that measurement is run.
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
    if "--scale" in argv:
        scale_costs(int(argv[argv.index("--scale") + 1]))
        return 0
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


_SCALE = """
import random, statistics, sys, time
sys.path.insert(0, {src!r})
import tidings.actors_kb as kb
rng = random.Random(18)
syl = "ka lo mi ra ten vas pol dur een sho bre lin gar mos tav rek zil nor fen qua".split()
countries = "USA GBR FRA DEU ITA ESP POL UKR RUS TUR BRA ARG MEX COL CHL PER VEN CAN".split()
rows, names = ["# source: synthetic people for the scale benchmark"], []
for i in range({n}):
    if i % 2000 == 0:
        rows.append("@" + countries[(i // 2000) % len(countries)])
    name = " ".join("".join(rng.choice(syl) for _ in range(k)).title() for k in (2, 3))
    names.append(name)
    rows.append(f"MIN/Minister of Things\\t{{name}}\\t{{rng.randint(1990, 2020)}}\\t{{rng.randint(2021, 2025)}}")
text = "\\n".join(rows) + "\\n"
files, read = kb.kb_files, kb.read_kb_file
kb.kb_files = lambda kind: files(kind) + (["holders/zz_synthetic.tsv"] if kind == "holders" else [])
kb.read_kb_file = lambda name: text if name == "holders/zz_synthetic.tsv" else read(name)
import tidings.actors as a
t = time.perf_counter()
r = a.ActorResolver(cache={cache!r})
load = time.perf_counter() - t
mentions = [(rng.choice(["", "Minister ", "former "]) + nm, rng.randint(1990, 2025)) for nm in rng.sample(names, 2000)]
for m, y in mentions:
    r.resolve(m, date=f"{{y}}-06-01")
times = []
for m, y in mentions:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        r.resolve(m, date=f"{{y}}-06-01")
        best = min(best, time.perf_counter() - t)
    times.append(best)
print(load, r.from_cache, statistics.mean(times), len(r._index))
"""


def scale_costs(n: int) -> None:
    """Start-up and lookup with ``n`` synthetic people added to the shipped KB."""
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for _ in range(4):  # the first builds and writes the index, the others load it
            code = _SCALE.format(src=str(ROOT / "src"), n=n, cache=tmp)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True)
            load, cached, look, keys = out.stdout.split()
            runs.append((float(load), cached == "True", float(look), int(keys)))
    assert not runs[0][1] and all(r[1] for r in runs[1:])
    warm = statistics.median(r[0] for r in runs[1:])
    look = statistics.median(r[2] for r in runs[1:])
    print(f"scale: shipped KB + {n} synthetic people, index {runs[0][3]} keys: first use, "
          f"building the index, {runs[0][0]:.2f} s; KB load from cache {warm:.3f} s "
          f"(target < 0.5 s); lookup mean {1e6 * look:.0f} us per mention (target < 50 us)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
