"""``python -m workbook check FILE``: read a file and say what the workbook understood.

Prints the kind of file, the columns found (and which header gave each), the totals, the rows
left out and the warnings; ``--json`` prints the same as ``LoadResult.to_dict()``. Unusable data
ends in ``cli.main``: every problem on stderr and exit status 1.
"""

from __future__ import annotations

from workbook.cli import print_json
from workbook.commands._common import load_from_args

KINDS = {"accounts": "an account list", "order_lines": "order lines, added up per account"}


def run(args) -> int:
    result = load_from_args(args)
    if args.json:
        print_json(result.to_dict())
        return 0
    for line in summary_lines(result.to_dict(), result.file):
        print(line)
    return 0


def summary_lines(summary: dict, file: str) -> list[str]:
    """Return the check report as lines of text.

    Examples
    --------
    >>> summary = {"accounts": 2, "kind": "accounts", "totals": {"revenue": 1500.5},
    ...            "columns": {"account": "Kunde", "revenue": "Omsetning"},
    ...            "dropped_rows": [{"row": 4, "reason": 'total row "Sum"'}], "warnings": []}
    >>> print("\\n".join(summary_lines(summary, "kunder.csv")))
    kunder.csv: 2 accounts (an account list)
    columns:
      account       <- Kunde
      revenue       <- Omsetning
    totals: revenue 1,500.50
    dropped rows:
      row 4: total row "Sum"
    """
    count = summary["accounts"]
    lines = [f"{file}: {count:,} account{'s' if count != 1 else ''} ({KINDS[summary['kind']]})"]
    if "period" in summary:
        lines.append(f"period: {summary['period']['start']} to {summary['period']['end']}")
    lines.append("columns:")
    width = max(len(name) for name in summary["columns"]) + 2
    lines += [
        f"  {name:<{max(width, 14)}}<- {header}" for name, header in summary["columns"].items()
    ]
    totals = ", ".join(
        f"{name.replace('_', ' ')} {value:,.2f}" for name, value in summary["totals"].items()
    )
    lines.append(f"totals: {totals}")
    if summary["dropped_rows"]:
        lines.append("dropped rows:")
        lines += [f"  row {d['row']}: {d['reason']}" for d in summary["dropped_rows"]]
    if summary["warnings"]:
        lines.append("warnings:")
        lines += [f"  {warning}" for warning in summary["warnings"]]
    return lines
