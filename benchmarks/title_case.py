"""Title-case text is coded as well as sentence case (issue 16, twenty-fourth round).

    python benchmarks/title_case.py [--split dev] [--style ap|four]

Codes the corpus split's stories (those in mixed case: the MUC/FBIS copy in capitals is
left out) as written and with every line written in title case, as feeds and the
regional press write headlines, and prints the share of the original's events found
again in the title-cased run: same story, same event type, and an evidence sentence
that overlaps the original's (as ``benchmarks/upper_case.py`` measures upper-cased
text). Title case changes only the case of first letters, so both texts have one
length and their offsets agree. Styles:

- ``ap`` (the default): every word capitalised except the articles, conjunctions and
  prepositions of three letters or fewer (the AP Stylebook's rule for titles: "a",
  "and", "for", "of", "to", ...);
- ``four``: every word of four letters or more capitalised, shorter ones as written.

Both runs go through the same pipeline, which rewrites title-case lines in sentence
case before parsing (:func:`tidings.truecase.title_lines`). Run it with
``PYTHONPATH`` on another checkout's ``src`` to measure that checkout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from upper_case import code, kept  # noqa: E402

#: Words an AP-style title leaves in lower case: articles, conjunctions and
#: prepositions of three letters or fewer.
AP_MINOR = frozenset("a an the and but or nor for so yet as of in on at to by up off out per via".split())
#: A word: letters, and letters joined to them by an apostrophe or a hyphen ("don't",
#: "two-day"), capitalised at its first letter only.
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019\-][A-Za-z]+)*")


def title_case(text: str, style: str = "ap") -> str:
    """``text`` with its lower-case words capitalised as a title-case line writes
    them (``style``: ``ap`` or ``four``); same length. Words in capitals or mixed
    case are left as written; each line's first word is capitalised; a word joined by
    an apostrophe or a hyphen counts whole ("Don't", "Two-day")."""
    out = list(text)
    line_start = True
    pos = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if "\n" in text[pos:m.start()]:
            line_start = True
        pos = m.end()
        first, line_start = line_start, False
        if not w.islower():
            continue
        if first or (len(w) >= 4 if style == "four" else w not in AP_MINOR):
            out[m.start()] = w[0].upper()
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--style", choices=("ap", "four"), default="ap")
    args = ap.parse_args()
    from tidings import corpus
    from tidings.truecase import is_upper_text

    stories = [s for s in corpus.load(args.split) if not is_upper_text(s.text)]
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        paths = {"orig": t / "orig.jsonl", "title": t / "title.jsonl"}
        for name, path in paths.items():
            with path.open("w", encoding="utf-8") as f:
                for s in stories:
                    text = s.text if name == "orig" else title_case(s.text, args.style)
                    f.write(json.dumps({"id": s.story_id, "text": text, "pub_date": s.pub_date,
                                        "title": s.title}) + "\n")
        orig, titled = code(paths["orig"], t / "a.jsonl"), code(paths["title"], t / "b.jsonl")
    print(f"{len(stories)} stories ({args.split}, mixed case), style {args.style}: original {len(orig)} events; "
          f"title-cased {len(titled)} events; original events found again: {kept(orig, titled):.3f}")


if __name__ == "__main__":
    main()
