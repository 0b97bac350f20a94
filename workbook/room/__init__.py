"""The room view of a training session: what participants chose to share, and the trainer's page.

- ``store``: one small SQLite file per room, kept while the app's server runs (under
  ``paths.ROOMS_DIR``, outside what Voilà serves). A participant's kernel writes its own row and
  removes it; nothing a participant can reach reads the room.
- ``facilitator``: the trainer's page and its JSON, served by the app's own server behind a token
  of their own (see ``workbook.app.server``).

What a row holds is decided in ``workbook.coaching.room``: anonymous figures only.
"""

import re

from workbook.i18n import _

#: Where a participant's kernel finds the room of its session (set by the app's server).
ENVIRONMENT_VARIABLE = "WORKBOOK_ROOM"
#: The room the app's server opens when it starts (set by ``python -m workbook app --room``).
NAME_VARIABLE = "WORKBOOK_ROOM_NAME"
#: The trainer's token, when it is chosen in advance (otherwise the server picks one).
TOKEN_VARIABLE = "WORKBOOK_ROOM_TOKEN"
NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


class RoomError(ValueError):
    """The room cannot be used as asked: a bad name, a closed room, a full room."""


def check_room_name(name: str) -> str:
    """Return a room's name, lower case; raise RoomError unless it is letters, digits and hyphens.

    Examples
    --------
    >>> check_room_name("Oslo-March")
    'oslo-march'
    >>> check_room_name("../etc")
    Traceback (most recent call last):
    ...
    workbook.room.RoomError: a room's name is up to 40 letters, digits and hyphens \
(e.g. oslo-march), not '../etc'
    """
    text = str(name).strip().lower()
    if not NAME.fullmatch(text):
        raise RoomError(
            _(
                "a room's name is up to 40 letters, digits and hyphens (e.g. oslo-march), not "
                "{name}"
            ).format(name=repr(name))
        )
    return text
