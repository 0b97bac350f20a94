"""``python -m workbook plan``: turn the tiers into a time plan, and say where time goes today."""

from __future__ import annotations

from workbook.cli import plan_settings, print_json, tier_settings
from workbook.commands import _common

#: How many over- or under-served accounts the human output names (all are in --json).
NAMED = 5


def run(args) -> int:
    from workbook.analysis import assign_tiers
    from workbook.coaching import hours_freed, plan_time, time_vs_value, weekly_schedule_ics

    # wrong settings are said (exit 2) before any file is read
    tiers, settings = tier_settings(args), plan_settings(args)
    _, accounts, tiers = _common.book_from_args(args, tiers)
    tiered = assign_tiers(accounts, tiers)
    plan = plan_time(tiered, settings)
    today = time_vs_value(tiered, metric=tiers.metric)
    freed = hours_freed(today, plan)
    if args.ics:
        args.ics.write_bytes(weekly_schedule_ics(plan, owner=args.owner))

    if args.json:
        print_json(_as_json(args, plan, today, freed))
        return 0
    _print_plan(plan, n=len(tiered), owner=args.owner)
    _print_today(today, freed)
    if args.ics:
        print(f"\nThe weekly schedule is in {args.ics}: import it into Outlook or Google Calendar.")
    return 0


def _as_json(args, plan, today, freed) -> dict:
    data = plan.to_dict()
    data.update(metric=args.metric, method=args.method, owner=args.owner)
    if today.available:
        data["focus_score"] = today.score
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
    if args.ics:
        data["ics"] = str(args.ics)
    return data


def _names(accounts) -> list[dict]:
    return [
        {
            "account_id": row.account_id,
            "account": row.account,
            "tier": row.tier,
            "time_share": row.time_share,
            "value_share": row.value_share,
        }
        for row in accounts.itertuples()
    ]


def _print_plan(plan, *, n: int, owner: str | None) -> None:
    whose = f" of {owner}" if owner else ""
    print(
        f"Time plan for the {n:,} accounts{whose}: {plan.hours_per_week:g} h a week × "
        f"{plan.weeks:g} weeks = {plan.total_hours:,.0f} selling hours a year\n"
    )
    print(
        f"{'tier':<5}{'accounts':>9}{'share':>7}{'hours':>9}{'hours/account':>15}"
        f"{'visits/account/month':>22}"
    )
    for tier, row in plan.tiers.iterrows():
        each = "-" if row["accounts"] == 0 else f"{row['hours_per_account']:,.1f}"
        visits = "-" if row["accounts"] == 0 else f"{row['visits_per_account_per_month']:.2f}"
        print(
            f"{tier:<5}{int(row['accounts']):>9,}{row['share']:>7.0%}{row['hours']:>9,.0f}"
            f"{each:>15}{visits:>22}"
        )
    print(f"\n{plan.summary}")
    for message in plan.messages:
        print(f"- {message}")


def _print_today(today, freed) -> None:
    print()
    if not today.available:
        print(today.message)
        return
    print(today.message)
    for title, table in (
        ("Over-served (time share well above value share)", today.over_served),
        ("Under-served A accounts", today.under_served),
    ):
        if len(table):
            names = ", ".join(table["account"].astype(str).head(NAMED))
            more = f" and {len(table) - NAMED} more" if len(table) > NAMED else ""
            print(f"- {title}: {names}{more}")
    for note in today.notes:
        print(f"- note: {note}")
    print(freed.message)
