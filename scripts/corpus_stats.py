"""Print the corpus counts (per source file and split, per event type) as Markdown.

    python scripts/corpus_stats.py     # the tables of corpus/README.md
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from tidings import corpus  # noqa: E402
from tidings.records import EVENT_TYPES  # noqa: E402


def main() -> None:
    stories = corpus.load()
    files = sorted({s.file for s in stories})
    print("| file | split | stories | sentences | events | sentences with no event |")
    print("|---|---|---|---|---|---|")
    for f in files:
        for sp in corpus.SPLITS:
            sub = [s for s in stories if s.file == f and s.split == sp]
            sents = [x for s in sub for x in s.sentences]
            print(f"| {f} | {sp} | {len(sub)} | {len(sents)} | {sum(len(x.events) for x in sents)} | "
                  f"{sum(not x.events for x in sents)} |")
    sents = [x for s in stories for x in s.sentences]
    print(f"| **all** | | {len(stories)} | {len(sents)} | {sum(len(x.events) for x in sents)} | "
          f"{sum(not x.events for x in sents)} |")
    print()
    by = {sp: Counter(e["event_type"] for s in stories if s.split == sp for x in s.sentences for e in x.events)
          for sp in corpus.SPLITS}
    print("| type | train | dev | test | all |")
    print("|---|---|---|---|---|")
    for t in EVENT_TYPES:
        n = [by[sp][t] for sp in corpus.SPLITS]
        print(f"| {t} | {n[0]} | {n[1]} | {n[2]} | {sum(n)} |")


if __name__ == "__main__":
    main()
