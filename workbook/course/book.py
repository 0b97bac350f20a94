"""Your book of accounts in one step: the file read, one salesperson's accounts chosen, tiered.

Every guided notebook starts the same way; this is that start, so each notebook stays a few
calls and every notebook tiers the accounts exactly as the others do.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook import formatting as fmt
from workbook import paths
from workbook.analysis.concentration import Concentration, concentration
from workbook.analysis.periods import PeriodComparison, compare_periods
from workbook.analysis.ranking import unknown_pins
from workbook.analysis.tiers import assign_tiers, tier_summary
from workbook.errors import AccountDataError
from workbook.i18n import _, ngettext
from workbook.loading import LoadResult, load
from workbook.selection import owners, select_owner
from workbook.settings import Pin, TierSettings


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
    left_out_pins : tuple of Pin
        Pins that were left out because their account is not in the file (only when
        ``read_book`` was asked to leave them out rather than refuse them).
    """

    loaded: LoadResult
    owner: str
    accounts: pd.DataFrame
    tiers: TierSettings
    tiered: pd.DataFrame
    summary: pd.DataFrame
    figures: Concentration
    is_sample: bool = False
    left_out_pins: tuple[Pin, ...] = ()

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
    leave_out_unknown_pins: bool = False,
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
    leave_out_unknown_pins : bool, default False
        A pin whose account is not in the file is an error; with True it is left out instead
        (``Book.left_out_pins`` lists it), e.g. for pins kept from another file. Pins are
        checked against every account of the file; the chosen salesperson's are kept.
    **choices
        ``metric``, ``method``, ``a``, ``b``, ``c``, ``pins`` changing ``tiers`` (see
        ``TierSettings``).

    Returns
    -------
    Book

    Raises
    ------
    AccountDataError
        The file cannot be used, the owner has no accounts in it, or a pin names an account
        that is not in the file (every problem listed).
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
    accounts = select_owner(loaded.accounts, owner)
    chosen, left_out = pins_for_accounts(
        chosen, accounts, every_account=loaded.accounts, leave_out_unknown=leave_out_unknown_pins
    )
    book = tiered_book(loaded, accounts, chosen, owner=(owner or "").strip(), is_sample=is_sample)
    return dataclasses.replace(book, left_out_pins=left_out) if left_out else book


def pins_for_accounts(
    tiers: TierSettings,
    accounts: pd.DataFrame,
    *,
    every_account: pd.DataFrame | None = None,
    leave_out_unknown: bool = False,
) -> tuple[TierSettings, tuple[Pin, ...]]:
    """Return the settings with the pins of ``accounts``, and the pins left out.

    Parameters
    ----------
    tiers : TierSettings
        The settings, with their pins.
    accounts : DataFrame
        The accounts to tier (e.g. one salesperson's).
    every_account : DataFrame, optional
        Every account the pins may name (e.g. the whole file; default ``accounts``). A pin
        naming none of them is an error, unless ``leave_out_unknown``.
    leave_out_unknown : bool, default False
        Leave out a pin naming an account outside ``every_account`` instead of refusing it.

    Returns
    -------
    (TierSettings, tuple of Pin)
        The settings keeping the pins of ``accounts``; the pins whose account is not among
        ``every_account`` (left out). Pins of other accounts of ``every_account`` (another
        salesperson's) are simply not used.

    Raises
    ------
    AccountDataError
        A pin names an account that is not among ``every_account`` (without
        ``leave_out_unknown``).

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> tiers = TierSettings(pins=[("001", "B", "shrinking"), ("0X9", "A", "typo")])
    >>> pins_for_accounts(tiers, accounts.iloc[:2], every_account=accounts,
    ...                   leave_out_unknown=True)[1]
    (Pin(account_id='0X9', tier='A', reason='typo'),)
    """
    if not tiers.pins:
        return tiers, ()
    every_account = accounts if every_account is None else every_account
    problems = unknown_pins(tiers.pins, every_account["account_id"])
    if problems and not leave_out_unknown:
        raise AccountDataError(problems)
    unknown = {problem.value for problem in problems}
    left_out = tuple(pin for pin in tiers.pins if pin.account_id in unknown)
    return tiers.pins_for(accounts["account_id"]), left_out


def previous_period(
    loaded: LoadResult, previous_path: str | Path = "", *, owner: str = ""
) -> tuple[pd.DataFrame | None, str]:
    """Return last period's accounts and what to call them: ``previous_path``'s, else the
    previous 12 months of ``loaded``'s order lines, else ``(None, "")``.

    With ``owner``, only that salesperson's accounts of last period count (none is no error:
    then every account of theirs is new).

    Raises
    ------
    AccountDataError
        ``previous_path`` cannot be used.
    FileNotFoundError
        ``previous_path`` is not there.
    """
    from workbook.selection import select_owner_or_none

    path = str(previous_path or "").strip()
    if path:
        before = load(Path(path).expanduser())
        previous, name = before.accounts, before.file
    elif loaded.previous is not None:
        previous, name = loaded.previous, fmt.period(*loaded.previous_period)
    else:
        return None, ""
    return select_owner_or_none(previous, owner or None), name


def since_last_period(
    loaded: LoadResult,
    tiers: TierSettings,
    *,
    previous_path: str | Path = "",
    owner: str = "",
) -> PeriodComparison | None:
    """Return what changed since last period (see ``previous_period``), or None when there is
    no last period to compare with.

    Both periods are tiered with ``tiers``, pins included (see ``compare_periods``); the pins
    must be those of ``loaded``'s accounts (see ``pins_for_accounts``).

    Examples
    --------
    >>> from workbook import paths
    >>> change = since_last_period(load(paths.SAMPLE_ORDERS_NB), TierSettings())
    >>> change.previous_name, change.bridge.current
    ('1 Nov 2024 – 31 Oct 2025', 60213350.83)
    >>> since_last_period(load(paths.SAMPLE_ACCOUNTS), TierSettings()) is None
    True
    """
    previous, name = previous_period(loaded, previous_path, owner=owner)
    if previous is None:
        return None
    return compare_periods(
        loaded.accounts, previous, tiers, current_name=loaded.file, previous_name=name
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
