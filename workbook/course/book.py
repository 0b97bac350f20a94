"""Your book of accounts in one step: the file read, one salesperson's accounts chosen, tiered.

Every guided notebook starts the same way; this is that start, so each notebook stays a few
calls and every notebook tiers the accounts exactly as the others do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook import formatting as fmt
from workbook import paths
from workbook.analysis.concentration import Concentration, concentration
from workbook.analysis.tiers import assign_tiers, tier_summary
from workbook.i18n import _, ngettext
from workbook.loading import LoadResult, load
from workbook.selection import owners, select_owner
from workbook.settings import TierSettings


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
    tiers : TierSettings
        What the accounts are ranked by and where the tier lines are, defaults filled in.
    tiered : pandas.DataFrame
        The accounts with ``rank`` and ``tier`` (see ``assign_tiers``).
    summary : pandas.DataFrame
        The per-tier summary (see ``tier_summary``).
    figures : Concentration
        How concentrated the ranking metric is.
    is_sample : bool
        Whether the file is the workbook's sample.
    """

    loaded: LoadResult
    owner: str
    accounts: pd.DataFrame
    tiers: TierSettings
    tiered: pd.DataFrame
    summary: pd.DataFrame
    figures: Concentration
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

    def whose(self) -> str:
        """Return whose accounts these are and where they come from, in one sentence.

        Examples
        --------
        >>> print(read_book(("kunder.csv", EXAMPLE_CSV)).whose())
        5 accounts of 2 salespeople (Kari and Per), from kunder.csv. Set owner in the parameters
        cell to look at one of them.
        >>> read_book(("kunder.csv", EXAMPLE_CSV), owner="per").whose()
        "Per's 1 account, from kunder.csv."
        """
        n = len(self.accounts)
        names = self.owners
        source = (_("from the sample file {file}") if self.is_sample else _("from {file}")).format(
            file=self.loaded.file
        )
        if self.salesperson:
            text = ngettext(
                "{owner}'s {n} account, {source}.", "{owner}'s {n} accounts, {source}.", n
            ).format(owner=self.salesperson, n=fmt.number(n), source=source)
        elif len(names) > 1:
            text = _(
                "{n} accounts of {count} salespeople ({names}), {source}. Set owner in the "
                "parameters cell to look at one of them."
            ).format(
                n=fmt.number(n),
                count=fmt.number(len(names)),
                names=fmt.listing(names),
                source=source,
            )
        else:
            text = ngettext("{n} account, {source}.", "{n} accounts, {source}.", n).format(
                n=fmt.number(n), source=source
            )
        if self.loaded.period:
            start, end = (fmt.day(day) for day in self.loaded.period)
            text += " " + _("Order lines from {start} to {end}, added up per customer.").format(
                start=start, end=end
            )
        return text

    def with_tiers(self, tiers: TierSettings | None = None, **choices) -> Book:
        """Return the same accounts tiered another way (a new method starts from its defaults).

        Examples
        --------
        >>> book = read_book(("kunder.csv", EXAMPLE_CSV))
        >>> book.with_tiers(method="value_share").summary["accounts"].tolist()
        [3, 2, 0]
        """
        chosen = TierSettings.of(tiers or self.tiers, **choices)
        return tiered_book(
            self.loaded, self.accounts, chosen, owner=self.owner, is_sample=self.is_sample
        )


def read_book(
    source: str | Path | tuple[str, bytes] = "",
    tiers: TierSettings | None = None,
    *,
    owner: str = "",
    **choices,
) -> Book:
    """Read a file, choose one salesperson's accounts and tier them, as every notebook starts.

    Parameters
    ----------
    source : str, Path or (name, bytes), default ""
        The accounts or order-lines file; empty (or "sample") reads the sample accounts.
    tiers : TierSettings, optional
        How to tier the accounts (default: ``TierSettings()``).
    owner : str, default ""
        One salesperson's accounts (matched ignoring case); empty: every account in the file.
    **choices
        ``metric``, ``method``, ``a``, ``b``, ``c`` changing ``tiers`` (see ``TierSettings``).

    Returns
    -------
    Book

    Raises
    ------
    AccountDataError
        The file cannot be used, or the owner has no accounts in it (every problem listed).
    SettingsError
        An unknown metric or method, or a threshold out of range (said before the file is read).

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
    chosen = TierSettings.of(tiers, **choices)  # a wrong setting is said before the file is read
    is_sample = not isinstance(source, tuple) and str(source).strip() in {"", "sample"}
    if not isinstance(source, tuple):
        source = paths.resolve_accounts_path(source)
    loaded = load(source)
    return tiered_book(
        loaded,
        select_owner(loaded.accounts, owner),
        chosen,
        owner=(owner or "").strip(),
        is_sample=is_sample,
    )


def tiered_book(
    loaded: LoadResult,
    accounts: pd.DataFrame,
    tiers: TierSettings,
    *,
    owner: str = "",
    is_sample: bool = False,
) -> Book:
    """Return the book of ``accounts`` (read as ``loaded``) tiered by ``tiers``."""
    tiered = assign_tiers(accounts, tiers)
    return Book(
        loaded=loaded,
        owner=owner,
        accounts=accounts,
        tiers=tiers,
        tiered=tiered,
        summary=tier_summary(tiered, tiers),
        figures=concentration(accounts, metric=tiers.metric),
        is_sample=is_sample,
    )


#: Five accounts of two salespeople, for the examples (revenue as in the qcc Pareto example).
EXAMPLE_CSV = (
    "Kundenr;Kunde;Omsetning;Selger\n"
    "001;Fjordbakeri AS;94 000;Kari\n002;Nordhotell AS;80 000;Kari\n"
    "003;Solkafé ANS;66 000;Kari\n004;Bergbygg AS;33 000;Kari\n005;Vikrør DA;27 000;Per\n"
).encode()
