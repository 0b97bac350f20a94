"""The reflection questions of the guided notebooks, and where each answer goes in the action plan.

Each notebook asks one question (08 asks three); the answers are kept by key, so
``08-your-action-plan`` can gather them, say which are still missing, and which notebook asks
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from workbook.i18n import N_, _

#: The action plan's sections, in order (in English: translated where shown, ``_(COMMIT)``).
LEARNED = N_("What I learned about my accounts")
COMMIT = N_("What I commit to")
STOP = N_("What I stop doing")
MEASURE = N_("What I measure in a month")
SECTIONS = (LEARNED, COMMIT, STOP, MEASURE)


@dataclass(frozen=True)
class Prompt:
    """A reflection question: its key, the notebook that asks it, its section of the plan."""

    key: str
    notebook: str
    section: str
    asked: str  # in English; ``question`` is the current language's
    example: str = ""

    @property
    def question(self) -> str:
        """The question, in the current language."""
        return _(self.asked)

    @property
    def placeholder(self) -> str:
        """An example answer, in the current language ("" when there is none)."""
        return _(self.example) if self.example else ""


PROMPTS = MappingProxyType(
    {
        p.key: p
        for p in (
            Prompt(
                "start",
                "00-start-here",
                LEARNED,
                N_(
                    "How do you decide today which customer to call or visit next? Be honest: "
                    "habit, who calls you, who you enjoy seeing?"
                ),
                N_("e.g. I visit whoever is on my way and answer whoever calls first."),
            ),
            Prompt(
                "data",
                "01-load-your-accounts",
                MEASURE,
                N_(
                    "What does your export leave out (profit, visits or hours, service calls, "
                    "potential)? Where can you get it, so that next month's check is complete?"
                ),
                N_("e.g. Hours are not in the CRM: I will log my visits there from Monday."),
            ),
            Prompt(
                "pareto",
                "02-see-your-pareto-curve",
                LEARNED,
                N_(
                    "What surprised you in your Pareto curve? Which account in your top 20% had "
                    "you not thought of as a key account?"
                ),
                N_("e.g. Two of my top ten I visit only when they call."),
            ),
            Prompt(
                "tiers",
                "03-tune-your-tiers",
                LEARNED,
                N_("Which thresholds did you settle on, and why do they fit your territory?"),
                N_("e.g. A = top 15%: the 16th account is much smaller than the 15th."),
            ),
            Prompt(
                "time",
                "04-where-your-time-goes",
                STOP,
                N_(
                    "Which accounts get your time because you like them, not because of what they "
                    "bring? What will you do with those hours instead?"
                ),
                N_("e.g. Lunch visits to Fjordkafé: once a quarter instead of monthly."),
            ),
            Prompt(
                "cost",
                "05-what-c-accounts-cost",
                STOP,
                N_(
                    "Which C accounts will you hand to inside sales, e-mail or the web shop, and "
                    "how will you tell them?"
                ),
                N_("e.g. The 20 smallest: a letter introducing inside sales and the web shop."),
            ),
            Prompt(
                "growth",
                "06-find-growth-in-b",
                COMMIT,
                N_(
                    "Which two or three B accounts will you invest time in, and what will you "
                    "offer them?"
                ),
                N_("e.g. Berg Elektro: a meeting about their new site in March."),
            ),
            Prompt(
                "week",
                "07-plan-your-week",
                COMMIT,
                N_(
                    "Which days or half-days will you block for A accounts, and what changes for "
                    "your C accounts?"
                ),
                N_("e.g. Tuesday and Thursday mornings for A; C orders go to the web shop."),
            ),
            Prompt(
                "commit",
                "08-your-action-plan",
                COMMIT,
                N_("What will you do differently from next week? Name the accounts and the days."),
                N_("e.g. Book business reviews with my five biggest accounts before the 15th."),
            ),
            Prompt(
                "stop",
                "08-your-action-plan",
                STOP,
                N_("What will you stop doing, or hand over to someone else?"),
                N_("e.g. Driving out for small complaints: inside sales calls them back."),
            ),
            Prompt(
                "measure",
                "08-your-action-plan",
                MEASURE,
                N_("What will you look at in a month to know it is working?"),
                N_("e.g. Hours on A accounts in my calendar, and orders from the A accounts."),
            ),
            Prompt(
                "change",
                "09-since-last-period",
                COMMIT,
                N_(
                    "Which account that slipped a tier or was lost will you call first, and what "
                    "will you ask them?"
                ),
                N_("e.g. Fjellmat ASA fell from A to B: ask what they now buy elsewhere."),
            ),
        )
    }
)


def prompts_of(notebook: str) -> list[Prompt]:
    """Return the prompts a notebook asks, in order.

    Examples
    --------
    >>> [p.key for p in prompts_of("08-your-action-plan")]
    ['commit', 'stop', 'measure']
    >>> prompts_of("04-where-your-time-goes")[0].section
    'What I stop doing'
    """
    return [p for p in PROMPTS.values() if p.notebook == notebook]
