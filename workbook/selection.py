"""Choosing whose accounts to look at: one salesperson's rows out of a team export."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from workbook.errors import AccountDataError, Problem


def owner_key(name: object) -> str:
    """Return how owner names are compared: surrounding spaces and case ignored.

    The loader's ``owner=`` compares names the same way (lower case), so a name picked here
    always finds the rows the loader keeps.

    Examples
    --------
    >>> owner_key("  Kari Nordmann ") == owner_key("KARI NORDMANN")
    True
    """
    return str(name).strip().lower()


def distinct_owners(names: Iterable[object]) -> list[str]:
    """Return owner names without blanks, one per person (case and spaces ignored), sorted.

    The first spelling in sorted order stands for the others.

    Examples
    --------
    >>> distinct_owners(["Ola Dahl", "ingrid berg", " Ingrid Berg ", None, "", "Ola Dahl"])
    ['Ingrid Berg', 'Ola Dahl']
    """
    chosen: dict[str, str] = {}
    spellings = sorted({str(n).strip() for n in names if n is not None and not pd.isna(n)} - {""})
    for spelling in spellings:
        chosen.setdefault(owner_key(spelling), spelling)
    return sorted(chosen.values(), key=owner_key)


def owners(accounts: pd.DataFrame) -> list[str]:
    """Return the salespeople of the ``owner`` column (see ``distinct_owners``).

    Examples
    --------
    >>> owners(pd.DataFrame({"owner": ["Bo", "Ann", "bo ", None, " "]}))
    ['Ann', 'Bo']
    """
    return distinct_owners(accounts["owner"]) if "owner" in accounts.columns else []


def select_owner(accounts: pd.DataFrame, owner: str | None) -> pd.DataFrame:
    """Return the accounts of one salesperson (``owner`` empty or None: every account).

    The match ignores case and surrounding spaces. An owner with no accounts is an error that
    lists the owners the file has.

    Examples
    --------
    >>> team = pd.DataFrame({"account": ["X", "Y", "Z"], "owner": ["Ann", "Bo", "ann "]})
    >>> list(select_owner(team, "ANN")["account"])
    ['X', 'Z']
    >>> select_owner(team, "Cy")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in the data:
      owner: "Cy" has no accounts (the owners are: Ann, Bo)
    """
    if owner is None or not str(owner).strip():
        return accounts
    if "owner" not in accounts.columns:
        raise AccountDataError(
            Problem(
                f'cannot pick the accounts of "{owner}": the file has no owner column',
                code="no_owner",
            )
        )
    chosen = accounts["owner"].astype(str).str.strip().str.lower() == owner_key(owner)
    if not chosen.any():
        raise AccountDataError(
            Problem(
                f"has no accounts (the owners are: {', '.join(owners(accounts)) or 'none'})",
                column="owner",
                value=str(owner),
                code="unknown_owner",
            )
        )
    return accounts[chosen.to_numpy()].reset_index(drop=True)


def select_owner_or_none(accounts: pd.DataFrame, owner: str | None) -> pd.DataFrame:
    """Return the accounts of one salesperson, none (an empty table) when they have none.

    For a second look at the same person, e.g. last period's file, where a salesperson new to
    the team has no accounts yet. A file without an owner column is still an error.

    Examples
    --------
    >>> team = pd.DataFrame({"account": ["X", "Y"], "owner": ["Ann", "Bo"]})
    >>> len(select_owner_or_none(team, "Cy")), len(select_owner_or_none(team, "bo"))
    (0, 1)
    """
    try:
        return select_owner(accounts, owner)
    except AccountDataError as error:
        if error.problems[0].code != "unknown_owner":
            raise
        return accounts.iloc[:0]
