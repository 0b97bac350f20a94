"""The visit rota: every field visit of the plan placed once in a week of the year, none on a
public holiday or in the summer break, no week over its hours, A visits spread evenly; as an .ics
with one named event per visit and as a task list a CRM imports."""

import datetime as dt
import io

import icalendar
import numpy as np
import pandas as pd
import pytest

from workbook.coaching import plan_time, rota_export, rota_ics, rota_tasks, visit_rota
from workbook.coaching.rota import public_holidays

#: A start that takes the rota through Christmas 2026, Easter and 17 May 2027.
START = dt.date(2026, 11, 30)
STAMP = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def plan(sample_tiered):
    return plan_time(sample_tiered)


@pytest.fixture(scope="module")
def rota(plan):
    return visit_rota(plan, start=START)


def test_every_planned_field_visit_is_placed_once(plan, rota):
    planned = plan.accounts.set_index("account_id")["visits_per_year"]
    placed = rota.visits.groupby("account_id")["visit"].count()
    field = planned[planned > 0]
    assert placed.reindex(field.index).tolist() == field.tolist()
    assert len(rota.visits) == 648 + 243 and rota.unplaced.empty and rota.messages == []
    # each visit numbered once: 1 to n for every account
    numbers = rota.visits.groupby("account_id")["visit"].apply(sorted)
    assert all(list(v) == list(range(1, len(v) + 1)) for v in numbers)


def test_no_visit_on_a_public_holiday_or_in_the_summer_break(rota):
    dates = set(rota.visits["date"])
    norway = public_holidays("NO", [2026, 2027])
    for day in (dt.date(2026, 12, 25), dt.date(2027, 1, 1), dt.date(2027, 5, 17)):
        assert day in norway and day not in dates
    assert not dates & set(norway)
    assert not set(rota.visits["iso_week"]) & {28, 29, 30}
    assert all(day.weekday() < 5 for day in dates)
    assert set(rota.holidays) == {day for day in norway if day.weekday() < 5 and day >= START}


def test_no_week_gets_more_than_its_hours(plan, rota):
    weeks = rota.weeks.set_index("week")
    per_day = plan.hours_per_week * 0.9 / 5
    assert (weeks["capacity"] == weeks["working_days"] * per_day).all()
    assert (weeks["booked"] <= weeks["capacity"] + 1e-9).all()
    booked = rota.visits.groupby("week")["hours"].sum()
    assert booked.sum() == pytest.approx(972.0 + 243.0)
    # Christmas Day 2026 is a Friday: that week has 4 working days; the summer break none
    christmas = weeks.loc[dt.date(2026, 12, 21)]
    assert christmas["working_days"] == 4 and "Christmas Day" in christmas["free"]
    assert (weeks[weeks["iso_week"].isin([28, 29, 30])]["working_days"] == 0).all()


def test_a_visits_are_spread_evenly_over_the_open_weeks(plan, rota):
    open_weeks = list(rota.weeks.loc[rota.weeks["working_days"] > 0, "week"])
    index = {week: i for i, week in enumerate(open_weeks)}
    a = rota.visits[rota.visits["tier"] == "A"].assign(i=lambda v: v["week"].map(index))
    for _, visits in a.groupby("account_id"):
        n = len(visits)
        every = len(open_weeks) / n
        gaps = np.diff(sorted(visits["i"]))
        assert visits["i"].is_unique or n > len(open_weeks)  # one visit a week at most
        assert gaps.max() <= every + 2 and gaps.min() >= max(every - 2, 1) - 1e-9


def test_the_visits_of_a_day_follow_each_other_from_the_start_of_the_day(rota):
    day = rota.visits[rota.visits["date"] == rota.visits["date"].iloc[0]]
    starts = [dt.datetime.combine(START, t) for t in day["start"]]
    ends = [dt.datetime.combine(START, t) for t in day["end"]]
    assert day["start"].iloc[0] == dt.time(8, 0)
    assert all(s == e for s, e in zip(starts[1:], ends[:-1], strict=True))
    assert all(
        (e - s).total_seconds() / 3600 == h
        for s, e, h in zip(starts, ends, day["hours"], strict=True)
    )


def test_holidays_and_the_summer_break_can_be_switched_off(sample_tiered):
    plan = plan_time(sample_tiered, holidays="none", summer_break="none")
    rota = visit_rota(plan, start=START)
    assert rota.holidays == {} and (rota.weeks["working_days"] == 5).all()
    assert dt.date(2026, 12, 25) in set(rota.visits["date"]) or len(rota.visits) == 891
    assert "no holidays and no summer break are left free" in rota.summary
    swedish = visit_rota(plan_time(sample_tiered, holidays="SE"), start=START)
    assert dt.date(2027, 1, 6) in swedish.holidays  # Epiphany is Swedish, not Norwegian
    assert dt.date(2027, 5, 17) not in swedish.holidays


def test_visits_that_do_not_fit_are_listed_and_said(sample_tiered):
    # 52 selling weeks planned, but the rota has 49 open weeks and 7 holidays
    plan = plan_time(sample_tiered, weeks=52)
    rota = visit_rota(plan, start=START)
    assert len(rota.unplaced) > 0
    assert len(rota.visits) + len(rota.unplaced) == plan.accounts["visits_per_year"].sum()
    assert (rota.weeks["booked"] <= rota.weeks["capacity"] + 1e-9).all()
    [message] = rota.messages
    assert message.startswith(f"{len(rota.unplaced)} visits do not fit in the weeks")
    assert "(hours_per_week)" in message and "(summer_break)" in message


def test_the_ics_has_one_named_event_per_visit(rota):
    calendar = icalendar.Calendar.from_ical(rota_ics(rota, owner="Kari Nordmann", created=STAMP))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(rota.visits)
    assert len({str(e["UID"]) for e in events}) == len(events)
    first = rota.visits.iloc[0]
    event = events[0]
    assert str(event["SUMMARY"]) == f"Visit: {first['account']}"
    assert str(event["DESCRIPTION"]).startswith(f"Account id: {first['account_id']}\n")
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert (event.decoded("DTEND") - event.decoded("DTSTART")) == dt.timedelta(hours=1.5)
    days = {e.decoded("DTSTART").date() for e in events}
    assert not days & {dt.date(2026, 12, 25), dt.date(2026, 12, 24) + dt.timedelta(days=2)}
    assert dt.date(2027, 5, 17) not in days
    assert all("kari-nordmann" in str(e["UID"]) for e in events)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_the_same_plan_and_start_give_the_same_file(plan):
    one = rota_ics(visit_rota(plan, start=START), created=STAMP)
    assert one == rota_ics(visit_rota(plan, start=START), created=STAMP)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_task_list_imports_into_a_crm(rota, suffix):
    content = rota_export(rota, suffix)
    read = (
        pd.read_csv(io.BytesIO(content), dtype={"account_id": str}, encoding="utf-8-sig")
        if suffix == ".csv"
        else pd.read_excel(io.BytesIO(content), dtype={"account_id": str})
    )
    assert list(read.columns) == list(rota_tasks(rota).columns)
    assert len(read) == len(rota.visits)
    assert read["account_id"].str.len().eq(5).all()  # "00101" stays "00101"
    assert pd.to_datetime(read["due_date"], format="%Y-%m-%d").notna().all()
    assert set(read["duration_minutes"]) == {90, 60}
    assert read["subject"].str.startswith("Visit: ").all()


def test_a_name_that_looks_like_a_formula_is_made_safe_in_the_task_list(five):
    five.loc[0, "account"] = "=HYPERLINK(1)"
    rota = visit_rota(plan_time(five, hours_per_week=10), start=START)
    text = rota_export(rota, ".csv").decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
