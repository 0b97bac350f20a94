"""The sentences that go with the charts: key figures in the words a salesperson uses."""

from __future__ import annotations

import pandas as pd

METRIC_LABELS = {
    "revenue": "revenue",
    "gross_profit": "gross profit",
    "blend": "value (revenue and profit blended)",
}


def metric_label(metric: str) -> str:
    """Return the metric as people say it.

    Examples
    --------
    >>> metric_label("gross_profit")
    'gross profit'
    """
    return METRIC_LABELS.get(metric, metric.replace("_", " "))


def _pct(share: float) -> str:
    return "–" if pd.isna(share) else f"{share:.0%}"


def tier_headline(summary: pd.DataFrame, *, metric: str = "revenue") -> str:
    """Return the tiers in one sentence: how many accounts bring how much.

    Parameters
    ----------
    summary : DataFrame
        A per-tier summary indexed A, B, C (``accounts``, ``account_share``, ``value_share``, and
        ``revenue_share``/``gross_profit_share`` when present).
    metric : str, default "revenue"

    Examples
    --------
    >>> summary = pd.DataFrame({"accounts": [50, 138, 62], "account_share": [0.2, 0.552, 0.248],
    ...                         "value_share": [0.77, 0.21, 0.02],
    ...                         "revenue_share": [0.77, 0.21, 0.02],
    ...                         "gross_profit_share": [0.81, 0.2, -0.01]}, index=list("ABC"))
    >>> print(tier_headline(summary))
    Your top 20% of accounts (50 of 250) bring 77% of revenue and 81% of gross profit. The
    bottom 25% (62 accounts, tier C) bring 2% of revenue.
    """
    n = int(summary["accounts"].sum())
    a, c = summary.loc["A"], summary.loc["C"]
    value = metric_label(metric)
    text = (
        f"Your top {_pct(a['account_share'])} of accounts ({int(a['accounts'])} of {n}) "
        f"bring {_pct(a['value_share'])} of {value}"
    )
    other = (
        "gross_profit" if metric == "revenue" else "revenue" if metric == "gross_profit" else None
    )
    if other and f"{other}_share" in summary.columns:
        text += f" and {_pct(a[f'{other}_share'])} of {metric_label(other)}"
    text += (
        f". The bottom {_pct(c['account_share'])} ({int(c['accounts'])} accounts, tier C) "
        f"bring {_pct(c['value_share'])} of {value}."
    )
    return text


def concentration_headline(figures) -> str:
    """Return the concentration figures in one sentence.

    Parameters
    ----------
    figures : Concentration
        From ``workbook.analysis.concentration``.
    """
    value = metric_label(figures.metric)
    text = (
        f"Your top 20% of accounts hold {figures.top20_share:.0%} of your {value}; "
        f"{figures.accounts_for_80:,} of your {figures.n:,} accounts "
        f"({figures.accounts_for_80 / figures.n:.0%}) make 80% of it."
    )
    if figures.loss_accounts:
        text += (
            f" {figures.loss_accounts:,} account{'s' * (figures.loss_accounts != 1)} "
            f"lose money on {value}."
        )
    return text
