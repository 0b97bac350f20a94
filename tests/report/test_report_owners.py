"""Whose reports to write is read from the owner column before any row is checked, and a team
is loaded owner by owner, so one salesperson's bad rows leave the others' intact."""

from __future__ import annotations

import pytest

from workbook import paths
from workbook.errors import AccountDataError
from workbook.report.owners import load_team, owners_in_file, team_path
from workbook.selection import owners


def test_the_owners_of_the_sample_team(small_team):
    import workbook

    assert owners_in_file(paths.SAMPLE_TEAM) == owners(workbook.load_accounts(paths.SAMPLE_TEAM))
    assert owners_in_file(small_team) == ["Ingrid Berg", "Ola Dahl"]


def test_owners_are_found_even_when_some_rows_are_broken(broken_team):
    path, _ = broken_team
    with pytest.raises(AccountDataError):
        import workbook

        workbook.load_accounts(path)
    assert owners_in_file(path) == ["Ingrid Berg", "Ola Dahl"]


def test_a_file_without_owners_cannot_be_reported_by_owner(tmp_path):
    path = tmp_path / "kunder.csv"
    path.write_text("Kunde;Omsetning\nFjordbakeri AS;94 000\nNordhotell AS;80 000\n")
    with pytest.raises(AccountDataError, match="has no owner column") as caught:
        owners_in_file(path)
    assert caught.value.problems[0].file == "kunder.csv"
    path.write_text("Kunde;Omsetning;Selger\nFjordbakeri AS;94 000;\nNordhotell AS;80 000;\n")
    with pytest.raises(AccountDataError, match="blank in every row"):
        owners_in_file(path)


def test_the_team_notebook_defaults_to_the_sample_team():
    assert team_path("") == paths.SAMPLE_TEAM
    assert team_path("crm/team.csv").name == "team.csv"


def test_one_owners_bad_rows_leave_that_owner_out_of_the_team(broken_team):
    path, rows = broken_team
    team = load_team(path)
    assert team.owners == ["Ingrid Berg", "Ola Dahl"]
    assert set(team.accounts["owner"]) == {"Ingrid Berg"}
    message = team.left_out["Ola Dahl"]
    assert all(f"row {row}" in message for row in rows)
    assert '"n/a"' in message and "revenue" in message
