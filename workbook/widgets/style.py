"""The look of the panels: headings, key figures and the page's few styles, in one place."""

from __future__ import annotations

import html

import ipywidgets as widgets

from workbook.charts.theme import FONT, INK, MUTED
from workbook.i18n import _

#: Styles for the classes the panels use; shown once per page by ``stylesheet()``.
CSS = f"""
<style>
.wb-section {{ font-family: {FONT}; color: {INK}; font-size: 20px; font-weight: 650;
               margin: 18px 0 6px 0; }}
.wb-figure {{ font-family: {FONT}; color: {INK}; font-size: 17px; line-height: 1.45;
              max-width: 760px; margin: 8px 0 4px 0; }}
.wb-note {{ font-family: {FONT}; color: {MUTED}; font-size: 13px; max-width: 760px; }}
.wb-look {{ font-family: {FONT}; color: {INK}; font-size: 14px; max-width: 760px;
            border-left: 3px solid #c5ccd3; padding: 2px 0 2px 10px; margin: 4px 0 10px 0; }}
.wb-note, .wb-figure, .wb-look, .wb-message {{ line-height: 1.45; }}
.widget-toggle-buttons .widget-toggle-button {{ font-size: 13px; }}
.widget-tab > .lm-TabBar .lm-TabBar-tab {{ flex: 0 1 150px; min-width: 110px; }}
</style>
"""


SPINNER = (
    "<div style='display:flex;align-items:center;gap:10px;font-size:15px'>"
    "<div style='width:18px;height:18px;border:3px solid #c5ccd3;border-top-color:#1f5fa8;"
    "border-radius:50%;animation:wb-spin 0.8s linear infinite'></div>{text}</div>"
    "<style>@keyframes wb-spin {{ to {{ transform: rotate(360deg); }} }}</style>"
)


def stylesheet() -> widgets.HTML:
    """Return the page's styles as a widget (display it once, before the panels)."""
    return widgets.HTML(CSS)


def section(title: str) -> widgets.HTML:
    """Return a section heading."""
    return widgets.HTML(f"<div class='wb-section'>{html.escape(title)}</div>")


def figure_html(text: str) -> str:
    """Return a key-figure sentence as HTML (escaped)."""
    return f"<div class='wb-figure' aria-live='polite'>{html.escape(text)}</div>"


def note_html(text: str) -> str:
    """Return a small grey note as HTML (escaped)."""
    return f"<span class='wb-note'>{html.escape(text)}</span>"


def headings(columns: dict, present=None) -> dict:
    """Return table columns with their headings translated (only those in ``present``, if given).

    Examples
    --------
    >>> headings({"tier": ("Tier", "text"), "x": ("X", "count")}, present=["tier"])
    {'tier': ('Tier', 'text')}
    """
    return {
        key: (_(heading), kind)
        for key, (heading, kind) in columns.items()
        if present is None or key in present
    }


def look_for(text: str) -> widgets.HTML:
    """Return a 'what to look for' note that goes under a chart (``text`` already translated)."""
    label = html.escape(_("What to look for:"))
    return widgets.HTML(f"<div class='wb-look'><b>{label}</b> {html.escape(text)}</div>")


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    *,
    percent: bool = False,
    label_width: str = "170px",
    width: str = "460px",
    live: bool = False,
) -> widgets.FloatSlider:
    """Return a slider laid out like every other in the workbook.

    ``percent`` shows the value as a percentage; ``live`` sends values while it is dragged (only
    for panels that answer in milliseconds, like the tiers).
    """
    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=".0%" if percent else (".0f" if step >= 1 else ".2f"),
        continuous_update=live,
        style={"description_width": label_width},
        layout=widgets.Layout(width=width),
    )


def number(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    *,
    label_width: str = "210px",
    width: str | None = None,
) -> widgets.BoundedFloatText:
    """Return a number field (the browser cannot send a value outside low..high)."""
    return widgets.BoundedFloatText(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        style={"description_width": label_width},
        layout=widgets.Layout(width=width) if width else widgets.Layout(),
    )
