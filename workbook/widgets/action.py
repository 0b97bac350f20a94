"""Your action plan: the answers kept in the notebooks and your time plan, to read and take away.

The plan is built in memory and offered as a download link (Markdown or HTML); nothing is
written to disk.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import charts, coaching
from workbook.analysis.book import Book
from workbook.coaching import defaults
from workbook.coaching.action_plan import ActionPlan, action_plan
from workbook.coaching.prompts import PROMPTS
from workbook.widgets.base import MessageArea, guarded, message_html
from workbook.widgets.cost import cost_sentence
from workbook.widgets.downloads import Download
from workbook.widgets.exercises import AnswerStore
from workbook.widgets.style import section, stylesheet
from workbook.widgets.time_value import focus_sentence


def key_facts(
    book: Book,
    *,
    plan: coaching.TimePlan,
    today: coaching.TimeVsValue,
    cost: coaching.CostToServe,
    screen: coaching.GrowthScreen,
) -> list[str]:
    """Return what the data says about the accounts, as the sentences the other panels show."""
    facts = [charts.tier_headline(book.summary, metric=book.metric)]
    if today.available:
        facts.append(focus_sentence(today))
    if "gross_profit" in book.accounts.columns:
        facts.append(cost_sentence(cost))
    facts.append(screen.message)
    if not plan.feasible:
        facts += plan.messages
    return facts


class ActionPlanPanel:
    """The action plan from the kept answers and the plan, with a button to bring it up to date.

    Parameters
    ----------
    book : Book
        Your accounts, tiered (``guide.open_book``).
    store : AnswerStore
        Where the notebooks keep the answers; its file is read again at every update.
    hours_per_week, weeks, share_a, share_b : float
        The time plan (see ``workbook.coaching.plan_time``).
    hourly_cost : float
        What an hour of your time costs (for what accounts cost to serve).
    """

    def __init__(
        self,
        book: Book,
        *,
        store: AnswerStore,
        hours_per_week: float = defaults.HOURS_PER_WEEK,
        weeks: float = defaults.WEEKS,
        share_a: float = defaults.SHARE_A,
        share_b: float = defaults.SHARE_B,
        hourly_cost: float = defaults.HOURLY_COST,
    ):
        self.book, self.store = book, store
        tiered = book.tiered
        self.plan = coaching.plan_time(
            tiered, hours_per_week=hours_per_week, weeks=weeks, share_a=share_a, share_b=share_b
        )
        self.today = coaching.time_vs_value(tiered, metric=book.metric)
        self.screen = coaching.growth_screen(tiered)
        self.levels = coaching.default_service_levels()
        self.facts = key_facts(
            book,
            plan=self.plan,
            today=self.today,
            screen=self.screen,
            cost=coaching.cost_to_serve(tiered, hourly_cost=hourly_cost),
        )
        self.message = MessageArea()
        self.status = widgets.HTML()
        self.preview = widgets.HTML()
        self.update = widgets.Button(
            description="Update my action plan",
            button_style="primary",
            layout=widgets.Layout(width="auto"),
        )
        self.update.on_click(guarded(self.message)(self.refresh))
        self.downloads = [
            Download(
                f"my action plan ({suffix})",
                lambda s=suffix: f"{self._slug()}{s}",
                lambda s=suffix: self.action_plan().to_bytes(s),
                self.message,
            )
            for suffix in (".md", ".html")
        ]
        self.view = widgets.VBox(
            [
                stylesheet(),
                section("Your action plan"),
                self.status,
                widgets.HBox([self.update]),  # a button in a VBox would fill its width
                self.message,
                *[d.view for d in self.downloads],
                self.preview,
            ]
        )
        self.refresh()

    def answers(self) -> dict[str, str]:
        """Return the kept answers, read again from the store's file (another notebook may have
        added some since this one started)."""
        store = AnswerStore(self.store.path) if self.store.path else self.store
        return {key: store.get(key) for key in PROMPTS}

    def action_plan(self) -> ActionPlan:
        """Return the action plan as the answers and the plan stand now."""
        return action_plan(
            self.answers(),
            plan=self.plan,
            facts=self.facts,
            today=self.today,
            levels=self.levels,
            screen=self.screen,
            owner=self.book.salesperson,
            source=self.book.loaded.file,
        )

    def refresh(self, _button=None) -> None:
        """Build the plan again from the kept answers and show it."""
        plan = self.action_plan()
        for download in self.downloads:
            download.stale()
        self.status.value = message_html(self._status(plan), "info" if plan.missing else "success")
        self.preview.value = plan.html(page=False)

    def _status(self, plan: ActionPlan) -> str:
        answered = len(PROMPTS) - len(plan.missing)
        path = self.store.path
        if path is not None and not path.is_file():
            return (
                f"No answers are kept yet (none found in {path}). Each notebook's reflection "
                "adds one when you press 'Keep my answer'. Below is what your data says; the "
                "questions still to answer are listed at the end."
            )
        where = f" (kept in {path.name})" if path is not None else ""
        if not plan.missing:
            return f"All {answered} reflections are answered{where}: your plan is complete."
        return (
            f"{answered} of {len(PROMPTS)} reflections answered{where}. The ones still to "
            "answer are listed at the end, with the notebook that asks each."
        )

    def _slug(self) -> str:
        who = "".join(ch if ch.isalnum() else "-" for ch in self.book.salesperson).strip("-")
        return f"{who.lower() or 'my'}-action-plan"

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
