"""One step of the app's course: its question, a guess before the figure, your own figure next to
your guess, the step's panel, and a reflection.

The panel is made only once the participant has guessed (or skipped), so no figure is shown
before the guess. The step's state (the guess, whether it was answered, the reflection) is plain
data the app keeps in the participant's browser and gives back after a reload.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import ipywidgets as widgets

from workbook.coaching.lessons import GUESSES, Lesson, Results
from workbook.coaching.prompts import PROMPTS
from workbook.i18n import _
from workbook.widgets.base import MessageArea, guarded, message_html
from workbook.widgets.exercises import feedback, guess_range
from workbook.widgets.style import SPINNER


class LessonStep:
    """A step of the course in the app.

    Parameters
    ----------
    number : int
        The step's number (1 for the first).
    lesson : Lesson
        What the step asks (``workbook.coaching.lessons``).
    results : callable
        Returns the ``Results`` of the participant's accounts as they stand now.
    make_panel : callable
        Returns the step's panel (an object with ``.view``), made when the guess is done.
    on_change : callable
        Called after the participant guessed, skipped or wrote their reflection.
    """

    def __init__(
        self,
        number: int,
        lesson: Lesson,
        *,
        results: Callable[[], Results],
        make_panel: Callable[[], object] | None,
        on_change: Callable[[], None],
        extra: Callable[[], list] | None = None,
    ):
        self.lesson, self.results, self.make_panel = lesson, results, make_panel
        self.on_change, self.extra = on_change, extra
        self.guess = GUESSES[lesson.guess]
        self.panel = None
        self.answered = self.skipped = False
        self.message = MessageArea()
        self.header = widgets.HTML(
            f"<div class='wb-step'>{html.escape(_('Step {n}').format(n=number))} · "
            f"{html.escape(lesson.heading())}</div>"
            f"<div class='wb-question'>{html.escape(lesson.asks())}</div>"
        )
        self.slider = widgets.FloatSlider(
            description=_("Your guess"),
            continuous_update=True,
            style={"description_width": "90px"},
            layout=widgets.Layout(width="460px"),
        )
        self.check = widgets.Button(description=_("Check my guess"), button_style="primary")
        self.skip = widgets.Button(description=_("Skip the guess"))
        self.check.on_click(guarded(self.message)(self._on_check))
        self.skip.on_click(guarded(self.message)(self._on_skip))
        self.prompt = widgets.HTML()
        self.asking = widgets.VBox(
            [self.prompt, widgets.HBox([self.slider, self.check, self.skip])]
        )
        self.answer = widgets.HTML()
        self.body = widgets.VBox()
        prompt = PROMPTS[lesson.reflection]
        self.reflection = widgets.Textarea(
            placeholder=prompt.placeholder,
            continuous_update=False,
            layout=widgets.Layout(width="680px", height="80px"),
        )
        self.reflection.observe(guarded(self.message)(lambda _c: self.on_change()), "value")
        self.reflect = widgets.VBox(
            [
                widgets.HTML(
                    "<div class='wb-figure'><b>"
                    + html.escape(_("Reflect:"))
                    + "</b> "
                    + html.escape(prompt.question)
                    + "</div>"
                ),
                self.reflection,
                widgets.HTML(
                    "<span class='wb-note'>"
                    + html.escape(
                        _("Kept in this browser for your plan; nothing goes to the server.")
                    )
                    + "</span>"
                ),
            ],
            layout=widgets.Layout(display="none"),
        )
        self.view = widgets.VBox(
            [self.header, self.asking, self.message, self.answer, self.body, self.reflect],
            layout=widgets.Layout(max_width="1100px"),
        )
        self.asked = False

    # --- the guess ----------------------------------------------------------------------------
    def figure(self) -> float:
        """The answer from the participant's own data (NaN when the data cannot give it)."""
        return self.guess.answer(self.results())

    def ask(self) -> None:
        """Set up the guess (once): its range depends on the answer, worked out only now, when
        the step is first shown."""
        if self.asked:
            return
        self.asked = True
        answer = self.figure()
        self.prompt.value = (
            "<div class='wb-figure'><b>"
            + html.escape(_("Guess first:"))
            + "</b> "
            + html.escape(self.guess.text())
            + "</div>"
        )
        if math.isnan(answer):
            self.slider.layout.display = self.check.layout.display = "none"
            self.skip.description = _("Continue")
            self.prompt.value += message_html(
                _("Your data cannot answer this one: {why}").format(why=self.guess.why_missing()),
                "info",
            )
            return
        low, high, step = guess_range(self.guess.kind, answer)
        self.slider.max = max(self.slider.max, high)
        self.slider.min, self.slider.max, self.slider.step = low, high, step
        self.slider.readout_format = ".0%" if self.guess.kind == "share" else ",.0f"
        self.slider.value = (low + high) / 2 if self.guess.kind == "share" else 0

    def _on_check(self, _button=None) -> None:
        self.ask()
        self.answered, self.skipped = True, False
        self._reveal()
        self.on_change()

    def _on_skip(self, _button=None) -> None:
        self.answered, self.skipped = True, True
        self._reveal()
        self.on_change()

    def _reveal(self) -> None:
        answer = self.figure()
        self.asking.layout.display = "none"
        if math.isnan(answer):
            self.answer.value = ""
        elif self.skipped:
            self.answer.value = message_html(
                _("Your figure: {answer}. {explain}").format(
                    answer=_shown(answer, self.guess.kind), explain=self.guess.explanation()
                ),
                "info",
            )
        else:
            high = guess_range(self.guess.kind, answer)[1]
            text, level = feedback(
                self.slider.value,
                answer,
                tolerance=0.05 if self.guess.kind == "share" else max(0.1 * answer, high / 100),
                kind=self.guess.kind,
                explain=self.guess.explanation(),
            )
            self.answer.value = message_html(text, level)
        self._show_panel()
        self.reflect.layout.display = None

    def _show_panel(self) -> None:
        if self.panel is None and self.make_panel is not None:
            self.body.children = [widgets.HTML(SPINNER.format(text=_("Working it out …")))]
            self.panel = self.make_panel()
        parts = [] if self.panel is None else [self.panel.view]
        if self.extra is not None:
            parts += self.extra()
        self.body.children = parts

    # --- what is kept -------------------------------------------------------------------------
    def state(self) -> dict:
        """The step as plain data: the guess, whether it was answered or skipped, the reflection."""
        return {
            "guess": self.slider.value,
            "answered": self.answered,
            "skipped": self.skipped,
            "reflection": self.reflection.value,
        }

    def restore(self, state: dict) -> None:
        """Show the step as it was kept (a reload gives the answers back)."""
        self.ask()
        if isinstance(state.get("guess"), int | float):
            self.slider.value = min(max(float(state["guess"]), self.slider.min), self.slider.max)
        if isinstance(state.get("reflection"), str):
            self.reflection.value = state["reflection"]
        if state.get("answered"):
            self.answered, self.skipped = True, bool(state.get("skipped"))
            self._reveal()

    def guess_and_figure(self) -> tuple[float | None, float]:
        """Return the participant's guess (None when skipped or not made) and the figure."""
        guessed = self.answered and not self.skipped and not math.isnan(self.figure())
        return (self.slider.value if guessed else None), self.figure()


def _shown(value: float, kind: str) -> str:
    from workbook import formatting as fmt

    return fmt.share(value) if kind == "share" else fmt.number(value)
