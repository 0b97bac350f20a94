"""The action plan: the answers kept in the notebooks and the time plan, in one page to take away.

:func:`action_plan` gathers what was learned, the week by tier, what to commit to, what to stop
doing and what to measure in a month; :meth:`ActionPlan.markdown` and :meth:`ActionPlan.html`
write it as text (built in memory; the caller decides where it goes).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from workbook import formatting as fmt
from workbook.coaching.focus import TimeVsValue
from workbook.coaching.growth import GrowthScreen
from workbook.coaching.plan import TimePlan
from workbook.coaching.prompts import COMMIT, LEARNED, MEASURE, PROMPTS, SECTIONS, STOP, Prompt
from workbook.coaching.wording import next_actions, tier_rule, tier_visits
from workbook.i18n import _, language
from workbook.schema import TIERS
from workbook.settings import TierSettings

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


#: On paper: A4, small margins and type, so a plan fits on at most two pages.
PRINT_STYLE = (
    "@page{size:A4;margin:11mm}@media print{body{margin:0!important;max-width:none!important}"
    ".action-plan{font-size:9pt;line-height:1.3;max-width:none}"
    ".action-plan h1{font-size:15pt;margin:0 0 2pt}"
    ".action-plan h2{font-size:11pt;margin:7pt 0 2pt;break-after:avoid}"
    ".action-plan p{margin:2pt 0}.action-plan table{font-size:8pt;width:100%}"
    ".action-plan th,.action-plan td{padding:1px 4px}"
    ".action-plan ul{margin:1pt 0 3pt 12pt;padding:0}"
    ".action-plan blockquote{margin:1pt 0 4pt;padding:1px 8px}"
    ".action-plan tr,.action-plan li,.action-plan blockquote{break-inside:avoid}}"
)


@dataclass(frozen=True)
class Commitment:
    """One thing the person commits to: what, with which accounts, by when."""

    what: str
    accounts: str = ""
    by: dt.date | None = None

    def text(self) -> str:
        """The commitment as one line (for Markdown)."""
        parts = [self.what.strip()]
        if self.accounts.strip():
            parts.append(_("with {accounts}").format(accounts=self.accounts.strip()))
        if self.by is not None:
            parts.append(_("by {day}").format(day=fmt.day(self.by)))
        return " — ".join(parts)


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
    commitments: tuple[Commitment, ...] = ()
    settings: tuple[str, ...] = ()
    where: Callable[[Prompt], str] = field(default=lambda prompt: prompt.notebook)

    def markdown(self) -> str:
        """Return the plan as Markdown."""
        lines = [f"# {self.title}", "", f"*{self.about}*", ""]
        for section in self.sections:
            lines += [f"## {_(section.heading)}", ""]
            if section.heading == COMMIT and self.commitments:
                lines += [f"{i}. {c.text()}" for i, c in enumerate(self.commitments, 1)] + [""]
            lines += [f"- {point}" for point in section.points]
            lines += [""] if section.points else []
            for question, answer in section.answers:
                lines += [f"**{question}**", ""]
                lines += [f"> {line}" if line.strip() else ">" for line in answer.splitlines()]
                lines += [""]
            if (
                not section.points
                and not section.answers
                and not (section.heading == COMMIT and self.commitments)
            ):
                lines += [f"*{_('Nothing yet.')}*", ""]
            if section.heading == LEARNED and self.week is not None:
                lines += [f"## {_('My week, by tier')}", "", *_markdown_table(self.week), ""]
                lines += [f"- {line}" for line in self.settings] + ([""] if self.settings else [])
        if self.missing:
            lines += [f"## {_('Still to answer')}", ""]
            lines += [f"- {p.question} *({self.where(p)})*" for p in self.missing]
            lines += [""]
        return "\n".join(lines)

    def html(self, *, page: bool = True) -> str:
        """Return the plan as a page of its own (no scripts, no links out: it opens offline), or,
        with ``page=False``, as a block to show inside another page."""
        esc = html.escape
        parts = [f"<h1>{esc(self.title)}</h1>", f"<p class='note'>{esc(self.about)}</p>"]
        for section in self.sections:
            parts.append(f"<h2>{esc(_(section.heading))}</h2>")
            if section.heading == COMMIT and self.commitments:
                parts.append(_commitments_table(self.commitments))
            if section.points:
                parts.append(
                    "<ul>" + "".join(f"<li>{esc(p)}</li>" for p in section.points) + "</ul>"
                )
            for question, answer in section.answers:
                body = "<br>".join(esc(line) for line in answer.splitlines())
                parts.append(f"<p class='q'>{esc(question)}</p><blockquote>{body}</blockquote>")
            if (
                not section.points
                and not section.answers
                and not (section.heading == COMMIT and self.commitments)
            ):
                parts.append(f"<p class='note'>{esc(_('Nothing yet.'))}</p>")
            if section.heading == LEARNED and self.week is not None:
                parts += [f"<h2>{esc(_('My week, by tier'))}</h2>", _html_table(self.week)]
                if self.settings:
                    parts.append(
                        "<ul class='note'>"
                        + "".join(f"<li>{esc(line)}</li>" for line in self.settings)
                        + "</ul>"
                    )
        if self.missing:
            parts.append(
                f"<h2>{esc(_('Still to answer'))}</h2><ul>"
                + "".join(
                    f"<li>{esc(p.question)} <span class='note'>({esc(self.where(p))})</span></li>"
                    for p in self.missing
                )
                + "</ul>"
            )
        block = (
            f"<style>{STYLE}{PRINT_STYLE}</style><div class='action-plan'>{''.join(parts)}</div>"
        )
        if not page:
            return block
        return (
            f"<!DOCTYPE html>\n<html lang='{language()}'><head><meta charset='utf-8'>"
            f"<title>{esc(self.title)}</title></head>"
            f"<body style='margin:32px auto;max-width:860px;padding:0 16px'>{block}</body>"
            "</html>\n"
        )

    def to_bytes(self, suffix: str) -> bytes:
        """Return the plan as the bytes of a ``.md`` or ``.html`` file."""
        if suffix not in (".md", ".html"):
            raise ValueError(
                _("an action plan is written as .md or .html, not {suffix!r}").format(suffix=suffix)
            )
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
    commitments: Sequence[Commitment] = (),
    tiers: TierSettings | None = None,
    growth_picks: Sequence[str] | None = None,
    handover: Sequence[str] | None = None,
    where: Callable[[Prompt], str] | None = None,
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
    commitments : sequence of Commitment, default ()
        What the person commits to (what, which accounts, by when), listed first.
    tiers : TierSettings, optional
        How the accounts were tiered (said under the week).
    growth_picks, handover : sequence of str, optional
        The B accounts the person picked for growth and the C accounts handed to other
        channels (default: the growth screen's flagged accounts, every C account).
    where : callable, optional
        Where a missing reflection is asked (default: its notebook).

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
    ...                    plan=week, today=time_vs_value(tiered, plan=week),
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
    - Block 1.4 h a week (80% of your field time) for your 1 A account: 44 visits a year.
    - Fit your 2 B accounts into 0.3 h a week (20% of your field time): 7 to 9 visits a year ...
    - Keep 0.2 h a week (10% of your selling time) for new customers.
    <BLANKLINE>
    **What will you do differently from next week? Name the accounts and the days.**
    <BLANKLINE>
    > Book a review with Fjordbakeri AS.
    ...
    - Share of your time on A accounts: today 57%, in the plan 80%.
    ...
    """
    made = made or dt.date.today()
    kept = {key: str(text).strip() for key, text in answers.items() if str(text or "").strip()}
    generated = {LEARNED: list(facts), COMMIT: [], STOP: [], MEASURE: []}
    section_of = {"commit": COMMIT, "stop": STOP, "measure": MEASURE}
    actions = next_actions(
        plan=plan,
        today=today,
        screen=screen,
        levels=levels,
        growth_picks=growth_picks,
        handover=handover,
    )
    for action in actions:
        generated[section_of[action.kind]].append(action.text)
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
    about = (
        _("Made on {day} from {file}.").format(day=fmt.day(made, long=True), file=source)
        if source
        else _("Made on {day}.").format(day=fmt.day(made, long=True))
    )
    return ActionPlan(
        title=_("My action plan: {owner}").format(owner=owner) if owner else _("My action plan"),
        about=about,
        sections=sections,
        week=None if plan is None else _week(plan, levels),
        missing=tuple(p for p in PROMPTS.values() if p.key not in kept),
        commitments=tuple(c for c in commitments if c.what.strip()),
        settings=_settings_lines(tiers, plan),
        where=where or (lambda prompt: prompt.notebook),
    )


def _settings_lines(tiers: TierSettings | None, plan: TimePlan | None) -> tuple[str, ...]:
    lines = [] if tiers is None else [tier_rule(tiers)]
    if plan is not None:
        lines.append(
            _("Selling time: {hours} a week × {weeks} weeks; A {a}, B {b}, C {c} of it.").format(
                hours=fmt.hours(plan.hours_per_week),
                weeks=fmt.number(plan.weeks),
                a=fmt.share(plan.shares["A"]),
                b=fmt.share(plan.shares["B"]),
                c=fmt.share(plan.shares["C"]),
            )
        )
    return tuple(lines)


# --- the week as a table -----------------------------------------------------------------------
def _week(plan: TimePlan, levels: pd.DataFrame | None) -> pd.DataFrame:
    rows = []
    for tier in TIERS:
        row = plan.tiers.loc[tier]
        rows.append(
            {
                _("Tier"): tier,
                _("Accounts"): fmt.number(int(row["accounts"])),
                _("Share of my field time"): fmt.share(plan.shares[tier]),
                _("Hours a week"): fmt.number(float(row["planned_hours"]) / plan.weeks, 1),
                _("Hours per account a year"): fmt.number(float(row["hours_per_account"]), 1),
                _("Visits per account"): tier_visits(plan, tier),
            }
        )
        if levels is not None:
            rows[-1].update(
                {
                    _("Answer within"): str(levels.at[tier, "response_time"]),
                    _("Channel"): str(levels.at[tier, "channel"]),
                    _("Handled by"): str(levels.at[tier, "handled_by"]),
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


def _commitments_table(commitments: Sequence[Commitment]) -> str:
    rows = pd.DataFrame(
        [
            {
                _("What I will do"): c.what.strip(),
                _("With which accounts"): c.accounts.strip(),
                _("By when"): fmt.day(c.by) if c.by is not None else "",
            }
            for c in commitments
        ]
    )
    return _html_table(rows)
