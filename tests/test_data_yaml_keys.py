"""The shipped YAML data files name each key once (issue 16, twenty-fourth round).

A YAML mapping that repeats a key is valid YAML: the loader keeps the last value and
drops the first without a word. A word list added under a name already taken
(``judging_verbs`` was once written twice in ``words.yaml``) would then silently replace
the other list for every rule that names it. This test reads each data file with a
loader that refuses a repeated key, at any depth, and names the key and both lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data"
FILES = sorted(DATA.rglob("*.yaml"))


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that raises ``ValueError`` on a mapping key seen twice."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"key {key!r} on line {key_node.start_mark.line + 1} was given "
                             f"before on line {seen[key]}")
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def unique_load(text: str):
    """``text`` parsed as YAML; ``ValueError`` naming the key when a mapping repeats one."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def test_the_loader_refuses_a_repeated_key_and_names_both_lines() -> None:
    with pytest.raises(ValueError, match=r"key 'judging_verbs' on line 3 was given before on line 1"):
        unique_load("judging_verbs: [call]\nother: [a]\njudging_verbs: [term]\n")
    with pytest.raises(ValueError, match=r"key 'x' on line 3"):  # nested mappings too
        unique_load("top:\n  x: 1\n  x: 2\n")
    assert unique_load("a: [1]\nb: {x: 1, y: 2}\n") == {"a": [1], "b": {"x": 1, "y": 2}}


def test_shipped_yaml_files_are_found() -> None:
    names = {p.name for p in FILES}
    assert {"words.yaml", "tables.yaml", "organisations.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(DATA).as_posix() for p in FILES])
def test_shipped_yaml_file_names_each_key_once(path: Path) -> None:
    doc = unique_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, (dict, list)) and doc
