"""File names for reports: safe slugs of owner names, unique within one run.

An owner name comes from a customer's CRM export and can hold anything (slashes, dots, emoji, a
name in another script). A slug keeps only ``a-z``, ``0-9`` and single hyphens, so a report can
never be written outside its folder, and Norwegian letters become their usual ASCII spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Letters that Unicode decomposition leaves alone, spelled as Norwegians (and Germans) write them.
SPELLINGS = str.maketrans(
    {"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "œ": "oe", "ð": "d"}
)
MAX_LENGTH = 60


def slug(text: str, *, fallback: str = "report") -> str:
    """Return ``text`` as a lower-case file name stem of letters, digits and hyphens.

    Parameters
    ----------
    text : str
        An owner name or a file name.
    fallback : str, default "report"
        The slug when nothing usable is left (e.g. a name in Chinese characters or only dots).

    Returns
    -------
    str
        At most 60 characters, never empty, never starting or ending with a hyphen.

    Examples
    --------
    >>> slug("Ingrid Berg"), slug("Øystein Ærø-Åsen"), slug("Björn Weiß")
    ('ingrid-berg', 'oystein-aero-asen', 'bjorn-weiss')
    >>> slug("../../etc/passwd"), slug("  Kari  O'Neil "), slug("..."), slug("王")
    ('etc-passwd', 'kari-o-neil', 'report', 'report')
    """
    folded = unicodedata.normalize("NFKD", str(text).casefold().translate(SPELLINGS))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:MAX_LENGTH].rstrip("-")
    return cleaned or fallback


def unique_slugs(names: Iterable[str], *, taken: Iterable[str] = ()) -> dict[str, str]:
    """Return a slug for each name, with ``-2``, ``-3`` … added where two would be the same.

    Parameters
    ----------
    names : iterable of str
        The names, in the order their reports are listed.
    taken : iterable of str, default ()
        Slugs already in use in the same folder (e.g. ``"team-overview"``).

    Returns
    -------
    dict
        Name -> slug.

    Examples
    --------
    >>> unique_slugs(["Ingrid Berg", "Ingrid-Berg", "Team overview"], taken=["team-overview"])
    {'Ingrid Berg': 'ingrid-berg', 'Ingrid-Berg': 'ingrid-berg-2', 'Team overview': 'team-ove...-2'}
    """
    used = set(taken)
    result = {}
    for name in names:
        base = slug(name, fallback="owner")
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        result[name] = candidate
    return result
