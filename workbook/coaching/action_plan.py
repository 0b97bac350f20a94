"""The action plan: the answers kept in the notebooks and the time plan, in one page to take away.

:func:`action_plan` gathers what was learned, the week by tier, what to commit to, what to stop
doing and what to measure in a month; :meth:`ActionPlan.markdown` and :meth:`ActionPlan.html`
write it as text (built in memory; the caller decides where it goes).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from workbook.coaching._checks import plain
from workbook.coaching.focus import TimeVsValue
from workbook.coaching.growth import GrowthScreen
from workbook.coaching.plan import TimePlan
from workbook.coaching.prompts import COMMIT, LEARNED, MEASURE, PROMPTS, SECTIONS, STOP, Prompt
from workbook.schema import TIERS

#: How many names a sentence lists before it says "and N more".
NAMES_LISTED = 5

#: The plan's look, scoped to its own block so a preview inside a notebook changes nothing else.
STYLE = (
    ".action-plan{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:820px;"
    "color:#1d2731;line-height:1.5}.action-plan h1{font-size:26px}"
    ".action-plan h2{font-size:19px;margin-top:28px;border-bottom:1px solid #d5dbe1}"
    ".action-plan table{border-collapse:collapse;font-size:14px}"
    ".action-plan th,.action-plan td{border:1px solid #d5dbe1;padding:4px 8px;text-align:left}"
    ".action-plan th{background:#f2f4f6}.action-plan blockquote{margin:4px 0 12px 0;"
    "padding:2px 12px;border-left:3px solid #1f5fa8}.action-plan .q{font-weight:600;"
    "margin-bottom:0}.action-plan .note{color:#5b6770}"
)


@dataclass(frozen=True)
class Section:
    """One part of the plan: points worked out from the data, then the person's own answers."""

    heading: str
    points: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ActionPlan:
    """An action plan ready to write as Markdown or HTML (see :func:`action_plan`).

    Attributes
    ----------
    title, about : str
        The heading and the line under it (when and from which file).
    sections : tuple of Section
        In the order of ``workbook.coaching.prompts.SECTIONS``.
    week : pandas.DataFrame or None
        The plan per tier as text, one row per tier (None without a plan).
    missing : tuple of Prompt
        The reflection questions not answered yet.
    """

    title: str
    about: str
    sections: tuple[Section, ...]
    week: pd.DataFrame | None
    missing: tuple[Prompt, ...]

    def markdown(self) -> str:
        """Return the plan as Markdown."""
        lines = [f"# {self.title}", "", f"*{self.about}*", ""]
        for section in self.sections:
            lines += [f"## {section.heading}", ""]
            lines += [f"- {point}" for point in section.points]
            lines += [""] if section.points else []
            for question, answer in section.answers:
                lines += [f"**{question}**", ""]
                lines += [f"> {line}" if line.strip() else ">" for line in answer.splitlines()]
                lines += [""]
            if not section.points and not section.answers:
                lines += ["*Nothing yet.*", ""]
            if section.heading == LEARNED and self.week is not None:
                lines += ["## My week, by tier", "", *_markdown_table(self.week), ""]
        if self.missing:
            lines += ["## Still to answer", ""]
            lines += [f"- {p.question} *({p.notebook})*" for p in self.missing]
            lines += [""]
        return "\n".join(lines)

    def html(self, *, page: bool = True) -> str:
        """Return the plan as a page of its own (no scripts, no links out: it opens offline), or,
        with ``page=False``, as a block to show inside another page."""
        esc = html.escape
        parts = [f"<h1>{esc(self.title)}</h1>", f"<p class='note'>{esc(self.about)}</p>"]
        for section in self.sections:
            parts.append(f"<h2>{esc(section.heading)}</h2>")
            if section.points:
                parts.append(
                    "<ul>" + "".join(f"<li>{esc(p)}</li>" for p in section.points) + "</ul>"
                )
            for question, answer in section.answers:
                body = "<br>".join(esc(line) for line in answer.splitlines())
                parts.append(f"<p class='q'>{esc(question)}</p><blockquote>{body}</blockquote>")
            if not section.points and not section.answers:
                parts.append("<p class='note'>Nothing yet.</p>")
            if section.heading == LEARNED and self.week is not None:
                parts += ["<h2>My week, by tier</h2>", _html_table(self.week)]
        if self.missing:
            parts.append(
                "<h2>Still to answer</h2><ul>"
                + "".join(
                    f"<li>{esc(p.question)} <span class='note'>({esc(p.notebook)})</span></li>"
                    for p in self.missing
                )
                + "</ul>"
            )
        block = f"<style>{STYLE}</style><div class='action-plan'>{''.join(parts)}</div>"
        if not page:
            return block
        return (
            f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>{esc(self.title)}</title></head>"
            f"<body style='margin:32px auto;max-width:860px;padding:0 16px'>{block}</body>"
            "</html>\n"
        )

    def to_bytes(self, suffix: str) -> bytes:
        """Return the plan as the bytes of a ``.md`` or ``.html`` file."""
        if suffix not in (".md", ".html"):
            raise ValueError(f"an action plan is written as .md or .html, not {suffix!r}")
        return (self.markdown() if suffix == ".md" else self.html()).encode("utf-8")


def action_plan(
    answers: Mapping[str, str],
    *,
    plan: TimePlan | None = None,
    facts: Sequence[str] = (),
    today: TimeVsValue | None = None,
    levels: pd.DataFrame | None = None,
    screen: GrowthScreen | None = None,
    owner: str = "",
    source: str = "",
    made: dt.date | None = None,
) -> ActionPlan:
    """Gather the kept answers and the time plan into an action plan.

    Parameters
    ----------
    answers : Mapping[str, str]
        Reflection answers by key (see ``workbook.coaching.prompts.PROMPTS``); blank ones count
        as missing, unknown keys are left out.
    plan : TimePlan, optional
        From ``plan_time``: the week by tier, what to commit to and what to measure.
    facts : sequence of str, default ()
        Sentences about the accounts (key figures), listed under what was learned.
    today : TimeVsValue, optional
        From ``time_vs_value``: today's share of time on A and the focus score to measure.
    levels : pandas.DataFrame, optional
        The service levels (``default_service_levels``, edited or not).
    screen : GrowthScreen, optional
        From ``growth_screen``: the B accounts to give extra time first.
    owner, source : str, default ""
        Whose plan it is and the file it was made from.
    made : datetime.date, optional
        The date written on the plan (default: today).

    Returns
    -------
    ActionPlan

    Examples
    --------
    >>> from workbook.coaching import plan_time, time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> tiered = example_tiered()
    >>> week = plan_time(tiered, hours_per_week=2, weeks=46)
    >>> plan = action_plan({"commit": "Book a review with Fjordbakeri AS.", "stop": " "},
    ...                    plan=week, today=time_vs_value(tiered),
    ...                    owner="Kari Nordmann", made=dt.date(2026, 11, 2))
    >>> plan.title, [p.key for p in plan.missing][:3]
    ('My action plan: Kari Nordmann', ['start', 'data', 'pareto'])
    >>> print(plan.markdown())  # doctest: +ELLIPSIS
    # My action plan: Kari Nordmann
    <BLANKLINE>
    *Made on 2 November 2026.*
    ...
    ## What I commit to
    <BLANKLINE>
    - Block 80% of my selling time (1.6 h a week) for my 1 A account: about 4.1 visits a month each.
    - Fit my 2 B accounts into 20% of my time (0.4 h a week): about 9.2 visits a year each.
    <BLANKLINE>
    **What will you do differently from next week? Name the accounts and the days.**
    <BLANKLINE>
    > Book a review with Fjordbakeri AS.
    ...
    - Share of my selling time that goes to A accounts: today 57%, in the plan 80%.
    ...
    """
    made = made or dt.date.today()
    kept = {key: str(text).strip() for key, text in answers.items() if str(text or "").strip()}
    generated = {LEARNED: list(facts), COMMIT: [], STOP: [], MEASURE: []}
    if plan is not None:
        generated[COMMIT] += _commitments(plan, screen)
        generated[STOP] += _stops(plan, today, levels)
    generated[MEASURE] += _measures(plan, today)
    sections = tuple(
        Section(
            heading,
            tuple(generated[heading]),
            tuple(
                (p.question, kept[p.key])
                for p in PROMPTS.values()
                if p.section == heading and p.key in kept
            ),
        )
        for heading in SECTIONS
    )
    about = f"Made on {made.day} {made:%B %Y}" + (f" from {source}" if source else "") + "."
    return ActionPlan(
        title="My action plan" + (f": {owner}" if owner else ""),
        about=about,
        sections=sections,
        week=None if plan is None else _week(plan, levels),
        missing=tuple(p for p in PROMPTS.values() if p.key not in kept),
    )


# --- what the data says to do ------------------------------------------------------------------
def _visits(per_year: float) -> str:
    """Say a visit frequency as a person would: "1.2 visits a month", "2 visits a year"."""
    if per_year <= 0:
        return "no visits"
    number, unit = (plain(per_year / 12), "month") if per_year >= 12 else (plain(per_year), "year")
    return f"{number} visit{'s' * (number != '1')} a {unit}"


def _names(frame: pd.DataFrame) -> str:
    names = [str(n) for n in frame["account"].head(NAMES_LISTED)]
    more = len(frame) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _per_week(plan: TimePlan, tier: str) -> str:
    return plain(plan.hours_per_week * plan.shares[tier])


def _commitments(plan: TimePlan, screen: GrowthScreen | None) -> list[str]:
    tiers = plan.tiers
    points = []
    for tier, whose in (("A", "for my"), ("B", "into")):
        n = int(tiers.at[tier, "accounts"])
        if not n:
            continue
        each = _visits(float(tiers.at[tier, "visits_per_account_per_year"]))
        noun = f"{n} {tier} account{'s' * (n != 1)}"
        points.append(
            f"Block {plan.shares['A']:.0%} of my selling time ({_per_week(plan, 'A')} h a week) "
            f"for my {noun}: about {each} each."
            if tier == "A"
            else f"Fit my {noun} {whose} {plan.shares['B']:.0%} of my time "
            f"({_per_week(plan, 'B')} h a week): about {each} each."
        )
    if screen is not None and len(screen.flagged):
        points.append(
            "Give extra B time first to the accounts with the most room to grow: "
            f"{_names(screen.flagged)}."
        )
    return points


def _stops(plan: TimePlan, today: TimeVsValue | None, levels: pd.DataFrame | None) -> list[str]:
    points = []
    n_c = int(plan.tiers.at["C", "accounts"])
    if n_c and plan.shares["C"] == 0:
        how = (
            "inside sales, e-mail or self-service"
            if levels is None
            else f"{levels.at['C', 'channel']}, handled by {levels.at['C', 'handled_by']}"
        )
        points.append(f"Field visits to my {n_c} C accounts: from now on {how}.")
    if today is not None and today.available and len(today.over_served):
        over = today.over_served.sort_values("gap", ascending=False, kind="stable")
        points.append(f"Giving far more time than their value to: {_names(over)}.")
    return points


def _measures(plan: TimePlan | None, today: TimeVsValue | None) -> list[str]:
    if today is not None and today.available:
        points = [
            f"Share of my selling time that goes to A accounts: today "
            f"{today.tiers.at['A', 'time_share']:.0%}"
            + (f", in the plan {plan.shares['A']:.0%}." if plan is not None else "."),
            f"My focus score: today {today.score:.2f} (1 = my time follows value "
            "exactly); I work it out again in a month.",
        ]
    else:
        points = [
            "My hours or visits per account for the next month, so the share of my time "
            "that goes to A accounts can be worked out."
        ]
    if plan is not None and int(plan.tiers.at["A", "accounts"]):
        least = _visits(float(plan.min_visits_per_year["A"]))
        points.append(f"Every A account gets at least {least} (check the calendar).")
    return points


# --- the week as a table -----------------------------------------------------------------------
def _week(plan: TimePlan, levels: pd.DataFrame | None) -> pd.DataFrame:
    rows = []
    for tier in TIERS:
        row = plan.tiers.loc[tier]
        rows.append(
            {
                "Tier": tier,
                "Accounts": f"{int(row['accounts']):,}",
                "Share of my time": f"{plan.shares[tier]:.0%}",
                "Hours a week": _per_week(plan, tier),
                "Hours per account a year": plain(float(row["hours_per_account"])),
                "Visits per account": _visits(float(row["visits_per_account_per_year"])),
            }
        )
        if levels is not None:
            rows[-1].update(
                {
                    "Answer within": str(levels.at[tier, "response_time"]),
                    "Channel": str(levels.at[tier, "channel"]),
                    "Handled by": str(levels.at[tier, "handled_by"]),
                }
            )
    return pd.DataFrame(rows)


def _markdown_table(frame: pd.DataFrame) -> list[str]:
    def cell(text: object) -> str:
        return str(text).replace("|", "\\|")

    return [
        "| " + " | ".join(cell(c) for c in frame.columns) + " |",
        "|" + "---|" * len(frame.columns),
        *("| " + " | ".join(cell(v) for v in row) + " |" for row in frame.to_numpy()),
    ]


def _html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.to_numpy()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
