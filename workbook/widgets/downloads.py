"""Downloads made in the browser session: the file is built in the kernel's memory and handed to
the browser as a data link, so a participant's data is never written to the server's disk."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

import ipywidgets as widgets

from workbook.widgets.base import MessageArea, guarded

MIME_TYPES = {
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ics": "text/calendar",
    ".md": "text/markdown",
    ".html": "text/html",
}


def data_link(content: bytes, filename: str, label: str) -> str:
    """Return an HTML link that downloads ``content`` as ``filename`` (no server round trip)."""
    suffix = filename[filename.rfind(".") :].lower()
    mime = MIME_TYPES.get(suffix, "application/octet-stream")
    encoded = base64.b64encode(content).decode("ascii")
    return (
        f"<a class='wb-download' download='{html.escape(filename)}' "
        f"href='data:{mime};base64,{encoded}' style='font-weight:600'>⬇ {html.escape(label)}</a> "
        f"<span class='wb-note'>({len(content) / 1024:,.0f} KB)</span>"
    )


class Download:
    """A button that builds a file on demand, then shows the link that saves it.

    Building on demand keeps slider moves fast: nothing is written until someone asks.
    """

    def __init__(
        self,
        label: str,
        filename: Callable[[], str],
        build: Callable[[], bytes],
        message: MessageArea,
    ):
        self.label, self.filename, self.build = label, filename, build
        self.button = widgets.Button(
            description=f"Prepare {label}", layout=widgets.Layout(width="auto")
        )
        self.link = widgets.HTML()
        self.button.on_click(guarded(message)(self._prepare))
        self.view = widgets.HBox(
            [self.button, self.link], layout=widgets.Layout(align_items="center")
        )

    def _prepare(self, _button=None) -> None:
        self.link.value = data_link(self.build(), self.filename(), f"Download {self.label}")

    def stale(self) -> None:
        """Forget the prepared file (the settings changed since)."""
        self.link.value = ""
