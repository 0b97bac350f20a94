"""One participant cannot hurt another: a file that fills one workbook's memory stops only that one.

Two participants on one server (the app as ``make app`` serves it, with a smaller memory
allowance per kernel so that the test's file is quick to exhaust it). The first uploads a CSV
under the upload limit that needs far more memory to read than the allowance (millions of
accounts); the second keeps moving a slider meanwhile. The first is told what happened and goes
on; the second's chart answers throughout. A kernel that dies outright (here: killed, as the
system's out-of-memory killer would) is reported in its page, and only there.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import visits
from playwright.sync_api import expect
from servers import kernel_pid, serving_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: What each participant's kernel may hold beyond its start here, in MB.
ALLOWANCE_MB = 400
#: 3.8 million accounts in 45 MB (under the 50 MB upload limit): reading them needs 400–600 MB.
HOSTILE_ROWS = 3_800_000
MEMORY_MESSAGE = "needs more memory than a participant's workbook may use"


@pytest.fixture(scope="module")
def small_server(chromium_path, tmp_path_factory):
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    with serving_app(pool=2, kernel_memory_mb=ALLOWANCE_MB, log=log) as url:
        yield url, log


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "every-customer-ever.csv"
    with path.open("wb") as out:
        out.write(b"Customer,Revenue\n")
        for start in range(0, HOSTILE_ROWS, 100_000):
            out.write(
                b"".join(b"C%07d,%d\n" % (i, i % 97 + 1) for i in range(start, start + 100_000))
            )
    assert path.stat().st_size < 50 * 1024 * 1024
    return path


class Slider:
    """The A slider of a participant's tier step, and the key figure it moves."""

    def __init__(self, visit: visits.Visit):
        visit.open_step("Tiers")
        visit.answer_guess(skip=True)
        self.page = visit.page
        self.headline = visit.step.locator(".wb-figure", has_text="of 250)").first
        expect(self.headline).to_contain_text("of 250)", timeout=60_000)
        slider = visit.step.locator(".widget-slider", has_text="A: top accounts")
        self.handle = slider.locator(".noUi-handle").first
        self.right = True

    def moves(self, timeout_ms: float = 20_000) -> bool:
        """Press an arrow key on the slider; whether the key figure changed within the timeout."""
        before = self.headline.inner_text()
        self.handle.focus()
        self.page.keyboard.press("ArrowRight" if self.right else "ArrowLeft")
        self.right = not self.right
        try:
            expect(self.headline).not_to_have_text(before, timeout=timeout_ms)
        except AssertionError:
            return False
        return True


#: Run in the first participant's page: note the time (ms since 1970) the memory message appears.
WATCH_FOR_THE_MESSAGE = """(text) => new MutationObserver((_changes, observer) => {
  if (document.body.textContent.includes(text)) {
    window.toldAt = Date.now();
    observer.disconnect();
  }
}).observe(document.body, {childList: true, subtree: true, characterData: true})"""


def test_a_file_that_fills_one_workbook_stops_only_that_one(browser, small_server, hostile_file):
    url, _log = small_server
    first, second = visits.Visit(browser, url), visits.Visit(browser, url)
    try:
        slider = Slider(second)
        first.page.evaluate(WATCH_FOR_THE_MESSAGE, MEMORY_MESSAGE)
        first.upload(hostile_file)
        chosen = time.time()
        # The second moves the slider while the first's browser sends the file and the first's
        # kernel reads it (the first page is not asked anything meanwhile: it is busy).
        answers = [time.time() for _ in range(8) if slider.moves()]
        first.page.get_by_text(MEMORY_MESSAGE).wait_for(timeout=120_000)
        told = first.page.evaluate("window.toldAt") / 1000
        assert len(answers) == 8, "the second participant's slider stopped answering"
        assert any(chosen < answer < told for answer in answers), (chosen, answers, told)
        text = first.text()
        assert hostile_file.name in text and f"{ALLOWANCE_MB:,} MB" in text
        assert "Traceback" not in text and "Something went wrong" not in text
        assert slider.moves() and slider.moves()  # the second goes on after, too
        # The first goes on as well: the kernel is still theirs and still works.
        first.page.get_by_role("button", name="Use the sample accounts").click()
        first.page.get_by_text("sample_accounts.csv: 250 accounts").wait_for(timeout=60_000)
    finally:
        first.close()
        second.close()


def test_a_workbook_that_dies_says_so_and_the_others_go_on(browser, small_server):
    url, log = small_server
    first, second = visits.Visit(browser, url), visits.Visit(browser, url)
    try:
        slider = Slider(second)
        os.kill(kernel_pid(log, first.kernel_id()), signal.SIGKILL)
        note = first.page.locator("#wb-stopped-note")
        expect(note).to_be_visible(timeout=60_000)
        assert "Reload the page" in note.inner_text()
        assert second.page.locator("#wb-stopped-note").is_hidden()
        assert slider.moves()
        first.page.reload()
        first.page.wait_for_selector(visits.FIRST_STEP, timeout=120_000)
        assert first.page.locator("#wb-stopped-note").is_hidden()
    finally:
        first.close()
        second.close()
