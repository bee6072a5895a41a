"""Crash safety of a real run: kill -9 in the middle of coding the VOA stories, run the
same command again, and get exactly the events of an uninterrupted run (issue 6)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import SHARED

VOA = SHARED / "data" / "voa_stories.jsonl"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not VOA.exists(), reason=f"{VOA} not found (shared data folder)")]


def _code(db, timeout=600):
    return subprocess.run([sys.executable, "-m", "tidings.cli", "code", str(VOA), "--db", str(db), "-q"],
                          capture_output=True, text=True, timeout=timeout)


def _ids(db):
    con = duckdb.connect(str(db), read_only=True)
    ids = {r[0] for r in con.execute("select event_id from events").fetchall()}
    stories = con.execute("select count(*) from stories").fetchone()[0]
    con.close()
    return ids, stories


def test_sigkill_mid_run_then_rerun_equals_uninterrupted_run(tmp_path):
    full = tmp_path / "full.duckdb"
    assert _code(full).returncode == 0
    want, n_stories = _ids(full)
    assert n_stories == 89 and want

    crashed = tmp_path / "crashed.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "tidings.cli", "code", str(VOA), "--db", str(crashed), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait until some stories are committed, then kill at a random moment
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        if crashed.exists() and crashed.stat().st_size > 0:
            break
    time.sleep(random.uniform(3.0, 8.0))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial, n_partial = _ids(crashed)
    assert n_partial < n_stories and partial <= want  # only whole, correct stories kept
    assert _code(crashed).returncode == 0
    got, n2 = _ids(crashed)
    assert n2 == n_stories
    assert got == want
