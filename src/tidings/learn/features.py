"""Text helpers shared by the learned layer's features: word tokens and all-caps text."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]|\d+")


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (letters, inner apostrophes and hyphens; digits
    become ``0``)."""
    return ["0" if t.isdigit() else t for t in _TOKEN.findall(text.lower())]


def is_caps(text: str) -> bool:
    """True when the text is written in capitals (old wire copy such as the MUC stories)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8
