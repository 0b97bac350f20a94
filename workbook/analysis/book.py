"""Your book of accounts in one step: the file read, one salesperson's accounts chosen, tiered.

Every guided notebook starts the same way; this is that start, so each notebook stays a few
calls and every notebook tiers the accounts exactly as the others do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook import paths
from workbook.analysis.concentration import Concentration, concentration
from workbook.analysis.thresholds import Thresholds, check_thresholds
from workbook.analysis.tiers import assign_tiers, tier_summary
from workbook.loading import LoadResult, load
from workbook.selection import owners, select_owner


@dataclass(frozen=True, eq=False)
class Book:
    """One salesperson's accounts (or a whole file's), tiered, with how the file was read.

    Attributes
    ----------
    loaded : LoadResult
        The file as read: every account in it, the columns found, warnings, dropped rows.
    owner : str
        The salesperson chosen ("" for everyone in the file).
    accounts : pandas.DataFrame
        The chosen accounts (canonical columns).
    tiered : pandas.DataFrame
        The same with ``rank`` and ``tier`` (see ``assign_tiers``).
    summary : pandas.DataFrame
        The per-tier summary (see ``tier_summary``).
    figures : Concentration
        How concentrated the chosen metric is.
    metric : str
        What the accounts are ranked by.
    thresholds : Thresholds
        The tier method and its thresholds, defaults filled in.
    is_sample : bool
        Whether the file is the workbook's sample.
    """

    loaded: LoadResult
    owner: str
    accounts: pd.DataFrame
    tiered: pd.DataFrame
    summary: pd.DataFrame
    figures: Concentration
    metric: str
    thresholds: Thresholds
    is_sample: bool = False

    @property
    def owners(self) -> list[str]:
        """The salespeople whose accounts are in the book."""
        return owners(self.accounts)

    @property
    def salesperson(self) -> str:
        """The one salesperson whose accounts these are, spelt as in the file ("" if not one)."""
        names = self.owners
        return names[0] if len(names) == 1 else ""

    def with_tiers(
        self,
        *,
        metric: str | None = None,
        method: str | None = None,
        a: float | None = None,
        b: float | None = None,
        c: float | None = None,
    ) -> Book:
        """Return the same accounts tiered another way (unset thresholds: the method's default).

        Examples
        --------
        >>> book = read_book(("kunder.csv", EXAMPLE_CSV))
        >>> book.with_tiers(method="value_share").summary["accounts"].tolist()
        [3, 2, 0]
        """
        return _tiered_book(
            self.loaded,
            self.accounts,
            owner=self.owner,
            metric=metric or self.metric,
            method=method or self.thresholds.method,
            a=a,
            b=b,
            c=c,
            is_sample=self.is_sample,
        )


def read_book(
    source: str | Path | tuple[str, bytes] = "",
    *,
    owner: str = "",
    metric: str = "revenue",
    method: str = "account_share",
    a: float | None = None,
    b: float | None = None,
    c: float | None = None,
) -> Book:
    """Read a file, choose one salesperson's accounts and tier them, as every notebook starts.

    Parameters
    ----------
    source : str, Path or (name, bytes), default ""
        The accounts or order-lines file; empty (or "sample") reads the sample accounts.
    owner : str, default ""
        One salesperson's accounts (matched ignoring case); empty: every account in the file.
    metric : str, default "revenue"
        Rank by ``"revenue"``, ``"gross_profit"`` or ``"blend"``.
    method : str, default "account_share"
        ``"account_share"`` (the 80/20 rule) or ``"value_share"`` (classic ABC).
    a, b, c : float, optional
        The thresholds; None takes the method's default.

    Returns
    -------
    Book

    Raises
    ------
    AccountDataError
        The file cannot be used, or the owner has no accounts in it (every problem listed).
    ValueError
        An unknown metric or method, or a threshold out of range.

    Examples
    --------
    >>> book = read_book(("kunder.csv", EXAMPLE_CSV), owner="kari")
    >>> book.tiered[["account", "revenue", "tier"]]
              account  revenue tier
    0  Fjordbakeri AS  94000.0    A
    1   Nordhotell AS  80000.0    B
    2     Solkafé ANS  66000.0    B
    3     Bergbygg AS  33000.0    C
    >>> book.summary["accounts"].tolist(), round(book.figures.top20_share, 3)
    ([1, 2, 1], 0.344)
    >>> read_book(("kunder.csv", EXAMPLE_CSV), owner="Ola")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in the data:
      owner: "Ola" has no accounts (the owners are: Kari, Per)
    """
    check_thresholds(method, a=a, b=b, c=c)  # a wrong setting is said before the file is read
    is_sample = not isinstance(source, tuple) and str(source).strip() in {"", "sample"}
    if not isinstance(source, tuple):
        source = paths.resolve_accounts_path(source)
    loaded = load(source)
    chosen = select_owner(loaded.accounts, owner)
    return _tiered_book(
        loaded,
        chosen,
        owner=(owner or "").strip(),
        metric=metric,
        method=method,
        a=a,
        b=b,
        c=c,
        is_sample=is_sample,
    )


def _tiered_book(
    loaded: LoadResult,
    accounts: pd.DataFrame,
    *,
    owner: str,
    metric: str,
    method: str,
    a,
    b,
    c,
    is_sample: bool,
) -> Book:
    thresholds = check_thresholds(method, a=a, b=b, c=c)
    tiered = assign_tiers(accounts, metric=metric, method=method, a=a, b=b, c=c)
    return Book(
        loaded=loaded,
        owner=owner,
        accounts=accounts,
        tiered=tiered,
        summary=tier_summary(tiered),
        figures=concentration(accounts, metric=metric),
        metric=metric,
        thresholds=thresholds,
        is_sample=is_sample,
    )


#: Five accounts of two salespeople, for the examples (revenue as in the qcc Pareto example).
EXAMPLE_CSV = (
    "Kundenr;Kunde;Omsetning;Selger\n"
    "001;Fjordbakeri AS;94 000;Kari\n002;Nordhotell AS;80 000;Kari\n"
    "003;Solkafé ANS;66 000;Kari\n004;Bergbygg AS;33 000;Kari\n005;Vikrør DA;27 000;Per\n"
).encode()
