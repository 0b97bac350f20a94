"""Find text that bypassed translation: in the pseudo-language every translated text comes out as
accented look-alikes inside ⟦…⟧, so any plain English word left on a page is a text that was
never marked for translation.

The words of the data itself (account names, owners, file names, headers of the file) are not
texts of the workbook and are passed as ``allowed``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from workbook.i18n import PSEUDO_CLOSE, PSEUDO_OPEN

#: Words a page may show untranslated: names of things, not sentences of the workbook.
NAMES = {
    "Account",  # the product's name is not translated
    "Focus",
    "Workbook",
    "Voil",
    "Pareto",
    "Gini",
    "CSV",
    "TSV",
    "TXT",
    "XLSX",
    "HTML",
    "ICS",
    "Parquet",
    "CRM",
    "JSON",
    "English",
    "Norsk",
    "bokm",
    "revenue",  # canonical column names, as a person maps them
    "gross_profit",
    "account_id",
    "selling_hours",
    "service_requests",
    "revenue_prev",
}
PSEUDO_TEXT = re.compile(re.escape(PSEUDO_OPEN) + r".*?" + re.escape(PSEUDO_CLOSE), re.S)
WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")


def visible_text(page: str) -> str:
    """Return what a person reads in an HTML page or fragment: no tags, styles or scripts."""
    page = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def untranslated(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """Return the English words of ``text`` that are outside every pseudo-translated text.

    Examples
    --------
    >>> untranslated("⟦Ŕéṽéñúé⟧ of Fjordbakeri AS: Total", allowed=["Fjordbakeri"])
    ['Total']
    """
    outside = PSEUDO_TEXT.sub(" ", text)
    allowed_words = {w.casefold() for a in [*allowed, *NAMES] for w in WORD.findall(str(a))}
    return [w for w in WORD.findall(outside) if w.casefold() not in allowed_words]


def data_words(frame) -> set[str]:
    """Return the words of a table's text cells and headers (names of accounts, owners …)."""
    words = set(map(str, frame.columns))
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            words |= {str(v) for v in frame[column].dropna().unique()}
    return words
