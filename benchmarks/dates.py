"""Measure tidings.dates.resolve on another coder's date-resolution suite.

Reads ``../shared/eval/ngec_date_cases_dev.jsonl`` (relative to the repository root) and
prints the share of cases whose expectations all hold, the share of single expectations
that hold, the failures, and the time per call. Skips with a message when the file is
absent. The file measures; it is never used to write rules.

Mapping of the suite's fields onto :class:`tidings.dates.DateResolution`:
``resolved_date`` -> ``start``, ``date_end`` -> ``end``, ``granularity`` ->
``granularity``, ``date_type`` -> ``kind``, ``reason`` -> ``reason``;
``resolved_year``/``resolved_month`` compare the first 4/7 characters of ``start``;
``tz_naive_midnight`` holds when ``start``/``end`` are plain ``YYYY-MM-DD`` dates.

Run: ``python benchmarks/dates.py [--all]`` (``--all`` also lists passing cases).
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from datetime import date
from pathlib import Path

from tidings.dates import resolve

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "eval" / "ngec_date_cases_dev.jsonl"
FIELD = {"resolved_date": "start", "date_end": "end", "granularity": "granularity",
         "date_type": "kind", "reason": "reason"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _value(text):
    """Turn the suite's textual Python objects into values ("date(2025, 5, 16)")."""
    if not isinstance(text, str):
        return text, True
    if text == "float('nan')":
        return math.nan, True
    if m := re.fullmatch(r"date\((\d+), (\d+), (\d+)\)", text):
        return date(int(m[1]), int(m[2]), int(m[3])), True
    if m := re.fullmatch(r"pandas\.Timestamp\('(.+)'\)", text):
        try:
            import pandas
        except ImportError:
            return None, False
        return pandas.Timestamp(m[1]), True
    return text, True


def check(res, exp: dict) -> list[str]:
    """Return the expectations of ``exp`` that ``res`` breaks (empty: all hold)."""
    bad = []
    for k, v in exp.items():
        if k in FIELD:
            got = getattr(res, FIELD[k])
            ok = got == v
        elif k == "resolved_year":
            got = res.start and int(res.start[:4])
            ok = got == v
        elif k == "resolved_month":
            got = res.start and res.start[:7]
            ok = got == v
        elif k == "reason_contains":
            got = res.reason
            ok = v in (got or "")
        elif k == "reason_equals":
            got = res.reason
            ok = got == v
        elif k == "tz_naive_midnight":
            got = (res.start, res.end)
            ok = all(x is None or ISO.match(x) for x in got)
        elif k == "date_end_not_before_resolved_date":
            got = (res.start, res.end)
            ok = res.end is None or res.end >= res.start
        elif k == "date_end_not_none":
            got = res.end
            ok = got is not None
        elif k == "keys":
            got = [f for f in v if not hasattr(res, FIELD.get(f, f))]
            ok = not got
        else:
            got, ok = "?", False
        if not ok:
            bad.append(f"{k}: expected {v!r}, got {got!r}")
    return bad


def main(argv: list[str]) -> int:
    if not SUITE.exists():
        print(f"skipped: {SUITE} not found")
        return 0
    cases = [json.loads(line) for line in SUITE.open(encoding="utf-8") if line.strip()]
    n_ok = n_exp = n_exp_ok = skipped = 0
    fails = []
    t0 = time.perf_counter()
    for c in cases:
        phrase, ok1 = _value(c["phrase"])
        pub, ok2 = _value(c["pub_date"])
        if not (ok1 and ok2):
            skipped += 1
            continue
        res = resolve(phrase, pub, c.get("tense"))
        bad = check(res, c["expected"])
        n_exp += len(c["expected"])
        n_exp_ok += len(c["expected"]) - len(bad)
        if bad:
            fails.append((c, res, bad))
        else:
            n_ok += 1
            if "--all" in argv:
                print(f"ok   {c['phrase']!r} @ {c['pub_date']} -> {res.start} {res.end} "
                      f"{res.granularity} {res.kind}")
    dt = time.perf_counter() - t0
    n = len(cases) - skipped
    for c, res, bad in fails:
        print(f"FAIL [{c['test']}] {c['phrase']!r} @ {c['pub_date']}: " + "; ".join(bad))
    print(f"\ncases: {n_ok}/{n} = {n_ok / n:.1%} all expectations hold "
          f"({skipped} skipped); expectations: {n_exp_ok}/{n_exp} = {n_exp_ok / n_exp:.1%}")
    print(f"time: {dt / max(n, 1) * 1e3:.2f} ms per resolve() call (cold cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
