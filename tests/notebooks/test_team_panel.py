"""The team overview's chart and panel: one bar per salesperson, one picked out, measures that the
file cannot give left out of the choice."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from workbook.charts.team import TEAM_MEASURES, team_chart
from workbook.coaching.team import team_overview
from workbook.report import owners
from workbook.widgets.team import MEASURE_GUIDE, TeamPanel


@pytest.fixture(scope="module")
def overview():
    return team_overview(owners.load_team(owners.team_path("")).accounts)


def rows(chart):
    spec = chart.to_dict()
    return spec, spec["datasets"][spec["data"]["name"]]


@pytest.mark.parametrize("measure", TEAM_MEASURES)
def test_one_bar_per_salesperson_and_the_median(overview, measure):
    spec, data = rows(team_chart(overview, measure=measure, highlight=" ingrid berg "))
    assert [row["owner"] for row in data] == overview["owner"].tolist()
    assert [row["who"] for row in data].count("you") == 1
    assert next(r for r in data if r["who"] == "you")["owner"] == "Ingrid Berg"
    bars, median = spec["layer"]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["x"]["field"] == measure
    assert median["mark"]["type"] == "rule" and median["encoding"]["x"]["aggregate"] == "median"
    assert bars["encoding"]["y"]["sort"] == ("x" if measure == "loss_making" else "-x")


def test_salespeople_without_the_measure_are_left_out():
    overview = pd.DataFrame(
        {"owner": ["Ingrid Berg", "Lars Haugen"], "focus_score": [0.8, math.nan]}
    )
    _, data = rows(team_chart(overview))
    assert [row["owner"] for row in data] == ["Ingrid Berg"]
    with pytest.raises(ValueError, match="unknown measure"):
        team_chart(overview, measure="revenue")


def test_the_panel_switches_measures_and_says_what_to_look_for(overview):
    panel = TeamPanel(overview, owner="Lars Haugen")
    assert [value for _, value in panel.measure.options] == list(TEAM_MEASURES)
    chart = panel._charts["team"]
    panel.measure.value = "time_share_a"
    assert panel._charts["team"] is chart  # the same widget, a new chart
    assert chart.chart.to_dict()["layer"][0]["encoding"]["x"]["field"] == "time_share_a"
    assert MEASURE_GUIDE["time_share_a"][1] in panel.body.children[1].value
    assert panel.message.value == ""


def test_the_panel_offers_only_what_the_file_can_say_and_names_an_unknown_owner(overview):
    no_time = overview.assign(focus_score=math.nan, time_share_a=math.nan)
    panel = TeamPanel(no_time, owner="Kari Nordmann")
    assert "focus_score" not in [v for _, v in panel.measure.options]
    assert panel.measure.value == "top20_share"
    assert "&quot;Kari Nordmann&quot; is not in this file" in panel.message.value
