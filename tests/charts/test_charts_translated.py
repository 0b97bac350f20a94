"""Every word a chart shows (titles, subtitles, axis and legend titles, tooltips' field titles,
text marks and the labels the chart makes for its legend) goes through translation: built in the
pseudo-language on the sample, no English word of the workbook's own is left in the spec."""

from __future__ import annotations

import pandas as pd
import pytest
from pseudo import data_words, untranslated

from workbook import analysis, charts, coaching, paths
from workbook.charts.team import TEAM_MEASURES, team_chart
from workbook.coaching.plan import compare_allocations
from workbook.i18n import use_language

SAMPLE = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})
#: Keys whose text a person reads (a title may be a string, a list of lines or a Title).
SHOWN = {"title", "subtitle", "text", "value", "label"}
#: Columns of a chart's data that are keys for its expressions, never shown.
KEYS = {"allocation", "key", "before"}


def shown_text(spec, key: str | None = None) -> list[str]:
    """Return the texts of a spec a person reads: titles and labels, and the text cells of its
    data (the labels a chart makes for its legend and its text marks)."""
    if isinstance(spec, dict):
        return [t for k, v in spec.items() for t in shown_text(v, k)]
    if isinstance(spec, list):
        return [t for item in spec for t in shown_text(item, key)]
    if isinstance(spec, str) and (key in SHOWN or key is None):
        return [spec]
    return []


def _data_texts(spec: dict) -> list[str]:
    return [
        value
        for rows in spec.get("datasets", {}).values()
        for row in rows
        for column, value in row.items()
        if isinstance(value, str) and column not in KEYS
    ]


def _charts():
    tiered = analysis.assign_tiers(SAMPLE)
    plan = coaching.plan_time(tiered)
    today = coaching.time_vs_value(tiered)
    k_a, k_ab = analysis.Ranking(tiered).cuts()
    overview = coaching.team.team_overview(SAMPLE.assign(owner=["Kari", "Ola"] * 125))
    return {
        "pareto": charts.pareto_chart(
            analysis.pareto_curve(tiered), k_a=k_a, k_ab=k_ab, n=len(tiered)
        ),
        "whale": charts.whale_chart(analysis.whale_curve(tiered)),
        "tiers": charts.tier_summary_chart(analysis.tier_summary(tiered, "revenue")),
        "time_value": charts.time_value_chart(today.tiers),
        "served": charts.served_chart(today.over_served, today.under_served, top=5),
        "plan": charts.plan_chart(plan.tiers, prospecting_hours=40),
        "hours": charts.hours_change_chart(coaching.hours_freed(today, plan).table),
        "cost": charts.cost_chart(coaching.cost_to_serve(tiered).tiers),
        "growth": charts.growth_chart(coaching.growth_screen(tiered).accounts),
        "allocation": charts.allocation_chart(compare_allocations(tiered)),
        **{
            f"team-{m}": team_chart(overview, measure=m, highlight="Kari")
            for m in TEAM_MEASURES
            if overview[m].notna().any()
        },
    }


@pytest.fixture(scope="module")
def specs():
    with use_language("qps"):
        return {name: chart.to_dict() for name, chart in _charts().items()}


def test_every_chart_was_built(specs):
    assert {"pareto", "whale", "tiers", "cost", "growth", "team-focus_score"} <= set(specs)


@pytest.mark.parametrize(
    "name",
    [
        "pareto",
        "whale",
        "tiers",
        "time_value",
        "served",
        "plan",
        "hours",
        "cost",
        "growth",
        "allocation",
        "team-focus_score",
        "team-gini",
    ],
)
def test_no_english_word_is_left_in_a_chart(specs, name):
    spec = specs[name]
    texts = [*shown_text({k: v for k, v in spec.items() if k != "datasets"}), *_data_texts(spec)]
    allowed = [*data_words(SAMPLE), "Kari", "Ola", "you", "team"]  # the team chart's colour keys
    assert texts and untranslated("\n".join(texts), allowed) == [], name
    title = spec.get("title", {})
    assert "⟦" in str(title.get("text", title)), title
