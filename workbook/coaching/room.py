"""The room view: the few anonymous figures a participant may share with the room, and their spread.

In a training session each participant's data stays in their own kernel. A participant who presses
"Share my figures with the room" sends only what :func:`room_figures` returns: how many accounts
they have (in a band, not the exact number), how concentrated their revenue is (the top 20%'s
share, the share of accounts that make 80%, the Gini), how well their time follows value today
and in their plan (the focus score), the share of time on A today and planned, and the hours a
week the plan frees. Never an account's name, number or amount, and never a total: shares and
scores are rounded to whole percent (0.01), hours to half an hour.

:func:`check_room_figures` is the one gate every set of figures passes, in the participant's
kernel before it is written and again when the room is read: exactly the known fields, each a
plain number inside its range (or a known word), rounded to its step. A browser can make a kernel
run its callbacks but not choose what they compute, and nothing it sends is taken as figures.

:func:`room_spread` and :func:`room_sentences` describe a room for the trainer's page.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields

import pandas as pd

from workbook import formatting
from workbook.analysis.concentration import concentration
from workbook.coaching.focus import focus_if_followed, hours_freed, time_vs_value
from workbook.coaching.plan import TimePlan
from workbook.i18n import N_, _, ngettext
from workbook.settings import METRICS

#: The bands the number of accounts is shared in: (lowest, highest); None is open-ended.
ACCOUNT_BANDS: tuple[tuple[int, int | None], ...] = (
    (1, 24),
    (25, 49),
    (50, 99),
    (100, 249),
    (250, 499),
    (500, 999),
    (1000, 4999),
    (5000, None),
)
#: Each band's key as stored ("100-249", "5000+"): the same in every language.
BAND_KEYS: tuple[str, ...] = tuple(
    f"{low}-{high}" if high is not None else f"{low}+" for low, high in ACCOUNT_BANDS
)
#: Shares and scores are shared in whole percent, hours in half hours.
SHARE_STEP = 0.01
HOURS_STEP = 0.5
#: More selling hours a week than a week has cannot be freed.
MAX_HOURS_A_WEEK = 168.0


class RoomFiguresError(ValueError):
    """Figures that are not what a participant's kernel computes (a field missing, unknown, of the
    wrong kind or out of range): they are never written to, or read from, a room."""


@dataclass(frozen=True)
class Field:
    """One figure a room keeps: its kind ("choice", "share" or "hours") and whether it may be
    missing (None: the participant's data has no visits or selling hours)."""

    name: str
    kind: str
    label: str
    optional: bool = False


#: Every figure of a room, in the order the trainer's page shows them.
FIELDS: tuple[Field, ...] = (
    Field("accounts_band", "choice", N_("Accounts")),
    Field("metric", "choice", N_("Tiers ranked by")),
    Field("top20_share", "share", N_("Share of revenue from the top 20% of accounts")),
    Field("accounts_for_80_share", "share", N_("Share of accounts that make 80% of revenue")),
    Field("gini", "share", N_("Gini coefficient of revenue")),
    Field("focus_today", "share", N_("Focus score today"), optional=True),
    Field("focus_plan", "share", N_("Focus score in the plan"), optional=True),
    Field("time_on_a_today", "share", N_("Share of selling time on A today"), optional=True),
    Field("time_on_a_plan", "share", N_("Share of selling time on A in the plan")),
    Field("hours_freed_per_week", "hours", N_("Hours a week the plan frees"), optional=True),
)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
CHOICES: dict[str, tuple[str, ...]] = {"accounts_band": BAND_KEYS, "metric": METRICS}


@dataclass(frozen=True)
class RoomFigures:
    """One participant's anonymous figures (see the module docstring; every share is 0 to 1)."""

    accounts_band: str
    metric: str
    top20_share: float
    accounts_for_80_share: float
    gini: float
    focus_today: float | None
    focus_plan: float | None
    time_on_a_today: float | None
    time_on_a_plan: float
    hours_freed_per_week: float | None

    def to_dict(self) -> dict[str, object]:
        """Return the figures as plain data (what a room stores)."""
        return asdict(self)


assert [f.name for f in fields(RoomFigures)] == [f.name for f in FIELDS], "one list of fields"


def account_band(n: int) -> str:
    """Return the band key of a book of ``n`` accounts.

    Examples
    --------
    >>> account_band(1), account_band(250), account_band(999), account_band(12_000)
    ('1-24', '250-499', '500-999', '5000+')
    """
    for key, (low, high) in zip(BAND_KEYS, ACCOUNT_BANDS, strict=True):
        if n >= low and (high is None or n <= high):
            return key
    raise RoomFiguresError(f"a room needs at least one account, not {n}")


def band_label(key: str) -> str:
    """Return a band as a person reads it in the current language (``100–249``, ``5,000 or more``).

    Examples
    --------
    >>> band_label("1000-4999"), band_label("5000+")
    ('1,000–4,999', '5,000 or more')
    """
    low, high = ACCOUNT_BANDS[BAND_KEYS.index(key)]
    if high is None:
        return _("{low} or more").format(low=formatting.number(low))
    return _("{low}–{high}").format(low=formatting.number(low), high=formatting.number(high))


def _number(name: str, value: object, field: Field) -> float | None:
    if value is None:
        if field.optional:
            return None
        raise RoomFiguresError(f"{name} is missing")
    # bool is an int in Python; a figure is never a yes/no. Strings are never figures.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RoomFiguresError(f"{name} must be a number, not {type(value).__name__}")
    number = float(value)
    high = 1.0 if field.kind == "share" else MAX_HOURS_A_WEEK
    if not (math.isfinite(number) and 0.0 <= number <= high):
        raise RoomFiguresError(f"{name} must be between 0 and {high:g}, not {value!r}")
    step = SHARE_STEP if field.kind == "share" else HOURS_STEP
    return round(round(number / step) * step, 2)


def check_room_figures(data: Mapping[str, object]) -> RoomFigures:
    """Return ``data`` as RoomFigures, rounded to their steps; raise RoomFiguresError otherwise.

    ``data`` must have exactly the fields of :data:`FIELDS`: the two choices one of their known
    words, every other figure a number in its range (a share 0 to 1, hours 0 to 168) or, where
    the field allows it, None. Nothing else (no name, no text, no amount) can pass.

    Examples
    --------
    >>> figures = {"accounts_band": "250-499", "metric": "revenue", "top20_share": 0.7662,
    ...            "accounts_for_80_share": 0.232, "gini": 0.7274, "focus_today": 0.518,
    ...            "focus_plan": 0.6715, "time_on_a_today": 0.3092, "time_on_a_plan": 0.8,
    ...            "hours_freed_per_week": 11.49}
    >>> check_room_figures(figures).top20_share, check_room_figures(figures).hours_freed_per_week
    (0.77, 11.5)
    >>> check_room_figures({**figures, "account": "Fjordbakeri AS"})
    Traceback (most recent call last):
    ...
    workbook.coaching.room.RoomFiguresError: unknown figures: account
    >>> check_room_figures({**figures, "gini": "0.7"})
    Traceback (most recent call last):
    ...
    workbook.coaching.room.RoomFiguresError: gini must be a number, not str
    """
    if not isinstance(data, Mapping):
        raise RoomFiguresError("figures must be a mapping of names to values")
    unknown = sorted(str(k) for k in data if k not in BY_NAME)
    if unknown:
        raise RoomFiguresError(f"unknown figures: {', '.join(unknown)}")
    missing = [f.name for f in FIELDS if f.name not in data]
    if missing:
        raise RoomFiguresError(f"missing figures: {', '.join(missing)}")
    checked: dict[str, object] = {}
    for field in FIELDS:
        value = data[field.name]
        if field.kind == "choice":
            if not isinstance(value, str) or value not in CHOICES[field.name]:
                raise RoomFiguresError(
                    f"{field.name} must be one of {', '.join(CHOICES[field.name])}"
                )
            checked[field.name] = value
        else:
            checked[field.name] = _number(field.name, value, field)
    return RoomFigures(**checked)


def room_figures(tiered: pd.DataFrame, plan: TimePlan, *, metric: str = "revenue") -> RoomFigures:
    """Return the anonymous figures a participant may share with the room.

    The concentration figures are always of revenue (every book has it, so a room can compare
    them); the focus scores, the share of time on A and the hours freed follow the participant's
    own tiers and plan, with value measured in ``metric`` as their tiers are. The focus score in
    the plan is the same yardstick as today's, applied to the plan's hours per account.

    Parameters
    ----------
    tiered : pandas.DataFrame
        The participant's accounts with their ``tier``.
    plan : TimePlan
        The participant's time plan (from ``plan_time`` on the same accounts).
    metric : str, default "revenue"
        What the tiers are ranked by (the value time is compared with).

    Returns
    -------
    RoomFigures
        Checked and rounded by :func:`check_room_figures`. Figures that need visits or selling
        hours are None when the data has neither.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> tiered = example_tiered()
    >>> figures = room_figures(tiered, plan_time(tiered))
    >>> figures.accounts_band, figures.top20_share, figures.time_on_a_today, figures.time_on_a_plan
    ('1-24', 0.9, 0.57, 0.8)
    >>> "Fjordbakeri AS" in str(figures.to_dict())
    False
    """
    figures = concentration(tiered, metric="revenue")
    # the one yardstick: time against the plan, so following the plan scores its own figure
    focus_plan = focus_if_followed(tiered, plan)
    today = time_vs_value(tiered, metric=metric, plan=plan)
    focus_today = time_on_a = freed_per_week = None
    if today.available:
        focus_today = today.score
        time_on_a = float(today.tiers.at["A", "time_share"])
        freed = hours_freed(today, plan)
        freed_per_week = (freed.from_c + freed.from_over_served) / plan.weeks
    return check_room_figures(
        {
            "accounts_band": account_band(figures.n),
            "metric": metric,
            "top20_share": figures.top20_share,
            "accounts_for_80_share": figures.accounts_for_80 / figures.n,
            "gini": figures.gini,
            "focus_today": focus_today,
            "focus_plan": focus_plan,
            "time_on_a_today": time_on_a,
            "time_on_a_plan": plan.shares["A"],
            "hours_freed_per_week": min(freed_per_week, MAX_HOURS_A_WEEK)
            if freed_per_week is not None
            else None,
        }
    )


# --- a room of figures --------------------------------------------------------------------------
@dataclass(frozen=True)
class Spread:
    """How one figure spreads over the participants who have it: lowest, median, highest."""

    name: str
    values: tuple[float, ...]
    low: float
    median: float
    high: float


def room_spread(figures: Sequence[RoomFigures], name: str) -> Spread | None:
    """Return the spread of the figure ``name`` over the room; None when nobody has it.

    Examples
    --------
    >>> from workbook.coaching.examples import example_room_figures as one
    >>> room = [one(), one(top20_share=0.91), one(top20_share=0.7)]
    >>> spread = room_spread(room, "top20_share")
    >>> spread.low, spread.median, spread.high
    (0.62, 0.7, 0.91)
    >>> room_spread(room, "focus_today") is None
    True
    """
    if BY_NAME[name].kind == "choice":
        raise ValueError(f"{name} is a choice, not a number: count it instead")
    values = tuple(sorted(v for f in figures if (v := getattr(f, name)) is not None))
    if not values:
        return None
    return Spread(name, values, values[0], float(statistics.median(values)), values[-1])


def band_counts(figures: Sequence[RoomFigures]) -> dict[str, int]:
    """Return how many participants are in each band of accounts (every band, in order)."""
    counts = dict.fromkeys(BAND_KEYS, 0)
    for f in figures:
        counts[f.accounts_band] += 1
    return counts


def _range(spread: Spread, unit) -> dict[str, str]:
    return {"low": unit(spread.low), "high": unit(spread.high), "median": unit(spread.median)}


def room_sentences(figures: Sequence[RoomFigures]) -> list[str]:
    """Return the room's picture in a few sentences a trainer can read aloud.

    Examples
    --------
    >>> from workbook.coaching.examples import example_room_figures as one
    >>> print("\\n".join(room_sentences([one(), one(top20_share=0.91)])))
    2 participants have shared their figures.
    In this room the top 20% of accounts bring 62%–91% of revenue (median 76%).
    80% of revenue comes from 30% of the accounts, for everyone.
    The plans give A accounts 80% of selling time, for everyone.
    """
    n = len(figures)
    if not n:
        return [_("Nobody has shared their figures yet.")]
    lines = [
        ngettext(
            "{n} participant has shared their figures.",
            "{n} participants have shared their figures.",
            n,
        ).format(n=formatting.number(n))
    ]
    # Each figure: how to say a range, and how to say it when everyone has the same value.
    texts = {
        "top20_share": (
            N_(
                "In this room the top 20% of accounts bring {low}–{high} of revenue "
                "(median {median})."
            ),
            N_("In this room the top 20% of accounts bring {value} of revenue, for everyone."),
        ),
        "accounts_for_80_share": (
            N_("80% of revenue comes from {low}–{high} of the accounts (median {median})."),
            N_("80% of revenue comes from {value} of the accounts, for everyone."),
        ),
        "time_on_a_today": (
            N_("Today A accounts get {low}–{high} of selling time (median {median})."),
            N_("Today A accounts get {value} of selling time, for everyone."),
        ),
        "time_on_a_plan": (
            N_("The plans give A accounts {low}–{high} of selling time (median {median})."),
            N_("The plans give A accounts {value} of selling time, for everyone."),
        ),
        "focus_today": (
            N_("Focus scores today: {low} to {high} (median {median})."),
            N_("Focus score today: {value}, for everyone."),
        ),
        "focus_plan": (
            N_("Focus scores in the plans: {low} to {high} (median {median})."),
            N_("Focus score in the plans: {value}, for everyone."),
        ),
        "hours_freed_per_week": (
            N_("The plans free {low} to {high} a week for better accounts (median {median})."),
            N_("The plans free {value} a week for better accounts, for everyone."),
        ),
    }
    units = {
        "focus_today": lambda v: formatting.number(v, 2),
        "focus_plan": lambda v: formatting.number(v, 2),
        "hours_freed_per_week": formatting.hours,
    }
    for name, (spread_text, same_text) in texts.items():
        spread = room_spread(figures, name)
        if spread is None:
            continue
        unit = units.get(name, formatting.share)
        if spread.low == spread.high:
            lines.append(_(same_text).format(value=unit(spread.low)))
        else:
            lines.append(_(spread_text).format(**_range(spread, unit)))
    return lines
