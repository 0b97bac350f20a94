"""A participant's page in the browser tests: open the app, find a step, upload as a person does."""

from __future__ import annotations

import time
from pathlib import Path

from workbook.widgets.app import STEPS

#: The first chart of the live page (the page shows a picture of the first view before it).
FIRST_CHART = "#rendered_cells .vega-embed svg, #rendered_cells .wb-chart svg"
#: The panel of the step that is open.
OPEN_PANEL = ".widget-tab-contents > .lm-Widget:not(.lm-mod-hidden)"


class Visit:
    """One participant's page, with every request that tried to leave this machine.

    ``times``: where to add the seconds the page took to its first live chart.
    """

    def __init__(self, browser, url: str, times: list[float] | None = None):
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._record)
        started = time.monotonic()
        self.page.goto(url)
        self.page.wait_for_selector(FIRST_CHART, timeout=120_000)
        if times is not None:
            times.append(time.monotonic() - started)

    def _record(self, request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            self.outside.append(request.url)

    def text(self) -> str:
        return self.page.inner_text("body")

    def open_step(self, name: str) -> None:
        self.page.get_by_role("tab", name=f"{STEPS.index(name) + 1} {name}").click()

    def panel(self):
        """Return the open step's panel."""
        return self.page.locator(OPEN_PANEL).first

    def upload(self, path: Path) -> None:
        """Choose ``path`` in the upload button's file dialog, as a person would."""
        with self.page.expect_file_chooser() as chooser:
            self.page.get_by_role("button", name="Upload your file").click()
        chooser.value.set_files(str(path))

    def kernel_id(self) -> str:
        """Return the id of this page's kernel (Voilà writes it into the page)."""
        return self.page.evaluate(
            "() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
        )

    def close(self) -> None:
        self.context.close()
