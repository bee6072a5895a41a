"""Tests of tidings.evaluate: reading gold files (no model needed)."""

from __future__ import annotations

import json

import pytest

from tidings.errors import TidingsError
from tidings.evaluate import load_gold

from conftest import SHARED

GOOD = {"id": "g1", "text": "Russia attacked Ukraine.", "pub_date": "2024-01-01",
        "title": "A title", "kind": "plain",
        "events": [{"event_type": "ASSAULT", "actor": [{"code": "RUS"}]}]}


def test_evaluate_load_gold_skips_bad_lines_with_their_read_codes(tmp_path) -> None:
    p = tmp_path / "g.jsonl"
    p.write_bytes(b'{"id": "b", "text": \n'                       # truncated JSON
                  + json.dumps(GOOD).encode() + b"\n"
                  + b'[1, 2]\n'                                   # not an object
                  + b'{"id": "c", "text": "caf\xe9.", "events": []}\n'   # Latin-1
                  + b'{"id": "d", "text": "Talks.", "events": [], "pub_date": "9999-01-01"}\n'
                  + b'{"id": "e", "text": "No events field."}\n'
                  + b'{"id": "f", "text": "Nothing happened.", "events": []}\n')
    seen: list[TidingsError] = []
    docs = load_gold(p, on_error=seen.append)
    assert [d["id"] for d in docs] == ["g1", "f"]
    assert docs[0] == GOOD                      # the document as written, whole
    assert [(e.code, e.message.split(":")[:2]) for e in seen] == [
        ("T101", ["g.jsonl", "1"]), ("T107", ["g.jsonl", "3"]), ("T105", ["g.jsonl", "4"]),
        ("T103", ["g.jsonl", "5"]), ("T102", ["g.jsonl", "6"])]
    assert str(seen[0]).startswith("[T101] g.jsonl:1: unparseable JSON (")
    assert str(seen[-1]) == "[T102] g.jsonl:6: gold document has no 'events' list (give [] for no event)"
    # without on_error the library raises the first bad line's error
    with pytest.raises(TidingsError) as err:
        load_gold(p)
    assert err.value.code == "T101"


def test_evaluate_load_gold_refuses_a_file_with_nothing_to_score(tmp_path) -> None:
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "s", "text": "Russia attacked Ukraine."}) + "\n")
    with pytest.raises(TidingsError) as err:
        load_gold(stories, on_error=lambda e: None)
    assert str(err.value).startswith(
        "[T503] stories.jsonl: not a gold file: no record has an 'events' list")
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes(b'{"id": "c", "text": "caf\xe9.", "events": []}\n')
    seen: list[TidingsError] = []
    with pytest.raises(TidingsError) as err:
        load_gold(latin1, on_error=seen.append)
    assert [e.code for e in seen] == ["T105"]
    assert str(err.value) == "[T503] latin1.jsonl: no gold document to score"


def test_evaluate_a_story_file_is_not_a_gold_file() -> None:
    voa = SHARED / "data" / "voa_stories.jsonl"
    if not voa.exists():
        pytest.skip(f"{voa} is absent")
    with pytest.raises(TidingsError) as err:
        load_gold(voa)
    assert err.value.code == "T503" and "not a gold file" in err.value.message



def test_evaluate_actor_given_counts_gold_events_with_an_actor() -> None:
    from tidings.evaluate import score

    ent = lambda c: {"text": c, "code": c, "sector": "GOV"}  # noqa: E731
    gold = [{"id": "d1", "events": [{"event_type": "ACCUSE", "actor": [ent("USA")], "recipient": [ent("RUS")]}]},
            {"id": "d2", "events": [{"event_type": "ACCUSE", "actor": [ent("FRA")], "recipient": []}]},
            {"id": "d3", "events": [{"event_type": "ACCUSE", "actor": [], "recipient": []}]}]
    pe = lambda a, r: {"event_type": "ACCUSE", "aux_modes": [], "confidence": 0.5,  # noqa: E731
                       "actor": [{"country": c, "sector": "GOV"} for c in a],
                       "recipient": [{"country": c, "sector": "GOV"} for c in r]}
    sc = score(gold, {"d1": [pe(["GBR"], [])], "d2": [pe([], [])], "d3": [pe(["DEU"], [])]})
    assert sc.actor_given == 0.5          # d1 gives one (wrong), d2 none; d3 has no gold actor
    assert sc.actor_accuracy == 0.0 and sc.recipient_given == 0.0


def _loc_event(etype: str, text: str | None, name: str | None = None) -> dict:
    return {"event_type": etype, "aux_modes": [], "actor": [], "recipient": [],
            "location": {"text": text, "name": name or text} if text else None}


def test_evaluate_place_precision_and_recall_count_a_place_inside_the_gold_phrase() -> None:
    from tidings.evaluate import score

    gold = [
        # the gold phrase holds more than the name: still the same place
        {"id": "a", "events": [{"event_type": "ASSAULT", "location": "a hotel in the central town of Beledweyne"}]},
        # a place given where the gold has none counts against precision only
        {"id": "b", "events": [{"event_type": "CONSULT", "location": None}]},
        # a gold place the prediction misses counts against recall only
        {"id": "c", "events": [{"event_type": "PROTEST", "location": "Tbilisi"}]},
        # a wrong place counts against both
        {"id": "d", "events": [{"event_type": "ASSAULT", "location": "Los Angeles, California"}]},
        # an event of another type is no judge of places
        {"id": "e", "events": [{"event_type": "AID", "location": "Gaza"}]},
    ]
    pred = {"a": [_loc_event("ASSAULT", "Beledweyne")],
            "b": [_loc_event("CONSULT", "Ethiopia")],
            "c": [_loc_event("PROTEST", None)],
            "d": [_loc_event("ASSAULT", "San Diego")],
            "e": [_loc_event("REQUEST", "Gaza")]}
    sc = score(gold, pred)
    assert sc.location_precision == 1 / 3           # a right; b, d wrong
    assert sc.location_recall == 1 / 3              # a right; c, d missed
    assert sc.location_accuracy == 0.0              # the exact figure: no phrase equal
    # the gazetteer's name counts as well as the words of the sentence
    sc2 = score(gold[3:4], {"d": [_loc_event("ASSAULT", "LA", "Los Angeles")]})
    assert (sc2.location_precision, sc2.location_recall) == (1.0, 1.0)


def _rec_event(etype, *codes):
    return {"event_type": etype, "aux_modes": [], "actor": [],
            "recipient": [{"text": c, "country": c} for c in codes], "location": None}


def test_recipient_precision_counts_a_recipient_the_gold_does_not_have() -> None:
    from tidings.evaluate import score

    gold = [
        {"id": "a", "events": [{"event_type": "ACCUSE", "recipient": [{"text": "Iran", "code": "IRN"}]}]},
        # the ministers discussed a topic: no recipient in the gold
        {"id": "b", "events": [{"event_type": "CONSULT", "recipient": []}]},
        {"id": "c", "events": [{"event_type": "CONSULT", "recipient": []}]},
        {"id": "d", "events": [{"event_type": "ASSAULT", "recipient": [{"text": "Kyiv", "code": "UKR"}]}]},
    ]
    pred = {"a": [_rec_event("ACCUSE", "IRN")], "b": [_rec_event("CONSULT", "SDN")],
            "c": [_rec_event("CONSULT")], "d": [_rec_event("ASSAULT", "RUS")]}
    sc = score(gold, pred)
    assert sc.recipient_precision == 1 / 3          # a right; b (no gold recipient) and d wrong
    assert sc.recipient_accuracy == 1 / 2           # only a and d have a gold recipient


def test_evaluate_load_gold_skips_a_document_with_an_unknown_event_type(tmp_path) -> None:
    """A gold event whose type is no PLOVER type (misspelt, lower case, missing) makes
    its document a T115 naming the file, line and type; the document is left out whole,
    so the unknown type reaches neither the per-type table nor macro F1. Right types,
    and documents with no events, are kept."""
    rows = [
        {"id": "a", "text": "The bank sent grain to the valley.", "events": [
            {"event_type": "AIDE", "actor": [{"code": "EGY"}]}]},
        GOOD,
        {"id": "b", "text": "Both sides met and settled the quarrel.", "events": [
            {"event_type": "CONSULT"}, {"event_type": "agree"}]},
        {"id": "c", "text": "A quiet day.", "events": [{"actor": [{"code": "PER"}]}]},
        {"id": "d", "text": "Nothing to report.", "events": []},
        {"id": "e", "text": "Troops shelled the port.", "events": [
            {"event_type": "ASSAULT"}, {"event_type": "THREATEN"}]},
    ]
    p = tmp_path / "typos.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    seen: list[TidingsError] = []
    docs = load_gold(p, on_error=seen.append)
    assert [d["id"] for d in docs] == ["g1", "d", "e"]
    assert [e.code for e in seen] == ["T115"] * 3
    assert str(seen[0]) == ("[T115] typos.jsonl:1: gold event 1 has event_type 'AIDE', "
                            "not a PLOVER event type (did you mean AID?)")
    assert seen[1].message == "typos.jsonl:3: gold event 2 has event_type 'agree', not a PLOVER event type"
    assert seen[1].hint == "did you mean AGREE?"
    assert seen[2].message.startswith("typos.jsonl:4: gold event 1 has event_type None")
    assert seen[2].hint.startswith("use one of AGREE ")
    with pytest.raises(TidingsError) as err:   # without on_error: raised
        load_gold(p)
    assert err.value.code == "T115"

