"""Whose reports to write: the owners of a team file, found before any row is checked, and the
team's accounts loaded owner by owner, so one salesperson's bad rows leave the others' intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbook import paths
from workbook.errors import AccountDataError, Problem
from workbook.selection import distinct_owners


def team_path(accounts_path: str | Path | None) -> Path:
    """Return the team file a team notebook should load: the user's, or the sample team.

    Examples
    --------
    >>> team_path("") == paths.SAMPLE_TEAM, team_path("crm/team.xlsx").name
    (True, 'team.xlsx')
    """
    if accounts_path is None or str(accounts_path).strip() in {"", "sample"}:
        return paths.SAMPLE_TEAM
    return paths.resolve_accounts_path(accounts_path)


def owners_in_file(source) -> list[str]:
    """Return the owners of a file, read from its owner column before the rows are validated.

    Parameters
    ----------
    source : str, Path or (name, bytes)
        The accounts or order-lines file.

    Returns
    -------
    list of str
        See :func:`workbook.selection.distinct_owners`.

    Raises
    ------
    AccountDataError
        The file cannot be read, its columns cannot be told apart, or it has no owner column
        or no owner in it.

    Examples
    --------
    >>> csv = b"Kunde;Omsetning;Selger\\nFjord AS;1200;Kari\\nBerg AS;x;Per\\nLys AS;150;kari\\n"
    >>> owners_in_file(("team.csv", csv))
    ['Kari', 'Per']
    """
    from workbook.loading.headers import map_columns
    from workbook.loading.source import read_source
    from workbook.loading.tables import read_table

    src = read_source(source)
    raw = read_table(src)
    found = map_columns(raw.headers, file=src.name, letters=raw.letters)
    if found.problems:
        raise AccountDataError(found.problems, file=src.name)
    if "owner" not in found.index:
        raise AccountDataError(
            Problem(
                "has no owner column (who is responsible for each account): one report per owner "
                "needs one",
                file=src.name,
                code="no_owner",
            ),
            file=src.name,
        )
    names = distinct_owners(raw.columns[found.index["owner"]].to_pylist())
    if not names:
        raise AccountDataError(
            Problem(
                "the owner column is blank in every row",
                column="owner",
                file=src.name,
                code="no_owner",
            ),
            file=src.name,
        )
    return names


@dataclass(frozen=True)
class Team:
    """A team's accounts, loaded owner by owner (see :func:`load_team`).

    ``accounts`` holds every owner whose rows could be used; ``left_out`` maps each owner whose
    rows could not to the problems found, as the loader words them.
    """

    accounts: pd.DataFrame
    owners: list[str]
    left_out: dict[str, str] = field(default_factory=dict)


def load_team(source) -> Team:
    """Load a team file owner by owner; an owner with bad rows is left out, with the reason.

    Parameters
    ----------
    source : str or Path
        The team's accounts or order-lines file.

    Returns
    -------
    Team

    Raises
    ------
    AccountDataError
        No owner's rows can be used (with every owner's problems).
    """
    from workbook.loading import load_accounts

    books, left_out, problems = [], {}, []
    owners = owners_in_file(source)
    for owner in owners:
        try:
            books.append(load_accounts(source, owner=owner))
        except AccountDataError as err:
            left_out[owner] = str(err)
            problems += err.problems
    if not books:
        raise AccountDataError(problems)
    return Team(pd.concat(books, ignore_index=True), owners, left_out)
