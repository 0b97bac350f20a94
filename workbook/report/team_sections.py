"""What the team overview notebook shows: the team in plain words and one row per salesperson.

Pure functions of ``workbook.coaching.team.team_overview`` and
:class:`workbook.report.owners.Team`; each returns an :class:`~workbook.report.sections.Html`.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from workbook import charts
from workbook.coaching.wording import metric_label
from workbook.report.owners import Team
from workbook.report.sections import Html, bullets, money, paragraph, share_text

TEAM_COLUMNS = {
    "owner": ("Salesperson", "text"),
    "accounts": ("Accounts", "count"),
    "revenue": ("Revenue", "money"),
    "top20_share": ("Top 20% share", "share"),
    "gini": ("Gini", "text"),
    "a_value_share": ("A's share of value", "share"),
    "time_share_a": ("Time on A", "share"),
    "focus_score": ("Focus score", "text"),
    "loss_making": ("Loss-making accounts", "count"),
    "loss_total": ("Their loss", "money"),
    "note": ("Note", "text"),
}


def team_heading(*, source: str | Path, team: Team) -> Html:
    """Return the team overview's heading: the file, the salespeople, and who was left out.

    Examples
    --------
    >>> problems = '1 problem in team.csv:\\n  revenue: "x" in row 3 is not an amount'
    >>> team = Team(pd.DataFrame({"account": ["Fjordbakeri AS"]}), ["Kari", "Per"],
    ...             {"Per": problems})
    >>> text = str(team_heading(source="crm/team.csv", team=team))
    >>> "2 salespeople" in text, "Left out: Per" in text, "row 3" in text
    (True, True, True)
    """
    parts = [
        "<h1>Team overview</h1>",
        paragraph(
            f"Input file: {Path(source).name} · {len(team.owners)} salespeople · "
            f"{len(team.accounts):,} accounts in the overview"
        ),
    ]
    for owner, problems in team.left_out.items():
        parts.append(
            f"<p style='color:#c0392b'><b>Left out: {html.escape(owner)}</b> — their "
            f"rows cannot be used yet:</p><pre>{html.escape(problems)}</pre>"
        )
    return Html("".join(parts))


def _extreme(overview: pd.DataFrame, column: str, *, largest: bool) -> tuple[str, float]:
    known = overview.dropna(subset=[column])
    row = known.loc[known[column].idxmax() if largest else known[column].idxmin()]
    return str(row["owner"]), float(row[column])


def team_story(overview: pd.DataFrame, *, metric: str = "revenue") -> Html:
    """Return the team compared in plain words: concentration, focus, time on A, loss-makers.

    Parameters
    ----------
    overview : DataFrame
        From ``workbook.coaching.team.team_overview``.
    metric : str, default "revenue"
        The metric the overview measured concentration in.

    Examples
    --------
    >>> overview = pd.DataFrame({
    ...     "owner": ["Ingrid Berg", "Ola Dahl"], "accounts": [250, 240],
    ...     "revenue": [6.7e7, 5.1e7], "top20_share": [0.78, 0.64], "gini": [0.7, 0.55],
    ...     "a_value_share": [0.78, 0.64], "time_share_a": [0.53, 0.31],
    ...     "focus_score": [0.70, 0.58], "loss_making": [67.0, 40.0],
    ...     "loss_total": [294_036.0, 150_000.0], "note": ["", ""]})
    >>> print(str(team_story(overview)).replace("\\u202f", " "))
    <ul><li>2 salespeople, 490 accounts, revenue 118 000 000.</li><li>The top 20% of accounts
    hold from 64% of revenue (Ola Dahl) to 78% (Ingrid Berg).</li><li>Focus scores run from 0.58
    (Ola Dahl) to 0.70 (Ingrid Berg); 1 means time follows the plan exactly.</li><li>Ola Dahl
    gives A accounts 31% of the time while they hold 64% of the value: the biggest gap.</li><li>107
    accounts cost more to serve than they earn, losing 444 036 together; most with Ingrid Berg
    (67 accounts, 294 036).</li></ul>
    """
    lines = [
        f"{len(overview)} salespeople, {int(overview['accounts'].sum()):,} accounts, "
        f"revenue {money(float(overview['revenue'].sum()))}."
    ]
    if overview["top20_share"].notna().any():
        low, high = (_extreme(overview, "top20_share", largest=flag) for flag in (False, True))
        lines.append(
            f"The top 20% of accounts hold from {share_text(low[1])} of "
            f"{metric_label(metric)} ({low[0]}) to {share_text(high[1])} ({high[0]})."
        )
    if overview["focus_score"].notna().any():
        low, high = (_extreme(overview, "focus_score", largest=flag) for flag in (False, True))
        lines.append(
            f"Focus scores run from {low[1]:.2f} ({low[0]}) to {high[1]:.2f} "
            f"({high[0]}); 1 means time follows the plan exactly."
        )
        gap = overview.assign(gap=overview["a_value_share"] - overview["time_share_a"])
        owner, _ = _extreme(gap, "gap", largest=True)
        row = gap.set_index("owner").loc[owner]
        lines.append(
            f"{owner} gives A accounts {share_text(row['time_share_a'])} of the time "
            f"while they hold {share_text(row['a_value_share'])} of the value: the "
            "biggest gap."
        )
    if overview["loss_making"].notna().any():
        owner, count = _extreme(overview, "loss_making", largest=True)
        loss = float(overview.set_index("owner").at[owner, "loss_total"])
        lines.append(
            f"{int(overview['loss_making'].sum()):,} accounts cost more to serve than "
            f"they earn, losing {money(float(overview['loss_total'].sum()))} together; "
            f"most with {owner} ({int(count)} accounts, {money(loss)})."
        )
    return Html(bullets(lines))


def team_table(overview: pd.DataFrame) -> Html:
    """Return the overview as a table, one row per salesperson (scores with two decimals).

    Examples
    --------
    >>> overview = pd.DataFrame({
    ...     "owner": ["Ingrid Berg"], "accounts": [250], "revenue": [6.7e7], "top20_share": [0.78],
    ...     "gini": [0.7612], "a_value_share": [0.78], "time_share_a": [0.53],
    ...     "focus_score": [float("nan")], "loss_making": [67.0], "loss_total": [294_036.0],
    ...     "note": [""]})
    >>> text = str(team_table(overview))
    >>> "0.76" in text, "Ingrid Berg" in text, "Note" in text
    (True, True, False)
    """
    shown = overview.assign(
        **{
            name: overview[name].map(lambda v: "–" if pd.isna(v) else f"{v:.2f}")
            for name in ("gini", "focus_score")
        }
    )
    columns = {
        name: spec
        for name, spec in TEAM_COLUMNS.items()
        if name != "note" or overview["note"].astype(bool).any()
    }
    return Html(charts.html_table(shown, columns, tier_column=None, max_rows=len(overview)))
