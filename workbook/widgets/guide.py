"""What the guided notebooks share: opening your book, checking a file, exercises from your data.

- :func:`open_book` reads the file, chooses the salesperson and tiers the accounts; a file that
  cannot be used stops the notebook with its problems, not a traceback.
- :func:`about` says in two lines what was opened.
- :func:`check_file` shows what the workbook understood of a file, or every problem in it.
- :func:`changed_tiers` and :func:`settings_to_copy` say what moved on the sliders and how to
  carry the thresholds into the next notebooks.
- :func:`predict` and :func:`reflect` are the exercises: a guess checked against your own data
  (or a note when your data cannot answer it), and a question whose answer is kept.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from workbook import charts, loading, paths
from workbook.analysis import assign_tiers, compare_tierings
from workbook.analysis.book import Book, read_book
from workbook.coaching.prompts import PROMPTS
from workbook.coaching.self_check import is_known
from workbook.errors import AccountDataError
from workbook.selection import owners, select_owner
from workbook.widgets.base import MessageArea, message_html
from workbook.widgets.exercises import AnswerStore, Prediction, Reflection
from workbook.widgets.style import figure_html, stylesheet
from workbook.widgets.upload import columns_used, describe

#: What each optional column lets the workbook show, for a file that lacks it.
COLUMN_USES = {
    "gross_profit": "the profit curve (02) and what accounts cost to serve (05)",
    "visits": "where your time goes (04), with selling_hours",
    "service_requests": "the cost of small service calls (05)",
    "potential": "the room to grow of your B accounts (06)",
    "revenue_prev": "recent growth of your B accounts (06)",
}
BIGGEST_COLUMNS = {
    "rank": ("Rank", "count"),
    "account": ("Account", "text"),
    "tier": ("Tier", "text"),
    "revenue": ("Revenue", "money"),
    "gross_profit": ("Gross profit", "money"),
}


class _ShownPlainly:
    """An error a notebook shows as its message only: the reader needs what to fix, not where in
    the workbook's code it was noticed (IPython shows ``_render_traceback_`` instead)."""

    advice = ""

    def _render_traceback_(self) -> list[str]:
        return [str(self), "", self.advice]


class FileRefused(_ShownPlainly, AccountDataError):
    """The file (or the owner chosen) cannot be used; the cells below wait until it can."""

    advice = (
        "The cells below need your accounts: fix the file or the owner in the parameters "
        "cell, then run the notebook again. 01-load-your-accounts shows what was read."
    )


class SettingRefused(_ShownPlainly, ValueError):
    """A value in the parameters cell cannot be used."""

    advice = "Change it in the parameters cell at the top, then run the notebook again."


def shown_plainly(read: Callable[..., Book]) -> Callable[..., Book]:
    """Return ``read`` raising FileRefused and SettingRefused, which a notebook shows as their
    message alone, instead of AccountDataError and ValueError."""

    @functools.wraps(read)
    def call(*args, **kwargs) -> Book:
        try:
            return read(*args, **kwargs)
        except AccountDataError as error:
            raise FileRefused(error.problems, file=error.file) from None
        except ValueError as error:
            raise SettingRefused(str(error)) from None

    return call


#: Your accounts, tiered, as ``workbook.analysis.book.read_book`` reads them; a file or a
#: setting that cannot be used stops the notebook with its problems and no traceback.
open_book = shown_plainly(read_book)


def whose(book: Book) -> str:
    """Return whose accounts these are and where they come from, in one sentence.

    Examples
    --------
    >>> from workbook.analysis.book import EXAMPLE_CSV
    >>> print(whose(read_book(("kunder.csv", EXAMPLE_CSV))))
    5 accounts of 2 salespeople (Kari, Per), from kunder.csv. Set owner in the parameters cell
    to look at one of them.
    >>> whose(read_book(("kunder.csv", EXAMPLE_CSV), owner="per"))
    "Per's 1 account, from kunder.csv."
    """
    n = len(book.accounts)
    names = book.owners
    where = "the sample file " if book.is_sample else ""
    source = f"from {where}{book.loaded.file}"
    if book.salesperson:
        text = f"{book.salesperson}'s {n:,} account{'s' * (n != 1)}, {source}."
    elif len(names) > 1:
        text = (
            f"{n:,} accounts of {len(names)} salespeople ({', '.join(names)}), {source}. "
            "Set owner in the parameters cell to look at one of them."
        )
    else:
        text = f"{n:,} accounts, {source}."
    if book.loaded.period:
        start, end = (f"{day.day} {day:%b %Y}" for day in book.loaded.period)
        text += f" Order lines from {start} to {end}, added up per customer."
    return text


def rule_text(book: Book) -> str:
    """Return how the accounts were tiered, in words.

    Examples
    --------
    >>> from workbook.analysis.book import EXAMPLE_CSV
    >>> rule_text(read_book(("kunder.csv", EXAMPLE_CSV)))
    'Ranked by revenue: A = the top 20% of accounts, C = the bottom 25%, B = the rest.'
    >>> print(rule_text(read_book(("kunder.csv", EXAMPLE_CSV), method="value_share", a=0.7)))
    Ranked by revenue: A = the top accounts until 70% of the value, B = on until 95%,
    C = the rest.
    """
    t = book.thresholds
    rule = (
        f"A = the top {t.a:.0%} of accounts, C = the bottom {t.c:.0%}, B = the rest"
        if t.method == "account_share"
        else f"A = the top accounts until {t.a:.0%} of the value, B = on until {t.b:.0%}, "
        "C = the rest"
    )
    return f"Ranked by {charts.metric_label(book.metric)}: {rule}."


def about(book: Book) -> widgets.HTML:
    """Return what was opened: whose accounts, how they are tiered, and any notes from reading.

    How much each tier brings is left to the lessons: each asks for a guess before showing it.
    """
    notes = ""
    if book.loaded.warnings:
        notes = message_html(
            "Read, with notes (01-load-your-accounts explains them):",
            "warning",
            details=book.loaded.warnings[:10],
        )
    return widgets.HTML(
        stylesheet().value
        + figure_html(whose(book))
        + f"<div class='wb-note'>{rule_text(book)}</div>"
        + notes
    )


def changed_tiers(*, before: pd.DataFrame, after: pd.DataFrame) -> widgets.HTML:
    """Return which accounts changed tier between two tierings, and how many moved each way."""
    moves = compare_tierings(before, after)
    if not len(moves):
        return widgets.HTML(
            message_html(
                "No account has changed tier: move a slider above, then run this cell again.",
                "info",
            )
        )
    counts = moves.groupby(["from", "to"], observed=True).size()
    ways = "; ".join(f"{n} from {source} to {target}" for (source, target), n in counts.items())
    columns = {"account": ("Account", "text"), "from": ("From", "text"), "to": ("To", "text")}
    return widgets.HTML(
        stylesheet().value
        + figure_html(f"{len(moves)} accounts changed tier: {ways}.")
        + charts.html_table(moves, columns, tier_column=None, max_rows=20)
    )


def parameter_lines(settings: Mapping[str, object]) -> str:
    """Return tier settings as lines for a parameters cell (the shared names and annotations).

    Examples
    --------
    >>> settings = {"metric": "revenue", "method": "account_share", "a": 0.15000000000000002}
    >>> print(parameter_lines({**settings, "c": 0.3}))
    metric: str = "revenue"
    method: str = "account_share"
    a: float = 0.15
    c: float = 0.3
    """
    lines = []
    for name, value in settings.items():
        if isinstance(value, str):
            lines.append(f'{name}: str = "{value}"')
        else:
            lines.append(f"{name}: float = {round(float(value), 4)!r}")
    return "\n".join(lines)


def settings_to_copy(settings: Mapping[str, object]) -> widgets.HTML:
    """Return the tier settings as lines to paste into the next notebooks' parameters cells."""
    return widgets.HTML(
        stylesheet().value
        + "<div class='wb-note'>Replace these lines in the parameters cell of the next "
        "notebooks:</div>"
        + f"<pre style='font-size:13px;margin:4px 0'>{html.escape(parameter_lines(settings))}</pre>"
    )


def missing_columns(columns: list[str] | pd.Index) -> list[str]:
    """Return, for each optional column a file lacks, what it would let the workbook show.

    Examples
    --------
    >>> for line in missing_columns(["account", "revenue", "gross_profit", "selling_hours"]):
    ...     print(line)
    service_requests: the cost of small service calls (05)
    potential: the room to grow of your B accounts (06)
    revenue_prev: recent growth of your B accounts (06)
    """
    present = set(columns)
    if "selling_hours" in present:
        present.add("visits")  # either one tells where the time goes
    return [f"{name}: {use}" for name, use in COLUMN_USES.items() if name not in present]


class FileCheck:
    """What the workbook understood of a file, or every problem it found, ready to display.

    Attributes
    ----------
    result : LoadResult or None
        The file as read (None when it was refused).
    accounts : pandas.DataFrame or None
        The chosen salesperson's accounts, tiered by revenue (None when refused).
    """

    def __init__(self, source, *, owner: str = ""):
        self.result = self.accounts = None
        message = MessageArea()
        parts = []
        try:
            self.result = loading.load(source)
            chosen = select_owner(self.result.accounts, owner)
            self.accounts = assign_tiers(chosen)  # the default tiers: a first look
        except AccountDataError as error:
            message.show_error(error)
            parts.append(message.value)
        if self.result is not None:
            parts.append(self._understood(owner))
        self.view = widgets.HTML(stylesheet().value + "".join(parts))

    def _understood(self, owner: str) -> str:
        result = self.result
        parts = [describe(result), columns_used(result)]
        if result.dropped_rows:
            parts.append(
                message_html(
                    "Rows left out:",
                    "info",
                    details=[f"row {d['row']}: {d['reason']}" for d in result.dropped_rows[:10]],
                )
            )
        if result.warnings:
            parts.append(message_html("Notes:", "warning", details=result.warnings[:20]))
        lacking = missing_columns(result.accounts.columns)
        if lacking:
            parts.append(
                message_html("Not in this file, and what it would add:", "info", details=lacking)
            )
        names = owners(result.accounts)
        if len(names) > 1 and not owner:
            parts.append(
                message_html(
                    f"{len(names)} salespeople are in this file ({', '.join(names)}). Set owner in "
                    "the parameters cell to work on one salesperson's accounts.",
                    "info",
                )
            )
        if owner and self.accounts is not None:
            chosen = owners(self.accounts)[0]
            parts.append(
                message_html(
                    f"Below: {chosen}'s {len(self.accounts):,} accounts only (owner in the "
                    "parameters cell).",
                    "info",
                )
            )
        if self.accounts is not None:
            shown = {k: v for k, v in BIGGEST_COLUMNS.items() if k in self.accounts.columns}
            parts.append(
                charts.html_table(
                    self.accounts.sort_values("rank"),
                    shown,
                    max_rows=10,
                    caption="Your ten biggest accounts, as read",
                )
            )
        return "".join(parts)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def check_file(
    *, accounts_path: str = "", owner: str = "", source: tuple[str, bytes] | None = None
) -> FileCheck:
    """Return what the workbook understood of a file (``source`` bytes, else ``accounts_path``)."""
    return FileCheck(
        source if source is not None else paths.resolve_accounts_path(accounts_path), owner=owner
    )


def predict(
    *,
    question: str,
    answer: float | None,
    kind: str = "share",
    explain: str = "",
    missing: str = "Your data cannot answer this question.",
) -> Prediction | widgets.HTML:
    """Return a guess checked against your data, or a note when your data cannot answer it.

    Parameters
    ----------
    question : str
    answer : float or None
        The figure from your data; None or NaN when it cannot be worked out.
    kind : {"share", "count"}, default "share"
        A share is guessed on a 0–100% slider. A count is guessed on a slider from 0 to a round
        number well above the answer, starting at 0 so it gives nothing away; within 10% of the
        answer counts as well judged.
    explain : str, default ""
        What the answer means (shown after the check).
    missing : str, default "Your data cannot answer this question."
        What to say when there is no answer.
    """
    if not is_known(answer):
        return widgets.HTML(message_html(f"Predict: {question} — {missing}", "info"))
    if kind == "share":
        return Prediction(question, float(answer), kind="share", explain=explain)
    high = round_up(float(answer) * 3)
    exercise = Prediction(
        question,
        float(answer),
        kind="count",
        low=0,
        high=high,
        step=high / 100,
        tolerance=max(0.1 * float(answer), high / 100),
        explain=explain,
    )
    exercise.guess.value = 0
    return exercise


def round_up(value: float) -> float:
    """Return the smallest of 1, 2, 5 × a power of ten that is at least ``value`` (10 at least).

    Examples
    --------
    >>> round_up(66.2), round_up(750), round_up(2), round_up(0)
    (100.0, 1000.0, 10.0, 10.0)
    """
    if value <= 10:
        return 10.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def reflect(*, key: str, store: AnswerStore) -> Reflection:
    """Return the reflection question ``key`` (see ``workbook.coaching.prompts``), kept in
    ``store`` for the action plan."""
    prompt = PROMPTS[key]
    return Reflection(key, prompt.question, store, placeholder=prompt.placeholder)
