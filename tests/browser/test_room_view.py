"""The room view in real browsers: three participants, two share, one withdraws; the trainer's page
follows by itself; a participant's page cannot reach the room; nothing leaves the machine."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from servers import serving_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_STEP = "button:has-text('Check my guess')"  # the first step is ready
TOKEN = "room-view-browser-test-9f3c2a7d5e"
LOCAL = ("http://127.0.0.1", "data:", "blob:")


@pytest.fixture(scope="module")
def room_url(chromium_path, tmp_path_factory, artifacts):
    folder = tmp_path_factory.mktemp("room")
    log = folder / "voila.log"
    try:
        with serving_app(
            pool=3, log=log, room="browser-room", room_token=TOKEN, state_dir=folder / "state"
        ) as url:
            yield url
    finally:
        (artifacts / "voila-room.log").write_text(log.read_text(errors="replace"))


class Page:
    """One browser page with every request that tried to leave this machine."""

    def __init__(self, browser, url: str, *, wait_for: str | None = FIRST_STEP):
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._record)
        self.page.goto(url)
        if wait_for:
            self.page.wait_for_selector(wait_for, timeout=150_000)

    def _record(self, request) -> None:
        if not request.url.startswith(LOCAL):
            self.outside.append(request.url)

    def button(self, name: str):
        return self.page.get_by_role("button", name=name, exact=True)

    def status_of(self, path: str) -> int:
        """Ask the server for ``path`` from this page's scripts, as a hostile script would."""
        return self.page.evaluate(
            "async (path) => (await fetch(path, {credentials: 'include'})).status", path
        )


@pytest.fixture(scope="module")
def participants(browser, room_url):
    pages = [Page(browser, room_url) for _ in range(3)]
    yield pages
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module")
def trainer(browser, room_url, participants):
    page = Page(browser, f"{room_url}/facilitator?token={TOKEN}", wait_for="#wb-room-count")
    yield page
    page.context.close()


def count_of(trainer: Page):
    return trainer.page.locator("#wb-room-count")


def test_the_room_is_empty_until_someone_presses_share(participants, trainer):
    expect(count_of(trainer)).to_have_attribute("data-participants", "0")
    assert "Nobody has shared their figures yet." in trainer.page.inner_text("body")
    assert trainer.page.url.endswith("/facilitator")  # the token has left the address bar


def test_two_share_and_the_trainer_sees_exactly_two(participants, trainer, artifacts):
    for participant in participants[:2]:
        participant.button("Share my figures with the room").click()
        participant.page.get_by_text("Shared with the room.").wait_for(timeout=30_000)
    shown = participants[0].page.inner_text("body")
    assert "The room sees exactly this from you" in shown and "77%" in shown
    expect(count_of(trainer)).to_have_attribute("data-participants", "2", timeout=30_000)
    assert "2 participants have shared their figures." in trainer.page.inner_text("body")
    first_chart = trainer.page.locator(".wb-chart").first
    assert first_chart.locator("path").count() >= 2  # the sample twice: two dots, stacked
    participants[0].page.screenshot(path=artifacts / "room-participant-shared.png", full_page=True)
    trainer.page.screenshot(path=artifacts / "room-trainer-two.png", full_page=True)


def test_one_withdraws_and_the_trainer_s_page_follows_by_itself(participants, trainer, artifacts):
    participants[0].button("Withdraw my figures").click()
    participants[0].page.get_by_text("Your figures are not in the room.").wait_for(timeout=30_000)
    expect(count_of(trainer)).to_have_attribute("data-participants", "1", timeout=30_000)
    assert "1 participant has shared their figures." in trainer.page.inner_text("body")
    trainer.page.screenshot(path=artifacts / "room-trainer-one.png", full_page=True)


def test_a_participant_s_page_cannot_reach_the_room(participants, trainer):
    third = participants[2]
    for path in ("/facilitator", "/facilitator/room.json", "/facilitator/room.json?token=guess"):
        assert third.status_of(path) == 403, path
    assert "Shared with the room." not in third.page.inner_text("body")
    assert "participants have shared" not in third.page.inner_text("body")


def test_no_request_left_the_machine(participants, trainer):
    for page in [*participants, trainer]:
        assert page.outside == []
