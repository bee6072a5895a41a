"""Upper-case text is coded as well as mixed case (issue 16).

    python benchmarks/upper_case.py [--stories ../shared/data/voa_stories.jsonl]

Codes the VOA stories as written and upper-cased (as old wire copy is), and prints the
share of the original's events found again in the upper-cased run: same story, same
event type, and an evidence sentence that overlaps the original's (sentence numbers
can differ when the parser splits capitals differently). Both runs go through the
same pipeline, which restores the case of upper-case stories before parsing
(:mod:`tidings.truecase`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code(path: Path, out: Path) -> list[dict]:
    subprocess.run([sys.executable, "-m", "tidings.cli", "code", str(path), "--no-db", "--out", str(out), "-q"],
                   check=True)
    return [json.loads(line) for line in out.open(encoding="utf-8")]


def kept(orig: list[dict], upper: list[dict]) -> float:
    """Share of ``orig`` events with an ``upper`` event of the same story and type whose
    evidence span overlaps."""
    by_story = defaultdict(list)
    for e in upper:
        by_story[e["story_id"]].append(e)
    hit = 0
    for e in orig:
        a0, a1 = e["evidence_span"]
        hit += any(x["event_type"] == e["event_type"] and
                   min(a1, x["evidence_span"][1]) > max(a0, x["evidence_span"][0]) for x in by_story[e["story_id"]])
    return hit / len(orig) if orig else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=Path, default=ROOT.parent / "shared" / "data" / "voa_stories.jsonl")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        up = t / "upper.jsonl"
        with up.open("w", encoding="utf-8") as f:
            for line in args.stories.open(encoding="utf-8"):
                s = json.loads(line)
                s["text"] = s["text"].upper()
                if s.get("title"):
                    s["title"] = s["title"].upper()
                f.write(json.dumps(s) + "\n")
        orig, upper = code(args.stories, t / "a.jsonl"), code(up, t / "b.jsonl")
    print(f"original: {len(orig)} events; upper-cased: {len(upper)} events; "
          f"original events found again: {kept(orig, upper):.3f} (target 0.90)")


if __name__ == "__main__":
    main()
