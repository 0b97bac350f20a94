"""A participant's page in the browser tests: open the app, go to a step, guess, upload."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from servers import ARTIFACTS

from workbook.widgets.app import steps

STEPS = steps()
#: A chart, live or in the page's picture of the first view.
FIRST_CHART = ".vega-embed svg, .wb-chart svg"
#: The first step is ready: its question and the guess it asks for (the live page: the picture
#: of the first view has no buttons).
FIRST_STEP = "button:has-text('Check my guess')"


class Visit:
    """One participant's page, with every request that tried to leave this machine.

    ``times``: where to add the seconds the page took until ``wait_for`` was shown (by default
    the first step, ready for a guess).
    """

    def __init__(
        self,
        browser,
        url: str,
        times: list[float] | None = None,
        *,
        context=None,
        wait_for: str = FIRST_STEP,
    ):
        self.context = context or browser.new_context(
            viewport={"width": 1280, "height": 1000}, accept_downloads=True
        )
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._record)
        started = time.monotonic()
        self.page.goto(url)
        try:
            self.page.wait_for_selector(wait_for, timeout=120_000)
        except Exception:
            self._describe_stall(time.monotonic() - started)
            raise
        if times is not None:
            times.append(time.monotonic() - started)

    def _describe_stall(self, seconds: float) -> None:
        """Keep what the page showed when it never became usable (tests/artifacts/stalled-*)."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = f"stalled-{time.strftime('%H%M%S')}"
        try:
            state = self._page_state()
        except Exception as err:  # a page too busy to answer says something too
            state = {"error": repr(err)}
        state.update(seconds=round(seconds, 1), url=self.page.url, outside=self.outside)
        (ARTIFACTS / f"{name}.json").write_text(json.dumps(state, indent=2))
        with contextlib.suppress(Exception):
            self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), timeout=10_000)

    def _page_state(self) -> dict:
        return self.page.evaluate(
            """() => ({
                starting: getComputedStyle(document.getElementById('loading') || document.body)
                    .display !== 'none',
                cells_shown: !!document.getElementById('rendered_cells') &&
                    getComputedStyle(document.getElementById('rendered_cells')).display !== 'none',
                picture: !!document.querySelector('#wb-first-view *'),
                theme_loaded: !!window.themeLoaded,
                cells_loaded: !!window.cellLoaded,
                widgets: document.querySelectorAll('.jupyter-widgets').length,
                buttons: document.querySelectorAll('button').length,
                text: document.body.innerText.slice(0, 600),
            })"""
        )

    def _record(self, request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            self.outside.append(request.url)

    def text(self) -> str:
        return self.page.inner_text("body")

    def open_step(self, name: str) -> None:
        self.page.get_by_role("tab", name=f"{STEPS.index(name) + 1} {name}").click()

    @property
    def step(self):
        """The step on show (the visible tab's contents)."""
        return self.page.locator(".widget-tab-contents > .lm-Widget:not(.lm-mod-hidden)").first

    def answer_guess(self, *, skip: bool = False) -> None:
        """Guess (or skip), then wait for the figure to be shown next to the guess."""
        step = self.step
        buttons = step.locator(
            "button:has-text('Check my guess'), button:has-text('Skip the guess'), "
            "button:has-text('Continue')"
        )
        buttons.first.wait_for(state="attached")
        if not any(buttons.nth(i).is_visible() for i in range(buttons.count())):
            return  # guessed already
        if skip or not step.get_by_role("button", name="Check my guess").is_visible():
            step.get_by_role("button", name="Skip the guess").or_(
                step.get_by_role("button", name="Continue")
            ).first.click()
        else:
            step.get_by_role("button", name="Check my guess").click()
        step.get_by_text("your figure", exact=False).first.or_(
            step.get_by_text("Your figure", exact=False).first
        ).first.wait_for(timeout=60_000)

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
