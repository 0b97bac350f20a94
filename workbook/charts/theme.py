"""The workbook's look: one registered Altair theme and one tier palette used everywhere.

A, B and C have the same colours in every chart and table (the widgets and the report use
``TIER_COLORS`` for their tables too). The fonts are system fonts, so nothing is fetched.
"""

from __future__ import annotations

import altair as alt

from workbook.formatting import chart_locale
from workbook.schema import TIERS

#: A strong blue for the accounts that matter most, amber for B, a quiet grey for C.
TIER_COLORS: dict[str, str] = {"A": "#1f5fa8", "B": "#e39b2d", "C": "#9aa6b2"}
#: Light versions of the tier colours, for backgrounds (table rows, tier bands).
TIER_TINTS: dict[str, str] = {"A": "#dce8f6", "B": "#fbecd5", "C": "#eceff2"}
INK = "#1d2733"  # text and curves
MUTED = "#6b7785"  # guides, secondary text
GOOD = "#2e7d4f"  # net contribution, plan
BAD = "#c0392b"  # losses
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
THEME = "workbook"


def tier_scale() -> alt.Scale:
    """Return the colour scale that maps A, B, C to the tier palette."""
    return alt.Scale(domain=list(TIERS), range=[TIER_COLORS[t] for t in TIERS])


@alt.theme.register(THEME, enable=True)
def workbook_theme() -> alt.theme.ThemeConfig:
    """Return the theme: readable fonts, quiet axes, no chart border; numbers and dates in the
    current language (the theme is applied each time a chart is written out)."""
    return {
        "config": {
            "locale": chart_locale(),
            "font": FONT,
            # Room around the chart: a browser's fonts can be wider than the ones a static SVG
            # was measured with, and labels at the edges would otherwise be cut off.
            "padding": {"left": 14, "right": 24, "top": 6, "bottom": 6},
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 320},
            "background": "white",
            "title": {
                "fontSize": 16,
                "fontWeight": 600,
                "anchor": "start",
                "color": INK,
                "subtitleFontSize": 13,
                "subtitleColor": MUTED,
                "offset": 12,
            },
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "titleFontWeight": 500,
                "titleColor": INK,
                "labelColor": INK,
                "gridColor": "#e6e9ed",
                "domainColor": "#c5ccd3",
                "tickColor": "#c5ccd3",
            },
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "titleFontWeight": 500,
                "orient": "top",
                "direction": "horizontal",
            },
            "header": {"labelFontSize": 13, "titleFontSize": 13},
            "text": {"fontSize": 12, "color": INK},
            "line": {"strokeWidth": 2.5},
            "bar": {"cornerRadiusEnd": 2},
        }
    }
