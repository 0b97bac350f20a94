"""Pin an account to a tier by hand, with the reason, and see every pin with a way to remove it.

The salesperson knows what the numbers cannot (a strategic account ramping up, a reference
customer). The editor only keeps the list of pins; the panel that owns it (the tier panel) tiers
the accounts with them. An account is found by its id or its name (case and spaces ignored);
the names offered while typing are the biggest accounts', so a book of any size sends the
browser a short list.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from workbook import charts
from workbook.errors import SettingsError
from workbook.i18n import _
from workbook.schema import TIERS
from workbook.settings import Pin, as_pins
from workbook.widgets.base import MessageArea, guarded

#: How many account names the field offers while typing (the biggest accounts first).
OFFERED = 300


def _key(text: object) -> str:
    return " ".join(str(text).split()).casefold()


class PinEditor:
    """Controls to pin accounts to a tier with a reason, and the list of pins.

    Parameters
    ----------
    accounts : DataFrame
        The accounts that may be pinned (``account_id``, ``account``; ``rank`` orders the names
        offered, when there is one).
    pins : sequence of Pin, default ()
        The pins to start from (e.g. ``TierSettings.pins``).
    on_change : callable, optional
        Called with the new tuple of pins after each pin or unpin.

    Attributes
    ----------
    pins : tuple of Pin
    view : ipywidgets.VBox
    """

    def __init__(
        self,
        accounts: pd.DataFrame,
        pins=(),
        *,
        on_change: Callable[[tuple[Pin, ...]], None] | None = None,
    ):
        self.accounts = accounts
        self.pins: tuple[Pin, ...] = as_pins(pins)
        self.on_change = on_change
        self.message = MessageArea()
        ids = accounts["account_id"].astype(str)
        names = accounts["account"].astype(str) if "account" in accounts.columns else ids
        self._by_id = dict(zip(ids.map(_key), ids, strict=True))
        self._by_name = dict(zip(names.map(_key), ids, strict=True))
        self._name_of = dict(zip(ids, names, strict=True))
        ordered = accounts.sort_values("rank") if "rank" in accounts.columns else accounts
        offered = ordered.head(OFFERED)
        self.account = widgets.Combobox(
            placeholder=_("account name or id"),
            options=list(dict.fromkeys(offered["account"].astype(str)))
            if "account" in offered.columns
            else list(offered["account_id"].astype(str)),
            ensure_option=False,
            description=_("Account"),
            style={"description_width": "70px"},
            layout=widgets.Layout(width="330px"),
        )
        self.tier = widgets.ToggleButtons(
            options=list(TIERS), value="A", style={"button_width": "42px"}
        )
        self.reason = widgets.Text(
            placeholder=_("why: e.g. reference customer, ramping up"),
            description=_("Reason"),
            style={"description_width": "60px"},
            layout=widgets.Layout(width="380px"),
        )
        self.pin_button = widgets.Button(
            description=_("Pin"), button_style="info", layout=widgets.Layout(width="auto")
        )
        self.unpin_choice = widgets.Dropdown(layout=widgets.Layout(width="330px"))
        self.unpin_button = widgets.Button(
            description=_("Unpin"), layout=widgets.Layout(width="auto")
        )
        self.listing = widgets.HTML()
        self.pin_button.on_click(guarded(self.message)(self._pin))
        self.unpin_button.on_click(guarded(self.message)(self._unpin))
        self.unpins = widgets.HBox([self.unpin_choice, self.unpin_button])
        self.view = widgets.VBox(
            [
                widgets.HTML(
                    "<div class='wb-section' style='font-size:17px'>"
                    + html.escape(_("Pin an account to a tier"))
                    + "</div><div class='wb-note'>"
                    + html.escape(
                        _(
                            "You know what the numbers do not: a strategic account ramping up, "
                            "a reference customer. A pinned account takes its tier everywhere "
                            "(the plan and the downloads too); every other account keeps the "
                            "tier the rule gives it."
                        )
                    )
                    + "</div>"
                ),
                widgets.HBox(
                    [self.account, self.tier], layout=widgets.Layout(align_items="center")
                ),
                widgets.HBox(
                    [self.reason, self.pin_button], layout=widgets.Layout(align_items="center")
                ),
                self.message,
                self.listing,
                self.unpins,
            ]
        )
        self._show()

    def find(self, text: str) -> str | None:
        """Return the account_id of the account named ``text`` (its id or its name)."""
        key = _key(text)
        return self._by_id.get(key) or self._by_name.get(key)

    def set_pins(self, pins) -> None:
        """Replace every pin (without calling ``on_change``)."""
        self.pins = as_pins(pins)
        self._show()

    def _pin(self, _button=None) -> None:
        text = self.account.value
        if not _key(text):
            self.message.show(_("Type the name or id of the account to pin."), "warning")
            return
        account_id = self.find(text)
        if account_id is None:
            self.message.show(
                _("There is no account {name} in your file: check the name or use its id.").format(
                    name=text.strip()
                ),
                "warning",
            )
            return
        try:
            pin = Pin(account_id, self.tier.value, self.reason.value)
        except SettingsError as error:
            self.message.show(str(error), "warning")
            return
        kept = tuple(p for p in self.pins if p.account_id != account_id)  # a new pin replaces
        self._changed((*kept, pin))
        self.account.value, self.reason.value = "", ""
        self.message.show(
            _("Pinned {account} to {tier}.").format(
                account=self._name_of.get(account_id, account_id), tier=pin.tier
            ),
            "success",
        )

    def _unpin(self, _button=None) -> None:
        chosen = self.unpin_choice.value
        if chosen is None:
            return
        self._changed(tuple(p for p in self.pins if p.account_id != chosen))
        self.message.clear()

    def _changed(self, pins: tuple[Pin, ...]) -> None:
        previous = self.pins
        self.pins = pins
        try:
            if self.on_change is not None:
                self.on_change(pins)
        except Exception:
            self.pins = previous  # the owner could not use them: keep the pins it has
            raise
        finally:
            self._show()

    def _show(self) -> None:
        rows = pd.DataFrame(
            {
                "account": [self._name_of.get(p.account_id, p.account_id) for p in self.pins],
                "account_id": [p.account_id for p in self.pins],
                "tier": [p.tier for p in self.pins],
                "pinned": [True] * len(self.pins),
                "pin_reason": [p.reason for p in self.pins],
            }
        )
        self.listing.value = (
            charts.html_table(
                rows,
                {
                    "account": (_("Account"), "text"),
                    "account_id": (_("Id"), "text"),
                    "tier": (_("Pinned to"), "text"),
                    "pin_reason": (_("Reason"), "text"),
                },
                caption=_("Your pins"),
            )
            if self.pins
            else ""
        )
        self.unpin_choice.options = [
            (f"{self._name_of.get(p.account_id, p.account_id)} ({p.tier})", p.account_id)
            for p in self.pins
        ]
        self.unpins.layout.display = None if self.pins else "none"
