"""Since last period: who moved tier, who is new, who was lost, and where the revenue went.

A self-contained panel: give it this period's accounts and the tier settings, and last period's
accounts when they are known (order lines with two years of dates have them); otherwise the
person uploads last period's file (an export like this one, or a tier list the workbook wrote
earlier). Both periods are tiered with the same settings, pins included. The upload stays in the
kernel's memory, like every other upload.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from workbook import charts, loading
from workbook import formatting as fmt
from workbook.analysis.periods import PeriodComparison, compare_periods
from workbook.coaching import wording
from workbook.i18n import _
from workbook.selection import select_owner_or_none
from workbook.settings import TierSettings
from workbook.widgets.base import Panel, guarded, message_html
from workbook.widgets.style import figure_html, look_for
from workbook.widgets.upload import ACCEPTED, upload_within_limit

#: How many accounts each list shows (moved, new, lost); the rest are counted.
LISTED = 15


class ChangePanel(Panel):
    """The migration matrix, the revenue bridge and the accounts that moved, came and went.

    Parameters
    ----------
    accounts : DataFrame
        This period's accounts (canonical columns).
    settings : TierSettings, optional
        How to tier both periods (default ``TierSettings()``), pins included.
    previous : DataFrame, optional
        Last period's accounts (e.g. ``LoadResult.previous`` of order lines); without them the
        panel asks for last period's file.
    previous_name : str, optional
        What last period is called (a file's name or its dates).
    owner : str, optional
        Whose accounts these are: an uploaded file is narrowed to them too.
    follow : callable, optional
        Returns the tier settings as they are now (e.g. a tier panel's above this one): a button
        then compares again with them.

    Attributes
    ----------
    comparison : PeriodComparison or None
        What the panel shows (None until there is a previous period).
    """

    def __init__(
        self,
        accounts: pd.DataFrame,
        settings: TierSettings | None = None,
        *,
        previous: pd.DataFrame | None = None,
        previous_name: str = "",
        owner: str = "",
        follow: Callable[[], TierSettings] | None = None,
    ):
        super().__init__(accounts)
        self.settings = TierSettings.of(settings)
        self.previous = previous
        self.previous_name = previous_name
        self.owner = owner
        self.comparison: PeriodComparison | None = None
        self.upload = widgets.FileUpload(
            accept=ACCEPTED,
            multiple=False,
            description=_("Upload last period's file"),
            button_style="",
            layout=widgets.Layout(width="auto"),
        )
        self.upload.observe(guarded(self.message)(self._on_upload), "value")
        self.again = widgets.Button(
            description=_("Compare with the tiers as they are now"),
            layout=widgets.Layout(width="auto", display=None if follow else "none"),
        )
        if follow is not None:
            self.again.on_click(
                guarded(self.message)(lambda _b: self.show(self.accounts, follow()))
            )
        self.source = widgets.HTML()
        self.headline = widgets.HTML()
        self.body = widgets.VBox()
        self.view = widgets.VBox(
            [
                widgets.HTML(
                    "<div class='wb-section'>"
                    + html.escape(_("Since last period"))
                    + "</div><div class='wb-note'>"
                    + html.escape(
                        _(
                            "Both periods are tiered the same way. Which A accounts slipped, "
                            "which B accounts grew into A, what is new and what was lost?"
                        )
                    )
                    + "</div>"
                ),
                widgets.HBox(
                    [self.upload, self.again, self.source],
                    layout=widgets.Layout(align_items="center"),
                ),
                self.message,
                self.headline,
                self.body,
            ]
        )
        self.refresh()

    @classmethod
    def of_load(
        cls,
        loaded: loading.LoadResult,
        accounts: pd.DataFrame,
        settings: TierSettings | None = None,
        *,
        owner: str = "",
        follow: Callable[[], TierSettings] | None = None,
    ) -> ChangePanel:
        """Return the panel for ``accounts`` of a loaded file: order lines bring their previous
        12 months along (that salesperson's, with ``owner``); an account list asks for a file."""
        previous, name = loaded.previous, ""
        if previous is not None:
            previous = select_owner_or_none(previous, owner or None)
            name = fmt.period(*loaded.previous_period)
        return cls(
            accounts, settings, previous=previous, previous_name=name, owner=owner, follow=follow
        )

    @property
    def accounts(self) -> pd.DataFrame:
        return self.tiered  # the base class keeps the accounts it is given under this name

    def show(self, accounts: pd.DataFrame, settings: TierSettings | None = None) -> None:
        """Show new accounts of this period (and new settings, e.g. after the tiers changed)."""
        if settings is not None:
            self.settings = settings
        self.show_accounts(accounts)

    def _on_upload(self, change) -> None:
        if not change["new"]:
            return
        name, content = upload_within_limit(change["new"])
        result = loading.load((name, content))
        self.previous = select_owner_or_none(result.accounts, self.owner or None)
        self.previous_name = result.file
        self.refresh()

    def _draw(self) -> None:
        if self.previous is None:
            self.comparison = None
            self.source.value = ""
            self.headline.value = message_html(
                _(
                    "To see what changed, upload last period's file: an export like this one, "
                    "or a tier list the workbook wrote earlier. Order lines with two years of "
                    "dates compare by themselves."
                ),
                "info",
            )
            self.body.children = []
            return
        change = compare_periods(
            self.accounts, self.previous, self.settings, previous_name=self.previous_name
        )
        self.comparison = change
        self.source.value = (
            "<span class='wb-note'>"
            + html.escape(_("Compared with {name}.").format(name=self.previous_name))
            + "</span>"
            if self.previous_name
            else ""
        )
        self.headline.value = figure_html(
            wording.change_headline(change) + " " + wording.bridge_sentence(change.bridge)
        )
        self.body.children = [
            widgets.HBox(
                [
                    self.chart("migration", charts.migration_chart(change.matrix)),
                    self.chart("bridge", charts.bridge_chart(change.bridge)),
                ],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            look_for(
                _(
                    "the red cells: A accounts that slipped to B, B accounts that fell to C, and "
                    "the accounts you lost. Each is a call to make. The green ones grew: what "
                    "did you do there?"
                )
            ),
            widgets.HTML(charts.change_tables(change, listed=LISTED)),
        ]
