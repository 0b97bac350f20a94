"""What the workbook understood of a file, or every problem in it, ready to display.

01-load-your-accounts shows it; ``guide.check_file`` is the call a notebook makes.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from workbook import charts, loading, paths
from workbook import formatting as fmt
from workbook.analysis import assign_tiers
from workbook.errors import AccountDataError
from workbook.i18n import N_, _, ngettext
from workbook.selection import owners, select_owner
from workbook.widgets.base import MessageArea, message_html
from workbook.widgets.style import headings, stylesheet
from workbook.widgets.upload import columns_used, describe

#: What each optional column lets the workbook show, for a file that lacks it.
COLUMN_USES = {
    "gross_profit": N_("the profit curve (02) and what accounts cost to serve (05)"),
    "visits": N_("where your time goes (04), with selling_hours"),
    "service_requests": N_("the cost of small service calls (05)"),
    "potential": N_("the room to grow of your B accounts (06)"),
    "revenue_prev": N_("recent growth of your B accounts (06)"),
}
BIGGEST_COLUMNS = {
    "rank": (N_("Rank"), "count"),
    "account": (N_("Account"), "text"),
    "tier": (N_("Tier"), "text"),
    "revenue": (N_("Revenue"), "money"),
    "gross_profit": (N_("Gross profit"), "money"),
}


def missing_columns(columns: list[str] | pd.Index) -> list[str]:
    """Return, for each optional column a file lacks, what it would let the workbook show (the
    column by its canonical name, the name ``--map`` and the parameters cell use).

    Examples
    --------
    >>> for line in missing_columns(["account", "revenue", "gross_profit", "selling_hours"]):
    ...     print(line)
    service_requests: the cost of small service calls (05)
    potential: the room to grow of your B accounts (06)
    revenue_prev: recent growth of your B accounts (06)
    """
    present = set(columns)
    if "selling_hours" in present:
        present.add("visits")  # either one tells where the time goes
    return [
        _("{column}: {use}").format(column=name, use=_(use))
        for name, use in COLUMN_USES.items()
        if name not in present
    ]


class FileCheck:
    """What the workbook understood of a file, or every problem it found, ready to display.

    Attributes
    ----------
    result : LoadResult or None
        The file as read (None when it was refused).
    accounts : pandas.DataFrame or None
        The chosen salesperson's accounts, tiered by revenue (None when refused).
    """

    def __init__(self, source, *, owner: str = ""):
        self.result = self.accounts = None
        message = MessageArea()
        parts = []
        try:
            self.result = loading.load(source)
            chosen = select_owner(self.result.accounts, owner)
            self.accounts = assign_tiers(chosen)  # the default tiers: a first look
        except AccountDataError as error:
            message.show_error(error)
            parts.append(message.value)
        if self.result is not None:
            parts.append(self._understood(owner))
        self.view = widgets.HTML(stylesheet().value + "".join(parts))

    def _understood(self, owner: str) -> str:
        result = self.result
        parts = [describe(result), columns_used(result)]
        if result.dropped_rows:
            parts.append(
                message_html(
                    _("Rows left out:"),
                    "info",
                    details=[
                        _("row {row}: {reason}").format(row=d["row"], reason=d["reason"])
                        for d in result.dropped_rows[:10]
                    ],
                )
            )
        if result.warnings:
            parts.append(message_html(_("Notes:"), "warning", details=result.warnings[:20]))
        lacking = missing_columns(result.accounts.columns)
        if lacking:
            parts.append(
                message_html(_("Not in this file, and what it would add:"), "info", details=lacking)
            )
        names = owners(result.accounts)
        if len(names) > 1 and not owner:
            parts.append(
                message_html(
                    _(
                        "{n} salespeople are in this file ({names}). Set owner in the "
                        "parameters cell to work on one salesperson's accounts."
                    ).format(n=fmt.number(len(names)), names=fmt.listing(names)),
                    "info",
                )
            )
        if owner and self.accounts is not None:
            chosen = owners(self.accounts)[0]
            parts.append(
                message_html(
                    ngettext(
                        "Below: the {n} account of {owner} only (owner in the parameters cell).",
                        "Below: the {n} accounts of {owner} only (owner in the parameters cell).",
                        len(self.accounts),
                    ).format(n=fmt.number(len(self.accounts)), owner=chosen),
                    "info",
                )
            )
        if self.accounts is not None:
            parts.append(
                charts.html_table(
                    self.accounts.sort_values("rank"),
                    headings(BIGGEST_COLUMNS, self.accounts.columns),
                    max_rows=10,
                    caption=_("Your ten biggest accounts, as read"),
                )
            )
        return "".join(parts)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)


def check_file(
    *, accounts_path: str = "", owner: str = "", source: tuple[str, bytes] | None = None
) -> FileCheck:
    """Return what the workbook understood of a file (``source`` bytes, else ``accounts_path``)."""
    return FileCheck(
        source if source is not None else paths.resolve_accounts_path(accounts_path), owner=owner
    )
