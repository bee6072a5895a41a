"""Build the truecasing table for upper-case stories (build time only).

    python scripts/build_truecase.py

Counts, over mixed-case text of ``../shared/data`` (the State Department and White
House files and the synthetic stories; read here, never shipped; the VOA stories are
left out because upper-cased VOA is how the truecaser is measured), how each word is written where its
case is free (not the first word of a sentence or line): lower case, capitalised, or all
capitals. Writes ``src/tidings/data/truecase.tsv``: one line per word, ``word<TAB>form``
where form is ``l`` (lower), ``t`` (title) or ``u`` (upper), keeping the majority form
of words seen at least twice. :mod:`tidings.truecase` reads it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "tidings" / "data" / "truecase.tsv"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def form(w: str) -> str | None:
    if w.islower():
        return "l"
    if w.isupper() and len(w) > 1:
        return "u"
    if w[0].isupper() and (len(w) == 1 or w[1:].islower()):
        return "t"
    return None


#: Short words a headline leaves in lower case ("Statement on the Murders in Kabul").
_MINOR = {"a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "by", "with",
          "from", "as", "vs", "via", "into", "over", "after", "about"}


def headline(toks: list[str]) -> bool:
    """True for a title-case line ("Joint Statement on the Murders of Aid Workers"): most
    of its words other than short function words are capitalised. A capital there is not
    free, so its capitalised words count only for words too rare elsewhere (they made
    "murders" a name)."""
    words = [w for w in toks if w.lower() not in _MINOR]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def main() -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    in_titles: dict[str, Counter] = defaultdict(Counter)
    import csv

    texts = [json.loads(line)["text"] for name in ("state_dept_press.jsonl", "whitehouse_statements.jsonl")
             for line in (SHARED / name).open(encoding="utf-8")]
    with (SHARED / "synthetic_stories.csv").open(encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    for text in texts:
        if True:
            for sent in re.split(r"(?<=[.!?:])\s+|\n+", text):
                toks = _TOKEN.findall(sent)
                title_case = headline(toks)
                for w in toks[1:]:
                    f = form(w)
                    if f and title_case and f == "t":
                        in_titles[w.lower()][f] += 1
                    elif f:
                        counts[w.lower()][f] += 1
    rows = []
    for w in sorted(set(counts) | set(in_titles)):
        c = counts[w]
        if sum(c.values()) < 2:
            c = c + in_titles[w]  # too rare outside titles: the titles count too
        if sum(c.values()) >= 2:
            rows.append(f"{w}\t{c.most_common(1)[0][0]}")
    OUT.write_text("# word<TAB>form: l lower, t title, u upper; majority form in mixed-case news "
                   "(scripts/build_truecase.py)\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
