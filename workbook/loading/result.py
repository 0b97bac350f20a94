"""What loading a file gives: the accounts table and what was understood along the way."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True, eq=False)
class LoadResult:
    """The accounts of a file, and how they were read.

    Attributes
    ----------
    accounts : pandas.DataFrame
        One row per account, canonical columns in ``workbook.schema.NAMES`` order.
    file : str
        The file's name, as shown in messages.
    kind : {"accounts", "order_lines"}
        An account list, or order lines aggregated per account.
    columns : dict
        Canonical column (and ``date``/``cost`` for order lines) -> the header in the file.
    dropped_rows : list of dict
        ``{"row": int, "reason": str}`` for each row that was left out (totals, footers).
    warnings : list of str
        Full sentences about what the person should know (blank cells, guesses).
    period : tuple of pandas.Timestamp, optional
        The analysis window (first and last day) for order lines.
    headers : list of str
        Every header of the file's header row, as in the file (choices for a column mapping).
    previous : pandas.DataFrame, optional
        Order lines only: the accounts of the period before (the same canonical columns, one row
        per account with a line there), to compare two periods; None for an account list, or
        when no line falls in the period before.
    previous_period : tuple of pandas.Timestamp, optional
        The first and last day of that previous period.

    Examples
    --------
    >>> accounts = pd.DataFrame({"account_id": ["1", "2"], "account": ["Fjord AS", "Berg AS"],
    ...                          "revenue": [100.0, -5.0]})
    >>> LoadResult(accounts, "a.csv", "accounts", {"account": "Kunde", "revenue": "Omsetning"}
    ...            ).to_dict()["totals"]
    {'revenue': 95.0}
    """

    accounts: pd.DataFrame
    file: str
    kind: str
    columns: dict[str, str]
    dropped_rows: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    period: tuple[pd.Timestamp, pd.Timestamp] | None = None
    headers: list[str] = field(default_factory=list)
    previous: pd.DataFrame | None = None
    previous_period: tuple[pd.Timestamp, pd.Timestamp] | None = None

    def to_dict(self) -> dict:
        """Return the summary ``python -m workbook check --json`` prints."""
        totals = {
            name: float(self.accounts[name].sum())
            for name in ("revenue", "gross_profit")
            if name in self.accounts.columns
        }
        summary = {
            "accounts": len(self.accounts),
            "kind": self.kind,
            "columns": dict(self.columns),
            "totals": totals,
            "dropped_rows": [dict(row) for row in self.dropped_rows],
            "warnings": list(self.warnings),
        }
        if self.period is not None:
            summary["period"] = {
                "start": self.period[0].date().isoformat(),
                "end": self.period[1].date().isoformat(),
            }
        return summary
