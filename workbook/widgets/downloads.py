"""Downloads made in the browser session: the file is built in the kernel's memory when the
button is pressed and handed to the browser, so a participant's data is never written to the
server's disk. ``data_link`` makes a plain link instead, for a page without widgets."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

from workbook.widgets.base import MessageArea
from workbook.widgets.browser import MIME_TYPES, DownloadButton


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
    """A button that builds a file when pressed and saves it in the browser (one press).

    Building on press keeps slider moves fast: nothing is built until someone asks.
    ``content()`` returns what a press would save (name and bytes).
    """

    def __init__(
        self,
        label: str,
        filename: Callable[[], str],
        build: Callable[[], bytes],
        message: MessageArea,
    ):
        self.label = label
        self.button = DownloadButton(label, filename, build, on_error=message.show_error)
        self.view = self.button

    def content(self) -> tuple[str, bytes]:
        """Return the file's name and bytes, as a press would build them."""
        return self.button.content()

    def stale(self) -> None:
        """Nothing to forget: each press builds the file from the settings of that moment."""
