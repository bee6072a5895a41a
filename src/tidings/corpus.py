"""The labelled real-news corpus: load, validate and join stand-off annotations.

The corpus (``corpus/`` at the top of the repository, see ``corpus/README.md``) labels
whole stories of the real-news files in ``../shared/data/`` sentence by sentence,
without copying their text: ``corpus/stories.jsonl`` lists each story (source file,
story id, split, text hash, sentence offsets) and ``corpus/annotations/*.jsonl`` hold one
record per sentence with its events. This module joins the labels with the text and
fails loudly (``CorpusError`` naming the story) when a story's text no longer matches.

Used by training and evaluation code only; ``tidings code`` never needs it.

Label record (one per sentence)::

    {"file": "voa_stories.jsonl", "story_id": "123", "sentence": 4, "start": 812,
     "end": 903, "events": [EVENT, ...]}

where EVENT is ``{"event_type", "mode", "contexts", "aux_modes", "trigger", "actor",
"recipient", "claimed_by", "date_text", "date", "location_text"}`` and actor, recipient
and claimed_by are lists of ``{"text", "country", "sector", "igo"}`` (see
``docs/annotation.md``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .records import AUX_MODES, CONTEXTS, EVENT_TYPES, MODES

#: The repository's corpus folder and the shared data folder beside the checkout.
REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "corpus"
SHARED_DATA = REPO.parent / "shared" / "data"
SPLITS = ("train", "dev", "test")

#: Agent (sector) codes an entity may carry (src/tidings/data/actors/sectors.yaml, plus IGO).
SECTORS = frozenset({
    "GOV", "MIL", "COP", "REB", "PRM", "UAF", "OPP", "PTY", "CVL", "REF", "JUD", "LEG", "SPY",
    "MED", "JRN", "EDU", "BUS", "LAB", "AGR", "REL", "CRM", "ENV", "NGO", "ELI", "PRE", "IGO",
})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_EVENT_KEYS = {"event_type", "mode", "contexts", "aux_modes", "trigger", "actor", "recipient",
               "claimed_by", "date_text", "date", "location_text"}
_ENTITY_KEYS = {"text", "country", "sector", "igo"}


class CorpusError(ValueError):
    """A corpus file does not match the shared text or the label schema.

    The message names the file and line or the story id, so the broken record can be found.
    """


def text_hash(text: str) -> str:
    """First 16 hex digits of the SHA-1 of ``text`` (UTF-8); ``corpus/stories.jsonl`` keeps it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def check_entity(ent: Any, sentence: str, where: str) -> list[str]:
    """Problems with one labelled entity (empty list when valid).

    Args:
        ent: ``{"text", "country", "sector", "igo"}``.
        sentence: the sentence text the span must occur in (case-insensitive, spaces folded).
        where: a prefix for messages, e.g. ``"story 12 sentence 3 event 0 actor"``.
    """
    if not isinstance(ent, dict):
        return [f"{where}: entity is not an object"]
    out = []
    extra = set(ent) - _ENTITY_KEYS
    if extra:
        out.append(f"{where}: unknown keys {sorted(extra)}")
    text = ent.get("text")
    if not isinstance(text, str) or not text.strip():
        out.append(f"{where}: text missing")
    elif _norm(text) not in _norm(sentence):
        out.append(f"{where}: text {text!r} is not in the sentence")
    c = ent.get("country")
    if c is not None and not (isinstance(c, str) and _ISO3.match(c)):
        out.append(f"{where}: country {c!r} is not ISO3 or null")
    s = ent.get("sector")
    if s is not None and s not in SECTORS:
        out.append(f"{where}: sector {s!r} not in {sorted(SECTORS)}")
    igo = ent.get("igo")
    if igo is not None and not (isinstance(igo, str) and igo.strip()):
        out.append(f"{where}: igo must be a short code or null")
    return out


def check_event(ev: Any, sentence: str, where: str) -> list[str]:
    """Problems with one labelled event (empty list when valid).

    Checks the PLOVER type (``tidings.records.EVENT_TYPES``), the mode against that
    type's modes (``MODES``), contexts (PLOVER manual's general contexts), auxiliary
    modes, entity spans (they must occur in ``sentence``), and the date format.
    """
    if not isinstance(ev, dict):
        return [f"{where}: event is not an object"]
    out = []
    missing = _EVENT_KEYS - set(ev)
    extra = set(ev) - _EVENT_KEYS
    if missing:
        out.append(f"{where}: missing keys {sorted(missing)}")
    if extra:
        out.append(f"{where}: unknown keys {sorted(extra)}")
    t = ev.get("event_type")
    if t not in EVENT_TYPES:
        out.append(f"{where}: event_type {t!r} not a PLOVER type")
    m = ev.get("mode")
    if m is not None and m not in MODES.get(t, ()):
        out.append(f"{where}: mode {m!r} is not a mode of {t} ({sorted(MODES.get(t, ())) or 'none'})")
    for c in ev.get("contexts") or []:
        if c not in CONTEXTS:
            out.append(f"{where}: context {c!r} unknown")
    for a in ev.get("aux_modes") or []:
        if a not in AUX_MODES:
            out.append(f"{where}: aux mode {a!r} not in {AUX_MODES}")
    for role in ("actor", "recipient", "claimed_by"):
        ents = ev.get(role)
        if ents is None:
            ents = []
        if not isinstance(ents, list):
            out.append(f"{where}: {role} must be a list")
            continue
        for i, e in enumerate(ents):
            out.extend(check_entity(e, sentence, f"{where} {role}[{i}]"))
    d = ev.get("date")
    if d is not None and not (isinstance(d, str) and _DATE.match(d)):
        out.append(f"{where}: date {d!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    for key in ("trigger", "date_text", "location_text"):
        v = ev.get(key)
        if v is not None and not isinstance(v, str):
            out.append(f"{where}: {key} must be a string or null")
    return out


def check_labels(labels: Iterable[dict], sentences: dict[str, list[str]],
                 origin: str = "labels") -> list[str]:
    """Problems with labeller output against its batch's sentences.

    Args:
        labels: records ``{"story_id", "sentence", "events"}`` (one per sentence).
        sentences: story id -> its sentence texts, in order.
        origin: the file name, for messages.
    Returns:
        one message per problem; also reports sentences with no record and duplicates.
    """
    out: list[str] = []
    seen: set[tuple[str, int]] = set()
    for n, rec in enumerate(labels, 1):
        sid, i = str(rec.get("story_id")), rec.get("sentence")
        where = f"{origin}:{n} story {sid} sentence {i}"
        if sid not in sentences:
            out.append(f"{where}: story not in the batch")
            continue
        if not isinstance(i, int) or not 0 <= i < len(sentences[sid]):
            out.append(f"{where}: no such sentence")
            continue
        if (sid, i) in seen:
            out.append(f"{where}: labelled twice")
        seen.add((sid, i))
        evs = rec.get("events")
        if not isinstance(evs, list):
            out.append(f"{where}: events must be a list")
            continue
        for k, ev in enumerate(evs):
            out.extend(check_event(ev, sentences[sid][i], f"{where} event {k}"))
    for sid, sents in sentences.items():
        done = [i for i in range(len(sents)) if (sid, i) in seen]
        if done and len(done) < len(sents):
            out.append(f"{origin}: story {sid}: sentences {sorted(set(range(len(sents))) - set(done))} unlabelled")
    return out


# --------------------------------------------------------------------------- loading


@dataclass
class Sentence:
    """One labelled sentence joined with its text.

    Attributes:
        file: source file name in ``../shared/data`` (str); story_id (str); index (int,
        0-based in the story); start, end: character offsets in the story text;
        text (str, ``story_text[start:end]``); events: list of label dicts (may be empty).
    """

    file: str
    story_id: str
    index: int
    start: int
    end: int
    text: str
    events: list[dict] = field(default_factory=list)


@dataclass
class LabelledStory:
    """A whole labelled story: its text, metadata, split and sentences in order."""

    file: str
    story_id: str
    split: str
    pub_date: str | None
    title: str | None
    text: str
    sentences: list[Sentence]
    source: str | None = None
    #: how the story entered the corpus: None for the first draw, ``"draw2"`` ..
    #: ``"draw6"`` for a later draw, ``"keyword:TYPE"`` for a supplement
    added: str | None = None

    def as_story_dict(self) -> dict:
        """The story as tidings' input record (``{"id", "text", "pub_date", "title"}``)."""
        return {"id": self.story_id, "text": self.text, "pub_date": self.pub_date,
                "title": self.title, "source": self.file}


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CorpusError(f"{path}:{n}: not JSON ({exc.msg})") from None


def load_manifest(corpus: Path = CORPUS_DIR) -> list[dict]:
    """``corpus/stories.jsonl`` as a list of dicts (file, story_id, split, sha1, sentences)."""
    return [rec for _, rec in _read_jsonl(corpus / "stories.jsonl")]


def load_annotations(corpus: Path = CORPUS_DIR) -> dict[tuple[str, str, int], dict]:
    """Every gold sentence record of ``corpus/annotations/*.jsonl``, keyed by (file, story, index).

    Raises:
        CorpusError: a record labelled twice, or not JSON (naming file and line).
    """
    out: dict[tuple[str, str, int], dict] = {}
    for path in sorted((corpus / "annotations").glob("*.jsonl")):
        for n, rec in _read_jsonl(path):
            key = (rec["file"], str(rec["story_id"]), int(rec["sentence"]))
            if key in out:
                raise CorpusError(f"{path.name}:{n}: story {key[1]} sentence {key[2]} labelled twice")
            out[key] = rec
    return out


def load(split: str | None = None, files: Iterable[str] | None = None, *,
         corpus: Path = CORPUS_DIR, shared: Path = SHARED_DATA,
         labelled_only: bool = True) -> list[LabelledStory]:
    """Load labelled stories joined with their text from ``shared``.

    Args:
        split: ``"train"``, ``"dev"``, ``"test"`` or None for all.
        files: restrict to these source files (e.g. ``["voa_stories.jsonl"]``).
        corpus: the corpus folder; shared: the folder of the real-news files.
        labelled_only: skip stories not every sentence of which is labelled yet.
    Returns:
        the stories in manifest order.
    Raises:
        CorpusError: the shared text of a story changed (hash mismatch), a story is
        missing from its file, an annotation's offsets disagree with the manifest, or a
        label breaks the schema; the message names the story.
        FileNotFoundError: ``shared`` lacks a source file.
    """
    if split is not None and split not in SPLITS:
        raise CorpusError(f"unknown split {split!r} (one of {SPLITS})")
    manifest = [r for r in load_manifest(corpus)
                if (split is None or r["split"] == split) and (files is None or r["file"] in files)]
    labels = load_annotations(corpus)
    wanted: dict[str, set[str]] = {}
    for r in manifest:
        wanted.setdefault(r["file"], set()).add(r["story_id"])
    texts: dict[tuple[str, str], dict] = {}
    for name, ids in wanted.items():
        for _, s in _read_jsonl(shared / name):
            if str(s["id"]) in ids:
                texts[(name, str(s["id"]))] = s
    stories = []
    for r in manifest:
        key = (r["file"], r["story_id"])
        if key not in texts:
            raise CorpusError(f"story {r['story_id']} is missing from {r['file']}")
        src = texts[key]
        if text_hash(src["text"]) != r["sha1"]:
            raise CorpusError(f"story {r['story_id']} of {r['file']}: text changed since it was labelled")
        sents, complete = [], True
        for i, (a, b) in enumerate(r["sentences"]):
            lab = labels.get((r["file"], r["story_id"], i))
            if lab is None:
                complete = False
                sents.append(Sentence(r["file"], r["story_id"], i, a, b, src["text"][a:b], []))
                continue
            if (lab.get("start"), lab.get("end")) != (a, b):
                raise CorpusError(f"story {r['story_id']} sentence {i}: offsets "
                                  f"{lab.get('start')}..{lab.get('end')} disagree with the manifest {a}..{b}")
            text = src["text"][a:b]
            problems = [p for k, ev in enumerate(lab["events"])
                        for p in check_event(ev, text, f"story {r['story_id']} sentence {i} event {k}")]
            if problems:
                raise CorpusError("; ".join(problems[:3]))
            sents.append(Sentence(r["file"], r["story_id"], i, a, b, text, lab["events"]))
        if labelled_only and not complete:
            continue
        stories.append(LabelledStory(r["file"], r["story_id"], r["split"], r.get("pub_date"),
                                     src.get("title"), src["text"], sents, src.get("source"), r.get("added")))
    return stories


def import_labels(batch: Path, labels: Path, corpus: Path = CORPUS_DIR) -> list[dict]:
    """Turn a labeller's output for a batch into stand-off records (no story text).

    Args:
        batch: the batch file the labeller was given (stories with sentence texts).
        labels: the labeller's output (``{"story_id", "sentence", "events"}`` per line).
    Returns:
        records ``{"file", "story_id", "sentence", "start", "end", "events"}``.
    Raises:
        CorpusError: with every schema problem found (file and line named).
    """
    stories = [rec for _, rec in _read_jsonl(batch)]
    sentences = {s["story_id"]: s["sentences"] for s in stories}
    recs = [rec for _, rec in _read_jsonl(labels)]
    problems = check_labels(recs, sentences, labels.name)
    if problems:
        raise CorpusError("\n".join(problems))
    manifest = {(r["story_id"]): r for r in load_manifest(corpus)}
    out = []
    for rec in recs:
        m = manifest[str(rec["story_id"])]
        a, b = m["sentences"][rec["sentence"]]
        out.append({"file": m["file"], "story_id": m["story_id"], "sentence": rec["sentence"],
                    "start": a, "end": b, "events": rec["events"]})
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m tidings.corpus check LABELS BATCH``: print problems, exit 1 if any."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] != "check":
        print("usage: python -m tidings.corpus check LABELS.jsonl BATCH.jsonl", file=sys.stderr)
        return 2
    labels, batch = Path(args[1]), Path(args[2])
    stories = [rec for _, rec in _read_jsonl(batch)]
    recs = [rec for _, rec in _read_jsonl(labels)]
    problems = check_labels(recs, {s["story_id"]: s["sentences"] for s in stories}, labels.name)
    done = {str(r.get("story_id")) for r in recs}
    for p in problems:
        print(p)
    n_ev = sum(len(r.get("events") or []) for r in recs)
    print(f"{len(recs)} sentences, {n_ev} events, {len(done)}/{len(stories)} stories; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
