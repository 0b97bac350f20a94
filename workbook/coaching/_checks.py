"""What every coaching measure checks first: that the accounts carry tiers (settings are checked
where they are made, in ``workbook.settings``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook import formatting
from workbook.i18n import _, ngettext
from workbook.schema import TIERS


def tier_labels(tiered: pd.DataFrame) -> pd.Categorical:
    """Return the ``tier`` column as a Categorical with the categories A, B, C.

    Raises ValueError when the accounts have no tiers yet or a tier is not A, B or C.
    """
    if "tier" not in tiered.columns:
        raise ValueError(
            _("the accounts have no tier column: tier them first (workbook.assign_tiers(accounts))")
        )
    values = np.asarray(tiered["tier"].astype(object))
    unknown = ~pd.Series(values).isin(TIERS).to_numpy()
    if unknown.any():
        bad = sorted({str(v) for v in values[unknown]})
        raise ValueError(_("tiers must be A, B or C; found {tiers}").format(tiers=bad))
    return pd.Categorical(values, categories=TIERS)


def tier_counts(tiered: pd.DataFrame) -> dict[str, int]:
    """Return how many accounts each tier has (every tier present, zero when empty).

    Examples
    --------
    >>> tier_counts(pd.DataFrame({"tier": ["A", "B", "B"]}))
    {'A': 1, 'B': 2, 'C': 0}
    """
    counts = pd.Series(tier_labels(tiered)).value_counts()
    return {tier: int(counts.get(tier, 0)) for tier in TIERS}


def column_or_none(accounts: pd.DataFrame, name: str) -> pd.Series | None:
    """Return column ``name`` as floats, or None when the accounts lack it or it is all blank."""
    if name not in accounts.columns:
        return None
    values = pd.to_numeric(accounts[name], errors="coerce").astype(float)
    return None if values.isna().all() else values.reset_index(drop=True)


def identity(accounts: pd.DataFrame) -> pd.DataFrame:
    """Return ``account_id``, ``account`` and ``tier`` of each account (blank ids when absent).

    Examples
    --------
    >>> identity(pd.DataFrame({"account": ["Fjordbakeri AS"], "tier": ["A"]})).iloc[0].tolist()
    [None, 'Fjordbakeri AS', 'A']
    """
    names = {}
    for name in ("account_id", "account"):
        names[name] = (
            accounts[name].astype(object).to_numpy()
            if name in accounts.columns
            else np.full(len(accounts), None, dtype=object)
        )
    return pd.DataFrame({**names, "tier": tier_labels(accounts)})


def blanks_note(count: int, column: str, meaning: str) -> list[str]:
    """Return a note that ``count`` accounts have no ``column`` and what that was taken as
    (``meaning``, a translated clause).

    Examples
    --------
    >>> blanks_note(3, "visits", "counted as no time")
    ['3 accounts have no visits: counted as no time']
    >>> blanks_note(0, "visits", "counted as no time")
    []
    """
    if not count:
        return []
    return [
        ngettext(
            "{n} account has no {column}: {meaning}",
            "{n} accounts have no {column}: {meaning}",
            count,
        ).format(n=formatting.number(count), column=column, meaning=meaning)
    ]
