"""Round 18 (r18f): a record's texts are copied as the story writes them (annotation guide,
section 9), also in an upper-case story, which is parsed with its case restored. Stories
written for these tests."""

from __future__ import annotations

import pytest

UPPER = [
    "REBELS OF THE FARC ATTACKED A POLICE STATION IN THE TOWN OF TORIBIO ON MONDAY, THE "
    "DEFENSE MINISTRY SAID.",
    "PRESIDENT VIRGILIO BARCO CONDEMNED THE MURDER OF TWO JUDGES IN BOGOTA YESTERDAY.",
    "NATIONAL POLICE AGENTS ARRESTED FOUR MEMBERS OF THE ELN NEAR THE VENEZUELAN BORDER "
    "LAST NIGHT.",
]
MIXED = [
    "Rebels of the FARC attacked a police station in the town of Toribio on Monday, the "
    "defense ministry said.",
    "President Virgilio Barco condemned the murder of two judges in Bogota yesterday.",
]


def _texts(row) -> list[str]:
    out = [row["trigger"]]
    for key in ("actor", "recipient", "claimed_by"):
        out += [e["text"] for e in row[key] or [] if e.get("text")]
    if row["location"]:
        out.append(row["location"]["text"])
    if row["date"] and row["date"].get("text"):
        out.append(row["date"]["text"])
    return out


@pytest.fixture(scope="module")
def coded():
    from tidings.notebook import code

    return code(UPPER + MIXED, pub_date="2025-02-07", all_candidates=True)


def test_upper_case_story_texts_are_substrings(coded):
    rows = [r for _, r in coded.iterrows() if int(r["story_id"].split("-")[1]) <= len(UPPER)]
    assert len({r["story_id"] for r in rows}) == len(UPPER), coded[["story_id", "event_type"]]
    for r in rows:
        for t in _texts(r):
            assert t in r["sentence"], (t, r["sentence"])
            assert t == t.upper(), t
    names = {e["text"] for r in rows for e in r["actor"]}
    assert "PRESIDENT VIRGILIO BARCO" in names, names


def test_mixed_case_story_texts_unchanged(coded):
    rows = [r for _, r in coded.iterrows() if int(r["story_id"].split("-")[1]) > len(UPPER)]
    assert rows
    for r in rows:
        for t in _texts(r):
            assert t in r["sentence"], (t, r["sentence"])
    names = {e["text"] for r in rows for e in r["actor"]}
    assert "President Virgilio Barco" in names, names


def test_as_written_maps_by_offsets():
    from tidings.coding.state import StoryState
    from tidings.records import Story

    orig = "TROOPS ENTERED THE TOWN. THE TROOPS LEFT."
    restored = "Troops entered the town. The troops left."
    st = StoryState(story=Story(id="x", text=orig), memory={}, text_hash="", _doc_text=restored)
    assert st.case_restored(None)
    assert st.as_written("The troops", 25, 41) == "THE TROOPS"
    assert st.as_written("the town", 0, 24) == "THE TOWN"
    assert st.as_written("not there", 0, 41) == "not there"
    same = StoryState(story=Story(id="y", text=restored), memory={}, text_hash="", _doc_text=restored)
    assert not same.case_restored(None)
    assert same.as_written("The troops", 25, 41) == "The troops"
