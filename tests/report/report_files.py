"""Team files, the command line and processes for the report tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from workbook import paths

#: Two salespeople of the sample team keep a report run short (two reports and the overview).
OWNERS = ["Ingrid Berg", "Ola Dahl"]


def team_rows(owners: list[str]) -> pd.DataFrame:
    """Return the sample team's rows of ``owners``, every cell as the text the file has."""
    team = pd.read_csv(paths.SAMPLE_TEAM, dtype=str, keep_default_na=False)
    return team[team["owner"].isin(owners)].reset_index(drop=True)


def workbook_cli(*args: str | Path) -> subprocess.CompletedProcess:
    """Run ``python -m workbook`` as a person would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "workbook", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=900,
    )


def alive(pid: int) -> bool:
    """Return whether a process (a kernel, a Dask worker) still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
