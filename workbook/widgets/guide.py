"""What the guided notebooks call: one short name for each step a lesson takes.

Each lives in the module of its concern; this module gathers the calls a notebook makes, so a
lesson reads ``guide.predict(...)``, ``guide.check_file(...)``:

- :func:`check_file` (``workbook.widgets.file_check``): what the workbook understood of a file;
- :func:`predict` (``workbook.widgets.exercises``): a guess checked against your own data;
- :func:`changed_tiers` and :func:`settings_to_copy`: what moved on the sliders, and the
  settings as parameter lines;
- :class:`Course` (``workbook.widgets.course``): your file, answers and kept settings, carried
  from notebook to notebook; it opens your accounts (``course.open_book``).
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from workbook import charts
from workbook.analysis import compare_tierings
from workbook.i18n import _
from workbook.parameters import parameter_lines
from workbook.settings import TierSettings
from workbook.widgets.base import message_html
from workbook.widgets.course import Course
from workbook.widgets.exercises import predict, round_up
from workbook.widgets.file_check import FileCheck, check_file, missing_columns
from workbook.widgets.refusals import FileRefused, SettingRefused
from workbook.widgets.style import figure_html, stylesheet

__all__ = [
    "Course",
    "FileCheck",
    "FileRefused",
    "SettingRefused",
    "changed_tiers",
    "check_file",
    "missing_columns",
    "predict",
    "round_up",
    "settings_to_copy",
]


def changed_tiers(*, before: pd.DataFrame, after: pd.DataFrame) -> widgets.HTML:
    """Return which accounts changed tier between two tierings, and how many moved each way."""
    moves = compare_tierings(before, after)
    if not len(moves):
        return widgets.HTML(
            message_html(
                _("No account has changed tier: move a slider above, then run this cell again."),
                "info",
            )
        )
    counts = moves.groupby(["from", "to"], observed=True).size()
    ways = "; ".join(
        _("{n} from {source} to {target}").format(n=n, source=source, target=target)
        for (source, target), n in counts.items()
    )
    columns = {
        "account": (_("Account"), "text"),
        "from": (_("From"), "text"),
        "to": (_("To"), "text"),
    }
    return widgets.HTML(
        stylesheet().value
        + figure_html(_("{n} accounts changed tier: {ways}.").format(n=len(moves), ways=ways))
        + charts.html_table(moves, columns, tier_column=None, max_rows=20)
    )


def settings_to_copy(settings: TierSettings) -> widgets.HTML:
    """Return the tier settings as parameter lines (to read, or to paste into another notebook)."""
    return widgets.HTML(
        stylesheet().value
        + "<div class='wb-note'>"
        + html.escape(_("As lines of a parameters cell:"))
        + "</div>"
        + f"<pre style='font-size:13px;margin:4px 0'>{html.escape(parameter_lines(settings))}</pre>"
    )
