"""Charts tested as specs (style.md §4): marks, fields, parameters, rows sent to the browser."""

import json

import altair as alt
import pytest

from workbook import analysis, charts
from workbook.charts.theme import TIER_COLORS


def layers(spec: dict) -> list[dict]:
    """Return every unit spec inside a (possibly layered or faceted) spec."""
    if "layer" in spec:
        return [unit for part in spec["layer"] for unit in layers(part)]
    if "spec" in spec:
        return layers(spec["spec"])
    return [spec]


def marks(spec: dict) -> set[str]:
    found = set()
    for unit in layers(spec):
        mark = unit.get("mark")
        if mark:
            found.add(mark if isinstance(mark, str) else mark["type"])
    return found


def data_rows(spec: dict) -> int:
    """Return how many data rows the spec carries to the browser."""
    return sum(len(rows) for rows in spec.get("datasets", {}).values())


def fields(spec: dict) -> set[str]:
    found = set()
    for unit in layers(spec):
        for channel in unit.get("encoding", {}).values():
            if isinstance(channel, dict) and "field" in channel:
                found.add(channel["field"])
    return found


def params(spec: dict) -> dict:
    named = {}
    for holder in [spec, *layers(spec)]:
        for param in holder.get("params", []):
            named[param["name"]] = param.get("value")
    return named


def test_the_theme_is_registered_and_active():
    assert alt.theme.active == "workbook"
    assert charts.tier_scale().to_dict()["range"] == [TIER_COLORS[t] for t in "ABC"]


def test_pareto_chart_draws_the_curve_the_guides_and_parameter_driven_bands(tiered):
    k_a, k_ab = analysis.Ranking(tiered).cuts()
    curve = analysis.pareto_curve(tiered)
    spec = charts.pareto_chart(curve, k_a=k_a, k_ab=k_ab, n=len(tiered)).to_dict()
    assert {"line", "rect", "rule", "text"} <= marks(spec)
    assert {"account_share", "value_share"} <= fields(spec)
    assert params(spec) == {"cut_a": 50 / 250, "cut_ab": 188 / 250}
    rules = [unit for unit in layers(spec) if unit.get("mark", {}).get("type") == "rule"]
    assert len(rules) == 2  # the 20%-of-accounts and 80%-of-value guides


def test_tier_summary_chart_sizes_its_bars_from_parameters(tiered):
    summary = analysis.tier_summary(tiered, "revenue")
    spec = charts.tier_summary_chart(summary).to_dict()
    values = params(spec)
    assert values["accounts_A"] == pytest.approx(0.2)
    assert values["revenue_A"] == pytest.approx(summary.loc["A", "revenue_share"], abs=1e-6)
    assert set(values) == {
        f"{m}_{t}" for m in ("accounts", "revenue", "gross_profit") for t in "ABC"
    }
    assert "bar" in marks(spec)
    assert data_rows(spec) == 9  # three measures × three tiers, whatever the number of accounts


def test_whale_chart_marks_the_peak_above_100_percent(tiered):
    spec = charts.whale_chart(analysis.whale_curve(tiered)).to_dict()
    peak_rows = [
        rows for rows in spec["datasets"].values() if len(rows) == 1 and "label" in rows[0]
    ]
    assert peak_rows and peak_rows[0][0]["value_share"] > 1
    assert peak_rows[0][0]["label"].startswith("Peak:")


def test_coaching_charts_encode_what_they_show(coached):
    today, plan, cost, growth, freed = (
        coached[k] for k in ("today", "plan", "cost", "growth", "freed")
    )
    time_spec = charts.time_value_chart(today.tiers).to_dict()
    assert {"tier", "share", "measure"} <= fields(time_spec)
    served = charts.served_chart(today.over_served, today.under_served, top=5).to_dict()
    assert data_rows(served) <= 10 and "account" in fields(served)
    assert "hours" in fields(charts.plan_chart(plan.tiers).to_dict())
    assert {"planned_share", "time_share"} <= fields(served)  # against the plan
    assert "hours" in fields(charts.hours_change_chart(freed.table).to_dict())
    assert "amount" in fields(charts.cost_chart(cost.tiers).to_dict())
    growth_spec = charts.growth_chart(growth.accounts).to_dict()
    tooltips = [
        t["field"]
        for unit in layers(growth_spec)
        for t in unit.get("encoding", {}).get("tooltip", [])
        if isinstance(t, dict)
    ]
    assert "account" in tooltips  # hovering names the account


@pytest.mark.parametrize("build", ["pareto", "whale", "tiers", "growth"])
def test_a_million_accounts_send_about_as_much_as_three_hundred(build, small_and_huge):
    sizes = {}
    for n, accounts in small_and_huge.items():
        if build == "pareto":
            k_a, k_ab = analysis.Ranking(accounts).cuts()
            chart = charts.pareto_chart(analysis.pareto_curve(accounts), k_a=k_a, k_ab=k_ab, n=n)
        elif build == "whale":
            chart = charts.whale_chart(analysis.whale_curve(accounts))
        elif build == "tiers":
            chart = charts.tier_summary_chart(analysis.tier_summary(accounts, "revenue"))
        else:
            from workbook import coaching

            chart = charts.growth_chart(coaching.growth_screen(accounts).accounts)
        spec = chart.to_dict()
        sizes[n] = (data_rows(spec), len(json.dumps(spec)))
    _, bytes_small = sizes[300]
    rows_big, bytes_big = sizes[1_000_000]
    assert rows_big <= 1100  # a curve is at most ~500 points; a scatter at most 400
    assert bytes_big <= 3 * bytes_small + 20_000


def test_tables_show_tiers_as_coloured_badges_and_cap_the_rows(tiered):
    html = charts.html_table(
        tiered.sort_values("rank"),
        {"account": ("Account", "text"), "tier": ("Tier", "text"), "revenue": ("Revenue", "money")},
        max_rows=10,
    )
    assert html.count("<tr") == 1 + 10 + 1  # header, ten rows, "… and 240 more"
    assert "240 more" in html
    assert TIER_COLORS["A"] in html


def test_interactive_charts_keep_their_parameters_without_revalidating(tiered):
    k_a, k_ab = analysis.Ranking(tiered).cuts()
    chart = charts.pareto_chart(analysis.pareto_curve(tiered), k_a=k_a, k_ab=k_ab, n=250)
    widget = charts.interactive(chart)
    assert widget.params.cut_a == pytest.approx(0.2)
    assert widget.spec == chart.to_dict()  # the same spec, validated here, sent unvalidated there
    assert widget.embed_options == {"renderer": "svg", "actions": False}


def test_the_allocation_chart_draws_one_line_per_way_of_sharing_a_tiers_hours(tiered):
    from workbook.coaching.plan import compare_allocations

    comparison = compare_allocations(tiered)
    spec = charts.allocation_chart(comparison).to_dict()
    assert marks(spec) == {"line"}
    assert {"rank", "visits_per_year", "how"} <= fields(spec)
    assert data_rows(spec) == len(comparison) == 3 * 50  # the A accounts, three ways
    many = comparison.assign(rank=comparison["rank"] * 10)  # a big tier: only the first ranks
    assert data_rows(charts.allocation_chart(many).to_dict()) < len(many)
