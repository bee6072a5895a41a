"""tidings.cache: parsed YAML kept in the cache folder gives the same document as
parsing, and a stale, broken or unwritable cache never changes the answer."""

from __future__ import annotations

import datetime

from tidings.cache import cache_dir, load_yaml_cached, parse_yaml

DOC = b"sieges:\n  doc: surrounding words\n  words: [encircle, besiege, 'on']\n"


def test_second_read_comes_from_the_cache_file(tmp_path):
    first = load_yaml_cached(DOC, "lists", tmp_path)
    files = list(tmp_path.glob("yaml-lists-*.marshal"))
    assert len(files) == 1
    assert first == parse_yaml(DOC) == {"sieges": {"doc": "surrounding words", "words": ["encircle", "besiege", "on"]}}
    # the file is what the second call reads: plant a different (well-formed) answer
    # under the same key and see it come back
    import marshal

    key, _ = marshal.loads(files[0].read_bytes())
    files[0].write_bytes(marshal.dumps((key, {"planted": 1})))
    assert load_yaml_cached(DOC, "lists", tmp_path) == {"planted": 1}


def test_changed_bytes_are_parsed_again(tmp_path):
    load_yaml_cached(DOC, "lists", tmp_path)
    changed = DOC.replace(b"besiege", b"blockade")
    assert load_yaml_cached(changed, "lists", tmp_path)["sieges"]["words"][1] == "blockade"
    assert len(list(tmp_path.glob("yaml-lists-*.marshal"))) == 2


def test_a_broken_cache_file_is_parsed_again(tmp_path):
    load_yaml_cached(DOC, "lists", tmp_path)
    (f,) = tmp_path.glob("yaml-lists-*.marshal")
    f.write_bytes(b"\x00not marshal")
    assert load_yaml_cached(DOC, "lists", tmp_path)["sieges"]["words"][0] == "encircle"


def test_an_unwritable_folder_still_gives_the_document(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    assert load_yaml_cached(DOC, "lists", blocker / "sub")["sieges"]["doc"] == "surrounding words"


def test_dates_are_parsed_but_not_cached(tmp_path):
    got = load_yaml_cached(b"since: 2024-05-01\n", "dated", tmp_path)
    assert got == {"since": datetime.date(2024, 5, 1)}
    assert not list(tmp_path.glob("yaml-dated-*"))


def test_old_files_of_a_name_are_pruned(tmp_path):
    for k in range(7):
        load_yaml_cached(f"n: {k}\n".encode(), "many", tmp_path)
    assert len(list(tmp_path.glob("yaml-many-*.marshal"))) == 4


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x" / "tidings"
