"""Rank accounts once, then tier them as often as a slider moves.

Accounts are ranked by the metric, biggest first, ties broken by ``account_id`` (as text,
ascending). Accounts whose metric is zero or negative rank last and are always C, so every
tiering is two cut positions in rank order: ranks ``[0, k_a)`` are A, ``[k_a, k_ab)`` are B and
the rest are C. A :class:`Ranking` keeps the rank order and running totals in that order, so
finding the cuts is a binary search and summing a tier is one subtraction: a slider move costs
microseconds whatever the number of accounts. Only :meth:`Ranking.labels` and
:meth:`Ranking.ranks`, which return one value per account, grow with the book.

Pinned accounts (:class:`~workbook.settings.Pin`) keep their rank but take their pinned tier; the
rule's cuts are found without regard to them, so a pin moves only its own account. A
:class:`PinnedRanks` (made once per set of pins by :meth:`Ranking.pin`) lets :meth:`Ranking.summary`
move each pinned account's amounts from the tier the rule gives it to its pinned tier: a slider
move then costs O(number of pins) more, still nothing per account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook.analysis.concentration import Concentration, concentration_from_sorted
from workbook.analysis.metrics import column_values, metric_values, require_positive
from workbook.analysis.thresholds import bottom_count, first_reaching, running_total, top_count
from workbook.errors import AccountDataError, Problem
from workbook.schema import TIERS
from workbook.settings import Pin, TierSettings, as_pins

#: The money columns a tier summary adds up, besides the ranking value.
SUMMED_COLUMNS: tuple[str, ...] = ("revenue", "gross_profit")


@dataclass(frozen=True, eq=False)
class PinnedRanks:
    """Pinned accounts as a :class:`Ranking` sees them (made by :meth:`Ranking.pin`).

    Attributes
    ----------
    pins : tuple of Pin
        The pins, in the order given.
    rows : numpy.ndarray
        Each pinned account's row position in the accounts table.
    positions : numpy.ndarray
        Each pinned account's position in rank order (0 = the biggest).
    codes : numpy.ndarray
        The tier each is pinned to: 0, 1, 2 for A, B, C.
    amounts : dict of str to numpy.ndarray
        Each pinned account's amount of every column the summary adds up (``value`` is
        ``max(metric, 0)``; NaN where the amount is blank).
    """

    pins: tuple[Pin, ...]
    rows: np.ndarray
    positions: np.ndarray
    codes: np.ndarray
    amounts: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.pins)

    def rule_codes(self, k_a: int, k_ab: int) -> np.ndarray:
        """Return the tier the rule's cuts give each pinned account (0, 1, 2)."""
        return np.where(self.positions < k_a, 0, np.where(self.positions < k_ab, 1, 2))


def unknown_pins(pins: Iterable[Pin], account_ids: pd.Series) -> list[Problem]:
    """Return a problem for each pin whose account is not among ``account_ids``.

    Examples
    --------
    >>> pins = [Pin("001", "A", "reference"), Pin("2O9", "A", "ramping up")]
    >>> print(unknown_pins(pins, pd.Series(["001", "209"]))[0])
    account_id: "2O9" is pinned to A ("ramping up"), but there is no account with that account_id
    """
    known = set(account_ids.astype(str))
    return [
        Problem(
            f'is pinned to {pin.tier} ("{pin.reason}"), but there is no account with that '
            "account_id",
            column="account_id",
            value=pin.account_id,
            code="unknown_pin",
        )
        for pin in pins
        if pin.account_id not in known
    ]


class Ranking:
    """The accounts in rank order, with running totals that make any tiering cost O(1).

    Parameters
    ----------
    accounts : DataFrame
        The canonical accounts table (``account_id``, ``revenue``, optional ``gross_profit``).
    metric : str, default "revenue"
        ``"revenue"``, ``"gross_profit"`` or ``"blend"`` (see :func:`metric_values`).

    Attributes
    ----------
    n : int
        The number of accounts.
    metric : str
        The ranking metric.
    order : numpy.ndarray
        Row positions in rank order: ``order[0]`` is the row of the biggest account.
    values : numpy.ndarray
        The metric in rank order (descending).
    positive : int
        How many accounts have a metric above zero; they hold ranks ``0 .. positive - 1``.
    total : float
        The positive total: the sum of ``max(metric, 0)``.

    Raises
    ------
    AccountDataError
        No accounts, no ``account_id`` column, a missing or unusable metric, or no account with
        a metric above zero.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> ranking = Ranking(accounts)
    >>> ranking.cuts(TierSettings(method="value_share"))  # 31%, 58%, 80% (A), 91%, 100% (B)
    (3, 5)
    >>> ranking.labels(3, 5).tolist()
    ['A', 'A', 'A', 'B', 'B']
    >>> ranking.summary(*ranking.cuts())[["accounts", "value", "value_share"]]
          accounts     value  value_share
    tier
    A            1   94000.0     0.313333
    B            3  179000.0     0.596667
    C            1   27000.0     0.090000
    """

    def __init__(self, accounts: pd.DataFrame, metric: str = "revenue"):
        values = metric_values(accounts, metric)
        require_positive(values, metric)
        self._build(accounts, metric, *_sort_with_ties_by_id(values, _account_ids(accounts)))

    @classmethod
    def from_order(cls, accounts: pd.DataFrame, metric: str, order: np.ndarray) -> Ranking:
        """Return the ranking of ``accounts`` in a known rank order (e.g. from a ``rank`` column).

        The running totals are built exactly as the constructor builds them, so sums taken from
        either agree to the last bit.
        """
        values = metric_values(accounts, metric)
        require_positive(values, metric)
        order = np.array(order, dtype=np.intp)  # a copy: the ranking makes it read-only
        ranking = cls.__new__(cls)
        ranking._build(accounts, metric, order, values[order])
        return ranking

    def _build(
        self, accounts: pd.DataFrame, metric: str, order: np.ndarray, ranked: np.ndarray
    ) -> None:
        for array in (order, ranked):
            array.flags.writeable = False  # shared with every caller: nobody may reorder them
        self.n = len(order)
        self.metric = metric
        self.order = order
        self.values = ranked
        self.positive = int(np.count_nonzero(ranked > 0))
        # Running totals in rank order, each starting at 0: sums[name][k] is the sum of ranks < k.
        self._sums = {"value": running_total(np.maximum(ranked, 0))}
        self.total = float(self._sums["value"][-1])
        self._positive_totals = {"value": self.total}
        self._missing: dict[str, np.ndarray | None] = {"value": None}
        for name in SUMMED_COLUMNS:
            if name == metric:  # already checked and in rank order
                self._sums[name], self._missing[name] = running_total(ranked), None
                self._positive_totals[name] = self.total
            elif name in accounts.columns:
                self._add_column(name, column_values(accounts, name, blanks=True)[order])

    def _add_column(self, name: str, ranked: np.ndarray) -> None:
        """Keep running totals of a money column; blanks make their tier's sum NaN, not 0."""
        blank = np.isnan(ranked)
        if blank.any():
            self._missing[name] = running_total(blank)
            ranked = np.where(blank, 0.0, ranked)
        else:
            self._missing[name] = None
        self._sums[name] = running_total(ranked)
        self._positive_totals[name] = float(np.maximum(ranked, 0).sum())

    def __repr__(self) -> str:
        return f"Ranking(n={self.n}, metric={self.metric!r}, positive={self.positive})"

    # --- the per-move operations: O(log n) and O(1) -------------------------------------------
    def cuts(self, settings: TierSettings | None = None) -> tuple[int, int]:
        """Return the cut positions ``(k_a, k_ab)`` of a tiering, in O(log n).

        Parameters
        ----------
        settings : TierSettings, optional
            The method and thresholds (default: the article's rule, ``TierSettings()``).
            ``"account_share"``: A = the top ``ceil(a·n)`` accounts, C = the bottom
            ``floor(c·n)``, never overlapping A. ``"value_share"``: A = the smallest top group
            whose share of the positive total reaches a, B = the next accounts until it reaches
            b. See :mod:`workbook.analysis.thresholds` for the rounding. Its metric must be the
            ranking's.

        Returns
        -------
        tuple of int
            Ranks ``[0, k_a)`` are A, ``[k_a, k_ab)`` B, the rest C. Both cuts are at most
            :attr:`positive`: an account with a metric of zero or less is always C.

        Examples
        --------
        >>> from workbook.analysis.examples import example_accounts
        >>> accounts = example_accounts().assign(revenue=[50.0, 30.0, 20.0, 0.0, 0.0])
        >>> Ranking(accounts).cuts(TierSettings(a=0.4, c=0.0))  # no revenue: C all the same
        (2, 3)
        """
        limits = TierSettings(metric=self.metric) if settings is None else settings
        if limits.metric != self.metric:
            raise ValueError(
                f"these settings rank by {limits.metric}, this ranking by {self.metric}"
            )
        if limits.method == "account_share":
            k_a = top_count(self.n, limits.a)
            k_ab = max(k_a, self.n - bottom_count(self.n, limits.c))
        else:
            k_a = first_reaching(self._sums["value"], limits.a)
            k_ab = max(k_a, first_reaching(self._sums["value"], limits.b))
        return min(k_a, self.positive), min(k_ab, self.positive)

    def summary(self, k_a: int, k_ab: int, pinned: PinnedRanks | None = None) -> pd.DataFrame:
        """Return the per-tier summary of the cuts ``(k_a, k_ab)``, in O(1) of the accounts.

        Columns: ``accounts``, ``account_share``; for ``revenue`` and ``gross_profit`` (when
        present) the plain sum per tier (losses kept), its share of the column's positive total
        and the average per account (``revenue_per_account``, ``gross_profit_per_account``);
        ``value`` (the ranking metric counted as the tiers count it, ``max(metric, 0)``) and
        ``value_share`` (these add up to 1). Shares of a tier with a blank amount are NaN.

        With ``pinned`` (from :meth:`pin`), each pinned account counts in its pinned tier
        instead of the one the cuts give it (O(number of pins) more).

        Examples
        --------
        >>> from workbook.analysis.examples import example_accounts
        >>> accounts = example_accounts()
        >>> ranking = Ranking(accounts)
        >>> pinned = ranking.pin(accounts, [Pin("005", "A", "reference customer")])
        >>> ranking.summary(*ranking.cuts(), pinned)[["accounts", "value"]]
              accounts     value
        tier
        A            2  121000.0
        B            3  179000.0
        C            0       0.0
        """
        self._check_cuts(k_a, k_ab)
        bounds = np.array([0, k_a, k_ab, self.n])
        counts = np.diff(bounds)
        moved = rule = target = None
        if pinned is not None and len(pinned):
            rule = pinned.rule_codes(k_a, k_ab)
            moved = rule != pinned.codes
            rule, target = rule[moved], pinned.codes[moved]
            np.add.at(counts, rule, -1)
            np.add.at(counts, target, 1)
        table = {"accounts": counts, "account_share": counts / self.n}
        for name in (*(c for c in SUMMED_COLUMNS if c in self._sums), "value"):
            sums = np.diff(self._sums[name][bounds])
            blanks = (
                np.zeros(3, dtype=np.int64)
                if self._missing[name] is None
                else np.diff(self._missing[name][bounds])
            )
            if moved is not None and moved.any():
                amounts = pinned.amounts[name][moved]
                blank = np.isnan(amounts)
                np.subtract.at(sums, rule, np.where(blank, 0.0, amounts))
                np.add.at(sums, target, np.where(blank, 0.0, amounts))
                np.subtract.at(blanks, rule, blank.astype(np.int64))
                np.add.at(blanks, target, blank.astype(np.int64))
                sums = np.where(counts > 0, sums, 0.0)  # an emptied tier holds exactly nothing
            sums = np.where(blanks > 0, np.nan, sums)
            table[name] = sums
            table[f"{name}_share"] = sums / self._positive_totals[name]
            if name != "value":
                with np.errstate(invalid="ignore", divide="ignore"):
                    table[f"{name}_per_account"] = np.where(counts > 0, sums / counts, np.nan)
        return pd.DataFrame(table, index=pd.Index(list(TIERS), name="tier"))

    # --- per-account results: O(n) -----------------------------------------------------------
    def pin(self, accounts: pd.DataFrame, pins: Iterable[Pin]) -> PinnedRanks:
        """Return the pinned accounts where this ranking holds them, ready for every move.

        Parameters
        ----------
        accounts : DataFrame
            The accounts this ranking was made of (the same rows, in the same order).
        pins : iterable of Pin
            The pins (e.g. ``TierSettings.pins``; ``(account_id, tier, reason)`` triples too).

        Raises
        ------
        AccountDataError
            A pin names an account that is not in ``accounts`` (one problem per such pin).
        """
        pins = as_pins(pins)
        if len(accounts) != self.n:
            raise ValueError(f"these are {len(accounts)} accounts; the ranking has {self.n}")
        ids = _account_ids(accounts).astype(str)
        problems = unknown_pins(pins, ids)
        if problems:
            raise AccountDataError(problems)
        row_of = pd.Series(np.arange(self.n), index=pd.Index(ids.to_numpy()))
        row_of = row_of[~row_of.index.duplicated()]
        rows = row_of.loc[[pin.account_id for pin in pins]].to_numpy(dtype=np.intp)
        rank_of_row = np.empty(self.n, dtype=np.intp)
        rank_of_row[self.order] = np.arange(self.n)
        positions = rank_of_row[rows]
        amounts = {"value": np.maximum(self.values[positions], 0)}
        for name in SUMMED_COLUMNS:
            if name == self.metric:
                amounts[name] = self.values[positions]
            elif name in self._sums:
                amounts[name] = column_values(accounts, name, blanks=True)[rows]
        codes = np.array([TIERS.index(pin.tier) for pin in pins], dtype=np.int8)
        return PinnedRanks(pins, rows, positions, codes, amounts)

    def labels(self, k_a: int, k_ab: int, pinned: PinnedRanks | None = None) -> pd.Categorical:
        """Return the tier of every account, in the row order of the accounts given.

        With ``pinned`` (from :meth:`pin`), each pinned account has its pinned tier.

        Returns
        -------
        pandas.Categorical
            ``"A"``, ``"B"`` or ``"C"``, with categories A, B, C.
        """
        self._check_cuts(k_a, k_ab)
        in_rank_order = np.full(self.n, 2, dtype=np.int8)
        in_rank_order[:k_ab] = 1
        in_rank_order[:k_a] = 0
        if pinned is not None and len(pinned):
            in_rank_order[pinned.positions] = pinned.codes
        codes = np.empty(self.n, dtype=np.int8)
        codes[self.order] = in_rank_order
        return pd.Categorical.from_codes(codes, categories=list(TIERS))

    def ranks(self) -> np.ndarray:
        """Return each account's rank (1 = the biggest), in row order."""
        ranks = np.empty(self.n, dtype=np.int64)
        ranks[self.order] = np.arange(1, self.n + 1)
        return ranks

    def concentration(self) -> Concentration:
        """Return the concentration figures of the ranking's metric (see :func:`concentration`)."""
        return concentration_from_sorted(self.values, self._sums["value"], metric=self.metric)

    def _check_cuts(self, k_a: int, k_ab: int) -> None:
        if not 0 <= k_a <= k_ab <= self.n:
            raise ValueError(f"cuts must satisfy 0 <= k_a <= k_ab <= {self.n}, got ({k_a}, {k_ab})")


def rank_order(values: np.ndarray, ids: pd.Series) -> np.ndarray:
    """Return the row positions sorted by value descending, ties by id ascending (then by row).

    Only the runs of equal values are sorted by id: a full sort on a million text ids would
    take several times longer than the sort of the numbers.

    Examples
    --------
    >>> rank_order(np.array([5.0, 9.0, 5.0, 7.0, 5.0]), pd.Series(["B", "Z", "A", "Q", "C"]))
    array([1, 3, 2, 0, 4])
    """
    return _sort_with_ties_by_id(values, ids)[0]


def _sort_with_ties_by_id(values: np.ndarray, ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return the rank order and the values in that order (see :func:`rank_order`)."""
    order = np.argsort(values)[::-1].copy()  # descending; the order within ties is fixed below
    ranked = values[order]
    same = ranked[1:] == ranked[:-1]
    if same.any():
        moved = _order_ties_by_id(order, same, ids)
        ranked[moved] = values[order[moved]]  # equal values, but 0.0 and -0.0 keep their own bits
    return order, ranked


def _order_ties_by_id(order: np.ndarray, same: np.ndarray, ids: pd.Series) -> np.ndarray:
    """Sort, in place, each run of equal values in ``order`` by id, then by row position.

    Returns the positions of ``order`` that were in a run (and so may have changed).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    in_run = np.zeros(len(order), dtype=bool)
    in_run[1:] |= same
    in_run[:-1] |= same
    where = np.flatnonzero(in_run)
    starts = np.ones(len(where), dtype=bool)  # where a run of equal values begins
    starts[where > 0] = ~same[where[where > 0] - 1]
    run = np.cumsum(starts)
    rows = order[where]
    tied_ids = ids.take(rows)
    if not pd.api.types.is_string_dtype(tied_ids):
        tied_ids = tied_ids.astype(str)
    table = pa.table({"run": run, "id": pa.array(tied_ids, type=pa.large_string()), "row": rows})
    keys = [("run", "ascending"), ("id", "ascending"), ("row", "ascending")]
    order[where] = rows[pc.sort_indices(table, sort_keys=keys).to_numpy()]
    return where


def _account_ids(accounts: pd.DataFrame) -> pd.Series:
    if "account_id" not in accounts.columns:
        raise AccountDataError(
            Problem(
                "there is no account_id column (it breaks ties between equal accounts)",
                column="account_id",
                code="missing_column",
            )
        )
    return accounts["account_id"]
