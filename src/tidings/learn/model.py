"""Run time of the learned layer: numpy only.

:class:`LinearModel` is a logistic regression over string features with a fixed
vocabulary; :class:`LearnedCoder` holds the sentence and candidate models, the
thresholds and the calibration read from ``data/model/coder.npz``, and decides, sentence
by sentence, which candidates are reported, with which type and which confidence.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..records import EVENT_TYPES, QUAD_CLASS
from .features import candidate_features, sentence_features

#: Auxiliary modes under which a candidate is not an event that happened; such
#: candidates are passed through as the rules coded them (their own modes say so).
NOT_HAPPENED = frozenset({"negation", "hypothetical"})
MODEL_FILE = "data/model/coder.npz"


class LinearModel:
    """Logistic regression over string features.

    Args:
        vocab: feature strings, in column order (length V).
        weights: array (K, V) of float32, one row per output.
        bias: array (K,).
    """

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: np.ndarray):
        self.index = {f: i for i, f in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)

    def proba(self, feats: list[str]) -> np.ndarray:
        """Probabilities (K,) for one feature list (binary features; repeats count once;
        unknown features are ignored)."""
        cols = sorted({self.index[f] for f in feats if f in self.index})
        z = self.weights[:, cols].sum(axis=1) + self.bias if cols else self.bias.copy()
        return 1.0 / (1.0 + np.exp(-z))


@dataclass
class Decision:
    """What the learned layer does with one candidate (or a new event).

    Attributes:
        index: position of the candidate in the sentence's list, or -1 for a new event.
        event_type: the type to report (the candidate's own, or a new one when retyped).
        confidence: calibrated probability that the type is right (0..1).
        keep: False when the candidate is dropped (it stays available with
            ``--all-candidates``).
        rule: name of the decision (``model:keep``, ``model:drop``, ``model:retype``,
            ``model:pass`` for negated/hypothetical candidates).
    """

    index: int
    event_type: str
    confidence: float
    keep: bool
    rule: str


class LearnedCoder:
    """The sentence model, the candidate model and the decision settings.

    Args:
        sent: sentence model (K = 16 PLOVER types, in :data:`EVENT_TYPES` order).
        cand: candidate model (K = 1).
        settings: ``alpha`` (weight of the candidate model against the sentence
            model's probability of the candidate's type), ``keep`` (threshold on the
            blended score), ``retype`` (threshold of the sentence model to retype a
            dropped candidate), ``platt`` ([a, b]: confidence = sigmoid(a*score + b)),
            ``version`` (training data and settings, for the model card).
    """

    def __init__(self, sent: LinearModel, cand: LinearModel, settings: dict):
        self.sent, self.cand, self.settings = sent, cand, settings

    def calibrate(self, score: float) -> float:
        """Calibrated confidence of a blended score (Platt scaling fitted on the dev split)."""
        a, b = self.settings.get("platt", (1.0, 0.0))
        if a == 1.0 and b == 0.0:
            return float(score)
        s = min(max(score, 1e-6), 1 - 1e-6)
        z = a * np.log(s / (1 - s)) + b
        return float(1.0 / (1.0 + np.exp(-z)))

    def sentence_proba(self, text: str, candidates: list[dict]) -> dict[str, float]:
        """P(type | sentence) for each PLOVER type."""
        p = self.sent.proba(sentence_features(text, candidates))
        return dict(zip(EVENT_TYPES, map(float, p)))

    def decide(self, text: str, candidates: list[dict]) -> list[Decision]:
        """Decide about the candidates of one sentence.

        Args:
            text: the sentence.
            candidates: its candidate events (contract dicts), in order.
        Returns:
            one :class:`Decision` per candidate, in order (a dropped candidate can be
            retyped: then ``keep`` is True, ``rule`` ``model:retype``).
        """
        st = self.settings
        psent = self.sentence_proba(text, candidates)
        out: list[Decision] = []
        kept_types: set[str] = set()
        for i, ev in enumerate(candidates):
            if set(ev.get("aux_modes") or []) & NOT_HAPPENED:
                out.append(Decision(i, ev["event_type"], float(ev.get("confidence") or 0), True, "model:pass"))
                continue
            pc = float(self.cand.proba(candidate_features(ev, text, len(candidates)))[0])
            score = st["alpha"] * pc + (1 - st["alpha"]) * psent[ev["event_type"]]
            keep = score >= st["keep"]
            out.append(Decision(i, ev["event_type"], self.calibrate(score), keep,
                                "model:keep" if keep else "model:drop"))
            if keep:
                kept_types.add(ev["event_type"])
        # a type the sentence model is sure of, that no kept candidate carries, takes the
        # dropped candidate (its trigger and arguments) the sentence model likes best
        wanted = sorted((t for t, p in psent.items() if p >= st["retype"] and t not in kept_types),
                        key=lambda t: -psent[t])
        for t in wanted:
            dropped = [d for d in out if not d.keep]
            if not dropped:
                break
            d = dropped[0]
            d.event_type, d.keep, d.rule = t, True, "model:retype"
            d.confidence = self.calibrate(psent[t])
        return out

    def apply(self, events: list, keep_all: bool = False) -> list:
        """Apply :meth:`decide` to a story's :class:`~tidings.records.Event` list.

        Args:
            events: the rule coder's events of one story (mutated: type, quad class,
                confidence, rules).
            keep_all: also return dropped candidates (with their confidence).
        Returns:
            the events to report, in the original order.
        """
        by_sent: dict[int, list] = {}
        for ev in events:
            by_sent.setdefault(ev.sentence_index, []).append(ev)
        keep: set[int] = set()
        for evs in by_sent.values():
            dicts = [e.to_dict() for e in evs]
            for d, ev in zip(self.decide(evs[0].sentence, dicts), evs):
                if d.rule == "model:pass":
                    keep.add(id(ev))
                    continue
                if d.event_type != ev.event_type:
                    ev.event_id = hashlib.sha256(f"{ev.event_id}\x1f{d.event_type}".encode()).hexdigest()[:20]
                    ev.event_type, ev.mode, ev.cameo = d.event_type, None, None
                    ev.quad_class = QUAD_CLASS[d.event_type]
                ev.confidence = round(d.confidence, 4)
                if hasattr(ev, "rules"):
                    ev.rules = [*(ev.rules or []), d.rule]
                if d.keep or keep_all:
                    keep.add(id(ev))
        return [ev for ev in events if id(ev) in keep]


def _model(arrs, prefix: str) -> LinearModel:
    return LinearModel([str(x) for x in arrs[f"{prefix}_vocab"]], arrs[f"{prefix}_w"], arrs[f"{prefix}_b"])


def save_model(path: Path, sent: dict, cand: dict, settings: dict) -> None:
    """Write the artefact: ``sent``/``cand`` are ``{"vocab", "w", "b"}``; no pickles."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, sent_vocab=np.array(sent["vocab"], dtype=str), sent_w=sent["w"].astype(np.float16),
        sent_b=sent["b"].astype(np.float32), cand_vocab=np.array(cand["vocab"], dtype=str),
        cand_w=cand["w"].astype(np.float16), cand_b=cand["b"].astype(np.float32),
        settings=np.array(json.dumps(settings, sort_keys=True)))


def load_model_file(path: Path) -> LearnedCoder:
    """Load an artefact written by :func:`save_model`.

    Raises:
        OSError: the file is missing or unreadable; ValueError: it is not an artefact.
    """
    with np.load(path, allow_pickle=False) as arrs:
        return LearnedCoder(_model(arrs, "sent"), _model(arrs, "cand"), json.loads(str(arrs["settings"])))


@lru_cache(maxsize=1)
def load_model() -> LearnedCoder | None:
    """The shipped model (``tidings/data/model/coder.npz``), or None when none is shipped."""
    f = resources.files("tidings").joinpath(MODEL_FILE)
    if not f.is_file():
        return None
    with resources.as_file(f) as p:
        return load_model_file(Path(p))
