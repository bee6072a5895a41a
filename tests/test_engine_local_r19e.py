"""The local engine (r19e, a fresh user's trial):

* a story the store holds coded for the other output (``--all-candidates`` or the
  default) is coded again, so the store holds what the run asked for, and the run
  records the output and threshold with each story;
* a story with no publication date whose events take the coding date is named in a
  warning of its own, which says to give ``--pub-date``.
"""

from __future__ import annotations

from dataclasses import replace

from tidings.engines.local import (RECODED_FORCED, RECODED_OUTPUT, RECODED_PIPELINE, Limits, _sort_stored,
                                   code_stories, no_pub_date_warning)
from tidings.records import Entity, Event, EventDate, Story
from tidings.store import Store


def _ev(source: str, start: str = "2026-12-06") -> Event:
    return Event(event_id="e", story_id="s", sentence_index=0, sentence="x", evidence_span=(0, 1),
                 trigger="x", event_type="ACCUSE", mode=None, contexts=[], aux_modes=[],
                 actor=[Entity("Armenia", None, "ARM")], recipient=[],
                 date=EventDate(start, start, "story" if source == "publication" else "year", source=source),
                 location=None, quad_class="verbal_conflict", confidence=0.9, cameo=None, claimed_by=[])


def test_engines_local_r19e_sort_stored_recodes_the_other_output():
    s1, s2, s3 = (Story(id=i, text=f"text {i}") for i in ("s1", "s2", "s3"))
    held = {s.id: (s.text_hash(), "v1") for s in (s1, s2, s3)}
    outputs = {"s1": False, "s2": True, "s3": None}   # s3: stored before the store recorded it
    why: dict[str, str] = {}
    # an --all-candidates run: s2 holds every candidate already; s1 and s3 the default output
    assert _sort_stored([s1, s2, s3], held, "v1", True, why, outputs, True) == {"s2"}
    assert why == {"s1": RECODED_OUTPUT, "s3": RECODED_OUTPUT}
    why = {}
    # a default run: s2 is coded again, the others are unchanged
    assert _sort_stored([s1, s2, s3], held, "v1", True, why, outputs, False) == {"s1", "s3"}
    assert why == {"s2": RECODED_OUTPUT}
    # a changed pipeline says so first; --force still codes the rest
    why = {}
    held2 = {**held, "s1": (s1.text_hash(), "v0")}
    assert _sort_stored([s1, s2], held2, "v1", False, why, outputs, True) == set()
    assert why == {"s1": RECODED_PIPELINE, "s2": RECODED_FORCED}


def test_engines_local_r19e_no_pub_date_warning_names_the_story():
    msg = no_pub_date_warning("notes.txt: story 'notes'", [_ev("publication"), _ev("sentence", "2019-01-01"),
                                                          _ev("publication")])
    assert msg.startswith("notes.txt: story 'notes' has no publication date: 2 of its 3 events are dated "
                          "2026-12-06, the day of coding")
    assert "'on Tuesday'" in msg and "--pub-date" in msg
    assert no_pub_date_warning("x", [_ev("sentence", "2019-01-01")]) is None
    assert no_pub_date_warning("x", []) is None


def test_engines_local_r19e_store_records_output_and_recodes(tmp_path):
    story = Story(id="cand", text="Armenia accused Azerbaijan of shelling a village on Tuesday.",
                  pub_date="2024-05-21")
    with Store(tmp_path / "s.duckdb") as store:
        first = code_stories([story], store=store)
        assert first.coded == 1
        assert store.stored_outputs(["cand"]) == {"cand": False}
        th = store.con.execute("SELECT threshold FROM stories").fetchone()[0]
        assert th is not None and 0 <= th <= 1
        # the same story with --all-candidates: coded again, not kept as it was
        again = code_stories([replace(story)], store=store, limits=Limits(all_candidates=True))
        assert (again.coded, again.unchanged) == (1, 0)
        assert dict(again.recoded) == {RECODED_OUTPUT: 1}
        assert store.stored_outputs(["cand"]) == {"cand": True}
        # and a third run with the same output leaves it
        same = code_stories([replace(story)], store=store, limits=Limits(all_candidates=True))
        assert (same.coded, same.unchanged) == (0, 1)


def test_engines_local_r19e_undated_story_warns_once(tmp_path):
    story = Story(id="undated", text="Armenia accused Azerbaijan of shelling a village on Tuesday.",
                  origin="notes.txt")
    summary = code_stories([story])
    notes = summary.no_pub_date_notes
    assert len(notes) == 1 and notes[0].startswith("notes.txt: story 'undated' has no publication date")
    assert summary.no_pub_date == 1
