"""``-p NAME VALUE`` is read like papermill reads it and checked against the notebooks."""

from __future__ import annotations

import pytest
from papermill.cli import _resolve_type

from workbook import paths
from workbook.report.parameters import (
    ParameterError,
    check_parameters,
    declared_parameters,
    for_notebook,
    read_value,
)


@pytest.mark.parametrize(
    "text",
    [
        "0.3",
        "30",
        "-1",
        "1e3",
        "True",
        "False",
        "None",
        "true",
        "gross_profit",
        "Ingrid Berg",
        "",
        "nan",
        "0x10",
        " 7 ",
    ],
)
def test_values_are_read_as_papermill_reads_them(text):
    ours, theirs = read_value(text), _resolve_type(text)
    assert type(ours) is type(theirs)
    assert ours == theirs or (ours != ours and theirs != theirs)  # nan


@pytest.fixture(scope="module")
def report():
    return {"report": declared_parameters(paths.REPORT_NOTEBOOK)}


def test_known_parameters_come_back_typed_as_declared(report):
    values = check_parameters(
        [
            ("a", "0.3"),
            ("metric", "gross_profit"),
            ("weeks", "40"),
            ("owner", "2024"),
            ("b", "None"),
        ],
        report,
    )
    assert values == {"a": 0.3, "metric": "gross_profit", "weeks": 40.0, "owner": "2024", "b": None}
    assert isinstance(values["weeks"], float)


def test_an_unknown_parameter_names_the_valid_ones(report):
    with pytest.raises(ParameterError) as caught:
        check_parameters([("hours", "20")], report)
    assert "'hours'" in str(caught.value)
    assert "hours_per_week" in str(caught.value) and "share_a" in str(caught.value)
    assert "accounts_path" not in str(caught.value)


@pytest.mark.parametrize(
    ("pair", "words"),
    [
        (("a", "abc"), "must be a number"),
        (("hourly_cost", "True"), "must be a number"),
        (("accounts_path", "x.csv"), "set by the command"),
    ],
)
def test_wrong_values_and_reserved_names_are_refused(report, pair, words):
    with pytest.raises(ParameterError, match=words):
        check_parameters([pair], report)


def test_each_notebook_gets_only_what_it_declares():
    team = declared_parameters(paths.NOTEBOOKS_DIR / "team-report.ipynb")
    values = {"a": 0.3, "hours_per_week": 20.0}
    assert for_notebook(values, team) == {"a": 0.3}
