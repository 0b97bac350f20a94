"""``python -m workbook plan`` end to end, as a salesperson runs it."""

import json
import subprocess
import sys

import icalendar
import pandas as pd
import pytest

from workbook import paths


def workbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbook", "plan", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample_json() -> dict:
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_has_the_keys_of_the_design(sample_json):
    assert {
        "hours_per_week",
        "weeks",
        "tiers",
        "feasible",
        "focus_today",
        "focus_if_followed",
        "prospecting_hours",
        "cadences",
    } <= set(sample_json)
    assert set(sample_json["tiers"]) == {"A", "B", "C"}
    for tier in sample_json["tiers"].values():
        assert {"accounts", "hours", "hours_per_account", "visits_per_account_per_month"} <= set(
            tier
        )
    assert sum(sample_json["cadences"].values()) == 250


def test_the_sample_gets_a_feasible_default_plan_that_the_yardstick_agrees_with(sample_json):
    assert (sample_json["hours_per_week"], sample_json["weeks"]) == (30.0, 45.0)
    tiers = sample_json["tiers"]
    assert [tiers[t]["accounts"] for t in "ABC"] == [50, 138, 62]
    assert [tiers[t]["hours"] for t in "ABC"] == [972.0, 243.0, 0.0]
    assert sample_json["prospecting_hours"] == 135.0
    assert sum(tiers[t]["hours"] for t in "ABC") + sample_json["prospecting_hours"] == 30.0 * 45.0
    assert sample_json["feasible"] is True
    assert sample_json["focus_if_followed"] >= 0.95 > sample_json["focus_today"] > 0
    assert sample_json["time_column"] == "selling_hours"
    effect = sample_json["before_after"]["revenue_effect"]
    assert 0 < effect["low"] < effect["high"] < 0.1


def test_ten_hours_a_week_is_not_feasible_and_says_what_to_change():
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--hours-per-week", "10", "--weeks", "40")
    assert result.returncode == 0, result.stderr
    assert "The plan does not fit" in result.stdout
    assert "You have 50 A accounts; A's 80% of your 9 h of field time a week" in result.stdout
    assert "(hours_per_week)" in result.stdout
    assert "Focus score" in result.stdout


def test_the_human_output_has_a_table_and_the_feasibility_sentence():
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--share-a", "70%", "--share-b", "0.2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Time plan for the 250 accounts: 30 h a week × 45 weeks = 1,350 selling hours a year "
        "(135 h for new customers, 1,215 h for your accounts)"
    )
    row_c = next(line for line in lines if line.startswith("C "))
    assert row_c.split()[:5] == ["C", "62", "10%", "122", "2-4"]  # 121.5 h: 243 visits of 0.5 h
    assert any(line.startswith("The plan fits") for line in lines)
    assert any(line.startswith("Following the plan exactly would score 1.00") for line in lines)
    assert any("not a promise" in line for line in lines)


def test_the_allocation_and_prospecting_can_be_chosen():
    result = workbook(
        str(paths.SAMPLE_ACCOUNTS), "--allocation", "equal", "--prospecting-share", "0", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["allocation"] == "equal" and data["prospecting_hours"] == 0
    a = data["tiers"]["A"]
    assert a["hours"] == 1080.0 and a["most_visits"] - a["least_visits"] <= 1
    wrong = workbook(str(paths.SAMPLE_ACCOUNTS), "--allocation", "fair")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_accounts_out_writes_the_plan_per_account(tmp_path, suffix):
    target = tmp_path / f"plan{suffix}"
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--accounts-out", str(target))
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    table = (
        pd.read_csv(target, dtype={"account_id": str}, encoding="utf-8-sig")
        if suffix == ".csv"
        else pd.read_excel(target, dtype={"account_id": str})
    )
    required = [
        "account_id",
        "account",
        "tier",
        "planned_hours",
        "visits_per_year",
        "cadence",
        "channel",
        "hours_today",
        "time_share_today",
        "time_share_planned",
    ]
    assert set(required) <= set(table.columns) and len(table) == 250
    assert table["planned_hours"].sum() == pytest.approx(1215.0)
    assert table["time_share_today"].sum() == pytest.approx(1)
    assert table["account_id"].str.fullmatch(r"\d{5}").all()


def test_accounts_out_refuses_a_file_it_cannot_write(tmp_path):
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--accounts-out", str(tmp_path / "plan.pdf"))
    assert result.returncode == 2 and "write a .csv or .xlsx file" in result.stderr


def test_ics_with_rota_writes_one_named_event_per_visit_and_none_on_17_may(tmp_path):
    target, tasks = tmp_path / "rota.ics", tmp_path / "tasks.csv"
    result = workbook(
        str(paths.SAMPLE_ACCOUNTS),
        "--ics",
        str(target),
        "--rota",
        "--tasks-out",
        str(tasks),
        "--start",
        "2026-11-30",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rota"]["visits"] == 891 and data["rota"]["unplaced"] == 0
    assert "2027-05-17" in data["rota"]["holidays"] and "2026-12-25" in data["rota"]["holidays"]
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 891
    days = {event.decoded("DTSTART").date().isoformat() for event in events}
    assert not days & {"2026-12-25", "2026-12-26", "2027-05-17", "2027-03-25", "2027-01-01"}
    assert all(str(event["SUMMARY"]).startswith("Visit: ") for event in events)
    assert all("Account id: " in str(event["DESCRIPTION"]) for event in events)
    assert len(pd.read_csv(tasks, encoding="utf-8-sig")) == 891


def test_holidays_and_summer_break_options(tmp_path):
    target = tmp_path / "rota.ics"
    result = workbook(
        str(paths.SAMPLE_ACCOUNTS),
        "--ics",
        str(target),
        "--rota",
        "--holidays",
        "none",
        "--summer-break",
        "none",
        "--start",
        "2027-05-10",
    )
    assert result.returncode == 0, result.stderr
    assert "no holidays and no summer break are left free" in result.stdout
    for options, named in (
        (("--holidays", "XX"), "holidays 'XX' is not a country"),
        (("--summer-break", "30-28"), "summer_break '30-28'"),
        (("--start", "tomorrow"), "is not a date"),
    ):
        wrong = workbook(str(paths.SAMPLE_ACCOUNTS), "--rota", *options)
        assert wrong.returncode == 2 and named in wrong.stderr, wrong.stderr
        assert "Traceback" not in wrong.stderr


def test_shares_that_add_up_to_more_than_one_are_a_wrong_command_line():
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--share-a", "0.9", "--share-b", "0.2")
    assert result.returncode == 2
    assert "error:" in result.stderr and "share_a or share_b" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_wrong_tier_option_is_said_before_any_file_is_read(tmp_path):
    result = workbook(str(tmp_path / "nowhere.csv"), "--method", "value_share", "--c", "0.3")
    assert result.returncode == 2
    assert "error:" in result.stderr and "nowhere.csv" not in result.stderr


def test_an_owner_without_accounts_is_unusable_data():
    result = workbook(str(paths.SAMPLE_TEAM), "--owner", "Nobody Here")
    assert result.returncode == 1
    assert "Nobody Here" in result.stderr and "Traceback" not in result.stderr


def test_an_account_list_without_time_data_still_gets_a_plan(tmp_path):
    accounts = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})
    path = tmp_path / "no_time.csv"
    accounts.drop(columns=["visits", "selling_hours"]).to_csv(path, index=False)
    result = workbook(str(path), "--json", "--accounts-out", str(tmp_path / "plan.csv"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "focus_today" not in data and "focus_score" not in data
    assert data["focus_if_followed"] >= 0.95
    assert "needs visits or selling hours" in data["focus_note"]
    assert data["tiers"]["A"]["accounts"] == 50
    table = pd.read_csv(tmp_path / "plan.csv", encoding="utf-8-sig")
    assert "hours_today" not in table.columns and "planned_hours" in table.columns
    human = workbook(str(path))
    assert human.returncode == 0 and "needs visits or selling hours" in human.stdout


def test_ics_writes_the_weekly_schedule(tmp_path):
    target = tmp_path / "week.ics"
    result = workbook(
        str(paths.SAMPLE_TEAM), "--owner", "Lars Haugen", "--ics", str(target), "--json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ics"] == str(target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    categories = {str(event.categories[0]) for event in calendar.walk("VEVENT")}
    assert categories == {"A time", "B time", "Prospecting", "Admin"}
    assert "lars-haugen" in str(next(iter(calendar.walk("VEVENT")))["UID"])


def test_a_salesperson_who_follows_value_scores_higher_than_one_who_spreads_time_evenly():
    scores = {}
    for owner in ("Ingrid Berg", "Lars Haugen"):
        result = workbook(str(paths.SAMPLE_TEAM), "--owner", owner, "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["focus_if_followed"] >= 0.95 > data["focus_today"]
        scores[owner] = data["focus_today"]
    assert scores["Ingrid Berg"] > scores["Lars Haugen"]
