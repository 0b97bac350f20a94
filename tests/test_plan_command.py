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
    assert {"hours_per_week", "weeks", "tiers", "feasible", "focus_score"} <= set(sample_json)
    assert set(sample_json["tiers"]) == {"A", "B", "C"}
    for tier in sample_json["tiers"].values():
        assert {"accounts", "hours", "hours_per_account", "visits_per_account_per_month"} <= set(
            tier
        )


def test_the_sample_gets_a_feasible_default_plan(sample_json):
    assert (sample_json["hours_per_week"], sample_json["weeks"]) == (30.0, 46.0)
    tiers = sample_json["tiers"]
    assert [tiers[t]["accounts"] for t in "ABC"] == [50, 138, 62]
    assert [tiers[t]["hours"] for t in "ABC"] == [1104.0, 276.0, 0.0]
    assert sum(tiers[t]["hours"] for t in "ABC") == 30.0 * 46.0
    assert sample_json["feasible"] is True
    assert 0 < sample_json["focus_score"] < 1
    assert sample_json["time_column"] == "selling_hours"


def test_ten_hours_a_week_is_not_feasible_and_says_what_to_change():
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--hours-per-week", "10", "--weeks", "40")
    assert result.returncode == 0, result.stderr
    assert "The plan does not fit" in result.stdout
    assert "You have 50 A accounts; 10 h a week × 80%" in result.stdout
    assert "Focus score" in result.stdout


def test_the_human_output_has_a_table_and_the_feasibility_sentence():
    result = workbook(str(paths.SAMPLE_ACCOUNTS), "--share-a", "70%", "--share-b", "0.2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Time plan for the 250 accounts: 30 h a week × 46 weeks = 1,380 selling hours a year"
    )
    row_c = next(line for line in lines if line.startswith("C "))
    assert row_c.split()[:4] == ["C", "62", "10%", "138"]
    assert any(line.startswith("The plan fits") for line in lines)


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
    result = workbook(str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "focus_score" not in data
    assert "needs visits or selling hours" in data["focus_note"]
    assert data["tiers"]["A"]["accounts"] == 50
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
    assert categories == {"A time", "B time", "Admin"}
    assert "lars-haugen" in str(next(iter(calendar.walk("VEVENT")))["UID"])


def test_a_salesperson_who_follows_value_scores_higher_than_one_who_spreads_time_evenly():
    scores = {}
    for owner in ("Ingrid Berg", "Lars Haugen"):
        result = workbook(str(paths.SAMPLE_TEAM), "--owner", owner, "--json")
        assert result.returncode == 0, result.stderr
        scores[owner] = json.loads(result.stdout)["focus_score"]
    assert scores["Ingrid Berg"] > scores["Lars Haugen"]
