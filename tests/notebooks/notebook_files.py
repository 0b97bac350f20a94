"""The guided notebooks and the team overview as the tests see them, and the script that writes
their shared cells (loaded from ``scripts/notebooks.py``, which is not a package)."""

from __future__ import annotations

import ast
import importlib.util
import sys

import nbformat

from workbook import parameters, paths
from workbook.settings import PlanSettings, TierSettings


def load_generator():
    """Return the module ``scripts/notebooks.py``."""
    if "notebook_generator" not in sys.modules:
        path = paths.PROJECT_ROOT / "scripts" / "notebooks.py"
        spec = importlib.util.spec_from_file_location("notebook_generator", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["notebook_generator"] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules["notebook_generator"]


GENERATOR = load_generator()
GUIDED = {n.name: n.path for n in GENERATOR.GUIDED}
TEAM = {GENERATOR.TEAM.name: GENERATOR.TEAM.path}
ALL = {**GUIDED, **TEAM}

#: The names every notebook shares (read from the one table, never copied here).
SHARED_NAMES = set(parameters.PARAMETERS)


def assert_package_defaults(values: dict[str, object]) -> None:
    """Fail unless a parameters cell's values start every setting from the package's defaults."""
    assert parameters.tier_settings(values) == TierSettings()
    assert parameters.plan_settings(values) == PlanSettings()
    texts = {k: v for k, v in values.items() if parameters.PARAMETERS[k].feeds == ""}
    assert texts == {k: parameters.PARAMETERS[k].default for k in texts}


def cells(name: str) -> list:
    return nbformat.read(ALL[name], as_version=4).cells


def code_cells(name: str) -> list:
    return [c for c in cells(name) if c.cell_type == "code"]


def parameters_cells(name: str) -> list[tuple[int, nbformat.NotebookNode]]:
    return [(i, c) for i, c in enumerate(cells(name)) if "parameters" in c.metadata.get("tags", [])]


def declared(name: str) -> dict[str, tuple[str, object]]:
    """Return each parameter's annotation and value; fail on anything but annotated literals."""
    [(_, cell)] = parameters_cells(name)
    found = {}
    for statement in ast.parse(cell.source).body:
        assert isinstance(statement, ast.AnnAssign), ast.unparse(statement)
        found[statement.target.id] = (
            ast.unparse(statement.annotation),
            ast.literal_eval(statement.value),
        )
    return found
