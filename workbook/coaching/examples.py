"""Five named, tiered accounts for the examples in this package's docstrings."""

from __future__ import annotations

import pandas as pd


def example_tiered() -> pd.DataFrame:
    """Return five tiered accounts (one A, two B, two C) with every column the coaching reads.

    Fjordbakeri AS brings 90% of the revenue; Lys Kafé DA and Vik Bil ANS get far more of the
    salesperson's time than their value (the "customers you like").

    Examples
    --------
    >>> example_tiered()[["account", "revenue", "selling_hours", "tier"]]
               account   revenue  selling_hours tier
    0   Fjordbakeri AS  900000.0           40.0    A
    1  Berg Elektro AS   50000.0            6.0    B
    2      Lys Kafé DA   30000.0           12.0    B
    3       Sol Rør AS   15000.0            2.0    C
    4      Vik Bil ANS    5000.0           10.0    C
    """
    return pd.DataFrame(
        {
            "account_id": ["001", "002", "003", "004", "005"],
            "account": [
                "Fjordbakeri AS",
                "Berg Elektro AS",
                "Lys Kafé DA",
                "Sol Rør AS",
                "Vik Bil ANS",
            ],
            "revenue": [900_000.0, 50_000.0, 30_000.0, 15_000.0, 5_000.0],
            "gross_profit": [200_000.0, 12_000.0, 6_000.0, 3_000.0, 500.0],
            "visits": [6, 3, 6, 1, 9],
            "selling_hours": [40.0, 6.0, 12.0, 2.0, 10.0],
            "service_requests": [6, 3, 12, 9, 15],
            "concessions": [9_000.0, 1_000.0, 2_500.0, 1_500.0, 600.0],
            "potential": [1_000_000.0, 150_000.0, 31_000.0, 20_000.0, 6_000.0],
            "revenue_prev": [850_000.0, 40_000.0, 31_000.0, 15_000.0, 5_500.0],
            "tier": pd.Categorical(["A", "B", "B", "C", "C"], categories=["A", "B", "C"]),
        }
    )


def example_room_figures(**changes):
    """Return one participant's room figures (a small book, no time data), with ``changes``.

    Examples
    --------
    >>> example_room_figures(top20_share=0.91).top20_share
    0.91
    """
    from workbook.coaching.room import FIELDS, check_room_figures

    figures = {f.name: None for f in FIELDS if f.optional} | {
        "accounts_band": "25-49",
        "metric": "revenue",
        "top20_share": 0.62,
        "accounts_for_80_share": 0.3,
        "gini": 0.5,
        "time_on_a_plan": 0.8,
    }
    return check_room_figures(figures | changes)
