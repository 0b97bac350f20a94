"""Lines that are not accounts: report footers (Salesforce's "Grand Totals", copyright lines) and
total rows ("Total", "Sum", "Totalt", "Grand Total") that spreadsheets put under the data."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbook.i18n import _

#: A cell that labels a total or subtotal row; a whole-cell match, so "Sum Bygg AS" is an account.
TOTAL_LABEL = re.compile(
    r"^\s*(?:grand\s+|sub\s*-?\s*)?(?:totals?|totalt|sum|summa|sum\s+totalt?|total\s+sum|"
    r"totalsum|i\s+alt|totals?\s+for\s.*|sum\s+for\s.*|totalt\s+for\s.*)\s*[:.]?\s*(?:\(.*\))?\s*$",
    re.IGNORECASE,
)
#: The start of a line that belongs to a report's footer, never to its data.
FOOTER_START = re.compile(
    r"^\s*(?:grand\s+totals?\b|confidential(?:\s+information)?\b|copyright\b|©|\(c\)\s*\d{4}|"
    r"(?:report\s+)?(?:generated|exported|printed|run)\s+(?:by|on|at)\b|page\s+\d+\s+of\b|"
    r"side\s+\d+\s+av\b|konfidensielt\b|(?:rapport\s+)?(?:generert|eksportert|skrevet\s+ut)\s+"
    r"(?:av|den|fra)\b|utskrift(?:sdato)?\b)",
    re.IGNORECASE,
)
MAX_FOOTER_LINES = 25
#: At most this many lone-cell lines after a blank line at the end are a footer note.
MAX_NOTE_LINES = 5


def is_total_label(text: str | None) -> bool:
    """Tell a cell that labels a total row.

    Examples
    --------
    >>> labels = ["Total", "Grand Total:", "Totalt", "Sum", "Sum Bygg AS", "Totalt Energi"]
    >>> [is_total_label(t) for t in labels]
    [True, True, True, True, False, False]
    """
    return bool(text) and bool(TOTAL_LABEL.match(text))


def footer_reason(cells: Sequence[str | None]) -> str | None:
    """Return why a line is a footer line (``None`` when it is data); blank lines give ``""``.

    Examples
    --------
    >>> footer_reason(["Grand Totals (250 records)", "", "1 234"])
    'total row "Grand Totals (250 records)"'
    >>> footer_reason(["Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."])[:18]
    'footer line "Copyr'
    >>> footer_reason(["", None]), footer_reason(["Acme AS", "12"])
    ('', None)
    """
    first = next((str(c).strip() for c in cells if c is not None and str(c).strip()), None)
    if first is None:
        return ""
    if is_total_label(first):
        return _('total row "{label}"').format(label=first)
    if FOOTER_START.match(first):
        return _('footer line "{line}"').format(line=first)
    return None


def footer_length(lines: Sequence[Sequence[str | None]]) -> tuple[int, list[tuple[int, str]]]:
    """Return how many lines at the end are footer or blank, and the reasons of those with text.

    Parameters
    ----------
    lines : sequence of sequences of str
        The last lines of a table, each split into cells, in file order.

    Returns
    -------
    tuple of (int, list of (int, str))
        The number of trailing lines to drop, and (index into ``lines``, reason) for each dropped
        line that has text.

    Examples
    --------
    >>> footer_length([["Acme", "5"], [], ["Grand Totals (1 records)"]])
    (2, [(2, 'total row "Grand Totals (1 records)"')])
    >>> footer_length([["Acme", "5"], [], ["Made with Visma", ""], ["01.11.2026", ""]])
    (3, [(2, 'footer line "Made with Visma"'), (3, 'footer line "01.11.2026"')])
    >>> footer_length([["Acme", "5"], ["Beta", ""]])
    (0, [])
    """
    count = 0
    for cells in reversed(lines[-MAX_FOOTER_LINES:]):
        if footer_reason(cells) is None:
            break
        count += 1
    count += _note_block(lines[: len(lines) - count])
    start = len(lines) - count
    reasons = []
    for index, cells in enumerate(lines[start:], start=start):
        reason = footer_reason(cells)
        if reason != "":  # blank lines go without a word
            reasons.append((index, reason or _('footer line "{line}"').format(line=_first(cells))))
    return count, reasons


def _note_block(lines: Sequence[Sequence[str | None]]) -> int:
    """Return the length of a short block of lone-cell lines ("Report by Visma") after a blank
    line at the end of the data, or 0."""
    for block, cells in enumerate(reversed(lines[-(MAX_NOTE_LINES + 1) :])):
        if footer_reason(cells) == "":
            return block + 1 if block and len(lines) > block + 1 else 0
        if sum(1 for c in cells if c is not None and str(c).strip()) != 1:
            return 0
    return 0


def _first(cells: Sequence[str | None]) -> str:
    return next((str(c).strip() for c in cells if c is not None and str(c).strip()), "")


#: The start of a subtotal's label ("Total Kari Nordmann"), trusted only in a row with no id.
SUBTOTAL_START_RE2 = r"(?i)^\s*(?:sub\s*-?\s*)?(?:totals?|totalt|sum|summa)\b"
#: The same pattern for pyarrow.compute (RE2 syntax, case-insensitive).
TOTAL_LABEL_RE2 = "(?i)" + TOTAL_LABEL.pattern
