"""r22h: the English word lists of the place, actor, date and line readers are data.

They were module-level sets and tuples in Python (``places._REGIONS``, ``_SKIP``,
``_NOT_PLACES``; ``actors._HONORIFICS``, ``_DEPUTY_WORDS``; ``dates._MONTHS``,
``_HOLIDAYS`` ...); they are now named lists of ``data/words.yaml`` and word -> number
tables of ``data/tables.yaml``, read by :mod:`tidings.wordlists` without spaCy. The
on-disk actor index, built with some of them, hashes those lists: a change to one
rebuilds it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidings import actors, dates, lines, places, wordlists
from tidings.errors import TidingsError

ROOT = Path(__file__).resolve().parents[1]

MOVED = {  # module constant -> (data list or table, a word it must hold)
    (places, "_REGIONS"): ("place_continents_and_regions", "the middle east"),
    (places, "_SKIP"): ("place_words_before_name", "rebel-held"),
    (places, "_NOT_PLACES"): ("place_not_places", "victoria"),
    (places, "_NOT_NAME"): ("place_name_stops", "near"),
    (actors, "_HONORIFICS"): ("actor_honorifics", "sheikh"),
    (actors, "_DEPUTY_WORDS"): ("actor_deputy_words", "lieutenant"),
    (actors, "_COMPASS"): ("actor_compass_words", "north-west"),
    (actors, "_REGNAL"): ("actor_regnal_titles", "emir"),
    (actors, "_SUFFIXES"): ("actor_name_suffixes", "jr."),
    (dates, "_HOLIDAYS"): ("date_holidays", "yom kippur"),
    (dates, "_SEASONS"): ("date_seasons", "monsoon"),
    (dates, "_HEDGES"): ("date_hedges", "at least"),
    (lines, "_MONTH_NAMES"): ("text_month_names", "september"),
}


@pytest.mark.parametrize("where", list(MOVED), ids=[n for _, n in MOVED])
def test_moved_lists_are_the_data_lists(where) -> None:
    module, const = where
    name, word = MOVED[where]
    assert getattr(module, const) == wordlists.words(name) and word in getattr(module, const)


def test_word_number_tables() -> None:
    assert dates._MONTHS == actors._MONTHS == wordlists.table("month_numbers")
    assert wordlists.table("month_numbers")["sept"] == 9 and len(wordlists.table("month_numbers")) == 24
    assert wordlists.table("weekday_numbers")["thurs"] == 3
    assert wordlists.table("count_words")["a couple of"] == 2
    assert wordlists.table("vague_count_words")["several"] == 4
    # the readers still read them
    assert dates.MONTH_PATTERN.startswith("september|") and "|sept|" in dates.MONTH_PATTERN


def test_no_module_level_english_word_set_is_left_in_the_readers() -> None:
    # a module constant that is a set, frozenset or tuple of lower-case words, written in
    # the source, is a word list that belongs in words.yaml
    left = []
    for mod in ("places", "actors", "dates", "lines"):
        tree = ast.parse((ROOT / "src" / "tidings" / f"{mod}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset" and value.args:
                value = value.args[0]
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "split":
                value = value.func.value
            strs = []
            if isinstance(value, (ast.Set, ast.Tuple, ast.List)):
                strs = [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                strs = value.value.split()
            words = [w for w in strs if w.isalpha() and w.islower()]
            if len(words) >= 5 and len(words) == len(strs):
                left.append(f"{mod}.{getattr(target, 'id', '?')}")
    # structural ones stay: the sections and keys of a user actor file (a file format),
    # spaCy dependency labels
    assert sorted(left) == ["actors._USER_PERSON_KEYS", "actors._USER_SECTIONS", "dates.CONTENT_DEPS",
                            "dates._NP_INNER_DEPS"]


def test_table_validator_refuses_a_table_without_doc_or_map() -> None:
    with pytest.raises(TidingsError) as err:
        wordlists.parse_tables({"month_numbers": {"map": {"jan": 1}}})
    assert err.value.code == "T301" and "needs a doc and a map" in err.value.message
    with pytest.raises(TidingsError):
        wordlists.parse_tables({"t": {"doc": "d", "map": {"a": 1}, "extra": 1}})
    assert wordlists.parse_tables({"t": {"doc": "d", "map": {"b": 2, "a": 1}}}) == {"t": {"b": 2, "a": 1}}


def test_list_text_is_sorted_and_names_the_list() -> None:
    assert wordlists.list_text("actor_name_suffixes") == "actor_name_suffixes: jr|jr.|sr|sr.\n"
    with pytest.raises(KeyError):
        wordlists.list_text("no_such_list")


def test_actor_index_fingerprint_hashes_the_lists_it_is_built_from(monkeypatch) -> None:
    before = actors._kb_fingerprint()
    assert "place_continents_and_regions" in actors._INDEX_WORDS
    real = wordlists.words

    def changed(name: str) -> frozenset[str]:
        got = real(name)
        return got | {"the far north"} if name == "place_continents_and_regions" else got

    monkeypatch.setattr(wordlists, "words", changed)
    actors._kb_fingerprint.cache_clear()
    try:
        assert actors._kb_fingerprint() != before
        monkeypatch.setattr(wordlists, "words", real)
        actors._kb_fingerprint.cache_clear()
        assert actors._kb_fingerprint() == before
    finally:
        actors._kb_fingerprint.cache_clear()


def test_the_readers_load_without_spacy() -> None:
    prog = ("import sys; import tidings.dates, tidings.places, tidings.lines, tidings.wordlists; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "False"
