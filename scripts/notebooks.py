"""Write the parts every guided notebook shares, so they never drift apart.

Each notebook in ``notebooks/`` keeps its own lesson; this script owns the cells that repeat:

- the navigation header ("← previous · start · next →") and the title;
- the ``parameters`` cell: the shared names, their help and the package's defaults;
- the set-up cell (imports of what the notebook uses, offline charts, where answers are kept)
  and the cell that opens your accounts;
- the navigation footer, and the list of notebooks in ``00-start-here``.

It also clears outputs and execution counts. Run it after editing a notebook:

    .venv/bin/python scripts/notebooks.py           # refresh the notebooks in place
    .venv/bin/python scripts/notebooks.py --check   # exit 1 if a notebook is not as written here

A notebook that does not exist yet is created with empty opening and closing sections.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook import paths
from workbook.analysis import DEFAULTS, assign_tiers
from workbook.coaching import defaults

#: A generated cell says which part it is in its metadata, under this key.
ROLE = "workbook_generated"
TIER_DEFAULTS = {
    name: p.default
    for name, p in inspect.signature(assign_tiers).parameters.items()
    if name in ("metric", "method")
}


@dataclass(frozen=True)
class Parameter:
    """One shared parameter: its annotation, default and help."""

    annotation: str
    default: object
    help: str


PARAMETERS: dict[str, Parameter] = {
    "accounts_path": Parameter(
        "str", "", "your accounts or order-lines file; empty: the sample accounts"
    ),
    "owner": Parameter(
        "str", "", "one salesperson's accounts (the owner column); empty: everyone in the file"
    ),
    "metric": Parameter(
        "str", TIER_DEFAULTS["metric"], "rank accounts by revenue, gross_profit or blend"
    ),
    "method": Parameter(
        "str",
        TIER_DEFAULTS["method"],
        "account_share (share of accounts) or value_share (classic ABC)",
    ),
    "a": Parameter(
        "float",
        None,
        "A: share of accounts, or of value for value_share; None: "
        f"{DEFAULTS['account_share']['a']:.2f} / {DEFAULTS['value_share']['a']:.2f}",
    ),
    "b": Parameter(
        "float",
        None,
        f"B reaches this share of value (value_share only); None: "
        f"{DEFAULTS['value_share']['b']:.2f}",
    ),
    "c": Parameter(
        "float",
        None,
        f"C: share of accounts at the bottom (account_share only); None: "
        f"{DEFAULTS['account_share']['c']:.2f}",
    ),
    "hours_per_week": Parameter(
        "float", defaults.HOURS_PER_WEEK, "selling hours you can plan each week"
    ),
    "weeks": Parameter("float", defaults.WEEKS, "selling weeks in a year"),
    "share_a": Parameter("float", defaults.SHARE_A, "share of selling time for A accounts"),
    "share_b": Parameter(
        "float", defaults.SHARE_B, "share of selling time for B accounts (C gets the rest)"
    ),
    "hourly_cost": Parameter(
        "float", defaults.HOURLY_COST, "what an hour of your time costs (salary, car, travel)"
    ),
    "answers_path": Parameter(
        "str", "", "where your reflections are kept; empty: reports/my-answers.json"
    ),
}
TIERING = ("metric", "method", "a", "b", "c")
PLAN = ("hours_per_week", "weeks", "share_a", "share_b")


@dataclass(frozen=True)
class Notebook:
    """A notebook this script looks after."""

    name: str  # the file's name without .ipynb, under notebooks/
    title: str
    teaches: str
    parameters: tuple[str, ...]
    opens_book: bool = True
    help: dict[str, str] = field(default_factory=dict)  # help that differs from PARAMETERS

    @property
    def path(self) -> Path:
        return paths.NOTEBOOKS_DIR / f"{self.name}.ipynb"

    @property
    def file(self) -> str:
        return Path(self.name).name + ".ipynb"


START = ("accounts_path", "owner")
GUIDED = (
    Notebook(
        "00-start-here",
        "Start here: your customers are not all alike",
        "why customers are not all alike; how the notebooks work; your revenue at a glance",
        (*START, "answers_path"),
    ),
    Notebook(
        "01-load-your-accounts",
        "Load your accounts",
        "what your export must contain; what the workbook understood; fixing what it refuses",
        (*START, "answers_path"),
        opens_book=False,
    ),
    Notebook(
        "02-see-your-pareto-curve",
        "See your Pareto curve",
        "how concentrated your business is: the Pareto curve and the profit whale curve",
        (*START, "metric", "answers_path"),
    ),
    Notebook(
        "03-tune-your-tiers",
        "Tune your tiers",
        "A, B and C on sliders; share of accounts against share of value; what moves when",
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "04-where-your-time-goes",
        "Where your time goes",
        "your time against your value; the customers you like; your focus score",
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "05-what-c-accounts-cost",
        "What C accounts cost",
        "concessions, small service calls and time: what each account leaves",
        (*START, *TIERING, "hourly_cost", "answers_path"),
    ),
    Notebook(
        "06-find-growth-in-b",
        "Find growth in B",
        "the few B accounts with real room to grow, and why most have little",
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "07-plan-your-week",
        "Plan your week",
        "the 80/20 schedule, service levels per tier, your week as a calendar file",
        (*START, *TIERING, *PLAN, "answers_path"),
    ),
    Notebook(
        "08-your-action-plan",
        "Your action plan",
        "what you commit to, what you stop doing, what you measure in a month",
        (*START, *TIERING, *PLAN, "hourly_cost", "answers_path"),
    ),
)
TEAM = Notebook(
    "facilitator/team-overview",
    "Compare the salespeople of a team",
    "every salesperson's book side by side",
    ("accounts_path", "owner", *TIERING, "hourly_cost"),
    opens_book=False,
    help={
        "accounts_path": "the team's accounts or order-lines file; empty: the sample team",
        "owner": "a salesperson to pick out in the charts; empty: nobody",
    },
)
NOTEBOOKS = (*GUIDED, TEAM)

#: Where each name a notebook may use comes from; the set-up cell imports the ones used.
IMPORTS = {
    "workbook": "workbook",
    "charts": "workbook",
    "coaching": "workbook",
    "self_check": "workbook.coaching",
    "team_overview": "workbook.coaching.team",
    "owners": "workbook.report",
    "team_sections": "workbook.report",
    "AnswerStore": "workbook.widgets",
    "ConcentrationPanel": "workbook.widgets",
    "CostPanel": "workbook.widgets",
    "GrowthPanel": "workbook.widgets",
    "PlanPanel": "workbook.widgets",
    "Prediction": "workbook.widgets",
    "Reflection": "workbook.widgets",
    "TierPanel": "workbook.widgets",
    "TimePanel": "workbook.widgets",
    "guide": "workbook.widgets",
    "ActionPlanPanel": "workbook.widgets.action",
    "TeamPanel": "workbook.widgets.team",
}


# --- the generated cells -----------------------------------------------------------------------
def _link(notebook: Notebook, *, relative_to: Notebook, before: str = "", after: str = "") -> str:
    """Return a Markdown link to a guided notebook, e.g. ``[02 See your Pareto curve](…)``."""
    up = "../" * len(Path(relative_to.name).parent.parts)
    label = f"{before}{notebook.name[:2]} {notebook.title}{after}"
    return f"[{label}]({up}{notebook.name}.ipynb)"


def header(notebook: Notebook) -> str:
    """Return the header: where this notebook stands in the course, with links either way."""
    if notebook not in GUIDED:
        return (
            "*Account Focus Workbook · for trainers and managers · "
            "[session guide](session-guide.md) · the course starts at "
            f"{_link(GUIDED[0], relative_to=notebook)}*\n\n# {notebook.title}"
        )
    i = GUIDED.index(notebook)
    parts = [f"*Account Focus Workbook · notebook {i + 1} of {len(GUIDED)}*"]
    if i > 0:
        parts.append(_link(GUIDED[i - 1], relative_to=notebook, before="← "))
    if i + 1 < len(GUIDED):
        parts.append(_link(GUIDED[i + 1], relative_to=notebook, after=" →"))
    return " · ".join(parts) + f"\n\n# {notebook.name[:2]} · {notebook.title}"


def footer(notebook: Notebook) -> str:
    """Return the footer: what comes next, and where the answers are."""
    if notebook not in GUIDED:
        return (
            "---\n\n*Back to the [session guide](session-guide.md). Reports for every "
            "salesperson: `python -m workbook report FILE --by owner`.*"
        )
    i = GUIDED.index(notebook)
    lines = ["---"]
    if i + 1 < len(GUIDED):
        lines.append(f"**Next:** {_link(GUIDED[i + 1], relative_to=notebook, after=' →')}")
    else:
        lines.append(
            "**You have finished the course.** Back to the start: "
            f"{_link(GUIDED[0], relative_to=notebook)}"
        )
    if i > 0:
        lines.append(f"Previous: {_link(GUIDED[i - 1], relative_to=notebook, before='← ')}")
    lines.append(
        "*Your kept answers are in `reports/my-answers.json` (or the file named in "
        "`answers_path`); `08-your-action-plan` gathers them into your plan.*"
    )
    return "\n\n".join(lines)


def contents() -> str:
    """Return the list of guided notebooks and what each teaches (for 00-start-here)."""
    rows = [f"| [{n.name}]({n.name}.ipynb) | {n.teaches} |" for n in GUIDED]
    return "\n".join(["## The notebooks", "", "| notebook | what you learn |", "|---|---|", *rows])


def _literal(value: object) -> str:
    return repr(value).replace("'", '"')


def parameters(notebook: Notebook) -> str:
    """Return the parameters cell: annotated literals with help, the package's defaults."""
    lines = []
    for name in notebook.parameters:
        spec = PARAMETERS[name]
        help_text = notebook.help.get(name, spec.help)
        lines.append(f"{name}: {spec.annotation} = {_literal(spec.default)}  # {help_text}")
    return "\n".join(lines)


def _used_names(code: str) -> list[str]:
    return [name for name in IMPORTS if re.search(rf"(?<![\w.]){name}\b", code)]


def _import_lines(names: list[str]) -> list[str]:
    by_module: dict[str, list[str]] = {}
    for name in names:
        by_module.setdefault(IMPORTS[name], []).append(name)
    lines = ["import workbook"] if "workbook" in names else []
    for module in sorted(m for m in by_module if by_module[m] != ["workbook"]):
        chosen = sorted(
            (n for n in by_module[module] if n != "workbook"),
            key=lambda n: (not n.isupper(), not n[0].isupper(), n),
        )
        lines.append(f"from {module} import {', '.join(chosen)}")
    return lines


def setup(notebook: Notebook, lesson_code: str) -> str:
    """Return the set-up cell: the imports the lesson uses, offline charts, the answer store."""
    names = set(_used_names(lesson_code)) | {"charts"}
    if "answers_path" in notebook.parameters:
        names.add("AnswerStore")
    if notebook.opens_book:
        names.add("guide")
    lines = [
        *_import_lines([n for n in IMPORTS if n in names]),
        "",
        "charts.enable_offline_widgets()  # charts are drawn here, with no internet",
    ]
    if "answers_path" in notebook.parameters:
        lines.append("store = AnswerStore.for_notebook(answers_path)  # your kept reflections")
    return "\n".join(lines)


def book(notebook: Notebook) -> str:
    """Return the cell that opens your accounts with the notebook's own parameters."""
    given = ["accounts_path"] + [
        f"{name}={name}" for name in ("owner", *TIERING) if name in notebook.parameters
    ]
    call = "book = guide.open_book(" + ", ".join(given) + ")"
    if len(call) > 100:  # wrapped as ruff format would wrap it
        call = "book = guide.open_book(\n    " + ", ".join(given) + "\n)"
    return call + "\nguide.about(book)"


# --- putting them in place ---------------------------------------------------------------------
def _cell(role: str, kind: str, source: str) -> nbformat.NotebookNode:
    make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    cell = make(source, id=role)
    cell.metadata[ROLE] = role
    if role == "parameters":
        cell.metadata["tags"] = ["parameters"]
    return cell


def skeleton(notebook: Notebook) -> nbformat.NotebookNode:
    """Return a new notebook with empty opening and closing sections, to be filled in."""
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "**Questions**\n- …\n\n**Objectives**\n- …\n\n**Time**: … minutes", id="opening"
            ),
            nbformat.v4.new_markdown_cell("## Key points\n- …", id="key-points"),
        ]
    )


def refresh(notebook: Notebook, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` with its generated cells written afresh and its outputs cleared."""
    lesson = [c for c in nb.cells if ROLE not in c.metadata]
    contents_at = next(
        (i for i, c in enumerate(nb.cells) if c.metadata.get(ROLE) == "contents"), None
    )
    if contents_at is not None:  # keep the list where the author put it
        lesson.insert(
            sum(ROLE not in c.metadata for c in nb.cells[:contents_at]),
            _cell("contents", "markdown", contents()),
        )
    elif notebook is GUIDED[0]:
        lesson.insert(max(len(lesson) - 2, 1), _cell("contents", "markdown", contents()))
    code = "\n".join(c.source for c in lesson if c.cell_type == "code")
    top = [
        _cell("parameters", "code", parameters(notebook)),
        _cell("setup", "code", setup(notebook, code)),
    ]
    if notebook.opens_book:
        top.append(_cell("book", "code", book(notebook)))
    cells = [
        _cell("header", "markdown", header(notebook)),
        *lesson[:1],
        *top,
        *lesson[1:],
        _cell("footer", "markdown", footer(notebook)),
    ]
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def render(notebook: Notebook) -> str:
    """Return the notebook's file as this script writes it."""
    nb = (
        nbformat.read(notebook.path, as_version=4) if notebook.path.exists() else skeleton(notebook)
    )
    return nbformat.writes(refresh(notebook, nb)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a notebook differs from what is written",
    )
    args = parser.parse_args(argv)
    stale = []
    for notebook in NOTEBOOKS:
        text = render(notebook)
        current = notebook.path.read_text(encoding="utf-8") if notebook.path.exists() else None
        if text == current:
            continue
        stale.append(notebook.path.relative_to(paths.PROJECT_ROOT))
        if not args.check:
            notebook.path.parent.mkdir(parents=True, exist_ok=True)
            notebook.path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "written"
    for path in stale:
        print(f"{verb}: {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
