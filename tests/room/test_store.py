"""A room's SQLite file: empty at start, one row per participant, nothing but checked figures."""

from __future__ import annotations

import os
import sqlite3
import stat
import time

import pytest

from workbook.coaching.examples import example_room_figures
from workbook.coaching.room import FIELDS, check_room_figures
from workbook.room import RoomError, check_room_name
from workbook.room.store import MAX_PARTICIPANTS, Room, new_participant_key

GOOD = example_room_figures()


@pytest.fixture()
def room(tmp_path):
    room = Room.start("test-room", folder=tmp_path)
    yield room
    room.remove()


def test_a_room_starts_empty_and_readable_by_its_owner_only(room):
    assert room.count() == 0 and room.figures() == [] and room.version() == 0
    assert stat.S_IMODE(room.path.stat().st_mode) == 0o600
    assert room.name == "test-room"


def test_starting_a_room_again_empties_it(room, tmp_path):
    room.share(new_participant_key(), GOOD)
    again = Room.start("test-room", folder=tmp_path)
    assert again.path == room.path and again.count() == 0


def test_rooms_left_behind_for_a_day_are_removed_and_others_are_kept(tmp_path):
    old = Room.start("old-room", folder=tmp_path)
    recent = Room.start("recent-room", folder=tmp_path)
    day_ago = time.time() - 25 * 3600
    os.utime(old.path, (day_ago, day_ago))
    Room.start("new-room", folder=tmp_path)
    assert not old.path.exists() and recent.path.exists()


def test_each_participant_has_one_row_they_replace_and_withdraw(room):
    me, you = new_participant_key(), new_participant_key()
    room.share(me, GOOD)
    room.share(you, GOOD)
    changed = check_room_figures({**GOOD.to_dict(), "top20_share": 0.9})
    room.share(me, changed)  # sharing again replaces my row
    assert room.count() == 2 and sorted(f.top20_share for f in room.figures()) == [0.62, 0.9]
    before = room.version()
    assert room.withdraw(me) is True and room.withdraw(me) is False
    assert room.count() == 1 and room.version() == before + 1


def test_the_file_refuses_anything_but_figures_even_written_directly(room):
    db = sqlite3.connect(room.path)
    columns = ", ".join(["participant", *(f.name for f in FIELDS)])
    row = {"participant": "a" * 32, **GOOD.to_dict()}
    for bad in (
        {"top20_share": "Fjordbakeri AS"},
        {"top20_share": 1234567.0},
        {"accounts_band": "Fjordbakeri AS"},
        {"participant": "Kari Nordmann"},
    ):
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                f"INSERT INTO figures ({columns}) VALUES ({', '.join('?' * (len(FIELDS) + 1))})",
                list({**row, **bad}.values()),
            )
    with pytest.raises(sqlite3.OperationalError):  # there is nowhere to put a name
        db.execute("INSERT INTO figures (participant, account) VALUES (?, ?)", ("b" * 32, "X"))
    db.close()


def test_a_key_that_is_not_a_random_key_is_refused(room):
    for key in ("", "Kari Nordmann", "A" * 32, "a" * 31):
        with pytest.raises(RoomError):
            room.share(key, GOOD)


def test_a_full_room_refuses_a_new_participant_but_not_one_who_is_in(room, monkeypatch):
    import workbook.room.store as store

    monkeypatch.setattr(store, "MAX_PARTICIPANTS", 2)
    first = new_participant_key()
    room.share(first, GOOD)
    room.share(new_participant_key(), GOOD)
    with pytest.raises(RoomError, match="The room is full"):
        room.share(new_participant_key(), GOOD)
    room.share(first, GOOD)  # replacing one's own row is fine
    assert MAX_PARTICIPANTS == 200


def test_a_closed_room_is_never_created_again_by_a_kernel(room):
    room.remove()
    assert not room.path.exists()
    with pytest.raises(RoomError, match="The room is closed"):
        room.share(new_participant_key(), GOOD)
    assert not room.path.exists()


def test_the_session_s_room_comes_from_the_environment(monkeypatch, room):
    monkeypatch.delenv("WORKBOOK_ROOM", raising=False)
    assert Room.from_environment() is None
    monkeypatch.setenv("WORKBOOK_ROOM", str(room.path))
    assert Room.from_environment().path == room.path


@pytest.mark.parametrize("name", ["", "../etc", "a/b", "x" * 41, "rom med mellomrom", "-x"])
def test_a_room_name_that_could_be_a_path_is_refused(name, tmp_path):
    with pytest.raises(RoomError):
        check_room_name(name)
    with pytest.raises(RoomError):
        Room.start(name, folder=tmp_path)
    assert list(tmp_path.iterdir()) == []
