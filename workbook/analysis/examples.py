"""Five named accounts for the examples in this package's docstrings, so each can be run as is."""

from __future__ import annotations

import pandas as pd


def example_accounts() -> pd.DataFrame:
    """Return five small accounts: revenue as in the qcc Pareto-chart example, one loss-maker.

    Their revenue (94, 80, 66, 33 and 27 thousand) adds up to cumulative shares of 31.3%, 58%,
    80%, 91% and 100%; Solkafé ANS loses money.

    Examples
    --------
    >>> example_accounts()
      account_id         account  revenue  gross_profit
    0        001  Fjordbakeri AS  94000.0       20000.0
    1        002   Nordhotell AS  80000.0       30000.0
    2        003     Solkafé ANS  66000.0       -5000.0
    3        004     Bergbygg AS  33000.0       10000.0
    4        005       Vikrør DA  27000.0        8000.0
    """
    return pd.DataFrame(
        {
            "account_id": ["001", "002", "003", "004", "005"],
            "account": [
                "Fjordbakeri AS",
                "Nordhotell AS",
                "Solkafé ANS",
                "Bergbygg AS",
                "Vikrør DA",
            ],
            "revenue": [94_000.0, 80_000.0, 66_000.0, 33_000.0, 27_000.0],
            "gross_profit": [20_000.0, 30_000.0, -5_000.0, 10_000.0, 8_000.0],
        }
    )
