"""Tables as HTML: tier-coloured, numbers formatted for people, safe to put in a page or report.

Widgets show them in an ``ipywidgets.HTML``; the report prints them. Only the rows given are
shown, so a caller decides how much of the account list reaches the page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import pandas as pd

from workbook import formatting as fmt
from workbook.charts.theme import FONT, INK, MUTED, TIER_COLORS, TIER_TINTS
from workbook.i18n import _, ngettext

TABLE_CSS = (
    f"border-collapse:collapse;font-family:{FONT};font-size:13px;color:{INK};margin:4px 0 10px 0"
)


def format_value(value, kind: str) -> str:
    """Return ``value`` as text for a table cell, by ``kind``, in the current language's format.

    Kinds: ``"money"`` (whole units), ``"share"`` (percent; one decimal under 10%), ``"number"``
    (one decimal), ``"count"`` (whole number), ``"text"``.

    Examples
    --------
    >>> format_value(1234567.8, "money")
    '1,234,568'
    >>> format_value(0.7712, "share"), format_value(0.031, "share"), format_value(3.0, "count")
    ('77%', '3.1%', '3')
    >>> format_value(float("nan"), "money")
    '–'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind in ("money", "count"):
        return fmt.number(value)
    if kind == "share":
        return fmt.share(value, 0 if abs(value) >= 0.1 or value == 0 else 1)
    if kind == "number":
        return fmt.number(value, 1)
    return str(value)


#: What marks a pinned account next to its tier, wherever tiers are shown.
PIN_MARK = "\U0001f4cc"


def tier_badge(tier: str, *, pinned: bool = False, reason: str = "") -> str:
    """Return a small coloured A/B/C label; a pinned account's carries a pin and its reason.

    Examples
    --------
    >>> "\U0001f4cc" in tier_badge("A", pinned=True, reason="reference customer")
    True
    """
    colour = TIER_COLORS.get(str(tier), MUTED)
    badge = (
        f"<span style='display:inline-block;min-width:1.6em;text-align:center;border-radius:3px;"
        f"background:{colour};color:white;font-weight:700;padding:0 4px'>"
        f"{html.escape(str(tier))}</span>"
    )
    if not pinned:
        return badge
    why = html.escape(_("Pinned by hand: {reason}").format(reason=reason), quote=True)
    return (
        f"<span class='wb-pinned' title='{why}'>{badge}"
        f"<span aria-label='{why}' style='margin-left:3px'>{PIN_MARK}</span></span>"
    )


def _pinned(row: pd.Series) -> bool:
    value = row.get("pinned", False)
    return bool(value) if not pd.isna(value) else False


def _reason(row: pd.Series) -> str:
    value = row.get("pin_reason", "")
    return "" if pd.isna(value) else str(value)


def html_table(
    frame: pd.DataFrame,
    columns: Mapping[str, tuple[str, str]],
    *,
    tier_column: str | None = "tier",
    caption: str | None = None,
    max_rows: int = 50,
) -> str:
    """Return ``frame`` as an HTML table with tier-tinted rows.

    Parameters
    ----------
    frame : DataFrame
        The rows to show (the index is ignored unless it is a column in ``columns``).
    columns : mapping of str to (str, str)
        Column name -> (heading, kind); see ``format_value`` for the kinds. Order is kept.
    tier_column : str or None, default "tier"
        A column holding A/B/C: its rows are tinted and its cells shown as badges (with a pin
        and its reason for a row whose ``pinned`` column is true).
    caption : str, optional
    max_rows : int, default 50
        At most this many rows; a last line says how many were left out.

    Examples
    --------
    >>> frame = pd.DataFrame({"account": ["Fjordbakeri AS"], "tier": ["A"], "revenue": [1234.5]})
    >>> columns = {"account": ("Account", "text"), "revenue": ("Revenue", "money")}
    >>> "1,234" in html_table(frame, columns)
    True
    """
    shown = frame.head(max_rows)
    head = "".join(
        f"<th style='text-align:{'left' if kind == 'text' else 'right'};padding:6px 10px;"
        f"border-bottom:2px solid #c5ccd3;font-weight:600'>{html.escape(title)}</th>"
        for title, kind in columns.values()
    )
    body = []
    for _index, row in shown.iterrows():
        tier = str(row[tier_column]) if tier_column and tier_column in row.index else None
        tint = TIER_TINTS.get(tier, "white") if tier else "white"
        cells = []
        for name, (_title, kind) in columns.items():
            value = row[name]
            if name == tier_column:
                text = tier_badge(value, pinned=_pinned(row), reason=_reason(row))
            else:
                text = html.escape(format_value(value, kind))
            align = "left" if kind == "text" or name == tier_column else "right"
            cells.append(
                f"<td style='text-align:{align};padding:5px 10px;"
                f"border-bottom:1px solid #e6e9ed'>{text}</td>"
            )
        body.append(f"<tr style='background:{tint}'>{''.join(cells)}</tr>")
    more = len(frame) - len(shown)
    if more > 0:
        rest = ngettext("… and {n} more", "… and {n} more", more).format(n=fmt.number(more))
        body.append(
            f"<tr><td colspan='{len(columns)}' style='padding:5px 10px;color:{MUTED}'>"
            f"{html.escape(rest)}</td></tr>"
        )
    cap = (
        f"<caption style='text-align:left;font-weight:600;padding:4px 0'>"
        f"{html.escape(caption)}</caption>"
        if caption
        else ""
    )
    return (
        f"<table style='{TABLE_CSS}'>{cap}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
