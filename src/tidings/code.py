"""The event coder's former module: it lives in :mod:`tidings.coding` now (one module per
pass, rules in ``data/rules/``). Kept so that ``from tidings.code import Coder`` and the
other names below keep working."""

from .coding import FEATURES, OUTPUT_MODES, Coder, Trigger, confidence_features, load_calibration

__all__ = ["Coder", "Trigger", "FEATURES", "OUTPUT_MODES", "confidence_features", "load_calibration"]
