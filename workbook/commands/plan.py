"""``python -m workbook plan``: turn the tiers into a time plan per account, say where time goes
today against it, and write the plan, the visit rota and the calendar."""

from __future__ import annotations

import sys

from workbook import formatting as fmt
from workbook.cli import plan_settings, print_json, table_lines, tier_settings
from workbook.coaching import wording
from workbook.commands import _common
from workbook.i18n import _

#: How many over- or under-served accounts the human output names (all are in --json).
NAMED = 5
TABLE_SUFFIXES = (".csv", ".xlsx")


def run(args) -> int:
    from workbook import coaching
    from workbook.analysis import assign_tiers

    for option, path in (("--accounts-out", args.accounts_out), ("--tasks-out", args.tasks_out)):
        if path and path.suffix.lower() not in TABLE_SUFFIXES:
            print(
                _("error: {option} {path}: write a .csv or .xlsx file").format(
                    option=option, path=path
                ),
                file=sys.stderr,
            )
            return 2
    # wrong settings are said (exit 2) before any file is read
    tiers, settings = tier_settings(args), plan_settings(args)
    _loaded, accounts, tiers = _common.book_from_args(args, tiers)
    tiered = assign_tiers(accounts, tiers)
    plan = coaching.plan_time(tiered, settings, metric=tiers.metric)
    today = coaching.time_vs_value(tiered, metric=tiers.metric, plan=plan)
    freed = coaching.hours_freed(today, plan)
    outlook = coaching.before_after(tiered, plan, today=today)
    rota = coaching.visit_rota(plan, start=args.start) if args.rota or args.tasks_out else None
    written = []
    if args.accounts_out:
        _write(
            args.accounts_out,
            coaching.plan_export(tiered, plan, args.accounts_out.suffix, today=today),
        )
        written.append(_("The plan per account is in {file}.").format(file=args.accounts_out))
    if args.ics and rota is not None and args.rota:
        _write(args.ics, coaching.rota_ics(rota, owner=args.owner))
        written.append(
            _(
                "The visit rota is in {file}: one event per visit, for Outlook or Google Calendar."
            ).format(file=args.ics)
        )
    elif args.ics:
        _write(args.ics, coaching.weekly_schedule_ics(plan, start=args.start, owner=args.owner))
        written.append(
            _(
                "The weekly schedule is in {file}: import it into Outlook or Google Calendar."
            ).format(file=args.ics)
        )
    if args.tasks_out:
        _write(args.tasks_out, coaching.rota_export(rota, args.tasks_out.suffix))
        written.append(_("The visits as a task list are in {file}.").format(file=args.tasks_out))

    if args.json:
        print_json(_as_json(args, tiered, plan, today, freed, outlook, rota))
        return 0
    _print_plan(plan, n=len(tiered), owner=args.owner)
    _print_today(tiered, plan, today, freed, outlook)
    if rota is not None:
        print()
        print(rota.summary)
        for message in rota.messages:
            print(f"- {message}")
    if written:
        print()
        print("\n".join(written))
    return 0


def _write(path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _as_json(args, tiered, plan, today, freed, outlook, rota) -> dict:
    from workbook.coaching import focus_if_followed

    data = plan.to_dict()
    data.update(metric=args.metric, method=args.method, owner=args.owner)
    data["focus_if_followed"] = focus_if_followed(tiered, plan)
    if today.available:
        data["focus_today"] = today.score
        data["focus_score"] = today.score  # the name of earlier versions
        data["time_column"] = today.time_column
        data["over_served"] = _names(today.over_served)
        data["under_served"] = _names(today.under_served)
        data["hours_freed"] = {
            "from_c": freed.from_c,
            "from_over_served": freed.from_over_served,
            "to_a": freed.to_a,
            "basis": freed.basis,
        }
    else:
        data["focus_note"] = today.message
    data["before_after"] = {
        "hours": float(outlook.table.at["plan_low", "hours"]),
        "serving_cost": float(outlook.table.at["plan_low", "serving_cost"]),
        "revenue_today": float(outlook.tiers["revenue"].sum()),
        "revenue_effect": {
            "low": outlook.effect[0],
            "high": outlook.effect[1],
            "low_amount": float(outlook.tiers["effect_low"].sum()),
            "high_amount": float(outlook.tiers["effect_high"].sum()),
        },
        "assumptions": outlook.assumptions,
        "summary": outlook.summary,
    }
    if rota is not None:
        data["rota"] = {
            "start": rota.start.isoformat(),
            "visits": len(rota.visits),
            "unplaced": len(rota.unplaced),
            "weeks": int((rota.weeks["working_days"] > 0).sum()),
            "holidays": {day.isoformat(): name for day, name in rota.holidays.items()},
            "summary": rota.summary,
            "messages": rota.messages,
        }
    for key, path in (
        ("accounts_out", args.accounts_out),
        ("ics", args.ics),
        ("tasks_out", args.tasks_out),
    ):
        if path:
            data[key] = str(path)
    return data


def _names(accounts) -> list[dict]:
    return [
        {
            "account_id": row.account_id,
            "account": row.account,
            "tier": row.tier,
            "time_share": row.time_share,
            "planned_share": row.planned_share,
            "value_share": row.value_share,
        }
        for row in accounts.itertuples()
    ]


def _print_plan(plan, *, n: int, owner: str | None) -> None:
    values = {
        "n": fmt.number(n),
        "week": fmt.hours(plan.hours_per_week),
        "weeks": fmt.number(plan.weeks, 1),
        "total": fmt.number(plan.total_hours),
        "prospecting": fmt.hours(plan.prospecting_hours, 0),
        "field": fmt.hours(plan.field_hours, 0),
    }
    if owner:
        head = _(
            "Time plan for the {n} accounts of {owner}: {week} a week × {weeks} weeks = {total} "
            "selling hours a year ({prospecting} for new customers, {field} for your accounts)"
        ).format(owner=owner, **values)
    else:
        head = _(
            "Time plan for the {n} accounts: {week} a week × {weeks} weeks = {total} selling "
            "hours a year ({prospecting} for new customers, {field} for your accounts)"
        ).format(**values)
    print(head)
    print(_("Hours within a tier go {how}.").format(how=wording.allocation_label(plan.allocation)))
    print()
    header = [_("tier"), _("accounts"), _("share"), _("hours"), _("visits a year"), _("h/account")]
    rows = []
    for tier, row in plan.tiers.iterrows():
        empty = row["accounts"] == 0
        visits = (
            "-"
            if empty
            else fmt.number(row["most_visits"])
            if row["least_visits"] == row["most_visits"]
            else f"{fmt.number(row['least_visits'])}-{fmt.number(row['most_visits'])}"
        )
        rows.append(
            [
                tier,
                fmt.number(row["accounts"]),
                fmt.share(row["share"]),
                fmt.number(row["hours"]),
                visits,
                "-" if empty else fmt.number(row["hours_per_account"], 1),
            ]
        )
    print("\n".join(table_lines(header, rows)))
    print()
    print(plan.summary)
    for message in plan.messages:
        print(f"- {message}")
    cadences = [
        f"{wording.cadence_label(key)} {fmt.number(count)}"
        for key, count in plan.cadences().items()
        if count
    ]
    print(_("Accounts by cadence: {cadences}.").format(cadences=", ".join(cadences)))


def _print_today(tiered, plan, today, freed, outlook) -> None:
    from workbook.coaching import focus_if_followed

    print()
    if not today.available:
        print(today.message)
    else:
        print(today.message)
        print(
            _("Following the plan exactly would score {score}.").format(
                score=fmt.fixed(focus_if_followed(tiered, plan), 2)
            )
        )
        for title, table in (
            (_("More time than the plan gives them"), today.over_served),
            (_("Less time than the plan gives them"), today.under_served),
        ):
            if len(table):
                print(f"- {title}: {wording.names(table, limit=NAMED)}")
        for note in today.notes:
            print(_("- note: {note}").format(note=note))
        print(freed.message)
    print()
    print(outlook.summary)
    for note in outlook.notes:
        print(f"- {note}")
