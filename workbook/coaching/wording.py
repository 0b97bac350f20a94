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

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from workbook import formatting as fmt
from workbook.i18n import N_, _, ngettext
from workbook.settings import (
    TierSettings,
    metric_label,
)

#: The metric as people say it.

#: How concentrated a book of accounts typically is, said one way everywhere.
TYPICAL_CONCENTRATION = N_(
    "In most books of accounts about 20% of the accounts bring most of the revenue and the profit."
)

#: How many names a sentence lists before it says "and N more".
NAMES_LISTED = 3


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


# --- the plan -----------------------------------------------------------------------------------
#: Each cadence (``workbook.coaching.plan.CADENCES``) as people say it.
CADENCE_LABELS = {
    "weekly": N_("weekly"),
    "fortnightly": N_("every other week"),
    "monthly": N_("monthly"),
    "every_other_month": N_("every other month"),
    "quarterly": N_("quarterly"),
    "twice_a_year": N_("twice a year"),
    "yearly": N_("once a year"),
    "none": N_("no visits"),
}
#: Each channel (``workbook.coaching.plan.CHANNELS``) as people say it.
CHANNEL_LABELS = {
    "field": N_("field visits"),
    "phone_video": N_("phone or video"),
    "inside_sales": N_("inside sales"),
    "self_service": N_("e-mail and self-service"),
}
#: Each way of sharing a tier's hours (``workbook.settings.ALLOCATIONS``) as people say it.
ALLOCATION_LABELS = {
    "response": N_("by response: the next visit where it adds most (diminishing returns)"),
    "equal": N_("equally: the same visits for every account of a tier"),
    "value": N_("in proportion to value"),
}


#: The same, in a few words (a legend, a drop-down).
ALLOCATION_NAMES = {
    "response": N_("by response (diminishing returns)"),
    "equal": N_("equal within the tier"),
    "value": N_("in proportion to value"),
}


def cadence_label(key: str) -> str:
    """Return a cadence as people say it.

    Examples
    --------
    >>> cadence_label("fortnightly"), cadence_label("yearly")
    ('every other week', 'once a year')
    """
    return _(CADENCE_LABELS[key])


def channel_label(key: str) -> str:
    """Return a channel as people say it (``phone_video`` → ``phone or video``)."""
    return _(CHANNEL_LABELS[key])


def allocation_label(key: str, *, short: bool = False) -> str:
    """Return how a tier's hours are shared, as people say it (in a few words when ``short``)."""
    return _((ALLOCATION_NAMES if short else ALLOCATION_LABELS)[key])


def visits_a_year(n: float) -> str:
    """Return whole visits a year: ``1 visit a year``, ``38 visits a year``.

    Examples
    --------
    >>> visits_a_year(1), visits_a_year(38)
    ('1 visit a year', '38 visits a year')
    """
    return ngettext("{n} visit a year", "{n} visits a year", int(n)).format(n=fmt.number(n))


def plan_summary(plan) -> str:
    """Return what the plan gives the accounts of each tier, or that it does not fit.

    Parameters
    ----------
    plan : TimePlan
        From ``workbook.coaching.plan_time``.

    Examples
    --------
    >>> from workbook.coaching import plan_time
    >>> from workbook.coaching.examples import example_tiered
    >>> print(plan_summary(plan_time(example_tiered(), hours_per_week=10)))
    The plan fits. Your A account gets 45 visits a year (67.5 h). Your 2 B accounts get 12 visits
    a year each (24 h in all). Your 2 C accounts get no field visits (inside sales, e-mail or
    self-service). 45 h a year are kept for new customers.
    """
    tiers = plan.tiers
    short = [tier for tier in tiers.index if not tiers.at[tier, "meets_minimum"]]
    if short:
        return ngettext(
            "The plan does not fit: {tiers} accounts get fewer visits than the minimum.",
            "The plan does not fit: {tiers} accounts get fewer visits than the minimum.",
            len(short),
        ).format(tiers=fmt.listing(short))
    sentences = [_("The plan fits.")]
    for tier, row in tiers.iterrows():
        n = int(row["accounts"])
        if n == 0:
            continue
        values = {
            "n": fmt.number(n),
            "tier": tier,
            "least": fmt.number(row["least_visits"]),
            "most": fmt.number(row["most_visits"]),
            "hours": fmt.hours(row["planned_hours"]),
        }
        if row["most_visits"] == 0:
            text = ngettext(
                "Your {tier} account gets no field visits (inside sales, e-mail or self-service).",
                "Your {n} {tier} accounts get no field visits (inside sales, e-mail or "
                "self-service).",
                n,
            )
        elif n == 1:
            text = _("Your {tier} account gets {visits} ({hours}).")
            values["visits"] = visits_a_year(row["most_visits"])
        elif row["least_visits"] == row["most_visits"]:
            text = _("Your {n} {tier} accounts get {visits} each ({hours} in all).")
            values["visits"] = visits_a_year(row["most_visits"])
        else:
            text = _(
                "Your {n} {tier} accounts get {least} to {most} visits a year, by their value "
                "({hours} in all)."
            )
        sentences.append(text.format(**values))
    if plan.prospecting_hours > 0:
        sentences.append(
            _("{hours} a year are kept for new customers.").format(
                hours=fmt.hours(plan.prospecting_hours)
            )
        )
    return " ".join(sentences)


def plan_messages(plan) -> list[str]:
    """Return what is wrong or left over in the plan and which setting changes it.

    Examples
    --------
    >>> from workbook.coaching import plan_time
    >>> from workbook.coaching.examples import example_tiered
    >>> for message in plan_messages(plan_time(example_tiered(), share_a=0.5, share_b=0.0)):
    ...     print(message)
    Your A account cannot use all of A's 607.5 h: at most 45 visits a year (max_visits_per_year)
    take 67.5 h, and 540 h are left. Give them to another tier (share_a) or to new customers
    (prospecting_share).
    B gets none of your field time but you have 2 B accounts, and each needs at least 1 visit a
    year (2 h a year in all). Give B a share of the field time (share_b = 0.01 would do) or move
    its accounts to another tier.
    Your 2 C accounts cannot use all of C's 607.5 h: at most 4 visits a year each
    (max_visits_per_year) take 4 h, and 603.5 h are left. Give them to another tier (share_c) or
    to new customers (prospecting_share).
    """
    messages = []
    tiers = plan.tiers
    for tier, row in tiers.iterrows():
        n = int(row["accounts"])
        if not row["meets_minimum"]:
            messages.append(_shortfall(plan, tier))
        elif n == 0 and row["share"] > 0:
            messages.append(
                _(
                    "{tier} has no accounts, so its {share} of your field time ({hours} a "
                    "year) goes to no one: give it to another tier (share_{name})."
                ).format(
                    tier=tier,
                    share=fmt.share(row["share"]),
                    hours=fmt.hours(row["hours"]),
                    name=tier.lower(),
                )
            )
        elif (
            n
            and row["spare_hours"] >= row["visit_hours"]
            and row["least_visits"] == row["max_visits_per_year"]
        ):
            messages.append(
                ngettext(
                    "Your {tier} account cannot use all of {tier}'s {hours}: at most {most} "
                    "(max_visits_per_year) take {planned}, and {spare} are left. Give them to "
                    "another tier (share_{name}) or to new customers (prospecting_share).",
                    "Your {n} {tier} accounts cannot use all of {tier}'s {hours}: at most "
                    "{most} each (max_visits_per_year) take {planned}, and {spare} are left. "
                    "Give them to another tier (share_{name}) or to new customers "
                    "(prospecting_share).",
                    n,
                ).format(
                    n=fmt.number(n),
                    tier=tier,
                    hours=fmt.hours(row["hours"]),
                    most=visits_a_year(row["max_visits_per_year"]),
                    planned=fmt.hours(row["planned_hours"]),
                    spare=fmt.hours(row["spare_hours"]),
                    name=tier.lower(),
                )
            )
    new = plan.accounts[plan.accounts["new"] & (plan.accounts["tier_by_value"] == "C")]
    if len(new):
        messages.append(
            ngettext(
                "{n} new account (first order less than {months} months ago) is planned as B, "
                "not C: its revenue covers only part of a year. {names}.",
                "{n} new accounts (first order less than {months} months ago) are planned as "
                "B, not C: their revenue covers only part of a year. {names}.",
                len(new),
            ).format(
                n=fmt.number(len(new)),
                months=fmt.number(plan.settings.new_account_months),
                names=names(new),
            )
        )
    return messages


def _shortfall(plan, tier: str) -> str:
    """Say why ``tier``'s accounts get fewer visits than the minimum and what would make it fit."""
    row = plan.tiers.loc[tier]
    settings = plan.settings
    n, least, length = int(row["accounts"]), row["min_visits_per_year"], row["visit_hours"]
    needed = n * least * length
    need = visits_a_year(least)
    if row["share"] == 0:
        return ngettext(
            "{tier} gets none of your field time but you have {n} {tier} account, and it needs "
            "at least {need} ({hours} a year in all). Give {tier} a share of the field time "
            "(share_{name} = {share} would do) or move it to another tier.",
            "{tier} gets none of your field time but you have {n} {tier} accounts, and each "
            "needs at least {need} ({hours} a year in all). Give {tier} a share of the field "
            "time (share_{name} = {share} would do) or move its accounts to another tier.",
            n,
        ).format(
            tier=tier,
            n=fmt.number(n),
            need=need,
            hours=fmt.hours(needed, 0),
            name=tier.lower(),
            share=fmt.fixed(math.ceil(needed / plan.field_hours * 100) / 100, 2),
        )
    field_share = 1 - settings.prospecting_share
    can = row["hours"] / (n * length)
    text = ngettext(
        "You have {n} {tier} account; {tier}'s {share} of your {week} of field time a week lets "
        "you visit it {can} at {length} a visit, and every {tier} account needs at least "
        "{need}.",
        "You have {n} {tier} accounts; {tier}'s {share} of your {week} of field time a week lets "
        "you visit each {can} at {length} a visit, and every {tier} account needs at least "
        "{need}.",
        n,
    ).format(
        n=fmt.number(n),
        tier=tier,
        week=fmt.hours(plan.hours_per_week * field_share, 2),
        share=fmt.share(row["share"]),
        can=_times_a_year(can),
        length=fmt.hours(length, 2),
        need=need,
    )
    more = math.ceil(needed / (plan.weeks * field_share * row["share"]) * 10) / 10
    options = [_("plan at least {hours} a week (hours_per_week)").format(hours=fmt.hours(more))]
    shorter = math.floor(row["hours"] / (n * least) * 10) / 10
    if shorter > 0:
        options.append(
            _("shorten {tier} visits to {hours} (visit_hours)").format(
                tier=tier, hours=fmt.hours(shorter)
            )
        )
    fits = math.floor(row["hours"] / (least * length) + 1e-9)
    if fits > 0 and tier == "A":
        total = len(plan.accounts)
        # a is a share of accounts only with account_share tiers, so the method is named
        options.append(
            _(
                "make A smaller (at most {fits} of your {n} accounts: a = {a} with account_share "
                "tiers)"
            ).format(
                fits=fmt.number(fits),
                n=fmt.number(total),
                a=fmt.fixed(math.floor(fits / total * 100) / 100, 2),
            )
        )
    elif fits > 0:
        options.append(
            ngettext(
                "keep at most {fits} account in {tier}",
                "keep at most {fits} accounts in {tier}",
                fits,
            ).format(fits=fmt.number(fits), tier=tier)
        )
    if settings.prospecting_share > 0 and needed <= plan.total_hours * row["share"] + 1e-9:
        options.append(_("keep less time for new customers (prospecting_share)"))
    return f"{text} {_sentence(options)}"


def _times_a_year(per_year: float) -> str:
    text = fmt.number(per_year, 1)
    return ngettext("{n} time a year", "{n} times a year", text == "1").format(n=text)


def _sentence(options: list[str]) -> str:
    """Return options as one sentence: ``Do this, that, or the other.``"""
    if len(options) == 1:
        text = options[0]
    else:
        text = _("{options} or {last}").format(
            options=", ".join(options[:-1]) + ",", last=options[-1]
        )
    return text[:1].upper() + text[1:] + "."


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
    *,
    plan=None,
    today=None,
    cost=None,
    screen=None,
    levels=None,
    freed=None,
    growth_picks=None,
    handover=None,
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
    growth_picks, handover : sequence of str, optional
        The B accounts picked for growth (default: the screen's flagged ones) and the C accounts
        handed to other channels (default: every C account), by name.

    Examples
    --------
    >>> from workbook.coaching import plan_time, time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> tiered = example_tiered()
    >>> plan = plan_time(tiered, hours_per_week=2, weeks=40)
    >>> for action in next_actions(plan=plan, today=time_vs_value(tiered, plan=plan)):
    ...     print(action.kind, action.text)  # doctest: +NORMALIZE_WHITESPACE
    commit Block 1.4 h a week (80% of your field time) for your 1 A account: 38 visits a year.
    commit Fit your 2 B accounts into 0.4 h a week (20% of your field time): 6 to 8 visits a year
    each, by their value.
    commit Keep 0.2 h a week (10% of your selling time) for new customers.
    stop Serve your 2 C accounts by inside sales, e-mail or self-service instead of field
    visits: Sol Rør AS and Vik Bil ANS.
    measure Share of your time on A accounts: today 57%, in the plan 80%.
    measure Your focus score: today 0.74 (1 = your time follows your plan exactly); work it out
    again in a month.
    measure Every A account gets at least 38 visits a year (check your calendar).
    """
    actions: list[Action] = []
    if plan is not None:
        actions += _plan_actions(plan, today, screen, levels, growth_picks, handover)
    if today is not None and today.available and len(today.over_served):
        actions.append(
            Action(
                "stop",
                _(
                    "Cut back on the accounts that get far more of your time than the plan gives "
                    "them: "
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
    """Return the hours a week the plan gives a tier's accounts (their visits, over the weeks)."""
    return fmt.hours(plan.tiers.at[tier, "planned_hours"] / plan.weeks)


def tier_visits(plan, tier: str) -> str:
    """Return the visits a year a tier's accounts get: ``6 to 45 visits a year``."""
    row = plan.tiers.loc[tier]
    if not row["most_visits"] > 0:  # none, or no accounts (NaN)
        return _("no visits")
    if row["least_visits"] == row["most_visits"]:
        return visits_a_year(row["most_visits"])
    return _("{least} to {most} visits a year").format(
        least=fmt.number(row["least_visits"]), most=fmt.number(row["most_visits"])
    )


def _plan_actions(plan, today, screen, levels, growth_picks, handover) -> list[Action]:
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
                    "Block {hours} a week ({share} of your field time) for your {n} A account: "
                    "{visits}.",
                    "Block {hours} a week ({share} of your field time) for your {n} A "
                    "accounts: {visits} each, more for the bigger ones (the plan per account "
                    "says how many).",
                    n_a,
                ).format(
                    hours=_per_week(plan, "A"),
                    share=fmt.share(plan.shares["A"]),
                    n=fmt.number(n_a),
                    visits=tier_visits(plan, "A"),
                ),
            )
        )
    if today is not None and today.available and len(today.under_served):
        actions.append(
            Action(
                "commit",
                _(
                    "Call first on the accounts that get far less time than the plan gives them: "
                    "{names}."
                ).format(names=names(today.under_served)),
            )
        )
    if n_b and plan.shares["B"] > 0:
        actions.append(
            Action(
                "commit",
                ngettext(
                    "Fit your {n} B account into {hours} a week ({share} of your field time): "
                    "{visits}.",
                    "Fit your {n} B accounts into {hours} a week ({share} of your field time): "
                    "{visits} each, by their value.",
                    n_b,
                ).format(
                    n=fmt.number(n_b),
                    hours=_per_week(plan, "B"),
                    share=fmt.share(plan.shares["B"]),
                    visits=tier_visits(plan, "B"),
                ),
            )
        )
    if plan.prospecting_hours > 0:
        actions.append(
            Action(
                "commit",
                _("Keep {hours} a week ({share} of your selling time) for new customers.").format(
                    hours=fmt.hours(plan.hours_per_week * plan.settings.prospecting_share),
                    share=fmt.share(plan.settings.prospecting_share),
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
            _("Share of your time on A accounts: today {today}, in the plan {plan}.").format(
                today=share_a, plan=fmt.share(today.tiers.at["A", "planned_share"])
            ),
            _(
                "Your focus score: today {score} (1 = your time follows your plan exactly); work "
                "it out again in a month."
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
        least = visits_a_year(plan.tiers.at["A", "least_visits"])
        points.append(
            _("Every A account gets at least {visits} (check your calendar).").format(visits=least)
        )
    return [Action("measure", text) for text in points]
