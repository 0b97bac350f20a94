"""The package's layers import downwards only, so each layer can be read and tested alone.

loading <- analysis <- coaching <- charts <- widgets, report, commands (and the course, the app
and the command line beside them). Bottom modules (errors, schema, settings, i18n, …) import only
each other. Only the widget layer imports ipywidgets, only the report runner imports papermill,
nothing below the charts imports Altair, and only the report's cluster module imports Dask (an
optional extra).

Every import form counts: ``import workbook.charts``, ``from workbook.charts import x``,
``from workbook import charts`` and relative imports (``from .. import charts``).
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
    "settings",
    "parameters",
    "argparse_texts",
    "notebook_text",
}
ORDER = ["loading", "analysis", "coaching", "charts"]
TOP = {"widgets", "report", "commands", "course", "cli", "app", "room", "__main__", "__init__"}


def layer_of(path: Path) -> str:
    part = path.relative_to(PACKAGE).parts[0]
    return part.removesuffix(".py")


def _package_of(path: Path) -> list[str]:
    """Return the dotted package a module lives in, e.g. ["workbook", "analysis"]."""
    parts = ["workbook", *path.relative_to(PACKAGE).with_suffix("").parts]
    return parts[:-1]  # a module's package; an __init__'s is its own folder


def imported_modules(source: str, path: Path) -> set[str]:
    """Return every ``workbook`` module a source file imports, whatever the import form."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's own package
                base = _package_of(path)[: len(_package_of(path)) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.add(module)
            # "from workbook import charts" imports the module workbook.charts
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def imports_of(path: Path) -> set[str]:
    return imported_modules(path.read_text(encoding="utf-8"), path)


def layers_used(names: set[str]) -> set[str]:
    """Return the layers (the part after ``workbook.``) of the workbook modules among ``names``.

    A name like ``workbook.charts.svg`` counts as its layer ``charts``; ``workbook.X`` where X is
    not a module (``from workbook import load_accounts``) counts only when X is a layer.
    """
    known = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    return {
        name.split(".")[1]
        for name in names
        if name.startswith("workbook.") and name.split(".")[1] in known
    }


def allowed(layer: str) -> set[str]:
    if layer in BOTTOM:
        return set(BOTTOM)
    if layer in ORDER:
        return BOTTOM | set(ORDER[: ORDER.index(layer) + 1])
    return BOTTOM | set(ORDER) | TOP


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "jupyter" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_import_only_their_own_layer_or_below(path):
    layer = layer_of(path)
    used = layers_used(imports_of(path))
    assert used <= allowed(layer), f"{layer} imports {sorted(used - allowed(layer))}"


@pytest.mark.parametrize(
    "line",
    [
        "from workbook import charts",
        "import workbook.charts",
        "from workbook.charts import pareto_chart",
        "from workbook.charts.render import svg",
        "from .. import charts",
        "from ..charts import svg",
    ],
)
def test_every_import_form_is_seen(line):
    """The blind spot of an earlier version: ``from workbook import charts`` was not seen."""
    analysis_module = PACKAGE / "analysis" / "tiers.py"
    used = layers_used(imported_modules(line, analysis_module))
    assert "charts" in used and not used <= allowed("analysis")


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
    if path != PACKAGE / "report" / "cluster.py":  # Dask is an optional extra
        assert not roots & {"dask", "distributed"}
