"""Write the parts every guided notebook shares, so they never drift apart.

Each notebook in ``notebooks/`` keeps its own lesson; this script owns the cells that repeat:

- the navigation header ("← previous · start · next →") and the title;
- the ``parameters`` cell: the shared names, their help and the package's defaults;
- the set-up cell (imports of what the notebook uses, offline charts, where answers are kept)
  the cell that opens your accounts, and the one that makes the plan settings;
- the navigation footer, and the list of notebooks in ``00-start-here``.

It also clears outputs and execution counts. Run it after editing a notebook:

    .venv/bin/python scripts/notebooks.py           # refresh the notebooks in place
    .venv/bin/python scripts/notebooks.py --check   # exit 1 if a notebook is not as written here

A notebook that does not exist yet is created with empty opening and closing sections.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook import paths
from workbook.i18n import N_, _, use_language
from workbook.notebook_text import translate_markdown
from workbook.parameters import PLAN, TIERING, parameters_cell

#: A generated cell says which part it is in its metadata, under this key.
ROLE = "workbook_generated"


@dataclass(frozen=True)
class Notebook:
    """A notebook this script looks after.

    ``kind`` is ``"guided"`` (a lesson of the course: header, set-up, your book, footer),
    ``"facilitator"`` (the trainer's team overview: header and set-up), or ``"run"`` (the app and
    the reports, which papermill and Voilà run: only the parameters cell and the settings cell
    after it are written here).
    """

    name: str  # the file's name without .ipynb, under notebooks/
    title: str
    teaches: str
    parameters: tuple[str, ...]
    opens_book: bool = True
    help: dict[str, str] = field(default_factory=dict)  # help that differs from the table's
    defaults: dict[str, str] = field(default_factory=dict)  # literals that differ from it
    kind: str = "guided"
    sample: str = ""  # the sample it opens when no file is given ("": the sample accounts)

    @property
    def path(self) -> Path:
        return paths.NOTEBOOKS_DIR / f"{self.name}.ipynb"

    def path_in(self, language: str) -> Path:
        """Where the notebook is written in ``language`` (the English one is the source)."""
        if language == "en":
            return self.path
        return paths.NOTEBOOKS_DIR / language / f"{self.name}.ipynb"

    @property
    def file(self) -> str:
        return Path(self.name).name + ".ipynb"


START = ("accounts_path", "owner", "language")
GUIDED = (
    Notebook(
        "00-start-here",
        N_("Start here: your customers are not all alike"),
        N_("why customers are not all alike; how the notebooks work; your revenue at a glance"),
        (*START, "answers_path"),
    ),
    Notebook(
        "01-load-your-accounts",
        N_("Load your accounts"),
        N_("what your export must contain; what the workbook understood; fixing what it refuses"),
        (*START, "answers_path"),
        opens_book=False,
    ),
    Notebook(
        "02-see-your-pareto-curve",
        N_("See your Pareto curve"),
        N_("how concentrated your business is: the Pareto curve and the profit whale curve"),
        (*START, "metric", "answers_path"),
    ),
    Notebook(
        "03-tune-your-tiers",
        N_("Tune your tiers"),
        N_("A, B and C on sliders; share of accounts against share of value; what moves when"),
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "04-where-your-time-goes",
        N_("Where your time goes"),
        N_("your time against your plan and your value; the customers you like; your focus score"),
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "05-what-c-accounts-cost",
        N_("What C accounts cost"),
        N_("concessions, small service calls and time: what each account leaves"),
        (*START, *TIERING, "hourly_cost", "answers_path"),
    ),
    Notebook(
        "06-find-growth-in-b",
        N_("Find growth in B"),
        N_("the few B accounts with real room to grow, and why most have little"),
        (*START, *TIERING, "answers_path"),
    ),
    Notebook(
        "07-plan-your-week",
        N_("Plan your week"),
        N_("the plan per account, service levels per tier, your visits for the year as a calendar"),
        (*START, *TIERING, *PLAN, "answers_path"),
    ),
    Notebook(
        "08-your-action-plan",
        N_("Your action plan"),
        N_("what you commit to, what you stop doing, what you measure in a month"),
        (*START, *TIERING, *PLAN, "hourly_cost", "answers_path"),
    ),
    Notebook(
        "09-since-last-period",
        N_("Since last period"),
        N_("each month or quarter: who moved tier, who is new or lost, where the revenue went"),
        (*START, *TIERING, "previous_path", "answers_path"),
        help={
            "accounts_path": N_("your accounts or order-lines file; empty: the sample order lines")
        },
        sample="orders",
    ),
)
TEAM_HELP = {
    "accounts_path": "the team's accounts or order-lines file; empty: the sample team",
    "owner": "a salesperson to pick out in the charts; empty: nobody",
}
TEAM = Notebook(
    "facilitator/team-overview",
    N_("Compare the salespeople of a team"),
    N_("every salesperson's book side by side"),
    ("accounts_path", "owner", "language", *TIERING, "hourly_cost"),
    opens_book=False,
    help=TEAM_HELP,
    kind="facilitator",
)
RUN = (
    Notebook(
        "app",
        "The Voilà app",
        "the whole workbook on one page",
        (*START, *TIERING, *PLAN),
        opens_book=False,
        # Empty: the server's language (python -m workbook app --language nb); a participant's
        # ?language= in the address, or the switch on the page, still chooses.
        help={"language": N_("en or nb; empty: the app server's language (app --language)")},
        defaults={"language": ""},
        kind="run",
    ),
    Notebook(
        "report",
        "Account review",
        "one salesperson's report",
        (*START, *TIERING, *PLAN, "previous_path", "pins_path"),
        opens_book=False,
        kind="run",
    ),
    Notebook(
        "team-report",
        "Team overview",
        "the team's report",
        ("accounts_path", "language", *TIERING, "hourly_cost"),
        opens_book=False,
        help={"accounts_path": TEAM_HELP["accounts_path"]},
        kind="run",
    ),
)
NOTEBOOKS = (*GUIDED, TEAM, *RUN)

#: Where each name a notebook may use comes from; the set-up cell imports the ones used.
IMPORTS = {
    "workbook": "workbook",
    "charts": "workbook",
    "coaching": "workbook",
    "parameters": "workbook",
    "set_language": "workbook.i18n",
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
    label = f"{before}{notebook.name[:2]} {_(notebook.title)}{after}"
    return f"[{label}]({up}{notebook.name}.ipynb)"


def header(notebook: Notebook) -> str:
    """Return the header: where this notebook stands in the course, with links either way."""
    if notebook not in GUIDED:
        line = _(
            "*Account Focus Workbook · for trainers and managers · [session guide]"
            "(session-guide.md) · the course starts at {start}*"
        ).format(start=_link(GUIDED[0], relative_to=notebook))
        return f"{line}\n\n# {_(notebook.title)}"
    i = GUIDED.index(notebook)
    parts = [
        _("*Account Focus Workbook · notebook {n} of {count}*").format(n=i + 1, count=len(GUIDED))
    ]
    if i > 0:
        parts.append(_link(GUIDED[i - 1], relative_to=notebook, before="← "))
    if i + 1 < len(GUIDED):
        parts.append(_link(GUIDED[i + 1], relative_to=notebook, after=" →"))
    return " · ".join(parts) + f"\n\n# {notebook.name[:2]} · {_(notebook.title)}"


def footer(notebook: Notebook) -> str:
    """Return the footer: what comes next, and where the answers are."""
    if notebook not in GUIDED:
        return "---\n\n" + _(
            "*Back to the [session guide](session-guide.md). Reports for every salesperson: "
            "`python -m workbook report FILE --by owner`.*"
        )
    i = GUIDED.index(notebook)
    lines = ["---"]
    if i + 1 < len(GUIDED):
        lines.append(
            _("**Next:** {link}").format(
                link=_link(GUIDED[i + 1], relative_to=notebook, after=" →")
            )
        )
    else:
        lines.append(
            _("**You have finished the course.** Back to the start: {link}").format(
                link=_link(GUIDED[0], relative_to=notebook)
            )
        )
    if i > 0:
        lines.append(
            _("Previous: {link}").format(
                link=_link(GUIDED[i - 1], relative_to=notebook, before="← ")
            )
        )
    lines.append(
        _(
            "*Your kept answers are in `reports/my-answers.json` (or the file named in "
            "`answers_path`); `08-your-action-plan` gathers them into your plan.*"
        )
    )
    return "\n\n".join(lines)


def contents() -> str:
    """Return the list of guided notebooks and what each teaches (for 00-start-here)."""
    rows = [f"| [{n.name}]({n.name}.ipynb) | {_(n.teaches)} |" for n in GUIDED]
    return "\n".join(
        [
            "## " + _("The notebooks"),
            "",
            "| " + _("notebook") + " | " + _("what you learn") + " |",
            "|---|---|",
            *rows,
        ]
    )


def parameters(notebook: Notebook, language: str = "en") -> str:
    """Return the parameters cell: annotated literals with help, from ``workbook.parameters``;
    a notebook written in another language starts in it."""
    help_texts = {name: _(text) for name, text in notebook.help.items()}
    defaults = {"language": language, **notebook.defaults}
    return parameters_cell(notebook.parameters, help=help_texts, defaults=defaults)


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
    """Return the set-up cell: the imports the lesson uses, offline charts, the course."""
    names = set(_used_names(lesson_code)) | {"charts"}
    names |= {"guide"} if notebook.kind == "guided" else {"parameters", "set_language"}
    lines = [
        *_import_lines([n for n in IMPORTS if n in names]),
        "",
        "charts.enable_offline_widgets()  # " + _("charts are drawn here, with no internet"),
    ]
    if notebook.kind == "guided":
        lines.append(
            "course = guide.Course(answers_path, language=language)  # "
            + _("your answers and settings")
        )
    else:
        lines += [
            "set_language(language)",
            _call("tiers = parameters.tier_settings", _keywords(notebook, TIERING)),
            _call("plan_settings = parameters.plan_settings", _keywords(notebook, PLAN)),
        ]
    return "\n".join(lines)


def _call(head: str, arguments: list[str]) -> str:
    """Return a call that fits in 100 columns: on one line, else its arguments on as few lines
    as fit (not one a line, as ruff would: a cell of the plan's settings stays short to read).

    >>> print(_call("f", ["alpha=alpha", "beta=beta"]))
    f(alpha=alpha, beta=beta)
    >>> print(_call("settings = course.plan_settings", [f"name{i}=name{i}" for i in range(14)]))
    settings = course.plan_settings(
        name0=name0, name1=name1, name2=name2, name3=name3, name4=name4, name5=name5, name6=name6,
        name7=name7, name8=name8, name9=name9, name10=name10, name11=name11, name12=name12,
        name13=name13,
    )
    """
    call = f"{head}(" + ", ".join(arguments) + ")"
    if len(call) <= 100:
        return call
    inner = ", ".join(arguments)
    if len(inner) <= 96:
        return f"{head}(\n    {inner}\n)"
    lines, line = [], ""
    for argument in arguments:
        if line and len(line) + len(argument) + 2 > 96:
            lines.append(line)
            line = ""
        line += ("" if not line else " ") + argument + ","
    lines.append(line)
    return f"{head}(\n" + "".join(f"    {text}\n" for text in lines) + ")"


def _keywords(notebook: Notebook, names: tuple[str, ...]) -> list[str]:
    return [f"{name}={name}" for name in names if name in notebook.parameters]


def book(notebook: Notebook) -> str:
    """Return the cell that opens your accounts with the notebook's own parameters."""
    sample = [f'sample="{notebook.sample}"'] if notebook.sample else []
    lines = [
        _call(
            "book = course.open_book",
            ["accounts_path", *_keywords(notebook, ("owner", *TIERING)), *sample],
        ),
        "course.about(book)",
    ]
    return "\n".join(lines)


def plan(notebook: Notebook) -> str:
    """Return the cell that makes the plan settings of the notebook's parameters (on top of the
    plan kept in 07), or "" when the notebook has no plan parameters."""
    keywords = _keywords(notebook, PLAN)
    return _call("plan_settings = course.plan_settings", keywords) if keywords else ""


def run_settings(notebook: Notebook) -> str:
    """Return the cell after a run notebook's parameters: the language and the settings objects."""
    if notebook.name == "app":
        return "\n".join(
            [
                "from workbook.widgets import WorkbookApp",
                "",
                _call(
                    "WorkbookApp",
                    ["accounts_path", *_keywords(notebook, ("owner", "language", *TIERING, *PLAN))],
                ),
            ]
        )
    pins = ["pins=workbook.read_pins(pins_path)"] if "pins_path" in notebook.parameters else []
    lines = [
        "set_language(language)",
        _call("tiers = parameters.tier_settings", [*_keywords(notebook, TIERING), *pins]),
        _call("plan_settings = parameters.plan_settings", _keywords(notebook, PLAN)),
    ]
    return "\n".join(lines)


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


def _is_parameters(cell: nbformat.NotebookNode) -> bool:
    return cell.metadata.get(ROLE) == "parameters" or "parameters" in cell.metadata.get("tags", [])


def refresh_run(notebook: Notebook, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a run notebook with its parameters and settings cells written afresh."""
    at = next(i for i, cell in enumerate(nb.cells) if _is_parameters(cell))
    kept = [
        cell
        for cell in nb.cells
        if not _is_parameters(cell) and cell.metadata.get(ROLE) != "settings"
    ]
    kept[at:at] = [
        _cell("parameters", "code", parameters(notebook)),
        _cell("settings", "code", run_settings(notebook)),
    ]
    nb.cells = kept
    return nb


def refresh(
    notebook: Notebook, nb: nbformat.NotebookNode, language: str = "en"
) -> nbformat.NotebookNode:
    """Return ``nb`` with its generated cells written afresh and its outputs cleared, in the
    current language (the lesson's own text is translated by :func:`translated`)."""
    if notebook.kind == "run":
        return _clean(refresh_run(notebook, nb))
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
        _cell("parameters", "code", parameters(notebook, language)),
        _cell("setup", "code", setup(notebook, code)),
    ]
    if notebook.opens_book:
        top.append(_cell("book", "code", book(notebook)))
        if plan(notebook):
            top.append(_cell("plan-settings", "code", plan(notebook)))
    cells = [
        _cell("header", "markdown", header(notebook)),
        *lesson[:1],
        *top,
        *lesson[1:],
        _cell("footer", "markdown", footer(notebook)),
    ]
    nb.cells = cells
    return _clean(nb)


def _clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` without outputs or execution counts, with the project's metadata."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


#: The languages the guided course is written in besides English (its source).
TRANSLATED = ("nb",)


def translated(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` with the lesson's own Markdown in the current language, block by block."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and ROLE not in cell.metadata:
            cell.source = translate_markdown(cell.source)
    return nb


def render(notebook: Notebook, language: str = "en") -> str:
    """Return the notebook's file as this script writes it, in ``language``."""
    nb = (
        nbformat.read(notebook.path, as_version=4) if notebook.path.exists() else skeleton(notebook)
    )
    with use_language(language):
        written = refresh(notebook, nb, language)
        if language != "en":
            written = translated(written)
    return nbformat.writes(written) + "\n"


def written_files() -> list[tuple[Notebook, str, Path]]:
    """Return every notebook this script writes: (notebook, language, path)."""
    files = [(n, "en", n.path) for n in NOTEBOOKS]
    files += [(n, code, n.path_in(code)) for code in TRANSLATED for n in GUIDED]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a notebook differs from what is written",
    )
    args = parser.parse_args(argv)
    stale = []
    for notebook, language, path in written_files():
        text = render(notebook, language)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if text == current:
            continue
        stale.append(path.relative_to(paths.PROJECT_ROOT))
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "written"
    for path in stale:
        print(f"{verb}: {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
