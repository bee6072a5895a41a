"""The notebook API (issue 13): ``tidings.code`` and ``tidings.code_file`` return events as a
pandas DataFrame, the same events ``tidings code`` stores, with the CSV export's columns."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

import tidings
from conftest import EXAMPLES
from tidings.errors import TidingsError

pd = pytest.importorskip("pandas", reason="pandas is in the test extra (pip install -e '.[test]')")
pytestmark = pytest.mark.slow

CAUCASUS = "Azerbaijan refused to negotiate with Armenia under US mediation in Malta."
MEETING = "The foreign ministers of Armenia and Azerbaijan met in Malta on Thursday."


def _examples() -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / "stories.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def cli_events(tmp_path_factory):
    """The events and the flat CSV of ``tidings code examples/`` then ``tidings export``."""
    from typer.testing import CliRunner

    from tidings.cli import app

    d = tmp_path_factory.mktemp("nb")
    runner = CliRunner()
    res = runner.invoke(app, ["code", str(EXAMPLES), "--db", str(d / "t.duckdb"), "--out", str(d / "e.jsonl")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["export", "--db", str(d / "t.duckdb"), "--format", "csv", "--out", str(d / "e.csv")])
    assert res.exit_code == 0, res.output
    events = [json.loads(x) for x in (d / "e.jsonl").read_text().splitlines()]
    with open(d / "e.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return events, rows


def test_code_texts_gives_a_dataframe_of_events():
    df = tidings.code([CAUCASUS, "Kenya won the football match 2-1.", MEETING], pub_date="2024-12-20")
    assert isinstance(df, pd.DataFrame)
    reject = df[df.event_type == "REJECT"]
    assert len(reject) == 1
    row = reject.iloc[0]
    assert (row.story_id, row.actor_countries, row.recipient_countries) == ("text-1", "AZE", "ARM")
    # a statement has no place where the corpus's coders give none (the place filter);
    # the meeting in Malta has its place, with the gazetteer's fields as columns
    assert (pd.isna(row.location_name), row.location, row.date_start, row.granularity) == (
        True, None, "2024-12-20", "story")
    assert "model:no-place" in row.rules
    meeting = df[df.event_type == "CONSULT"].iloc[0]
    assert (meeting.story_id, meeting.location_name, meeting.date_start) == ("text-3", "Malta", "2024-12-19")
    assert meeting.location["geonames_id"] == 2562770
    assert row.actor == [{"text": "Azerbaijan", "name": "Government of Azerbaijan", "country": "AZE",
                          "sector": "GOV", "igo": None, "kb_id": "tid:country/AZE",
                          "how": "country name"}]
    assert row.date == {"text": None, "start": "2024-12-20", "end": "2024-12-20", "granularity": "story",
                        "source": "publication"}
    a, b = row.evidence_span
    assert CAUCASUS[a:b] == row.sentence
    assert set(df.story_id) == {"text-1", "text-3"}          # the football result has no event
    assert df.attrs["summary"]["coded"] == 3 and df.attrs["skipped"] == []
    # one text on its own is a list of one
    assert list(tidings.code(CAUCASUS, pub_date="2024-12-20").event_id) == list(df[df.story_id == "text-1"].event_id)


def test_code_examples_equals_the_command_line(cli_events):
    events, rows = cli_events
    df = tidings.code_file(EXAMPLES)
    assert sorted(df.event_id) == sorted(e["event_id"] for e in events)
    # the flat columns are those of `tidings export --format csv`, with the same values
    flat = list(rows[0])
    assert list(df.columns) == flat + ["actor", "recipient", "claimed_by", "date", "location",
                                       "evidence_span", "rules"]
    by_id = {r["event_id"]: r for r in rows}
    buf = io.StringIO()
    df[flat].to_csv(buf, index=False)
    for r in csv.DictReader(io.StringIO(buf.getvalue())):
        want = by_id[r["event_id"]]
        for k in flat:
            if k in ("confidence", "location_lat", "location_lon"):
                assert (float(r[k]) if r[k] else None) == pytest.approx(float(want[k]) if want[k] else None)
            elif k != "cluster_id":
                assert r[k] == want[k], (k, r[k], want[k])
    contract = {e["event_id"]: e for e in events}
    for rec in df.to_dict("records"):
        for k in ("actor", "recipient", "claimed_by", "date", "location", "evidence_span", "rules"):
            assert rec[k] == contract[rec["event_id"]][k], k
    # the story records themselves give the same events as the file, in input order
    df2 = tidings.code(_examples())
    assert sorted(df2.event_id) == sorted(e["event_id"] for e in events if not e["story_id"].startswith("armenia-border"))
    order = [s["id"] for s in _examples()]
    assert list(df2.story_id) == sorted(df2.story_id, key=order.index)


def test_code_skips_bad_records_and_keeps_the_rest():
    stories = [{"id": "ok", "text": CAUCASUS, "pub_date": "2024-12-20"},
               {"id": "no-text", "pub_date": "2024-12-20"},
               {"id": "bad-date", "text": CAUCASUS, "pub_date": "yesterday"}]
    with pytest.warns(UserWarning, match=r"2 stories skipped, listed in df.attrs\['skipped'\]"):
        df = tidings.code(stories)
    assert set(df.story_id) == {"ok"}
    assert df.attrs["skipped"] == [
        "stories[1]: story 'no-text' has no text (field 'text')",
        "stories[2]: story 'bad-date' has a bad date: not a date: 'yesterday' (write it as YYYY-MM-DD)"]
    with pytest.raises(TidingsError) as exc:
        tidings.code([CAUCASUS], pub_date="soon")
    assert exc.value.code == "T103"
    with pytest.raises(TypeError, match=r"stories\[0\] is a int"):
        tidings.code([7])
    with pytest.raises(TidingsError) as exc:
        tidings.code_file(EXAMPLES / "nope.jsonl")
    assert exc.value.code == "T104"


def test_any_language_codes_a_story_the_language_check_would_skip():
    text = ("Le ministre a reçu son homologue à Dakar jeudi pour parler de la frontière, "
            "et les deux pays ont signé un accord de coopération.")
    with pytest.warns(UserWarning, match="1 story skipped"):
        df = tidings.code([text], pub_date="2024-12-20")
    assert df.empty and "any_language=True" in df.attrs["skipped"][0]
    df = tidings.code([text], pub_date="2024-12-20", any_language=True)
    assert df.attrs["skipped"] == [] and df.attrs["summary"]["coded"] == 1


def test_all_candidates_keeps_the_events_under_the_threshold():
    # as tidings code --all-candidates: the default output is a subset of every candidate
    text = ("The two foreign ministers spoke by phone on Monday about the border. Chad closed "
            "its border with Sudan on Friday, and aid groups warned of shortages.")
    some = tidings.code([text], pub_date="2024-12-20")
    every = tidings.code([text], pub_date="2024-12-20", all_candidates=True)
    assert set(some.event_id) < set(every.event_id)
    assert every.confidence.min() < 0.4 <= some.confidence.min()


def test_code_needs_pandas_only_when_called(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)     # as if it were not installed
    with pytest.raises(TidingsError) as exc:
        tidings.code([CAUCASUS])
    assert str(exc.value) == ("[T801] tidings.code and tidings.code_file return a pandas DataFrame, "
                              "and pandas is not installed (pip install pandas)")


def test_tidings_code_stays_the_function_beside_the_coder_module():
    from tidings.code import Coder

    assert callable(tidings.code) and tidings.code.Coder is Coder
    assert "DataFrame" in repr(tidings.code)


SHIM = r"""
import importlib, importlib.abc, importlib.util, sys

# tidings/code.py about to become a thin shim over a coding/ package: stand both in
# (a finder that serves their source) and check that the notebook function survives
SRC = {
    "tidings.coding": "class Coder:\n    pass\nOUTPUT_MODES = ('x',)\n",
    "tidings.code": {
        "star": "from tidings.coding import *  # noqa\n",
        "alias": "import sys, tidings.coding\nsys.modules[__name__] = tidings.coding\n",
    }[sys.argv[1]],
}


class Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if name in SRC:
            return importlib.util.spec_from_loader(name, self, is_package=name == "tidings.coding")

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(SRC[module.__name__], module.__dict__)


sys.meta_path.insert(0, Finder())
import tidings
import tidings.code
from tidings.code import Coder
from tidings import code

import tidings.coding

assert callable(tidings.code) and code is tidings.code, tidings.code
assert "DataFrame" in repr(tidings.code)
assert Coder is tidings.coding.Coder is tidings.code.Coder
assert tidings.code.OUTPUT_MODES == ("x",)
print("ok")
"""


@pytest.mark.parametrize("shim", ["star", "alias"])
def test_tidings_code_survives_code_py_becoming_a_shim(shim):
    # code.py may become `from tidings.coding import *`, or alias itself to the package:
    # `import tidings.code` then still leaves tidings.code the notebook function
    import subprocess

    r = subprocess.run([sys.executable, "-c", SHIM, shim], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_readme_notebook_example_is_real():
    import re

    from conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```python\nimport tidings\n(.*?)```\n```\n(.*?)```", text, re.S)
    assert m, "README: the notebook example was not found"
    code, shown = m.group(1), m.group(2)
    scope: dict = {"tidings": tidings}
    *body, last = code.strip().splitlines()
    exec("\n".join(body), scope)                       # noqa: S102 - the README's own lines
    got = eval(last, scope).to_string()                # noqa: S307
    assert got.splitlines() == shown.rstrip("\n").splitlines()


def test_warnings_name_the_callers_line_and_a_missing_date_is_said():
    import inspect
    import warnings

    import tidings.notebook

    for call in (tidings.code, tidings.notebook.code):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            line = inspect.currentframe().f_lineno + 1
            df = call([{"id": "x", "text": ""}, CAUCASUS])
        assert len(df) >= 1 and df.attrs["summary"]["no_pub_date"] == 1
        assert [(w.category, w.filename, w.lineno) for w in caught] == [(UserWarning, __file__, line)] * 2
        assert [str(w.message) for w in caught] == [
            "1 story skipped, listed in df.attrs['skipped']: stories[0]: story 'x' has no text (field 'text')",
            "1 story ('text-2') had no publication date: their events are dated by date phrases that name a year, "
            "else by today's date (granularity 'story'); give pub_date= or a pub_date field"]
    with warnings.catch_warnings(record=True) as caught:   # dated: nothing to say
        warnings.simplefilter("always")
        tidings.code(CAUCASUS, pub_date="2024-12-20")
    assert caught == []


def test_code_file_warns_at_the_callers_line(tmp_path):
    import inspect
    import warnings

    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "a", "text": CAUCASUS}) + "\n{broken\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = inspect.currentframe().f_lineno + 1
        tidings.code_file(p)
    assert [(w.filename, w.lineno) for w in caught] == [(__file__, line)] * 2
    assert str(caught[0].message).startswith("1 story skipped, listed in df.attrs['skipped']: s.jsonl:2: ")
    assert str(caught[1].message).endswith("give pub_date= or date_col=")


def test_missing_values_are_skipped_as_stories_without_text():
    # a column with gaps (None, NaN) is what df["text"].tolist() gives: those are skipped,
    # the others coded
    import warnings

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        df = tidings.code([CAUCASUS, None, float("nan")], pub_date="2024-12-20")
        frame = pd.DataFrame({"id": ["a", "b"], "text": [CAUCASUS, float("nan")],
                              "pub_date": ["2024-12-20", "2024-12-20"]})
        df2 = tidings.code(frame)
    assert list(df.event_type) == ["REJECT"]
    assert df.attrs["skipped"] == ["text-2: story 'text-2' has no text (field 'text')",
                                   "text-3: story 'text-3' has no text (field 'text')"]
    assert list(df2.story_id) == ["a"]
    assert df2.attrs["skipped"] == ["stories[1]: story 'b' has no text (field 'text')"]


def test_a_missing_publication_date_in_a_date_column_is_no_date():
    # pd.to_datetime makes a gap NaT (a datetime that equals nothing); a string column
    # with pd.NA is the other way pandas writes a gap. Both crashed the whole call
    # (TypeError: Cannot compare NaT with datetime.date), a fresh-user trial.
    import warnings

    texts = ["Kenyan police arrested 12 protesters in Nairobi on Monday.",
             "Chile's foreign minister condemned the shelling of the border town."]
    for dates in (pd.to_datetime(["2024-06-25", None]), pd.array(["2024-06-25", pd.NA], dtype="string")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = tidings.code(pd.DataFrame({"id": ["k", "c"], "text": texts, "pub_date": dates}))
        assert set(df.story_id) == {"k", "c"}
        assert set(df[df.story_id == "k"].date_start) == {"2024-06-24"}


def test_code_reads_dates_in_the_order_given():
    # "06/01/2025" reads two ways: skipped without date_order, 1 June with MDY
    pytest.importorskip("pandas")
    import tidings
    from tidings.errors import TidingsError

    rec = {"id": "d", "text": "Kenyan police arrested 12 protesters in Nairobi.", "pub_date": "06/01/2025"}
    with pytest.warns(UserWarning):
        assert list(tidings.code([rec]).attrs["skipped"])
    df = tidings.code([rec], date_order="MDY")
    assert set(df["date_start"]) == {"2025-06-01"}
    with pytest.raises(TidingsError, match="T501"):
        tidings.code([rec], date_order="YMD")
