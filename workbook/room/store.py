"""One room's shared figures in a small SQLite file: one row per participant who chose to share.

The app's server creates the room empty when it starts (``Room.start``) and deletes the file when
it stops; its participants' kernels find it through ``WORKBOOK_ROOM`` (``Room.from_environment``)
and may only put and remove their own row, keyed by a random key that never leaves their kernel.
Every row passes ``check_room_figures`` on the way in and on the way out, and the table's own
CHECK constraints refuse anything else, so the file holds shares, scores, hours and two known
words, nothing more. The file is readable by its owner only.

Examples
--------
>>> import tempfile
>>> from workbook.coaching.examples import example_room_figures
>>> room = Room.start("oslo-march", folder=tempfile.mkdtemp())
>>> figures = example_room_figures()
>>> key = new_participant_key()
>>> room.share(key, figures)
>>> room.count(), room.figures() == [figures]
(1, True)
>>> room.withdraw(key), room.count()
(True, 0)
>>> room.remove()
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
import time
from pathlib import Path

from workbook import formatting, paths
from workbook.analysis.metrics import METRICS
from workbook.coaching.room import BAND_KEYS, FIELDS, MAX_HOURS_A_WEEK, RoomFigures
from workbook.coaching.room import check_room_figures as _check
from workbook.i18n import _
from workbook.room import ENVIRONMENT_VARIABLE, RoomError, check_room_name

#: A room a server left behind (it did not stop cleanly) is deleted at the next start after this.
STALE_AFTER_SECONDS = 24 * 3600
#: A training room is a few dozen people; more rows than this are refused (one per kernel).
MAX_PARTICIPANTS = 200
KEY = re.compile(r"[0-9a-f]{32}")
SUFFIX = ".sqlite"


def new_participant_key() -> str:
    """Return a random key for one participant's row (it names nobody, never leaves the kernel)."""
    return secrets.token_hex(16)


def _schema() -> str:
    columns = ["participant TEXT PRIMARY KEY NOT NULL CHECK (length(participant) = 32)"]
    choices = {"accounts_band": BAND_KEYS, "metric": METRICS}
    for field in FIELDS:
        null = "" if field.optional else " NOT NULL"
        if field.kind == "choice":
            words = ", ".join(f"'{w}'" for w in choices[field.name])
            columns.append(f"{field.name} TEXT{null} CHECK ({field.name} IN ({words}))")
        else:
            high = 1 if field.kind == "share" else MAX_HOURS_A_WEEK
            columns.append(
                f"{field.name} REAL{null} CHECK ({field.name} IS NULL OR "
                f"(typeof({field.name}) = 'real' AND {field.name} BETWEEN 0 AND {high}))"
            )
    return (
        f"CREATE TABLE figures ({', '.join(columns)}) STRICT;"
        "CREATE TABLE changes (n INTEGER NOT NULL) STRICT;"
        "INSERT INTO changes VALUES (0);"
    )


class Room:
    """The shared figures of one room (see the module docstring)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    # --- opening ----------------------------------------------------------------------------------
    @classmethod
    def start(cls, name: str, *, folder: str | Path | None = None) -> Room:
        """Create room ``name``, empty, in ``folder`` (default ``paths.ROOMS_DIR``); return it.

        A file of that name is left only by a server that did not stop cleanly: its participants'
        kernels are gone and can no longer withdraw, so it is deleted, as are other rooms left
        behind for more than a day.
        """
        folder = Path(folder) if folder is not None else paths.ROOMS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        room = cls(folder / f"{check_room_name(name)}{SUFFIX}")
        now = time.time()
        for old in folder.glob(f"*{SUFFIX}*"):
            with contextlib.suppress(OSError):
                same = old.name.startswith(room.path.name)
                if same or now - old.stat().st_mtime > STALE_AFTER_SECONDS:
                    old.unlink()
        descriptor = os.open(room.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
        with room._connect() as db:
            db.executescript(_schema())
        return room

    @classmethod
    def from_environment(cls) -> Room | None:
        """Return the room of this session (``WORKBOOK_ROOM``), or None when there is none."""
        path = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
        return cls(path) if path else None

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(SUFFIX)

    def _connect(self, *, read_only: bool = False) -> sqlite3.Connection:
        if not self.path.is_file():
            raise RoomError(_("The room is closed: the app's server has stopped or restarted."))
        mode = "ro" if read_only else "rw"  # never creates a file: a closed room stays closed
        address = f"{self.path.resolve().as_uri()}?mode={mode}"
        db = sqlite3.connect(address, uri=True, timeout=10, isolation_level=None)
        return contextlib.closing(db)

    @contextlib.contextmanager
    def _writing(self):
        """Yield a connection inside one transaction that waits for other writers."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # --- a participant's own row ------------------------------------------------------------------
    def share(self, participant: str, figures: RoomFigures) -> None:
        """Put (or replace) ``participant``'s figures; raise RoomError when the room is full."""
        key = _check_key(participant)
        row = _check(figures.to_dict()).to_dict()
        names = ", ".join(row)
        marks = ", ".join(f":{n}" for n in row)
        with self._writing() as db:
            known = db.execute("SELECT 1 FROM figures WHERE participant = ?", (key,)).fetchone()
            if not known and _count(db) >= MAX_PARTICIPANTS:
                raise RoomError(
                    _("The room is full: {n} participants have shared.").format(
                        n=formatting.number(MAX_PARTICIPANTS)
                    )
                )
            db.execute(
                f"INSERT OR REPLACE INTO figures (participant, {names}) "
                f"VALUES (:participant, {marks})",
                {"participant": key, **_stored(row)},
            )
            db.execute("UPDATE changes SET n = n + 1")

    def withdraw(self, participant: str) -> bool:
        """Remove ``participant``'s figures; return whether there were any."""
        key = _check_key(participant)
        with self._writing() as db:
            removed = db.execute("DELETE FROM figures WHERE participant = ?", (key,)).rowcount
            if removed:
                db.execute("UPDATE changes SET n = n + 1")
        return bool(removed)

    # --- the trainer's reading --------------------------------------------------------------------
    def figures(self) -> list[RoomFigures]:
        """Return every participant's figures (checked again), in no telling order."""
        names = ", ".join(f.name for f in FIELDS)
        with self._connect(read_only=True) as db:
            rows = db.execute(f"SELECT {names} FROM figures ORDER BY top20_share, gini").fetchall()
        return [_check(dict(zip((f.name for f in FIELDS), row, strict=True))) for row in rows]

    def count(self) -> int:
        """Return how many participants have shared."""
        with self._connect(read_only=True) as db:
            return _count(db)

    def version(self) -> int:
        """Return a number that changes whenever a participant shares or withdraws."""
        with self._connect(read_only=True) as db:
            return int(db.execute("SELECT n FROM changes").fetchone()[0])

    def remove(self) -> None:
        """Delete the room's file (the figures are gone)."""
        for path in (self.path, *self.path.parent.glob(f"{self.path.name}-*")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM figures").fetchone()[0])


def _stored(row: dict[str, object]) -> dict[str, object]:
    # STRICT REAL columns take floats; make sure 1 is stored as 1.0, not refused as an integer.
    return {k: float(v) if isinstance(v, int | float) else v for k, v in row.items()}


def _check_key(participant: str) -> str:
    if not isinstance(participant, str) or not KEY.fullmatch(participant):
        raise RoomError("a participant's key is 32 hexadecimal characters")
    return participant
