"""The report notebooks' parameters: what each declares, and ``-p NAME VALUE`` read against them.

Values are read as papermill's own ``-p`` reads them ("True", "False", "None", integers, floats,
else text), then checked against the type the notebook's ``parameters`` cell declares, so a typo
is a command-line error naming the valid parameters instead of a report that fails later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from workbook.errors import SettingsError
from workbook.i18n import N_, LanguageError, _, check_language

#: Parameters the command sets itself (the input file and, with ``--by owner``, the owner).
SET_BY_COMMAND = ("accounts_path",)
#: Parameters that name a file besides the input (``--compare``, ``--pins``): checked by the
#: command, passed on as absolute paths, and sent to a cluster's workers with the input file.
FILE_PARAMETERS = ("previous_path", "pins_path")


class ParameterError(SettingsError):
    """A ``-p NAME VALUE`` that the report notebooks cannot take (a command-line error)."""


def declared_parameters(notebook: str | Path) -> dict[str, dict]:
    """Return the parameters a notebook's ``parameters`` cell declares, as papermill reads them.

    Each is a dict with ``name``, ``inferred_type_name`` (e.g. ``"float"``), ``default`` (the
    literal as written) and ``help`` (the trailing comment).
    """
    import papermill

    return papermill.inspect_notebook(str(notebook))


def read_value(text: str):
    """Return a command-line value as papermill's ``-p`` reads it.

    Examples
    --------
    >>> read_value("0.3"), read_value("12"), read_value("True"), read_value("None")
    (0.3, 12, True, None)
    >>> read_value("gross_profit"), read_value("1e3"), read_value("true")
    ('gross_profit', 1000.0, 'true')
    """
    if text in ("True", "False"):
        return text == "True"
    if text == "None":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _typed(name: str, text: str, value, declared: Mapping) -> object:
    """Return ``value`` as the declared type of ``name``; raise ParameterError when it is not."""
    kind = declared.get("inferred_type_name", "None")
    if kind == "str":
        return text  # "2024" is a name here, not a number
    if value is None and declared.get("default") == "None":
        return None
    if kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind in ("float", "int", "bool"):
        raise ParameterError(_(MEANINGS[kind]).format(name=name, text=text), setting=name)
    return value


#: What a parameter of each type must be, said whole.
MEANINGS = {
    "float": N_("parameter {name} must be a number, not '{text}'"),
    "int": N_("parameter {name} must be a whole number, not '{text}'"),
    "bool": N_("parameter {name} must be True or False, not '{text}'"),
}


def check_parameters(
    given: Iterable[tuple[str, str]],
    notebooks: Mapping[str, Mapping[str, dict]],
    *,
    set_by_command: Iterable[str] = SET_BY_COMMAND,
) -> dict[str, object]:
    """Return the ``-p`` values read and checked against the notebooks' parameters.

    Parameters
    ----------
    given : iterable of (str, str)
        The ``-p NAME VALUE`` pairs, in order (a later one wins).
    notebooks : mapping
        Notebook name -> its declared parameters (see :func:`declared_parameters`); a name
        is valid when any of them declares it.
    set_by_command : iterable of str, default ("accounts_path",)
        Names the command sets itself, refused here.

    Returns
    -------
    dict
        Name -> value, typed as declared.

    Raises
    ------
    ParameterError
        An unknown name (the message lists the valid ones), a name the command sets, or a
        value of the wrong type.

    Examples
    --------
    >>> declared = {"report": {"a": {"inferred_type_name": "float", "default": "None"},
    ...                        "metric": {"inferred_type_name": "str", "default": '"revenue"'}}}
    >>> check_parameters([("a", "0.3"), ("metric", "gross_profit")], declared)
    {'a': 0.3, 'metric': 'gross_profit'}
    >>> check_parameters([("alpha", "0.3")], declared)
    Traceback (most recent call last):
    ...
    workbook.report.parameters.ParameterError: unknown parameter 'alpha': the reports take a, metric
    """
    known: dict[str, Mapping] = {}
    for parameters in notebooks.values():
        for name, declared in parameters.items():
            known.setdefault(name, declared)
    reserved = set(set_by_command)
    values = {}
    for name, text in given:
        if name in reserved:
            raise ParameterError(
                _(
                    "parameter {name} is set by the command itself; give the file (or --by "
                    "owner) instead"
                ).format(name=name),
                setting=name,
            )
        if name not in known:
            valid = ", ".join(sorted(set(known) - reserved))
            raise ParameterError(
                _("unknown parameter '{name}': the reports take {valid}").format(
                    name=name, valid=valid
                ),
                setting=name,
            )
        values[name] = _typed(name, text, read_value(text), known[name])
    if "language" in values:
        try:
            values["language"] = check_language(values["language"])
        except LanguageError:
            raise ParameterError(
                _(
                    "parameter language is '{text}', a language the workbook does not speak: "
                    "choose en (English) or nb (Norsk bokmål)"
                ).format(text=values["language"]),
                setting="language",
            ) from None
    return values


def for_notebook(values: Mapping[str, object], declared: Mapping[str, dict]) -> dict[str, object]:
    """Return the values a notebook declares (the team overview takes fewer than the report).

    Examples
    --------
    >>> for_notebook({"a": 0.3, "hours_per_week": 20.0}, {"a": {}, "metric": {}})
    {'a': 0.3}
    """
    return {name: value for name, value in values.items() if name in declared}
