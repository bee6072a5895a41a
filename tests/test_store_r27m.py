"""A report dated only by its story's publication (a headline, a sentence with no date
phrase) links to the same act told with its own day a few days earlier (issue 16,
twenty-seventh round: a fresh analyst's feed of headlines and stories counted 10 of 15
acts twice, because a headline dated Wednesday never overlapped its story's "on
Monday"). Sentences are the team's own."""

import datetime as dt

import pytest

from tidings.store.cluster import PUBLICATION_LAG_DAYS, cluster_ids, linking_range


def _row(eid, story, start, source, etype="SANCTION", actors=("TCD",), recipients=("SDN",)):
    return (eid, story, etype, start, start, None, None, None, None, list(actors), list(recipients), source)


def test_linking_range_widens_a_publication_date_backwards_only():
    assert linking_range("2026-05-06", "2026-05-06", "publication") == (
        dt.date(2026, 5, 6) - dt.timedelta(days=PUBLICATION_LAG_DAYS), dt.date(2026, 5, 6))
    assert linking_range(dt.date(2026, 5, 6), dt.date(2026, 5, 6), "sentence") == (
        dt.date(2026, 5, 6), dt.date(2026, 5, 6))
    assert linking_range("2026-05-06", "2026-05-06", None) == (dt.date(2026, 5, 6), dt.date(2026, 5, 6))


def test_a_headline_dated_by_publication_joins_its_storys_earlier_day():
    ids = cluster_ids([_row("h", "headline", "2026-05-06", "publication"),
                       _row("s", "story", "2026-05-04", "sentence")])
    assert ids["h"] == ids["s"]


@pytest.mark.parametrize("rows", [
    # two acts each dated by its own sentence, two days apart: two acts
    [_row("a", "one", "2026-05-06", "sentence"), _row("b", "two", "2026-05-04", "sentence")],
    # an act told after the publication date cannot be what the earlier report says
    [_row("h", "headline", "2026-05-06", "publication"), _row("s", "story", "2026-05-07", "sentence")],
    # more days back than a report's lag
    [_row("h", "headline", "2026-05-06", "publication"),
     _row("s", "story", str(dt.date(2026, 5, 6) - dt.timedelta(days=PUBLICATION_LAG_DAYS + 1)), "sentence")],
    # the same days, another recipient
    [_row("h", "headline", "2026-05-06", "publication"),
     _row("s", "story", "2026-05-04", "sentence", recipients=("LBY",))],
])
def test_controls_stay_apart(rows):
    ids = cluster_ids(rows)
    assert len(set(ids.values())) == 2


def test_rows_without_a_date_source_keep_their_own_range():
    rows = [r[:11] for r in (_row("h", "headline", "2026-05-06", "publication"),
                             _row("s", "story", "2026-05-04", "sentence"))]
    ids = cluster_ids(rows)
    assert ids["h"] != ids["s"]


def test_a_coded_headline_and_its_story_are_one_cluster(tmp_path):
    from tidings.engines.local import code_stories
    from tidings.records import Story
    from tidings.store import Store

    stories = [
        Story(id="feed-1", text="Kenya, Somalia agree to reopen border crossing", pub_date="2026-06-12"),
        Story(id="wire-1", pub_date="2026-06-12",
              text="Kenya and Somalia on Tuesday agreed to reopen the Mandera border crossing, officials said."),
        # a control: another pair's agreement the same week stays its own cluster
        Story(id="wire-2", pub_date="2026-06-12",
              text="Ghana and Togo on Wednesday agreed to reopen their main border crossing, officials said."),
    ]
    with Store(str(tmp_path / "t.duckdb")) as store:
        code_stories(stories, store=store)
        store.cluster()
        rows = store.con.execute("SELECT story_id, event_type, date_source, date_start, cluster_id "
                                 "FROM events WHERE event_type = 'AGREE'").fetchall()
    by_story = {r[0]: r for r in rows}
    assert by_story["feed-1"][2] == "publication" and by_story["wire-1"][2] == "sentence"
    assert by_story["feed-1"][3] > by_story["wire-1"][3]
    assert by_story["feed-1"][4] == by_story["wire-1"][4]
    assert by_story["wire-2"][4] not in (by_story["feed-1"][4],)
