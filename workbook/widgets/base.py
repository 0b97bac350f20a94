"""What every panel shares: a message area, callbacks that never leak a traceback, debouncing.

A panel lays out controls and charts and calls the pure functions of the lower layers. Errors
raised in a callback are caught and shown to the person as a plain message; the traceback goes to
the server's log (the kernel's stderr), never to the page.
"""

from __future__ import annotations

import asyncio
import functools
import html
import logging
import time
from collections.abc import Callable

import ipywidgets as widgets

from workbook import formatting as fmt
from workbook.errors import AccountDataError
from workbook.i18n import _, ngettext

log = logging.getLogger("workbook")

MESSAGE_STYLES = {
    "error": "background:#fdecea;border-left:4px solid #c0392b;color:#5c1a12",
    "warning": "background:#fff6e0;border-left:4px solid #e39b2d;color:#5a3d00",
    "info": "background:#e8f1fb;border-left:4px solid #1f5fa8;color:#10304f",
    "success": "background:#e7f5ec;border-left:4px solid #2e7d4f;color:#123d24",
}


def message_html(text: str, kind: str = "info", *, details: list[str] | None = None) -> str:
    """Return a message box as HTML (text escaped; ``details`` as a list under it)."""
    items = "".join(f"<li>{html.escape(d)}</li>" for d in details or [])
    listing = f"<ul style='margin:6px 0 0 18px;padding:0'>{items}</ul>" if items else ""
    return (
        f"<div class='wb-message wb-{kind}' role='status' style='{MESSAGE_STYLES[kind]};"
        f"padding:10px 14px;border-radius:4px;margin:6px 0'>{html.escape(text)}{listing}</div>"
    )


class OutOfMemory(Exception):
    """A step needed more memory than a participant's workbook may use; the text says what to do."""


def out_of_memory(error: BaseException | None) -> bool:
    """Whether ``error``, or an error it was raised from or while handling, is a ``MemoryError``.

    Examples
    --------
    >>> try:
    ...     try:
    ...         raise MemoryError
    ...     except MemoryError:
    ...         raise ValueError("cannot be read") from None
    ... except ValueError as error:
    ...     out_of_memory(error), out_of_memory(ValueError())
    (True, False)
    """
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, MemoryError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def memory_limit_text() -> str:
    """Return how much memory a participant's workbook may use, for a message (e.g. "1,500 MB")."""
    from workbook.app.kernel import allowance_mb

    return _("{size} MB").format(size=fmt.number(allowance_mb()))


class MessageArea(widgets.HTML):
    """Where a panel tells the person what went wrong, or what to look at."""

    def show(self, text: str, kind: str = "info", *, details: list[str] | None = None) -> None:
        self.value = message_html(text, kind, details=details)

    def show_error(self, error: BaseException) -> None:
        """Show ``error`` as a person can act on it; anything unexpected goes to the log."""
        if isinstance(error, OutOfMemory):
            self.show(str(error), "error")
        elif out_of_memory(error):
            log.warning("a workbook panel ran out of memory", exc_info=error)
            self.show(
                _(
                    "This needs more memory than a participant's workbook may use "
                    "({limit}), so it was stopped. The workbook goes on with what it showed "
                    "before."
                ).format(limit=memory_limit_text()),
                "error",
            )
        elif isinstance(error, AccountDataError):
            count = len(error.problems)
            more = count - 20
            self.show(
                ngettext(
                    "The data cannot be used as it is ({n} problem):",
                    "The data cannot be used as it is ({n} problems):",
                    count,
                ).format(n=fmt.number(count)),
                "error",
                details=[str(p) for p in error.problems[:20]]
                + (
                    [ngettext("… and {n} more", "… and {n} more", more).format(n=fmt.number(more))]
                    if more > 0
                    else []
                ),
            )
        elif isinstance(error, ValueError):
            self.show(str(error), "warning")
        else:
            log.exception("unexpected error in a workbook panel", exc_info=error)
            self.show(
                _(
                    "Something went wrong while updating this view. The numbers shown may be out "
                    "of date; try another setting, or reload the page. (The details are in the "
                    "server log.)"
                ),
                "error",
            )

    def clear(self) -> None:
        self.value = ""


def guarded(message: MessageArea) -> Callable[[Callable], Callable]:
    """Return a decorator that shows a callback's errors in ``message`` instead of raising."""

    def decorate(callback: Callable) -> Callable:
        @functools.wraps(callback)
        def run(*args, **kwargs):
            try:
                return callback(*args, **kwargs)
            except Exception as error:  # shown to the person; never a traceback in the page
                message.show_error(error)
                return None

        return run

    return decorate


class Debounced:
    """Run ``action`` at once when idle, and once more at the end of a burst with the last value.

    A slider dragged or held down sends a burst of values. The first runs immediately (no added
    delay for a single key press); later ones within ``wait`` seconds only re-arm a timer, so the
    burst ends with exactly one more run, for the final value, instead of a queue of stale ones.
    Without a running event loop (a script, papermill) every call runs at once.
    """

    def __init__(self, action: Callable[[], None], wait: float = 0.15):
        self.action = action
        self.wait = wait
        self._last = 0.0
        self._timer: asyncio.TimerHandle | None = None

    def __call__(self, *_ignored) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        now = time.monotonic()
        if loop is None or (now - self._last >= self.wait and self._timer is None):
            self._last = now
            self.action()
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = loop.call_later(self.wait, self._trailing)

    def _trailing(self) -> None:
        self._timer = None
        self._last = time.monotonic()
        self.action()


class Panel:
    """A view of the accounts with its own controls, charts, tables and message area.

    Subclasses build their controls in ``__init__``, draw in ``_draw()`` and call ``refresh()``
    when a control changes; ``show_accounts(tiered)`` gives the panel new accounts (e.g. after
    the tiers changed). Charts are offline ``JupyterChart`` widgets, replaced in place.
    """

    title = ""

    def __init__(self, tiered):
        from workbook.widgets.style import section, stylesheet

        self.tiered = tiered
        self.message = MessageArea()
        self._charts: dict = {}
        self.refresh = guarded(self.message)(self._redraw)
        title = _(self.title) if self.title else ""  # a title marked with N_ is translated here
        self.heading = widgets.VBox([stylesheet(), section(title)] if title else [])

    def show_accounts(self, tiered) -> None:
        """Show new accounts (with ``tier``); the panel's own settings stay as they are."""
        self.tiered = tiered
        self.refresh()

    def chart(self, name: str, chart):
        """Return the chart widget ``name`` showing ``chart``, made on first use, updated after."""
        from workbook.charts import interactive

        if name not in self._charts:
            self._charts[name] = interactive(chart)
        else:
            self._charts[name].chart = chart
        return self._charts[name]

    def _redraw(self, *_ignored) -> None:
        self.message.clear()
        self._draw()

    def _draw(self) -> None:  # pragma: no cover - every panel defines it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
