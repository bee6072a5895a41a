"""Import finished labeller batches into the corpus, and measure agreement.

    python scripts/corpus_import.py [--work /work/labelwork]

A labeller's output for a batch (``out/batch_NN.<L>.jsonl`` with ``.done`` beside it) is
validated against the batch's sentences and written as stand-off records (no story
text) to ``corpus/annotations/batch_NN.jsonl``. Batches labelled twice (``DOUBLE``) go to
``corpus/agreement/batch_NN.<L>.jsonl``; their gold is the adjudicated file
``corpus/annotations/batch_NN.jsonl``, imported from the adjudicator's
``out/batch_NN.adj.jsonl``. Then prints the
agreement figures over the doubly labelled sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from tidings.corpus import CORPUS_DIR, CorpusError, import_labels  # noqa: E402

DOUBLE = {"batch_00", "batch_01", "batch_02"}


def write(recs: list[dict], path: Path, labeller: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in sorted(recs, key=lambda r: (r["file"], r["story_id"], r["sentence"])):
            f.write(json.dumps({**r, "labeller": labeller}, ensure_ascii=False) + "\n")


def kappa(a: list[bool], b: list[bool]) -> float:
    """Cohen's kappa of two binary labelings of the same items."""
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(corpus: Path = CORPUS_DIR) -> dict | None:
    """Agreement between the two labellers of each double batch.

    Returns:
        ``{"sentences", "kappa_event", "type_f1", "actor_country", "pairs"}`` or None
        when no batch has two labellings yet. Type F1 treats one labeller as gold over
        (sentence, type) pairs (symmetric); actor-country agreement is over events of the
        same type in the same sentence where both give an actor country.
    """
    by_batch: dict[str, list[Path]] = {}
    for p in sorted((corpus / "agreement").glob("batch_*.jsonl")):
        by_batch.setdefault(p.name.split(".")[0], []).append(p)
    ev_a, ev_b = [], []
    tp = fp = fn = 0
    act_n = act_ok = 0
    kinds: Counter = Counter()
    for batch, paths in by_batch.items():
        if len(paths) != 2:
            continue
        la, lb = ({(r["story_id"], r["sentence"]): r["events"] for r in map(json.loads, p.open())} for p in paths)
        for key in la.keys() & lb.keys():
            ta = Counter(e["event_type"] for e in la[key])
            tb = Counter(e["event_type"] for e in lb[key])
            ev_a.append(bool(ta))
            ev_b.append(bool(tb))
            sa, sb = set(ta), set(tb)
            tp += len(sa & sb)
            fp += len(sb - sa)
            fn += len(sa - sb)
            for t in sa ^ sb:
                kinds[t] += 1
            for t in sa & sb:
                ca = {x["country"] for e in la[key] if e["event_type"] == t for x in e["actor"] if x.get("country")}
                cb = {x["country"] for e in lb[key] if e["event_type"] == t for x in e["actor"] if x.get("country")}
                if ca and cb:
                    act_n += 1
                    act_ok += bool(ca & cb)
    if not ev_a:
        return None
    return {"sentences": len(ev_a), "kappa_event": round(kappa(ev_a, ev_b), 3),
            "type_f1": round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0,
            "actor_country": round(act_ok / act_n, 3) if act_n else None,
            "pairs": {"both": tp, "only_first": fn, "only_second": fp},
            "types_disagreed": dict(kinds.most_common())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/work/labelwork"))
    args = ap.parse_args()
    for done in sorted((args.work / "out").glob("batch_*.jsonl.done")):
        out = done.with_suffix("")
        batch, labeller = out.stem.split(".")
        try:
            recs = import_labels(args.work / "batches" / f"{batch}.jsonl", out)
        except CorpusError as exc:
            print(f"{out.name}: not imported:\n{exc}")
            continue
        dest = (CORPUS_DIR / "agreement" / f"{batch}.{labeller}.jsonl" if batch in DOUBLE and labeller != "adj"
                else CORPUS_DIR / "annotations" / f"{batch}.jsonl")
        if labeller == "adj":
            labeller = "adjudicated"
        write(recs, dest, labeller)
        print(f"{out.name}: {len(recs)} sentences, {sum(len(r['events']) for r in recs)} events -> {dest.relative_to(CORPUS_DIR.parent)}")
    ag = agreement()
    if ag:
        print(json.dumps(ag, indent=1))


if __name__ == "__main__":
    main()
