"""The script that writes the notebooks' shared cells: it restores what drifted, keeps each
lesson as written, and writes parameters papermill understands."""

from __future__ import annotations

import ast

import nbformat
import pytest
from notebook_files import GENERATOR
from papermill.translators import PythonTranslator

from workbook.parameters import PARAMETERS

NOTEBOOK = GENERATOR.GUIDED[4]  # 04-where-your-time-goes


def read(notebook=NOTEBOOK):
    return nbformat.read(notebook.path, as_version=4)


def roles(nb):
    return [c.metadata.get(GENERATOR.ROLE) for c in nb.cells]


def test_refresh_restores_the_shared_cells_and_keeps_the_lesson():
    nb = read()
    lesson = [c.source for c in nb.cells if GENERATOR.ROLE not in c.metadata]
    nb.cells[0].source = "# an old title"
    nb.cells.pop(-1)  # the footer, lost
    setup = next(c for c in nb.cells if c.metadata.get(GENERATOR.ROLE) == "setup")
    setup.source = "import pandas"
    code = next(c for c in nb.cells if c.cell_type == "code" and GENERATOR.ROLE not in c.metadata)
    code.outputs = [nbformat.v4.new_output("stream", text="old output")]
    code.execution_count = 7
    refreshed = GENERATOR.refresh(NOTEBOOK, nb)
    assert nbformat.writes(refreshed) + "\n" == NOTEBOOK.path.read_text(encoding="utf-8")
    assert [c.source for c in refreshed.cells if GENERATOR.ROLE not in c.metadata] == lesson


def test_the_shared_cells_sit_where_the_course_expects_them():
    assert roles(read())[:6] == ["header", None, "parameters", "setup", "book", None]
    assert roles(read())[-1] == "footer"
    assert "book" not in roles(read(GENERATOR.GUIDED[1]))  # 01 checks the file instead


def test_a_new_notebook_starts_with_empty_opening_and_closing_sections():
    notebook = GENERATOR.Notebook("09-more", "More", "more", ("accounts_path", "answers_path"))
    nb = GENERATOR.refresh(notebook, GENERATOR.skeleton(notebook))
    assert roles(nb) == ["header", None, "parameters", "setup", "book", None, "footer"]
    assert "**Questions**" in nb.cells[1].source
    assert nb.cells[5].source.startswith("## Key points")


def test_the_set_up_cell_imports_what_the_lesson_uses_and_nothing_else():
    lesson = "TimePanel(book.tiered)\nworkbook.compare_tierings(before=x, after=y)\nself_check.x"
    setup = GENERATOR.setup(NOTEBOOK, lesson)
    assert setup.splitlines()[:4] == [
        "import workbook",
        "from workbook import charts",
        "from workbook.coaching import self_check",
        "from workbook.widgets import TimePanel, guide",
    ]
    assert "CostPanel" not in setup
    assert "course = guide.Course(answers_path, language=language)" in setup


def test_the_book_cell_passes_only_the_declared_parameters():
    start = GENERATOR.GUIDED[0]
    assert GENERATOR.book(start) == (
        "book = course.open_book(accounts_path, owner=owner)\ncourse.about(book)"
    )
    plan = next(n for n in GENERATOR.GUIDED if n.name.startswith("07"))
    assert GENERATOR.plan(plan).startswith("plan_settings = course.plan_settings(")
    assert "prospecting_share=prospecting_share" in GENERATOR.plan(plan)
    assert GENERATOR.plan(start) == ""  # no plan parameters, no plan cell
    assert all(len(line) <= 100 for line in GENERATOR.book(NOTEBOOK).splitlines())


# a, b and c are written `float = None` (None: the method's default): papermill's parser does
# not read a `float | None` annotation, and would leave them out of --help-notebook.
@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_papermill_reads_each_parameter_with_its_help(name):
    notebook = GENERATOR.Notebook("x", "x", "x", (name,))
    cell = nbformat.v4.new_code_cell(GENERATOR.parameters(notebook))
    [parameter] = PythonTranslator.inspect(cell)
    assert parameter.name == name and parameter.help == PARAMETERS[name].describe()
    assert ast.literal_eval(parameter.default) == PARAMETERS[name].default


def test_every_run_notebook_s_parameters_and_settings_cells_are_written_from_the_table():
    for notebook in GENERATOR.RUN:
        nb = nbformat.read(notebook.path, as_version=4)
        [cell] = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert cell.source == GENERATOR.parameters(notebook)
        settings = nb.cells[nb.cells.index(cell) + 1]
        assert settings.source == GENERATOR.run_settings(notebook)
