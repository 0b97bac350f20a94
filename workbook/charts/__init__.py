"""Charts (Altair specs) and tables for the workbook; builders return charts, never display them.

Importing this package registers and enables the workbook's theme. ``render`` says how charts are
shown without internet: offline widgets in notebooks and the app, SVG in reports.
"""

from workbook.charts.change import bridge_chart, change_tables, migration_chart
from workbook.charts.cost import cost_chart
from workbook.charts.curves import cut_params, pareto_chart, whale_chart
from workbook.charts.growth import growth_chart
from workbook.charts.plan import allocation_chart, outlook_table, plan_chart
from workbook.charts.render import (
    enable_offline_widgets,
    enable_static_svg,
    interactive,
    svg,
    svg_html,
)
from workbook.charts.tables import format_value, html_table, tier_badge
from workbook.charts.theme import TIER_COLORS, TIER_TINTS, tier_scale
from workbook.charts.tiers import summary_params, tier_summary_chart
from workbook.charts.time_value import hours_change_chart, served_chart, time_value_chart

__all__ = [
    "TIER_COLORS",
    "TIER_TINTS",
    "allocation_chart",
    "bridge_chart",
    "change_tables",
    "cost_chart",
    "cut_params",
    "enable_offline_widgets",
    "enable_static_svg",
    "format_value",
    "growth_chart",
    "hours_change_chart",
    "html_table",
    "interactive",
    "migration_chart",
    "outlook_table",
    "pareto_chart",
    "plan_chart",
    "served_chart",
    "summary_params",
    "svg",
    "svg_html",
    "tier_badge",
    "tier_scale",
    "tier_summary_chart",
    "time_value_chart",
    "whale_chart",
]
