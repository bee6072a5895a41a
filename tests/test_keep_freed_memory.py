"""tidings.analyse.keep_freed_memory (issue 20, fourth round): the C allocator keeps the
memory the networks free, so the next batch's arrays are not faulted in again."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")

#: Allocates and frees, 20 times, three arrays of 24 MB together (the size of a batch's
#: layer outputs) and prints whether the settings were applied and the page faults of
#: the loop.
_LOOP = """
import resource, sys
import numpy as np
from tidings.analyse import keep_freed_memory
applied = keep_freed_memory() if sys.argv[1] == "keep" else False
x = np.ones(6_000_000, dtype=np.float32)  # 24 MB: first use, faulted in either way
del x
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    x = [np.ones(6_000_000, dtype=np.float32) for _ in range(3)]
    del x
print(applied, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _run(mode: str, **env: str) -> tuple[str, int]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    r = subprocess.run([sys.executable, "-c", _LOOP, mode], capture_output=True,
                       text=True, env={**clean, **env}, timeout=120)
    assert r.returncode == 0, r.stderr
    applied, faults = r.stdout.split()
    return applied, int(faults)


def test_freed_arrays_are_reused_instead_of_faulted_in_again() -> None:
    applied, kept = _run("keep")
    if applied != "True":
        pytest.skip("not glibc")
    _, plain = _run("plain")
    # with glibc's own settings part of the freed memory goes back to the kernel each
    # time (about 1,000 pages faulted in again per round here, 20,000 in all); kept,
    # only the first round's arrays are faulted in
    assert plain > 10_000
    assert kept < 2_000
    assert kept * 5 < plain


def test_a_users_own_malloc_setting_is_left_alone() -> None:
    applied, _ = _run("keep", MALLOC_ARENA_MAX="2")
    assert applied == "False"
