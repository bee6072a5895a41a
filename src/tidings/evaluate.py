"""Scoring coded events against a gold file (rules of ``shared/eval/README.md``).

A gold file is JSON Lines, one document per line: ``{"id", "text", "pub_date",
"events": [{"event_type", "mode", "contexts", "actor": [{"text", "code", "sector"}],
"recipient": [...], "location", "date"}]}``. ``events: []`` means no codable event.

Rules implemented here:

- **event type**: per document, the gold set of types against the predicted set; events
  whose ``aux_modes`` contain ``negation`` or ``hypothetical`` count as no event.
  Precision, recall, F1 per type; macro F1 = mean F1 over the types present in the gold;
  micro F1 over all (document, type) pairs; false-event rate over ``events: []`` docs.
- **actor / recipient**: for each gold event whose type was predicted in the same
  document, correct when a predicted entity's country (or ``IGO`` when ``igo`` is set,
  ``NGO`` when the sector is NGO) equals a gold ``code``; sector scored likewise where
  the gold has one. ``actor_given`` (``recipient_given``): of those gold events with
  any actor (recipient), the share for which an event of that type gives one at all.
  ``recipient_precision``: of the gold events whose type was predicted with a recipient
  country or IGO, the share where one of them is a gold recipient's ``code`` (a
  recipient given where the gold has none counts against it).
- **date**: the gold date lies within the predicted ``[start, end]``.
- **location**: the gold location equals the predicted location ``name`` or ``text``
  (case-insensitive). Two more lenient figures count a predicted place as the gold
  one when its ``text`` or ``name`` occurs inside the gold phrase or the gold phrase
  inside its ``text`` (case-insensitive: "Los Angeles" for "Los Angeles, California",
  "Beledweyne" for "a hotel in the central town of Beledweyne"): for each gold event
  whose type was predicted in the same document, ``location_recall`` is the share of
  those with a gold location that a predicted event of the type places there, and
  ``location_precision`` the share of those given a place at all (a predicted event of
  the type has a location) whose place is the gold one: a place given where the gold
  has none counts against it.
- **calibration**: expected calibration error of ``confidence`` over predicted
  (document, type) pairs, 10 equal-width bins; "correct" = the type is in the gold set.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TidingsError
from .records import EVENT_TYPES

NOT_HAPPENED = {"negation", "hypothetical"}


def _codes(ent: dict) -> set[str]:
    out = set()
    if ent.get("country"):
        out.add(ent["country"])
    if ent.get("igo"):
        out.add("IGO")
    if ent.get("sector") == "NGO":
        out.add("NGO")
    return out


@dataclass
class Score:
    """Result of :func:`score`. Fractions in 0..1; ``None`` where nothing was scorable."""

    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    macro_f1: float = 0.0
    micro_f1: float = 0.0
    false_event_rate: float | None = None
    actor_accuracy: float | None = None
    recipient_accuracy: float | None = None
    actor_sector_accuracy: float | None = None
    recipient_sector_accuracy: float | None = None
    actor_given: float | None = None
    recipient_given: float | None = None
    recipient_precision: float | None = None
    date_accuracy: float | None = None
    location_accuracy: float | None = None
    location_precision: float | None = None
    location_recall: float | None = None
    ece: float | None = None
    documents: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _date_within(gold: str, pred: dict) -> bool:
    """True when a gold date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) lies in the
    predicted ``[start, end]``; a month or year counts when the range reaches into it."""
    n = len(gold)
    return pred["start"][:n] <= gold <= pred["end"][:n]


def _same_place(gold: str, place: dict) -> bool:
    """True when a predicted place (the ``location`` object) is the gold location phrase
    ``gold``: its ``text`` or ``name`` inside the phrase, or the phrase inside its
    ``text``, case-insensitive (module docstring, the lenient location figures)."""
    g = gold.lower()
    text = (place.get("text") or "").lower()
    name = (place.get("name") or "").lower()
    return bool(text and (text in g or g in text)) or bool(name and name in g)


def _ratio(ok: int, n: int) -> float | None:
    return ok / n if n else None


def score(gold_docs: list[dict], predicted: dict[str, list[dict]]) -> Score:
    """Score predicted events against gold documents.

    Args:
        gold_docs: gold documents (dicts as in the module docstring).
        predicted: document id -> list of predicted event dicts (the event contract).
    Returns:
        a :class:`Score`.
    """
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    gold_types_present: set[str] = set()
    empty_docs = empty_with_events = 0
    acc = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    calib: list[tuple[float, bool]] = []
    failures = []
    for doc in gold_docs:
        did = doc["id"]
        preds = [e for e in predicted.get(did, []) if not (set(e.get("aux_modes") or []) & NOT_HAPPENED)]
        gold_events = doc.get("events") or []
        gset = {e["event_type"] for e in gold_events}
        pset = {e["event_type"] for e in preds}
        gold_types_present |= gset
        for t in pset & gset:
            tp[t] += 1
        for t in pset - gset:
            fp[t] += 1
        for t in gset - pset:
            fn[t] += 1
        # confusion: each missed gold type against each spurious predicted type, in
        # sorted order: a set's order of strings changes with the hash seed, and the
        # JSON's keys came out in another order in every run
        for g in sorted(gset - pset):
            for p in sorted(pset - gset) or ["(none)"]:
                confusion[g][p] += 1
        if not gold_events:
            empty_docs += 1
            empty_with_events += bool(pset)
        for t in sorted(pset):
            conf = max(e.get("confidence", 0.0) for e in preds if e["event_type"] == t)
            calib.append((conf, t in gset))
        if gset != pset:
            failures.append({"id": did, "text": doc.get("text", "")[:200], "gold": sorted(gset),
                             "predicted": sorted(pset)})
        for ge in gold_events:
            same = [e for e in preds if e["event_type"] == ge["event_type"]]
            if not same:
                continue
            for role, key in (("actor", "actor"), ("recipient", "recipient")):
                gcodes = {a.get("code") for a in ge.get(role) or [] if a.get("code")}
                if gcodes:
                    pcodes = set().union(*[_codes(x) for e in same for x in e.get(key) or []])
                    acc[f"{role}_n"] += 1
                    acc[f"{role}_ok"] += bool(gcodes & pcodes)
            for role in ("actor", "recipient"):
                if ge.get(role):
                    acc[f"{role}_given_n"] += 1
                    acc[f"{role}_given_ok"] += any(e.get(role) for e in same)
            # a recipient given where the gold has none (a topic taken for a party:
            # "the two ministers discussed Sudan") counts against recipient precision
            rcodes = set().union(*[_codes(x) for e in same for x in e.get("recipient") or []])
            if rcodes:
                acc["recp_n"] += 1
                acc["recp_ok"] += bool(rcodes & {a.get("code") for a in ge.get("recipient") or [] if a.get("code")})
            for role, key in (("actor", "sector"), ("recipient", "rsector")):
                gsec = {a.get("sector") for a in ge.get(role) or [] if a.get("sector")}
                if gsec:
                    psec = {x.get("sector") for e in same for x in e.get(role) or []}
                    acc[f"{key}_n"] += 1
                    acc[f"{key}_ok"] += bool(gsec & psec)
            if ge.get("date"):
                acc["date_n"] += 1
                acc["date_ok"] += any(_date_within(ge["date"], e["date"]) for e in same)
            if ge.get("location"):
                gl = ge["location"].lower()
                acc["loc_n"] += 1
                acc["loc_ok"] += any(e.get("location") and gl in (
                    (e["location"].get("name") or "").lower(), (e["location"].get("text") or "").lower())
                    for e in same)
            placed = [e["location"] for e in same if e.get("location")]
            hit = bool(ge.get("location")) and any(_same_place(ge["location"], p) for p in placed)
            acc["locr_n"] += bool(ge.get("location"))
            acc["locr_ok"] += hit
            acc["locp_n"] += bool(placed)
            acc["locp_ok"] += hit
    per_type = {}
    for t in EVENT_TYPES:
        if not (tp[t] or fp[t] or fn[t]):
            continue
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_type[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                       "tp": tp[t], "fp": fp[t], "fn": fn[t]}
    present = sorted(gold_types_present)
    macro = sum(per_type.get(t, {"f1": 0.0})["f1"] for t in present) / len(present) if present else 0.0
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = 2 * TP / (2 * TP + FP + FN) if TP else 0.0
    return Score(
        per_type=per_type, macro_f1=round(macro, 4), micro_f1=round(micro, 4),
        false_event_rate=_ratio(empty_with_events, empty_docs),
        actor_accuracy=_ratio(acc["actor_ok"], acc["actor_n"]),
        recipient_accuracy=_ratio(acc["recipient_ok"], acc["recipient_n"]),
        actor_sector_accuracy=_ratio(acc["sector_ok"], acc["sector_n"]),
        recipient_sector_accuracy=_ratio(acc["rsector_ok"], acc["rsector_n"]),
        actor_given=_ratio(acc["actor_given_ok"], acc["actor_given_n"]),
        recipient_given=_ratio(acc["recipient_given_ok"], acc["recipient_given_n"]),
        recipient_precision=_ratio(acc["recp_ok"], acc["recp_n"]),
        date_accuracy=_ratio(acc["date_ok"], acc["date_n"]),
        location_accuracy=_ratio(acc["loc_ok"], acc["loc_n"]),
        location_precision=_ratio(acc["locp_ok"], acc["locp_n"]),
        location_recall=_ratio(acc["locr_ok"], acc["locr_n"]),
        ece=expected_calibration_error(calib), documents=len(gold_docs),
        confusion={g: dict(sorted(c.items())) for g, c in sorted(confusion.items())}, failures=failures,
        counts={"tp": TP, "fp": FP, "fn": FN, "empty_docs": empty_docs,
                "empty_docs_with_events": empty_with_events},
    )


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> float | None:
    """ECE: sum over equal-width confidence bins of |accuracy - mean confidence| weighted
    by the bin's share of predictions. ``pairs`` = (confidence in 0..1, correct)."""
    if not pairs:
        return None
    total = len(pairs)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inb = [(c, ok) for c, ok in pairs if (lo <= c < hi) or (b == bins - 1 and c == 1.0)]
        if not inb:
            continue
        conf = sum(c for c, _ in inb) / len(inb)
        accy = sum(ok for _, ok in inb) / len(inb)
        ece += len(inb) / total * abs(accy - conf)
    return round(ece, 4)


def _unknown_gold_type(events: list) -> tuple[int, Any] | None:
    """The first gold event (1-based position, its ``event_type``) whose type is not a
    PLOVER event type, or None when every event has one."""
    for k, ev in enumerate(events, 1):
        etype = ev.get("event_type") if isinstance(ev, dict) else None
        if etype not in EVENT_TYPES:
            return k, etype
    return None


def _type_hint(etype: Any) -> str:
    """"did you mean AID?" for a near miss of a PLOVER type, else the list of types."""
    from difflib import get_close_matches

    near = get_close_matches(str(etype).upper(), EVENT_TYPES, n=1, cutoff=0.6)
    if near:
        return f"did you mean {near[0]}?"
    return "use one of " + " ".join(EVENT_TYPES)


def load_gold(path: str | Path, on_error: Callable[[TidingsError], None] | None = None
              ) -> list[dict]:
    """Read a gold JSON Lines file (format in the module docstring).

    Lines are read as story records (:func:`tidings.read.read_path`), so a bad line gets
    the read codes of ``docs/bad-input.md``: T101 unparseable JSON, T105 not UTF-8,
    T107 not an object, T102 no id, T106 no text, T103 bad date; a document without an
    ``events`` list is a T102 too, and a second document with an id already read is a
    T108 (the first is kept: the predictions are keyed by id, so it would be scored
    against the first's events). A document with an event whose ``event_type`` is not
    one of the 16 PLOVER types (:data:`tidings.records.EVENT_TYPES`, exact upper case:
    a misspelt ``"AIDE"``, a lower-case ``"aid"``, none at all) is a T115 and is left
    out whole: scoring it without that event would count a correct prediction of the
    intended type as a false positive (or a false event when no other event is left),
    and scoring the unknown type would add a type no coder can predict to macro F1.

    Args:
        path: the gold file.
        on_error: called with the error of each bad line, which is then skipped; None:
            the first bad line raises it.

    Returns:
        the gold documents (dicts with ``id``, ``text``, ``pub_date``, ``events`` and
        any other fields of the line).

    Raises:
        TidingsError: a bad line's error when ``on_error`` is None; ``T503`` when no
            record has an ``events`` list (a story file, not a gold file) or no
            document is left.
    """
    from .read import KNOWN_META, ReadFailure, ReadOptions, read_path

    def bad(code: str, message: str, hint: str = "") -> None:
        exc = TidingsError(code, message, hint)
        if on_error is None:
            raise exc
        on_error(exc)

    name = Path(path).name
    docs: list[dict] = []
    no_events: list[str] = []
    seen: dict[str, str] = {}  # gold id -> where it was first read
    for item in read_path(Path(path), ReadOptions(fmt="jsonl", make_ids=False)):  # gold needs ids
        if isinstance(item, ReadFailure):
            bad(item.code, item.message)
        elif not isinstance(item.meta.get("events"), list):
            no_events.append(item.origin)
        elif (wrong := _unknown_gold_type(item.meta["events"])) is not None:
            k, etype = wrong
            bad("T115", f"{item.origin}: gold event {k} has event_type {etype!r}, "
                "not a PLOVER event type", _type_hint(etype))
        elif item.id in seen:
            # a second document of one id would be scored against the first's events
            # (predictions are keyed by id): T108, as the readers say of stories
            bad("T108", f"{item.origin}: duplicate gold document id {item.id!r}; the first, at "
                f"{seen[item.id]}, is kept", "give each gold document its own id")
        else:
            seen[item.id] = item.origin
            known = {k: getattr(item, k) for k in KNOWN_META if getattr(item, k) is not None}
            docs.append({**item.meta, **known, "id": item.id, "text": item.text,
                         "pub_date": item.pub_date})
    if no_events and not docs:
        raise TidingsError("T503", f"{name}: not a gold file: no record has an 'events' "
                           "list, so there is nothing to score against",
                           'each line of a gold file is {"id", "text", "pub_date", '
                           '"events": [...]}; "events": [] means no event')
    for origin in no_events:
        bad("T102", f"{origin}: gold document has no 'events' list (give [] for no event)")
    if not docs:
        raise TidingsError("T503", f"{name}: no gold document to score")
    return docs


def evaluate_file(path: str | Path, processes: int = 1,
                  on_error: Callable[[TidingsError], None] | None = None) -> Score:
    """Code the texts of a gold file with tidings and score them (no database written).

    ``on_error`` is as for :func:`load_gold` (None: a bad line raises).
    """
    from .engines.local import code_stories
    from .records import Story

    docs = load_gold(path, on_error)
    stories = [Story(id=d["id"], text=d["text"], pub_date=d.get("pub_date"), origin=f"{Path(path).name}")
               for d in docs]
    predicted: dict[str, list[dict]] = defaultdict(list)
    code_stories(stories, store=None, sink=lambda ev: predicted[ev.story_id].append(ev.to_dict()),
                 processes=processes)
    return score(docs, predicted)


# --------------------------------------------------------------------------- the corpus


def corpus_gold(stories: list) -> list[dict]:
    """Gold documents, one per corpus sentence, in the format :func:`score` reads.

    Args:
        stories: :class:`tidings.corpus.LabelledStory` list.
    Returns:
        ``[{"id": "<story>#<i>", "text", "file", "events": [...]}, ...]``; an entity's
        ``code`` is its country, else ``IGO`` when it names an international
        organisation, else ``NGO`` for the NGO sector; the date is the labelled date
        (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and the location its phrase.
    """
    def ents(xs: list[dict]) -> list[dict]:
        return [{"text": x.get("text"),
                 "code": x.get("country") or ("IGO" if x.get("igo") else None)
                 or ("NGO" if x.get("sector") == "NGO" else None),
                 "sector": x.get("sector")} for x in xs or []]

    docs = []
    for st in stories:
        for s in st.sentences:
            evs = [{"event_type": e["event_type"], "mode": e.get("mode"), "contexts": e.get("contexts") or [],
                    "actor": ents(e.get("actor")), "recipient": ents(e.get("recipient")),
                    "location": e.get("location_text"), "date": e.get("date")}
                   for e in s.events if not set(e.get("aux_modes") or []) & NOT_HAPPENED]
            docs.append({"id": f"{st.story_id}#{s.index}", "text": s.text, "file": st.file, "events": evs})
    return docs


def _trigger_offset(ev: dict) -> int | None:
    """The story offset of an event's trigger: where the first word of ``trigger`` that
    occurs in the evidence ``sentence`` (as a whole word, in any case) begins, counted
    from ``evidence_span[0]``; None when no word of it occurs there (or no sentence)."""
    sentence, trigger = ev.get("sentence") or "", ev.get("trigger") or ""
    for word in trigger.split():
        m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", sentence, re.I)
        if m:
            return ev["evidence_span"][0] + m.start()
    return None


def assign_to_sentences(stories: list, events: list[dict]) -> dict[str, list[dict]]:
    """Map coded events to corpus sentences: the labelled sentence that holds the event's
    trigger, else the one its evidence span overlaps most (character offsets).

    A coded sentence can span two labelled ones where the corpus' splitter cut a sentence
    (typically after "U.S."); the guide labels the event in the fragment that holds its
    trigger (docs/annotation.md 11.11), so that is where it is scored (twenty-ninth round:
    by overlap, "WE URGE THE U.S. | GOVERNMENT TO ..." put the REQUEST in the longer
    second fragment, a miss and a false event at once; 25 such pairs in train).

    Args:
        stories: labelled stories; events: event dicts (the contract) of those stories;
            an event without ``sentence``/``trigger`` goes by overlap alone.
    Returns:
        ``"<story>#<i>" -> [event, ...]``; an event whose evidence span overlaps no
        labelled sentence is dropped.
    """
    by_story = {st.story_id: st for st in stories}
    out: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        st = by_story.get(ev["story_id"])
        if st is None:
            continue
        a, b = ev["evidence_span"]
        at = _trigger_offset(ev)
        best, best_ov = None, 0
        for s in st.sentences:
            ov = min(b, s.end) - max(a, s.start)
            if ov > 0 and at is not None and s.start <= at < s.end:
                best, best_ov = s, float("inf")
            if ov > best_ov:
                best, best_ov = s, ov
        if best is not None:
            out[f"{st.story_id}#{best.index}"].append(ev)
    return out


def evaluate_corpus(split: str, processes: int = 1, files: list[str] | None = None,
                    corpus_dir: Path | None = None, shared: Path | None = None) -> dict[str, Score]:
    """Code the corpus stories of one split with tidings and score them sentence by sentence.

    Whole stories are coded (coding uses story context), then each event goes to the
    labelled sentence that holds its trigger, else the one its evidence span overlaps
    most (:func:`assign_to_sentences`). Dates labelled to the month or year count as
    right when the predicted range covers that month or year.

    Args:
        split: ``train``, ``dev`` or ``test`` (``None``: all).
        processes: parser worker processes.
        files: restrict to these source files.
    Returns:
        ``{"all": Score, "<source file>": Score, ...}``.
    Raises:
        tidings.corpus.CorpusError: the corpus does not match the shared text.
        TidingsError(T503): no labelled story in that split.
    """
    from . import corpus
    from .engines.local import code_stories
    from .records import Story

    kw = {}
    if corpus_dir is not None:
        kw["corpus"] = corpus_dir
    if shared is not None:
        kw["shared"] = shared
    stories = corpus.load(split, files, **kw)
    if not stories:
        raise TidingsError("T503", f"corpus:{split}: no fully labelled story to score")
    inputs = [Story(id=s.story_id, text=s.text, pub_date=s.pub_date, title=s.title,
                    source=s.source, origin=f"corpus:{s.file}") for s in stories]
    events: list[dict] = []
    code_stories(inputs, store=None, sink=lambda ev: events.append(ev.to_dict()), processes=processes)
    predicted = assign_to_sentences(stories, events)
    gold = corpus_gold(stories)
    out = {"all": score(gold, predicted)}
    for name in sorted({d["file"] for d in gold}):
        out[name] = score([d for d in gold if d["file"] == name], predicted)
    return out
