"""Lines that are not accounts: report footers (Salesforce's "Grand Totals", copyright lines) and
total rows ("Total", "Sum", "Totalt", "Grand Total") that spreadsheets put under the data."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A cell that labels a total or subtotal row; a whole-cell match, so "Sum Bygg AS" is an account.
TOTAL_LABEL = re.compile(
    r"^\s*(?:grand\s+|sub\s*-?\s*)?(?:totals?|totalt|sum|summa|sum\s+totalt?|total\s+sum|"
    r"totalsum|i\s+alt|totals?\s+for\s.*|sum\s+for\s.*|totalt\s+for\s.*)\s*[:.]?\s*(?:\(.*\))?\s*$",
    re.IGNORECASE)
#: The start of a line that belongs to a report's footer, never to its data.
FOOTER_START = re.compile(
    r"^\s*(?:grand\s+totals?\b|confidential(?:\s+information)?\b|copyright\b|©|\(c\)\s*\d{4}|"
    r"(?:report\s+)?(?:generated|exported|printed|run)\s+(?:by|on|at)\b)", re.IGNORECASE)
MAX_FOOTER_LINES = 25


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
        return f'total row "{first}"'
    if FOOTER_START.match(first):
        return f'footer line "{first}"'
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
    """
    count = 0
    for cells in reversed(lines[-MAX_FOOTER_LINES:]):
        if footer_reason(cells) is None:
            break
        count += 1
    start = len(lines) - count
    reasons = [(start + i, footer_reason(cells)) for i, cells in enumerate(lines[start:])]
    return count, [(i, r) for i, r in reasons if r]

#: The start of a subtotal's label ("Total Kari Nordmann"), trusted only in a row with no id.
SUBTOTAL_START_RE2 = r"(?i)^\s*(?:sub\s*-?\s*)?(?:totals?|totalt|sum|summa)\b"
#: The same pattern for pyarrow.compute (RE2 syntax, case-insensitive).
TOTAL_LABEL_RE2 = "(?i)" + TOTAL_LABEL.pattern
