"""Choosing whose accounts to look at: one salesperson's rows out of a team export."""

from __future__ import annotations

import pandas as pd

from workbook.errors import AccountDataError, Problem


def owners(accounts: pd.DataFrame) -> list[str]:
    """Return the salespeople in the ``owner`` column, sorted, without blanks.

    Examples
    --------
    >>> owners(pd.DataFrame({"owner": ["Bo", "Ann", "Bo", None]}))
    ['Ann', 'Bo']
    """
    if "owner" not in accounts.columns:
        return []
    names = accounts["owner"].dropna().astype(str).str.strip()
    return sorted(set(names[names != ""]))


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
      owner: "Cy" has no accounts (the owners are: Ann, Bo, ann)
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
    wanted = str(owner).strip().casefold()
    chosen = accounts["owner"].astype(str).str.strip().str.casefold() == wanted
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
