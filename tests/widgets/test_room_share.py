"""The room buttons in a participant's kernel: off until pressed, exactly what is shown is shared,
withdrawing takes it back, and what a browser can send cannot choose the figures."""

from __future__ import annotations

import pytest

from workbook import coaching
from workbook.coaching.lessons import LESSONS
from workbook.room.store import Room
from workbook.widgets import WorkbookApp
from workbook.widgets.room import RoomShare


@pytest.fixture()
def room(tmp_path):
    room = Room.start("widget-test", folder=tmp_path)
    yield room
    room.remove()


@pytest.fixture()
def app(room, monkeypatch):
    monkeypatch.setenv("WORKBOOK_ROOM", str(room.path))
    return WorkbookApp()


def test_nothing_is_shared_until_the_participant_presses_the_button(app, room):
    assert app.room.available and app.room.view.layout.display is None
    assert room.count() == 0 and app.room.shared is None
    assert app.room.withdraw_button.layout.display == "none"


def test_sharing_sends_the_figures_shown_and_withdrawing_takes_them_back(app, room):
    app.room.share_button.click()
    assert room.count() == 1
    assert room.figures() == [app.room.shared]
    shown = app.room.status.value
    assert "The room sees exactly this from you" in shown and "77%" in shown and "250–499" in shown
    assert "Fjordbakeri" not in shown and "Kari Nordmann" not in shown
    assert app.room.share_button.description == "Share my current figures again"
    app.room.withdraw_button.click()
    assert room.count() == 0 and app.room.shared is None
    assert "Your figures are not in the room." in app.room.status.value


def test_sharing_again_replaces_the_figures_with_the_current_plan(app, room, monkeypatch):
    app.room.share_button.click()
    app.tabs.selected_index = [lesson.key for lesson in LESSONS].index("week")
    app.lessons["week"].skip.click()
    app.panels["week"].share_a.value = 0.7
    app.panels["week"].share_b.value = 0.3
    monkeypatch.setattr("workbook.widgets.room.MIN_SECONDS_BETWEEN_SHARES", 0.0)
    app.room.share_button.click()
    assert room.count() == 1 and room.figures()[0].time_on_a_plan == 0.7


def test_clicks_in_a_burst_write_once(app, room, monkeypatch):
    writes = []
    original = Room.share
    monkeypatch.setattr(Room, "share", lambda self, *a: (writes.append(1), original(self, *a)))
    for _ in range(20):
        app.room.share_button.click()
    assert len(writes) == 1 and room.count() == 1


def test_a_browser_enabling_the_withdraw_button_changes_nothing(app, room):
    app.room.withdraw_button.disabled = False  # any widget value can be set from the page
    app.room.withdraw_button.click()
    assert room.count() == 0 and app.message.value == "" and app.room.message.value == ""


def test_only_figures_from_the_app_are_written(room):
    share = RoomShare(lambda: {"account": "Fjordbakeri AS", "revenue": 1.0}, room=room)
    share.share_button.click()
    assert room.count() == 0
    assert "Something went wrong" in share.message.value  # a bug, said plainly, no traceback


def test_a_closed_room_says_so(app, room):
    room.remove()
    app.room.share_button.click()
    assert "The room is closed" in app.room.message.value
    assert app.room.shared is None


def test_without_a_room_the_buttons_are_not_shown(monkeypatch):
    monkeypatch.delenv("WORKBOOK_ROOM", raising=False)
    share = RoomShare(lambda: None)
    assert not share.available and share.view.layout.display == "none"
    share.share_button.click()  # a browser can still press it: nothing happens
    assert share.shared is None


def test_a_book_without_time_data_shares_without_the_time_figures(room):
    from workbook import paths
    from workbook.analysis import assign_tiers
    from workbook.loading import load_accounts

    tiered = assign_tiers(load_accounts(paths.SAMPLE_ORDERS_NB))
    share = RoomShare(lambda: coaching.room_figures(tiered, coaching.plan_time(tiered)), room=room)
    share.share_button.click()
    assert room.figures()[0].focus_today is None
    assert "not shared (your data has no visits or hours)" in share.status.value


def test_every_text_of_the_room_buttons_goes_through_translation(room):
    import re

    from workbook.coaching.examples import example_room_figures
    from workbook.i18n import use_language

    with use_language("qps"):
        share = RoomShare(example_room_figures, room=room)
        share.share_button.click()
        texts = [share.share_button.description, share.withdraw_button.description]
        texts += re.findall(r">([^<>]*[A-Za-z][^<>]*)<", share.view.children[0].value)
        texts += re.findall(r">([^<>]*[A-Za-z][^<>]*)<", share.status.value)
    assert texts and all(t.strip().startswith("⟦") for t in texts if t.strip()), texts
