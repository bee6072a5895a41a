"""The experiment scripts' scoring (scripts/experiments/gate_learners.py): the unit
figures the twenty-third round's model-card table reports are computed by these."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")
_PATH = Path(__file__).resolve().parents[1] / "scripts" / "experiments" / "gate_learners.py"
_spec = importlib.util.spec_from_file_location("gate_learners", _PATH)
gl = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gl)


def test_unit_scores_counts_sentence_type_units_at_the_best_threshold():
    # 4 sentences x 2 types; the last sentence reports nothing
    y = np.array([[1, 0], [1, 1], [0, 1], [0, 0]])
    p = np.array([[0.9, 0.1], [0.8, 0.3], [0.2, 0.7], [0.6, 0.05]])
    s = gl.unit_scores(y, p)
    # in (0.2, 0.3] every gold unit is kept and the no-event sentence's 0.6 is one false
    # unit: 4 right, 1 false, 0 missed -> micro 8/9; over 0.3 the 0.3 unit is missed and
    # over 0.6 the false one goes: 3 right, 1 missed -> 6/7, lower
    assert s["micro"] == pytest.approx(8 / 9)
    assert s["precision"] == pytest.approx(0.8) and s["recall"] == 1.0
    assert s["false_event_rate"] == 1.0  # the one no-event sentence is given a type
    assert 0.2 < s["threshold"] <= 0.3  # the lowest threshold of the best micro F1
    assert s["mAP"] == pytest.approx(1.0)  # every gold unit outranks every other, per type


def test_design_adds_the_context_columns_per_type():
    types = ["A", "B"]
    rows = [{"X": np.ones((2, 3)), "sp": np.array([0.2, 0.9]), "best": np.array([0.1, 0.5, 0.4]), "gold": ["B"],
             "story": "s", "index": i} for i in range(2)]
    x, y = gl.design(rows, types, context=False)
    assert x.shape == (4, 3) and y.tolist() == [[0, 1], [0, 1]]
    x, _ = gl.design(rows, types, context=True)
    # 3 gate columns + 2 sentence logits + previous/next/story max + 3 best-word columns
    assert x.shape == (4, 3 + 2 + 3 + 3)
    # the first sentence has no previous sentence: its column is logit(1e-4)
    assert x[0, 5] == pytest.approx(np.log(1e-4 / (1 - 1e-4)))
