"""The store package's layout (issue 14): the public names still come from
``tidings.store``, each concern is its own module, and the lower layers do not import
the upper ones."""

from __future__ import annotations

import ast
from pathlib import Path

import tidings.store as store
from tidings.store import EXPORT_FORMATS, MIGRATIONS, PERIODS, SCHEMA_VERSION, Store

PKG = Path(store.__file__).resolve().parent


def _store_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_store_layout_public_names() -> None:
    assert sorted(store.__all__) == sorted(
        ["Store", "MIGRATIONS", "SCHEMA_VERSION", "EXPORT_FORMATS", "PERIODS", "ORDERS",
         "places_compatible", "flat_rows", "cameo_rows", "write_csv", "is_interrupt",
         "damage_error", "ILIKE", "contains_pattern", "SPANNING", "DEFAULT_PERIOD", "MUTUAL_TYPES"])
    assert all(hasattr(store, name) for name in store.__all__)
    assert SCHEMA_VERSION == len(MIGRATIONS) == 6  # 6: stories.input (twenty-third round, r23c)
    assert EXPORT_FORMATS == ("parquet", "csv", "jsonl", "cameo") and PERIODS == ("day", "week", "month", "year")
    assert store.SPANNING == ("start", "end", "skip")
    for method in ("save_story", "save_stories", "stored_versions", "save_failure", "events",
                   "records", "dyads", "stories", "stats", "failures", "export", "cluster"):
        assert callable(getattr(Store, method)), method


def test_store_layout_one_module_per_concern_and_layers() -> None:
    mods = {p.stem for p in PKG.glob("*.py")}
    # dyads: the dyad counts and the network's edges, one query (twenty-fourth round)
    # codes: which value is a country or IGO code, and a dyad's split (twenty-fifth round)
    assert mods == {"__init__", "db", "schema", "write", "filters", "codes", "query", "dyads", "cluster", "export"}
    assert all(len(p.read_text(encoding="utf-8").splitlines()) < 400 for p in PKG.glob("*.py"))
    deps = {m: _store_imports(PKG / f"{m}.py") for m in mods - {"__init__"}}
    assert deps["db"] == set() and deps["codes"] == set() and deps["filters"] == {"codes"}
    assert deps["schema"] == {"db"}
    assert "query" not in deps["write"] and "write" not in deps["query"]
    assert deps["dyads"] == {"db", "filters"}


def test_store_layout_store_works_in_memory() -> None:
    from tidings.records import Story

    with Store(":memory:") as s:
        s.save_story(Story(id="a", text="Text.", pub_date="2025-01-01"), [], "v")
        assert s.stats() == {"stories": 1, "events": 0, "entities": 0, "failures": 0, "clusters": 0}
        assert s.schema_version() == SCHEMA_VERSION
        assert [st.id for st in s.stories(exclude_version="w")] == ["a"]
