"""Every guided notebook and the team overview run top to bottom in a fresh kernel, on the sample
and on another input given as parameters (the Norwegian order lines, the team file), with no
error, no warning on stderr and no panel showing an error. Answers go to a temporary file."""

from __future__ import annotations

import json

import papermill
import pytest
from notebook_files import ALL, GUIDED

from workbook import paths

#: Each notebook runs on these inputs (parameters); the team overview on the team file.
INPUTS = {
    "sample": {},
    "orders": {"accounts_path": str(paths.SAMPLE_ORDERS_NB), "owner": "Kari Nordmann"},
}
TEAM_INPUTS = {
    "sample": {},
    "team": {"accounts_path": str(paths.SAMPLE_TEAM), "owner": "Ingrid Berg"},
}
RUNS = [(name, label) for name in GUIDED for label in INPUTS] + [
    (name, label) for name in ALL if name not in GUIDED for label in TEAM_INPUTS
]
#: What a run must show, beyond running cleanly.
EXPECTED = {
    ("00-start-here", "sample"): ["Kari Nordmann&#x27;s 250 accounts"],
    ("01-load-your-accounts", "orders"): ["read as order lines", "Kari Nordmann"],
    ("02-see-your-pareto-curve", "sample"): ["58 of your 250 accounts"],
    ("04-where-your-time-goes", "orders"): ["needs visits or selling hours"],
    ("04-where-your-time-goes", "sample"): ["Your focus score is 0.50"],
    ("06-find-growth-in-b", "orders"): ["no potential"],
    ("07-plan-your-week", "sample"): [
        "The plan fits",
        "Download the visit rota (.ics)",
        "Following the plan exactly would score 1.00",
    ],
    ("08-your-action-plan", "sample"): ["No answers are kept yet", "My week, by tier"],
    ("09-since-last-period", "sample"): ["moved up a tier", "Revenue went from 52,320,176"],
    ("09-since-last-period", "orders"): ["moved up a tier", "Compared with 1 Nov 2024"],
    ("facilitator/team-overview", "team"): ["Ingrid Berg", '"who": "you"'],
}


def execute(name: str, parameters: dict, tmp_path) -> tuple[list, str]:
    """Run a notebook; return its code cells' outputs and the text of every widget's state."""
    if name in GUIDED:
        parameters = {**parameters, "answers_path": str(tmp_path / "answers.json")}
    result = papermill.execute_notebook(
        str(ALL[name]),
        str(tmp_path / "executed.ipynb"),
        parameters=parameters,
        kernel_name="python3",
        execution_timeout=300,
        progress_bar=False,
        cwd=str(ALL[name].parent),
    )
    outputs = [
        (cell.id, output)
        for cell in result.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    ]
    state = (
        result.metadata.get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
    )
    return outputs, json.dumps(state, ensure_ascii=False)


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.parametrize(("name", "label"), RUNS, ids=[f"{n}-{label}" for n, label in RUNS])
def test_notebook_runs_cleanly(name, label, tmp_path):
    inputs = INPUTS if name in GUIDED else TEAM_INPUTS
    outputs, widgets = execute(name, inputs[label], tmp_path)
    errors = [(cell, o) for cell, o in outputs if o.output_type == "error"]
    stderr = [
        (cell, o.text) for cell, o in outputs if o.output_type == "stream" and o.name == "stderr"
    ]
    assert not errors and not stderr, errors or stderr
    # A panel catches its errors and shows them; only 01's deliberately broken example may.
    panel_errors = [
        part for part in widgets.split("wb-message wb-error")[1:] if "example.csv" not in part[:400]
    ]
    assert not panel_errors, panel_errors[0][:400]
    assert "Traceback" not in widgets
    rendered = widgets + json.dumps([o for _, o in outputs], ensure_ascii=False)
    for text in EXPECTED.get((name, label), []):
        assert text in rendered, f"{text!r} not shown"
    assert not (tmp_path / "answers.json").exists(), "nothing is kept until a person says so"


@pytest.mark.notebooks
@pytest.mark.slow
def test_load_notebook_shows_every_problem_of_a_refused_file(tmp_path):
    broken = tmp_path / "kunder.csv"
    broken.write_text(
        "Kunde;Omsetning;Besøk\nFjordbakeri AS;1 234,50;4\nBerg AS;n/a;2\nLys AS;12,5 %;x\n",
        encoding="utf-8",
    )
    outputs, widgets = execute("01-load-your-accounts", {"accounts_path": str(broken)}, tmp_path)
    assert not [o for _, o in outputs if o.output_type == "error"]
    for shown in (
        "&quot;n/a&quot; in row 3",
        "&quot;12,5 %&quot; in row 4",
        "&quot;x&quot; in row 4",
        "could not be read yet",
    ):
        assert shown in widgets
