"""The package's layers import downwards only, so each layer can be read and tested alone.

loading <- analysis <- coaching <- charts <- widgets, report, commands. Only the widget layer
imports ipywidgets, only the report runner imports papermill, nothing below the charts imports
Altair.
"""

import ast
from pathlib import Path

import pytest

from workbook import paths

PACKAGE = paths.PROJECT_ROOT / "workbook"
#: Each layer and the layers (or bottom modules) it may import from.
BOTTOM = {
    "errors",
    "schema",
    "paths",
    "selection",
    "spreadsheet",
    "sample",
    "i18n",
    "formatting",
    "locale",
}
ORDER = ["loading", "analysis", "coaching", "charts"]
TOP = {"widgets", "report", "commands", "cli", "app", "room", "__main__", "__init__"}


def layer_of(path: Path) -> str:
    part = path.relative_to(PACKAGE).parts[0]
    return part.removesuffix(".py")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            # relative imports stay inside the module's own layer
            names.add(f"workbook.{layer_of(path)}")
    return names


def allowed(layer: str) -> set[str]:
    if layer in BOTTOM:
        return set(BOTTOM)
    if layer in ORDER:
        return BOTTOM | set(ORDER[: ORDER.index(layer) + 1])
    return BOTTOM | set(ORDER) | TOP


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_import_only_their_own_layer_or_below(path):
    layer = layer_of(path)
    used = {
        name.split(".")[1]
        for name in imports_of(path)
        if name.startswith("workbook.") and name.count(".") >= 1
    }
    assert used <= allowed(layer), f"{layer} imports {sorted(used - allowed(layer))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_heavy_display_libraries_stay_in_their_layer(path):
    layer = layer_of(path)
    roots = {name.split(".")[0] for name in imports_of(path)}
    if layer not in {"widgets", "app"}:
        assert "ipywidgets" not in roots
    if layer not in {"report"}:
        assert "papermill" not in roots
    if layer not in {"charts", "widgets", "report", "app"}:
        assert "altair" not in roots
