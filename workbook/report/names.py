"""File names for reports: safe slugs of owner names, unique within one run.

An owner name comes from a customer's CRM export and can hold anything (slashes, dots, emoji, a
name in another script). A slug keeps only ``a-z``, ``0-9`` and single hyphens, so a report can
never be written outside its folder, and Norwegian letters become their usual ASCII spellings.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbook.paths import slug

__all__ = ["slug", "unique_slugs"]


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
