"""The report notebooks follow the house conventions: one self-documenting parameters cell near
the top whose defaults are the package's, thin cells of calls into ``workbook``, and no widgets."""

from __future__ import annotations

import ast
import subprocess
import sys

import nbformat
import pytest

from workbook import parameters, paths
from workbook.commands.report import TEAM_NOTEBOOK
from workbook.settings import PlanSettings, TierSettings

NOTEBOOKS = {"report": paths.REPORT_NOTEBOOK, "team": TEAM_NOTEBOOK}
#: The names every notebook shares (read from the one table, never copied here).
SHARED_NAMES = set(parameters.PARAMETERS) - {"answers_path"}


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
    assert parameters.tier_settings(values) == TierSettings()
    assert parameters.plan_settings(values) == PlanSettings()
    assert {k: values[k] for k in ("accounts_path", "language")} == {
        "accounts_path": "",
        "language": "en",
    }


def test_the_report_takes_every_shared_parameter_and_the_team_a_subset():
    assert set(declared("report")) == SHARED_NAMES
    assert {"accounts_path", "metric", "method", "hourly_cost"} <= set(declared("team"))
    assert "owner" not in declared("team")


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
        statements = ast.parse(cell.source).body
        assert len(statements) <= 5, cell.source
        if "workbook_generated" not in cell.metadata:  # the settings cell, one keyword a line
            lines = [line for line in cell.source.splitlines() if line.strip()]
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
    assert "load(source, owner=owner)" in sources  # the loader keeps one owner's rows only
