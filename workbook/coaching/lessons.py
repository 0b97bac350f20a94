"""The course, once: each step's question, the guess it asks for, the one line that explains the
answer, and the reflection that follows.

The Voilà app and the guided notebooks both read these, so a step reads the same in both: the app
shows them in its steps (guess, your own figure, the panel, reflect), each notebook asks the guess
of its lesson. A guess's answer is worked out from the person's own data by :class:`Results`,
which computes each measure once, when it is first needed.

Examples
--------
>>> from workbook.coaching.examples import example_tiered
>>> results = Results(example_tiered())
>>> guess = GUESSES["time"]
>>> print(guess.text())
What share of your selling time goes to your A accounts today?
>>> round(guess.answer(results), 2)
0.57
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

import pandas as pd

from workbook.analysis import concentration
from workbook.coaching import self_check
from workbook.coaching.cost import CostToServe, cost_to_serve
from workbook.coaching.focus import HoursFreed, TimeVsValue, hours_freed, time_vs_value
from workbook.coaching.growth import GrowthScreen, growth_screen
from workbook.coaching.plan import TimePlan, plan_time
from workbook.coaching.wording import TYPICAL_CONCENTRATION
from workbook.i18n import N_, _
from workbook.settings import PlanSettings, TierSettings


class Results:
    """Every measure of one book of accounts, each worked out once, when first asked for.

    Parameters
    ----------
    tiered : DataFrame
        The accounts with their tiers.
    tiers : TierSettings, optional
        How they were tiered (default ``TierSettings()``).
    plan : PlanSettings, optional
        The time plan's settings (default ``PlanSettings()``).
    comparison : PeriodComparison, optional
        What changed since last period (``workbook.analysis.compare_periods``), when known.
    """

    def __init__(
        self,
        tiered: pd.DataFrame,
        tiers: TierSettings | None = None,
        plan: PlanSettings | None = None,
        comparison=None,
    ):
        self.tiered = tiered
        self.tiers = tiers or TierSettings()
        self.plan_settings = plan or PlanSettings()
        self.comparison = comparison

    @cached_property
    def figures(self):
        return concentration(self.tiered, metric=self.tiers.metric)

    @cached_property
    def today(self) -> TimeVsValue:
        """Today's time, judged against the plan (the workbook's one yardstick)."""
        return time_vs_value(self.tiered, metric=self.tiers.metric, plan=self.plan)

    @cached_property
    def cost(self) -> CostToServe:
        return cost_to_serve(self.tiered, self.plan_settings)

    @cached_property
    def screen(self) -> GrowthScreen:
        return growth_screen(self.tiered)

    @cached_property
    def plan(self) -> TimePlan:
        return plan_time(self.tiered, self.plan_settings, metric=self.tiers.metric)

    @cached_property
    def freed(self) -> HoursFreed:
        return hours_freed(self.today, self.plan)


@dataclass(frozen=True)
class Guess:
    """A figure to guess before it is shown: the question, its kind, and what the answer means.

    ``kind`` is ``"share"`` (guessed on a 0–100% slider) or ``"count"`` (a number of hours or
    accounts). ``missing`` says why the data cannot answer, when it cannot.
    """

    key: str
    question: str
    kind: str
    explain: str
    missing: str
    answer_of: Callable[[Results], float]

    def text(self) -> str:
        """The question in the current language."""
        return _(self.question)

    def explanation(self) -> str:
        """What the answer means, in the current language."""
        return _(self.explain)

    def why_missing(self) -> str:
        """Why the data cannot answer, in the current language."""
        return _(self.missing)

    def answer(self, results: Results) -> float:
        """Return the answer from the person's own data (NaN when the data cannot give it)."""
        value = self.answer_of(results)
        return float(value) if value is not None and math.isfinite(float(value)) else math.nan


def _freed_to_a(results: Results) -> float:
    return results.freed.to_a if results.freed.available else math.nan


GUESSES = MappingProxyType(
    {
        g.key: g
        for g in (
            Guess(
                "top20",
                N_("What share of your revenue do your top 20% of accounts bring?"),
                "share",
                TYPICAL_CONCENTRATION,
                N_("your file has no revenue above zero."),
                lambda r: r.figures.top20_share,
            ),
            Guess(
                "biggest",
                N_("What share of your revenue does your single biggest account bring?"),
                "share",
                N_(
                    "Above a quarter, losing that one customer would hurt badly: treat it as A "
                    "first."
                ),
                N_("the file could not be read yet; the next cells show why."),
                lambda r: self_check.biggest_share(r.tiered, metric=r.tiers.metric),
            ),
            Guess(
                "pareto",
                N_("What share of your accounts together bring 80% of your business?"),
                "share",
                N_("The 80/20 rule says 20%. The smaller the share, the more it pays to focus."),
                N_("your file has no revenue above zero."),
                lambda r: r.figures.accounts_for_80 / r.figures.n,
            ),
            Guess(
                "tiers",
                N_("Ranked by gross profit instead, what share of your A accounts would stay A?"),
                "share",
                N_(
                    "Those that drop out buy a lot at a thin margin: they need A time on price "
                    "and terms."
                ),
                N_("your file has no gross profit column."),
                lambda r: self_check.kept_in_tier(r.tiered, r.tiers, metric="gross_profit"),
            ),
            Guess(
                "time",
                N_("What share of your selling time goes to your A accounts today?"),
                "share",
                N_("A brings most of your value; the plan gives A about 80% of your time."),
                N_("your file has no visits or selling hours."),
                lambda r: self_check.time_share(r.today, tier="A"),
            ),
            Guess(
                "cost",
                N_("What share of your C accounts lose money once you count the time they take?"),
                "share",
                N_(
                    "Each one you move to inside sales or the web shop stops the loss and frees "
                    "your time."
                ),
                N_("your file needs gross profit, and visits, hours or service requests."),
                lambda r: self_check.loss_share(r.cost, tier="C"),
            ),
            Guess(
                "growth",
                N_("What share of your B accounts already buy at least 80% of their potential?"),
                "share",
                N_("Those have little left to win: keep them, at a lower visit frequency."),
                N_("your file has no potential column (what each customer could buy)."),
                lambda r: self_check.near_potential_share(r.tiered, tier="B", at_least=0.8),
            ),
            Guess(
                "week",
                N_("How many visits a year does the plan give your biggest A account?"),
                "count",
                N_("More than your average A account, but far from in proportion to its value."),
                N_("your tiers have no A accounts."),
                lambda r: self_check.visits_of_biggest(r.plan, tier="A"),
            ),
            Guess(
                "plan",
                N_(
                    "How many more hours a year would your A accounts get with the plan than today?"
                ),
                "count",
                N_(
                    "Hours taken from C and from the customers you like. Put them in your calendar."
                ),
                N_("today's time is unknown (no visits or hours in your file)."),
                _freed_to_a,
            ),
            Guess(
                "change",
                N_("Of your A accounts last period, what share are still A now?"),
                "share",
                N_("The ones that slipped bought less than the accounts around them: ask why."),
                N_("there is no previous period to compare with (see previous_path above)."),
                lambda r: self_check.still_in_tier(r.comparison, tier="A"),
            ),
        )
    }
)


@dataclass(frozen=True)
class Lesson:
    """One step of the course: its title, its question, the guess and the reflection it asks."""

    key: str
    title: str
    question: str
    guess: str
    reflection: str
    notebook: str

    def heading(self) -> str:
        return _(self.title)

    def asks(self) -> str:
        return _(self.question)


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "accounts",
        N_("Your accounts"),
        N_("Are your customers all alike, or do a few carry your business?"),
        "top20",
        "start",
        "00-start-here",
    ),
    Lesson(
        "pareto",
        N_("Pareto curve"),
        N_("How concentrated is your business, in revenue and in profit?"),
        "pareto",
        "pareto",
        "02-see-your-pareto-curve",
    ),
    Lesson(
        "tiers",
        N_("Tiers"),
        N_("Where do you draw the lines between A, B and C?"),
        "tiers",
        "tiers",
        "03-tune-your-tiers",
    ),
    Lesson(
        "time",
        N_("Your time"),
        N_("Does your time go where your value is, or to the customers you like?"),
        "time",
        "time",
        "04-where-your-time-goes",
    ),
    Lesson(
        "cost",
        N_("What C costs"),
        N_("What do your smallest accounts really cost you?"),
        "cost",
        "cost",
        "05-what-c-accounts-cost",
    ),
    Lesson(
        "growth",
        N_("Growth in B"),
        N_("Which few B accounts are worth more of your time?"),
        "growth",
        "growth",
        "06-find-growth-in-b",
    ),
    Lesson(
        "week",
        N_("Your week"),
        N_("What does a week look like with 80% of your selling time for A?"),
        "week",
        "week",
        "07-plan-your-week",
    ),
    Lesson(
        "plan",
        N_("Your plan"),
        N_("What will you do differently from next week, and how will you know it works?"),
        "plan",
        "commit",
        "08-your-action-plan",
    ),
)
BY_KEY = MappingProxyType({lesson.key: lesson for lesson in LESSONS})
