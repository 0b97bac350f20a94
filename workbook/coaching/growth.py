"""The growth screen for B: the few B accounts with real room to grow.

headroom = potential − revenue (where potential is known), growth = revenue ÷ revenue_prev − 1
(where revenue_prev > 0), margin = gross_profit ÷ revenue (where revenue > 0). Each becomes a
percentile rank within B; the score is their weighted mean, with the weights of criteria the data
cannot tell left out and the rest renormalised. The top ceil(20% × B accounts) are flagged. The
screen never guesses: what it could not judge, it says.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook import formatting
from workbook import settings as defaults
from workbook.coaching._checks import column_or_none, identity
from workbook.errors import SettingsError
from workbook.i18n import N_, _

CRITERIA = ("headroom", "growth", "margin")
#: What each criterion needs from the data, and what it says, for the messages.
NEEDS = {
    "headroom": ("potential", N_("room to grow (potential − revenue)")),
    "growth": ("revenue_prev", N_("recent growth (revenue against revenue_prev)")),
    "margin": ("gross_profit", N_("margin (gross_profit ÷ revenue)")),
}
#: Each criterion's name in a sentence (the weights' keys stay as they are).
CRITERION_NAMES = {"headroom": N_("headroom"), "growth": N_("growth"), "margin": N_("margin")}


@dataclass(frozen=True)
class GrowthScreen:
    """The B accounts scored for growth (see :func:`growth_screen`).

    Attributes
    ----------
    accounts : pandas.DataFrame
        One row per B account, best score first: account_id, account, revenue, headroom, growth,
        margin, their percentile ranks (``headroom_rank`` …), ``criteria`` (how many the score
        rests on), ``score`` (0–1; NaN when nothing could be judged) and ``flagged``.
    flagged : pandas.DataFrame
        The flagged accounts (the top ~20% of B).
    weights : dict
        The weights used after leaving out what the data cannot tell (they add up to 1).
    could_not_judge : list of str
        What the screen could not judge and why, in plain words.
    message : str
        One sentence on what the screen found.
    """

    accounts: pd.DataFrame
    flagged: pd.DataFrame
    weights: dict[str, float]
    could_not_judge: list[str]
    message: str


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Return the screen's weights (defaults for those not given), checked.

    Examples
    --------
    >>> check_weights({"margin": 0})
    {'headroom': 0.5, 'growth': 0.3, 'margin': 0.0}
    """
    merged = {**defaults.GROWTH_WEIGHTS, **(weights or {})}
    unknown = sorted(set(merged) - set(CRITERIA))
    if unknown:
        raise SettingsError(
            _("unknown growth criteria {criteria}: use headroom, growth and margin").format(
                criteria=unknown
            )
        )
    checked = {}
    for name in CRITERIA:
        try:
            checked[name] = float(merged[name])
        except (TypeError, ValueError):
            raise SettingsError(
                _("the weight of {name} must be a number, not {value!r}").format(
                    name=name, value=merged[name]
                )
            ) from None
        if not (math.isfinite(checked[name]) and checked[name] >= 0):
            raise SettingsError(
                _("the weight of {name} must be 0 or more, not {value!r}").format(
                    name=name, value=merged[name]
                )
            )
    if sum(checked.values()) <= 0:
        raise SettingsError(_("at least one growth weight must be above 0"))
    return checked


def _criteria(b: pd.DataFrame) -> dict[str, pd.Series | None]:
    """Return each criterion per B account (NaN where it cannot be told), None when no column."""
    revenue = column_or_none(b, "revenue")
    potential = column_or_none(b, "potential")
    previous = column_or_none(b, "revenue_prev")
    profit = column_or_none(b, "gross_profit")
    found: dict[str, pd.Series | None] = dict.fromkeys(CRITERIA)
    if revenue is None:
        return found
    if potential is not None:
        found["headroom"] = potential - revenue
    if previous is not None:
        found["growth"] = (revenue / previous.where(previous > 0)) - 1
    if profit is not None:
        found["margin"] = profit / revenue.where(revenue > 0)
    return found


def growth_screen(
    tiered: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    top_share: float = defaults.GROWTH_TOP_SHARE,
) -> GrowthScreen:
    """Score the B accounts on headroom, growth and margin and flag the top ~20%.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with ``tier`` and ``revenue``; ``potential``, ``revenue_prev`` and
        ``gross_profit`` are used when present.
    weights : dict, default {"headroom": 0.5, "growth": 0.3, "margin": 0.2}
        How much each criterion counts; criteria left out keep their default.
    top_share : float, default 0.2
        The share of B accounts to flag: ceil(top_share × number of B accounts).

    Returns
    -------
    GrowthScreen

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered().assign(tier="B").drop(columns="gross_profit")
    >>> screen = growth_screen(accounts)
    >>> screen.accounts[["account", "headroom", "score", "flagged"]]
               account  headroom   score  flagged
    1  Berg Elektro AS  100000.0  0.9375     True
    0   Fjordbakeri AS  100000.0  0.8625    False
    3       Sol Rør AS    5000.0  0.6000    False
    2      Lys Kafé DA    1000.0  0.3375    False
    4      Vik Bil ANS    1000.0  0.2625    False
    >>> screen.weights
    {'headroom': 0.625, 'growth': 0.375}
    >>> screen.could_not_judge
    ['margin (gross_profit ÷ revenue): the data has no gross_profit']
    """
    weights = check_weights(weights)
    if not (isinstance(top_share, int | float) and 0 < top_share <= 1):
        raise SettingsError(
            _("top_share must be a share above 0 and at most 1, not {value!r}").format(
                value=top_share
            )
        )
    is_b = np.asarray(identity(tiered)["tier"] == "B")
    b = tiered[is_b]
    table = identity(b)[["account_id", "account"]].set_axis(b.index)  # rows keep their labels
    revenue = column_or_none(b, "revenue")
    table["revenue"] = np.nan if revenue is None else revenue.to_numpy()

    could_not_judge: list[str] = []
    used: dict[str, float] = {}
    criteria = _criteria(b)
    for name in CRITERIA:
        column, meaning = NEEDS[name]
        values = criteria[name]
        table[name] = np.nan if values is None else values.to_numpy()
        table[f"{name}_rank"] = table[name].rank(pct=True, method="average")
        if values is None or values.isna().all():
            lacking = "revenue" if revenue is None else column
            could_not_judge.append(
                _("{criterion}: the data has no {column}").format(
                    criterion=_(meaning), column=lacking
                )
            )
            continue
        if weights[name] == 0:
            continue
        used[name] = weights[name]
        unknown = int(values.isna().sum())
        if unknown:
            could_not_judge.append(
                _(
                    "{criterion}: unknown for {n} of {m} B accounts, whose score leaves it out"
                ).format(
                    criterion=_(meaning),
                    n=formatting.number(unknown),
                    m=formatting.number(len(b)),
                )
            )

    ranks = table[[f"{name}_rank" for name in used]].to_numpy(dtype=float)
    w = np.array([used[name] for name in used], dtype=float)
    known = ~np.isnan(ranks)
    weight_known = (known * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        table["score"] = np.where(
            weight_known > 0, (np.nan_to_num(ranks) * w).sum(axis=1) / weight_known, np.nan
        )
    table["criteria"] = known.sum(axis=1)
    table = table.sort_values(
        ["score", "revenue"], ascending=False, kind="stable", na_position="last"
    )
    wanted = math.ceil(top_share * len(b) - 1e-9)
    table["flagged"] = False
    scored = table["score"].notna().to_numpy()
    table.loc[table.index[scored][:wanted], "flagged"] = True
    flagged = table[table["flagged"]]

    total = sum(used.values())
    if not used:
        message = _(
            "The growth screen needs potential, revenue_prev or gross_profit for the B "
            "accounts; this data has none of them, so it flags no account."
        )
    else:
        message = _(
            "{n} of {m} B accounts show the most room to grow, judged on {criteria}."
        ).format(
            n=formatting.number(len(flagged)),
            m=formatting.number(len(b)),
            criteria=", ".join(_(CRITERION_NAMES[name]) for name in used),
        )
    return GrowthScreen(
        table, flagged, {name: w_ / total for name, w_ in used.items()}, could_not_judge, message
    )
