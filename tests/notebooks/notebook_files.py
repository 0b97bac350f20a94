"""The guided notebooks and the team overview as the tests see them, and the script that writes
their shared cells (loaded from ``scripts/notebooks.py``, which is not a package)."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import sys

import nbformat

import workbook
from workbook import paths
from workbook.analysis import DEFAULTS
from workbook.coaching import defaults


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

#: The package's defaults, read from the package itself (not from the generator's table).
TIERING = {
    name: p.default
    for name, p in inspect.signature(workbook.assign_tiers).parameters.items()
    if name in ("metric", "method", "a", "b", "c")
}
PACKAGE_DEFAULTS = {
    **TIERING,
    "accounts_path": "",
    "owner": "",
    "answers_path": "",
    "hours_per_week": defaults.HOURS_PER_WEEK,
    "weeks": defaults.WEEKS,
    "share_a": defaults.SHARE_A,
    "share_b": defaults.SHARE_B,
    "hourly_cost": defaults.HOURLY_COST,
}
THRESHOLD_DEFAULTS = {name: value for method in DEFAULTS.values() for name, value in method.items()}


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
