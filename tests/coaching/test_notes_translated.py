"""What the coaching measures say (notes, the growth screen's findings, the service check, the
team overview's notes, the default service levels) goes through translation: in the
pseudo-language no English word of the workbook's own is left outside the marks."""

from __future__ import annotations

import pandas as pd
import pytest
from pseudo import data_words, untranslated

from workbook.coaching.cost import cost_to_serve
from workbook.coaching.examples import example_tiered
from workbook.coaching.growth import growth_screen
from workbook.coaching.plan import plan_time
from workbook.coaching.schedule import weekly_blocks
from workbook.coaching.service import check_service_levels, default_service_levels
from workbook.coaching.team import team_overview
from workbook.errors import SettingsError
from workbook.i18n import use_language

TIERED = example_tiered()
#: Words of the data and the column names the sentences name on purpose.
ALLOWED = [*data_words(TIERED), "visits", "concessions", "potential"]


def _left(texts: list[str]) -> list[str]:
    assert texts, "nothing was said"
    return untranslated("\n".join(texts), ALLOWED)


def test_the_cost_notes_are_translated():
    blanks = TIERED.assign(
        selling_hours=[None, 2.0, None, 1.0, None], gross_profit=[None, 1.0, 2.0, 3.0, 4.0]
    ).drop(columns=["visits", "service_requests"])
    with use_language("qps"):
        notes = [
            *cost_to_serve(blanks).notes,
            *cost_to_serve(TIERED.drop(columns="gross_profit")).notes,
            *cost_to_serve(TIERED, profit_includes_concessions=False).notes,
        ]
    assert len(notes) >= 4 and _left(notes) == []


def test_what_the_growth_screen_says_is_translated():
    b = TIERED.assign(tier="B", potential=[None, 1e6, 2e5, 3e4, 1e4]).drop(columns="gross_profit")
    with use_language("qps"):
        screen = growth_screen(b)
        nothing = growth_screen(
            TIERED.assign(tier="B")[["account_id", "account", "revenue", "tier"]]
        )
    said = [screen.message, *screen.could_not_judge, nothing.message, *nothing.could_not_judge]
    assert _left(said) == []


def test_the_service_check_and_the_default_levels_are_translated():
    with use_language("qps"):
        plan = plan_time(TIERED, hours_per_week=1)
        levels = default_service_levels()
        levels.loc["B", "visits_per_year"] = 6
        levels.loc["C", "visits_per_year"] = 2
        messages = check_service_levels(levels, plan).messages
        texts = [str(v) for column in levels.columns[2:] for v in levels[column]]
    assert len(messages) >= 1 and _left(messages) == []
    assert _left(texts) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda: growth_screen(TIERED, weights={"luck": 1}),
        lambda: growth_screen(TIERED, top_share=2),
        lambda: weekly_blocks(plan_time(TIERED), admin_minutes=999),
        lambda: weekly_blocks(plan_time(TIERED), day_start="soon"),
    ],
)
def test_settings_that_cannot_be_used_are_said_in_the_language(call):
    with use_language("qps"), pytest.raises(SettingsError) as caught:
        call()
    names = ["luck", "soon", "top_share", "admin_minutes", "day_start", "headroom", "growth"]
    assert untranslated(str(caught.value), [*names, "margin"]) == []


def test_the_team_overview_notes_are_translated():
    team = pd.concat(
        [TIERED.assign(owner="Kari"), TIERED.assign(owner=None)], ignore_index=True
    ).drop(columns=["visits", "selling_hours", "gross_profit"])
    with use_language("qps"):
        overview = team_overview(team)
    notes = [n for n in overview["note"] if n]
    assert notes and _left(notes) == []
    assert untranslated(overview["owner"].iloc[-1]) == []
