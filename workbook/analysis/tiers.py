"""A/B/C tiers on the accounts table: assign them, sum them up, and see which accounts moved."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.analysis.ranking import PinnedRanks, Ranking, unknown_pins
from workbook.errors import AccountDataError, Problem
from workbook.schema import TIERS
from workbook.settings import TierSettings


def assign_tiers(
    accounts: pd.DataFrame, settings: TierSettings | None = None, **choices
) -> pd.DataFrame:
    """Rank the accounts and sort them into tiers A, B and C.

    Accounts are ranked by the metric, biggest first, ties broken by ``account_id``. Accounts
    whose metric is zero or negative are always C.

    Parameters
    ----------
    accounts : DataFrame
        The canonical accounts table; it is not changed.
    settings : TierSettings, optional
        The metric, method and thresholds (default ``TierSettings()``: the top 20% of accounts
        by revenue are A, the bottom 25% C).
    **choices
        The same as keywords, changing ``settings``: ``metric`` (``"revenue"``,
        ``"gross_profit"`` or ``"blend"``), ``method`` (``"account_share"``: A = the top
        ``ceil(a·n)`` accounts, C = the bottom ``floor(c·n)``, never overlapping A;
        ``"value_share"``: A = the smallest top group whose share of the positive total reaches
        a, B = the next accounts until it reaches b, C the rest, an account landing exactly on a
        is A), ``a``, ``b``, ``c`` (None: the method's default; see ``TierSettings``).

    Returns
    -------
    DataFrame
        A copy of ``accounts``, rows in the same order, with ``rank`` (1 = the biggest) and
        ``tier`` (a Categorical with categories A, B, C) added. With pins in the settings, also
        ``pinned`` (True for a pinned account), ``pin_reason`` (its reason; blank for the
        others) and ``rule_tier`` (the tier the rule alone gives): a pinned account takes its
        pinned tier and keeps its rank, every other account keeps the tier the rule gives it.

    Raises
    ------
    AccountDataError
        No accounts, a missing or unusable metric, no account with a metric above zero, or a
        pin naming an account that is not among ``accounts``.
    SettingsError
        An unknown metric or method, or thresholds out of range.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts().iloc[[3, 0, 4, 1, 2]]  # any row order
    >>> assign_tiers(accounts, method="value_share")  # 31%, 58%, 80% (A), 91%, 100% (B)
      account_id         account  revenue  gross_profit  rank tier
    3        004     Bergbygg AS  33000.0       10000.0     4    B
    0        001  Fjordbakeri AS  94000.0       20000.0     1    A
    4        005       Vikrør DA  27000.0        8000.0     5    B
    1        002   Nordhotell AS  80000.0       30000.0     2    A
    2        003     Solkafé ANS  66000.0       -5000.0     3    A
    >>> assign_tiers(accounts)["tier"].tolist()  # top ceil(0.2·5) = 1, bottom floor(0.25·5) = 1
    ['B', 'A', 'C', 'B', 'B']
    >>> pinned = assign_tiers(accounts, pins=[("005", "A", "reference customer")])
    >>> pinned[["account_id", "tier", "pinned", "pin_reason", "rule_tier"]]
      account_id tier  pinned          pin_reason rule_tier
    3        004    B   False                 NaN         B
    0        001    A   False                 NaN         A
    4        005    A    True  reference customer         C
    1        002    B   False                 NaN         B
    2        003    B   False                 NaN         B
    """
    settings = TierSettings.of(settings, **choices)
    ranking = Ranking(accounts, settings.metric)
    cuts = ranking.cuts(settings)
    pinned = ranking.pin(accounts, settings.pins) if settings.pins else None
    return tiered_from(accounts, ranking, cuts, pinned)


#: The columns ``assign_tiers`` adds for pins (the exports carry the first two).
PIN_COLUMNS: tuple[str, ...] = ("pinned", "pin_reason", "rule_tier")


def tiered_from(
    accounts: pd.DataFrame,
    ranking: Ranking,
    cuts: tuple[int, int],
    pinned: PinnedRanks | None = None,
) -> pd.DataFrame:
    """Return ``accounts`` with ``rank`` and ``tier`` from a ready ranking and its cuts (and the
    pin columns when ``pinned`` is given): what :func:`assign_tiers` and the tier panel share."""
    tiered = accounts.assign(rank=ranking.ranks(), tier=ranking.labels(*cuts, pinned))
    if pinned is None or not len(pinned):
        return tiered
    marked = np.zeros(ranking.n, dtype=bool)
    marked[pinned.rows] = True
    reasons = np.full(ranking.n, np.nan, dtype=object)  # blank for accounts not pinned
    reasons[pinned.rows] = [pin.reason for pin in pinned.pins]
    return tiered.assign(
        pinned=marked,
        pin_reason=reasons,
        rule_tier=ranking.labels(*cuts),
    )


def check_pins(settings: TierSettings, accounts: pd.DataFrame) -> None:
    """Raise AccountDataError naming every pin whose account is not among ``accounts``.

    ``assign_tiers`` checks the pins against the accounts it tiers; this checks them against a
    wider set, e.g. every account of a team's file before one salesperson's are tiered.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> check_pins(TierSettings(pins=[("009", "A", "new key account")]), example_accounts())
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in the data:
      account_id: "009" is pinned to A ("new key account"), but there is no account with that account_id
    """  # noqa: E501
    if "account_id" not in accounts.columns:
        raise AccountDataError(
            Problem("there is no account_id column to pin accounts by", column="account_id")
        )
    problems = unknown_pins(settings.pins, accounts["account_id"])
    if problems:
        raise AccountDataError(problems)


def pinned_accounts(tiered: pd.DataFrame) -> pd.DataFrame:
    """Return the pinned accounts of a tiered table: who, the rule's tier, the pin and why.

    Returns
    -------
    DataFrame
        ``account_id``, ``account`` (when known), ``rule_tier``, ``tier``, ``pin_reason`` and
        the revenue (and gross profit) of each pinned account, biggest rank first; empty when
        nothing is pinned.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> tiered = assign_tiers(example_accounts(), pins=[("005", "A", "reference customer")])
    >>> pinned_accounts(tiered)[["account", "rule_tier", "tier", "pin_reason"]]
         account rule_tier tier          pin_reason
    0  Vikrør DA         C    A  reference customer
    """
    columns = [
        c
        for c in (
            "account_id",
            "account",
            "rule_tier",
            "tier",
            "pin_reason",
            "revenue",
            "gross_profit",
            "rank",
        )
        if c in tiered.columns
    ]
    if "pinned" not in tiered.columns:
        return pd.DataFrame(columns=columns)
    chosen = tiered[tiered["pinned"].fillna(False).astype(bool).to_numpy()]
    if "rank" in chosen.columns:
        chosen = chosen.sort_values("rank")
    return chosen[columns].reset_index(drop=True)


def tier_summary(tiered: pd.DataFrame, settings: TierSettings | str) -> pd.DataFrame:
    """Sum up each tier: accounts, revenue, profit and value, with their shares.

    The sums are taken in rank order exactly as :meth:`Ranking.summary` takes them, so the two
    agree to the last bit for a table from :func:`assign_tiers`.

    Parameters
    ----------
    tiered : DataFrame
        Accounts with a ``tier`` column (usually from :func:`assign_tiers`); its ``rank`` column,
        when there is one, orders the accounts inside each tier.
    settings : TierSettings or str
        The settings the accounts were tiered with, or just their metric: ``value`` counts it.
        It is asked for, never guessed, so a summary cannot silently count revenue for tiers
        ranked by profit.

    Returns
    -------
    DataFrame
        Indexed A, B, C: ``accounts``, ``account_share``; ``revenue``, ``revenue_share``,
        ``revenue_per_account`` and the same for ``gross_profit`` when present (plain sums, a
        loss kept, shares of the column's positive total); ``value`` (``max(metric, 0)``
        summed) and ``value_share`` (adding up to 1).

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> by_profit = TierSettings(metric="gross_profit")
    >>> summary = tier_summary(assign_tiers(example_accounts(), by_profit), by_profit)
    >>> summary[["accounts", "gross_profit", "gross_profit_share", "value", "value_share"]]
          accounts  gross_profit  gross_profit_share    value  value_share
    tier
    A            1       30000.0            0.441176  30000.0     0.441176
    B            3       38000.0            0.558824  38000.0     0.558824
    C            1       -5000.0           -0.073529      0.0     0.000000
    """
    metric = settings if isinstance(settings, str) else settings.metric
    codes = tier_codes(tiered)
    order = _rank_order_or_rows(tiered)
    in_order = codes[order]
    if (np.diff(in_order) < 0).any():  # not tiered by rank (e.g. edited): tiers in a row
        order = order[np.argsort(in_order, kind="stable")]
    counts = np.bincount(codes, minlength=len(TIERS))
    ranking = Ranking.from_order(tiered, metric, order)
    return ranking.summary(int(counts[0]), int(counts[0] + counts[1]))


def compare_tierings(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """List the accounts whose tier changed between two tierings, matched by ``account_id``.

    Parameters
    ----------
    before, after : DataFrame
        Tiered accounts (with ``account_id`` and ``tier``), e.g. from :func:`assign_tiers` with
        other thresholds. An account in only one of them shows a blank tier on the other side.

    Returns
    -------
    DataFrame
        ``account_id``, ``account`` (when known), ``from`` and ``to``, in the order of ``after``
        (accounts only in ``before`` last).

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> compare_tierings(assign_tiers(accounts), assign_tiers(accounts, method="value_share"))
      account_id        account from to
    0        002  Nordhotell AS    B  A
    1        003    Solkafé ANS    B  A
    2        005      Vikrør DA    C  B
    """
    paired = _paired_tiers(before, after)
    moved = paired["from"].astype(object).ne(paired["to"].astype(object))
    return paired[moved.to_numpy()].reset_index(drop=True)


def tier_moves(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Count the accounts going from each tier to each tier: a 3×3 table (diagonal: stayed).

    Accounts in only one of the tierings are left out.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> tier_moves(assign_tiers(accounts, c=0.4), assign_tiers(accounts, a=0.4))
    to    A  B  C
    from
    A     1  0  0
    B     1  1  0
    C     0  1  1
    """
    paired = _paired_tiers(before, after).dropna(subset=["from", "to"])
    counts = pd.crosstab(
        pd.Categorical(paired["from"], categories=list(TIERS)),
        pd.Categorical(paired["to"], categories=list(TIERS)),
        dropna=False,
    )
    counts.index.name, counts.columns.name = "from", "to"
    return counts


def _paired_tiers(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Return account_id, account, from, to for every account of either tiering."""
    for side, frame in (("before", before), ("after", after)):
        missing = [c for c in ("account_id", "tier") if c not in frame.columns]
        if missing:
            raise ValueError(
                f"{side} has no {' or '.join(missing)} column: compare two tables from assign_tiers"
            )
    paired = pd.merge(
        after[["account_id", "tier"]].rename(columns={"tier": "to"}),
        before[["account_id", "tier"]].rename(columns={"tier": "from"}),
        on="account_id",
        how="outer",
        sort=False,
    )
    named = [
        frame[["account_id", "account"]] for frame in (after, before) if "account" in frame.columns
    ]
    if not named:
        return paired[["account_id", "from", "to"]]
    names = pd.concat(named).drop_duplicates("account_id")
    return paired.merge(names, on="account_id", how="left")[["account_id", "account", "from", "to"]]


def tier_codes(tiered: pd.DataFrame) -> np.ndarray:
    """Return 0, 1, 2 for A, B, C per row; anything else is an error naming the accounts."""
    if "tier" not in tiered.columns:
        raise ValueError("the table has no tier column: tier the accounts with assign_tiers first")
    tiers = tiered["tier"]
    if isinstance(tiers.dtype, pd.CategoricalDtype) and list(tiers.cat.categories) == list(TIERS):
        codes = tiers.cat.codes.to_numpy()  # as assign_tiers makes it: no look-up needed
    else:
        codes = pd.Categorical(tiers, categories=list(TIERS)).codes
    if (codes < 0).any():
        raise AccountDataError(
            [
                Problem(
                    "is not a tier (A, B or C)",
                    column="tier",
                    value=str(tiers.iloc[row]),
                    code="not_a_tier",
                )
                for row in np.flatnonzero(codes < 0)
            ]
        )
    return codes.astype(np.int8)


def _rank_order_or_rows(tiered: pd.DataFrame) -> np.ndarray:
    """Return the row positions by the ``rank`` column when it ranks 1..n, else in row order."""
    n = len(tiered)
    if "rank" in tiered.columns and pd.api.types.is_integer_dtype(tiered["rank"]):
        ranks = tiered["rank"].to_numpy(dtype=np.int64, na_value=0)
        if n and ranks.min() == 1 and ranks.max() == n:
            order = np.full(n, -1, dtype=np.intp)
            order[ranks - 1] = np.arange(n)
            if (order >= 0).all():  # every rank once: a permutation
                return order
    return np.arange(n)
