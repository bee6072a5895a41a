"""Static word vectors distilled from MiniLM (``data/model/words.npz``; numpy only).

Built by ``scripts/build_embeddings.py`` (torch is needed there only): each word of the
vocabulary encoded alone by all-MiniLM-L6-v2, reduced by PCA to 64 dimensions and
normalised. Unknown words get the zero vector.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

VECTORS_FILE = "data/model/words.npz"


class WordVectors:
    """Word -> vector lookup.

    Args:
        vocab: the words (lower case); vectors: (N, dim) array.
    """

    def __init__(self, vocab: list[str], vectors: np.ndarray):
        self.index = {w: i for i, w in enumerate(vocab)}
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.dim = self.vectors.shape[1]
        self.zero = np.zeros(self.dim, dtype=np.float32)

    @property
    def padded(self) -> np.ndarray:
        """The vectors with one zero row appended (row ``len(vectors)``), for gathering
        the vectors of several words at once with unknown words as zeros; built on first
        use."""
        got = self.__dict__.get("_padded")
        if got is None:
            got = self.__dict__["_padded"] = np.vstack([self.vectors, self.zero[None, :]])
        return got

    def __contains__(self, word: str) -> bool:
        return word in self.index

    def get(self, word: str) -> np.ndarray:
        """The word's vector (dim,), or zeros when unknown."""
        i = self.index.get(word)
        return self.vectors[i] if i is not None else self.zero

    def mean(self, words) -> np.ndarray:
        """Mean vector of the known words among ``words`` (zeros when none is known)."""
        index = self.index
        rows = [index[w] for w in words if w in index]
        if not rows:
            return self.zero
        # what ndarray.mean computes (a float32 sum, divided in float32), without its
        # Python wrapper: the classifier takes two means per word
        return np.add.reduce(self.vectors[rows], axis=0) / np.float32(len(rows))


@lru_cache(maxsize=1)
def load_vectors(path: str | None = None) -> WordVectors:
    """Load the shipped vectors (or those at ``path``)."""
    src = Path(path) if path else None
    if src is None:
        with resources.as_file(resources.files("tidings").joinpath(VECTORS_FILE)) as p:
            src = Path(p)
            with np.load(src, allow_pickle=False) as z:
                return WordVectors([str(w) for w in z["vocab"]], z["vectors"])
    with np.load(src, allow_pickle=False) as z:
        return WordVectors([str(w) for w in z["vocab"]], z["vectors"])
