"""Your action plan: the answers kept in the notebooks and your time plan, to read and take away.

The plan is built in memory and offered as a download link (Markdown or HTML); nothing is
written to disk.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from workbook import coaching
from workbook import formatting as fmt
from workbook.coaching import wording
from workbook.coaching.action_plan import ActionPlan, action_plan
from workbook.coaching.prompts import PROMPTS
from workbook.course.book import Book
from workbook.i18n import _
from workbook.paths import slug
from workbook.settings import PlanSettings
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
    facts = [wording.tier_headline(book.summary, metric=book.tiers.metric)]
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
        Your accounts, tiered (``course.open_book``).
    settings : PlanSettings, optional
        The time plan and the cost of an hour (default ``PlanSettings()``).
    store : AnswerStore
        Where the notebooks keep the answers; its file is read again at every update.
    levels : DataFrame, optional
        The service levels (as edited in 07; default ``default_service_levels()``).
    """

    def __init__(
        self,
        book: Book,
        settings: PlanSettings | None = None,
        *,
        store: AnswerStore,
        levels: pd.DataFrame | None = None,
    ):
        self.book, self.store = book, store
        tiered = book.tiered
        self.settings = settings or PlanSettings()
        self.plan = coaching.plan_time(tiered, self.settings, metric=book.tiers.metric)
        self.today = coaching.time_vs_value(tiered, metric=book.tiers.metric, plan=self.plan)
        self.screen = coaching.growth_screen(tiered)
        self.levels = coaching.default_service_levels() if levels is None else levels
        self.facts = key_facts(
            book,
            plan=self.plan,
            today=self.today,
            screen=self.screen,
            cost=coaching.cost_to_serve(tiered, self.settings),
        )
        self.message = MessageArea()
        self.status = widgets.HTML()
        self.preview = widgets.HTML()
        self.update = widgets.Button(
            description=_("Update my action plan"),
            button_style="primary",
            layout=widgets.Layout(width="auto"),
        )
        self.update.on_click(guarded(self.message)(self.refresh))
        self.downloads = [
            Download(
                _("Download my action plan ({suffix})").format(suffix=suffix),
                lambda s=suffix: f"{self._slug()}{s}",
                lambda s=suffix: self.action_plan().to_bytes(s),
                self.message,
            )
            for suffix in (".md", ".html")
        ]
        self.view = widgets.VBox(
            [
                stylesheet(),
                section(_("Your action plan")),
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
            return _(
                "No answers are kept yet (none found in {path}). Each notebook's reflection "
                "adds one when you press 'Keep my answer'. Below is what your data says; the "
                "questions still to answer are listed at the end."
            ).format(path=path)
        where = "" if path is None else " " + _("(kept in {file})").format(file=path.name)
        if not plan.missing:
            return _("All {n} reflections are answered{where}: your plan is complete.").format(
                n=fmt.number(answered), where=where
            )
        return _(
            "{n} of {total} reflections answered{where}. The ones still to answer are listed at "
            "the end, with the notebook that asks each."
        ).format(n=fmt.number(answered), total=fmt.number(len(PROMPTS)), where=where)

    def _slug(self) -> str:
        return f"{slug(self.book.salesperson, fallback='my')}-action-plan"

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
