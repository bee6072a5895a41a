"""The error registry (tidings.errors): every code used is registered, documented, and
means one thing (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tidings import errors
from tidings.errors import ERRORS, StoreError, TidingsError, error_info, http_status

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"\bT[0-9]{3}\b")


def _codes_in(paths: list[Path]) -> dict[str, set[str]]:
    """code -> the files (relative) that mention it."""
    out: dict[str, set[str]] = {}
    for p in paths:
        for code in CODE.findall(p.read_text(encoding="utf-8")):
            out.setdefault(code, set()).add(p.relative_to(ROOT).as_posix())
    return out


def _source_files() -> list[Path]:
    src = ROOT / "src" / "tidings"
    files = [p for ext in ("*.py", "*.html", "*.js") for p in src.rglob(ext)]
    files += list((ROOT / "benchmarks").glob("*.py")) + list((ROOT / "scripts").glob("*.py"))
    return sorted(files)


def test_errors_every_code_used_in_src_is_registered() -> None:
    used = _codes_in(_source_files())
    assert len(used) > 40  # the scan finds the codes (T101 ... T706)
    unknown = {c: sorted(f) for c, f in used.items() if c not in ERRORS}
    assert not unknown, f"codes used but not in tidings.errors.ERRORS: {unknown}"


def test_errors_every_registered_code_is_used() -> None:
    used = _codes_in([p for p in _source_files() if p.name != "errors.py"])
    assert sorted(set(ERRORS) - set(used)) == []


def test_errors_no_code_is_registered_twice() -> None:
    codes = [row[0] for row in errors._TABLE]
    assert len(codes) == len(set(codes)) == len(ERRORS)
    # each code's family is the one its first digit names
    assert {c[1] for c in codes} == set(errors.FAMILIES)


def test_errors_docs_list_every_code_as_the_registry_says() -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert errors.markdown_table() in doc, "docs/errors.md is stale: paste `python -m tidings.errors`"
    rows = re.findall(r"^\| (T\d{3}) \| (\d{3}) \|", doc, re.M)
    assert [c for c, _ in rows] == sorted(ERRORS)
    assert all(int(s) == ERRORS[c].status for c, s in rows)


def test_errors_docs_and_readme_mention_no_unknown_code() -> None:
    docs = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
    unknown = {c: sorted(f) for c, f in _codes_in(docs).items() if c not in ERRORS}
    assert not unknown, unknown


def test_errors_serve_doc_statuses_match_the_registry() -> None:
    doc = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d{3}) \| ((?:`T\d{3}`(?:, )?)+) \|", doc, re.M)
    assert len(rows) >= 10
    for status, codes in rows:
        for code in re.findall(r"T\d{3}", codes):
            assert http_status(code) == int(status), (code, status)


def test_errors_lookup_and_status() -> None:
    assert error_info("T401").status == 503 and "locked" in error_info("T401").meaning
    assert http_status("T405") == 400 and http_status("T604") == 413
    assert http_status("T999") == 500 and http_status("T999", default=418) == 418
    with pytest.raises(KeyError):
        error_info("T999")
    assert StoreError("T402", "no event store at x.duckdb").status == 503
    e = TidingsError("T501", "--format: unknown input format 'x'", "use auto")
    assert str(e) == "[T501] --format: unknown input format 'x' (use auto)" and e.status == 400


def test_errors_ray_and_api_families_are_apart() -> None:
    ray = {c for c, info in ERRORS.items() if "Ray" in info.meaning}
    assert ray and all(c.startswith("T7") for c in ray)
    assert all(c.startswith("T6") for c, info in ERRORS.items()
               if "request" in info.meaning or "page" in info.meaning)
