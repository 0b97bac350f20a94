import datetime as dt
import zoneinfo
from collections import defaultdict

import icalendar
import pytest
from dateutil.rrule import rrulestr

from workbook.coaching import plan_time, weekly_blocks, weekly_schedule_ics
from workbook.coaching.schedule import vtimezone
from workbook.errors import SettingsError

MONDAY = dt.date(2027, 3, 1)
STAMP = dt.datetime(2027, 2, 20, 12, 0, tzinfo=dt.UTC)


def minutes_in_first_week(ics: bytes) -> dict[str, float]:
    """Expand every event's weekly rule over the first week and add up minutes per category."""
    calendar = icalendar.Calendar.from_ical(ics)
    start = dt.datetime.combine(MONDAY, dt.time(0), tzinfo=zoneinfo.ZoneInfo("Europe/Oslo"))
    end = start + dt.timedelta(days=7)
    totals: dict[str, float] = defaultdict(float)
    for event in calendar.walk("VEVENT"):
        first = event.decoded("DTSTART")
        length = event.decoded("DTEND") - first
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=first)
        for occurrence in rule.between(start, end, inc=True):
            assert occurrence.weekday() < 5  # Monday to Friday only
            totals[str(event.categories[0])] += length.total_seconds() / 60
    return dict(totals)


@pytest.mark.parametrize(
    ("hours_per_week", "shares"),
    [
        (30, (0.8, 0.2, None)),
        (37.5, (0.7, 0.2, 0.1)),
        (23.3, (0.65, 0.3, 0.05)),
    ],
)
def test_a_week_of_events_adds_up_to_the_planned_selling_hours(five, hours_per_week, shares):
    plan = plan_time(
        five, hours_per_week=hours_per_week, share_a=shares[0], share_b=shares[1], share_c=shares[2]
    )
    ics = weekly_schedule_ics(plan, start=MONDAY, created=STAMP)
    minutes = minutes_in_first_week(ics)
    selling = sum(minutes.get(name, 0) for name in ("A time", "B time", "C time", "Prospecting"))
    assert selling == round(hours_per_week * 60)
    for tier in "ABC":  # the field time (selling time less prospecting) by the tiers' shares
        planned = hours_per_week * 0.9 * plan.shares[tier] * 60
        assert abs(minutes.get(f"{tier} time", 0) - planned) < 1  # whole minutes
    assert abs(minutes["Prospecting"] - hours_per_week * 0.1 * 60) < 1
    assert minutes["Admin"] == 5 * 30  # outside selling time, in a category of its own


def test_the_calendar_has_what_outlook_and_google_need(five):
    ics = weekly_schedule_ics(plan_time(five), start=MONDAY, created=STAMP, owner="Kari Nordmann")
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["PRODID"]) and str(calendar["VERSION"]) == "2.0"
    events = list(calendar.walk("VEVENT"))
    assert events
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "RRULE", "SUMMARY"):
            assert name in event, name
        assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
        assert event["RRULE"]["COUNT"][0] % 45 == 0  # 45 weeks of each series' days
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all("kari-nordmann" in str(e["UID"]) for e in events)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert b"\r\n" in ics


def test_the_same_plan_gives_the_same_file(five):
    plan = plan_time(five)
    first = weekly_schedule_ics(plan, start=MONDAY, created=STAMP)
    assert first == weekly_schedule_ics(plan, start=MONDAY, created=STAMP)


def test_a_start_that_is_not_a_monday_moves_on_to_the_next_monday(five):
    ics = weekly_schedule_ics(plan_time(five), start=dt.date(2027, 3, 3), created=STAMP)
    starts = [e.decoded("DTSTART").date() for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")]
    assert min(starts) == dt.date(2027, 3, 8)


def test_minutes_that_do_not_divide_by_five_days_go_to_the_first_days(five):
    # 1,803 minutes: A 72% = 1,298.2 → 1,298, B 18% = 324.5 → 325, prospecting 180.3 → 180
    plan = plan_time(five, hours_per_week=30.05)
    blocks = weekly_blocks(plan, admin_minutes=0)
    minutes = {
        block: blocks[blocks["block"] == block]["minutes"].tolist()
        for block in ("A", "B", "prospecting")
    }
    assert minutes["A"] == [260, 260, 260, 259, 259] and minutes["B"] == [65] * 5
    assert minutes["prospecting"] == [36] * 5
    assert sum(map(sum, minutes.values())) == round(30.05 * 60)


def test_a_day_that_runs_past_midnight_is_refused(five):
    with pytest.raises(SettingsError, match="runs past midnight"):
        weekly_blocks(plan_time(five, hours_per_week=90), day_start="08:00")
    with pytest.raises(SettingsError, match="not a time zone"):
        weekly_schedule_ics(plan_time(five), timezone="Mars/Olympus")


@pytest.mark.parametrize(
    ("zone", "rules"),
    [
        ("Europe/Oslo", {"DAYLIGHT": (3, "-1SU"), "STANDARD": (10, "-1SU")}),
        ("America/New_York", {"DAYLIGHT": (3, "2SU"), "STANDARD": (11, "1SU")}),
        ("Australia/Sydney", {"STANDARD": (4, "1SU"), "DAYLIGHT": (10, "1SU")}),
    ],
)
def test_vtimezone_rules_match_the_zone(zone, rules):
    component = icalendar.Timezone.from_ical(vtimezone(zone, 2027).to_ical())
    found = {}
    for part in component.subcomponents:
        rule = part["RRULE"]
        found[part.name] = (rule["BYMONTH"][0], rule["BYDAY"][0])
        # the onset is local time before the change: one minute earlier still has the old offset
        onset = part.decoded("DTSTART").replace(tzinfo=zoneinfo.ZoneInfo(zone))
        assert part.decoded("TZOFFSETFROM") != part.decoded("TZOFFSETTO")
        assert (onset - dt.timedelta(minutes=1)).utcoffset() == part.decoded("TZOFFSETFROM")
    assert found == rules


def test_a_zone_without_daylight_saving_has_one_standard_part():
    component = vtimezone("Asia/Tokyo", 2027)
    assert [p.name for p in component.subcomponents] == ["STANDARD"]
    assert component.subcomponents[0].decoded("TZOFFSETTO") == dt.timedelta(hours=9)
