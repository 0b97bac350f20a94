"""The weekly schedule as an iCalendar file for Outlook and Google Calendar.

Each working day (Monday to Friday) gets a block of A time, a block of B time, C time when the
plan gives C any, and a short admin / C follow-up slot after the selling time; each block repeats
weekly for the plan's weeks. Times carry a time zone (``TZID`` with an IANA name and a
``VTIMEZONE`` built from yearly rules): Exchange reads a time without a zone ("floating") as UTC,
and Outlook approximates a ``VTIMEZONE`` only from ``RRULE``-based observances (Microsoft's
MS-OXCICAL and MS-STANOICAL notes), while Google Calendar reads the IANA name.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import math
import zoneinfo

import icalendar
import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching.plan import TimePlan
from workbook.errors import SettingsError
from workbook.i18n import N_, _
from workbook.paths import slug
from workbook.schema import TIERS

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
PRODID = "-//Account Focus Workbook//Weekly plan//EN"
BLOCK_TITLES = {
    "A": N_("A accounts: visits and follow-up"),
    "B": N_("B accounts: visits and calls"),
    "C": N_("C accounts: calls and e-mail"),
    "prospecting": N_("New customers: prospecting"),
    "admin": N_("Admin and C follow-up (e-mail, hand-overs to inside sales)"),
}
CATEGORIES = {
    "A": N_("A time"),
    "B": N_("B time"),
    "C": N_("C time"),
    "prospecting": N_("Prospecting"),
    "admin": N_("Admin"),
}
#: The blocks of selling time, in the order a day runs through them.
SELLING = (*TIERS, "prospecting")


def weekly_minutes(plan: TimePlan) -> dict[str, int]:
    """Return the selling minutes a week of each tier and of prospecting, whole minutes adding up
    to the week's total.

    Largest remainders: each block gets its minutes rounded down, and the minutes left over go to
    the blocks with the biggest fractions, so A + B + C + prospecting is the week's selling time
    to the minute.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> weekly_minutes(plan_time(accounts, hours_per_week=30))
    {'A': 1296, 'B': 324, 'C': 0, 'prospecting': 180}
    >>> weekly_minutes(plan_time(accounts, hours_per_week=7.01, share_a=0.7, share_b=0.2))
    {'A': 265, 'B': 76, 'C': 38, 'prospecting': 42}
    """
    exact = {tier: plan.tiers.at[tier, "hours"] / plan.weeks * 60 for tier in TIERS}
    exact["prospecting"] = plan.prospecting_hours / plan.weeks * 60
    minutes = {block: math.floor(value) for block, value in exact.items()}
    left = round(plan.hours_per_week * 60) - sum(minutes.values())
    for block in sorted(SELLING, key=lambda b: exact[b] - minutes[b], reverse=True)[: max(left, 0)]:
        minutes[block] += 1
    return minutes


def weekly_blocks(
    plan: TimePlan,
    *,
    day_start: str = defaults.DAY_START,
    admin_minutes: int = defaults.ADMIN_MINUTES,
) -> pd.DataFrame:
    """Return the week's blocks: one row per working day and block, with start and end times.

    A block's weekly minutes are spread over the five days (the minutes that do not divide go to
    the first days); on each day the blocks follow each other from ``day_start``: A, B, C,
    prospecting, then the admin slot (outside selling time).

    Parameters
    ----------
    plan : TimePlan
        From ``plan_time``.
    day_start : str, default "08:00"
        When the working day starts (HH:MM).
    admin_minutes : int, default 30
        Minutes of admin and C follow-up each day; 0 leaves the slot out.

    Returns
    -------
    pandas.DataFrame
        day (MO … FR), block (A, B, C, prospecting, admin), category, start, end (times of day),
        minutes.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> blocks = weekly_blocks(plan_time(accounts, hours_per_week=30))
    >>> blocks[blocks["day"] == "MO"][["block", "start", "end", "minutes"]]
             block     start       end  minutes
    0            A  08:00:00  12:20:00      260
    1            B  12:20:00  13:25:00       65
    2  prospecting  13:25:00  14:01:00       36
    3        admin  14:01:00  14:31:00       30
    """
    start = time_of_day(day_start)
    if not (isinstance(admin_minutes, int) and 0 <= admin_minutes <= 240):
        raise SettingsError(
            _(
                "admin_minutes must be a whole number of minutes from 0 to 240, not {value!r}"
            ).format(value=admin_minutes)
        )
    per_week = weekly_minutes(plan)
    rows = []
    for index, day in enumerate(WEEKDAYS):
        clock = dt.datetime.combine(dt.date(2000, 1, 3), start)  # any Monday: only times matter
        first = clock
        lengths = {block: per_week[block] // 5 + (index < per_week[block] % 5) for block in SELLING}
        lengths["admin"] = admin_minutes
        for block, minutes in lengths.items():
            if minutes == 0:
                continue
            end = clock + dt.timedelta(minutes=minutes)
            rows.append(
                {
                    "day": day,
                    "block": block,
                    "category": _(CATEGORIES[block]),
                    "start": clock.time(),
                    "end": end.time(),
                    "minutes": minutes,
                }
            )
            clock = end
        if clock.date() != first.date() and clock.time() != dt.time(0):
            raise SettingsError(
                _(
                    "a working day of {hours} from {start} runs past midnight: plan fewer hours "
                    "a week or start earlier"
                ).format(hours=fmt.hours((clock - first).total_seconds() / 3600), start=day_start)
            )
    return pd.DataFrame(rows, columns=["day", "block", "category", "start", "end", "minutes"])


def weekly_schedule_ics(
    plan: TimePlan,
    *,
    start: dt.date | None = None,
    day_start: str = defaults.DAY_START,
    admin_minutes: int = defaults.ADMIN_MINUTES,
    timezone: str = defaults.TIMEZONE,
    owner: str | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    """Return the weekly schedule as the bytes of an .ics file (Outlook, Google Calendar).

    Blocks with the same times on several days become one weekly series (``RRULE`` with
    ``BYDAY``), repeating for the plan's weeks (rounded to whole weeks). Each series has a stable
    ``UID`` made of the start date, the block and the days, so importing an updated plan with the
    same start replaces the old events instead of doubling them.

    Parameters
    ----------
    plan : TimePlan
        From ``plan_time``.
    start : datetime.date, optional
        The first week's Monday (another day moves on to the Monday after it); default: the
        next Monday from today (today, when it is a Monday).
    day_start : str, default "08:00"
        When the working day starts.
    admin_minutes : int, default 30
        The daily admin / C follow-up slot, outside selling time (category "Admin").
    timezone : str, default "Europe/Oslo"
        The IANA time zone of the times.
    owner : str, optional
        The salesperson, named in the calendar's name and the events' UIDs.
    created : datetime.datetime, optional
        The time stamp (DTSTAMP) of the events; default now.

    Returns
    -------
    bytes
        The iCalendar file.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> ics = weekly_schedule_ics(plan_time(accounts), start=dt.date(2026, 11, 30),
    ...                           created=dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    >>> calendar = icalendar.Calendar.from_ical(ics)
    >>> for event in calendar.walk("VEVENT"):
    ...     print(event.decoded("DTSTART").strftime("%a %H:%M"), *map(str, event.categories),
    ...           event["RRULE"].to_ical().decode())
    Mon 08:00 A time FREQ=WEEKLY;COUNT=45;BYDAY=MO;WKST=MO
    Mon 12:20 B time FREQ=WEEKLY;COUNT=45;BYDAY=MO;WKST=MO
    Mon 13:25 Prospecting FREQ=WEEKLY;COUNT=45;BYDAY=MO;WKST=MO
    Mon 14:01 Admin FREQ=WEEKLY;COUNT=45;BYDAY=MO;WKST=MO
    Tue 08:00 A time FREQ=WEEKLY;COUNT=180;BYDAY=TU,WE,TH,FR;WKST=MO
    Tue 12:19 B time FREQ=WEEKLY;COUNT=135;BYDAY=TU,WE,TH;WKST=MO
    Tue 13:24 Prospecting FREQ=WEEKLY;COUNT=135;BYDAY=TU,WE,TH;WKST=MO
    Tue 14:00 Admin FREQ=WEEKLY;COUNT=135;BYDAY=TU,WE,TH;WKST=MO
    Fri 12:19 B time FREQ=WEEKLY;COUNT=45;BYDAY=FR;WKST=MO
    Fri 13:23 Prospecting FREQ=WEEKLY;COUNT=45;BYDAY=FR;WKST=MO
    Fri 13:59 Admin FREQ=WEEKLY;COUNT=45;BYDAY=FR;WKST=MO
    """
    try:
        zone = zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            _("{zone!r} is not a time zone name (e.g. Europe/Oslo)").format(zone=timezone)
        ) from None
    monday = monday_of(start or dt.date.today())
    weeks = max(1, math.floor(plan.weeks + 0.5))
    stamp = (created or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    blocks = weekly_blocks(plan, day_start=day_start, admin_minutes=admin_minutes)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add(
        "x-wr-calname",
        _("Account focus plan: {owner}").format(owner=owner) if owner else _("Account focus plan"),
    )
    cal.add("x-wr-timezone", timezone)
    cal.add_component(vtimezone(timezone, monday.year))
    who = slug(owner, fallback="owner") + "-" if owner else ""
    for (block, start_time, end_time), days in blocks.groupby(
        ["block", "start", "end"], sort=False
    )["day"]:
        first = monday + dt.timedelta(days=WEEKDAYS.index(days.iloc[0]))
        event = icalendar.Event()
        event.add(
            "uid", f"{monday:%Y%m%d}-{who}{block.lower()}-{'-'.join(days)}@account-focus-workbook"
        )
        event.add("dtstamp", stamp)
        event.add("summary", _(BLOCK_TITLES[block]))
        event.add("description", _description(plan, block))
        event.add("categories", [_(CATEGORIES[block])])
        event.add("dtstart", dt.datetime.combine(first, start_time, tzinfo=zone))
        event.add("dtend", dt.datetime.combine(first, end_time, tzinfo=zone))
        event.add(
            "rrule",
            {"freq": "weekly", "count": weeks * len(days), "byday": list(days), "wkst": "MO"},
        )
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()


def vtimezone(name: str, year: int) -> icalendar.Timezone:
    """Return a VTIMEZONE for ``name`` with yearly rules (``RRULE``), as Outlook can read it.

    The rules are those in force in ``year``: the day and hour of each change of offset, written
    as "the n-th (or last) weekday of the month". A zone without changes gets one STANDARD part.

    Examples
    --------
    >>> print(vtimezone("Europe/Oslo", 2026).to_ical().decode().replace("\\r\\n", "\\n"))
    BEGIN:VTIMEZONE
    TZID:Europe/Oslo
    BEGIN:DAYLIGHT
    DTSTART:20260329T020000
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
    TZNAME:CEST
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    END:DAYLIGHT
    BEGIN:STANDARD
    DTSTART:20261025T030000
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
    TZNAME:CET
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    END:STANDARD
    END:VTIMEZONE
    <BLANKLINE>
    """
    zone = zoneinfo.ZoneInfo(name)
    timezone = icalendar.Timezone()
    timezone.add("tzid", name)
    changes = _changes(zone, year)
    if not changes:
        moment = dt.datetime(year, 1, 1, tzinfo=dt.UTC).astimezone(zone)
        part = icalendar.TimezoneStandard()
        part.add("dtstart", dt.datetime(1970, 1, 1))
        part.add("tzname", moment.tzname())
        part.add("tzoffsetfrom", moment.utcoffset())
        part.add("tzoffsetto", moment.utcoffset())
        timezone.add_component(part)
        return timezone
    yearly = len(changes) == 2  # one change each way: a rule that repeats every year
    for before, after in changes:
        part = icalendar.TimezoneDaylight() if after.dst() else icalendar.TimezoneStandard()
        onset = after.replace(tzinfo=None) - after.utcoffset() + before.utcoffset()
        part.add("dtstart", onset)
        if yearly:
            part.add(
                "rrule",
                {"freq": "yearly", "bymonth": onset.month, "byday": _nth_weekday(onset.date())},
            )
        part.add("tzname", after.tzname())
        part.add("tzoffsetfrom", before.utcoffset())
        part.add("tzoffsetto", after.utcoffset())
        timezone.add_component(part)
    return timezone


def _changes(zone: zoneinfo.ZoneInfo, year: int) -> list[tuple[dt.datetime, dt.datetime]]:
    """Return each change of offset in ``year``: the local time just before it and at it."""
    changes = []
    moment = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    step = dt.timedelta(hours=1)
    while moment < end:
        later = moment + step
        if moment.astimezone(zone).utcoffset() != later.astimezone(zone).utcoffset():
            low, high = moment, later  # find the minute the offset changes
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            high = high.replace(second=0, microsecond=0)
            changes.append(
                ((high - dt.timedelta(minutes=1)).astimezone(zone), high.astimezone(zone))
            )
        moment = later
    return changes


def _nth_weekday(day: dt.date) -> str:
    """Return the iCalendar BYDAY for ``day``'s weekday in its month: "2SU", "-1SU" for the last."""
    code = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[day.weekday()]
    if day.day + 7 > _calendar.monthrange(day.year, day.month)[1]:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


def _description(plan: TimePlan, block: str) -> str:
    """Say what a block is for, with the plan's numbers."""
    if block == "admin":
        return _(
            "Admin and C follow-up: e-mail, quotes, hand-overs to inside sales. Outside your "
            "planned selling time."
        )
    if block == "prospecting":
        return _(
            "New customers: {share} of your selling time, {hours} a year, outside the tiers."
        ).format(
            share=fmt.share(plan.settings.prospecting_share),
            hours=fmt.hours(plan.prospecting_hours),
        )
    row = plan.tiers.loc[block]
    if not row["accounts"]:
        return _("{tier} gets {share} of your field time, {hours} a year.").format(
            tier=block, share=fmt.share(row["share"]), hours=fmt.hours(row["hours"])
        )
    return _(
        "Your {n} {tier} accounts get {share} of your field time, {hours} a year: {visits} "
        "each by their value (the visit rota and the plan per account say which)."
    ).format(
        n=fmt.number(row["accounts"]),
        tier=block,
        share=fmt.share(row["share"]),
        hours=fmt.hours(row["hours"]),
        visits=_("{least} to {most} visits a year").format(
            least=fmt.number(row["least_visits"]), most=fmt.number(row["most_visits"])
        ),
    )


def monday_of(day: dt.date) -> dt.date:
    """Return ``day`` when it is a Monday, else the Monday after it."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def time_of_day(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except (TypeError, ValueError):
        raise SettingsError(
            _("day_start must be a time of day such as 08:00, not {value!r}").format(value=text)
        ) from None
