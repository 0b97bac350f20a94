"""What changed since the previous period: the migration matrix and the revenue bridge.

- :func:`migration_chart`: a grid a salesperson reads at a glance, the tier last period down the
  side (A, B, C, new), the tier now across (A, B, C, lost), the number of accounts in each cell;
  green cells moved up, red cells moved down or were lost.
- :func:`bridge_chart`: a waterfall from last period's revenue to this period's, through the
  change in the accounts kept, the new accounts and the lost ones.

Both get a handful of rows (16 cells, 5 steps), whatever the number of accounts; the numbers are
written by ``workbook.formatting``, so they read as the current language writes them.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook import formatting as fmt
from workbook.analysis.periods import AFTER, BEFORE, Bridge, PeriodComparison
from workbook.charts.tables import html_table
from workbook.charts.theme import BAD, GOOD, INK, MUTED, TIER_COLORS
from workbook.i18n import N_, _

#: How each cell of the matrix is coloured: stayed, moved up, moved down, new, lost.
KIND_COLORS = {
    "same": "#c5ccd3",
    "up": GOOD,
    "down": BAD,
    "new": TIER_COLORS["A"],
    "lost": "#7b3b33",
    "none": "#ffffff",
}
KIND_LABELS = {
    "same": N_("kept its tier"),
    "up": N_("moved up"),
    "down": N_("moved down"),
    "new": N_("new"),
    "lost": N_("lost"),
    "none": N_("impossible"),
}
#: The matrix's row and column names as people read them (the tiers stay letters).
EDGE_LABELS = {"new": N_("new"), "lost": N_("lost")}
#: The steps of the bridge, in order.
STEPS = {
    "previous": N_("Last period"),
    "retained_change": N_("Accounts kept"),
    "new": N_("New accounts"),
    "lost": N_("Lost accounts"),
    "current": N_("This period"),
}


def _edge(name: str) -> str:
    return _(EDGE_LABELS[name]) if name in EDGE_LABELS else name


def _kind(before: str, after: str) -> str:
    if before == "new":
        return "none" if after == "lost" else "new"
    if after == "lost":
        return "lost"
    if before == after:
        return "same"
    return "up" if after < before else "down"  # "A" < "B": a letter earlier is a better tier


def migration_rows(matrix: pd.DataFrame) -> pd.DataFrame:
    """Return the 16 cells of a migration matrix as chart rows.

    Examples
    --------
    >>> matrix = pd.DataFrame([[3, 1, 0, 0], [2, 9, 1, 1], [0, 1, 4, 2], [0, 1, 3, 0]],
    ...                       index=["A", "B", "C", "new"], columns=["A", "B", "C", "lost"])
    >>> rows = migration_rows(matrix)
    >>> len(rows), rows.loc[4, ["before", "after", "kind"]].tolist(), int(rows.loc[4, "accounts"])
    (16, ['B', 'A', 'up'], 2)
    """
    rows = []
    for i, before in enumerate(BEFORE):
        for j, after in enumerate(AFTER):
            count = int(matrix.at[before, after])
            kind = _kind(before, after)
            rows.append(
                {
                    "before": _edge(before),
                    "after": _edge(after),
                    "row": i,
                    "column": j,
                    "accounts": count,
                    "kind": kind,
                    "what": _(KIND_LABELS[kind]),
                    "label": fmt.number(count) if count or kind != "none" else "",
                }
            )
    return pd.DataFrame(rows)


def migration_chart(matrix: pd.DataFrame, *, title: str = "") -> alt.LayerChart:
    """Return the migration matrix as a grid of counts, coloured by how the accounts moved.

    Parameters
    ----------
    matrix : DataFrame
        Rows A, B, C, new; columns A, B, C, lost (``PeriodComparison.matrix``).
    title : str, optional
        Default: "How your accounts moved between the periods".
    """
    rows = migration_rows(matrix)
    before_order = [_edge(name) for name in BEFORE]
    after_order = [_edge(name) for name in AFTER]
    kinds = list(KIND_COLORS)
    most = max(int(rows["accounts"].max()), 1)
    base = alt.Chart(rows).encode(
        x=alt.X(
            "after:N",
            sort=after_order,
            title=_("This period"),
            axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=14, labelFontWeight=700),
        ),
        y=alt.Y(
            "before:N",
            sort=before_order,
            title=_("Last period"),
            axis=alt.Axis(labelFontSize=14, labelFontWeight=700),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=3, cornerRadius=3).encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=kinds, range=[KIND_COLORS[k] for k in kinds]),
            legend=None,
        ),
        opacity=alt.condition(
            "datum.accounts > 0",
            alt.Opacity(
                "accounts:Q", scale=alt.Scale(domain=[0, most], range=[0.45, 1]), legend=None
            ),
            alt.value(0.12),
        ),
        tooltip=[
            alt.Tooltip("before:N", title=_("Last period")),
            alt.Tooltip("after:N", title=_("This period")),
            alt.Tooltip("what:N", title=_("What")),
            alt.Tooltip("label:N", title=_("Accounts")),
        ],
    )
    counts = base.mark_text(fontSize=16, fontWeight="bold").encode(
        text="label:N",
        color=alt.condition(
            "datum.kind === 'same' || datum.accounts === 0", alt.value(INK), alt.value("white")
        ),
    )
    return alt.layer(cells, counts).properties(
        width=320,
        height=260,
        title=alt.Title(
            title or _("How your accounts moved between the periods"),
            subtitle=_(
                "Down the side: the tier last period. Across: the tier now. Green moved up, red "
                "moved down or was lost, blue is new."
            ),
        ),
    )


def bridge_rows(bridge: Bridge) -> pd.DataFrame:
    """Return the five steps of the bridge as waterfall rows: where each bar starts and ends.

    Examples
    --------
    >>> rows = bridge_rows(Bridge(100_00, 30_00, 10_00, 5_00, 15_00, 110_00))
    >>> rows[["step", "start", "end", "kind"]]
                step  start    end      kind
    0    Last period    0.0  100.0     total
    1  Accounts kept  100.0  120.0  increase
    2   New accounts  120.0  125.0  increase
    3  Lost accounts  125.0  110.0  decrease
    4    This period    0.0  110.0     total
    """
    signed = {
        "retained_change": bridge.retained_change,
        "new": bridge.new,
        "lost": -bridge.lost,
    }
    rows = [_step("previous", 0.0, bridge.previous, "total", fmt.money(bridge.previous))]
    level = bridge.previous
    for key, amount in signed.items():
        kind = "increase" if amount >= 0 else "decrease"
        text = fmt.money(abs(amount))
        if text != fmt.money(0):
            text = ("+" if amount >= 0 else "\u2212") + text
        rows.append(_step(key, level, level + amount, kind, text))
        level += amount
    rows.append(_step("current", 0.0, bridge.current, "total", fmt.money(bridge.current)))
    return pd.DataFrame(rows)


def _step(key: str, start: float, end: float, kind: str, text: str) -> dict:
    return {
        "step": _(STEPS[key]),
        "key": key,
        "start": float(start),
        "end": float(end),
        "top": float(max(start, end)),
        "kind": kind,
        "label": text,
    }


def bridge_chart(bridge: Bridge, *, title: str = "") -> alt.LayerChart:
    """Return the revenue bridge as a waterfall: last period, the three changes, this period.

    Parameters
    ----------
    bridge : Bridge
        From ``PeriodComparison.bridge``.
    title : str, optional
        Default: "From last period's revenue to this period's".
    """
    rows = bridge_rows(bridge)
    order = rows["step"].tolist()
    kinds = ["total", "increase", "decrease"]
    x = alt.X(
        "step:N",
        sort=order,
        title=None,
        axis=alt.Axis(labelAngle=0, labelFontSize=12, labelLimit=130),
    )
    bars = (
        alt.Chart(rows)
        .mark_bar(size=54)
        .encode(
            x=x,
            y=alt.Y("start:Q", title=None, axis=alt.Axis(format="~s")),
            y2="end:Q",
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(domain=kinds, range=[MUTED, GOOD, BAD]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("step:N", title=_("Step")),
                alt.Tooltip("label:N", title=_("Revenue")),
            ],
        )
    )
    labels = (
        alt.Chart(rows)
        .mark_text(dy=-8, fontSize=12, fontWeight="bold", color=INK)
        .encode(x=x, y="top:Q", text="label:N")
    )
    return alt.layer(bars, labels).properties(
        width=460,
        height=280,
        title=alt.Title(
            title or _("From last period's revenue to this period's"),
            subtitle=_(
                "Last period + change in the accounts you kept + new accounts − lost accounts = "
                "this period."
            ),
        ),
    )


def _moved_columns() -> dict[str, tuple[str, str]]:
    return {
        "account": (_("Account"), "text"),
        "move": (_("Tier"), "text"),
        "tier": (_("Now"), "text"),
        "previous_revenue": (_("Revenue last period"), "money"),
        "revenue": (_("Revenue now"), "money"),
        "revenue_change": (_("Change"), "money"),
    }


def change_tables(change: PeriodComparison, *, listed: int = 15) -> str:
    """Return the accounts that moved tier, the new and the lost ones as HTML tables, the
    biggest change first (at most ``listed`` rows each; the rest are counted)."""
    parts = []
    moved = change.moved
    if len(moved):
        moved = moved.assign(
            move=moved["previous_tier"].astype(str) + " → " + moved["tier"].astype(str)
        )
        parts.append(
            html_table(
                moved,
                _moved_columns(),
                caption=_("Accounts that moved up or down a tier"),
                max_rows=listed,
            )
        )
    for table, caption, column, heading, tier in (
        (change.new, _("New accounts"), "revenue", _("Revenue now"), "tier"),
        (
            change.lost,
            _("Lost accounts"),
            "previous_revenue",
            _("Revenue last period"),
            "previous_tier",
        ),
    ):
        if len(table):
            parts.append(
                html_table(
                    table,
                    {"account": (_("Account"), "text"), column: (heading, "money")},
                    tier_column=tier,
                    caption=caption,
                    max_rows=listed,
                )
            )
    return "".join(parts)
