"""The coaching sentences, each written once: the app, the notebooks, the report and the command
line all say them through these functions, so a sentence is changed in one place.

- the words for a metric, a count of accounts, a visit frequency, a list of names;
- how the tiers are drawn and what each tier is (:func:`tier_rule`, :func:`tier_definitions`);
- the key figures of the tiers and of the concentration (:func:`tier_headline`,
  :func:`concentration_headline`);
- what to do next (:func:`next_actions`), which the report lists as its top actions and the
  action plan sorts into what to commit to, stop doing and measure.

Every sentence goes through translation (``workbook.i18n``) and formats its numbers with
``workbook.formatting``, in the current language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from workbook import formatting as fmt
from workbook.i18n import N_, _, ngettext
from workbook.settings import TierSettings

#: The metric as people say it.
METRIC_LABELS = {
    "revenue": N_("revenue"),
    "gross_profit": N_("gross profit"),
    "blend": N_("value (revenue and profit blended)"),
}

#: How concentrated a book of accounts typically is, said one way everywhere.
TYPICAL_CONCENTRATION = N_(
    "In most books of accounts about 20% of the accounts bring most of the revenue and the profit."
)

#: How many names a sentence lists before it says "and N more".
NAMES_LISTED = 3


def metric_label(metric: str) -> str:
    """Return the metric as people say it.

    Examples
    --------
    >>> metric_label("gross_profit")
    'gross profit'
    """
    return _(METRIC_LABELS[metric]) if metric in METRIC_LABELS else metric.replace("_", " ")


def accounts(n: int) -> str:
    """Return a count of accounts: ``1 account``, ``1,234 accounts``.

    Examples
    --------
    >>> accounts(1), accounts(1234)
    ('1 account', '1,234 accounts')
    """
    return ngettext("{n} account", "{n} accounts", int(n)).format(n=fmt.number(n))


def visits(per_year: float) -> str:
    """Return a visit frequency as a person says it: monthly from 12 a year, else yearly.

    Examples
    --------
    >>> visits(14.7), visits(2.0), visits(1.0), visits(0)
    ('1.2 visits a month', '2 visits a year', '1 visit a year', 'no visits')
    """
    if not per_year or per_year <= 0:
        return _("no visits")
    if per_year >= 12:
        text = fmt.number(per_year / 12, 1)
        return ngettext("{n} visit a month", "{n} visits a month", text == "1").format(n=text)
    text = fmt.number(per_year, 1)
    return ngettext("{n} visit a year", "{n} visits a year", text == "1").format(n=text)


def names(items: pd.DataFrame | Iterable[str], *, limit: int = NAMES_LISTED) -> str:
    """Return account names for a sentence: ``A, B and 3 more`` (a table's ``account`` column).

    Examples
    --------
    >>> names(["Fjordbakeri AS", "Nordhotell AS", "Solkafé ANS", "Vikrør DA"])
    'Fjordbakeri AS, Nordhotell AS, Solkafé ANS and 1 more'
    """
    if isinstance(items, pd.DataFrame):
        items = items["account"]
    return fmt.listing([str(item) for item in items], limit=limit)


# --- the tiers ----------------------------------------------------------------------------------
def tier_definitions(settings: TierSettings) -> dict[str, str]:
    """Return what each tier is under ``settings``, one definition used in every text.

    Examples
    --------
    >>> tier_definitions(TierSettings())["C"]
    'the bottom 25% of your accounts'
    >>> tier_definitions(TierSettings(method="value_share"))["C"]
    'the accounts after the first 95% of the value'
    """
    if settings.method == "account_share":
        return {
            "A": _("the top {a} of your accounts").format(a=fmt.share(settings.a)),
            "B": _("the accounts between A and C"),
            "C": _("the bottom {c} of your accounts").format(c=fmt.share(settings.c)),
        }
    return {
        "A": _("the fewest top accounts that bring {a} of the value").format(
            a=fmt.share(settings.a)
        ),
        "B": _("the next accounts, until {b} of the value").format(b=fmt.share(settings.b)),
        "C": _("the accounts after the first {b} of the value").format(b=fmt.share(settings.b)),
    }


def tier_rule(settings: TierSettings) -> str:
    """Return how the accounts are tiered, in one sentence.

    Examples
    --------
    >>> tier_rule(TierSettings())
    'Ranked by revenue: A = the top 20% of your accounts, C = the bottom 25%, B = the rest.'
    >>> print(tier_rule(TierSettings(metric="gross_profit", method="value_share", a=0.7)))
    Ranked by gross profit: A = the fewest top accounts that bring 70% of the value, B = the next
    accounts, until 95% of the value, C = the rest.
    """
    metric = metric_label(settings.metric)
    if settings.method == "account_share":
        rule = _(
            "Ranked by {metric}: A = the top {a} of your accounts, C = the bottom {c}, "
            "B = the rest."
        ).format(metric=metric, a=fmt.share(settings.a), c=fmt.share(settings.c))
    else:
        definition = tier_definitions(settings)
        rule = _("Ranked by {metric}: A = {a}, B = {b}, C = the rest.").format(
            metric=metric, a=definition["A"], b=definition["B"]
        )
    return f"{rule} {pins_rule(settings)}" if settings.pins else rule


def pins_rule(settings: TierSettings) -> str:
    """Return how many accounts are pinned, to which tiers, in one sentence ("" for none).

    Examples
    --------
    >>> pinned = TierSettings(pins=[("001", "A", "reference"), ("002", "A", "ramping up"),
    ...                             ("003", "C", "closing down")])
    >>> pins_rule(pinned)
    '3 accounts are pinned by hand (2 to A and 1 to C).'
    >>> tier_rule(TierSettings(pins=[("001", "B", "new buyer")]))
    'Ranked by revenue: A = the top 20% of your accounts, C = the bottom 25%, B = the rest. 1 account is pinned by hand (to B).'
    """  # noqa: E501
    n = len(settings.pins)
    if not n:
        return ""
    counts = {tier: sum(pin.tier == tier for pin in settings.pins) for tier in "ABC"}
    if n == 1:
        return _("1 account is pinned by hand (to {tier}).").format(tier=settings.pins[0].tier)
    where = fmt.listing(
        [
            _("{n} to {tier}").format(n=fmt.number(count), tier=tier)
            for tier, count in counts.items()
            if count
        ]
    )
    return ngettext(
        "{n} account is pinned by hand ({where}).",
        "{n} accounts are pinned by hand ({where}).",
        n,
    ).format(n=fmt.number(n), where=where)


def pinned_line(pinned: pd.DataFrame) -> str:
    """Return the pinned accounts in a sentence: name, the rule's tier, the pinned tier, why.

    Parameters
    ----------
    pinned : DataFrame
        From ``workbook.analysis.tiers.pinned_accounts`` (``account``, ``rule_tier``, ``tier``,
        ``pin_reason``).

    Examples
    --------
    >>> pinned = pd.DataFrame({"account": ["Vikrør DA"], "rule_tier": ["C"], "tier": ["A"],
    ...                        "pin_reason": ["reference customer"]})
    >>> pinned_line(pinned)
    'Pinned by hand: Vikrør DA in A (the rule gives C: reference customer).'
    """
    if not len(pinned):
        return ""
    items = [
        (
            _("{account} in {tier} (the rule gives {rule}: {reason})")
            if str(row.rule_tier) != str(row.tier)
            else _("{account} in {tier} (as the rule gives: {reason})")
        ).format(account=row.account, tier=row.tier, rule=row.rule_tier, reason=row.pin_reason)
        for row in pinned.itertuples()
    ]
    return _("Pinned by hand: {items}.").format(items=fmt.listing(items, limit=NAMES_LISTED))


# --- two periods --------------------------------------------------------------------------------
def signed(value: float) -> str:
    """Return an amount with its sign: ``+1,234``, ``−560``, ``0``.

    Examples
    --------
    >>> signed(1234.4), signed(-560.0), signed(0.2)
    ('+1,234', '−560', '0')
    """
    text = fmt.number(abs(value))
    if text == "0":
        return text
    return ("+" if value > 0 else "\u2212") + text


def change_headline(comparison) -> str:
    """Return how many accounts moved tier, came and went since the previous period.

    Parameters
    ----------
    comparison : PeriodComparison
        From ``workbook.analysis.periods.compare_periods``.

    Examples
    --------
    >>> from workbook.analysis.periods import compare_periods
    >>> from workbook.analysis.examples import example_accounts
    >>> before = example_accounts()
    >>> now = before.iloc[:4].assign(revenue=[60000.0, 95000.0, 66000.0, 40000.0])
    >>> print(change_headline(compare_periods(now, before)))
    Since the previous period 1 account moved up a tier and 2 moved down; 1 kept its tier. 0 are
    new and 1 was lost.
    """
    counts = comparison.counts()
    moved = ngettext(
        "Since the previous period {up} account moved up a tier and {down} moved down;",
        "Since the previous period {up} accounts moved up a tier and {down} moved down;",
        counts["up"],
    ).format(up=fmt.number(counts["up"]), down=fmt.number(counts["down"]))
    kept = ngettext("{n} kept its tier.", "{n} kept their tier.", counts["same"]).format(
        n=fmt.number(counts["same"])
    )
    came = ngettext(
        "{new} is new and {lost} {was} lost.", "{new} are new and {lost} {was} lost.", counts["new"]
    ).format(
        new=fmt.number(counts["new"]),
        lost=fmt.number(counts["lost"]),
        was=ngettext("was", "were", counts["lost"]),
    )
    return f"{moved} {kept} {came}"


def bridge_sentence(bridge) -> str:
    """Return the revenue bridge in one sentence: from the previous total to the current one.

    Examples
    --------
    >>> from workbook.analysis.periods import Bridge
    >>> print(bridge_sentence(Bridge(100_000_00, 12_000_00, 4_000_00, 3_000_00, 6_000_00,
    ...                              105_000_00)))
    Revenue went from 100,000 to 105,000: +8,000 from the accounts you had in both periods (12,000
    more from those that grew, 4,000 less from those that shrank), +3,000 from new accounts and
    −6,000 with the accounts that were lost.
    """
    return _(
        "Revenue went from {previous} to {current}: {retained} from the accounts you had in both "
        "periods ({growth} more from those that grew, {decline} less from those that shrank), "
        "{new} from new accounts and {lost} with the accounts that were lost."
    ).format(
        previous=fmt.money(bridge.previous),
        current=fmt.money(bridge.current),
        retained=signed(bridge.retained_change),
        growth=fmt.money(bridge.growth),
        decline=fmt.money(bridge.decline),
        new=signed(bridge.new),
        lost=signed(-bridge.lost),
    )


def tier_headline(summary: pd.DataFrame, *, metric: str) -> str:
    """Return the tiers in one sentence: how many accounts bring how much.

    Parameters
    ----------
    summary : DataFrame
        A per-tier summary indexed A, B, C (``accounts``, ``account_share``, ``value_share``, and
        ``revenue_share``/``gross_profit_share`` when present).
    metric : str
        The metric the tiers were ranked by (its share is ``value_share``).

    Examples
    --------
    >>> summary = pd.DataFrame({"accounts": [50, 138, 62], "account_share": [0.2, 0.552, 0.248],
    ...                         "value_share": [0.77, 0.21, 0.02],
    ...                         "revenue_share": [0.77, 0.21, 0.02],
    ...                         "gross_profit_share": [0.81, 0.2, -0.01]}, index=list("ABC"))
    >>> print(tier_headline(summary, metric="revenue"))
    Your top 20% of accounts (50 of 250) bring 77% of revenue and 81% of gross profit. The bottom
    25% (62 accounts, tier C) bring 2% of revenue.
    """
    n = int(summary["accounts"].sum())
    a, c = summary.loc["A"], summary.loc["C"]
    other = {"revenue": "gross_profit", "gross_profit": "revenue"}.get(metric)
    values = {
        "top": fmt.share(a["account_share"]),
        "count": fmt.number(a["accounts"]),
        "n": fmt.number(n),
        "value": fmt.share(a["value_share"]),
        "metric": metric_label(metric),
    }
    if other and f"{other}_share" in summary.columns:
        text = _(
            "Your top {top} of accounts ({count} of {n}) bring {value} of {metric} and "
            "{other_value} of {other}."
        ).format(**values, other_value=fmt.share(a[f"{other}_share"]), other=metric_label(other))
    else:
        text = _("Your top {top} of accounts ({count} of {n}) bring {value} of {metric}.").format(
            **values
        )
    bottom = ngettext(
        "The bottom {share} ({n} account, tier C) brings {value} of {metric}.",
        "The bottom {share} ({n} accounts, tier C) bring {value} of {metric}.",
        int(c["accounts"]),
    ).format(
        share=fmt.share(c["account_share"]),
        n=fmt.number(c["accounts"]),
        value=fmt.share(c["value_share"]),
        metric=metric_label(metric),
    )
    return f"{text} {bottom}"


def concentration_headline(figures) -> str:
    """Return the concentration figures in one sentence.

    Parameters
    ----------
    figures : Concentration
        From ``workbook.analysis.concentration``.

    Examples
    --------
    >>> from workbook.analysis import concentration
    >>> from workbook.analysis.examples import example_accounts
    >>> print(concentration_headline(concentration(example_accounts(), metric="gross_profit")))
    Your top 20% of accounts (1 of 5) hold 44% of your gross profit; 3 of your 5 accounts (60%) make
    80% of it. 1 account loses money on gross profit.
    """
    value = metric_label(figures.metric)
    text = _(
        "Your top 20% of accounts ({top_n} of {n}) hold {top} of your {metric}; {k} of your {n} "
        "accounts ({share}) make 80% of it."
    ).format(
        top_n=fmt.number(figures.top20_accounts),
        top=fmt.share(figures.top20_share),
        metric=value,
        k=fmt.number(figures.accounts_for_80),
        n=fmt.number(figures.n),
        share=fmt.share(figures.accounts_for_80 / figures.n),
    )
    if figures.loss_accounts:
        text += " " + ngettext(
            "{n} account loses money on {metric}.",
            "{n} accounts lose money on {metric}.",
            figures.loss_accounts,
        ).format(n=fmt.number(figures.loss_accounts), metric=value)
    return text


def gini_sentence(figures) -> str:
    """Return the Gini coefficient with what it means.

    Examples
    --------
    >>> from workbook.analysis import concentration
    >>> from workbook.analysis.examples import example_accounts
    >>> gini_sentence(concentration(example_accounts()))
    'Gini 0.24 (0: every account alike; towards 1: one account has it all).'
    """
    return _("Gini {gini} (0: every account alike; towards 1: one account has it all).").format(
        gini=fmt.fixed(figures.gini, 2)
    )


# --- what to do next ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Action:
    """One thing to do, and the part of the action plan it belongs to.

    ``kind`` is ``"commit"`` (what to do), ``"stop"`` (what to stop doing or hand over) or
    ``"measure"`` (what to look at in a month).
    """

    kind: str
    text: str


def next_actions(
    *, plan=None, today=None, cost=None, screen=None, levels=None, freed=None
) -> list[Action]:
    """Return what to do next, most important first, from whatever results are at hand.

    Parameters
    ----------
    plan : TimePlan, optional
    today : TimeVsValue, optional
    cost : CostToServe, optional
    screen : GrowthScreen, optional
    levels : DataFrame, optional
        The service levels (edited or not): C's channel and who handles it.
    freed : HoursFreed, optional
        Not used for a sentence of its own: the plan's hours already say it.

    Examples
    --------
    >>> from workbook.coaching import plan_time, time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> tiered = example_tiered()
    >>> for action in next_actions(plan=plan_time(tiered), today=time_vs_value(tiered)):
    ...     print(action.kind, action.text)  # doctest: +NORMALIZE_WHITESPACE
    commit Block 24 h a week (80% of your selling time) for your 1 A account: about 61.3 visits
    a month.
    commit Fit your 2 B accounts into 6 h a week (20% of your selling time): about 11.5 visits a
    month each.
    stop Serve your 2 C accounts by inside sales, e-mail or self-service instead of field
    visits: Sol Rør AS and Vik Bil ANS.
    measure Share of your selling time on A accounts: today 57%, in the plan 80%.
    measure Your focus score: today 0.67 (1 = your time follows value exactly); work it out
    again in a month.
    measure Every A account gets at least 1 visit a month (check your calendar).
    """
    actions: list[Action] = []
    if plan is not None:
        actions += _plan_actions(plan, today, screen, levels)
    if today is not None and today.available and len(today.over_served):
        actions.append(
            Action(
                "stop",
                _(
                    "Cut back on the accounts that get far more of your time than their value: "
                    "{names}."
                ).format(names=names(today.over_served)),
            )
        )
    if cost is not None and len(cost.loss_making):
        actions.append(
            Action(
                "commit",
                _(
                    "Review the terms of the accounts that cost more to serve than they earn "
                    "(together {loss}): {names}."
                ).format(loss=fmt.money(cost.loss_total), names=names(cost.loss_making)),
            )
        )
    actions += _measures(plan, today)
    return actions


def _per_week(plan, tier: str) -> str:
    return fmt.number(plan.hours_per_week * plan.shares[tier], 1)


def _plan_actions(plan, today, screen, levels) -> list[Action]:
    tiers = plan.tiers
    actions = []
    if not plan.feasible:
        actions.append(
            Action("commit", _("Make the plan fit first: {why}").format(why=plan.messages[0]))
        )
    n_a, n_b, n_c = (int(tiers.at[t, "accounts"]) for t in ("A", "B", "C"))
    if n_a:
        actions.append(
            Action(
                "commit",
                ngettext(
                    "Block {hours} h a week ({share} of your selling time) for your {n} A "
                    "account: about {visits}.",
                    "Block {hours} h a week ({share} of your selling time) for your {n} A "
                    "accounts: about {visits} each.",
                    n_a,
                ).format(
                    hours=_per_week(plan, "A"),
                    share=fmt.share(plan.shares["A"]),
                    n=fmt.number(n_a),
                    visits=visits(float(tiers.at["A", "visits_per_account_per_year"])),
                ),
            )
        )
    if today is not None and today.available and len(today.under_served):
        actions.append(
            Action(
                "commit",
                _("Call first on the A accounts that get too little of your time: {names}.").format(
                    names=names(today.under_served)
                ),
            )
        )
    if n_b and plan.shares["B"] > 0:
        actions.append(
            Action(
                "commit",
                ngettext(
                    "Fit your {n} B account into {hours} h a week ({share} of your selling "
                    "time): about {visits}.",
                    "Fit your {n} B accounts into {hours} h a week ({share} of your selling "
                    "time): about {visits} each.",
                    n_b,
                ).format(
                    n=fmt.number(n_b),
                    hours=_per_week(plan, "B"),
                    share=fmt.share(plan.shares["B"]),
                    visits=visits(float(tiers.at["B", "visits_per_account_per_year"])),
                ),
            )
        )
    if screen is not None and len(screen.flagged):
        actions.append(
            Action(
                "commit",
                _(
                    "Give your B time first to the B accounts with real room to grow: {names}."
                ).format(names=names(screen.flagged)),
            )
        )
    if n_c and plan.shares["C"] == 0:
        how = (
            _("inside sales, e-mail or self-service")
            if levels is None
            else _("{channel}, handled by {who}").format(
                channel=levels.at["C", "channel"], who=levels.at["C", "handled_by"]
            )
        )
        c_accounts = today.accounts if today is not None and today.available else None
        listed = "" if c_accounts is None else names(c_accounts[c_accounts["tier"] == "C"])
        text = ngettext(
            "Serve your {n} C account by {how} instead of field visits",
            "Serve your {n} C accounts by {how} instead of field visits",
            n_c,
        ).format(n=fmt.number(n_c), how=how)
        actions.append(Action("stop", f"{text}: {listed}." if listed else f"{text}."))
    return actions


def _measures(plan, today) -> list[Action]:
    if today is not None and today.available:
        share_a = fmt.share(today.tiers.at["A", "time_share"])
        points = [
            _(
                "Share of your selling time on A accounts: today {today}, in the plan {plan}."
            ).format(today=share_a, plan=fmt.share(plan.shares["A"]))
            if plan is not None
            else _("Share of your selling time on A accounts: today {today}.").format(
                today=share_a
            ),
            _(
                "Your focus score: today {score} (1 = your time follows value exactly); work it "
                "out again in a month."
            ).format(score=fmt.fixed(today.score, 2)),
        ]
    else:
        points = [
            _(
                "Your hours or visits per account over the next month, so the share of your time "
                "on A accounts can be worked out."
            )
        ]
    if plan is not None and int(plan.tiers.at["A", "accounts"]):
        least = visits(float(plan.min_visits_per_year["A"]))
        points.append(
            _("Every A account gets at least {visits} (check your calendar).").format(visits=least)
        )
    return [Action("measure", text) for text in points]
