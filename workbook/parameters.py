"""The notebooks' parameters, listed once: names, types, defaults, help, and the settings they make.

Every notebook that papermill or Voilà runs (the guided notebooks, ``app.ipynb``, ``report.ipynb``
and the team overview) has one ``parameters`` cell; ``scripts/notebooks.py`` writes each of them
from :data:`PARAMETERS`, so one papermill command line works for any notebook and the help never
drifts. A setting left as ``None`` takes its default from :mod:`workbook.settings` (or, in the
guided notebooks, what you saved earlier in the course); a value you type, or papermill injects,
wins.

Examples
--------
>>> print(parameters_cell(["accounts_path", "c"]))
accounts_path: str = r""  # your accounts or order-lines file; empty: the sample accounts
c: float = None  # C: share of accounts at the bottom (account_share only); None: 0.25
>>> tier_settings(method="value_share", a=0.7, c=None)
TierSettings(metric='revenue', method='value_share', a=0.7, b=0.95, c=None)
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from workbook import settings as defaults
from workbook.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _
from workbook.settings import PlanSettings, TierSettings


@dataclass(frozen=True)
class Parameter:
    """One shared parameter of the notebooks.

    Attributes
    ----------
    name : str
    annotation : str
        The type written in the cell (``str`` or ``float``): papermill reads it.
    default : object
        The literal written in the cell; ``None`` for a setting means "the default".
    help : str
        What it is (English, marked for translation), with ``{default}`` where the default
        goes; written after ``#`` in the cell, where papermill's ``--help-notebook`` finds it.
    feeds : str
        ``"tiers"`` or ``"plan"`` when it is a field of :class:`TierSettings` or
        :class:`PlanSettings`; empty otherwise.
    shown_default : callable
        Returns what ``{default}`` in the help stands for, read from ``workbook.settings`` when
        the help is written (so a changed default shows everywhere).
    """

    name: str
    annotation: str
    default: object
    help: str
    feeds: str = ""
    shown_default: Callable[[], str] = str

    def describe(self) -> str:
        """Return the help in the current language, the default filled in."""
        return _(self.help).format(default=self.shown_default())


def _T():
    return defaults.THRESHOLDS


PARAMETERS: Mapping[str, Parameter] = MappingProxyType(
    {
        p.name: p
        for p in (
            Parameter(
                "accounts_path",
                "str",
                "",
                N_("your accounts or order-lines file; empty: the sample accounts"),
            ),
            Parameter(
                "owner",
                "str",
                "",
                N_("one salesperson's accounts (the owner column); empty: everyone in the file"),
            ),
            Parameter(
                "language",
                "str",
                DEFAULT_LANGUAGE,
                N_("the language of every text: {default}"),
                shown_default=lambda: ", ".join(f"{c} ({name})" for c, name in LANGUAGES.items()),
            ),
            Parameter(
                "metric",
                "str",
                None,
                N_("rank accounts by revenue, gross_profit or blend; None: {default}"),
                "tiers",
                lambda: "revenue",
            ),
            Parameter(
                "method",
                "str",
                None,
                N_("account_share (share of accounts) or value_share (ABC); None: {default}"),
                "tiers",
                lambda: "account_share",
            ),
            Parameter(
                "a",
                "float",
                None,
                N_("A: share of accounts, or of value for value_share; None: {default}"),
                "tiers",
                lambda: f"{_T()['account_share']['a']:.2f} / {_T()['value_share']['a']:.2f}",
            ),
            Parameter(
                "b",
                "float",
                None,
                N_("B reaches this share of value (value_share only); None: {default}"),
                "tiers",
                lambda: f"{_T()['value_share']['b']:.2f}",
            ),
            Parameter(
                "c",
                "float",
                None,
                N_("C: share of accounts at the bottom (account_share only); None: {default}"),
                "tiers",
                lambda: f"{_T()['account_share']['c']:.2f}",
            ),
            Parameter(
                "hours_per_week",
                "float",
                None,
                N_("selling hours you can plan each week, travel included; None: {default}"),
                "plan",
                lambda: f"{defaults.HOURS_PER_WEEK:g}",
            ),
            Parameter(
                "weeks",
                "float",
                None,
                N_("selling weeks in a year; None: {default}"),
                "plan",
                lambda: f"{defaults.WEEKS:g}",
            ),
            Parameter(
                "prospecting_share",
                "float",
                None,
                N_("selling time kept for new customers, outside the tiers; None: {default}"),
                "plan",
                lambda: f"{defaults.PROSPECTING_SHARE:g}",
            ),
            Parameter(
                "share_a",
                "float",
                None,
                N_("share of field time for A accounts; None: {default}"),
                "plan",
                lambda: f"{defaults.SHARE_A:g}",
            ),
            Parameter(
                "share_b",
                "float",
                None,
                N_("share of field time for B accounts (C gets the rest); None: {default}"),
                "plan",
                lambda: f"{defaults.SHARE_B:g}",
            ),
            Parameter(
                "allocation",
                "str",
                None,
                N_("a tier's hours to its accounts by response, equal or value; None: {default}"),
                "plan",
                lambda: defaults.ALLOCATION,
            ),
            Parameter(
                "hourly_cost",
                "float",
                None,
                N_("what an hour of your time costs, in your currency; None: {default}"),
                "plan",
                lambda: f"{defaults.HOURLY_COST:g}",
            ),
            Parameter(
                "holidays",
                "str",
                None,
                N_(
                    "public holidays the visit rota leaves free: a country code or none; "
                    "None: {default}"
                ),
                "plan",
                lambda: defaults.HOLIDAYS,
            ),
            Parameter(
                "summer_break",
                "str",
                None,
                N_("weeks of a summer break the rota keeps free, or none; None: {default}"),
                "plan",
                lambda: "-".join(str(w) for w in defaults.SUMMER_BREAK) or "none",
            ),
            Parameter(
                "previous_path",
                "str",
                "",
                N_("last period's file, to compare with; empty: order lines' previous year"),
            ),
            Parameter(
                "pins_path",
                "str",
                "",
                N_("accounts pinned by hand: a file with account_id, tier, reason; empty: none"),
            ),
            Parameter(
                "answers_path",
                "str",
                "",
                N_("where your answers and settings are kept; empty: reports/my-answers.json"),
            ),
        )
    }
)

#: The parameters of each settings object, in the order the cells list them.
TIERING: tuple[str, ...] = tuple(n for n, p in PARAMETERS.items() if p.feeds == "tiers")
PLAN: tuple[str, ...] = tuple(n for n, p in PARAMETERS.items() if p.feeds == "plan")


def _literal(name: str, value: object) -> str:
    if name.endswith("_path") and isinstance(value, str):
        # a raw string, so a pasted Windows path (C:\Users\...) is not a syntax error
        return 'r"' + value + '"'
    return repr(value).replace("'", '"')


#: The longest line of a generated cell (the project's formatter's limit).
LINE_LENGTH = 100


def parameters_cell(
    names: Iterable[str],
    *,
    help: Mapping[str, str] | None = None,
    defaults: Mapping[str, object] | None = None,
) -> str:
    """Return a ``parameters`` cell declaring ``names``: annotated literals with their help.

    ``help`` replaces the help of some names (e.g. the team overview's own ``accounts_path``);
    ``defaults`` replaces some literals (e.g. ``language`` in the Norwegian notebooks).
    """
    lines = []
    for name in names:
        spec = PARAMETERS[name]
        text = (help or {}).get(name) or spec.describe()
        value = (defaults or {}).get(name, spec.default)
        line = f"{name}: {spec.annotation} = {_literal(name, value)}"
        if len(f"{line}  # {text}") <= LINE_LENGTH:
            lines.append(f"{line}  # {text}")
        else:  # a longer help (often a translation) goes above, so the cell stays formatted
            lines += [*(f"# {part}" for part in textwrap.wrap(text, LINE_LENGTH - 2)), line]
    return "\n".join(lines)


def _given(values: Mapping[str, object], names: tuple[str, ...]) -> dict[str, object]:
    return {name: values[name] for name in names if values.get(name) is not None}


def tier_settings(
    values: Mapping[str, object] | None = None, /, *, saved: TierSettings | None = None, **given
) -> TierSettings:
    """Return the tier settings of a parameters cell's values, on top of ``saved`` ones.

    The values come as a mapping or as keywords; a parameter that is None keeps the saved value
    (or the default), one that is set wins. ``pins`` (e.g. ``workbook.read_pins(pins_path)``)
    replaces the saved pins when given. Names that are not tier settings are ignored.

    Examples
    --------
    >>> tier_settings(c=0.3, a=None, saved=TierSettings(metric="gross_profit", c=0.2))
    TierSettings(metric='gross_profit', method='account_share', a=0.2, b=None, c=0.3)
    """
    return TierSettings.of(saved, **_given({**(values or {}), **given}, (*TIERING, "pins")))


def plan_settings(
    values: Mapping[str, object] | None = None, /, *, saved: PlanSettings | None = None, **given
) -> PlanSettings:
    """Return the plan settings of a parameters cell's values, on top of ``saved`` ones.

    Examples
    --------
    >>> plan_settings({"hours_per_week": 20.0, "weeks": None}).total_hours
    900.0
    """
    return PlanSettings.of(saved, **_given({**(values or {}), **given}, PLAN))


def parameter_lines(tiers: TierSettings) -> str:
    """Return tier settings as lines for a parameters cell (to paste, or to read).

    Examples
    --------
    >>> print(parameter_lines(TierSettings(a=0.15000000000000002, c=0.3)))
    metric: str = "revenue"
    method: str = "account_share"
    a: float = 0.15
    c: float = 0.3
    """
    lines = []
    for name, value in tiers.to_dict().items():
        if name not in PARAMETERS:  # the pins are kept with the settings, not typed in a cell
            continue
        spec = PARAMETERS[name]
        shown = f'"{value}"' if spec.annotation == "str" else repr(round(float(value), 4))
        lines.append(f"{name}: {spec.annotation} = {shown}")
    return "\n".join(lines)
