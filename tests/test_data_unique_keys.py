"""The data files' YAML documents name each list or table once.

PyYAML keeps the last of two equal keys without a word, so a new list that reuses an
old list's name replaces it: a branch of the twenty-sixth round named a new list
``refusing_governors``, which ``words.yaml`` already had, and the old list
(``[fail, refuse, decline]``) silently vanished until its rules stopped firing. These
tests read every mapping of the documents with a loader that refuses a repeated key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that raises on a key repeated in one mapping."""

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML's hook
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} repeated (first at line {seen[key] + 1})",
                    key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("name", ["words.yaml", "tables.yaml"])
def test_no_repeated_key(name: str) -> None:
    yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506


def test_a_repeated_key_is_found() -> None:
    """The loader itself: a document with a list named twice is refused at its line."""
    doc = "a:\n  words: [x]\nb:\n  words: [y]\na:\n  words: [z]\n"
    with pytest.raises(yaml.constructor.ConstructorError, match=r"'a' repeated \(first at line 1\)"):
        yaml.load(doc, Loader=_UniqueKeyLoader)  # noqa: S506
