"""Thresholds read off the user's own data: a hint they can accept, never applied silently."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook import formatting as fmt
from workbook.analysis.concentration import concentration_from_sorted
from workbook.analysis.metrics import metric_values, require_positive
from workbook.analysis.thresholds import TOLERANCE, first_reaching, running_total
from workbook.i18n import _, ngettext
from workbook.settings import THRESHOLDS, TierSettings, metric_label

#: The share of value the smallest accounts may hold together and still be C.
C_VALUE_SHARE = 0.05

#: Below this Gini the accounts are much alike, and the hint says tiers matter less.
FLAT_GINI = 0.2


@dataclass(frozen=True)
class Suggestion:
    """Suggested tier settings, with the reason in plain words.

    ``settings`` can be passed on as it is: ``assign_tiers(accounts, hint.settings)``.
    """

    settings: TierSettings
    reason: str


def suggest_thresholds(
    accounts: pd.DataFrame, settings: TierSettings | None = None, **choices
) -> Suggestion:
    """Suggest tier thresholds from the shape of the accounts' own Pareto curve.

    A = the accounts above the average: up to them the Pareto curve climbs faster than the
    straight line of a book where every account is alike (its slope, an account's value over
    the average, is above 1). C = the smallest accounts that together hold at most 5% of the
    value. For account_share these are shares of accounts; for value_share, the share of value
    held up to each point. Shares are rounded to a readable step (0.05; 0.01 below 0.05), C's
    downwards so C never holds more than 5%.

    Parameters
    ----------
    accounts : DataFrame
        The user's accounts (canonical columns).
    settings : TierSettings, optional
        Its metric and method are kept (``"account_share"`` suggests a and c, ``"value_share"``
        a and b); its thresholds are what is suggested. ``metric=`` and ``method=`` as keywords
        change them.

    Returns
    -------
    Suggestion

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts().assign(revenue=[300e3, 40e3, 30e3, 20e3, 10e3])
    >>> hint = suggest_thresholds(accounts)
    >>> hint.settings.thresholds
    {'a': 0.2, 'c': 0.2}
    >>> print(hint.reason)
    1 of your 5 accounts (20%) has more revenue than the average account (80,000): up to there the
    Pareto curve climbs faster than it would if every account were alike. A = the top 20%. The
    smallest account holds at most 5% of revenue: C = the bottom 20%.
    >>> suggest_thresholds(accounts, method="value_share").settings.thresholds  # top one: 75%
    {'a': 0.75, 'b': 0.95}
    """
    chosen = TierSettings.of(settings, **choices)
    metric, method = chosen.metric, chosen.method
    values = metric_values(accounts, metric)
    require_positive(values, metric)
    descending = np.sort(values)[::-1]
    running = running_total(np.maximum(descending, 0))
    n, total = len(descending), float(running[-1])
    average = total / n
    above = int(np.count_nonzero(descending > average * (1 + TOLERANCE)))
    small = n - first_reaching(running, 1 - C_VALUE_SHARE)
    flat = concentration_from_sorted(descending, running, metric=metric).gini < FLAT_GINI

    if method == "account_share":
        a = _readable(above / n) if above else THRESHOLDS[method]["a"]
        b, c = None, _readable(small / n, down=True)
    else:
        a = min(_readable(running[above] / total), 0.95) if above else THRESHOLDS[method]["a"]
        b, c = max(a, _readable(running[n - small] / total, down=True)), None
    reason = [
        _why_a(above, n, average, metric, method, a),
        _why_c(small, n, metric, method, b if c is None else c),
    ]
    if flat:
        reason.append(
            _(
                "Your accounts are much alike, so tiers matter less here than the 80/20 "
                "rule suggests."
            )
        )
    thresholds = {"a": a, "b": b} if c is None else {"a": a, "c": c}
    return Suggestion(TierSettings(metric=metric, method=method, **thresholds), " ".join(reason))


def _why_a(above: int, n: int, average: float, metric: str, method: str, a: float) -> str:
    value, top = metric_label(metric), fmt.share(a)
    if not above:
        return (
            _(
                "Every one of your {n} accounts has the same {metric}, so no account stands out: "
                "A keeps the default, the top {top} of accounts."
            )
            if method == "account_share"
            else _(
                "Every one of your {n} accounts has the same {metric}, so no account stands out: "
                "A keeps the default, the top {top} of {metric}."
            )
        ).format(n=fmt.number(n), metric=value, top=top)
    where = (
        _("A = the top {top}.")
        if method == "account_share"
        else ngettext(
            "It holds about {top} of it: A = the top group that reaches {top} of {metric}.",
            "Together they hold about {top} of it: A = the top group that reaches {top} of "
            "{metric}.",
            above,
        )
    ).format(top=top, metric=value)
    return ngettext(
        "{above} of your {n} accounts ({share}) has more {metric} than the average account "
        "({average}): up to there the Pareto curve climbs faster than it would if every account "
        "were alike. {where}",
        "{above} of your {n} accounts ({share}) have more {metric} than the average account "
        "({average}): up to there the Pareto curve climbs faster than it would if every account "
        "were alike. {where}",
        above,
    ).format(
        above=fmt.number(above),
        n=fmt.number(n),
        share=fmt.share(above / n),
        metric=value,
        average=fmt.number(average),
        where=where,
    )


def _why_c(small: int, n: int, metric: str, method: str, share: float) -> str:
    value, until = metric_label(metric), fmt.share(share)
    if not small:
        return (
            _("No group of your smallest accounts holds 5% of {metric} or less, so C = none.")
            if method == "account_share"
            else _(
                "No group of your smallest accounts holds 5% of {metric} or less, so B = the "
                "next accounts until {until} of {metric}, C = the rest."
            )
        ).format(metric=value, until=until)
    if method == "value_share":
        return ngettext(
            "The smallest account holds at most 5% of {metric}: B = the next accounts until "
            "{until} of {metric}, C = the rest.",
            "The smallest {small} accounts ({share}) together hold at most 5% of {metric}: B = "
            "the next accounts until {until} of {metric}, C = the rest.",
            small,
        ).format(small=fmt.number(small), share=fmt.share(small / n), metric=value, until=until)
    return ngettext(
        "The smallest account holds at most 5% of {metric}: C = the bottom {until}.",
        "The smallest {small} accounts ({share}) together hold at most 5% of {metric}: C = the "
        "bottom {until}.",
        small,
    ).format(small=fmt.number(small), share=fmt.share(small / n), metric=value, until=until)


def _readable(share: float, *, down: bool = False) -> float:
    """Round a share to a step a person reads easily: 0.05, or 0.01 below 0.05.

    Examples
    --------
    >>> _readable(0.184), _readable(0.184, down=True), _readable(0.031), _readable(0.004)
    (0.2, 0.15, 0.03, 0.01)
    """
    step = 0.05 if share >= 0.05 else 0.01
    steps = math.floor(share / step + TOLERANCE) if down else max(round(share / step), 1)
    return round(steps * step, 2)
