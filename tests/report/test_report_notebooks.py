"""The report notebooks follow the house conventions: one self-documenting parameters cell near
the top whose defaults are the package's, thin cells of calls into ``workbook``, and no widgets."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys

import nbformat
import pytest

import workbook
from workbook import paths
from workbook.coaching import defaults
from workbook.commands.report import TEAM_NOTEBOOK

NOTEBOOKS = {"report": paths.REPORT_NOTEBOOK, "team": TEAM_NOTEBOOK}
SHARED_NAMES = {
    "accounts_path",
    "owner",
    "metric",
    "method",
    "a",
    "b",
    "c",
    "hours_per_week",
    "weeks",
    "share_a",
    "share_b",
    "hourly_cost",
}
TIER_DEFAULTS = {
    name: p.default
    for name, p in inspect.signature(workbook.assign_tiers).parameters.items()
    if name in ("metric", "method", "a", "b", "c")
}
PACKAGE_DEFAULTS = {
    **TIER_DEFAULTS,
    "accounts_path": "",
    "owner": "",
    "hours_per_week": defaults.HOURS_PER_WEEK,
    "weeks": defaults.WEEKS,
    "share_a": defaults.SHARE_A,
    "share_b": defaults.SHARE_B,
    "hourly_cost": defaults.HOURLY_COST,
}


def cells(name: str) -> list:
    return nbformat.read(NOTEBOOKS[name], as_version=4).cells


def parameters_cell(name: str) -> tuple[int, nbformat.NotebookNode]:
    tagged = [
        (i, c) for i, c in enumerate(cells(name)) if "parameters" in c.metadata.get("tags", [])
    ]
    assert len(tagged) == 1, f"{name}: {len(tagged)} cells tagged parameters"
    return tagged[0]


def declared(name: str) -> dict[str, object]:
    """Return the parameters cell's names and values; fail on anything but annotated literals."""
    _, cell = parameters_cell(name)
    values = {}
    for statement in ast.parse(cell.source).body:
        assert isinstance(statement, ast.AnnAssign), ast.unparse(statement)
        values[statement.target.id] = ast.literal_eval(statement.value)
    return values


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_one_parameters_cell_near_the_top_with_help_on_every_line(name):
    index, cell = parameters_cell(name)
    assert index <= 2
    lines = [line for line in cell.source.splitlines() if line.strip()]
    assert all(":" in line.split("=")[0] and "  # " in line for line in lines)
    assert not [c for c in cells(name)[index + 1 :] if "parameters" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameter_defaults_are_the_package_defaults(name):
    values = declared(name)
    assert set(values) <= SHARED_NAMES
    assert values == {key: PACKAGE_DEFAULTS[key] for key in values}


def test_the_report_takes_every_shared_parameter_and_the_team_a_subset():
    assert set(declared("report")) == SHARED_NAMES
    assert {"accounts_path", "metric", "method", "hourly_cost"} <= set(declared("team"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_help_notebook_explains_every_parameter(name):
    result = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", str(NOTEBOOKS[name])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for parameter in declared(name):
        line = next(line for line in text.splitlines() if line.strip().startswith(f"{parameter}:"))
        explained = (
            line.split(")", 1)[1].strip()
            or text.splitlines()[text.splitlines().index(line) + 1].strip()
        )
        assert explained, f"{parameter} has no help in --help-notebook"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_code_cells_are_a_few_calls_into_workbook_without_logic_or_widgets(name):
    index, _ = parameters_cell(name)
    for cell in cells(name)[index + 1 :]:
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        statements = ast.parse(cell.source).body
        assert len(statements) <= 5, cell.source
        assert len(lines) <= 6, cell.source  # a call may wrap onto a second line
        for node in ast.walk(ast.Module(statements, [])):
            assert not isinstance(
                node,
                ast.FunctionDef
                | ast.ClassDef
                | ast.For
                | ast.While
                | ast.If
                | ast.With
                | ast.Try
                | ast.Lambda,
            ), cell.source
        assert "ipywidgets" not in cell.source and "JupyterChart" not in cell.source


def test_the_report_draws_charts_as_svg_in_the_kernel():
    sources = "\n".join(c.source for c in cells("report") if c.cell_type == "code")
    assert "enable_static_svg()" in sources
    assert "load_accounts(source, owner=owner)" in sources
