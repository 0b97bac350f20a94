"""The visit rota: every field visit of the plan placed in a week of the coming year.

The year is the 52 weeks from a Monday. Its working days are Monday to Friday less the public
holidays of the chosen country (the ``holidays`` package; Norway by default) and the weeks of an
optional summer break (ISO weeks 28–30 by default, Norway's "fellesferie"). Each working day
holds a fifth of the field hours a week (hours a week less the time kept for new customers), and
no week gets more visits than its working days hold.

Visits are placed account by account, A first, biggest first: an account with n visits a year
aims at n evenly spaced weeks of the weeks that have working days (each account's first aim a
little later than the one before, so the A visits do not all crowd the first week), and each
visit goes to the nearest week that still has room and no visit to that account yet. B accounts
are fitted into the room A leaves, the same way. A visit that fits nowhere is listed and said.
In its week a visit goes to the working day with the most room left, and the visits of a day
follow each other from the start of the working day.

:func:`rota_ics` writes one calendar event per visit, titled with the account's name, its id in
the description; :func:`rota_tasks` the same visits as a task list a CRM can import (CSV/XLSX).
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from dataclasses import dataclass, field

import icalendar
import numpy as np
import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching import wording
from workbook.coaching.plan import TimePlan
from workbook.coaching.schedule import PRODID, monday_of, time_of_day, vtimezone
from workbook.errors import SettingsError
from workbook.i18n import _, language, ngettext
from workbook.paths import slug
from workbook.spreadsheet import table_bytes

#: The rota covers this many weeks from its first Monday.
WEEKS_IN_ROTA = 52
#: Each account's first visit aims this much later (in fractions of its interval) than the
#: account before: the golden ratio spreads any number of accounts evenly.
STAGGER = (math.sqrt(5) - 1) / 2
#: The languages of the ``holidays`` package for the workbook's languages.
HOLIDAY_LANGUAGES = {"nb": "no", "en": "en_US"}

VISIT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "visit",
    "visits",
    "week",
    "iso_week",
    "date",
    "start",
    "end",
    "hours",
]
TASK_COLUMNS = [
    "subject",
    "due_date",
    "start_time",
    "end_time",
    "duration_minutes",
    "account_id",
    "account",
    "tier",
    "visit",
    "visits_per_year",
    "type",
    "description",
]


@dataclass(frozen=True)
class Rota:
    """The visits of a plan placed in the weeks of a year (see :func:`visit_rota`).

    Attributes
    ----------
    visits : pandas.DataFrame
        One row per placed visit, in date order: account_id, account, tier, visit (1 to visits),
        visits (the account's visits a year), week (its Monday), iso_week, date, start and end
        (local times), hours.
    weeks : pandas.DataFrame
        One row per week: week (Monday), iso_week, working_days, capacity (hours), booked
        (hours), free (what made days free: holidays, the summer break).
    unplaced : pandas.DataFrame
        The visits that fit in no week (account_id, account, tier, visit, visits, hours).
    start : datetime.date
        The first Monday.
    holidays : dict
        The public holidays on working days in the rota's weeks (date → name).
    messages : list of str
        What did not fit and which setting changes it.
    summary : str
        The rota in one sentence.
    """

    visits: pd.DataFrame
    weeks: pd.DataFrame
    unplaced: pd.DataFrame
    start: dt.date
    holidays: dict[dt.date, str]
    messages: list[str] = field(default_factory=list)
    summary: str = ""


def public_holidays(country: str, years) -> dict[dt.date, str]:
    """Return the public holidays of ``country`` (a ``holidays`` code, or ``"none"``) in
    ``years``, named in the current language.

    Examples
    --------
    >>> days = public_holidays("NO", [2027])
    >>> days[dt.date(2027, 5, 17)], dt.date(2027, 12, 25) in days
    ('Constitution Day; Pentecost Monday', True)
    >>> public_holidays("none", [2027])
    {}
    """
    if country == "none":
        return {}
    import holidays  # imported here: only a rota needs it

    wanted = HOLIDAY_LANGUAGES.get(language(), "en_US")
    kind = holidays.country_holidays(country, years=list(years))
    chosen = wanted if wanted in kind.supported_languages else None
    return dict(holidays.country_holidays(country, years=list(years), language=chosen).items())


def working_days(
    start: dt.date, country: str, summer_break: tuple[int, ...], weeks: int = WEEKS_IN_ROTA
) -> tuple[pd.DataFrame, dict[dt.date, str]]:
    """Return every weekday of ``weeks`` weeks from the Monday ``start``, whether it is free and
    why, and the public holidays that fall on them.

    Examples
    --------
    >>> days, free = working_days(dt.date(2027, 5, 3), "NO", (28, 30), weeks=3)
    >>> days[~days["working"]][["date", "why"]]
              date                                 why
    3   2027-05-06                       Ascension Day
    10  2027-05-17  Constitution Day; Pentecost Monday
    """
    dates = [start + dt.timedelta(weeks=w, days=d) for w in range(weeks) for d in range(5)]
    years = sorted({day.year for day in dates})
    holidays = public_holidays(country, years)
    rows = []
    for day in dates:
        iso_week = day.isocalendar().week
        in_break = bool(summer_break) and summer_break[0] <= iso_week <= summer_break[1]
        why = holidays.get(day) or (_("summer break") if in_break else "")
        rows.append(
            {
                "date": day,
                "week": day - dt.timedelta(days=day.weekday()),
                "iso_week": iso_week,
                "working": not why,
                "why": why,
            }
        )
    return pd.DataFrame(rows), {day: name for day, name in holidays.items() if day in set(dates)}


def visit_rota(
    plan: TimePlan, *, start: dt.date | None = None, day_start: str = defaults.DAY_START
) -> Rota:
    """Place every field visit of ``plan`` in a week of the 52 weeks from ``start``.

    Parameters
    ----------
    plan : TimePlan
        From ``plan_time``; its settings say the country whose holidays are free
        (``holidays``) and the summer break (``summer_break``).
    start : datetime.date, optional
        The first week's Monday (another day moves on to the Monday after it); default: the next
        Monday from today (today, when it is a Monday).
    day_start : str, default "08:00"
        When the first visit of a day starts.

    Returns
    -------
    Rota

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> plan = plan_time(example_tiered(), hours_per_week=10)
    >>> rota = visit_rota(plan, start=dt.date(2027, 1, 4))
    >>> rota.visits.groupby("account")["visit"].count().to_dict()
    {'Berg Elektro AS': 12, 'Fjordbakeri AS': 45, 'Lys Kafé DA': 12}
    >>> rota.visits.iloc[0][["account", "date", "start", "end"]].tolist()
    ['Fjordbakeri AS', datetime.date(2027, 1, 4), datetime.time(8, 0), datetime.time(9, 30)]
    >>> print(rota.summary)
    69 visits to 3 accounts in 49 weeks from 4 Jan 2027 to 31 Dec 2027; 5 public holidays and
    weeks 28 to 30 (summer break) are left free.
    """
    settings = plan.settings
    first = monday_of(start or dt.date.today())
    begin = time_of_day(day_start)
    days, holidays = working_days(first, settings.holidays, settings.summer_break)
    per_day = settings.hours_per_week * (1 - settings.prospecting_share) / 5
    days["room"] = np.where(days["working"], per_day, 0.0)
    week_list = list(dict.fromkeys(days["week"]))
    week_room = days.groupby("week", sort=False)["room"].sum().reindex(week_list)
    open_weeks = [w for w in week_list if week_room[w] > 1e-9]
    room = {w: float(week_room[w]) for w in open_weeks}
    day_room = {(row.week, row.date): row.room for row in days.itertuples() if row.working}

    accounts = plan.accounts[plan.accounts["visits_per_year"] > 0]
    order = accounts.assign(_rank=accounts["tier"].map({"A": 0, "B": 1, "C": 2})).sort_values(
        ["_rank", "value"], ascending=[True, False], kind="stable"
    )
    placed, unplaced = [], []
    m = len(open_weeks)
    for index, row in enumerate(order.itertuples()):
        n = int(row.visits_per_year)
        length = float(row.visit_hours)
        offset = (index * STAGGER) % 1.0
        taken: set[int] = set()
        for k in range(n):
            aim = min(int((k + offset) * m / n), m - 1) if m else 0
            week = _nearest_week(aim, m, length, room, open_weeks, taken, once=n <= m)
            item = {
                "account_id": row.account_id,
                "account": row.account,
                "tier": row.tier,
                "visit": k + 1,
                "visits": n,
                "hours": length,
            }
            if week is None:
                unplaced.append(item)
                continue
            taken.add(week)
            monday = open_weeks[week]
            room[monday] -= length
            day = max(
                (date for (w, date) in day_room if w == monday),
                key=lambda date: (day_room[monday, date], -date.toordinal()),
            )
            day_room[monday, day] -= length
            placed.append({**item, "week": monday, "date": day})

    visits = _timed(placed, begin)
    weeks = pd.DataFrame(
        {
            "week": week_list,
            "iso_week": [w.isocalendar().week for w in week_list],
            "working_days": days.groupby("week", sort=False)["working"].sum().reindex(week_list),
            "capacity": week_room.to_numpy(),
        }
    )
    booked = visits.groupby("week")["hours"].sum() if len(visits) else pd.Series(dtype=float)
    weeks["booked"] = weeks["week"].map(booked).fillna(0.0)
    free = (
        days[~days["working"]]
        .groupby("week", sort=False)["why"]
        .agg(lambda names: "; ".join(dict.fromkeys(names)))
    )
    weeks["free"] = [free.get(week, "") for week in weeks["week"]]
    missing = pd.DataFrame(
        unplaced, columns=["account_id", "account", "tier", "visit", "visits", "hours"]
    )
    rota = Rota(visits, weeks.reset_index(drop=True), missing, first, holidays)
    return Rota(
        visits,
        rota.weeks,
        missing,
        first,
        holidays,
        _messages(rota, plan),
        _summary(rota, settings.holidays, settings.summer_break),
    )


def _nearest_week(
    aim: int,
    m: int,
    length: float,
    room: dict,
    open_weeks: list,
    taken: set[int],
    *,
    once: bool,
) -> int | None:
    """Return the index of the open week nearest ``aim`` with room for ``length`` hours (and no
    visit to the account yet, when ``once``), or None when there is none."""
    for step in range(2 * m + 1):
        index = aim + (step + 1) // 2 * (1 if step % 2 else -1)
        fits = 0 <= index < m and room[open_weeks[index]] >= length - 1e-9
        if fits and not (once and index in taken):
            return index
    if once:  # every week the account could use is taken: a second visit in a week then
        return _nearest_week(aim, m, length, room, open_weeks, set(), once=False)
    return None


def _timed(placed: list[dict], begin: dt.time) -> pd.DataFrame:
    """Return the placed visits in date order, each day's visits one after the other."""
    if not placed:
        return pd.DataFrame(columns=VISIT_COLUMNS)
    frame = pd.DataFrame(placed)
    frame["_order"] = frame["tier"].map({"A": 0, "B": 1, "C": 2})
    frame = frame.sort_values(["date", "_order"], kind="stable").reset_index(drop=True)
    before = frame.groupby("date")["hours"].cumsum() - frame["hours"]
    starts = [
        dt.datetime.combine(day, begin) + dt.timedelta(hours=float(offset))
        for day, offset in zip(frame["date"], before, strict=True)
    ]
    frame["start"] = [moment.time() for moment in starts]
    frame["end"] = [
        (moment + dt.timedelta(hours=float(hours))).time()
        for moment, hours in zip(starts, frame["hours"], strict=True)
    ]
    frame["iso_week"] = [day.isocalendar().week for day in frame["date"]]
    return frame[VISIT_COLUMNS]


def _messages(rota: Rota, plan: TimePlan) -> list[str]:
    """Say what did not fit, and which settings make room."""
    if rota.unplaced.empty:
        return []
    n = len(rota.unplaced)
    return [
        ngettext(
            "{n} visit does not fit in the weeks the rota leaves after holidays and the summer "
            "break ({names}): plan more hours a week (hours_per_week), keep less time for new "
            "customers (prospecting_share), or shorten the summer break (summer_break).",
            "{n} visits do not fit in the weeks the rota leaves after holidays and the summer "
            "break ({names}): plan more hours a week (hours_per_week), keep less time for new "
            "customers (prospecting_share), or shorten the summer break (summer_break).",
            n,
        ).format(n=fmt.number(n), names=wording.names(rota.unplaced.drop_duplicates("account")))
    ]


def _summary(rota: Rota, country: str, summer_break: tuple[int, ...]) -> str:
    """Say the rota in one sentence: how many visits, when, and what is left free."""
    visits = rota.visits
    weeks = rota.weeks[rota.weeks["working_days"] > 0]
    text = _("{visits} to {accounts} in {weeks} from {start} to {end}").format(
        visits=ngettext("{n} visit", "{n} visits", len(visits)).format(n=fmt.number(len(visits))),
        accounts=wording.accounts(visits["account"].nunique() if len(visits) else 0),
        weeks=ngettext("{n} week", "{n} weeks", len(weeks)).format(n=fmt.number(len(weeks))),
        start=fmt.day(rota.start),
        end=fmt.day(rota.start + dt.timedelta(weeks=WEEKS_IN_ROTA, days=-3)),
    )
    holidays = ngettext("{n} public holiday", "{n} public holidays", len(rota.holidays)).format(
        n=fmt.number(len(rota.holidays))
    )
    if summer_break and country != "none":
        return _(
            "{rota}; {holidays} and weeks {first} to {last} (summer break) are left free."
        ).format(rota=text, holidays=holidays, first=summer_break[0], last=summer_break[1])
    if summer_break:
        return _("{rota}; weeks {first} to {last} (summer break) are left free.").format(
            rota=text, first=summer_break[0], last=summer_break[1]
        )
    if country != "none":
        return _("{rota}; {holidays} are left free.").format(rota=text, holidays=holidays)
    return _("{rota}; no holidays and no summer break are left free.").format(rota=text)


def rota_ics(
    rota: Rota,
    *,
    owner: str | None = None,
    timezone: str = defaults.TIMEZONE,
    created: dt.datetime | None = None,
) -> bytes:
    """Return the rota as an .ics file: one event per visit, titled with the account's name.

    Each event's description names the account id, its tier and which visit of the year it is;
    its ``UID`` is made of the rota's first Monday, the account id and the visit, so importing an
    updated rota with the same start replaces the old events instead of doubling them.

    Parameters
    ----------
    rota : Rota
        From :func:`visit_rota`.
    owner : str, optional
        The salesperson, named in the calendar's name and the events' UIDs.
    timezone : str, default "Europe/Oslo"
        The IANA time zone of the times.
    created : datetime.datetime, optional
        The time stamp (DTSTAMP) of the events; default now.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> rota = visit_rota(plan_time(example_tiered(), hours_per_week=10),
    ...                   start=dt.date(2027, 1, 4))
    >>> calendar = icalendar.Calendar.from_ical(rota_ics(rota, created=dt.datetime(2026, 12, 1)))
    >>> event = next(iter(calendar.walk("VEVENT")))
    >>> str(event["SUMMARY"]), str(event["DESCRIPTION"]).splitlines()[0]
    ('Visit: Fjordbakeri AS', 'Account id: 001')
    """
    try:
        zone = zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            _("{zone!r} is not a time zone name (e.g. Europe/Oslo)").format(zone=timezone)
        ) from None
    stamp = (created or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID.replace("Weekly plan", "Visit rota"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = _("Visit rota: {owner}").format(owner=owner) if owner else _("Visit rota")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    cal.add_component(vtimezone(timezone, rota.start.year))
    who = slug(owner, fallback="owner") + "-" if owner else ""
    for visit in rota.visits.itertuples():
        key = slug(str(visit.account_id or visit.account), fallback="account")
        event = icalendar.Event()
        event.add("uid", f"{rota.start:%Y%m%d}-{who}{key}-{visit.visit}@account-focus-workbook")
        event.add("dtstamp", stamp)
        event.add("summary", _("Visit: {account}").format(account=visit.account))
        event.add("description", _description(visit))
        event.add("categories", [_("{tier} visit").format(tier=visit.tier)])
        event.add("dtstart", dt.datetime.combine(visit.date, visit.start, tzinfo=zone))
        event.add("dtend", dt.datetime.combine(visit.date, visit.end, tzinfo=zone))
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()


def _description(visit) -> str:
    """Say what a visit is: the account id first (a CRM finds the account by it)."""
    return "\n".join(
        [
            _("Account id: {id}").format(id=visit.account_id or "–"),
            _("{account}, a {tier} account: visit {k} of {n} this year (travel included).").format(
                account=visit.account, tier=visit.tier, k=visit.visit, n=visit.visits
            ),
        ]
    )


def rota_tasks(rota: Rota) -> pd.DataFrame:
    """Return the rota as a task list a CRM imports: one row per visit, ISO dates and times.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> rota = visit_rota(plan_time(example_tiered(), hours_per_week=10),
    ...                   start=dt.date(2027, 1, 4))
    >>> task = rota_tasks(rota).iloc[0]
    >>> task["subject"], task["due_date"], task["start_time"], int(task["duration_minutes"])
    ('Visit: Fjordbakeri AS', '2027-01-04', '08:00', 90)
    """
    visits = rota.visits
    return pd.DataFrame(
        {
            "subject": [_("Visit: {account}").format(account=a) for a in visits["account"]],
            "due_date": [day.isoformat() for day in visits["date"]],
            "start_time": [moment.strftime("%H:%M") for moment in visits["start"]],
            "end_time": [moment.strftime("%H:%M") for moment in visits["end"]],
            "duration_minutes": [round(float(hours) * 60) for hours in visits["hours"]],
            "account_id": visits["account_id"],
            "account": visits["account"],
            "tier": visits["tier"],
            "visit": visits["visit"],
            "visits_per_year": visits["visits"],
            "type": _("Visit"),
            "description": [_description(visit) for visit in visits.itertuples()],
        },
        columns=TASK_COLUMNS,
    )


def rota_export(rota: Rota, suffix: str = ".csv") -> bytes:
    """Return :func:`rota_tasks` as ``.csv`` or ``.xlsx`` bytes (text made formula-safe)."""
    return table_bytes(rota_tasks(rota), suffix, sheet=_("Visits"))
