"""One- and two-sentence stories: how sure the coder is of them (issue 16).

    python benchmarks/short_stories.py [--json]

Users often try tidings on one sentence. :data:`STORIES` (written by the tidings team for
this check: news one-liners and two-liners of several event types, and a few with no
event) are coded as stories of their own (``alone``) and with the same sentences placed
inside a longer story of neutral sentences (``inside``, :data:`FILLER` before and
after). For each story it prints the best confidence of each expected event type in both
settings, and counts the expected types found in the default output (confidence at least
the model's threshold) and the events of stories that report none.
"""

from __future__ import annotations

import argparse
import json
import warnings

#: (story text, the event types it reports).
STORIES: list[tuple[str, list[str]]] = [
    ("Chad expelled French troops.", ["SANCTION"]),
    ("Police in Lagos arrested dozens of protesters on Saturday.", ["COERCE"]),
    ("Israeli aircraft struck a refugee camp in Gaza overnight.", ["ASSAULT"]),
    ("Russia and China signed a gas supply agreement in Moscow.", ["AGREE"]),
    ("The European Union imposed new sanctions on Belarus.", ["SANCTION"]),
    ("Japan pledged $50 million in humanitarian aid to Ukraine.", ["AID"]),
    ("Thousands of teachers marched in Buenos Aires to demand higher pay.", ["PROTEST"]),
    ("India's foreign minister met his Chinese counterpart in New Delhi.", ["CONSULT"]),
    ("Venezuela rejected a United Nations call for new elections.", ["REJECT"]),
    ("North Korea threatened to strike American bases in Guam.", ["THREATEN"]),
    ("The United States urged Israel to allow more aid into Gaza.", ["REQUEST"]),
    ("Sudan's army withdrew from the town of Wad Madani.", ["RETREAT"]),
    ("Armenia accused Azerbaijan of shelling border villages.", ["ACCUSE"]),
    ("Germany deployed 4,000 troops to Lithuania.", ["MOBILIZE"]),
    ("Kenya's president praised Ethiopia's peace efforts.", ["SUPPORT"]),
    ("Mexico recalled its ambassador from Ecuador.", ["SANCTION"]),
    ("Gunmen killed 12 villagers in Zamfara state on Sunday. Police said the attackers fled on motorcycles.",
     ["ASSAULT"]),
    ("Iran's supreme leader condemned the attack on Tuesday. He called it a crime against the nation.",
     ["ACCUSE"]),
    ("Turkey and Iraq agreed to cooperate against Kurdish militants. The deal was signed in Ankara.",
     ["AGREE"]),
    ("Riot police fired tear gas at students in Dhaka. Dozens were injured.", ["COERCE"]),
    ("The weather in Paris was mild on Sunday.", []),
    ("Oil prices rose 2 percent in early trading.", []),
    ("The museum reopened after two years of renovations. Visitors queued outside.", []),
]

#: Neutral sentences around a story in the ``inside`` setting (two before, two after).
FILLER = ["The city has about two million residents.", "Schools in the region reopened last month.",
          "Rain is expected later in the week.", "The figures were released by the statistics office."]


def code_all(texts: list[str]) -> list[list[dict]]:
    """Each text coded as a story of its own, every candidate event: its sentence number,
    type and confidence."""
    from tidings.analyse import load_nlp
    from tidings.coding.coder import Coder
    from tidings.records import Story

    nlp = load_nlp()
    coder = Coder(all_candidates=True)
    out = []
    for k, text in enumerate(texts):
        evs = coder.code_doc(nlp(text), Story(id=f"s{k}", text=text, pub_date="2025-03-01"))
        out.append([{"sentence": e.sentence_index, "type": e.event_type, "confidence": round(e.confidence, 4)}
                    for e in evs])
    return out


def main(argv: list[str] | None = None) -> int:
    """Print each story's best confidence per expected type, alone and inside, and the
    counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="one JSON object with the counts and stories")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    from tidings.learn.model import default_threshold

    threshold = default_threshold()
    texts = [t for t, _ in STORIES]
    inside = [" ".join(FILLER[:2] + [t] + FILLER[2:]) for t in texts]
    got_alone, got_inside = code_all(texts), code_all(inside)
    rows = []
    counts = {"expected": 0, "found_alone": 0, "found_inside": 0, "no_event_stories": 0,
              "false_alone": 0, "false_inside": 0}
    for (text, types), a, b in zip(STORIES, got_alone, got_inside):
        b = [dict(e, sentence=e["sentence"] - 2) for e in b if 2 <= e["sentence"] < 2 + text.count(". ") + 1]

        def best(evs, typ):
            return max((e["confidence"] for e in evs if e["type"] == typ), default=0.0)
        row = {"text": text, "types": types,
               "alone": {t: best(a, t) for t in types}, "inside": {t: best(b, t) for t in types},
               "other_alone": sorted({e["type"] for e in a if e["type"] not in types and e["confidence"] >= threshold}),
               "other_inside": sorted({e["type"] for e in b if e["type"] not in types and e["confidence"] >= threshold})}
        counts["expected"] += len(types)
        counts["found_alone"] += sum(v >= threshold for v in row["alone"].values())
        counts["found_inside"] += sum(v >= threshold for v in row["inside"].values())
        if not types:
            counts["no_event_stories"] += 1
        counts["false_alone"] += len(row["other_alone"])
        counts["false_inside"] += len(row["other_inside"])
        rows.append(row)
    if args.json:
        print(json.dumps({"threshold": threshold, "counts": counts, "rows": rows}, indent=1))
        return 0
    for r in rows:
        print(f"{r['text'][:70]:70s} alone {r['alone']} {r['other_alone'] or ''}  inside {r['inside']} "
              f"{r['other_inside'] or ''}")
    print(f"threshold {threshold}: expected types {counts['expected']}, found alone {counts['found_alone']}, "
          f"inside a longer story {counts['found_inside']}; other types in the default output: alone "
          f"{counts['false_alone']}, inside {counts['false_inside']} ({counts['no_event_stories']} stories report none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
