"""``python -m workbook check FILE``: read a file and say what the workbook understood.

Prints the kind of file, the columns found (and which header gave each), the totals, the rows
left out and the warnings; ``--json`` prints the same as ``LoadResult.to_dict()``. Unusable data
ends in ``cli.main``: every problem on stderr and exit status 1.
"""

from __future__ import annotations

from workbook import formatting as fmt
from workbook.cli import print_json
from workbook.coaching.wording import metric_label
from workbook.commands._common import load_from_args
from workbook.i18n import N_, _, ngettext

KINDS = {"accounts": N_("an account list"), "order_lines": N_("order lines, added up per account")}


def run(args) -> int:
    result = load_from_args(args)
    if args.json:
        print_json(result.to_dict())
        return 0
    for line in summary_lines(result.to_dict(), result.file):
        print(line)
    return 0


def summary_lines(summary: dict, file: str) -> list[str]:
    """Return the check report as lines of text, in the current language.

    The canonical column names are the names a person writes in ``--map``: they stay as they are.

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
    lines = [
        ngettext("{file}: {n} account ({kind})", "{file}: {n} accounts ({kind})", count).format(
            file=file, n=fmt.number(count), kind=_(KINDS[summary["kind"]])
        )
    ]
    if "period" in summary:
        lines.append(
            _("period: {start} to {end}").format(
                start=_day(summary["period"]["start"]), end=_day(summary["period"]["end"])
            )
        )
    lines.append(_("columns:"))
    width = max(len(name) for name in summary["columns"]) + 2
    lines += [
        f"  {name:<{max(width, 14)}}<- {header}" for name, header in summary["columns"].items()
    ]
    totals = ", ".join(
        _("{name} {amount}").format(name=metric_label(name), amount=fmt.fixed(value, 2))
        for name, value in summary["totals"].items()
    )
    lines.append(_("totals: {totals}").format(totals=totals))
    if summary["dropped_rows"]:
        lines.append(_("dropped rows:"))
        lines += [
            "  " + _("row {row}: {reason}").format(row=dropped["row"], reason=dropped["reason"])
            for dropped in summary["dropped_rows"]
        ]
    if summary["warnings"]:
        lines.append(_("warnings:"))
        lines += [f"  {warning}" for warning in summary["warnings"]]
    return lines


def _day(text: str) -> str:
    """Return an ISO date (as ``--json`` gives it) the way the current language writes it."""
    import datetime as dt

    try:
        return fmt.day(dt.date.fromisoformat(str(text)[:10]))
    except ValueError:
        return str(text)
