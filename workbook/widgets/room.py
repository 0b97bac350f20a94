"""The room view in a participant's page: "Share my figures with the room", "Withdraw my figures".

Nothing is shared until the participant presses the button. What is shared is computed here, in
the participant's own kernel, from their own accounts and plan (``coaching.room_figures``) and
shown to them word for word; never a customer's name, number or amount. Pressing the button again
replaces their figures with the current ones; withdrawing removes them from the room.

A browser can press these buttons and set any widget's value (Voilà passes widget messages), but
it cannot choose the figures: they come from the callback the app gives, are checked by
``check_room_figures`` and written under a random key that lives only in this object. A button's
``disabled`` is a hint for the person, not a lock, so every action checks the state itself, and
a share follows another share at most once a second (withdrawing is never held back).

Examples
--------
>>> import tempfile
>>> from workbook.coaching import plan_time, room_figures
>>> from workbook.coaching.examples import example_tiered
>>> from workbook.room.store import Room
>>> room = Room.start("doctest", folder=tempfile.mkdtemp())
>>> tiered = example_tiered()
>>> share = RoomShare(lambda: room_figures(tiered, plan_time(tiered)), room=room)
>>> share.share_button.click()
>>> room.count(), share.shared is not None
(1, True)
>>> share.withdraw_button.click()
>>> room.count(), share.shared is None
(0, True)
>>> room.remove()
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

import ipywidgets as widgets

from workbook import formatting
from workbook.coaching.room import FIELDS, RoomFigures, band_label
from workbook.i18n import _
from workbook.room import RoomError
from workbook.room.store import Room, new_participant_key
from workbook.widgets.base import MessageArea, guarded

#: A participant's kernel shares again at most this often (seconds).
MIN_SECONDS_BETWEEN_SHARES = 1.0


def figure_text(figures: RoomFigures, name: str) -> str:
    """Return one shared figure as the participant reads it (``77%``, ``0.52``, ``11.5 h``)."""
    value = getattr(figures, name)
    if value is None:
        return _("not shared (your data has no visits or hours)")
    if name == "accounts_band":
        return band_label(value)
    if name == "metric":
        return {
            "revenue": _("revenue"),
            "gross_profit": _("gross profit"),
            "blend": _("a blend of revenue and gross profit"),
        }[value]
    if name.startswith("focus") or name == "gini":
        return formatting.number(value, 2)
    if name == "hours_freed_per_week":
        return formatting.hours(value)
    return formatting.share(value)


def shared_html(figures: RoomFigures) -> str:
    """Return the figures a participant has shared, as a list they can check."""
    items = "".join(
        f"<li>{html.escape(_(f.label))}: <b>{html.escape(figure_text(figures, f.name))}</b></li>"
        for f in FIELDS
    )
    return (
        "<div class='wb-note' style='color:inherit'>"
        + html.escape(_("The room sees exactly this from you, and nothing else:"))
        + f"<ul style='margin:4px 0 0 18px;padding:0'>{items}</ul></div>"
    )


class RoomShare:
    """The buttons that share a participant's anonymous figures with the room, or withdraw them.

    Parameters
    ----------
    figures : callable returning RoomFigures
        Called when the participant presses "Share": the figures of their current accounts and
        plan (typically ``lambda: coaching.room_figures(tiered, plan, metric=metric)``).
    room : Room, optional
        The room to share with; by default the room of this session (``Room.from_environment``).
        Without a room (the app was started without ``ROOM=``) the view is empty and hidden.

    Attributes
    ----------
    view : ipywidgets.VBox
        What to place in the page.
    shared : RoomFigures or None
        What this participant has shared, if anything.
    """

    def __init__(self, figures: Callable[[], RoomFigures], *, room: Room | None = None):
        self._figures = figures
        self.room = room if room is not None else Room.from_environment()
        self.shared: RoomFigures | None = None
        self._key = new_participant_key()  # a plain attribute: never synced to the browser
        self._last_share = 0.0
        self.message = MessageArea()
        self.share_button = widgets.Button(
            description=_("Share my figures with the room"),
            button_style="info",
            layout=widgets.Layout(width="auto"),
        )
        self.withdraw_button = widgets.Button(
            description=_("Withdraw my figures"),
            disabled=True,
            layout=widgets.Layout(width="auto", display="none"),
        )
        self.share_button.on_click(guarded(self.message)(self._share))
        self.withdraw_button.on_click(guarded(self.message)(self._withdraw))
        self.status = widgets.HTML()
        intro = widgets.HTML(
            "<div class='wb-section' style='font-size:17px'>"
            + html.escape(_("The room view"))
            + "</div><div class='wb-note'>"
            + html.escape(
                _(
                    "Your trainer can show the room an anonymous picture: how concentrated "
                    "everyone's accounts are and how their plans move their time. Nothing leaves "
                    "this page unless you press the button, and then only a few rounded figures: "
                    "never a customer's name, number or amount. You can withdraw them at any time."
                )
            )
            + "</div>"
        )
        self.view = widgets.VBox(
            [
                intro,
                widgets.HBox([self.share_button, self.withdraw_button]),
                self.message,
                self.status,
            ],
            layout=widgets.Layout(display=None if self.available else "none", margin="18px 0 0 0"),
        )

    @property
    def available(self) -> bool:
        """Whether this session has a room to share with."""
        return self.room is not None

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)

    def _share(self, _button=None) -> None:
        now = time.monotonic()
        if self.room is None or now - self._last_share < MIN_SECONDS_BETWEEN_SHARES:
            return
        self._last_share = now
        self.message.clear()
        figures = self._figures()
        if not isinstance(figures, RoomFigures):  # the app's callback, never the browser's
            raise TypeError("the room view needs RoomFigures")
        try:
            self.room.share(self._key, figures)
        except RoomError as error:
            self.message.show(str(error), "warning")
            return
        self.shared = figures
        self._show()

    def _withdraw(self, _button=None) -> None:
        if self.room is None or self.shared is None:
            return
        self._last_share = 0.0
        self.message.clear()
        try:
            self.room.withdraw(self._key)
        except RoomError as error:  # the room has closed: nothing of ours is left in it either
            self.message.show(str(error), "info")
        self.shared = None
        self._show()

    def _show(self) -> None:
        shared = self.shared is not None
        self.share_button.description = (
            _("Share my current figures again") if shared else _("Share my figures with the room")
        )
        self.withdraw_button.disabled = not shared
        self.withdraw_button.layout.display = None if shared else "none"
        if shared:
            self.status.value = (
                "<div class='wb-message wb-success' role='status' style='background:#e7f5ec;"
                "border-left:4px solid #2e7d4f;padding:10px 14px;border-radius:4px;margin:6px 0'>"
                + html.escape(_("Shared with the room."))
                + "</div>"
                + shared_html(self.shared)
            )
        else:
            self.status.value = (
                "<div class='wb-note'>"
                + html.escape(_("Your figures are not in the room."))
                + "</div>"
            )
