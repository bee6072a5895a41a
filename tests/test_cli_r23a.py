"""r23a (a fresh user's remarks on the command line and the README).

- ``tidings code`` with no input printed ``Usage: tidings code [OPTIONS] {inputs}...``
  (Typer's braces for a required argument), which reads as a placeholder left unfilled:
  the usage line and the missing-argument error now name ``INPUTS...`` as Click does.
Stories written for these tests.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()


def _usage(text: str) -> str:
    """The usage line of a help screen or an error, its spaces squeezed."""
    line = next(x for x in text.splitlines() if "Usage:" in x)
    return re.sub(r"\s+", " ", line).strip()


@pytest.mark.parametrize("cmd, usage", [
    ("code", "Usage: tidings code [OPTIONS] INPUTS..."),
    ("eval", "Usage: tidings eval [OPTIONS] GOLD"),
])
def test_usage_names_the_argument_without_braces(cmd: str, usage: str) -> None:
    res = runner.invoke(app, [cmd], prog_name="tidings")    # the input left out
    assert res.exit_code == 2
    assert _usage(res.output) == usage
    assert "{" not in res.output
    name = usage.split()[-1]
    assert f"Missing argument '{name}'." in res.output
    helped = runner.invoke(app, [cmd, "--help"], prog_name="tidings", terminal_width=120)
    assert helped.exit_code == 0 and _usage(helped.stdout) == usage
