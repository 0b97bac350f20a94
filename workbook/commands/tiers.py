"""``python -m workbook tiers``: rank the accounts, tier them, and say how concentrated they are."""

from __future__ import annotations

import sys

from workbook import formatting as fmt
from workbook.cli import print_json, tier_settings
from workbook.coaching import wording
from workbook.commands._common import accounts_from_args
from workbook.i18n import _, ngettext
from workbook.schema import TIERS
from workbook.spreadsheet import table_bytes

TABLE_SUFFIXES = (".csv", ".xlsx")


def run(args) -> int:
    from workbook.analysis import Ranking

    if args.out and args.out.suffix.lower() not in TABLE_SUFFIXES:
        print(
            _("error: {option} {path}: write a .csv or .xlsx file").format(
                option="--out", path=args.out
            ),
            file=sys.stderr,
        )
        return 2
    limits = tier_settings(args)  # a wrong setting is said (exit 2) before any file is read

    accounts = accounts_from_args(args)
    owner = str(accounts["owner"].iloc[0]) if args.owner else None  # as the file spells it
    ranking = Ranking(accounts, limits.metric)
    cuts = ranking.cuts(limits)
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
            ngettext(
                "wrote {file} ({n} account with rank and tier)",
                "wrote {file} ({n} accounts with rank and tier)",
                ranking.n,
            ).format(file=args.out, n=fmt.number(ranking.n)),
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
    metric = wording.metric_label(figures.metric)
    title = (
        ngettext(
            "Tiers of the {n} account of {owner}", "Tiers of the {n} accounts of {owner}", figures.n
        )
        if owner
        else ngettext("Tiers of the {n} account", "Tiers of the {n} accounts", figures.n)
    )
    print(title.format(n=fmt.number(figures.n), owner=owner))
    print(wording.tier_rule(limits) + "\n")
    digits = 4 if figures.metric == "blend" else 0
    header = (
        _("tier"),
        _("accounts"),
        _("share of accounts"),
        metric,
        _("share of {metric}").format(metric=metric),
    )
    rows = [
        (
            row.Index,
            fmt.number(row.accounts),
            fmt.share(row.account_share, 1),
            fmt.number(row.value, digits),
            fmt.share(row.value_share, 1),
        )
        for row in summary.loc[list(TIERS)].itertuples()
    ]
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    for line in (header, *rows):  # the tier left-aligned, the numbers right-aligned
        cells = [cell.rjust(width) for cell, width in zip(line, widths, strict=True)]
        print("  ".join([line[0].ljust(widths[0]), *cells[1:]]))
    print()
    print(wording.concentration_headline(figures))
    print(wording.gini_sentence(figures))
    if figures.loss_accounts:
        print(
            ngettext(
                "{n} account has a negative {metric}, {total} together: always C.",
                "{n} accounts have a negative {metric}, {total} together: always C.",
                figures.loss_accounts,
            ).format(
                n=fmt.number(figures.loss_accounts),
                metric=metric,
                total=fmt.number(figures.loss_total, digits),
            )
        )
