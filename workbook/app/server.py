"""The app's server: Voilà, started a little faster, plus the trainer's room page for a room.

``python -m workbook.app`` runs ``python -m workbook.app.server`` with Voilà's own command line.
It is Voilà's application, started without the IRI grammar its event schemas would compile and
never use (the ``workbook`` package, imported first, leaves it out: see its ``__init__``; about
1.6 CPU-seconds less at every start here), with two additions, both only when
``WORKBOOK_ROOM_NAME`` names a room (``make app ROOM=name``):

- at start, the room is created empty (``workbook.room.store.Room.start``) and its file is named
  to the participants' kernels in ``WORKBOOK_ROOM``; at stop, the file is deleted;
- the trainer's page (``workbook.room.facilitator``) is served at ``/facilitator`` behind its own
  token (``WORKBOOK_ROOM_TOKEN``, or a new random one), printed once the server listens. The token
  is taken out of the environment before any kernel starts, so no participant's kernel has it.

The page's texts are passed as ``--VoilaConfiguration.resources={...}``, the form Voilà
documents; traitlets calls that form deprecated in favour of ``key=value`` pairs, which cannot
carry them, so the warning it prints at every start is left out.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
import warnings

from tornado.ioloop import IOLoop
from voila.app import Voila

from workbook.i18n import _
from workbook.room import ENVIRONMENT_VARIABLE, NAME_VARIABLE, TOKEN_VARIABLE
from workbook.room.facilitator import facilitator_handlers
from workbook.room.store import Room


class WorkbookVoila(Voila):
    """Voilà with the room view (see the module docstring)."""

    room: Room | None = None
    room_token: str = ""

    def initialize(self, argv=None):
        super().initialize(argv)
        name = os.environ.pop(NAME_VARIABLE, "").strip()
        token = os.environ.pop(TOKEN_VARIABLE, "").strip()
        os.environ.pop(ENVIRONMENT_VARIABLE, None)  # only a room of this server, never another
        if name:
            self.room = Room.start(name)
            self.room_token = token or secrets.token_urlsafe(24)
            os.environ[ENVIRONMENT_VARIABLE] = str(self.room.path)  # for the kernels

    def init_handlers(self):
        handlers = super().init_handlers()
        if self.room is not None:
            base = self.server_url or self.base_url
            # Before Voilà's own: its last handler answers every other address with the app.
            handlers[:0] = facilitator_handlers(base, room=self.room, token=self.room_token)
        return handlers

    def start(self):
        if self.room is not None:
            IOLoop.current().add_callback(self._announce_room)
        super().start()

    def _announce_room(self) -> None:
        host = self.ip if self.ip not in ("", "0.0.0.0", "::") else socket.gethostname()
        base = (self.server_url or self.base_url).rstrip("/")
        url = f"http://{host}:{self.port}{base}/facilitator?token={self.room_token}"
        message = _(
            "Room view '{room}' is open (empty). The trainer's page, not for participants:"
        ).format(room=self.room.name)
        message = f"{message}\n    {url}"
        self.log.info(message)
        print(message, flush=True, file=sys.stdout)

    def stop(self):
        try:
            super().stop()
        finally:
            if self.room is not None:
                self.room.remove()


def main() -> None:
    """Serve the app as ``python -m voila ARGS`` would, with the additions above."""
    warnings.filterwarnings("ignore", "--resources=", DeprecationWarning)
    WorkbookVoila.launch_instance()


if __name__ == "__main__":
    main()
