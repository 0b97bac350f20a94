"""Cost to serve: what each account's visits and small service requests cost, and what is left.

serving cost = (visit hours + service requests × minutes each ÷ 60) × hourly cost, where visit
hours are ``selling_hours`` when the data has them, else visits × the tier's visit length;
net contribution = gross_profit − serving cost. Concessions are shown on their own and taken off
only when the profit figure does not already include them (``profit_includes_concessions``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook import formatting
from workbook import settings as defaults
from workbook.analysis.curves import share_curve
from workbook.coaching._checks import blanks_note, column_or_none, identity
from workbook.errors import AccountDataError
from workbook.i18n import N_, _
from workbook.schema import TIERS
from workbook.settings import PlanSettings

TIER_SUMS = [
    "revenue",
    "gross_profit",
    "concessions",
    "visit_hours",
    "service_hours",
    "serving_cost",
    "net_contribution",
]


@dataclass(frozen=True)
class CostToServe:
    """What serving each account costs and what it leaves (see :func:`cost_to_serve`).

    Attributes
    ----------
    accounts : pandas.DataFrame
        One row per account: account_id, account, tier, revenue, gross_profit, concessions,
        visit_hours, service_hours, serving_cost, net_contribution.
    tiers : pandas.DataFrame
        Per tier (index A, B, C): accounts, the sums of the columns above, ``loss_making`` (how
        many accounts lose money) and ``loss`` (what they lose, as a positive amount).
    loss_making : pandas.DataFrame
        The accounts whose net contribution is below zero, biggest loss first.
    loss_total : float
        What the loss-making accounts lose together (positive; NaN without gross_profit).
    curve : pandas.DataFrame or None
        The whale curve of net contribution (``workbook.analysis.share_curve``: accounts ranked
        by it, rising above 100% and falling back over the loss-makers); None without
        gross_profit or when the net total is not above zero.
    assumptions : dict
        Every number the result rests on.
    notes : list of str
        What the data lacked and what that was taken as.
    """

    accounts: pd.DataFrame
    tiers: pd.DataFrame
    loss_making: pd.DataFrame
    loss_total: float
    curve: pd.DataFrame | None
    assumptions: dict
    notes: list[str] = field(default_factory=list)


def visit_hours_of(
    tiered: pd.DataFrame, lengths: Mapping[str, float]
) -> tuple[pd.Series, str, list[str]]:
    """Return each account's hours with customers, where they came from, and notes.

    ``selling_hours`` where known, else visits × the tier's visit length; accounts with neither
    count as 0 hours, and a note says how many.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered().drop(columns="selling_hours")
    >>> accounts.loc[2, "visits"] = None
    >>> hours, source, notes = visit_hours_of(accounts, {"A": 1.5, "B": 1.0, "C": 0.5})
    >>> hours.tolist(), source
    ([9.0, 3.0, 0.0, 0.5, 4.5], 'visits × visit length')
    >>> notes
    ['1 account has no visits: counted as 0 hours']
    """
    tiers = pd.Series(identity(tiered)["tier"].astype(object))
    selling = column_or_none(tiered, "selling_hours")
    visits = column_or_none(tiered, "visits")
    from_visits = None if visits is None else visits * tiers.map(dict(lengths)).astype(float)
    if selling is None and from_visits is None:
        return (
            pd.Series(np.zeros(len(tiered))),
            "none",
            [_("no visits or selling_hours: serving cost counts service requests only")],
        )
    if selling is None:
        hours, source = from_visits, N_("visits × visit length")
    elif from_visits is None or selling.notna().all():
        hours, source = selling, "selling_hours"
    else:
        hours = selling.fillna(from_visits)
        source = N_("selling_hours (visits × visit length where blank)")
    return (
        hours.fillna(0.0),
        source,
        blanks_note(int(hours.isna().sum()), source.split(" ")[0], _("counted as 0 hours")),
    )


def cost_to_serve(
    tiered: pd.DataFrame,
    settings: PlanSettings | None = None,
    *,
    profit_includes_concessions: bool = defaults.PROFIT_INCLUDES_CONCESSIONS,
    **choices,
) -> CostToServe:
    """Return what serving each account costs and the net contribution it leaves.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with a ``tier`` column; ``gross_profit``, ``selling_hours`` or ``visits``,
        ``service_requests`` and ``concessions`` are used when present.
    settings : PlanSettings, optional
        Its ``hourly_cost`` (800, in the file's currency), ``minutes_per_request`` (20) and
        ``visit_hours`` per tier (A 1.5, B 1.0, C 0.5: used where selling_hours are not known);
        the same as keywords change them.
    profit_includes_concessions : bool, default True
        Whether gross_profit is already net of concessions (then they are not taken off again).

    Returns
    -------
    CostToServe

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> cost = cost_to_serve(example_tiered())
    >>> cost.accounts[["account", "serving_cost", "net_contribution"]]
               account  serving_cost  net_contribution
    0   Fjordbakeri AS       33600.0          166400.0
    1  Berg Elektro AS        5600.0            6400.0
    2      Lys Kafé DA       12800.0           -6800.0
    3       Sol Rør AS        4000.0           -1000.0
    4      Vik Bil ANS       12000.0          -11500.0
    >>> cost.loss_total, list(cost.loss_making["account"])
    (19300.0, ['Vik Bil ANS', 'Lys Kafé DA', 'Sol Rør AS'])
    >>> round(float(cost.curve["value_share"].max()), 3)  # loss-makers give away 12.6%
    1.126
    >>> cost.tiers[["accounts", "concessions", "net_contribution", "loss_making"]]
          accounts  concessions  net_contribution  loss_making
    tier
    A            1       9000.0          166400.0            0
    B            2       3500.0             -400.0            1
    C            2       2100.0          -12500.0            2
    """
    settings = PlanSettings.of(settings, **choices)
    hourly_cost, minutes_per_request = settings.hourly_cost, settings.minutes_per_request
    lengths = settings.visit_hours

    table = identity(tiered)
    notes: list[str] = []
    revenue = column_or_none(tiered, "revenue")
    table["revenue"] = np.nan if revenue is None else revenue.to_numpy()
    profit = column_or_none(tiered, "gross_profit")
    concessions = column_or_none(tiered, "concessions")
    table["gross_profit"] = np.nan if profit is None else profit.to_numpy()
    table["concessions"] = np.nan if concessions is None else concessions.to_numpy()

    hours, source, hour_notes = visit_hours_of(tiered, lengths)
    notes += hour_notes
    requests = column_or_none(tiered, "service_requests")
    if requests is None:
        notes.append(_("no service_requests: serving cost counts visit time only"))
        requests = pd.Series(np.zeros(len(tiered)))
    notes += blanks_note(int(requests.isna().sum()), "service_requests", _("counted as none"))
    table["visit_hours"] = hours.to_numpy()
    table["service_hours"] = requests.fillna(0.0).to_numpy() * minutes_per_request / 60
    table["serving_cost"] = (table["visit_hours"] + table["service_hours"]) * hourly_cost

    net = table["gross_profit"] - table["serving_cost"]
    if profit is None:
        notes.append(_("no gross_profit: net contribution cannot be worked out"))
    else:
        notes += blanks_note(int(profit.isna().sum()), "gross_profit", _("no net contribution"))
    if not profit_includes_concessions:
        if concessions is None:
            notes.append(_("no concessions column, so none were taken off the profit"))
        else:
            notes += blanks_note(int(concessions.isna().sum()), "concessions", _("counted as none"))
            net = net - table["concessions"].fillna(0.0)
    table["net_contribution"] = net

    losing = table[table["net_contribution"] < 0].sort_values("net_contribution", kind="stable")
    grouped = table.groupby("tier", observed=False)
    tiers = grouped[TIER_SUMS].sum(min_count=1)
    tiers.insert(0, "accounts", grouped.size())
    losses = table["net_contribution"] < 0
    tiers["loss_making"] = losses.groupby(table["tier"], observed=False).sum()
    tiers["loss"] = -losing.groupby("tier", observed=False)["net_contribution"].sum()
    tiers = tiers.reindex(list(TIERS))
    tiers.index.name = "tier"
    assumptions = {
        "hourly_cost": hourly_cost,
        "minutes_per_request": minutes_per_request,
        "visit_hours": dict(lengths),
        "visit_hours_from": source,
        "profit_includes_concessions": profit_includes_concessions,
    }
    loss_total = float(-losing["net_contribution"].sum()) if profit is not None else float("nan")
    curve = None
    known = table["net_contribution"].dropna()
    if len(known):
        try:
            curve = share_curve(known.to_numpy(), name="net_contribution")
        except AccountDataError:  # a net total of zero or less has no shares to draw
            notes.append(
                _(
                    "the accounts' net contribution adds up to {total}: no whale curve can be "
                    "drawn of it"
                ).format(total=formatting.money(known.sum()))
            )
    return CostToServe(table, tiers, losing, loss_total, curve, assumptions, notes)
