"""The guided notebooks follow the course's shape and the house conventions: one parameters cell
of annotated literals whose defaults are the package's, an opening and a closing section, an
exercise, short cells of calls into ``workbook``, no Output widgets, and the shared cells exactly
as ``scripts/notebooks.py`` writes them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from notebook_files import (
    ALL,
    GENERATOR,
    GUIDED,
    SHARED_NAMES,
    assert_package_defaults,
    cells,
    code_cells,
    declared,
    parameters_cells,
)

from workbook import paths
from workbook.coaching.lessons import GUESSES
from workbook.coaching.prompts import PROMPTS, prompts_of


def lesson_code(name: str) -> list[str]:
    """Return the code cells other than the parameters cell."""
    return [c.source for c in code_cells(name) if "parameters" not in c.metadata.get("tags", [])]


def test_every_guided_notebook_of_the_course_exists():
    names = [path.name for path in sorted(paths.NOTEBOOKS_DIR.glob("0*.ipynb"))]
    assert names == [f"{name}.ipynb" for name in GUIDED]
    assert [name[:2] for name in GUIDED] == [f"{i:02d}" for i in range(10)]


@pytest.mark.parametrize("name", ALL)
def test_one_parameters_cell_near_the_top_of_annotated_literals_with_help(name):
    tagged = parameters_cells(name)
    assert len(tagged) == 1, f"{name}: {len(tagged)} cells tagged parameters"
    index, cell = tagged[0]
    assert index <= 2, "the parameters cell comes right after the opening section"
    for line in filter(str.strip, cell.source.splitlines()):
        target, _, rest = line.partition("=")
        assert ":" in target, f"no type annotation: {line}"
        assert "  # " in rest and rest.split("  # ", 1)[1].strip(), f"no help comment: {line}"
    declared(name)  # only annotated literals


@pytest.mark.parametrize("name", ALL)
def test_parameter_names_are_shared_and_defaults_are_the_package_defaults(name):
    values = {key: value for key, (_, value) in declared(name).items()}
    assert set(values) <= SHARED_NAMES
    assert_package_defaults(values)
    annotations = {key: annotation for key, (annotation, _) in declared(name).items()}
    for threshold in {"a", "b", "c"} & set(annotations):
        assert annotations[threshold] == "float"


@pytest.mark.parametrize("name", ALL)
def test_every_declared_parameter_is_used(name):
    code = "\n".join(lesson_code(name))
    unused = [p for p in declared(name) if not re.search(rf"\b{p}\b", code)]
    assert not unused, f"{name} declares parameters it never uses: {unused}"


@pytest.mark.parametrize("name", ALL)
def test_opens_with_questions_objectives_time_and_closes_with_key_points(name):
    lesson = [c for c in cells(name) if GENERATOR.ROLE not in c.metadata]
    opening, closing = lesson[0], lesson[-1]
    assert opening.cell_type == closing.cell_type == "markdown"
    for heading in ("**Questions**", "**Objectives**", "**Time**"):
        assert heading in opening.source
    assert re.search(r"\*\*Time\*\*: .*\d+ minutes", opening.source)
    assert closing.source.startswith("## Key points\n- ")


@pytest.mark.parametrize("name", GUIDED)
def test_has_a_prediction_and_the_reflections_its_plan_needs(name):
    code = "\n".join(lesson_code(name))
    asked_guess = re.findall(r'course\.ask\("(\w+)"', code)
    assert len(asked_guess) == 1, "one guess-then-check exercise, from the course's lessons"
    assert asked_guess[0] in GUESSES
    asked = re.findall(r'course\.reflect\("(\w+)"', code)
    assert asked, "no reflection"
    assert set(asked) <= set(PROMPTS)
    assert sorted(asked) == sorted(p.key for p in prompts_of(name)), (
        "the notebook asks other questions than the action plan expects from it"
    )


def test_every_reflection_of_the_action_plan_is_asked_by_a_guided_notebook():
    assert {p.notebook for p in PROMPTS.values()} <= set(GUIDED)


@pytest.mark.parametrize("name", ALL)
def test_code_cells_are_short_calls_and_define_nothing(name):
    for source in lesson_code(name):
        tree = ast.parse(source)
        # One to five calls (imports aside) in at most ten lines; a call wrapped one argument a
        # line (as ruff formats it) counts its pass-through arguments (name=name,) as nothing.
        lines = [
            line
            for line in source.splitlines()
            if line.strip() and not re.fullmatch(r"\s+(\w+)=\1,", line)
        ]
        calls = [node for node in tree.body if not isinstance(node, ast.Import | ast.ImportFrom)]
        assert len(calls) <= 5 and len(lines) <= 10, f"a long cell:\n{source}"
        defined = [
            type(node).__name__
            for node in ast.walk(tree)
            if isinstance(
                node, ast.FunctionDef | ast.ClassDef | ast.Lambda | ast.For | ast.While | ast.If
            )
        ]
        assert not defined, f"{defined} in:\n{source}"
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            assert len(call.args) <= 1, f"use keyword arguments: {ast.unparse(call)}"


@pytest.mark.parametrize("name", ALL)
def test_no_output_widgets(name):
    for source in lesson_code(name):
        assert "Output(" not in source and "interactive_output" not in source


@pytest.mark.parametrize("name", ALL)
def test_shared_cells_are_as_the_generator_writes_them(name):
    notebook = next(n for n in GENERATOR.NOTEBOOKS if n.name == name)
    assert ALL[name].read_text(encoding="utf-8") == GENERATOR.render(notebook), (
        "run: .venv/bin/python scripts/notebooks.py"
    )


def test_the_generator_check_passes_on_the_committed_notebooks():
    result = subprocess.run(
        [sys.executable, str(paths.PROJECT_ROOT / "scripts" / "notebooks.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ALL)
def test_navigation_links_point_to_files_that_exist(name):
    folder = ALL[name].parent
    links = [
        link
        for c in cells(name)
        if c.cell_type == "markdown"
        for link in re.findall(r"\]\(([^)#]+\.(?:ipynb|md))\)", c.source)
    ]
    assert links
    missing = [link for link in links if not (folder / link).is_file()]
    assert not missing


@pytest.mark.parametrize("position", range(len(GUIDED)))
def test_header_and_footer_link_the_neighbours(position):
    names = list(GUIDED)
    name = names[position]
    header, footer = cells(name)[0].source, cells(name)[-1].source
    assert f"notebook {position + 1} of {len(names)}" in header
    if position:
        assert f"({names[position - 1]}.ipynb)" in header and "← " in header
    if position + 1 < len(names):
        assert f"({names[position + 1]}.ipynb)" in header
        assert f"**Next:** [{names[position + 1][:2]}" in footer


def test_start_here_lists_every_guided_notebook():
    text = "\n".join(c.source for c in cells("00-start-here") if c.cell_type == "markdown")
    for name in GUIDED:
        assert f"[{name}]({name}.ipynb)" in text


def test_the_lessons_use_the_shared_panels():
    uses = {name: "\n".join(lesson_code(name)) for name in ALL}
    assert "ConcentrationPanel(" in uses["02-see-your-pareto-curve"]
    assert "TierPanel(" in uses["03-tune-your-tiers"]
    assert "TimePanel(" in uses["04-where-your-time-goes"]
    assert "CostPanel(" in uses["05-what-c-accounts-cost"]
    assert "GrowthPanel(" in uses["06-find-growth-in-b"]
    assert "PlanPanel(" in uses["07-plan-your-week"]  # service levels and the calendar file
    assert "ActionPlanPanel(" in uses["08-your-action-plan"]
    assert "course.since_last_period(" in uses["09-since-last-period"]
    assert "team_overview(" in uses["facilitator/team-overview"]


def test_ruff_passes_on_the_notebooks_and_the_generator():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "notebooks", "scripts/notebooks.py"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_session_guide_has_both_agendas_the_objections_and_how_to_serve_the_app():
    guide = (paths.NOTEBOOKS_DIR / "facilitator" / "session-guide.md").read_text(encoding="utf-8")
    assert "## The 90-minute session" in guide and "## The half-day session" in guide
    for objection in (
        "What about the others?",
        "My small customers complain the most",
        "My biggest customer is my friend",
        "80/20 doesn't apply to my territory",
    ):
        assert f'**"{objection}' in guide
    assert "make app HOST=0.0.0.0" in guide and "TOKEN=" in guide
    for name in GUIDED:  # the half day walks through every notebook
        assert f"`{name}`" in guide
    # each agenda's rows follow on from each other and add up to its length
    for heading, minutes in (("## The 90-minute session", 90), ("## The half-day session", 210)):
        table = guide.split(heading)[1].split("\n## ")[0]
        rows = [
            (int(h) * 60 + int(m), int(n))
            for h, m, n in re.findall(r"^\| (\d):(\d\d) \| (\d+) \|", table, flags=re.M)
        ]
        assert [start for start, _ in rows] == [
            sum(n for _, n in rows[:i]) for i in range(len(rows))
        ]
        assert sum(n for _, n in rows) == minutes
