"""Unit notes: amounts a file writes in thousands or millions ("Omsetning (NOK 1000)", "i 1000 kr",
"TNOK", "Revenue ($000)", "MNOK", "in millions").

Which columns a note covers, the rule:

1. A note in a column's own header covers that column.
2. A note in a row above the header row (a title line such as "Alle beløp i 1000 kr", or a heading
   over several columns, as a merged cell is read) covers the column it stands in and every
   column to its right, up to the next filled cell of that row. The row nearest the header
   counts; a column's own note comes before one above it.
3. Only amounts are multiplied (revenue, gross profit, concessions, potential, last year's revenue,
   cost); visits, hours and service requests never are.
4. When some amount columns are covered and others are not, the loader says which were read as
   written (it does not guess that a note was meant for them too).

A note is removed from a header before the header is matched (``"DB i 1000 kr"`` is ``DB``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CURRENCY = r"(?:nok|sek|dkk|isk|eur|usd|gbp|chf|kr\.?|kroner|\$|€|£)"
_THOUSAND = r"(?:1[ .,'’\u00a0\u202f]?000|'?000s?|tusen|thousands?)"
_MILLION = r"(?:1[ .,'’\u00a0\u202f]?000[ .,'’\u00a0\u202f]?000|mill(?:ion(?:er|s)?|\.)?|mn)"
#: Notes for thousands and for millions, each a whole phrase of the header.
_NOTES = (
    (
        1_000,
        re.compile(
            rf"\b[tk]{_CURRENCY}(?!\w)"  # TNOK, kEUR, tkr
            rf"|(?<!\w){_CURRENCY}\s*(?:{_THOUSAND}|k)(?!\w)"  # NOK 1000, $000, kr 1 000
            rf"|(?<![\w.,]){_THOUSAND}\s*{_CURRENCY}(?!\w)"  # 1000 kr, tusen kroner
            rf"|\b(?:i|in)\s+{_THOUSAND}(?:\s*{_CURRENCY})?(?!\w)"  # i 1000 kr, in thousands
            r"|\(\s*(?:'?000s?|k|thousands?|tusen)\s*\)",  # (000), ('000), (k), (thousands)
            re.IGNORECASE,
        ),
    ),
    (
        1_000_000,
        re.compile(
            rf"\bm{_CURRENCY}(?!\w)"  # MNOK, MEUR
            rf"|(?<!\w){_CURRENCY}\s*(?:{_MILLION}|m)(?!\w)"  # NOK mill., $m, EUR mn
            rf"|(?<![\w.,]){_MILLION}\s*{_CURRENCY}(?!\w)"  # mill. kr, 1 000 000 kr
            rf"|\b(?:i|in)\s+{_MILLION}(?:\s*{_CURRENCY})?(?!\w)"  # i millioner, in millions
            r"|\(\s*(?:m|mn|millions?)\s*\)",  # (m), (millions)
            re.IGNORECASE,
        ),
    ),
)
#: The columns a unit note multiplies.
AMOUNTS = ("revenue", "gross_profit", "concessions", "potential", "revenue_prev", "cost")


@dataclass(frozen=True)
class Scale:
    """What a column's amounts are multiplied by, the note that says so, and where it stands:
    ``"header"`` (the column's own) or ``"above"`` (a row above the header row)."""

    factor: int
    note: str
    where: str = "header"


def find_note(text: str | None) -> tuple[int, str] | None:
    """Return the factor a unit note in ``text`` means, and the note as written; None if none.

    Examples
    --------
    >>> [find_note(t) for t in ("Omsetning (NOK 1000)", "DB i 1000 kr", "Revenue ($000)")]
    [(1000, 'NOK 1000'), (1000, 'i 1000 kr'), (1000, '$000')]
    >>> [find_note(t) for t in ("Salg TNOK", "Omsetning MNOK", "Sales (in millions)")]
    [(1000, 'TNOK'), (1000000, 'MNOK'), (1000000, 'in millions')]
    >>> find_note("Beløp (NOK 1 000 000)"), find_note("Omsetning (i tusen kroner)")
    ((1000000, 'NOK 1 000 000'), (1000, 'i tusen kroner'))
    >>> [find_note(t) for t in ("Omsetning (NOK)", "Revenue 2025", "Visits per 1000", None)]
    [None, None, None, None]
    """
    if not text or not isinstance(text, str):
        return None
    found = [
        (match.start(), -len(match.group(0)), factor, match.group(0).strip("() "))
        for factor, pattern in _NOTES
        for match in [pattern.search(text)]
        if match
    ]
    if not found:
        return None
    _start, _length, factor, note = min(found)  # the first note; of two there, the longer
    return factor, note


def strip_note(header: str) -> str:
    """Return a header without its unit note, for matching it to a column.

    Examples
    --------
    >>> strip_note("DB i 1000 kr"), strip_note("Omsetning (NOK 1000)"), strip_note("TNOK salg")
    ('DB', 'Omsetning ( )', 'salg')
    """
    text = str(header)
    for _factor, pattern in _NOTES:
        text = pattern.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def column_scales(headers: list[str], above: list[list[str | None]]) -> dict[int, Scale]:
    """Return the unit note that covers each column (by position), by the module's rule.

    Parameters
    ----------
    headers : list of str
        The header row.
    above : list of list of str
        The rows above the header row (a title block), top first.

    Returns
    -------
    dict of int to Scale

    Examples
    --------
    >>> column_scales(["Kunde", "Omsetning (NOK 1000)", "DB"], [])
    {1: Scale(factor=1000, note='NOK 1000', where='header')}
    >>> scales = column_scales(["Kunde", "2025", "2024", "Besøk"],
    ...                        [["Salg per kunde"], [None, "Omsetning i 1000 kr", None, "Antall"]])
    >>> sorted(scales), scales[2].where
    ([1, 2], 'above')
    >>> sorted(column_scales(["Kunde", "Omsetning", "DB"], [["Alle beløp i 1000 kr"]]))
    [0, 1, 2]
    """
    scales: dict[int, Scale] = {}
    for row in reversed(above):  # the row nearest the header first
        covering = None
        for position, cell in enumerate(row[: max(len(headers), 1)]):
            if cell is not None and str(cell).strip():
                found = find_note(str(cell))
                covering = Scale(found[0], found[1], "above") if found else None
            if covering is not None and position < len(headers):
                scales.setdefault(position, covering)
        if covering is not None:  # a note running to the end of its row covers the rest
            start = len(row)
            for position in range(start, len(headers)):
                scales.setdefault(position, covering)
        if scales:
            break
    for position, header in enumerate(headers):
        found = find_note(header)
        if found:
            scales[position] = Scale(found[0], found[1])
    return scales
