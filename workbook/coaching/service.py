"""Service levels per tier, like an airline's status tiers: how often you visit, how fast you
answer, through which channel, who handles it, and what concessions are allowed.

The default matrix is a starting point the salesperson edits (it is a plain DataFrame);
:func:`check_service_levels` then checks its visits against the time plan's hours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching.plan import TimePlan
from workbook.errors import SettingsError
from workbook.i18n import _, ngettext
from workbook.schema import TIERS

LEVEL_COLUMNS = [
    "visits_per_year",
    "visit_hours",
    "response_time",
    "channel",
    "handled_by",
    "concessions",
]


def default_service_levels() -> pd.DataFrame:
    """Return the default service level of each tier as a table to edit.

    The visits are the least each account of a tier gets in the plan (``MIN_VISITS_PER_YEAR``;
    the plan gives the bigger accounts more): A accounts at least every other month, answered the
    same day and handled by you; B accounts at least once a year; C accounts are served by inside
    sales, e-mail and self-service, with no visits.

    Examples
    --------
    >>> levels = default_service_levels()
    >>> levels[["visits_per_year", "visit_hours", "handled_by"]]
          visits_per_year  visit_hours                       handled_by
    tier
    A                 6.0          1.5          you (account manager)
    B                 1.0          1.0                              you
    C                 0.0          0.5  inside sales / customer service
    """
    lengths, least = defaults.VISIT_HOURS, defaults.MIN_VISITS_PER_YEAR
    rows = [
        (
            "A",
            least["A"],
            lengths["A"],
            _("same working day"),
            _("visits (more for the bigger accounts), phone and a yearly business review"),
            _("you (account manager)"),
            _("agreed once a year in the account plan"),
        ),
        (
            "B",
            least["B"],
            lengths["B"],
            _("within 2 working days"),
            _("a visit or more a year, phone and e-mail"),
            _("you"),
            _("standard terms; exceptions need your approval"),
        ),
        (
            "C",
            least["C"],
            lengths["C"],
            _("within 5 working days"),
            _("inside sales, e-mail and web shop"),
            _("inside sales / customer service"),
            _("list price and standard terms; no ad hoc discounts"),
        ),
    ]
    return pd.DataFrame(rows, columns=["tier", *LEVEL_COLUMNS]).set_index("tier")


@dataclass(frozen=True)
class ServiceCheck:
    """Whether the service levels fit the time plan (see :func:`check_service_levels`).

    ``table`` has one row per tier: accounts, visits_per_year, visit_hours, hours_needed
    (visits a year × visit length × accounts), hours_planned, spare and fits.
    """

    table: pd.DataFrame
    fits: bool
    messages: list[str]


def check_service_levels(levels: pd.DataFrame, plan: TimePlan) -> ServiceCheck:
    """Check each tier's visits (visits a year × visit length × accounts) against the plan's hours.

    Parameters
    ----------
    levels : pandas.DataFrame
        Service levels indexed by tier, with ``visits_per_year`` and ``visit_hours``, as
        :func:`default_service_levels` returns them (edited or not).
    plan : TimePlan
        The time plan of the same accounts.

    Returns
    -------
    ServiceCheck
        The per-tier table, ``fits`` and what to change where it does not.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> plan = plan_time(example_tiered(), hours_per_week=1)
    >>> check = check_service_levels(default_service_levels(), plan)
    >>> check.table[["accounts", "hours_needed", "hours_planned", "fits"]]
          accounts  hours_needed  hours_planned  fits
    tier
    A            1           9.0           32.4  True
    B            2           2.0            8.1  True
    C            2           0.0            0.0  True
    >>> levels = default_service_levels()
    >>> levels.loc["B", "visits_per_year"] = 6
    >>> print(*check_service_levels(levels, plan).messages)
    B: 2 accounts × 6 visits a year × 1 h = 12 h, but the plan gives B 8.1 h. Visit B accounts at
    most 4.1 times a year, shorten the visits to 0.68 h, or give B more time.
    """
    _check_levels(levels)
    rows, messages = [], []
    for tier in TIERS:
        n = int(plan.tiers.at[tier, "accounts"])
        visits = float(levels.at[tier, "visits_per_year"])
        length = float(levels.at[tier, "visit_hours"])
        needed = visits * length * n
        planned = float(plan.tiers.at[tier, "hours"])
        fits = needed <= planned * (1 + 1e-9)
        rows.append(
            {
                "tier": tier,
                "accounts": n,
                "visits_per_year": visits,
                "visit_hours": length,
                "hours_needed": needed,
                "hours_planned": planned,
                "spare": planned - needed,
                "fits": fits,
            }
        )
        if not fits:
            messages.append(_misfit(tier, n, visits, length, needed, planned))
    table = pd.DataFrame(rows).set_index("tier")
    return ServiceCheck(table, not messages, messages)


def _check_levels(levels: pd.DataFrame) -> None:
    """Raise SettingsError naming every tier or number the service levels get wrong."""
    missing_tiers = [tier for tier in TIERS if tier not in levels.index]
    missing_columns = [c for c in ("visits_per_year", "visit_hours") if c not in levels.columns]
    if missing_tiers or missing_columns:
        raise SettingsError(
            _(
                "the service levels need the tiers A, B, C as rows and the columns "
                "visits_per_year and visit_hours (missing: {missing})"
            ).format(missing=", ".join(missing_tiers + missing_columns))
        )
    wrong = []
    for tier in TIERS:
        for column, least in (("visits_per_year", 0), ("visit_hours", 0)):
            value = levels.at[tier, column]
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = math.nan
            bad = not math.isfinite(number) or number < least
            if column == "visit_hours" and number == 0:
                bad = True
            if bad:
                shown = fmt.number(number, 3) if math.isfinite(number) else repr(value)
                wrong.append(
                    _("{column} of {tier} is {value}").format(column=column, tier=tier, value=shown)
                )
    if wrong:
        raise SettingsError(
            _(
                "service levels need visits a year of 0 or more and a visit length above 0: {wrong}"
            ).format(wrong="; ".join(wrong))
        )


def _misfit(tier: str, n: int, visits: float, length: float, needed: float, planned: float) -> str:
    """Say where a tier's service level does not fit its planned hours, and what would."""
    text = ngettext(
        "{tier}: {n} account × {visits} visits a year × {length} = {needed}, but the plan gives "
        "{tier} {planned}.",
        "{tier}: {n} accounts × {visits} visits a year × {length} = {needed}, but the plan gives "
        "{tier} {planned}.",
        n,
    ).format(
        tier=tier,
        n=fmt.number(n),
        visits=fmt.number(visits, 1),
        length=fmt.hours(length, 2),
        needed=fmt.hours(needed, 1),
        planned=fmt.hours(planned, 1),
    )
    if planned <= 0:
        advice = _("Give {tier} a share of the time or drop its visits.").format(tier=tier)
    else:
        advice = _(
            "Visit {tier} accounts at most {most} times a year, shorten the visits to {shorter}, "
            "or give {tier} more time."
        ).format(
            tier=tier,
            most=fmt.number(planned / (n * length), 1),
            shorter=fmt.hours(planned / (n * visits), 2),
        )
    return _("{problem} {advice}").format(problem=text, advice=advice)
