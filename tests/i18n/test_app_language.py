"""The app speaks the chosen language: in the pseudo-language every text of every step (buttons,
sliders, options, tables, sentences) comes out marked; only the data's own words are left."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from pseudo import data_words, untranslated, visible_text

from workbook.coaching.lessons import LESSONS
from workbook.widgets import WorkbookApp

KEYS = [lesson.key for lesson in LESSONS]
#: The traits of a widget a person reads (a Text's value is what they typed).
READ = ("description", "placeholder", "tooltip", "button_style_text")


def texts(widget: widgets.Widget, seen: set[int] | None = None):
    """Yield every text a person reads in a widget tree."""
    seen = set() if seen is None else seen
    if id(widget) in seen:
        return
    seen.add(id(widget))
    if isinstance(widget, widgets.HTML | widgets.Label | widgets.HTMLMath):
        yield visible_text(widget.value)
    for name in READ:
        value = getattr(widget, name, None)
        if isinstance(value, str) and value:
            yield value
    if hasattr(widget, "_options_labels"):
        yield from widget._options_labels
    if isinstance(widget, widgets.Tab | widgets.Accordion):
        yield from (str(title) for title in widget.titles if title)
    for child in getattr(widget, "children", ()) or ():
        yield from texts(child, seen)


def walk_the_course(app: WorkbookApp, *, guess: bool) -> None:
    """Open every step, answering its guess (the middle of the slider) or skipping it."""
    for key in KEYS:
        app.tabs.selected_index = KEYS.index(key)
        step = app.lessons.get(key)
        if step is None or not hasattr(step, "skip"):
            continue
        if guess and getattr(step, "slider", None) is not None:
            step.check.click()
        else:
            step.skip.click()


@pytest.mark.slow
@pytest.mark.parametrize("guess", [True, False], ids=["guessed", "skipped"])
def test_every_text_of_the_app_is_translated(guess):
    app = WorkbookApp(language="qps")
    walk_the_course(app, guess=guess)
    assert app.message.value == ""
    allowed = data_words(app.accounts) | {"sample_accounts"}
    left = {}
    for text in texts(app.view):
        words = untranslated(text, allowed)
        # Dates are Babel's, in the pseudo-language's (English) locale: "7 Dec 2026".
        words = [w for w in words if w not in {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                               "Aug", "Sep", "Oct", "Nov", "Dec"}]  # fmt: skip
        if words:
            left[" ".join(text.split())[:120]] = words
    assert not left, "\n".join(f"{words}: {text}" for text, words in left.items())


def test_the_norwegian_app_speaks_norwegian():
    app = WorkbookApp(language="nb")
    labels = list(texts(app.upload.view))
    assert "Last opp filen din" in labels or any("Last opp" in label for label in labels)
    assert any("kunder" in label for label in labels)
