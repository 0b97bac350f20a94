"""The guided notebooks speak the chosen language: run in the pseudo-language, every text their
cells show (sentences, tables, buttons, sliders, options) comes out marked; the Norwegian course
runs as it is, in Norwegian."""

from __future__ import annotations

import json

import papermill
import pytest
from notebook_files import GENERATOR
from pseudo import untranslated, visible_text
from test_notebooks_run import execute

from workbook import paths
from workbook.i18n import _, use_language
from workbook.loading import load

#: Widget traits a person reads, by the widget models' state.
READ = ("description", "placeholder", "tooltip", "_options_labels")
MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


def shown_texts(outputs: list, widget_state: str):
    """Yield what a person reads in a run notebook: outputs, and the widgets' texts."""
    for _cell, output in outputs:
        data = output.get("data", {})
        if "text/html" in data:
            yield visible_text("".join(data["text/html"]))
        elif "text/markdown" in data:
            yield "".join(data["text/markdown"])
        elif output.get("output_type") == "stream":
            yield output.get("text", "")
    for model in json.loads(widget_state).values():
        state = model.get("state", {})
        if state.get("_model_name") in ("HTMLModel", "LabelModel", "HTMLMathModel"):
            yield visible_text(str(state.get("value", "")))
        for name in READ:
            value = state.get(name)
            if isinstance(value, str) and value:
                yield value
            elif isinstance(value, list):
                yield from map(str, value)


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.parametrize("name", ["03-tune-your-tiers", "06-find-growth-in-b", "07-plan-your-week"])
def test_every_text_a_notebook_shows_is_translated(name, tmp_path):
    outputs, widgets = execute(name, {"language": "qps"}, tmp_path)
    sample = load(paths.SAMPLE_ACCOUNTS).accounts
    allowed = {*sample["account"], *sample["owner"].dropna(), "sample_accounts", "ipynb"}
    left = {}
    for text in shown_texts(outputs, widgets):
        words = [w for w in untranslated(text, allowed) if w not in MONTHS]
        if words:
            left[" ".join(text.split())[:120]] = words
    assert not left, "\n".join(f"{words}: {text}" for text, words in left.items())


@pytest.mark.notebooks
@pytest.mark.slow
def test_the_norwegian_course_runs_in_norwegian(tmp_path):
    notebook = next(n for n in GENERATOR.GUIDED if n.name == "07-plan-your-week")
    path = notebook.path_in("nb")
    assert path.is_file()
    result = papermill.execute_notebook(
        str(path),
        str(tmp_path / "executed.ipynb"),
        parameters={"answers_path": str(tmp_path / "answers.json")},
        kernel_name="python3",
        execution_timeout=300,
        progress_bar=False,
        cwd=str(path.parent),
    )
    text = json.dumps(result.cells, ensure_ascii=False) + json.dumps(
        result.metadata.get("widgets", {}), ensure_ascii=False
    )
    assert "Traceback" not in text
    for english in ("The plan fits.", "Download the visit rota (.ics)"):
        with use_language("nb"):
            norwegian = _(english)
        assert norwegian != english and norwegian in text, english
    assert "The plan fits" not in text
