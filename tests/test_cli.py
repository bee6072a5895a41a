"""End to end through the CLI: examples in, contract-valid events out, stored once."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from typer.testing import CliRunner

from tidings import PIPELINE_VERSION
from tidings.cli import app

from conftest import EXAMPLES, read_jsonl
from contract import REQUIRED, EventModel

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    d = tmp_path_factory.mktemp("run")
    out, db = d / "events.jsonl", d / "t.duckdb"
    res = runner.invoke(app, ["code", str(EXAMPLES), "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return out, db, res.output


def test_every_line_follows_the_contract(coded):
    out, _, _ = coded
    rows = read_jsonl(out)
    assert len(rows) >= 20
    stories = {json.loads(line)["id"]: json.loads(line)["text"]
               for line in (EXAMPLES / "stories.jsonl").read_text().splitlines()}
    for row in rows:
        assert REQUIRED <= set(row)
        EventModel.model_validate(row)
        if row["story_id"] in stories:
            a, b = row["evidence_span"]
            assert stories[row["story_id"]][a:b] == row["sentence"]


def _by_type(rows, story, etype):
    return [r for r in rows if r["story_id"] == story and r["event_type"] == etype
            and not {"negation", "hypothetical"} & set(r["aux_modes"])]


def test_caucasus_story_events(coded):
    rows = read_jsonl(coded[0])
    ctry = lambda ents: {e["country"] for e in ents}  # noqa: E731
    req = _by_type(rows, "caucasus-peace-letters", "REQUEST")
    assert any(ctry(r["actor"]) == {"USA"} and {"AZE", "ARM"} <= ctry(r["recipient"]) for r in req)
    rej = _by_type(rows, "caucasus-peace-letters", "REJECT")
    # the refusal, a statement, has no place (the place filter: the corpus's coders give
    # none to statements); the OSCE meeting keeps Malta
    assert any(ctry(r["actor"]) == {"AZE"} and r["location"] is None and "model:no-place" in r["rules"]
               for r in rej)
    meet = _by_type(rows, "caucasus-peace-letters", "CONSULT")
    assert any(r["location"] and r["location"]["name"] == "Malta" for r in meet)
    agree = _by_type(rows, "caucasus-peace-letters", "AGREE")
    assert any({"AZE", "ARM"} <= ctry(r["actor"]) for r in agree)
    # the letters were sent in late October 2024: month granularity, not the story date
    letters = [r for r in req if ctry(r["actor"]) == {"USA"}][0]
    assert letters["date"]["start"].startswith("2024-10") and letters["date"]["granularity"] != "story"


def test_sport_story_has_no_events(coded):
    rows = read_jsonl(coded[0])
    assert not [r for r in rows if r["story_id"] == "football-result"]


def test_summary_and_database(coded):
    out, db, output = coded
    assert "stories read: 11" in output and "skipped: 0" in output
    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("select count(*) from events").fetchone()[0]
    con.close()
    assert n_events == len(read_jsonl(out))


def test_all_candidates_on_stored_stories_codes_them_again(tmp_path):
    """--all-candidates over stories the store already holds codes them again: the store
    records which output each story was coded for (stories.all_candidates, r19e), so a
    run gives what it asked for (a fresh-user trial got 'unchanged: 10' and the default
    events); the reverse too, and a store left holding both kinds says so."""
    db = tmp_path / "t.duckdb"
    src = EXAMPLES / "stories.jsonl"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["code", str(src), "--db", str(db), "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert "unchanged: 0" in res.output and "10 re-coded (output changed" in _flat(res.output)
    from tidings.learn.model import default_threshold
    from tidings.store import Store

    assert 0.1 < default_threshold() < 0.9
    with Store(db, read_only=True) as st:
        assert st.coded_outputs()["all_candidates"] == 10
        low = st.con.execute("SELECT count(*) FROM events WHERE confidence < ?",
                             [default_threshold()]).fetchone()[0]
    assert low > 0
    # the reverse: a plain run codes them again with the default output
    res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "10 re-coded (output changed" in _flat(res.output) and "mixes" not in res.output
    with Store(db, read_only=True) as st:
        assert st.coded_outputs()["default"] == 10
        assert st.con.execute("SELECT count(*) FROM events WHERE confidence < ?",
                              [default_threshold()]).fetchone()[0] == 0
    # some stories coded with --all-candidates, the others not: the store mixes them
    part = tmp_path / "part.jsonl"
    part.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    res = runner.invoke(app, ["code", str(part), "--db", str(db), "--all-candidates"])
    assert res.exit_code == 0, res.output
    assert "the store mixes 3 stories coded with --all-candidates" in _flat(res.output)
    assert "7 coded with the default output" in _flat(res.output)


def test_rerun_does_not_duplicate(tmp_path):
    db = tmp_path / "t.duckdb"
    src = EXAMPLES / "stories.jsonl"
    for _ in range(2):
        res = runner.invoke(app, ["code", str(src), "--db", str(db)])
        assert res.exit_code == 0, res.output
    assert "unchanged: 10" in res.output and "coded: 0" in res.output
    con = duckdb.connect(str(db), read_only=True)
    stories, events = con.execute("select (select count(*) from stories), (select count(*) from events)").fetchone()
    ids = con.execute("select count(distinct event_id) from events").fetchone()[0]
    con.close()
    assert stories == 10 and events == ids > 0


def test_bad_input_is_named_and_the_rest_coded(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        b'{"id": "ok1", "text": "Chile recalled its ambassador from Caracas on Monday.", "pub_date": "2025-01-10"}\n'
        b'{"id": "bad-json", "text": \n'
        b'{"id": "nodate", "text": "Peru expelled two diplomats.", "pub_date": "2025-13-45"}\n'
        b'{"text": "no id"}\n'
        b'{"id": "ok2", "text": "Kenya condemned the attack.", "pub_date": "2025-01-10"}\n')
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert "mixed.jsonl:2: unparseable JSON" in res.output
    assert "mixed.jsonl:3: story 'nodate' has a bad date" in res.output
    # a record without an id is coded under the file's name and its line, with a warning
    assert "warning mixed.jsonl:4: record has no id (field 'id/story_id'); it is story 'mixed-4'" in _flat(res.output)
    assert "stories read: 3" in res.output and "skipped: 2" in res.output
    assert {r["story_id"] for r in read_jsonl(tmp_path / "o.jsonl")} == {"ok1", "ok2"}


def test_bad_option_is_one_clear_line(tmp_path):
    res = runner.invoke(app, ["code", str(EXAMPLES), "--pub-date", "last week", "--no-db"])
    assert res.exit_code == 1
    assert "Error: [T501] --pub-date: not a date: 'last week'" in res.output


def test_stdin_and_console_script(tmp_path):
    story = json.dumps({"id": "s1", "text": "Japan sent emergency aid to the Philippines after the typhoon.", "pub_date": "2025-02-01"})
    proc = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--no-db", "--out", str(tmp_path / "o.jsonl")],
                          input=story + "\n", capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = read_jsonl(tmp_path / "o.jsonl")
    assert rows and rows[0]["story_id"] == "s1" and rows[0]["actor"][0]["country"] == "JPN"


def test_cli_guards_and_version(tmp_path):
    assert runner.invoke(app, ["--version"]).output.strip().count(".") == 2
    res = runner.invoke(app, ["code", str(EXAMPLES), "--db", str(tmp_path / "x.csv")])
    assert res.exit_code == 1 and "[T506]" in res.output
    res = runner.invoke(app, ["code", str(EXAMPLES), "--no-db", "--out", str(tmp_path / "no" / "o.jsonl")])
    assert res.exit_code == 1 and "[T507]" in res.output
    res = runner.invoke(app, ["code", str(tmp_path / "missing.jsonl"), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 1 and "no such file" in res.output


def test_stdin_as_plain_text(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--format", "text", "--pub-date",
                           "2024-01-03", "--no-db", "--out", str(tmp_path / "o.jsonl")],
                          input="Azerbaijan accused Armenia of shelling border villages.\n",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = read_jsonl(tmp_path / "o.jsonl")
    assert rows[0]["event_type"] == "ACCUSE" and rows[0]["date"]["start"] == "2024-01-03"


def test_recode_replaces_events_of_an_older_pipeline(tmp_path):
    db = tmp_path / "t.duckdb"
    src = EXAMPLES / "stories.jsonl"
    assert runner.invoke(app, ["code", str(src), "--db", str(db)]).exit_code == 0
    con = duckdb.connect(str(db))
    before = con.execute("select count(*) from events").fetchone()[0]
    con.execute("update stories set pipeline_version = '0.0.1' where story_id = 'tbilisi-protests'")
    con.close()
    res = runner.invoke(app, ["recode", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "stories read: 1 " in res.output and "coded: 1 " in res.output
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("select count(*) from events").fetchone()[0]
    versions = {r[0] for r in con.execute("select distinct pipeline_version from stories").fetchall()}
    con.close()
    assert after == before and versions == {PIPELINE_VERSION}


def test_eval_skips_bad_lines_and_scores_the_rest(tmp_path):
    gold = tmp_path / "g.jsonl"
    good = {"id": "g1", "text": "Russia attacked Ukraine on Monday.", "pub_date": "2024-01-03",
            "events": [{"event_type": "ASSAULT", "actor": [{"code": "RUS"}]}]}
    gold.write_bytes(b'{"id": "b", "text": \n' + json.dumps(good).encode() + b"\n"
                     + b'{"id": "c", "text": "caf\xe9 opened.", "events": []}\n')
    res = runner.invoke(app, ["eval", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    lines = res.stderr.splitlines()
    assert lines[0] == "warning [T101] g.jsonl:1: unparseable JSON (Expecting value at column 21); line skipped"
    at = gold.read_bytes().index(b"\xe9")  # the byte offset in the file, not in the line
    assert lines[1].startswith(f"warning [T105] g.jsonl:3: not valid utf-8 at byte {at} of the file "
                               "(invalid continuation byte); give its encoding with --encoding")
    assert lines[1].endswith("; line skipped") and len(lines) == 2
    sc = json.loads(res.stdout)
    assert sc["documents"] == 1 and sc["per_type"]["ASSAULT"]["tp"] == 1


def test_eval_warns_of_an_unknown_gold_type_and_leaves_its_document_out(tmp_path):
    """A misspelt gold type is a warning naming file, line and type; its document is not
    scored, so the type is in no per-type row and macro F1 is over the real types."""
    gold = tmp_path / "g.jsonl"
    good = {"id": "g1", "text": "Russia attacked Ukraine on Monday.", "pub_date": "2024-01-03",
            "events": [{"event_type": "ASSAULT", "actor": [{"code": "RUS"}]}]}
    typo = {"id": "g2", "text": "Japan sent food aid to Tonga on Friday.", "pub_date": "2024-01-05",
            "events": [{"event_type": "AIDE", "actor": [{"code": "JPN"}]}]}
    gold.write_text(json.dumps(good) + "\n" + json.dumps(typo) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    assert res.stderr.splitlines() == [
        "warning [T115] g.jsonl:2: gold event 1 has event_type 'AIDE', not a PLOVER event "
        "type (did you mean AID?); line skipped"]
    sc = json.loads(res.stdout)
    assert sc["documents"] == 1 and "AIDE" not in sc["per_type"] and "AID" not in sc["per_type"]
    assert sc["macro_f1"] == sc["per_type"]["ASSAULT"]["f1"]


def test_eval_refuses_what_it_cannot_score(tmp_path):
    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes(b'{"id": "c", "text": "caf\xe9 opened.", "events": []}\n')
    res = runner.invoke(app, ["eval", str(latin1)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)  # no traceback
    assert res.stderr.splitlines()[-1] == "Error: [T503] latin1.jsonl: no gold document to score"
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "s", "text": "Russia attacked Ukraine."}) + "\n")
    res = runner.invoke(app, ["eval", str(stories)])
    assert res.exit_code == 1
    assert res.stderr.startswith("Error: [T503] stories.jsonl: not a gold file: no record has an "
                                 "'events' list")


def test_no_db_without_out_is_refused_before_coding(tmp_path):
    res = runner.invoke(app, ["code", str(EXAMPLES), "--no-db"])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        "Error: [T508] --no-db without --out: the events would be coded and thrown away "
        "(give --out FILE, or --out - for standard output, or leave out --no-db)")


def test_out_dash_writes_json_lines_to_stdout(tmp_path):
    story = json.dumps({"id": "s1", "text": "Japan sent emergency aid to the Philippines after the typhoon.", "pub_date": "2025-02-01"})
    src = tmp_path / "s.jsonl"
    src.write_text(story + "\n")
    proc = subprocess.run([sys.executable, "-m", "tidings.cli", "code", str(src), "--no-db", "--out", "-"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]   # nothing else on stdout
    assert rows and {r["story_id"] for r in rows} == {"s1"}
    for row in rows:
        EventModel.model_validate(row)
    assert "stories read: 1" in proc.stderr and "events written to: standard output" in proc.stderr
    assert not (tmp_path / "-").exists()


def test_plain_text_on_stdin_is_read_as_a_story(tmp_path):
    # a text piped in was skipped as a broken JSON line (a fresh-user trial); stdin whose
    # first non-blank line is no JSON object is a text, named by its content
    proc = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--no-db", "--out", "-",
                           "--pub-date", "2025-03-04"],
                          input="\nRussian forces shelled Kharkiv on Monday, Ukrainian officials said.\n",
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and {r["story_id"][:6] for r in rows} == {"stdin-"}
    assert "ASSAULT" in {r["event_type"] for r in rows}
    # a broken JSON Lines stream still fails line by line, as JSON
    proc = subprocess.run([sys.executable, "-m", "tidings.cli", "code", "-", "--no-db", "--out", "-"],
                          input='{"id": "a", "text": "Russia attacked Ukraine."\n', capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines()[0].startswith("skipped <stdin>:1: unparseable JSON")


def test_nothing_read_creates_no_store(tmp_path):
    res = runner.invoke(app, ["code", str(tmp_path / "nonexist.jsonl"), "--db", str(tmp_path / "t.duckdb")])
    assert res.exit_code == 1
    assert f"[T104] {tmp_path / 'nonexist.jsonl'}: no such file or folder" in res.stderr
    assert "database:" not in res.stderr
    assert not (tmp_path / "t.duckdb").exists()


def test_ctrl_c_says_how_many_stories_are_stored(tmp_path):
    # enough stories that the run is still going when its first events reach the file
    lines = (EXAMPLES / "stories.jsonl").read_text().splitlines()
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({**json.loads(line), "id": f"{json.loads(line)['id']}-{k}"}) + "\n"
                           for k in range(40) for line in lines))
    db, out = tmp_path / "t.duckdb", tmp_path / "o.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "tidings.cli", "code", str(src), "--db", str(db),
                             "--out", str(out), "--batch-size", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while not (out.exists() and out.stat().st_size) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    (line,) = err.splitlines()
    m = re.fullmatch(rf"Interrupted: (\d+) stories coded, stored in {re.escape(str(db))} and their events "
                     rf"written to {re.escape(str(out))}; run the same command again to code the rest "
                     r"\(with --out every story is coded again, so that the file is whole\)", line)
    assert m, line
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("select count(*) from stories").fetchone()[0]
    con.close()
    assert 0 < stored == int(m.group(1)) < 400


# ---------------------------------------------------------------- issue 13: outputs that are inputs

def _story_file(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_bytes((EXAMPLES / "stories.jsonl").read_bytes())
    return src, src.read_bytes()


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_out_that_is_an_input_is_refused_and_the_input_kept(tmp_path, how):
    src, before = _story_file(tmp_path)
    target = {"same": src, "symlink": tmp_path / "link.jsonl", "hardlink": tmp_path / "hard.jsonl"}[how]
    if how == "symlink":
        target.symlink_to(src)
    elif how == "hardlink":
        target.hardlink_to(src)
    res = runner.invoke(app, ["code", str(src), "--out", str(target), "--db", str(tmp_path / "t.duckdb")])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"Error: [T509] --out {target} is the input {src}: writing it would destroy the stories "
        "(give an output file that is not an input)")
    assert src.read_bytes() == before
    assert not (tmp_path / "t.duckdb").exists()


def test_db_that_is_an_input_is_refused_and_the_input_kept(tmp_path):
    src, before = _story_file(tmp_path)
    link = tmp_path / "events.duckdb"
    link.symlink_to(src)
    res = runner.invoke(app, ["code", str(src), "--db", str(link)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"Error: [T509] --db {link} is the input {src}: writing it would destroy the stories "
        "(give an output file that is not an input)")
    assert src.read_bytes() == before


def test_out_onto_an_event_store_is_refused_and_the_store_kept(tmp_path):
    # an --out that is the command's own --db, or another store, would truncate a database
    src, _ = _story_file(tmp_path)
    store = tmp_path / "events.duckdb"
    res = runner.invoke(app, ["code", str(src), "--db", str(store)])
    assert res.exit_code == 0, res.output
    before = store.read_bytes()
    res = runner.invoke(app, ["code", str(src), "--db", str(store), "--out", str(store)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"Error: [T509] --out {store} is also the --db store: writing events there would destroy the store "
        "(give --out a .jsonl or .parquet file of its own)")
    res = runner.invoke(app, ["code", str(src), "--db", str(tmp_path / "other.duckdb"), "--out", str(store)])
    assert res.exit_code == 1 and f"[T509] --out {store} is an event store (a DuckDB database)" in res.stderr
    res = runner.invoke(app, ["code", str(src), "--no-db", "--out", str(store)])
    assert res.exit_code == 1 and "is an event store" in res.stderr
    assert store.read_bytes() == before
    assert not (tmp_path / "other.duckdb").exists()


def test_outputs_inside_an_input_folder_are_refused(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.jsonl").write_bytes((EXAMPLES / "stories.jsonl").read_bytes())
    res = runner.invoke(app, ["code", str(folder), "--out", str(folder / "o.jsonl"), "--no-db"])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"Error: [T509] --out {folder / 'o.jsonl'} is inside the input folder {folder}, which "
        "would read it as stories (give an output file outside the input folders)")
    res = runner.invoke(app, ["code", str(folder), "--db", str(folder / "t.duckdb")])
    assert res.exit_code == 1 and "[T509] --db" in res.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["s.jsonl"]


def test_code_into_a_damaged_store_is_one_error_line(coded, tmp_path):
    # issue 13: a truncated store gave a traceback
    data = coded[1].read_bytes()
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(data[:len(data) // 2])
    for args in (["code", str(EXAMPLES / "stories.jsonl"), "--db", str(cut)], ["recode", "--db", str(cut), "--all"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, (args, res.output)
        assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit), res.exception
        (line,) = res.stderr.strip().splitlines()
        assert line.startswith(f"Error: [T409] the event store {cut} is damaged: "), line


# ------------------------------------------------------------ issue 13: tracebacks (bug 9)

def test_closed_stdin_is_one_skip_not_a_traceback(tmp_path):
    proc = subprocess.run(["bash", "-c", f"{sys.executable} -m tidings.cli code - --no-db --out o.jsonl <&-"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr.split("skipped")[0]
    assert proc.stderr.splitlines()[0] == "skipped <stdin>: standard input is closed, so there is nothing to read"
    assert "stories read: 0" in proc.stderr


@pytest.mark.parametrize("name", ["bin.yaml", "bin.csv", "bin.actors.txt", "scalar.yaml", "shape.yaml"])
def test_actors_file_that_is_not_a_dictionary_is_one_error_line(tmp_path, name):
    p = tmp_path / name
    if name.startswith("bin"):
        p.write_bytes(bytes(range(256)) * 4)
    elif name == "scalar.yaml":
        p.write_text("just a sentence\n")
    else:
        p.write_text("igos: 5\n")
    res = runner.invoke(app, ["code", str(EXAMPLES / "stories.jsonl"), "--no-db", "--out", str(tmp_path / "o.jsonl"),
                              "--actors", str(p)])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith(f"Error: [T301] {p}: "), line
    assert not (tmp_path / "o.jsonl").exists() or (tmp_path / "o.jsonl").stat().st_size == 0


def test_second_ctrl_c_while_closing_keeps_the_count(tmp_path, monkeypatch):
    # issue 13, bug 10: a second Ctrl-C after the first chunk's commit (while the store
    # closes) reported "0 stories coded" though the chunk was stored
    import os

    from tidings.store import Store

    lines = (EXAMPLES / "stories.jsonl").read_text().splitlines()
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({**json.loads(line), "id": f"{json.loads(line)['id']}-{k}"}) + "\n"
                           for k in range(5) for line in lines))
    save, close = Store.save_stories, Store.close

    def save_then_ctrl_c(self, *a, **kw):
        result = save(self, *a, **kw)
        os.kill(os.getpid(), signal.SIGINT)          # first Ctrl-C: during the commit
        return result

    def ctrl_c_while_closing(self):
        if self._con is not None:
            os.kill(os.getpid(), signal.SIGINT)      # second Ctrl-C: while closing
        close(self)

    monkeypatch.setattr(Store, "save_stories", save_then_ctrl_c)
    monkeypatch.setattr(Store, "close", ctrl_c_while_closing)
    db = tmp_path / "t.duckdb"
    # Python's own SIGINT handler, whatever an earlier test in the session left behind
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    finally:
        signal.signal(signal.SIGINT, old)
    assert res.exit_code == 130, res.output
    assert res.stderr.startswith(f"Interrupted: 32 stories coded, stored in {db}"), res.stderr
    monkeypatch.undo()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from stories").fetchone()[0] == 32
    con.close()


# ------------------------------------------------------------------ issue 13: nits (bug 12)

def test_no_pub_date_warning_counts_only_coded_stories(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kenya condemned the attack on the embassy in Nairobi on Monday.")
    (folder / "b.txt").write_text("Die Regierung in Berlin verurteilte am Montag den Angriff auf die "
                                  "Botschaft und rief die Parteien zur Ruhe auf.")   # German: skipped
    (folder / "c.txt").write_text("x" * 50)                                           # too long: skipped
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["code", str(folder), "--db", str(db), "--max-story-chars", "40"])
    assert res.exit_code == 0, res.output
    assert "coded: 0" in res.stderr and "skipped: 3" in res.stderr      # a.txt is too long as well
    assert "had no publication date" not in res.stderr
    res = runner.invoke(app, ["code", str(folder), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "coded: 2" in res.stderr and "skipped: 1 (0 unreadable records + 1 of the stories read; by reason: T110 language: 1)" in res.stderr
    # which ones: a fresh-user trial (fourteenth round) could not tell
    assert "warning 2 stories ('a', 'c') had no publication date" in res.stderr


# ------------------------------------------------------------ a new user's summary bugs

GOOD = '{"id": "%s", "text": "Kenyan police arrested 12 protesters in Nairobi on Monday.", "pub_date": "2024-12-20"}\n'


def _flat(text: str) -> str:
    return " ".join(text.split())  # rich may wrap long lines


def test_skips_past_20_say_where_they_are_kept(tmp_path):
    p = tmp_path / "many.jsonl"
    p.write_text("{bad\n" * 22 + GOOD % "ok", encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert res.output.count("skipped many.jsonl:") == 20
    # no store with --no-db: there is no failures table to point to
    assert "failures table" not in res.output
    assert ("... and 2 more skipped (not listed here, and not kept without a store; "
            "they are counted by reason below)") in _flat(res.output)
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["code", str(p), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"... and 2 more skipped (all are in the failures table of {db.resolve()})" in _flat(res.output)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from failures").fetchone()[0] == 22
    con.close()


def test_summary_counts_add_up_and_name_what_they_count(tmp_path):
    # 6 records: 3 coded (one without an id, named s-4), a duplicate id (read, then
    # skipped), 2 lines that are no story
    p = tmp_path / "s.jsonl"
    p.write_text(GOOD % "a" + "{broken\n" + GOOD % "b" + '{"text": "no id"}\n' + GOOD % "a" + "[1]\n",
                 encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert ("records: 6 stories read: 4 coded: 3 unchanged: 0 skipped: 3 (2 unreadable records + "
            "1 of the stories read; by reason: T101 read: 1, T107 read: 1, T108 read: 1)"
            ) in _flat(res.output)
    assert "events: 2 (in 2 stories)" in res.output


def test_one_story_is_singular(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text(GOOD % "a" + "{broken\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 0, res.output
    assert "events: 1 (in 1 story)" in res.output and "1 stories" not in res.output
    assert "skipped: 1 (1 unreadable record + 0 of the stories read; by reason: T101 read: 1)" in _flat(res.output)


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_empty_input_says_no_stories_were_found(tmp_path, kind):
    p = tmp_path / "in"
    if kind == "file":
        p = tmp_path / "empty.jsonl"
        p.write_text("", encoding="utf-8")
    else:
        p.mkdir()
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["code", str(p), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert (f"warning no stories found in {p}: the input holds no records, so nothing was coded"
            in _flat(res.output))
    assert not db.exists()  # nothing read, so no empty store either
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl"), "--quiet"])
    assert res.exit_code == 0 and _flat(res.output) == (
        f"warning no stories found in {p}: the input holds no records, so nothing was coded")


def test_quiet_still_lists_what_it_skipped(tmp_path):
    # --quiet hid every skip report: a run that coded one record of three said nothing
    p = tmp_path / "q.jsonl"
    p.write_text('{"id": "a", "text": "Kenya thanked Japan for its aid.", "pub_date": "2025-03-04"}\n'
                 '{broken\n'
                 '{"id": "b", "text": "", "pub_date": "2025-03-04"}\n', encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--no-db", "--out", str(tmp_path / "o.jsonl"), "-q"])
    assert res.exit_code == 0, res.output
    lines = _flat(res.output).split("skipped ")
    assert [x.split(":")[0] + ":" + x.split(":")[1] for x in lines[1:]] == ["q.jsonl:2", "q.jsonl:3"]
    assert "records:" not in res.output and "events:" not in res.output   # no summary


def test_an_option_below_its_range_is_a_one_line_error(tmp_path):
    # Typer's own range check printed a usage box and exited 2; the README promises
    # one line, "Error: [CODE] message", and exit status 1
    from typer.testing import CliRunner

    from tidings.cli import app

    story = tmp_path / "s.jsonl"
    story.write_text('{"id": "a", "text": "Iran attacked Iraq."}\n', encoding="utf-8")
    for opt, val in (("--processes", "0"), ("--batch-size", "0"), ("--max-story-chars", "-5"),
                     ("--story-timeout", "-1")):
        res = CliRunner().invoke(app, ["code", str(story), "--no-db", "--out", str(tmp_path / "o.jsonl"), opt, val])
        assert res.exit_code == 1, (opt, res.output)
        assert f"[T501] {opt}:" in res.output


def test_code_with_no_input_that_exists_leaves_the_outputs_alone(tmp_path):
    # a fresh-user trial: a mistyped input path emptied the events file of an earlier run
    out, db = tmp_path / "events.jsonl", tmp_path / "events.duckdb"
    out.write_text('{"event_id": "kept"}\n', encoding="utf-8")
    res = runner.invoke(app, ["code", str(tmp_path / "stroies.jsonl"), "--out", str(out), "--db", str(db)])
    assert res.exit_code == 1 and "T104" in res.output and "stroies.jsonl: no such file" in res.output
    assert out.read_text(encoding="utf-8") == '{"event_id": "kept"}\n' and not db.exists()
    # one input that exists among missing ones: coded, the missing one reported
    real = tmp_path / "k.txt"
    real.write_text("Kenyan police arrested 20 protesters in Nairobi on Monday.", encoding="utf-8")
    res = runner.invoke(app, ["code", str(tmp_path / "stroies.jsonl"), str(real), "--out", str(out), "--no-db"])
    assert res.exit_code == 0 and '"event_type": "COERCE"' in out.read_text(encoding="utf-8")


def test_text_on_stdin_that_is_no_utf8_is_a_skip_or_read_with_its_encoding(tmp_path):
    # a fresh-user trial (fourteenth round): Latin-1 bytes piped in ended in a traceback
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested in Paris on Monday.\n".encode("latin-1"))
    run = lambda extra: subprocess.run(  # noqa: E731
        ["bash", "-c", f"{sys.executable} -m tidings.cli code - --no-db --out o.jsonl {extra} < latin1.txt"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    proc = run("")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "T105" in proc.stderr and "stories read: 0" in proc.stderr
    proc = run("--encoding latin-1")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    (ev,) = read_jsonl(tmp_path / "o.jsonl")
    assert ev["event_type"] == "PROTEST" and ev["sentence"].startswith("Caf\u00e9 owners")


def test_square_brackets_in_ids_texts_and_names_are_printed_as_written(tmp_path):
    # a fresh-user trial: rich read "[/caption]" in a stored sentence, and "x[/b]" in an
    # id, as markup: the events table and the run's summary crashed, and names lost words
    src = tmp_path / "ids[x].jsonl"
    src.write_text(json.dumps({"id": "x[/b]", "pub_date": "2025-01-10",
                               "text": "Police arrested ten [/caption] protesters in Lagos on Monday."}) + "\n"
                   + json.dumps({"id": "x[/b]", "pub_date": "2025-01-10", "text": "The same id again."}) + "\n")
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["code", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "ids[x].jsonl" in res.stderr and "'x[/b]'" in res.stderr, res.stderr
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 0, res.output
    flat = re.sub(r"[\s\u2502]+", "", res.output)  # the evidence column folds long cells
    assert "[/caption]" in flat and "1 event\n" in res.output


def test_exit_status_fails_a_broken_input_not_a_story_skipped_by_a_limit(tmp_path):
    """docs/bad-input.md, "Exit status": exit 1 only when no story at all could be read;
    a story read and then skipped for its language (or size) is a deliberate limit, 0."""
    foreign = tmp_path / "de.jsonl"
    foreign.write_text(json.dumps({"id": "de", "pub_date": "2025-02-11", "text":
        "Die Regierung hat am Dienstag den Botschafter des Nachbarlandes einbestellt."},
        ensure_ascii=False) + "\n", encoding="utf-8")
    broken = tmp_path / "bad.jsonl"
    broken.write_bytes(b'{"id": "b", "pub_date": "2025-02-11", "text": "Troops entered '
                       b'Mos\xe9ul."}\n')
    res = runner.invoke(app, ["code", str(foreign), "--no-db", "--out", str(tmp_path / "a.jsonl")])
    assert res.exit_code == 0 and "T110" in res.output, res.output
    res = runner.invoke(app, ["code", str(broken), "--no-db", "--out", str(tmp_path / "b.jsonl")])
    assert res.exit_code == 1 and "T105" in res.output, res.output
    res = runner.invoke(app, ["code", str(broken), str(foreign), "--no-db",
                              "--out", str(tmp_path / "c.jsonl")])
    assert res.exit_code == 0, res.output        # a story was read


def test_eval_table_names_its_unit_documents_for_a_gold_file_sentences_for_the_corpus(tmp_path, monkeypatch):
    """A gold file is scored record by record ("documents"); a corpus split sentence by
    sentence, so its table says "sentences" (a fresh user read "795 documents" for the
    dev split's 795 sentences; twenty-fourth round)."""
    import tidings.evaluate as evaluate_mod

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Russia attacked Ukraine on Monday.", "pub_date": "2024-01-03",
                                "events": [{"event_type": "ASSAULT"}]}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a short name: rich wraps the title to the table's width
    res = runner.invoke(app, ["eval", "g.jsonl"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "g.jsonl: 1 documents" in res.stdout
    sc = evaluate_mod.evaluate_file(gold)  # the same scores, handed back as if from the corpus
    monkeypatch.setattr(evaluate_mod, "evaluate_corpus", lambda split: {"all": sc})
    res = runner.invoke(app, ["eval", "corpus:dev"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "corpus:dev: 1 sentences" in res.stdout and "documents" not in res.stdout
