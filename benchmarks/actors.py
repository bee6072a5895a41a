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
"""

from __future__ import annotations

import collections
import json
import sys
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
    print(f"country: {c_ok}/{c_n} = {pct(c_ok, c_n):.1f}%  (target >= 85%)")
    print(f"sector:  {s_ok}/{s_n} = {pct(s_ok, s_n):.1f}%  (target >= 75%)")
    print(f"none:    {n_ok}/{n_n} = {pct(n_ok, n_n):.1f}%  (target >= 90%)")
    for k in sorted(fails):
        print(f"\n{k}: {len(fails[k])}")
        for line in fails[k][: None if "--all" in argv else 8]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
