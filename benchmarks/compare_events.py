"""Compare two event files (``tidings code --out``) event by event.

Used to prove that a restructuring of the coder keeps its events: code the same stories
before and after, then

    python benchmarks/compare_events.py before.jsonl after.jsonl [--fields +trigger,+cameo]

Events are compared sentence by sentence (story id, sentence index) on the fields that
say what happened: event type, mode, auxiliary modes, actors, recipients, date and place
(entities by country, sector, IGO and name; the place by name and country). Event ids,
confidences and the ``rules`` field are ignored by default (``--fields +confidence`` adds
a field, ``--fields -date`` drops one). Within a sentence the events are matched as
multisets, so a reordering is no difference.

Prints the counts, then every sentence whose events differ with the events found only in
the first and only in the second file. Exit status 0 when the files agree, 1 when not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

#: Fields compared by default (the issue's "same events": type, mode, aux modes, actors,
#: recipients, date, place; story and sentence are the grouping key).
DEFAULT_FIELDS = ("event_type", "mode", "aux_modes", "actor", "recipient", "date", "location")
#: Fields that may be added with ``--fields +name``.
OPTIONAL_FIELDS = ("trigger", "contexts", "cameo", "claimed_by", "confidence", "quad_class",
                   "evidence_span", "rules")


def _entity(e: dict) -> tuple:
    return (e.get("country"), e.get("sector"), e.get("igo"), e.get("name"))


def _value(ev: dict, name: str) -> object:
    """A hashable, order-insensitive form of one field of an event record."""
    v = ev.get(name)
    if name in ("actor", "recipient", "claimed_by"):
        return tuple(sorted((_entity(e) for e in v or []), key=repr))
    if name == "date":
        return None if v is None else (v.get("start"), v.get("end"), v.get("granularity"))
    if name == "location":
        return None if v is None else (v.get("name"), v.get("country"))
    if isinstance(v, list):
        return tuple(sorted(map(str, v))) if name in ("aux_modes", "contexts") else tuple(v)
    return v


def load(path: Path) -> list[dict]:
    """Read a JSON Lines event file; a line that is no JSON object stops with its number."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}:{n}: not JSON ({exc})")
    return out


def resolve_fields(spec: str) -> tuple[str, ...]:
    """``"+trigger,-date"`` -> the default fields with trigger added and date removed."""
    fields = list(DEFAULT_FIELDS)
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name = part.lstrip("+-")
        if name not in DEFAULT_FIELDS + OPTIONAL_FIELDS:
            sys.exit(f"unknown field {name!r}; known: {', '.join(DEFAULT_FIELDS + OPTIONAL_FIELDS)}")
        if part.startswith("-"):
            fields = [f for f in fields if f != name]
        elif name not in fields:
            fields.append(name)
    return tuple(fields)


def _unmatched(events: list[dict], left: Counter, fields: tuple[str, ...]) -> list[dict]:
    """The records of ``events`` whose compared values are counted in ``left`` (each
    counted value taken once)."""
    left, out = Counter(left), []
    for ev in events:
        k = tuple(_value(ev, f) for f in fields)
        if left[k] > 0:
            left[k] -= 1
            out.append(ev)
    return out


def compare(a: list[dict], b: list[dict], fields: tuple[str, ...]) -> dict:
    """Match the events of two files per sentence.

    Returns ``{"n_a", "n_b", "same", "sentences": [{"story_id", "sentence_index",
    "sentence", "only_a": [record...], "only_b": [record...]}]}`` where ``same`` counts
    the events found in both (as a multiset per sentence).
    """
    def group(events: list[dict]) -> dict[tuple, list[dict]]:
        g: dict[tuple, list[dict]] = defaultdict(list)
        for ev in events:
            g[(str(ev["story_id"]), int(ev["sentence_index"]))].append(ev)
        return g

    ga, gb = group(a), group(b)
    same, diffs = 0, []
    for key in sorted(set(ga) | set(gb)):
        ka = Counter(tuple(_value(e, f) for f in fields) for e in ga.get(key, []))
        kb = Counter(tuple(_value(e, f) for f in fields) for e in gb.get(key, []))
        common = ka & kb
        same += sum(common.values())
        if ka == kb:
            continue
        evs = ga.get(key) or gb.get(key)
        diffs.append({"story_id": key[0], "sentence_index": key[1], "sentence": evs[0]["sentence"],
                      "only_a": _unmatched(ga.get(key, []), ka - common, fields),
                      "only_b": _unmatched(gb.get(key, []), kb - common, fields)})
    return {"n_a": len(a), "n_b": len(b), "same": same, "sentences": diffs}


def _short(ev: dict, fields: tuple[str, ...]) -> str:
    def ents(es: list[dict]) -> str:
        return "+".join(e.get("country") or e.get("igo") or e.get("text") or "?" for e in es) or "-"
    parts = [f"{ev['event_type']}/{ev.get('mode') or '-'}", f"trigger={ev.get('trigger')!r}",
             f"aux={','.join(ev.get('aux_modes') or []) or '-'}",
             f"{ents(ev.get('actor') or [])}->{ents(ev.get('recipient') or [])}",
             f"date={(ev.get('date') or {}).get('start')}", f"place={(ev.get('location') or {}).get('name')}",
             f"conf={ev.get('confidence')}"]
    extra = [f"{f}={ev.get(f)!r}" for f in fields if f in OPTIONAL_FIELDS and f not in ("trigger", "confidence")]
    if ev.get("rules"):
        extra.append(f"rules={','.join(ev['rules'])}")
    return " ".join(parts + extra)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", type=Path, help="first event file (JSON Lines), e.g. before the change")
    ap.add_argument("b", type=Path, help="second event file, e.g. after the change")
    ap.add_argument("--fields", default="", help="+name adds a field to the comparison, -name drops one")
    ap.add_argument("--json", action="store_true", help="print the comparison as one JSON object")
    args = ap.parse_args(argv)
    fields = resolve_fields(args.fields)
    res = compare(load(args.a), load(args.b), fields)
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
        return 0 if not res["sentences"] else 1
    n_only_a = sum(len(d["only_a"]) for d in res["sentences"])
    n_only_b = sum(len(d["only_b"]) for d in res["sentences"])
    print(f"{args.a}: {res['n_a']} events; {args.b}: {res['n_b']} events; same: {res['same']}; "
          f"only in first: {n_only_a}; only in second: {n_only_b}; "
          f"sentences that differ: {len(res['sentences'])} (compared on {', '.join(fields)})")
    for d in res["sentences"]:
        print(f"\n[{d['story_id']} #{d['sentence_index']}] {d['sentence']}")
        for ev in d["only_a"]:
            print(f"  - {_short(ev, fields)}")
        for ev in d["only_b"]:
            print(f"  + {_short(ev, fields)}")
    return 0 if not res["sentences"] else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: stop quietly
        sys.stderr.close()
        sys.exit(1)
