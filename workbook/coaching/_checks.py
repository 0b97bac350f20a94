"""What every coaching measure checks first: its settings, and that the accounts carry tiers."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbook.schema import TIERS


class SettingsError(ValueError):
    """A setting of a coaching measure cannot be used (shares, hours, weights, visit lengths).

    Bad data raises ``AccountDataError``; this is about the numbers a person chose, and the
    message names them.
    """


def require_positive(name: str, value: float) -> float:
    """Return ``value`` as a float, or raise SettingsError when it is not a number above zero."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SettingsError(f"{name} must be a number above 0, not {value!r}") from None
    if not (math.isfinite(number) and number > 0):
        raise SettingsError(f"{name} must be a number above 0, not {value!r}")
    return number


def per_tier(
    name: str,
    given: Mapping[str, float] | None,
    defaults: Mapping[str, float],
    *,
    allow_zero: bool = False,
) -> dict[str, float]:
    """Return ``defaults`` updated with ``given`` (one number per tier), each checked.

    Examples
    --------
    >>> per_tier("visit_hours", {"A": 2}, {"A": 1.5, "B": 1.0, "C": 0.5})
    {'A': 2.0, 'B': 1.0, 'C': 0.5}
    """
    merged = dict(defaults)
    unknown = sorted(set(given or {}) - set(TIERS))
    if unknown:
        raise SettingsError(f"{name} names unknown tiers {unknown}: use A, B and C")
    merged.update(given or {})
    checked = {}
    for tier in TIERS:
        value = merged[tier]
        if allow_zero and isinstance(value, int | float) and value == 0:
            checked[tier] = 0.0
        else:
            checked[tier] = require_positive(f"{name}[{tier!r}]", value)
    return checked


def tier_labels(tiered: pd.DataFrame) -> pd.Categorical:
    """Return the ``tier`` column as a Categorical with the categories A, B, C.

    Raises ValueError when the accounts have no tiers yet or a tier is not A, B or C.
    """
    if "tier" not in tiered.columns:
        raise ValueError(
            "the accounts have no tier column: tier them first (workbook.assign_tiers(accounts))"
        )
    values = np.asarray(tiered["tier"].astype(object))
    unknown = ~pd.Series(values).isin(TIERS).to_numpy()
    if unknown.any():
        bad = sorted({str(v) for v in values[unknown]})
        raise ValueError(f"tiers must be A, B or C; found {bad}")
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
    """Return a note that ``count`` accounts have no ``column`` and what that was taken as.

    Examples
    --------
    >>> blanks_note(3, "visits", "counted as no time")
    ['3 accounts have no visits: counted as no time']
    >>> blanks_note(0, "visits", "counted as no time")
    []
    """
    if not count:
        return []
    return [f"{count} account{'s have' if count != 1 else ' has'} no {column}: {meaning}"]


def plain(number: float, digits: int = 1) -> str:
    """Write a number for a sentence: thousands separated, at most ``digits`` decimals, no zeros.

    Examples
    --------
    >>> plain(1104.0), plain(0.8333), plain(2.0), plain(0.775, 2)
    ('1,104', '0.8', '2', '0.78')
    """
    text = f"{number:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
