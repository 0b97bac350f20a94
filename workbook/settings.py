"""Every setting a person chooses, with its default and the reason for it, checked once.

Two frozen objects carry the settings from the parameters cell, the command line and the panels
to every function that needs them:

- :class:`TierSettings`: what the accounts are ranked by, where the tier lines are drawn, and
  the accounts pinned to a tier by hand (each a :class:`Pin` with its reason);
- :class:`PlanSettings`: the selling time a year, how it is split between prospecting, the tiers
  and their accounts, how long a visit takes, the weeks a visit rota leaves free and what an hour
  costs.

Each is checked where it is made, so a function that receives one never checks it again, and a
setting that cannot be used raises :class:`~workbook.errors.SettingsError` naming the setting and
the values it may take (the command line exits 2 on it). The public functions keep a keyword form
(``assign_tiers(accounts, method="value_share", a=0.7)``) that builds the object.

Examples
--------
>>> TierSettings(method="value_share", a=0.7)
TierSettings(metric='revenue', method='value_share', a=0.7, b=0.95, c=None)
>>> TierSettings(c=1.5)
Traceback (most recent call last):
...
workbook.errors.SettingsError: c must be a share between 0 and 1 (e.g. 0.25), not 1.5
>>> PlanSettings(hours_per_week=20).total_hours
900.0
>>> PlanSettings().field_hours  # 10% of the 1,350 hours kept for prospecting
1215.0
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from workbook import formatting as fmt
from workbook.errors import SettingsError
from workbook.i18n import N_, _
from workbook.schema import TIERS

# --- tiers --------------------------------------------------------------------------------------
#: What accounts can be ranked by: revenue, gross profit, or a blend of the two shares.
METRICS: tuple[str, ...] = ("revenue", "gross_profit", "blend")
METRIC_LABELS = MappingProxyType(
    {
        "revenue": N_("revenue"),
        "gross_profit": N_("gross profit"),
        "blend": N_("value (revenue and profit blended)"),
    }
)


def metric_label(metric: str) -> str:
    """Return the metric as people say it, in the current language.

    Examples
    --------
    >>> metric_label("gross_profit")
    'gross profit'
    """
    return _(METRIC_LABELS[metric]) if metric in METRIC_LABELS else metric.replace("_", " ")


#: How the tier lines are drawn: by share of accounts (the article's rule) or share of value (ABC).
METHODS: tuple[str, ...] = ("account_share", "value_share")
#: The thresholds of each method. account_share: A is the top 20% of accounts (the article's
#: "about 20% of accounts bring most of the revenue"), C the bottom 25% (its "20–25% low-revenue
#: accounts"). value_share: classic ABC analysis, A until 80% of the value, B until 95%.
THRESHOLDS: Mapping[str, Mapping[str, float]] = MappingProxyType(
    {
        "account_share": MappingProxyType({"a": 0.20, "c": 0.25}),
        "value_share": MappingProxyType({"a": 0.80, "b": 0.95}),
    }
)
#: The weight of revenue in the ``blend`` metric (gross profit gets the rest).
BLEND_WEIGHT = 0.5

# --- the time plan ------------------------------------------------------------------------------
#: Selling hours a week: a 40-hour week less about 10 hours of e-mail, quotes, reports and internal
#: meetings. Travel is counted once, as part of each visit: the drive to a customer is in the
#: length of the visit (:data:`VISIT_HOURS`: a 1.5 h A visit is about an hour with the customer
#: and half an hour on the road), and so in these 30 hours; never subtracted from one and added
#: to the other.
HOURS_PER_WEEK = 30.0
#: Selling weeks a year: 52 less 5 weeks of holiday (Norway's 25 working days, three of them in
#: the July "fellesferie") and about 2 weeks of public holidays on weekdays (Norway has about 10).
WEEKS = 45.0
#: The share of selling time kept for new customers, outside the tiers: a book loses some
#: customers every year (5-15% is common in business-to-business sales) and only prospecting
#: replaces them. The rest of the time (the field hours) is split over the tiers.
PROSPECTING_SHARE = 0.10
#: The article's rule: block 80% of the field hours for the top accounts ...
SHARE_A = 0.8
#: ... and fit the B accounts into the remaining 20%.
SHARE_B = 0.2
#: C accounts get no field time by default: inside sales, e-mail or self-service serves them.
SHARE_C = 0.0
#: Shares must add up to 1 within this tolerance (0.8 + 0.2 is not exactly 1.0 in floating point).
SHARE_TOLERANCE = 1e-9
#: Hours one visit takes, travel included: A meetings are longer (several people, a review of the
#: business); a B visit is a normal call; a C contact is short (and mostly by phone).
VISIT_HOURS = MappingProxyType({"A": 1.5, "B": 1.0, "C": 0.5})
#: The least contact a plan must allow, in visits a year ("do not ignore anyone, but reduce
#: contact"): every A account at least every other month in person (phone and e-mail between;
#: the bigger A accounts get far more, so A averages about monthly), every B account at least once
#: a year, C none (other channels serve them). With the defaults the sample's 50 A accounts need
#: 450 of A's 972 field hours for their minimum; at 10 hours a week they do not fit.
MIN_VISITS_PER_YEAR = MappingProxyType({"A": 6.0, "B": 1.0, "C": 0.0})
#: The most visits a year an account can use: an A account weekly (one visit each selling week);
#: a B account that needs more than monthly visits is an A account (draw the tiers again); C, when
#: it gets field time at all, quarterly. Hours a tier cannot place within these are said.
MAX_VISITS_PER_YEAR = MappingProxyType({"A": 45.0, "B": 12.0, "C": 4.0})
#: How the hours of a tier are shared by its accounts: ``"response"`` (by a response to visits
#: with diminishing returns, see :data:`RESPONSE_HALF_VISITS`), ``"equal"`` (the same for every
#: account of the tier) or ``"value"`` (in proportion to each account's value).
ALLOCATIONS: tuple[str, ...] = ("response", "equal", "value")
#: Sales respond to visits with diminishing returns (CALLPLAN, Lodish 1971; the ADBUDG curve of
#: Little 1970), so the default follows value less than in proportion.
ALLOCATION = "response"
#: The response curve of an account to x visits a year: r(x) = b + (1 - b) * x / (d + x), the
#: ADBUDG form with c = 1 (concave: each visit adds less than the one before) and a saturation of
#: 1. ``d`` is the visits a year at which an account gets half of what visits can do for it: an
#: A account quarterly (4: monthly visits then bring 75% of it, weekly 92%), a B account twice a
#: year, a C account once. Giving the next hour where it adds most (value x the curve's slope)
#: makes visits + d follow the square root of value: an account with four times the value gets
#: about twice the visits, not four times. A starting point, not a measurement: CALLPLAN asked
#: the salesperson four questions per account to fit it (see notebook 07).
RESPONSE_HALF_VISITS = MappingProxyType({"A": 4.0, "B": 2.0, "C": 1.0})
#: The share of an account's purchases that visits drive (1 - b of the curve), for the revenue
#: effect the before/after shows as a range: 10% for customers who would buy nearly as much
#: without you, 40% for customers who buy because you come. On the sample: +1.4% to +6.6%,
#: the range field studies report (Zoltners & Sinha: 2-7%; CALLPLAN's users at United Airlines
#: sold 8.1% more after six months, Fudge & Lodish 1977).
VISIT_DRIVEN_SHARE = (0.10, 0.40)
#: An account whose first order is less than this many months old (when order lines show it) is
#: "new": its revenue covers part of a year, so it is planned as B, never sent to C.
NEW_ACCOUNT_MONTHS = 6.0
#: The visit rota leaves the public holidays of this country free (a code of the ``holidays``
#: package; "none" for none): the sample's salespeople work in Norway.
HOLIDAYS = "NO"
#: ... and an optional summer break, as ISO weeks (first, last): much of Norway takes three weeks
#: in July ("fellesferie"). ``()`` for none.
SUMMER_BREAK = (28, 30)

# --- cost to serve ------------------------------------------------------------------------------
#: What one hour of a field salesperson costs, in the file's currency (NOK in the sample): salary,
#: social costs, car and travel come to about 1.1 million NOK a year, spread over the
#: 1,350 selling hours of the default plan (30 h x 45 weeks) that is about 800 an hour.
HOURLY_COST = 800.0
#: Minutes one small service request takes (a call, an e-mail, a complaint, a credit note).
MINUTES_PER_REQUEST = 20.0
#: The sample's gross_profit is already net of concessions (see data/README.md), as most ERP
#: margin reports are; subtracting them again would count them twice.
PROFIT_INCLUDES_CONCESSIONS = True

# --- where time goes today ----------------------------------------------------------------------
#: An account is over-served ("a customer you like") when its share of your time is at least this
#: many times its share of value ...
OVER_SERVED_RATIO = 2.0
#: ... and, so that tiny accounts with one visit do not all qualify, above the average share of
#: time (1 / number of accounts). An A account is under-served when its time share is at most this
#: fraction of its value share.
UNDER_SERVED_RATIO = 0.5

# --- growth screen for B ------------------------------------------------------------------------
#: Room to grow matters most, then recent growth, then margin (a growing, profitable customer with
#: a big wallet is where extra B time pays back).
GROWTH_WEIGHTS = MappingProxyType({"headroom": 0.5, "growth": 0.3, "margin": 0.2})
#: The article: only about one in five B accounts has real potential.
GROWTH_TOP_SHARE = 0.2

# --- the weekly calendar ------------------------------------------------------------------------
#: The working day starts here; the A block comes first, when customers are easiest to meet.
DAY_START = "08:00"
#: A short daily slot for admin and C follow-up (e-mail, hand-overs to inside sales), outside the
#: planned selling hours.
ADMIN_MINUTES = 30
#: The calendar's time zone (an IANA name): the sample's salespeople work in Norway.
TIMEZONE = "Europe/Oslo"


# --- checks -------------------------------------------------------------------------------------
# The messages name settings and the values a person types (``share_a``, ``0.25``, ``none``) as they
# are typed, in placeholders, so no translation changes what has to be typed.
def either(items) -> str:
    """Return choices for a sentence: ``revenue, gross_profit or blend``.

    Examples
    --------
    >>> either(["A", "B", "C"]), either(["x"])
    ('A, B or C', 'x')
    """
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("{options} or {last}").format(options=", ".join(items[:-1]), last=items[-1])


def choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    """Return ``value`` when it is one of ``allowed``; raise SettingsError naming them otherwise.

    Examples
    --------
    >>> choice("metric", "margin", METRICS)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: unknown metric 'margin': choose revenue, gross_profit or blend
    """
    if value in allowed:
        return str(value)
    raise SettingsError(
        _("unknown {name} {value}: choose {choices}").format(
            name=name, value=repr(value), choices=either(allowed)
        ),
        setting=name,
        allowed=allowed,
    )


def share(name: str, value: object, example: float | None = None) -> float:
    """Return ``value`` as a share between 0 and 1, or raise SettingsError naming ``name``."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float | np.number)
        or not math.isfinite(float(value))
        or not 0 <= value <= 1
    ):
        text = (
            _("{name} must be a share between 0 and 1, not {value}")
            if example is None
            else _("{name} must be a share between 0 and 1 (e.g. {example}), not {value}")
        )
        raise SettingsError(
            text.format(name=name, example=example, value=repr(value)),
            setting=name,
            allowed="0..1",
        )
    return float(value)


def positive(name: str, value: object, *, most: float | None = None) -> float:
    """Return ``value`` as a float, or raise SettingsError when it is not a number above zero
    (and, with ``most``, at most that).

    Examples
    --------
    >>> positive("weeks", 60, most=53)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: weeks must be a number above 0 and at most 53, not 60
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not (
        math.isfinite(number) and number > 0 and (most is None or number <= most)
    ):
        text = (
            _("{name} must be a number above 0, not {value}")
            if most is None
            else _("{name} must be a number above 0 and at most {most}, not {value}")
        )
        raise SettingsError(
            text.format(name=name, most=f"{most:g}" if most is not None else "", value=repr(value)),
            setting=name,
            allowed=f"0 < {name}" + ("" if most is None else f" <= {most:g}"),
        )
    return number


def per_tier(
    name: str,
    given: Mapping[str, float] | None,
    defaults: Mapping[str, float],
    *,
    allow_zero: bool = False,
) -> Mapping[str, float]:
    """Return ``defaults`` updated with ``given`` (one number per tier), each checked.

    Examples
    --------
    >>> dict(per_tier("visit_hours", {"A": 2}, {"A": 1.5, "B": 1.0, "C": 0.5}))
    {'A': 2.0, 'B': 1.0, 'C': 0.5}
    """
    merged = dict(defaults)
    unknown = sorted(set(given or {}) - set(TIERS))
    if unknown:
        raise SettingsError(
            _("{name} names unknown tiers {tiers}: use A, B and C").format(
                name=name, tiers=unknown
            ),
            setting=name,
            allowed=TIERS,
        )
    merged.update(given or {})
    checked = {}
    for tier in TIERS:
        value = merged[tier]
        if allow_zero and isinstance(value, int | float) and value == 0:
            checked[tier] = 0.0
        else:
            checked[tier] = positive(f"{name}[{tier!r}]", value)
    return MappingProxyType(checked)


# --- the objects --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pin:
    """An account pinned to a tier by hand, with the reason the numbers do not show.

    A salesperson knows what the figures cannot: a strategic account ramping up, a reference
    customer. A pinned account takes its pinned tier in every view, the plan and the exports;
    every other account keeps the tier the rule gives it.

    Parameters
    ----------
    account_id : str
        The account, by its ``account_id`` (kept as text: "00123" stays "00123").
    tier : str
        ``"A"``, ``"B"`` or ``"C"`` (a lower-case letter is read as the tier).
    reason : str
        Why, in a few words; a pin needs one, so that whoever reads the tiers sees it.

    Examples
    --------
    >>> Pin("00123", "a", "  reference customer ")
    Pin(account_id='00123', tier='A', reason='reference customer')
    >>> Pin("00123", "D", "ramping up")
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: the pin of account 00123: "D" is not a tier: pin it to A, B or C
    >>> Pin("00123", "A", " ")
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: the pin of account 00123 to A has no reason: say why it is pinned
    """

    account_id: str
    tier: str
    reason: str

    def __post_init__(self) -> None:
        account = _text(self.account_id)
        if not account:
            raise SettingsError(
                _("a pin needs an account_id (the pin to {tier}, {reason})").format(
                    tier=repr(self.tier), reason=repr(self.reason)
                ),
                setting="pins",
            )
        tier = _text(self.tier).upper()
        if tier not in TIERS:
            raise SettingsError(
                _(
                    'the pin of account {account}: "{tier}" is not a tier: pin it to A, B or C'
                ).format(account=account, tier=_text(self.tier)),
                setting="pins",
                allowed=TIERS,
            )
        reason = _text(self.reason)
        if not reason:
            raise SettingsError(
                _(
                    "the pin of account {account} to {tier} has no reason: say why it is pinned"
                ).format(account=account, tier=tier),
                setting="pins",
            )
        object.__setattr__(self, "account_id", account)
        object.__setattr__(self, "tier", tier)
        object.__setattr__(self, "reason", reason)

    def to_dict(self) -> dict[str, str]:
        """Return the pin as plain data: ``account_id``, ``tier``, ``reason``."""
        return {"account_id": self.account_id, "tier": self.tier, "reason": self.reason}


def _text(value: object) -> str:
    """Return ``value`` as text without surrounding spaces ("" for None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def as_pins(pins: Iterable[Pin | Mapping | tuple] | None) -> tuple[Pin, ...]:
    """Return ``pins`` as a tuple of :class:`Pin` (each checked), an account pinned at most once.

    Each may be a ``Pin``, a mapping with ``account_id``, ``tier`` and ``reason``, or an
    ``(account_id, tier, reason)`` triple.

    Examples
    --------
    >>> as_pins([("001", "A", "reference customer"), {"account_id": "002", "tier": "B",
    ...                                                "reason": "new owner"}])[1]
    Pin(account_id='002', tier='B', reason='new owner')
    >>> as_pins([("001", "A", "reference"), ("001", "B", "ramping up")])
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: account 001 is pinned twice (to A and to B): keep one pin
    """
    if pins is None:
        return ()
    if isinstance(pins, Pin | Mapping | str):
        raise SettingsError(
            _("pins must be a list of pins (account_id, tier, reason), not one pin"),
            setting="pins",
        )
    checked: list[Pin] = []
    seen: dict[str, Pin] = {}
    for pin in pins:
        if isinstance(pin, Mapping):
            pin = Pin(pin.get("account_id"), pin.get("tier"), pin.get("reason"))
        elif not isinstance(pin, Pin):
            try:
                pin = Pin(*pin)
            except TypeError:
                raise SettingsError(
                    _("a pin is an account_id, a tier and a reason, not {pin}").format(
                        pin=repr(pin)
                    ),
                    setting="pins",
                ) from None
        if pin.account_id in seen:
            first = seen[pin.account_id]
            raise SettingsError(
                _(
                    "account {account} is pinned twice (to {first} and to {second}): keep one pin"
                ).format(account=pin.account_id, first=first.tier, second=pin.tier),
                setting="pins",
            )
        seen[pin.account_id] = pin
        checked.append(pin)
    return tuple(checked)


@dataclass(frozen=True, repr=False)
class TierSettings:
    """What the accounts are ranked by and where the tier lines are drawn, checked.

    Parameters
    ----------
    metric : str, default "revenue"
        ``"revenue"``, ``"gross_profit"`` or ``"blend"`` (half each account's share of the
        positive revenue, half its share of the positive profit).
    method : str, default "account_share"
        ``"account_share"``: A = the top ``ceil(a·n)`` accounts, C = the bottom ``floor(c·n)``,
        B the rest. ``"value_share"``: A = the smallest top group reaching a share a of the
        value, B on until b, C the rest.
    a, b, c : float, optional
        Shares between 0 and 1 in the method's own unit (None: the method's default, see
        :data:`THRESHOLDS`). The threshold a method does not use must be left out; it is None
        on the object.
    pins : sequence of Pin, default ()
        Accounts pinned to a tier by hand, each with its reason (see :class:`Pin`; mappings and
        ``(account_id, tier, reason)`` triples are read as pins). A pin moves only its own
        account: pinning two C accounts to A adds two to A and takes two from C.

    Examples
    --------
    >>> TierSettings()
    TierSettings(metric='revenue', method='account_share', a=0.2, b=None, c=0.25)
    >>> TierSettings(pins=[("001", "A", "reference customer")]).pins
    (Pin(account_id='001', tier='A', reason='reference customer'),)
    >>> TierSettings(method="value_share", c=0.3)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: c is a threshold of account_share; value_share uses a and b
    >>> TierSettings(method="value_share", a=0.8, b=0.6)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: b (0.6) must be at least a (0.8): B runs on from A ...
    """

    metric: str = "revenue"
    method: str = "account_share"
    a: float | None = None
    b: float | None = None
    c: float | None = None
    pins: tuple[Pin, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "pins", as_pins(self.pins))
        choice("metric", self.metric, METRICS)
        method = choice("method", self.method, METHODS)
        used = THRESHOLDS[method]
        for name in ("a", "b", "c"):
            value = getattr(self, name)
            if name not in used:
                if value is not None:
                    other = next(m for m in METHODS if name in THRESHOLDS[m])
                    raise SettingsError(
                        _("{name} is a threshold of {other}; {method} uses {used}").format(
                            name=name, other=other, method=method, used=fmt.listing(list(used))
                        ),
                        setting=name,
                        allowed=tuple(used),
                    )
                continue
            value = used[name] if value is None else share(name, value, used[name])
            object.__setattr__(self, name, float(value))
        if method == "value_share" and self.b < self.a:
            raise SettingsError(
                _(
                    "b ({b}) must be at least a ({a}): B runs on from A until the value share "
                    "reaches b"
                ).format(b=self.b, a=self.a),
                setting="b",
            )

    def __repr__(self) -> str:
        text = (
            f"TierSettings(metric={self.metric!r}, method={self.method!r}, "
            f"a={self.a!r}, b={self.b!r}, c={self.c!r}"
        )
        return text + (f", pins={self.pins!r})" if self.pins else ")")

    @classmethod
    def of(cls, settings: TierSettings | None = None, /, **choices) -> TierSettings:
        """Return ``settings`` with ``choices`` changed (None values ignored); the defaults when
        both are empty. This is how the keyword form of the public functions builds the object.

        Changing the method starts its thresholds from their defaults, unless they are given;
        the metric and the pins are kept.

        Examples
        --------
        >>> TierSettings.of(TierSettings(c=0.3), method="value_share", a=0.7)
        TierSettings(metric='revenue', method='value_share', a=0.7, b=0.95, c=None)
        """
        given = {name: value for name, value in choices.items() if value is not None}
        if settings is None:
            return cls(**given)
        if "method" in given and given["method"] != settings.method:
            kept = {"metric": settings.metric, "pins": settings.pins}
            return cls(**{**kept, **given})
        return dataclasses.replace(settings, **given) if given else settings

    @property
    def thresholds(self) -> dict[str, float]:
        """The thresholds the method uses, by name (e.g. ``{"a": 0.2, "c": 0.25}``)."""
        return {name: getattr(self, name) for name in THRESHOLDS[self.method]}

    @property
    def without_pins(self) -> TierSettings:
        """The same settings without the pins: the tiers the rule alone gives."""
        return dataclasses.replace(self, pins=()) if self.pins else self

    def pins_for(self, account_ids: Iterable[object]) -> TierSettings:
        """Return the settings keeping only the pins of ``account_ids`` (e.g. one owner's).

        Examples
        --------
        >>> pinned = TierSettings(pins=[("001", "A", "reference"), ("002", "C", "closing")])
        >>> pinned.pins_for(["002", "003"]).pins
        (Pin(account_id='002', tier='C', reason='closing'),)
        """
        ids = {str(account_id) for account_id in account_ids}
        kept = tuple(pin for pin in self.pins if pin.account_id in ids)
        return self if kept == self.pins else dataclasses.replace(self, pins=kept)

    def to_dict(self) -> dict[str, object]:
        """Return the settings as plain data (for JSON); :meth:`from_dict` reads it back.

        Examples
        --------
        >>> TierSettings(pins=[("001", "A", "reference")]).to_dict()
        {'metric': 'revenue', 'method': 'account_share', 'a': 0.2, 'c': 0.25, 'pins': [{'account_id': '001', 'tier': 'A', 'reason': 'reference'}]}
        """  # noqa: E501
        data: dict[str, object] = {"metric": self.metric, "method": self.method, **self.thresholds}
        if self.pins:
            data["pins"] = [pin.to_dict() for pin in self.pins]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> TierSettings:
        """Return the settings saved by :meth:`to_dict` (unknown keys are ignored)."""
        names = ("metric", "method", "a", "b", "c", "pins")
        return cls(**{k: data[k] for k in names if k in data})


@dataclass(frozen=True)
class PlanSettings:
    """The year's selling time, how it is split over the tiers and accounts, and what it costs.

    Parameters
    ----------
    hours_per_week : float, default 30.0
        Selling hours you can plan each week, travel to customers included.
    weeks : float, default 45.0
        Selling weeks in the year.
    prospecting_share : float, default 0.10
        The share of the selling time kept for new customers, outside the tiers.
    share_a, share_b : float, default 0.8, 0.2
        The tiers' shares of the field hours (the time left after prospecting).
    share_c : float, optional
        C's share; by default what A and B leave (0 with the defaults).
    allocation : str, default "response"
        How a tier's hours are shared by its accounts: ``"response"`` (diminishing returns),
        ``"equal"`` or ``"value"`` (in proportion to value).
    visit_hours : mapping, default {"A": 1.5, "B": 1.0, "C": 0.5}
        Hours one visit takes per tier, travel included; tiers left out keep their default.
    min_visits_per_year, max_visits_per_year : mapping
        The least (A 6, B 1, C 0) and the most (A 45, B 12, C 4) visits a year an account of a
        tier gets; whole numbers.
    response_half_visits : mapping, default {"A": 4, "B": 2, "C": 1}
        The visits a year at which an account gets half of what visits can do for it (the ``d``
        of the response curve, see :data:`RESPONSE_HALF_VISITS`).
    hourly_cost : float, default 800.0
        What an hour of selling time costs, in the file's currency.
    minutes_per_request : float, default 20.0
        Minutes one small service request takes.
    new_account_months : float, default 6
        An account whose first order is younger than this (when order lines show it) is new:
        planned as B, never sent to C on a part of a year.
    holidays : str, default "NO"
        The country whose public holidays the visit rota leaves free (``"none"``: none).
    summer_break : tuple of two ints, or str, default (28, 30)
        The ISO weeks of a summer break the rota leaves free, first and last; ``"28-30"`` is read
        the same way, ``"none"`` or ``()`` for no break.

    Examples
    --------
    >>> plan = PlanSettings(share_a=0.7, summer_break="27-29")
    >>> PlanSettings.from_dict(plan.to_dict()) == plan
    True
    >>> dict(plan.shares), plan.summer_break, plan.field_hours
    ({'A': 0.7, 'B': 0.2, 'C': 0.1...}, (27, 29), 1215.0)
    >>> PlanSettings(share_a=0.9)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: the shares of selling time add up to more than 1 without C
    (A 0.9 + B 0.2 = 1.1): lower share_a or share_b
    >>> PlanSettings(min_visits_per_year={"B": 14})
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: min_visits_per_year['B'] is 14, more than
    max_visits_per_year['B'] (12): lower the one or raise the other
    """

    hours_per_week: float = HOURS_PER_WEEK
    weeks: float = WEEKS
    share_a: float = SHARE_A
    share_b: float = SHARE_B
    share_c: float | None = None
    visit_hours: Mapping[str, float] = field(default_factory=lambda: VISIT_HOURS)
    min_visits_per_year: Mapping[str, float] = field(default_factory=lambda: MIN_VISITS_PER_YEAR)
    hourly_cost: float = HOURLY_COST
    minutes_per_request: float = MINUTES_PER_REQUEST
    prospecting_share: float = PROSPECTING_SHARE
    allocation: str = ALLOCATION
    max_visits_per_year: Mapping[str, float] = field(default_factory=lambda: MAX_VISITS_PER_YEAR)
    response_half_visits: Mapping[str, float] = field(default_factory=lambda: RESPONSE_HALF_VISITS)
    new_account_months: float = NEW_ACCOUNT_MONTHS
    holidays: str = HOLIDAYS
    summer_break: tuple[int, ...] | str = SUMMER_BREAK

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        # a week has 168 hours and a year 53 weeks: more is a typing slip, not a plan
        set_(self, "hours_per_week", positive("hours_per_week", self.hours_per_week, most=168))
        set_(self, "weeks", positive("weeks", self.weeks, most=53))
        shares = check_shares(self.share_a, self.share_b, self.share_c)
        for tier, value in shares.items():
            set_(self, f"share_{tier.lower()}", value)
        prospecting = share("prospecting_share", self.prospecting_share, PROSPECTING_SHARE)
        if prospecting >= 1:
            raise SettingsError(
                _(
                    "{name} must leave time for your accounts: choose less than 1 (e.g. "
                    "{example}), not {value}"
                ).format(
                    name="prospecting_share",
                    example=PROSPECTING_SHARE,
                    value=repr(self.prospecting_share),
                ),
                setting="prospecting_share",
                allowed="0 <= prospecting_share < 1",
            )
        set_(self, "prospecting_share", prospecting)
        set_(self, "allocation", choice("allocation", self.allocation, ALLOCATIONS))
        set_(self, "visit_hours", per_tier("visit_hours", self.visit_hours, VISIT_HOURS))
        least = whole_visits("min_visits_per_year", self.min_visits_per_year, MIN_VISITS_PER_YEAR)
        most = whole_visits("max_visits_per_year", self.max_visits_per_year, MAX_VISITS_PER_YEAR)
        for tier in TIERS:
            if least[tier] > most[tier]:
                raise SettingsError(
                    _(
                        "{least_name} is {least}, more than {most_name} ({most}): lower the one "
                        "or raise the other"
                    ).format(
                        least_name=f"min_visits_per_year[{tier!r}]",
                        least=f"{least[tier]:g}",
                        most_name=f"max_visits_per_year[{tier!r}]",
                        most=f"{most[tier]:g}",
                    ),
                    setting="min_visits_per_year",
                )
        set_(self, "min_visits_per_year", least)
        set_(self, "max_visits_per_year", most)
        set_(
            self,
            "response_half_visits",
            per_tier("response_half_visits", self.response_half_visits, RESPONSE_HALF_VISITS),
        )
        set_(self, "hourly_cost", positive("hourly_cost", self.hourly_cost))
        set_(self, "minutes_per_request", positive("minutes_per_request", self.minutes_per_request))
        set_(
            self,
            "new_account_months",
            positive("new_account_months", self.new_account_months, most=24),
        )
        set_(self, "holidays", holiday_country(self.holidays))
        set_(self, "summer_break", summer_weeks(self.summer_break))

    @classmethod
    def of(cls, settings: PlanSettings | None = None, /, **choices) -> PlanSettings:
        """Return ``settings`` (default: the defaults) with ``choices`` changed (None ignored).

        Changing share_a or share_b without share_c lets C take what A and B leave again.

        Examples
        --------
        >>> PlanSettings.of(PlanSettings(share_a=0.7), share_a=0.6).share_c
        0.2...
        """
        given = {name: value for name, value in choices.items() if value is not None}
        if settings is None:
            return cls(**given)
        if not given:
            return settings
        if ("share_a" in given or "share_b" in given) and "share_c" not in given:
            given["share_c"] = None
        return dataclasses.replace(settings, **given)

    @property
    def total_hours(self) -> float:
        """The plan's hours: hours_per_week × weeks."""
        return self.hours_per_week * self.weeks

    @property
    def prospecting_hours(self) -> float:
        """The hours kept for new customers: total_hours × prospecting_share."""
        return self.total_hours * self.prospecting_share

    @property
    def field_hours(self) -> float:
        """The hours for your accounts, split over the tiers: total_hours − prospecting_hours."""
        return self.total_hours - self.prospecting_hours

    @property
    def shares(self) -> Mapping[str, float]:
        """Each tier's share of the field hours."""
        return MappingProxyType({"A": self.share_a, "B": self.share_b, "C": self.share_c})

    def to_dict(self) -> dict[str, object]:
        """Return the settings as plain data (for JSON); :meth:`from_dict` reads it back."""
        plain = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            plain[f.name] = (
                dict(value)
                if isinstance(value, Mapping)
                else list(value)
                if isinstance(value, tuple)
                else value
            )
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> PlanSettings:
        """Return the settings saved by :meth:`to_dict` (unknown keys are ignored)."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def whole_visits(
    name: str, given: Mapping[str, float] | None, defaults: Mapping[str, float]
) -> Mapping[str, float]:
    """Return visits a year per tier (``defaults`` updated with ``given``): whole numbers, 0 or
    more, at most one a day.

    Examples
    --------
    >>> dict(whole_visits("min_visits_per_year", {"B": 2}, MIN_VISITS_PER_YEAR))
    {'A': 6.0, 'B': 2.0, 'C': 0.0}
    >>> whole_visits("min_visits_per_year", {"A": 6.5}, MIN_VISITS_PER_YEAR)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: min_visits_per_year['A'] must be a whole number of visits a year
    from 0 to 365, not 6.5
    """
    merged = dict(per_tier(name, given, defaults, allow_zero=True))
    for tier, value in merged.items():
        if not (value == int(value) and 0 <= value <= 365):
            raise SettingsError(
                _(
                    "{name} must be a whole number of visits a year from 0 to 365, not {value}"
                ).format(name=f"{name}[{tier!r}]", value=f"{value:g}"),
                setting=name,
                allowed="0..365",
            )
    return MappingProxyType(merged)


#: How "no holidays" and "no summer break" may be written.
OFF = ("none", "no break", "off", "")


def holiday_country(code: object) -> str:
    """Return the country code whose public holidays the rota leaves free, or ``"none"``.

    Examples
    --------
    >>> holiday_country("no"), holiday_country("None"), holiday_country("SE")
    ('NO', 'none', 'SE')
    >>> holiday_country("XX")
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: holidays 'XX' is not a country the holidays package knows: ...
    """
    text = str(code if code is not None else "").strip()
    if text.casefold() in OFF:
        return "none"
    import holidays  # imported here: only a rota needs it

    if text.upper() not in holidays.list_supported_countries():
        raise SettingsError(
            _(
                "{name} {value} is not a country the holidays package knows: use a country code "
                "such as NO (Norway), SE or DK, or {none}"
            ).format(name="holidays", value=repr(text), none="none"),
            setting="holidays",
        )
    return text.upper()


def summer_weeks(value: object) -> tuple[int, ...]:
    """Return the summer break as (first, last) ISO weeks, or ``()`` for none.

    Examples
    --------
    >>> summer_weeks("28-30"), summer_weeks([27, 29]), summer_weeks("none"), summer_weeks("31")
    ((28, 30), (27, 29), (), (31, 31))
    >>> summer_weeks("30-28")
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: summer_break '30-28' must be two ISO weeks from 1 to 53, first to
    last (e.g. 28-30), or none
    """
    if value is None or (isinstance(value, str) and value.strip().casefold() in OFF):
        return ()
    try:
        if isinstance(value, str):
            parts = [int(part) for part in value.replace("–", "-").split("-")]
        else:
            parts = [int(part) for part in value]  # type: ignore[union-attr]
        if len(parts) == 1:
            parts *= 2
        if not parts:
            return ()
        first, last = parts
        if not (1 <= first <= last <= 53):
            raise ValueError
    except (TypeError, ValueError):
        raise SettingsError(
            _(
                "{name} {value} must be two ISO weeks from 1 to 53, first to last (e.g. 28-30), "
                "or {none}"
            ).format(name="summer_break", value=repr(value), none="none"),
            setting="summer_break",
        ) from None
    return (first, last)


def check_shares(share_a: float, share_b: float, share_c: float | None = None) -> dict[str, float]:
    """Return the three tiers' shares of selling time, checked; C defaults to what A and B leave.

    Examples
    --------
    >>> check_shares(0.8, 0.2)
    {'A': 0.8, 'B': 0.2, 'C': 0.0}
    >>> check_shares(0.5, 0.2, 0.2)
    Traceback (most recent call last):
    ...
    workbook.errors.SettingsError: the shares of selling time add up to 0.9 (A 0.5 + B 0.2 + C 0.2),
    not 1: change them so they do
    """
    given = {"A": share_a, "B": share_b, "C": share_c}
    shares = {}
    for tier, value in given.items():
        if value is None:
            continue
        try:
            shares[tier] = float(value)
        except (TypeError, ValueError):
            raise SettingsError(
                _("{name} must be a number, not {value}").format(
                    name=f"share_{tier.lower()}", value=repr(value)
                ),
                setting=f"share_{tier.lower()}",
            ) from None
    implied = share_c is None
    if implied:
        rest = 1.0 - shares["A"] - shares["B"]
        shares["C"] = 0.0 if abs(rest) <= SHARE_TOLERANCE else rest  # 1 - 0.8 - 0.2 is -5.6e-17
        if shares["C"] < 0:
            raise SettingsError(
                _(
                    "the shares of selling time add up to more than 1 without C ({sum}): lower "
                    "{a} or {b}"
                ).format(
                    sum=f"A {shares['A']:g} + B {shares['B']:g} = {shares['A'] + shares['B']:g}",
                    a="share_a",
                    b="share_b",
                ),
                setting="share_a",
            )
    text = f"A {shares['A']:g} + B {shares['B']:g} + C {shares['C']:g}"
    for tier, number in shares.items():
        if not (math.isfinite(number) and 0 <= number <= 1):
            raise SettingsError(
                _(
                    "{name} is {value}: a share of selling time must be between 0 and 1 ({sum})"
                ).format(name=f"share_{tier.lower()}", value=repr(given[tier]), sum=text),
                setting=f"share_{tier.lower()}",
                allowed="0..1",
            )
    total = sum(shares.values())
    if abs(total - 1.0) > SHARE_TOLERANCE:
        raise SettingsError(
            _(
                "the shares of selling time add up to {total} ({sum}), not 1: change them so "
                "they do"
            ).format(total=f"{total:g}", sum=text),
            setting="share_c",
        )
    return shares
