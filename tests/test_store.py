"""Tests of the DuckDB event store (issue 6). Stories and events are built by hand."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

import tidings.store as store_mod
from tidings.errors import StoreError
from tidings.records import QUAD_CLASS, Entity, Event, EventDate, Place, Story, make_event_id
from tidings.store import Store, places_compatible

V1 = "0.1.0"

USA = Entity(text="Washington", name="Government of the United States", country="USA",
             sector="GOV", kb_id="Q30")
AZE = Entity(text="Baku", name="Government of Azerbaijan", country="AZE", sector="GOV")
ARM = Entity(text="Yerevan", name="Government of Armenia", country="ARM", sector="GOV")
EU = Entity(text="the European Union", name="European Union", igo="EU", sector="IGO")
PROTESTERS = Entity(text="protesters", name=None, country="FRA", sector="CVL")


def make_story(sid: str = "s1", text: str | None = None, pub_date: str = "2024-03-05",
               **kw) -> Story:
    text = text or ("Washington accused Baku of violating the ceasefire. "
                    "Officials met in Geneva on Tuesday.")
    return Story(id=sid, text=text, pub_date=pub_date, title="A title", source="VOA",
                 meta={"section": "world"}, origin=f"test.jsonl:{sid}", **kw)


def make_event(story: Story, idx: int = 0, etype: str = "ACCUSE",
               actor: list[Entity] | None = None, recipient: list[Entity] | None = None,
               start: str = "2024-03-05", end: str | None = None,
               place: Place | None = None, confidence: float = 0.81234,
               trigger_start: int = 11, version: str = V1, **kw) -> Event:
    sentence = story.text.split(". ")[0]
    return Event(
        event_id=make_event_id(story.id, story.text_hash(), idx, etype, trigger_start,
                               version),
        story_id=story.id, sentence_index=idx, sentence=sentence,
        evidence_span=(0, len(sentence)), trigger="accused", event_type=etype,
        mode=kw.pop("mode", "allege"), contexts=kw.pop("contexts", ["military"]),
        aux_modes=kw.pop("aux_modes", []),
        actor=[USA] if actor is None else actor,
        recipient=[AZE] if recipient is None else recipient,
        date=EventDate(start=start, end=end or start, granularity="day",
                       text="Tuesday"),
        location=place, quad_class=QUAD_CLASS[etype], confidence=confidence,
        cameo=kw.pop("cameo", "112"), claimed_by=kw.pop("claimed_by", []),
    )


GENEVA = Place(text="Geneva", name="Geneva", country="CHE", admin1="Geneva",
               lat=46.2, lon=6.15, geonames_id=2660646, feature="populated_place")
PARIS = Place(text="Paris", name="Paris", country="FRA", lat=48.85, lon=2.35,
              geonames_id=2988507, feature="populated_place")
LYON = Place(text="Lyon", name="Lyon", country="FRA", lat=45.75, lon=4.85,
             geonames_id=2996944, feature="populated_place")
FRANCE = Place(text="France", name="France", country="FRA", feature="country")


def counts(store: Store) -> dict[str, int]:
    return store.stats()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "tidings.duckdb"


@pytest.fixture
def store(db: Path):
    s = Store(db)
    yield s
    s.close()


def test_store_save_twice_gives_one_copy(store: Store) -> None:
    story = make_story()
    events = [make_event(story, 0, place=GENEVA),
              make_event(story, 1, "CONSULT", recipient=[AZE, ARM], claimed_by=[EU])]
    store.save_story(story, events, V1)
    first = counts(store)
    store.save_story(story, events, V1)
    assert counts(store) == first
    # 2 events; entities: 1 actor + 1 recipient, then 1 actor + 2 recipients + 1 claimant
    assert first == {"stories": 1, "events": 2, "entities": 6, "failures": 0,
                     "clusters": 2}


def test_store_is_coded_depends_on_hash_and_version(store: Store) -> None:
    story = make_story()
    assert not store.is_coded(story.id, story.text_hash(), V1)
    store.save_story(story, [make_event(story)], V1)
    assert store.is_coded(story.id, story.text_hash(), V1)
    assert not store.is_coded(story.id, story.text_hash(), "0.2.0")
    changed = make_story(text="Baku rejected the talks. Nothing else.")
    assert not store.is_coded(story.id, changed.text_hash(), V1)
    assert not store.is_coded("other", story.text_hash(), V1)


def test_store_changed_story_replaces_its_events(store: Store) -> None:
    old = make_story()
    store.save_story(old, [make_event(old, 0), make_event(old, 1, "CONSULT")], V1)
    other = make_story("s2")
    store.save_story(other, [make_event(other, 0)], V1)
    new = make_story(text="Baku rejected the proposal. Nothing more.")
    new_event = make_event(new, 0, "REJECT", actor=[AZE], recipient=[USA])
    store.save_story(new, [new_event], V1)
    got = store.events(story_id="s1").to_pylist()
    assert [r["event_id"] for r in got] == [new_event.event_id]
    assert got[0]["event_type"] == "REJECT"
    assert [a["country"] for a in got[0]["actor"]] == ["AZE"]
    assert counts(store)["events"] == 2  # s2 untouched
    text = store.con.execute("SELECT text FROM stories WHERE story_id='s1'").fetchall()[0][0]
    assert text.startswith("Baku rejected")
    assert store.is_coded("s1", new.text_hash(), V1)
    assert not store.is_coded("s1", old.text_hash(), V1)


def test_store_story_row_keeps_metadata(store: Store) -> None:
    story = make_story(url="https://voa.example/1", language="en")
    store.save_story(story, [], V1)
    (back,) = list(store.stories())
    assert back.meta == {"section": "world"}
    assert (back.url, back.language, back.title, back.pub_date) == (
        "https://voa.example/1", "en", "A title", "2024-03-05")
    assert back.text_hash() == story.text_hash()
    assert list(store.stories(exclude_version=V1)) == []
    assert [s.id for s in store.stories(exclude_version="0.2.0")] == ["s1"]


def test_store_crash_inside_transaction_keeps_old_state(store: Store,
                                                       monkeypatch) -> None:
    story = make_story()
    old_event = make_event(story, 0)
    store.save_story(story, [old_event], V1)
    before = counts(store)

    def boom(*args, **kwargs):
        raise RuntimeError("killed after the deletes")

    monkeypatch.setattr(Store, "_insert", boom)
    new = make_story(text="Baku rejected the proposal. Nothing more.")
    with pytest.raises(RuntimeError):
        store.save_story(new, [make_event(new, 0, "REJECT")], V1)
    monkeypatch.undo()
    assert counts(store) == before
    assert [r["event_id"] for r in store.events().to_pylist()] == [old_event.event_id]
    assert store.is_coded("s1", story.text_hash(), V1)
    # and the store still works afterwards
    store.save_story(new, [make_event(new, 0, "REJECT")], V1)
    assert store.events().column("event_type").to_pylist() == ["REJECT"]


def test_store_committed_state_survives_reopen(db: Path) -> None:
    s = Store(db)
    story = make_story()
    s.save_story(story, [make_event(story)], V1)
    s.close()
    with Store(db, read_only=True) as r:
        assert counts(r)["events"] == 1
        assert r.schema_version() == store_mod.SCHEMA_VERSION


def test_store_ctrl_c_during_a_save_is_not_a_bad_story(store: Store, monkeypatch) -> None:
    # DuckDB cancels a query on SIGINT with an Exception: the batch must not be retried
    # story by story (which swallowed the Ctrl-C) but stop with nothing written
    story = make_story()
    calls = []

    def interrupted(*args):
        calls.append(args)
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(store, "_insert", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save_stories([(story, [make_event(story)])], V1)
    assert len(calls) == 1 and counts(store)["stories"] == 0


def test_store_bad_event_date_writes_nothing(store: Store) -> None:
    story = make_story()
    with pytest.raises(StoreError) as err:
        store.save_story(story, [make_event(story, start="5 March")], V1)
    assert err.value.code == "T404"
    assert "bad date '5 March'" in err.value.message
    assert counts(store)["stories"] == 0


def test_store_event_of_other_story_is_refused(store: Store) -> None:
    story, other = make_story("s1"), make_story("s2")
    with pytest.raises(StoreError) as err:
        store.save_story(story, [make_event(other)], V1)
    assert err.value.code == "T404"


def test_store_failures_replace_and_clear(store: Store) -> None:
    store.save_failure("s1", "in.jsonl:1", "analyse", "T201", "text too long")
    store.save_failure("s1", "in.jsonl:1", "code", "T301", "second try failed")
    store.save_failure(None, "in.jsonl:7", "read", "T101", "no id")
    store.save_failure(None, "in.jsonl:7", "read", "T101", "no id")
    rows = store.failures().to_pylist()
    assert sorted((r["story_id"] or "-", r["code"], r["stage"]) for r in rows) == [
        ("-", "T101", "read"), ("s1", "T301", "code")]
    story = make_story("s1")
    store.save_story(story, [make_event(story)], V1)
    assert [r["story_id"] for r in store.failures().to_pylist()] == [None]


# ----------------------------------------------------------------- migrations

def test_store_migrates_older_database(db: Path, monkeypatch) -> None:
    s = Store(db)
    story = make_story()
    s.save_story(story, [make_event(story)], V1)
    s.close()

    def add_note(con):
        con.execute("ALTER TABLE events ADD COLUMN note VARCHAR DEFAULT 'migrated'")

    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS + [add_note])
    with pytest.raises(StoreError) as err:   # read-only cannot migrate
        Store(db, read_only=True)
    assert err.value.code == "T403"
    with Store(db) as s2:
        assert s2.schema_version() == len(store_mod.MIGRATIONS) == 7
        assert s2.con.execute("SELECT note FROM events").fetchall() == [("migrated",)]
    versions = duckdb.connect(str(db)).execute(
        "SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(1,), (2,), (3,), (4,), (5,), (6,), (7,)]


def test_store_keeps_date_source_and_migrates_version_1_rows(db: Path, monkeypatch) -> None:
    # a version-1 database (before issue 19) holding two events, one of them dated by
    # the publication date; opening it for writing adds date_source from the granularity
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1])
    Store(db).close()
    con = duckdb.connect(str(db))
    for eid, gran, text in (("e-story", "story", None), ("e-day", "day", "Tuesday")):
        con.execute("INSERT INTO events (event_id, story_id, sentence_index, sentence, span_start, "
                    "span_end, event_type, contexts, aux_modes, date_start, date_end, granularity, "
                    "date_text, quad_class, confidence, pipeline_version) VALUES "
                    "(?, 's0', 0, 'x', 0, 1, 'ACCUSE', [], [], DATE '2024-03-05', "
                    "DATE '2024-03-05', ?, ?, 'verbal_conflict', 0.5, 'v0')", [eid, gran, text])
    con.close()
    monkeypatch.undo()
    with Store(db) as s:
        assert s.schema_version() == 6
        assert sorted(s.con.execute("SELECT event_id, date_source FROM events").fetchall()) == [
            ("e-day", "sentence"), ("e-story", "publication")]
        # a new event keeps the source it was coded with, in the table and the record
        story = make_story("s1")
        ev = make_event(story)
        ev.date = EventDate(start="2024-03-01", end="2024-03-05", granularity="week",
                            text="Friday", source="story")
        s.save_story(story, [ev], V1)
        rec = [r for r in s.records() if r["story_id"] == "s1"][0]
        assert rec["date"] == {"text": "Friday", "start": "2024-03-01", "end": "2024-03-05",
                               "granularity": "week", "source": "story"}
        assert Event.from_dict(rec).date.source == "story"


def test_store_refuses_newer_schema(db: Path) -> None:
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (99, now())")
    con.close()
    with pytest.raises(StoreError) as err:
        Store(db)
    assert err.value.code == "T403"
    assert "schema version 99" in err.value.message


def test_store_read_only_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "T402"
    assert not (tmp_path / "nope.duckdb").exists()


def test_store_read_only_refuses_writes(db: Path) -> None:
    Store(db).close()
    with Store(db, read_only=True) as r:
        with pytest.raises(StoreError) as err:
            r.save_story(make_story(), [], V1)
        assert err.value.code == "T406"


# ----------------------------------------------------------------- locking

def test_store_locked_database_raises_t401(db: Path) -> None:
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from tidings.store import Store
            s = Store({str(db)!r})
            print("open", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for read_only in (False, True):
            with pytest.raises(StoreError) as err:
                Store(db, read_only=read_only)
            assert err.value.code == "T401"
            assert f"(PID {holder.pid})" in err.value.message
            assert "wait for" in err.value.hint
        assert "not even read-only" in err.value.hint
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(db) as s:   # free again once the writer is gone
        assert counts(s)["events"] == 0


# ----------------------------------------------------------------- queries

@pytest.fixture
def filled(store: Store) -> Store:
    s1 = make_story("s1")
    s2 = make_story("s2", text="Armenian protesters marched in Paris. Police watched.")
    s3 = make_story("s3", text="Baku and Yerevan held talks in Geneva. They agreed.")
    store.save_story(s1, [
        make_event(s1, 0, confidence=0.9, place=GENEVA),
        make_event(s1, 1, "THREATEN", start="2024-02-01", end="2024-02-29",
                   confidence=0.4, mode="military", contexts=["territory"]),
    ], V1)
    store.save_story(s2, [
        make_event(s2, 0, "PROTEST", actor=[PROTESTERS], recipient=[AZE], place=PARIS,
                   start="2024-03-07", mode="demo", contexts=["political"],
                   cameo="141", confidence=0.7),
    ], V1)
    store.save_story(s3, [
        make_event(s3, 0, "CONSULT", actor=[AZE, ARM], recipient=[], place=GENEVA,
                   start="2024-03-12", mode="meet", contexts=["diplomatic"],
                   cameo="043", confidence=0.95, claimed_by=[EU]),
    ], V1)
    return store


def ids_of(table) -> set[str]:
    return set(table.column("event_id").to_pylist())


def test_store_events_filters(filled: Store) -> None:
    all_ = filled.events()
    assert all_.num_rows == 4
    by_story = {r["story_id"]: r for r in all_.to_pylist()}
    assert ids_of(filled.events(actor="USA")) == {
        r["event_id"] for r in all_.to_pylist() if r["story_id"] == "s1"}
    assert filled.events(actor="armenia").column("story_id").to_pylist() == ["s3"]
    # a known code in lower case is the code, not a part of a name ("usa" in "thousands")
    assert ids_of(filled.events(actor="usa")) == ids_of(filled.events(actor="USA"))
    # 3 with AZE as recipient, and s3's joint talks of AZE and ARM (no recipient: each
    # side acts toward the other, guide section 6), as `tidings dyads` counts them
    assert filled.events(recipient="AZE").num_rows == 4
    assert filled.events(dyad="ARM-AZE").column("story_id").to_pylist() == ["s3"]
    # a country's full name is also its code: its parties named otherwise ("Aliyev",
    # "Baku") count too (a fresh-user trial: 1 event for --actor Mali, 4 for MLI)
    assert ids_of(filled.events(recipient="AZE")) <= ids_of(filled.events(recipient="Azerbaijan"))
    assert filled.events(dyad="USA-AZE").num_rows == 2
    assert filled.events(dyad="AZE-USA").num_rows == 0
    assert filled.events(event_type="protest").column("story_id").to_pylist() == ["s2"]
    assert filled.events(event_type=["PROTEST", "CONSULT"]).num_rows == 2
    assert filled.events(mode="meet").column("story_id").to_pylist() == ["s3"]
    assert filled.events(context="territory").column("event_type").to_pylist() == [
        "THREATEN"]
    # date overlap: the February THREATEN overlaps 2024-02-15
    assert filled.events(date_from="2024-02-15", date_to="2024-02-15").column(
        "event_type").to_pylist() == ["THREATEN"]
    assert filled.events(date_from="2024-03-06").num_rows == 2
    # a month or a year stands for its first day (from) and its last (to)
    assert filled.events(date_from="2024-02", date_to="2024-02").column(
        "event_type").to_pylist() == filled.events(date_from="2024-02-01", date_to="2024-02-29").column(
        "event_type").to_pylist() == ["THREATEN"]
    assert filled.events(date_from="2024", date_to="2024").num_rows == filled.events().num_rows
    assert filled.events(date_to="2023").num_rows == 0
    assert filled.events(place="paris").column("story_id").to_pylist() == ["s2"]
    assert filled.events(place="CHE").num_rows == 2
    assert filled.events(min_confidence=0.9).num_rows == 2
    assert filled.events(text="MARCHED").column("story_id").to_pylist() == ["s2"]
    assert filled.events(actor="USA", min_confidence=0.5).num_rows == 1
    assert filled.events(limit=1).num_rows == 1
    # ordered by date: the February event first
    assert all_.column("event_type").to_pylist()[0] == "THREATEN"
    # entity lists keep their order and fields
    assert [a["name"] for a in by_story["s3"]["actor"]] == [
        "Government of Azerbaijan", "Government of Armenia"]
    assert by_story["s3"]["recipient"] == []
    assert by_story["s3"]["claimed_by"][0]["igo"] == "EU"
    df = filled.events().to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == 4


@pytest.mark.parametrize("filters,fragment", [
    ({"event_type": "FIGHT"}, "unknown event type 'FIGHT'"),
    ({"dyad": "USA"}, "dyad must look like USA-AZE"),
    ({"date_from": "yesterday"}, "date_from must be a date"),
    ({"colour": "red"}, "unknown filter 'colour'"),
    ({"min_confidence": "high"}, "min_confidence must be a number"),
    # values that used to match nothing, silently
    ({"date_from": "2024-03-10", "date_to": "2024-03-01"},
     "date_from 2024-03-10 is after date_to 2024-03-01"),
    ({"min_confidence": 2}, "min_confidence must be a number from 0 to 1, not 2"),
    ({"min_confidence": -1}, "min_confidence must be a number from 0 to 1, not -1"),
    ({"mode": "bogus"}, "unknown mode 'bogus'"),
    ({"context": "bogus"}, "unknown context 'bogus'"),
    ({"context": "humanitarian"}, "unknown context 'humanitarian'"),   # not a PLOVER context
    ({"mode": "visit", "event_type": "ASSAULT"}, "'visit' is not a mode of ASSAULT"),
    ({"mode": "visit", "event_type": "AGREE"}, "'visit' is not a mode of AGREE"),
    ({"dyad": "XXX-YYY"}, "unknown country or IGO code 'XXX' in dyad"),
    ({"dyad": "US-CN"}, "unknown country or IGO code 'US' in dyad"),
    ({"actor": "ZZZ"}, "unknown country or IGO code 'ZZZ' in actor"),
    ({"recipient": "ZZZ"}, "unknown country or IGO code 'ZZZ' in recipient"),
])
def test_store_events_bad_filter(filled: Store, filters, fragment) -> None:
    with pytest.raises(StoreError) as err:
        filled.events(**filters)
    assert err.value.code == "T405"
    assert fragment in err.value.message
    with pytest.raises(StoreError):     # the same check for every query
        filled.dyads(**filters)


def test_store_events_bad_filter_hints(filled: Store) -> None:
    with pytest.raises(StoreError) as err:
        filled.events(dyad="US-CN")
    assert err.value.hint == "did you mean USA? country codes are ISO 3166-1 alpha-3"
    with pytest.raises(StoreError) as err:
        filled.events(mode="visit", event_type="AGREE")
    assert err.value.hint == "AGREE has no modes"
    with pytest.raises(StoreError) as err:
        filled.events(mode="demo", event_type="consult,assault")
    assert err.value.hint.startswith("modes of CONSULT, ASSAULT: abduct aerial beat")


def test_store_events_codes_and_places_that_stay_valid(filled: Store) -> None:
    kos = Entity(text="Pristina", name="Kosovo", country="KOS", sector="GOV")
    odd = Entity(text="the Lima Group", name="Lima Group", igo="LIMAG", sector="IGO")
    s9 = make_story("s9", text="Kosovo and the Lima Group met. More.")
    filled.save_story(s9, [make_event(s9, 0, "CONSULT", actor=[kos], recipient=[odd],
                                      mode="visit")], V1)
    assert filled.events(dyad="KOS-LIMAG").column("story_id").to_pylist() == ["s9"]
    assert filled.events(actor="EU").num_rows == 0          # a shipped IGO, no events
    assert filled.events(actor="NATO", dyad="USA-EU").num_rows == 0
    assert filled.events(mode="VISIT", event_type="CONSULT").num_rows == 1
    assert filled.events(mode="meet").num_rows == 1         # a mode of REQUEST/REJECT
    assert filled.events(min_confidence=0).num_rows == 5
    assert filled.events(min_confidence=1).num_rows == 0
    assert filled.events(date_from="2024-03-07", date_to="2024-03-07").num_rows == 1
    # a country code in any case is the country; other text, part of the place name
    for place in ("CHE", "che", "Che"):
        assert filled.events(place=place).num_rows == 2
    assert filled.events(place="gene").num_rows == 2


def test_store_records_equal_saved_events(store: Store) -> None:
    story = make_story()
    events = [make_event(story, 0, place=GENEVA, claimed_by=[EU],
                         aux_modes=["future", "negation"]),
              make_event(story, 1, "CONSULT", recipient=[AZE, ARM], place=None)]
    store.save_story(story, events, V1)
    got = {r["event_id"]: r for r in store.records()}
    assert got == {e.event_id: e.to_dict() for e in events}
    assert list(got[events[0].event_id]) == list(events[0].to_dict())   # key order


def test_store_dyads_counts(filled: Store) -> None:
    rows = filled.dyads(period="month").to_pylist()
    got = {(str(r["period"]), r["actor_country"], r["recipient_country"],
            r["quad_class"]): r["n"] for r in rows}
    assert got == {
        ("2024-02-01", "USA", "AZE", "verbal_conflict"): 1,
        ("2024-03-01", "USA", "AZE", "verbal_conflict"): 1,
        ("2024-03-01", "FRA", "AZE", "material_conflict"): 1,
        # a meeting of two parties told jointly counts for the pair, both ways
        # (docs/annotation.md section 6; seventeenth round: before, under no recipient)
        ("2024-03-01", "AZE", "ARM", "verbal_cooperation"): 1,
        ("2024-03-01", "ARM", "AZE", "verbal_cooperation"): 1,
    }
    assert filled.dyads().to_pylist() == rows                  # by month by default
    weeks = {str(r["period"]) for r in filled.dyads(period="week").to_pylist()}
    assert weeks == {"2024-01-29", "2024-03-04", "2024-03-11"}   # Mondays
    years = {(str(r["period"]), r["actor_country"], r["recipient_country"], r["quad_class"]): r["n"]
             for r in filled.dyads(period="year").to_pylist()}
    assert years[("2024-01-01", "USA", "AZE", "verbal_conflict")] == 2   # February and March
    day = filled.dyads(period="day", event_type="PROTEST").to_pylist()
    assert [(str(r["period"]), r["n"]) for r in day] == [("2024-03-07", 1)]
    with pytest.raises(StoreError) as err:
        filled.dyads(period="decade")
    assert err.value.code == "T405"


IRN = Entity(text="Iran", name="Government of Iran", country="IRN", sector="GOV")
SAU = Entity(text="Saudi Arabia", name="Government of Saudi Arabia", country="SAU",
             sector="GOV")
#: One IRN-SAU assault per auxiliary mode: story id, sentence, aux_modes, date.
IRN_SAU = [
    ("h-plain", "Iran attacked Saudi Arabia. More.", [], "2024-05-02"),
    ("h-neg", "Iran did not attack Saudi Arabia. More.", ["negation"], "2024-05-03"),
    ("h-hyp", "Iran could attack Saudi Arabia if talks fail. More.", ["hypothetical"],
     "2024-05-06"),
    ("h-fut", "Iran will attack Saudi Arabia on Friday. More.", ["future"], "2024-05-10"),
]


def save_irn_sau(store: Store) -> dict[str, str]:
    """Save :data:`IRN_SAU` and return {story id: event id}."""
    out = {}
    for sid, text, aux, day in IRN_SAU:
        s = make_story(sid, text=text, pub_date="2024-05-02")
        e = make_event(s, 0, "ASSAULT", actor=[IRN], recipient=[SAU], start=day,
                       mode=None, contexts=[], cameo="190", aux_modes=aux)
        store.save_story(s, [e], V1)
        out[sid] = e.event_id
    return out


def test_store_happened_leaves_out_negated_and_hypothetical(store: Store) -> None:
    ids = save_irn_sau(store)
    happened = {ids["h-plain"], ids["h-fut"]}       # future acts stay
    assert ids_of(store.events(happened=True)) == happened
    assert ids_of(store.events(happened="TRUE", dyad="IRN-SAU")) == happened
    assert ids_of(store.events(happened=False)) == set(ids.values())
    assert ids_of(store.events(happened=None)) == set(ids.values())
    assert ids_of(store.events()) == set(ids.values())      # events: every one by default
    assert {r["event_id"] for r in store.records(happened="1")} == happened
    # dyads count only acts that happened unless asked for every event
    month = [(str(r["period"]), r["actor_country"], r["recipient_country"],
              r["quad_class"], r["n"]) for r in store.dyads(period="month").to_pylist()]
    assert month == [("2024-05-01", "IRN", "SAU", "material_conflict", 2)]
    every = store.dyads(period="month", happened=False).to_pylist()
    assert [r["n"] for r in every] == [4]
    week = {str(r["period"]): r["n"] for r in store.dyads(period="week").to_pylist()}
    assert week == {"2024-04-29": 1, "2024-05-06": 1}      # the plain and the future one
    # an event both historical and negated did not happen either
    s = make_story("h-hist", text="Iran had not attacked Saudi Arabia in 1990. More.")
    store.save_story(s, [make_event(s, 0, "ASSAULT", actor=[IRN], recipient=[SAU],
                                    start="1990-01-01", end="1990-12-31", mode=None,
                                    aux_modes=["historical", "negation"])], V1)
    assert ids_of(store.events(happened=True)) == happened
    assert store.events(happened=False).num_rows == 5


def test_store_happened_in_export(store: Store, tmp_path: Path) -> None:
    ids = save_irn_sau(store)
    out = tmp_path / "e.jsonl"
    assert store.export(out, format="jsonl", happened=True) == 2
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert {r["event_id"] for r in got} == {ids["h-plain"], ids["h-fut"]}
    assert [r["aux_modes"] for r in got] == [[], ["future"]]
    assert store.export(out, format="csv", happened=False) == 4


def test_store_cameo_export_writes_only_events_that_happened(store: Store,
                                                             tmp_path: Path) -> None:
    # CAMEO rows have no negation column: "Iran did not attack Saudi Arabia" as a 190
    # row would read as an attack
    ids = save_irn_sau(store)
    out = tmp_path / "e.cameo.csv"
    assert store.export(out, format="cameo") == 2
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert {r["event_id"] for r in rows} == {ids["h-plain"], ids["h-fut"]}
    assert store.export(out, format="cameo", happened=False) == 4   # every event asked for
    assert store.export(out, format="csv") == 4          # the other formats: every event
    assert store.count() == 4 and store.count(happened=True) == 2


@pytest.mark.parametrize("value", ["maybe", "yes please", 2, 0.5])
def test_store_happened_bad_value_is_t405(store: Store, value) -> None:
    save_irn_sau(store)
    for query in (store.events, store.dyads):
        with pytest.raises(StoreError) as err:
            query(happened=value)
        assert err.value.code == "T405"
        assert err.value.message == f"happened must be true or false, not {value!r}"


# ----------------------------------------------------------------- clustering

def test_places_compatible_rules() -> None:
    def p(pl):
        return (pl.name, pl.country, pl.feature, pl.geonames_id)
    assert places_compatible(p(PARIS), p(PARIS))
    assert not places_compatible(p(PARIS), p(LYON))
    assert places_compatible(p(PARIS), p(FRANCE))
    assert not places_compatible(p(GENEVA), p(FRANCE))
    assert places_compatible(None, p(LYON))


def test_store_two_stories_about_one_event_form_one_cluster(store: Store) -> None:
    a = make_story("voa-1")
    b = make_story("voa-2", text="The US accused Azerbaijan of breaking the truce. More.")
    c = make_story("voa-3", text="Washington again accused Baku. Later.")
    ea = make_event(a, 0, start="2024-03-05", place=GENEVA, confidence=0.6)
    eb = make_event(b, 0, start="2024-03-04", end="2024-03-10", place=None,
                    confidence=0.9)
    # same dyad and type a month later: a different event
    ec = make_event(c, 0, start="2024-04-05")
    store.save_story(a, [ea], V1)
    store.save_story(b, [eb], V1)
    store.save_story(c, [ec], V1)
    stats = store.cluster()
    assert stats == {"events": 3, "clusters": 2, "linked": 2}
    cid = {r["event_id"]: r["cluster_id"] for r in store.events().to_pylist()}
    assert cid[ea.event_id] == cid[eb.event_id] == min(ea.event_id, eb.event_id)
    assert cid[ec.event_id] == ec.event_id
    per_cluster = store.events(per="cluster").to_pylist()
    assert len(per_cluster) == 2
    rep = next(r for r in per_cluster if r["cluster_size"] == 2)
    assert rep["event_id"] == eb.event_id          # the most confident report
    assert sorted(rep["cluster_story_ids"]) == ["voa-1", "voa-2"]
    assert sum(r["n"] for r in store.dyads(per="event").to_pylist()) == 3
    assert sum(r["n"] for r in store.dyads(per="cluster").to_pylist()) == 2


def test_store_two_protests_in_two_cities_stay_two(store: Store) -> None:
    a = make_story("p-1", text="Protesters marched in Paris against Baku. More.")
    b = make_story("p-2", text="Protesters marched in Lyon against Baku. More.")
    c = make_story("p-3", text="Protesters marched in France against Baku. More.")
    kw = dict(actor=[PROTESTERS], recipient=[AZE], start="2024-03-07", cameo="141")
    ea = make_event(a, 0, "PROTEST", place=PARIS, **kw)
    eb = make_event(b, 0, "PROTEST", place=LYON, **kw)
    store.save_story(a, [ea], V1)
    store.save_story(b, [eb], V1)
    assert store.cluster() == {"events": 2, "clusters": 2, "linked": 0}
    # a third report that only says "France" joins one city's protest, never both
    # (seventeenth round: before, it chained the two cities into one cluster)
    ec = make_event(c, 0, "PROTEST", place=FRANCE, **kw)
    store.save_story(c, [ec], V1)
    assert store.cluster() == {"events": 3, "clusters": 2, "linked": 2}
    # replacing that story with a different date unlinks them again
    c2 = make_story("p-3", text="Protesters marched in France against Baku. Later.")
    store.save_story(c2, [make_event(c2, 0, "PROTEST", place=FRANCE,
                                     **{**kw, "start": "2024-05-01"})], V1)
    assert store.cluster() == {"events": 3, "clusters": 3, "linked": 0}


def test_store_same_story_events_are_not_linked(store: Store) -> None:
    s = make_story()
    store.save_story(s, [make_event(s, 0), make_event(s, 1)], V1)
    assert store.cluster()["clusters"] == 2


def test_store_events_without_known_actors_are_not_linked(store: Store) -> None:
    nobody = Entity(text="someone")
    a, b = make_story("x1"), make_story("x2")
    store.save_story(a, [make_event(a, actor=[nobody], recipient=[])], V1)
    store.save_story(b, [make_event(b, actor=[nobody], recipient=[])], V1)
    assert store.cluster()["clusters"] == 2


# ----------------------------------------------------------------- exports

def test_store_export_parquet_round_trips(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert filled.export(out, "parquet") == 4
    back = duckdb.sql(f"SELECT event_id, actor FROM read_parquet('{out}')").fetchall()
    assert {r[0] for r in back} == ids_of(filled.events())
    assert pq.read_table(out).num_rows == 4
    row = pd.read_parquet(out).set_index("story_id").loc["s3"]
    assert [a["country"] for a in row["actor"]] == ["AZE", "ARM"]


def test_store_export_csv_round_trips(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert filled.export(out, "csv") == 4
    df = pd.read_csv(out)
    assert len(df) == 4 and set(df["event_id"]) == ids_of(filled.events())
    s3 = df.set_index("story_id").loc["s3"]
    assert s3["actor_countries"] == "AZE;ARM"
    assert s3["claimed_by_names"] == "European Union"
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{out}')").fetchall()[0][0] == 4


def test_store_export_csv_names_fall_back_to_entity_text(tmp_path: Path) -> None:
    """An entity with no canonical name ("riot police") shows its text in the csv
    ``*_names`` columns, as in the ``cameo`` rows, instead of an empty slot; a named
    entity keeps its name, and the slots still line up with ``*_countries``."""
    police = Entity(text="riot police", name=None, country="KEN", sector="COP")
    crowd = Entity(text="the striking dockers", name=None, country=None, sector="LAB")
    story = make_story("n1", text="Riot police dispersed the striking dockers. More.")
    with Store(tmp_path / "n.duckdb") as store:
        store.save_story(story, [make_event(story, 0, "ASSAULT", actor=[police, USA],
                                            recipient=[crowd], mode="beat", cameo="1823",
                                            claimed_by=[police])], V1)
        out = tmp_path / "n.csv"
        assert store.export(out, "csv") == 1
        cameo_out = tmp_path / "n_cameo.csv"
        store.export(cameo_out, "cameo")
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["actor_names"] == "riot police;Government of the United States"
    assert row["actor_countries"] == "KEN;USA"
    assert row["recipient_names"] == "the striking dockers"
    assert row["recipient_countries"] == ""
    assert row["claimed_by_names"] == "riot police"
    cameo = list(csv.DictReader(cameo_out.open(encoding="utf-8")))
    assert [r["actor_name"] for r in cameo] == row["actor_names"].split(";")


def test_store_export_jsonl_is_the_contract(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert filled.export(out, "jsonl") == 4
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"] for r in lines} == ids_of(filled.events())
    for rec in lines:   # exactly the contract: from_dict/to_dict is the identity
        assert Event.from_dict(rec).to_dict() == rec
    assert duckdb.sql(f"SELECT count(*) FROM read_json('{out}')").fetchall()[0][0] == 4


def test_store_export_cameo_one_row_per_pair(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.cameo.csv"
    # s1: 1x1 + 1x1, s2: 1x1, s3: 2 actors x no recipient = 2 rows
    assert filled.export(out, "cameo") == 5
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    assert {r["event_id"] for r in rows} == ids_of(filled.events())
    protest = next(r for r in rows if r["event_type"] == "PROTEST")
    assert (protest["cameo"], protest["date"], protest["actor_country"],
            protest["actor_sector"], protest["recipient_country"]) == (
        "141", "2024-03-07", "FRA", "CVL", "AZE")
    consult = [r for r in rows if r["event_type"] == "CONSULT"]
    assert sorted(r["actor_country"] for r in consult) == ["ARM", "AZE"]
    assert all(r["recipient_country"] == "" for r in consult)
    assert len(pd.read_csv(out)) == 5


def test_store_export_empty_and_bad_format(store: Store, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl", "cameo"):
        out = tmp_path / f"empty.{fmt}"
        assert store.export(out, fmt) == 0
        assert out.exists()
    assert pd.read_csv(tmp_path / "empty.csv").columns[0] == "event_id"
    with pytest.raises(StoreError) as err:
        store.export(tmp_path / "x", "xlsx")
    assert err.value.code == "T405"
    with pytest.raises(StoreError) as err:
        store.export(tmp_path / "no" / "dir" / "x.csv", "csv")
    assert err.value.code == "T407"


def test_store_export_per_cluster(store: Store, tmp_path: Path) -> None:
    a, b = make_story("a"), make_story("b")
    store.save_story(a, [make_event(a)], V1)
    store.save_story(b, [make_event(b)], V1)
    store.cluster()
    out = tmp_path / "c.jsonl"
    assert store.export(out, "jsonl", per="cluster") == 1
    (rec,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert rec["cluster_size"] == 2 and rec["cluster_story_ids"] == ["a", "b"]


# ----------------------------------------------------------------- SIGKILL

def test_store_sigkill_mid_run_leaves_whole_stories(db: Path) -> None:
    """A writer killed with SIGKILL keeps every committed story whole and no half one."""
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import make_story, make_event, V1
        from tidings.store import Store
        s = Store({str(db)!r})
        for i in range(150):
            st = make_story(f"s{{i}}", text=f"Washington accused Baku {{i}}. More.")
            s.save_story(st, [make_event(st, j) for j in range(3)], V1)
            print(i, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            text=True)
    for line in proc.stdout:
        if int(line) >= 25:
            break
    proc.kill()            # SIGKILL, in the middle of the next saves
    proc.wait(timeout=30)
    with Store(db) as s:
        per_story = s.con.execute(
            "SELECT s.story_id, count(DISTINCT e.event_id), count(n.event_id) "
            "FROM stories s LEFT JOIN events e USING (story_id) "
            "LEFT JOIN entities n ON n.event_id = e.event_id GROUP BY ALL").fetchall()
        assert 26 <= len(per_story) < 150
        # whole stories only: 3 events, each with 1 actor and 1 recipient
        assert {(n_ev, n_ent) for _, n_ev, n_ent in per_story} == {(3, 6)}
        assert s.stats()["events"] == 3 * len(per_story)
        # the same run again finishes the job without duplicates
        for i in range(150):
            st = make_story(f"s{i}", text=f"Washington accused Baku {i}. More.")
            if not s.is_coded(st.id, st.text_hash(), V1):
                s.save_story(st, [make_event(st, j) for j in range(3)], V1)
        assert s.stats() == {"stories": 150, "events": 450, "entities": 900,
                             "failures": 0, "clusters": 450}


def test_store_dyads_filter_counts_only_the_asked_pair(store: Store) -> None:
    # one event with two recipients: --dyad USA-AZE must not also count USA-ARM
    s = make_story("multi")
    store.save_story(s, [make_event(s, recipient=[AZE, ARM])], V1)
    rows = store.dyads(period="month", dyad="USA-AZE").to_pylist()
    assert [(r["actor_country"], r["recipient_country"], r["n"]) for r in rows] == [("USA", "AZE", 1)]
    both = store.dyads(period="month").to_pylist()
    assert sorted(r["recipient_country"] for r in both) == ["ARM", "AZE"]


# ------------------------------------------------------ issue 13: % and _ are not wildcards

def test_text_filters_match_percent_and_underscore_literally(db: Path) -> None:
    s1 = make_story("s1", text="Prices rose 5% after the U_S deal. More.")
    s2 = make_story("s2", text="The US army accused Baku. More.")
    s3 = make_story("s3", text="Uganda's USA-AZE talks. More.")
    odd = Entity(text="the 100% Party", name="Party_of 100%", country="FRA", sector="PTY")
    odd_place = Place(text="Saint_Denis", name="Saint_Denis", country="FRA", feature="populated_place")
    with Store(db) as store:
        store.save_story(s1, [make_event(s1, actor=[odd], place=odd_place)], V1)
        store.save_story(s2, [make_event(s2, place=PARIS)], V1)
        store.save_story(s3, [make_event(s3, place=LYON)], V1)
        story = lambda **f: sorted(r["story_id"] for r in store.events(**f).to_pylist())  # noqa: E731
        assert story(text="U_S") == ["s1"]
        assert story(text="%") == ["s1"]
        assert story(text="5%") == ["s1"]
        assert story(text="U%S") == []
        assert story(text="\\") == []
        assert story(actor="100%") == ["s1"]
        assert story(actor="y_of") == ["s1"]
        assert story(actor="_") == ["s1"]           # only the name with an underscore
        assert story(place="t_d") == ["s1"]
        assert story(place="%") == []

        from tidings.serve.data import list_actors, list_stories

        assert [s["story_id"] for s in list_stories(store, q="%")["stories"]] == ["s1"]
        assert [s["story_id"] for s in list_stories(store, q="U_S")["stories"]] == ["s1"]
        assert [a["name"] for a in list_actors(store, q="_")["actors"]] == ["Party_of 100%"]


def test_events_newest_order_is_by_publication_then_confidence(db: Path) -> None:
    # issue 13: "newest" means the newest news; an old story's event dated 2050 is not
    old = make_story("old", pub_date="2024-01-10")
    new = make_story("new", pub_date="2024-03-01")
    with Store(db) as store:
        store.save_story(old, [make_event(old, 0, start="2050-01-01", confidence=0.99)], V1)
        store.save_story(new, [make_event(new, 0, confidence=0.9, start="2024-03-01"),
                               make_event(new, 1, "PROTEST", confidence=0.8, start="2023-05-01",
                                          trigger_start=30, mode="demo", cameo="141")], V1)
        got = lambda order: [(r["story_id"], r["confidence"]) for r in store.records(order=order)]  # noqa: E731
        assert got("newest") == [("new", 0.9), ("new", 0.8), ("old", 0.99)]
        assert got("date") == [("new", 0.8), ("new", 0.9), ("old", 0.99)]
        assert got("confidence") == [("old", 0.99), ("new", 0.9), ("new", 0.8)]
        with pytest.raises(StoreError) as exc:
            store.events(order="random")
        assert exc.value.code == "T405"


@pytest.mark.parametrize("value, code", [("Mali", "MLI"), ("armenia", "ARM"), ("Russia", "RUS"),
                                         ("United Kingdom", "GBR"), ("mal", None), ("Georgian", None)])
def test_a_country_s_full_name_also_filters_by_its_code(value, code) -> None:
    from tidings.store.filters import country_of_name, where_clause

    assert country_of_name(value) == code
    sql, params = where_clause({"actor": value}, lambda c: False)
    assert ("n.country = ?" in sql) == (code is not None)
    assert params[-1] == (code if code else f"%{value}%")
