"""The report's sections say what the data supports, and show short lists, never the whole book."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

import workbook
from workbook import coaching
from workbook.analysis.examples import example_accounts
from workbook.report import sections
from workbook.report.sections import TOP, Html
from workbook.selection import select_owner
from workbook.settings import TierSettings


def every_section(accounts: pd.DataFrame) -> dict[str, object]:
    """Return every section the report notebook shows, built as the notebook builds them."""
    tiered = workbook.assign_tiers(accounts)
    plan = coaching.plan_time(tiered)
    today = coaching.time_vs_value(tiered, plan=plan)
    cost = coaching.cost_to_serve(tiered)
    screen = coaching.growth_screen(tiered)
    freed = coaching.hours_freed(today, plan)
    levels = coaching.default_service_levels()
    summary = workbook.tier_summary(tiered, "revenue")
    return {
        "key_figures": sections.key_figures(workbook.concentration(tiered), summary),
        "tier_table": sections.tier_table(summary),
        "whale": sections.whale(tiered),
        "time_story": sections.time_story(today),
        "time_chart": sections.time_chart(today),
        "served": sections.served(today),
        "cost_story": sections.cost_story(cost),
        "cost_chart": sections.cost_chart(cost),
        "net_whale": sections.net_contribution_whale(cost),
        "growth_story": sections.growth_story(screen),
        "growth_chart": sections.growth_chart(screen),
        "plan_story": sections.plan_story(
            plan,
            freed,
            followed=coaching.focus_if_followed(tiered, plan),
            rota=coaching.visit_rota(plan),
        ),
        "allocation": sections.allocation_chart(tiered, plan),
        "hours_chart": sections.hours_chart(freed),
        "service": sections.service_story(
            levels,
            coaching.check_service_levels(levels, plan),
            coaching.before_after(tiered, plan, today=today),
        ),
        "actions": sections.actions_list(
            sections.top_actions(plan=plan, today=today, freed=freed, cost=cost, screen=screen)
        ),
    }


@pytest.fixture(scope="module")
def ingrid() -> pd.DataFrame:
    return select_owner(workbook.load_accounts(workbook.paths.SAMPLE_TEAM), "Ingrid Berg")


def test_a_full_book_gets_every_chart(ingrid):
    shown = every_section(ingrid)
    charts = {name for name, part in shown.items() if isinstance(part, alt.TopLevelMixin)}
    assert charts == {
        "whale",
        "time_chart",
        "served",
        "cost_chart",
        "net_whale",
        "growth_chart",
        "allocation",
        "hours_chart",
    }
    assert all(str(shown[name]) for name in set(shown) - charts)
    story = str(shown["plan_story"])
    assert "Following the plan exactly would score 1.00" in story
    assert "Your visit rota:" in story and "--rota" in story


def test_lists_stop_at_a_few_accounts_so_the_report_carries_no_customer_list(ingrid):
    text = "".join(str(part) for part in every_section(ingrid).values() if isinstance(part, Html))
    named = [name for name in ingrid["account"] if f">{name}<" in text or f"{name}," in text]
    assert 0 < len(named) <= 6 * TOP < len(ingrid)
    over = len(coaching.time_vs_value(workbook.assign_tiers(ingrid)).over_served)
    assert over > TOP and f"… and {over - TOP} more" in text


def test_a_bare_book_says_once_what_it_lacks_instead_of_drawing_empty_charts():
    bare = example_accounts().drop(columns="gross_profit")  # a name and revenue only
    shown = every_section(bare)
    drawn = {name for name, part in shown.items() if isinstance(part, alt.TopLevelMixin)}
    assert drawn == {"allocation"}  # how A's visits follow value needs only the value
    assert "no gross profit column" in str(shown["whale"])
    assert "needs visits or selling hours" in str(shown["time_story"])
    assert "needs gross profit and visits" in str(shown["cost_story"])
    assert "flags no account" in str(shown["growth_story"])
    for name in ("time_chart", "served", "cost_chart", "net_whale", "growth_chart", "hours_chart"):
        assert str(shown[name]) == ""
    assert "(80% of your field time) for your 1 A account" in str(shown["actions"])


def test_the_heading_names_the_owner_the_file_and_the_thresholds_in_force():
    accounts = example_accounts()
    text = str(
        sections.heading(
            owner="Ola Dahl",
            source="/srv/crm/Team 2025.xlsx",
            accounts=accounts,
            tiers=TierSettings(metric="blend", method="value_share", b=0.9),
        )
    )
    assert "Account review: Ola Dahl</h1>" in text
    assert "Input file: Team 2025.xlsx · 5 accounts" in text and "/srv" not in text
    assert "bring 80% of the value, B = the next accounts, until 90% of the value" in text
    escaped = str(
        sections.heading(
            owner="<b>Kari</b>",
            source="a.csv",
            accounts=accounts,
            tiers=TierSettings(),
        )
    )
    assert "<b>Kari</b>" not in escaped and "&lt;b&gt;Kari&lt;/b&gt;" in escaped
