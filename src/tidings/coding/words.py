"""The coder's named word lists and type tables, loaded from ``data/words.yaml`` and
``data/tables.yaml``.

Knowledge is data: every list of words the coder's passes and rules use (speech verbs,
support verbs, what sanctions cut, who is a private person ...) is a named list in
``words.yaml`` with a ``doc`` that says where it comes from (a PLOVER manual section, a
CAMEO2PLOVER code, a failure kind of the team's test sentences). Rules in
``data/rules/*.jsonl`` name a list as ``"@name"``; Python code reads one with
:func:`words`. The reading and checking live in :mod:`tidings.wordlists`, which the
date, place and actor readers use without loading the coder (and spaCy); this module
re-exports them.
"""

from __future__ import annotations

from ..wordlists import parse_tables, parse_word_lists, table, tables, word_lists, words

__all__ = ["parse_tables", "parse_word_lists", "table", "tables", "word_lists", "words"]
