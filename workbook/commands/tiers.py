"""``python -m workbook tiers``: rank the accounts, tier them, and say how concentrated they are;
with ``--compare``/``--compare-previous``, what changed since the previous period."""

from __future__ import annotations

import sys

from workbook import formatting as fmt
from workbook.cli import print_json, tier_settings
from workbook.coaching import wording
from workbook.commands import _common
from workbook.i18n import _, ngettext
from workbook.schema import TIERS
from workbook.spreadsheet import table_bytes

TABLE_SUFFIXES = (".csv", ".xlsx")
#: How many accounts that moved the human output names each way (all are in --json).
NAMED = 5
#: The columns of the tier list, after rank and tier, when accounts are pinned.
PIN_EXPORT = ("pinned", "pin_reason")


def run(args) -> int:
    from workbook.analysis import Ranking
    from workbook.analysis.tiers import pinned_accounts, tiered_from

    if args.out and args.out.suffix.lower() not in TABLE_SUFFIXES:
        print(
            _("error: {option} {path}: write a .csv or .xlsx file").format(
                option="--out", path=args.out
            ),
            file=sys.stderr,
        )
        return 2
    limits = tier_settings(args)  # a wrong setting is said (exit 2) before any file is read

    loaded, accounts, limits = _common.book_from_args(args, limits)
    owner = str(accounts["owner"].iloc[0]) if args.owner else None  # as the file spells it
    ranking = Ranking(accounts, limits.metric)
    cuts = ranking.cuts(limits)
    pinned = ranking.pin(accounts, limits.pins) if limits.pins else None
    summary = ranking.summary(*cuts, pinned)
    figures = ranking.concentration()
    tiered = tiered_from(accounts, ranking, cuts, pinned) if (args.out or pinned) else None
    previous, previous_name = _common.previous_from_args(args, loaded)
    change = None
    if previous is not None:
        from workbook.analysis.periods import compare_periods

        change = compare_periods(
            accounts, previous, limits, current_name=loaded.file, previous_name=previous_name
        )

    if args.out:
        listing = tiered.sort_values("rank")[
            [
                "rank",
                "tier",
                *(c for c in PIN_EXPORT if c in tiered.columns),
                *accounts.columns.drop(["rank", "tier", *PIN_EXPORT], errors="ignore"),
            ]
        ]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(table_bytes(listing, args.out.suffix, sheet="Tiers"))

    pins = pinned_accounts(tiered) if pinned is not None else None
    if args.json:
        data = _as_json(limits, summary, figures, owner=owner)
        if pins is not None:
            data["pins"] = _pins_json(pins)
        if change is not None:
            data.update(_change_json(change))
        print_json(data)
    else:
        _print_tiers(limits, summary, figures, owner=owner)
        if pins is not None:
            print(wording.pinned_line(pins))
        if change is not None:
            _print_change(change)
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


def _pins_json(pins) -> list[dict]:
    return [
        {
            "account_id": row.account_id,
            "account": getattr(row, "account", None),
            "tier": str(row.tier),
            "rule_tier": str(row.rule_tier),
            "reason": row.pin_reason,
        }
        for row in pins.itertuples()
    ]


def _change_json(change) -> dict:
    moved = change.moved
    return {
        "previous": {"name": change.previous_name, "accounts": len(change.previous)},
        **change.to_dict(),
        "moved": [
            {
                "account_id": row.account_id,
                "account": getattr(row, "account", None),
                "previous_tier": str(row.previous_tier),
                "tier": str(row.tier),
                "movement": row.movement,
                "previous_revenue": row.previous_revenue,
                "revenue": row.revenue,
                "revenue_change": row.revenue_change,
            }
            for row in moved.itertuples()
        ],
    }


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
    _print_table(header, rows)
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


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Print rows under a header: the first column left-aligned, the others right-aligned."""
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    for line in (header, *rows):
        cells = [cell.rjust(width) for cell, width in zip(line, widths, strict=True)]
        print("  ".join([line[0].ljust(widths[0]), *cells[1:]]))


def _print_change(change) -> None:
    from workbook.analysis.periods import AFTER, BEFORE

    print()
    print(_("Compared with {name}:").format(name=change.previous_name))
    print(wording.change_headline(change) + "\n")
    edge = {"new": _("new"), "lost": _("lost")}
    header = (_("last period ↓ / now →"), *(edge.get(c, c) for c in AFTER))
    rows = [(edge.get(r, r), *(fmt.number(change.matrix.at[r, c]) for c in AFTER)) for r in BEFORE]
    _print_table(header, rows)
    print()
    print(wording.bridge_sentence(change.bridge))
    moved = change.moved
    for movement, title in (
        ("up", _("Moved up: {names}")),
        ("down", _("Moved down: {names}")),
    ):
        chosen = moved[moved["movement"] == movement]
        if len(chosen):
            items = [
                _("{account} ({before} to {after}, {change})").format(
                    account=row.account,
                    before=row.previous_tier,
                    after=row.tier,
                    change=wording.signed(row.revenue_change),
                )
                for row in chosen.itertuples()
            ]
            print("- " + title.format(names=fmt.listing(items, limit=NAMED)))
