"""The week step's panel: the controls change the plan per account, today against it, the rota,
and the files the panel hands over."""

import datetime as dt
import io

import icalendar
import pandas as pd
import pytest

from workbook.settings import PlanSettings
from workbook.widgets import PlanPanel

START = dt.date(2026, 11, 30)


@pytest.fixture()
def panel(tiered):
    panel = PlanPanel(tiered, owner="Kari Nordmann")
    panel.rota_start.value = START
    return panel


def downloaded(panel, label: str) -> bytes:
    download = next(d for d in panel.downloads if label in d.label)
    return download.content()[1]  # what a press hands the browser


def test_opens_on_the_default_plan_and_today_against_it(panel):
    assert panel.message.value == ""
    assert panel.settings == PlanSettings()
    assert panel.headline.value.count("The plan fits.") == 1
    assert "Havnelektro AS" in panel.accounts.value  # the biggest account is listed
    assert "Following the plan exactly would score 1.00" in str(
        [child.value for child in panel.today_box.children if hasattr(child, "value")]
    )
    assert "On the same 1,215 h a year on both sides" in panel.outlook.value
    assert "891 visits to 188 accounts in 49 weeks from 30 Nov 2026" in panel.rota_note.value


def test_the_allocation_control_changes_how_a_tiers_visits_follow_value(panel):
    by_response = panel.plan.tiers.loc["A", ["least_visits", "most_visits"]].tolist()
    panel.allocation.value = "equal"
    assert panel.plan.allocation == "equal"
    least, most = panel.plan.tiers.loc["A", ["least_visits", "most_visits"]]
    assert most - least <= 1 < by_response[1] - by_response[0]
    panel.allocation.value = "value"
    assert panel.plan.tiers.loc["A", "most_visits"] >= by_response[1]


def test_prospecting_and_the_tier_shares_move_the_hours(panel):
    panel.prospecting.value = 0.2
    assert panel.plan.prospecting_hours == pytest.approx(270.0)
    assert panel.plan.tiers.loc["A", "hours"] == pytest.approx(864.0)
    panel.share_a.value = 0.7
    assert "C gets the rest: 10%" in panel.share_c.value
    assert panel.plan.tiers.loc["C", "visits"] > 0


def test_the_holidays_and_summer_controls_change_the_rota(panel):
    assert dt.date(2026, 12, 25) in panel.rota.holidays
    panel.holidays.value = "none"
    panel.summer.value = False
    assert panel.rota.holidays == {} and (panel.rota.weeks["working_days"] == 5).all()
    assert panel.summer_weeks.disabled
    panel.summer.value = True
    panel.summer_weeks.value = (27, 31)
    assert not set(panel.rota.visits["iso_week"]) & set(range(27, 32))
    assert panel.settings.summer_break == (27, 31)


def test_the_downloads_are_the_plan_the_rota_and_the_task_list(panel):
    plan = pd.read_excel(io.BytesIO(downloaded(panel, "plan per account")), dtype=str)
    assert len(plan) == 250 and {"planned_hours", "cadence", "hours_today"} <= set(plan.columns)
    calendar = icalendar.Calendar.from_ical(downloaded(panel, "visit rota"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(panel.rota.visits) == 891
    assert not {e.decoded("DTSTART").date() for e in events} & {dt.date(2027, 5, 17)}
    tasks = pd.read_excel(io.BytesIO(downloaded(panel, "CRM tasks")), dtype=str)
    assert len(tasks) == 891 and tasks["subject"].str.startswith("Visit: ").all()
    weekly = icalendar.Calendar.from_ical(downloaded(panel, "blocks"))
    assert {str(e.categories[0]) for e in weekly.walk("VEVENT")} >= {"A time", "Prospecting"}
    panel.weeks.value = 44  # each press builds the file from the settings of that moment
    assert (
        len(list(icalendar.Calendar.from_ical(downloaded(panel, "visit rota")).walk("VEVENT")))
        != 891
    )


def test_without_time_data_the_panel_says_what_today_needs(tiered):
    panel = PlanPanel(tiered.drop(columns=["visits", "selling_hours"]))
    assert panel.message.value == ""
    assert "needs visits or selling hours" in panel.today_box.children[0].value
    assert "Today&#x27;s time is unknown" in panel.outlook.value  # escaped in the page
