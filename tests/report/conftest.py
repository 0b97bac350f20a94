"""Team files for the report tests, cut from the sample team so each run stays small."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_files import OWNERS, team_rows


@pytest.fixture(scope="session")
def small_team(tmp_path_factory) -> Path:
    """A team file with two owners of the sample team."""
    path = tmp_path_factory.mktemp("teams") / "small_team.csv"
    team_rows(OWNERS).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def broken_team(tmp_path_factory) -> tuple[Path, list[int]]:
    """A team file where Ola Dahl's revenue is not a number in two rows; returns the file and
    those rows as a spreadsheet shows them (the header is row 1)."""
    rows = team_rows(OWNERS)
    broken = rows.index[rows["owner"] == "Ola Dahl"][[3, 10]]
    rows.loc[broken, "revenue"] = ["12,5 %", "n/a"]
    path = tmp_path_factory.mktemp("teams") / "broken_team.csv"
    rows.to_csv(path, index=False)
    return path, [int(i) + 2 for i in broken]
