"""Exercises: predict before you look, then check yourself; reflections you type and keep.

Answers typed in the notebooks are kept in a small JSON file in the reports folder (your own
machine), so ``08-your-action-plan`` can gather them. In the Voilà app nothing a participant types
is written to the server: the store lives in their kernel's memory and goes into their download.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from pathlib import Path

import ipywidgets as widgets

from workbook import formatting as fmt
from workbook import paths
from workbook.coaching.lessons import GUESSES, Results
from workbook.coaching.self_check import is_known
from workbook.i18n import _
from workbook.widgets.base import MessageArea, guarded, message_html

DEFAULT_ANSWERS = paths.REPORTS_DIR / "my-answers.json"


class AnswerStore:
    """Typed answers by key, in a JSON file (notebooks) or only in memory (path None: the app)."""

    def __init__(self, path: str | Path | None = DEFAULT_ANSWERS):
        self.path = Path(path) if path else None
        self._answers: dict[str, dict] = {}
        if self.path and self.path.is_file():
            try:
                self._answers = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._answers = {}  # an unreadable file is replaced at the next save

    @classmethod
    def for_notebook(cls, answers_path: str = "") -> AnswerStore:
        """Return the store a notebook uses: ``answers_path``, or the default file when empty."""
        return cls(Path(answers_path).expanduser() if answers_path.strip() else DEFAULT_ANSWERS)

    def get(self, key: str) -> str:
        return self._answers.get(key, {}).get("text", "")

    def prompt(self, key: str) -> str:
        return self._answers.get(key, {}).get("prompt", "")

    def keys(self) -> list[str]:
        return list(self._answers)

    def set(self, key: str, text: str, *, prompt: str = "") -> None:
        """Keep ``text`` under ``key`` (and write the file, when there is one)."""
        self._answers[key] = {
            "text": text,
            "prompt": prompt,
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
        }
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps(self._answers, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            temporary.replace(self.path)


def feedback(
    guess: float, answer: float, *, tolerance: float, kind: str, explain: str
) -> tuple[str, str]:
    """Return (text, kind of message) comparing a guess with the answer.

    Examples
    --------
    >>> feedback(0.5, 0.77, tolerance=0.05, kind="share", explain="")[0]
    'You guessed 50%; your figure is 77%. You were 27 points under.'
    """
    shown = fmt.share if kind == "share" else fmt.number
    gap = guess - answer
    if abs(gap) <= tolerance:
        text = _("Well judged: you guessed {guess} and your figure is {answer}.").format(
            guess=shown(guess), answer=shown(answer)
        )
        level = "success"
    else:
        size = fmt.points(gap) if kind == "share" else shown(abs(gap))
        text = (
            _("You guessed {guess}; your figure is {answer}. You were {size} under.")
            if gap < 0
            else _("You guessed {guess}; your figure is {answer}. You were {size} over.")
        ).format(guess=shown(guess), answer=shown(answer), size=size)
        level = "info"
    return (f"{text} {explain}".strip(), level)


def guess_range(kind: str, answer: float) -> tuple[float, float, float]:
    """Return a guess slider's (low, high, step): 0–100% for a share; for a count, 0 to a round
    number well above the answer (so the range gives nothing away).

    Examples
    --------
    >>> guess_range("share", 0.77), guess_range("count", 22.08)
    ((0.0, 1.0, 0.01), (0.0, 100.0, 1.0))
    """
    if kind == "share":
        return 0.0, 1.0, 0.01
    high = round_up(float(answer) * 3)
    return 0.0, high, high / 100


class Prediction:
    """Guess a figure on a slider, then check it against your own data.

    Parameters
    ----------
    question : str
    answer : float
        The true figure (computed from the person's data, not shown until they check).
    kind : {"share", "count"}, default "share"
    low, high, step : float
        The slider's range.
    tolerance : float, default 0.05
        How close counts as "well judged".
    explain : str, default ""
        What the answer means; shown with the feedback.
    """

    def __init__(
        self,
        question: str,
        answer: float,
        *,
        kind: str = "share",
        low: float = 0.0,
        high: float = 1.0,
        step: float = 0.01,
        tolerance: float = 0.05,
        explain: str = "",
    ):
        self.answer, self.kind, self.tolerance, self.explain = answer, kind, tolerance, explain
        self.guess = widgets.FloatSlider(
            value=(low + high) / 2,
            min=low,
            max=high,
            step=step,
            readout_format=".0%" if kind == "share" else ",.0f",
            description=_("Your guess"),
            layout=widgets.Layout(width="460px"),
        )
        self.check = widgets.Button(description=_("Check my guess"), button_style="primary")
        self.message = MessageArea()
        self.check.on_click(guarded(self.message)(self._check))
        self.view = widgets.VBox(
            [
                widgets.HTML(
                    f"<div class='wb-figure'><b>{html.escape(_('Predict:'))}</b> "
                    f"{html.escape(question)}</div>"
                ),
                widgets.HBox([self.guess, self.check]),
                self.message,
            ]
        )

    def _check(self, _button=None) -> None:
        text, level = feedback(
            self.guess.value,
            self.answer,
            tolerance=self.tolerance,
            kind=self.kind,
            explain=self.explain,
        )
        self.message.value = message_html(text, level)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


class Reflection:
    """A question to answer in your own words; the answer is kept for the action plan."""

    def __init__(self, key: str, prompt: str, store: AnswerStore, *, placeholder: str = ""):
        self.key, self.prompt, self.store = key, prompt, store
        self.text = widgets.Textarea(
            value=store.get(key),
            placeholder=placeholder,
            layout=widgets.Layout(width="640px", height="90px"),
        )
        self.save = widgets.Button(description=_("Keep my answer"), button_style="success")
        self.message = MessageArea()
        self.save.on_click(guarded(self.message)(self._save))
        where = (
            _("Kept for your action plan.")
            if store.path is None
            else _("Kept in {file} for your action plan.").format(file=store.path.name)
        )
        self.view = widgets.VBox(
            [
                widgets.HTML(
                    f"<div class='wb-figure'><b>{html.escape(_('Reflect:'))}</b> "
                    f"{html.escape(prompt)}</div>"
                ),
                self.text,
                widgets.HBox(
                    [
                        self.save,
                        widgets.HTML(f"<span class='wb-note'>{html.escape(where)}</span>"),
                    ]
                ),
                self.message,
            ]
        )

    def _save(self, _button=None) -> None:
        if not self.text.value.strip():
            self.message.show(_("Write a sentence or two first."), "warning")
            return
        self.store.set(self.key, self.text.value.strip(), prompt=self.prompt)
        self.message.show(
            _("Kept. You will find it again in {notebook}.").format(notebook="08-your-action-plan"),
            "success",
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def predict(
    *,
    question: str,
    answer: float | None,
    kind: str = "share",
    explain: str = "",
    missing: str = "",
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
    missing : str, default ""
        What to say when there is no answer.
    """
    if not is_known(answer):
        why = missing or _("your data cannot answer it.")
        return widgets.HTML(
            message_html(_("Guess first: {question} — {why}").format(question=question, why=why))
        )
    low, high, step = guess_range(kind, float(answer))
    exercise = Prediction(
        question,
        float(answer),
        kind=kind,
        low=low,
        high=high,
        step=step,
        tolerance=0.05 if kind == "share" else max(0.1 * float(answer), high / 100),
        explain=explain,
    )
    if kind == "count":
        exercise.guess.value = 0
    return exercise


def ask(key: str, results: Results) -> Prediction | widgets.HTML:
    """Return the course's guess ``key`` (``workbook.coaching.lessons.GUESSES``) on your data:
    the same question, explanation and figure as the app's step."""
    guess = GUESSES[key]
    return predict(
        question=guess.text(),
        answer=guess.answer(results),
        kind=guess.kind,
        explain=guess.explanation(),
        missing=guess.why_missing(),
    )


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
