"""Two periods side by side: who moved tier, who is new, who was lost, and the revenue bridge.

Each period is tiered on its own, with the same settings (pins included: a pinned account keeps
its pinned tier in both periods, so a pin never shows as a move; a pin whose account has no data
in the previous period has nothing to pin there). An account exists in a period when it has data
there (a row of that period's table); accounts are matched by ``account_id``.

- The **migration matrix** counts the accounts by their tier last period (rows A, B, C, and
  ``new`` for accounts that did not exist then) and this period (columns A, B, C, and ``lost``
  for accounts that no longer exist). ``new``/``lost`` is always 0.
- An account **moved up** when its tier is better now (C to B, B to A, C to A), **down** the
  other way.
- The **revenue bridge**: previous total + change in retained accounts + new − lost = current
  total. It is counted in hundredths (øre, cents: each account's revenue rounded to the hundredth
  first), so it adds up exactly, not just to within rounding.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook.analysis.tiers import assign_tiers
from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.schema import TIERS
from workbook.settings import TierSettings

#: The rows of the migration matrix (last period's tier) and its columns (this period's).
BEFORE: tuple[str, ...] = (*TIERS, "new")
AFTER: tuple[str, ...] = (*TIERS, "lost")
#: How an account changed between the periods.
MOVEMENTS: tuple[str, ...] = ("up", "down", "same", "new", "lost")
#: The bridge's steps, in the order they add up.
BRIDGE_KEYS: tuple[str, ...] = ("previous", "retained_change", "new", "lost", "current")


@dataclass(frozen=True)
class Bridge:
    """The revenue bridge, in hundredths of the currency (øre, cents), so it adds up exactly.

    ``previous + retained_change + new - lost == current`` holds exactly for the ``*_cents``
    integers (it is checked when the bridge is made: ``current`` is added up on its own, from
    the current period's accounts). The amounts in whole units (:attr:`previous` …) are each
    the float nearest to their two-decimal value.

    Examples
    --------
    >>> bridge = Bridge(previous_cents=10_000, growth_cents=2_550, decline_cents=1_000,
    ...                 new_cents=505, lost_cents=3_000, current_cents=9_055)
    >>> bridge.to_dict()
    {'previous': 100.0, 'retained_change': 15.5, 'new': 5.05, 'lost': 30.0, 'current': 90.55}
    >>> Bridge(10_000, 0, 0, 0, 0, current_cents=9_999)
    Traceback (most recent call last):
    ...
    ValueError: the bridge does not add up: 10000 + 0 + 0 - 0 is not 9999
    """

    previous_cents: int
    growth_cents: int  # what the retained accounts that bought more added
    decline_cents: int  # what the retained accounts that bought less took away (positive)
    new_cents: int
    lost_cents: int
    current_cents: int

    def __post_init__(self) -> None:
        steps = self.previous_cents + self.retained_change_cents + self.new_cents - self.lost_cents
        if steps != self.current_cents:
            raise ValueError(
                f"the bridge does not add up: {self.previous_cents} + "
                f"{self.retained_change_cents} + {self.new_cents} - {self.lost_cents} "
                f"is not {self.current_cents}"
            )

    @property
    def retained_change_cents(self) -> int:
        """Growth less decline of the accounts that exist in both periods."""
        return self.growth_cents - self.decline_cents

    @property
    def previous(self) -> float:
        return self.previous_cents / 100

    @property
    def retained_change(self) -> float:
        return self.retained_change_cents / 100

    @property
    def growth(self) -> float:
        return self.growth_cents / 100

    @property
    def decline(self) -> float:
        return self.decline_cents / 100

    @property
    def new(self) -> float:
        return self.new_cents / 100

    @property
    def lost(self) -> float:
        return self.lost_cents / 100

    @property
    def current(self) -> float:
        return self.current_cents / 100

    def to_dict(self) -> dict[str, float]:
        """Return the five steps, ``previous`` to ``current``, in whole units."""
        return {key: getattr(self, f"{key}_cents") / 100 for key in BRIDGE_KEYS}


@dataclass(frozen=True, eq=False)
class PeriodComparison:
    """What changed between two periods, tiered the same way.

    Attributes
    ----------
    settings : TierSettings
        How both periods were tiered.
    current, previous : DataFrame
        Each period's accounts with ``rank`` and ``tier`` (see ``assign_tiers``).
    accounts : DataFrame
        One row per account of either period: ``account_id``, ``account``, ``previous_tier``
        and ``tier`` (blank where the account did not exist), ``movement`` (up, down, same,
        new, lost), ``previous_rank``, ``rank``, ``previous_revenue``, ``revenue`` (0 where it
        did not exist), ``revenue_change``, and ``pinned`` when the current period has pins.
    matrix : DataFrame
        Counts: rows A, B, C, new (last period); columns A, B, C, lost (this period).
    bridge : Bridge
        previous + retained change + new − lost = current, in revenue.
    previous_name, current_name : str
        What the periods are called (a file's name, or the dates), for messages and charts.
    """

    settings: TierSettings
    current: pd.DataFrame
    previous: pd.DataFrame
    accounts: pd.DataFrame
    matrix: pd.DataFrame
    bridge: Bridge
    previous_name: str = ""
    current_name: str = ""

    def counts(self) -> dict[str, int]:
        """Return how many accounts moved up, down, stayed, are new and were lost."""
        found = self.accounts["movement"].value_counts()
        return {movement: int(found.get(movement, 0)) for movement in MOVEMENTS}

    @property
    def moved(self) -> pd.DataFrame:
        """The accounts of both periods whose tier changed: up first (the biggest gain first),
        then down (the biggest fall first)."""
        table = self.accounts
        up = table[table["movement"] == "up"].sort_values(
            ["revenue_change", "account_id"], ascending=[False, True], kind="stable"
        )
        down = table[table["movement"] == "down"].sort_values(
            ["revenue_change", "account_id"], ascending=[True, True], kind="stable"
        )
        return pd.concat([up, down]).reset_index(drop=True)

    @property
    def new(self) -> pd.DataFrame:
        """The accounts that exist now but not last period, the biggest first."""
        return self._only("new", "revenue")

    @property
    def lost(self) -> pd.DataFrame:
        """The accounts that existed last period but not now, the biggest first."""
        return self._only("lost", "previous_revenue")

    def _only(self, movement: str, by: str) -> pd.DataFrame:
        table = self.accounts[self.accounts["movement"] == movement]
        ordered = table.sort_values([by, "account_id"], ascending=[False, True], kind="stable")
        return ordered.reset_index(drop=True)

    def migration(self) -> dict[str, dict[str, int]]:
        """Return the matrix as plain data: ``{"A": {"A": n, "B": n, "C": n, "lost": n}, …,
        "new": {…}}``."""
        return {
            row: {column: int(self.matrix.at[row, column]) for column in AFTER} for row in BEFORE
        }

    def to_dict(self) -> dict[str, dict]:
        """Return ``migration`` and ``bridge`` as ``python -m workbook tiers --compare`` prints
        them."""
        return {"migration": self.migration(), "bridge": self.bridge.to_dict()}


def compare_periods(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    settings: TierSettings | None = None,
    *,
    current_name: str = "",
    previous_name: str = "",
    **choices,
) -> PeriodComparison:
    """Tier two periods with the same settings and say what changed between them.

    Parameters
    ----------
    current, previous : DataFrame
        The accounts of this period and of the one before (canonical columns; one row per
        account that has data in the period).
    settings : TierSettings, optional
        How to tier both periods (default ``TierSettings()``); ``metric=``, ``method=``, ``a=``,
        ``b=``, ``c=``, ``pins=`` as keywords change it. The pins must name accounts of the
        current period; in the previous period they hold for the accounts that existed then.
    current_name, previous_name : str, optional
        What the periods are called; ``previous_name`` also names the previous period in its
        problems (e.g. the previous file's name).

    Returns
    -------
    PeriodComparison

    Raises
    ------
    AccountDataError
        Either period cannot be tiered (no accounts, no revenue above zero …), an account id
        appears twice in one period, or a pin names an account that is not in the current one.

    Examples
    --------
    >>> before = pd.DataFrame({"account_id": ["1", "2", "3", "4", "5"],
    ...                        "account": ["Fjord", "Berg", "Lys", "Sol", "Vik"],
    ...                        "revenue": [500.0, 300.0, 100.0, 60.0, 40.0]})
    >>> now = pd.DataFrame({"account_id": ["1", "2", "3", "4", "6"],
    ...                     "account": ["Fjord", "Berg", "Lys", "Sol", "Nord"],
    ...                     "revenue": [350.0, 420.0, 90.0, 80.0, 10.0]})
    >>> change = compare_periods(now, before)
    >>> change.matrix
         A  B  C  lost
    A    0  1  0     0
    B    1  2  0     0
    C    0  0  0     1
    new  0  0  1     0
    >>> change.bridge.to_dict()
    {'previous': 1000.0, 'retained_change': -20.0, 'new': 10.0, 'lost': 40.0, 'current': 950.0}
    >>> change.moved[["account", "previous_tier", "tier", "movement"]]
      account previous_tier tier movement
    0    Berg             B    A       up
    1   Fjord             A    B     down
    """
    settings = TierSettings.of(settings, **choices)
    for frame, name in ((current, current_name), (previous, previous_name)):
        _check_ids(frame, name)
    now = _tiered(current, settings)
    try:
        before = _tiered(previous, settings.pins_for(previous["account_id"]))
    except AccountDataError as error:
        raise AccountDataError(
            [
                dataclasses.replace(p, file=p.file or previous_name or _("the previous period"))
                for p in error.problems
            ],
            file=error.file,
        ) from None
    accounts = _paired(now, before)
    return PeriodComparison(
        settings=settings,
        current=now,
        previous=before,
        accounts=accounts,
        matrix=_matrix(accounts),
        bridge=_bridge(accounts),
        previous_name=previous_name,
        current_name=current_name,
    )


def _tiered(accounts: pd.DataFrame, settings: TierSettings) -> pd.DataFrame:
    """Return the accounts tiered; a period without accounts is tiered as nothing (then every
    account of the other period is new, or lost)."""
    if len(accounts) or settings.pins:
        return assign_tiers(accounts, settings)
    return accounts.assign(
        rank=pd.array([], dtype="Int64"), tier=pd.Categorical([], categories=list(TIERS))
    )


def _check_ids(frame: pd.DataFrame, name: str) -> None:
    if "account_id" not in frame.columns:
        return  # assign_tiers says so
    ids = frame["account_id"].astype(str)
    repeated = ids[ids.duplicated(keep=False)]
    if len(repeated):
        raise AccountDataError(
            [
                Problem(
                    "appears more than once: an account is one row of a period",
                    column="account_id",
                    value=value,
                    file=name or None,
                    code="duplicate_id",
                )
                for value in dict.fromkeys(repeated)
            ]
        )


def _paired(now: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """Return one row per account of either period, with both tiers and both revenues."""
    keep = ["account_id", "account", "tier", "rank", "revenue"]
    current = now[[c for c in (*keep, "pinned") if c in now.columns]].assign(
        account_id=now["account_id"].astype(str).to_numpy()
    )
    previous = before[[c for c in keep if c in before.columns]].assign(
        account_id=before["account_id"].astype(str).to_numpy()
    )
    previous = previous.rename(
        columns={c: f"previous_{c}" for c in ("account", "tier", "rank", "revenue")}
    )
    paired = pd.merge(current, previous, on="account_id", how="outer", sort=False, indicator=True)
    # the current name where there is one (a renamed customer shows as it is called now)
    if "account" in paired.columns and "previous_account" in paired.columns:
        paired["account"] = paired["account"].astype(object).fillna(paired["previous_account"])
    for name in ("tier", "previous_tier"):
        paired[name] = pd.Categorical(paired[name].astype(object), categories=list(TIERS))
    for name in ("rank", "previous_rank"):
        paired[name] = paired[name].astype("Int64")
    exists_now = paired["_merge"] != "right_only"
    existed = paired["_merge"] != "left_only"
    revenue = _numbers(paired["revenue"]).where(exists_now, 0.0)
    previous_revenue = _numbers(paired["previous_revenue"]).where(existed, 0.0)
    now_code = paired["tier"].cat.codes.to_numpy()
    before_code = paired["previous_tier"].cat.codes.to_numpy()
    movement = np.select(
        [
            ~existed.to_numpy(),
            ~exists_now.to_numpy(),
            now_code < before_code,
            now_code > before_code,
        ],
        ["new", "lost", "up", "down"],
        "same",
    )
    columns = {
        "account_id": paired["account_id"],
        **({"account": paired["account"]} if "account" in paired.columns else {}),
        "previous_tier": paired["previous_tier"],
        "tier": paired["tier"],
        "movement": movement,
        "previous_rank": paired["previous_rank"],
        "rank": paired["rank"],
        "previous_revenue": previous_revenue,
        "revenue": revenue,
        "revenue_change": revenue - previous_revenue,
    }
    if "pinned" in paired.columns:
        columns["pinned"] = paired["pinned"].astype("boolean").fillna(False).astype(bool)
    table = pd.DataFrame(columns)
    # this period's accounts in rank order, then the lost ones in last period's rank order
    order = np.lexsort(
        (
            table["previous_rank"].to_numpy(dtype=float, na_value=np.inf),
            table["rank"].to_numpy(dtype=float, na_value=np.inf),
        )
    )
    return table.iloc[order].reset_index(drop=True)


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype(float)


def _matrix(accounts: pd.DataFrame) -> pd.DataFrame:
    """Count the accounts by their tier then (A, B, C or new) and now (A, B, C or lost)."""
    before = accounts["previous_tier"].cat.codes.to_numpy().astype(np.int64)
    now = accounts["tier"].cat.codes.to_numpy().astype(np.int64)
    cells = np.where(before < 0, 3, before) * 4 + np.where(now < 0, 3, now)
    counts = np.bincount(cells, minlength=16).reshape(4, 4)
    return pd.DataFrame(counts, index=pd.Index(list(BEFORE)), columns=pd.Index(list(AFTER)))


def cents(values: pd.Series | np.ndarray) -> np.ndarray:
    """Return amounts in hundredths, each rounded to the nearest (blank as 0), as int64.

    Examples
    --------
    >>> cents(np.array([1234.5, 0.1 + 0.2, -5.005, np.nan])).tolist()
    [123450, 30, -500, 0]
    """
    numbers = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    return np.rint(numbers * 100).astype(np.int64)


def _total(values: np.ndarray) -> int:
    """Return the exact sum of int64 hundredths (Python integers when int64 could overflow)."""
    if np.abs(values.astype(float)).sum() < 2.0**62:
        return int(values.sum())
    return sum(int(v) for v in values)


def _bridge(accounts: pd.DataFrame) -> Bridge:
    movement = accounts["movement"].to_numpy()
    now, before = cents(accounts["revenue"]), cents(accounts["previous_revenue"])
    retained = (movement != "new") & (movement != "lost")
    change = now[retained] - before[retained]
    return Bridge(
        previous_cents=_total(before),
        growth_cents=_total(change[change > 0]),
        decline_cents=-_total(change[change < 0]),
        new_cents=_total(now[movement == "new"]),
        lost_cents=_total(before[movement == "lost"]),
        current_cents=_total(now),
    )
