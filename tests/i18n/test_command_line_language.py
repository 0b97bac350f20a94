"""The command line speaks the chosen language: in the pseudo-language every sentence of its
output, its help and its errors comes out marked, and only what a person types stays as it is
(options, their values, column names), plus the data's own names."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pseudo import untranslated

from workbook import paths, schema, settings

#: What a person types, shown as it is typed in every language.
TYPED = re.compile(
    r"--?[\w-]+"  # options
    r"|\b[A-Z][A-Z_]+\b"  # metavars (FILE, PREVIOUS_FILE)
    r"|\{[^}]*\}"  # choices ({revenue,gross_profit,blend})
    r"|\b\w+=\w*"  # key=value
)
VALUES = {
    *schema.NAMES,
    *settings.METRICS,
    *settings.METHODS,
    *settings.ALLOCATIONS,
    "none",
    "all",
    *("check", "tiers", "plan", "report", "sample", "app", "lab"),  # the sub-commands
    "tcp",  # tcp://HOST:PORT
    "workbook",  # python -m workbook
    "python",
}


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "--language", "qps", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["check", "--help"],
        ["tiers", "--help"],
        ["plan", "--help"],
        ["report", "--help"],
        ["app", "--help"],
        ["check", str(paths.SAMPLE_ACCOUNTS)],
        ["tiers", str(paths.SAMPLE_ACCOUNTS)],
        ["plan", str(paths.SAMPLE_ACCOUNTS)],
        ["tiers", str(paths.SAMPLE_ACCOUNTS), "--a", "2"],
        ["tiers", "no-such-file.csv"],
        ["tiers", str(paths.SAMPLE_ACCOUNTS), "--owner", "Nobody Here"],
        ["plan", str(paths.SAMPLE_ACCOUNTS), "--hours-per-week", "200"],
        ["tiers", str(paths.SAMPLE_ACCOUNTS), "--no-such-option"],
    ],
    ids=" ".join,
)
def test_every_sentence_of_the_command_line_is_translated(args):
    output = run(*args)
    assert output.strip()
    left = untranslated(TYPED.sub(" ", output), [*VALUES, *args, "Nobody", "Here"])
    assert not left, f"English left in {args}: {sorted(set(left))}\n{output}"


def test_the_norwegian_command_line_speaks_norwegian():
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "--language", "nb", "tiers", str(paths.SAMPLE_ACCOUNTS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Kundegruppene for de 250 kundene" in done.stdout
    assert "41 904 647" in done.stdout.replace("\u00a0", " ")  # Norwegian thousands
