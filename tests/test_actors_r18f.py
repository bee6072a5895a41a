"""Round 18 (r18f): a bare surname and the story's memory, and a user dictionary's one-word
aliases over the shipped knowledge base (docs/actors.md). Sentences written for these tests."""

from __future__ import annotations

import pytest
import yaml

from tidings.actors import ActorResolver, resolve

D = "2025-02-07"


def _later(first: str, later: str, date: str = D):
    mem: dict = {}
    resolve(first, date=date, memory=mem)
    e = resolve(later, date=date, memory=mem)
    return None if e is None else (e.name, e.country, e.sector)


# --- a surname alone is first the person the story named in full ------------------------
@pytest.mark.parametrize("first,later,want", [
    ("Honduran opposition deputy Elena Maduro", "Maduro", ("Elena Maduro", "HND")),
    ("Kenyan activist Grace Ruto", "Ruto", ("Grace Ruto", "KEN")),
    ("Salvadoran journalist Marta Bukele", "Bukele", ("Marta Bukele", "SLV")),
    ("Raúl Castro", "Castro", ("Raúl Castro", "CUB")),
    ("Xóchitl Gálvez", "Gálvez", ("Xóchitl Gálvez", "MEX")),
])
def test_surname_after_full_name_is_that_person(first, later, want):
    assert _later(first, later)[:2] == want


@pytest.mark.parametrize("first,later,want", [
    ("the electoral tribunal", "Maduro", ("Nicolás Maduro", "VEN")),       # nobody before
    ("Venezuelan President Nicolás Maduro", "Maduro", ("Nicolás Maduro", "VEN")),
    ("Honduran opposition deputy Elena Maduro", "Ruto", ("William Ruto", "KEN")),
    # a title or nationality that names the KB's person keeps it
    ("Kenyan activist Grace Ruto", "President Ruto", ("William Ruto", "KEN")),
    ("Honduran opposition deputy Elena Maduro", "Venezuelan President Maduro", ("Nicolás Maduro", "VEN")),
])
def test_surname_near_misses_keep_the_kb_person(first, later, want):
    assert _later(first, later)[:2] == want


def test_story_memory_in_the_coder(code_text):
    evs = code_text("Honduran opposition deputy Elena Maduro criticised the electoral tribunal "
                    "on Tuesday. Maduro also accused the interior minister of rigging the count.",
                    pub_date=D)
    accuse = [e for e in evs if e.event_type == "ACCUSE"]
    assert accuse, [(e.event_type, e.trigger) for e in evs]
    assert all(a.country == "HND" for e in accuse for a in e.actor), \
        [(a.name, a.country) for e in accuse for a in e.actor]


# --- a user dictionary's one-word alias wins over the KB's namesakes --------------------
def _user(tmp_path, people, name="mine.yaml"):
    p = tmp_path / name
    p.write_text(yaml.safe_dump({"people": people}, allow_unicode=True), encoding="utf-8")
    return ActorResolver([p])


def test_user_alias_overrides_kb_surname(tmp_path):
    r = _user(tmp_path, [
        {"name": "Rosa Bukele", "aliases": ["Bukele"], "country": "GTM",
         "offices": [["OPP", "Deputy", "2020-01-01", None]]},
        {"name": "Ana Petro", "aliases": ["Petro"], "country": "ECU"},
    ])
    assert r.resolve("Bukele", date=D).country == "GTM"
    assert r.resolve("Bukele", date=D).sector == "OPP"
    assert r.resolve("Petro", date=D).country == "ECU"
    # the KB's people by full name are still there
    assert r.resolve("Nayib Bukele", date=D).country == "SLV"


def test_user_petrarch_alias_overrides_kb_surname(tmp_path):
    p = tmp_path / "extra.actors.txt"
    p.write_text("DIANA_KAGAME_  # test person\n+KAGAME_\n[UGAOPP >200101]\n")
    r = ActorResolver([p])
    assert r.resolve("Kagame", date=D).country == "UGA"


def test_user_file_near_misses(tmp_path):
    # a user person whose surname the file does not write as an alias competes by office:
    # the KB's head of state in office keeps the bare surname
    r = _user(tmp_path, [{"name": "Lucia Bukele", "country": "GTM"},
                         {"name": "Tomas Herrera Ruiz", "aliases": ["Herrera Ruiz"], "country": "PAN"}])
    assert r.resolve("Bukele", date=D).country == "SLV"
    assert r.resolve("Lucia Bukele", date=D).country == "GTM"
    # other surnames are untouched
    assert r.resolve("Maduro", date=D).country == "VEN"
    # and the shipped resolver is unchanged
    assert resolve("Bukele", date=D).country == "SLV"
