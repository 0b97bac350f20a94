"""``python -m workbook tiers``: rank the accounts, tier them, and say how concentrated they are."""

from __future__ import annotations

import sys

from workbook.cli import print_json
from workbook.commands._common import accounts_from_args
from workbook.schema import TIERS
from workbook.spreadsheet import table_bytes

#: How the human output names each metric.
METRIC_NAMES = {"revenue": "revenue", "gross_profit": "gross profit", "blend": "blend score"}
TABLE_SUFFIXES = (".csv", ".xlsx")


def run(args) -> int:
    from workbook.analysis import Ranking, check_thresholds

    if args.out and args.out.suffix.lower() not in TABLE_SUFFIXES:
        print(f"error: --out {args.out}: write a .csv or .xlsx file", file=sys.stderr)
        return 2
    try:
        limits = check_thresholds(args.method, a=args.a, b=args.b, c=args.c)
    except ValueError as err:  # e.g. --c with value_share, or b below a
        print(f"error: {err}", file=sys.stderr)
        return 2

    accounts = accounts_from_args(args)
    owner = str(accounts["owner"].iloc[0]) if args.owner else None  # as the file spells it
    ranking = Ranking(accounts, args.metric)
    cuts = ranking.cuts(limits.method, a=limits.a, b=limits.b, c=limits.c)
    summary = ranking.summary(*cuts)
    figures = ranking.concentration()

    if args.out:
        tiered = accounts.assign(rank=ranking.ranks(), tier=ranking.labels(*cuts))
        listing = tiered.sort_values("rank")[
            ["rank", "tier", *accounts.columns.drop(["rank", "tier"], errors="ignore")]
        ]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(table_bytes(listing, args.out.suffix, sheet="Tiers"))

    if args.json:
        print_json(_as_json(limits, summary, figures, owner=owner))
    else:
        _print_tiers(limits, summary, figures, owner=owner)
    if args.out:
        print(
            f"wrote {args.out} ({ranking.n:,} accounts with rank and tier)",
            file=sys.stderr if args.json else sys.stdout,
        )
    return 0


def _as_json(limits, summary, figures, *, owner: str | None) -> dict:
    data = {
        "n": figures.n,
        "metric": figures.metric,
        "method": limits.method,
        "a": limits.a,
        "b": limits.b,
        "c": limits.c,
        "owner": owner,
    }
    data.update({key: value for key, value in figures.to_dict().items() if key not in data})
    data["tiers"] = {
        row.Index: {
            "accounts": row.accounts,
            "value": row.value,
            "share": row.value_share,
            "account_share": row.account_share,
        }
        for row in summary.itertuples()
    }
    return data


def _print_tiers(limits, summary, figures, *, owner: str | None) -> None:
    metric = METRIC_NAMES[figures.metric]
    whose = f" of {owner}" if owner else ""
    print(f"Tiers of the {figures.n:,} accounts{whose} by {metric} ({_rule(limits, metric)})\n")
    money = "{:,.4f}" if figures.metric == "blend" else "{:,.0f}"
    header = ("tier", "accounts", "share of accounts", metric, f"share of {metric}")
    rows = [
        (
            row.Index,
            f"{row.accounts:,}",
            f"{row.account_share:.1%}",
            money.format(row.value),
            f"{row.value_share:.1%}",
        )
        for row in summary.loc[list(TIERS)].itertuples()
    ]
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    for line in (header, *rows):  # the tier left-aligned, the numbers right-aligned
        cells = [cell.rjust(width) for cell, width in zip(line, widths, strict=True)]
        print("  ".join([line[0].ljust(widths[0]), *cells[1:]]))
    print(
        f"\nThe top 20% of accounts ({_count(figures.top20_accounts)}) hold "
        f"{figures.top20_share:.1%} of {metric}; {_count(figures.accounts_for_80)} "
        f"{'makes' if figures.accounts_for_80 == 1 else 'make'} 80% "
        f"of it. Gini {figures.gini:.2f} (0: every account alike; towards 1: one account has "
        "it all)."
    )
    if figures.loss_accounts:
        print(
            f"{_count(figures.loss_accounts)} {'has' if figures.loss_accounts == 1 else 'have'} "
            f"a negative {metric}, {money.format(figures.loss_total)} together: always C."
        )


def _rule(limits, metric: str) -> str:
    if limits.method == "account_share":
        return f"A = the top {limits.a:.0%} of accounts, C = the bottom {limits.c:.0%}"
    return f"A reaches {limits.a:.0%} of {metric}, B reaches {limits.b:.0%}"


def _count(k: int) -> str:
    return f"{k:,} account" + ("" if k == 1 else "s")
