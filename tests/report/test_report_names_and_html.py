"""Report file names stay inside the output folder; the HTML loads nothing from anywhere else."""

from __future__ import annotations

import re

import nbformat
import pytest

from workbook.report.html import RemoteReferenceError, remote_references, report_html
from workbook.report.names import slug, unique_slugs

ODD_NAMES = [
    "../../etc/passwd",
    "..",
    "/",
    "C:\\Users\\Kari",
    "Kari/../Per",
    "  ",
    "\x00",
    "Ærlig Øst-Å",
    "王小明",
    "Jo" * 80,
    "Per.",
    "CON",
    "Ingrid Berg",
    "ingrid  berg",
]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_slug_is_a_plain_file_name_whatever_the_owner_is_called(name):
    stem = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem)
    assert len(stem) <= 60


def test_owners_whose_names_make_the_same_slug_get_different_files():
    slugs = unique_slugs(ODD_NAMES, taken=["team-overview"])
    assert len(set(slugs.values())) == len(ODD_NAMES)
    assert slugs["Ingrid Berg"] == "ingrid-berg" and slugs["ingrid  berg"] == "ingrid-berg-2"


def notebook_with(*outputs) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {"abc": {"customer_list": ["Fjordbakeri AS", "Nordhotell AS"]}}
        }
    }
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## Where your time goes"),
        nbformat.v4.new_code_cell("accounts = load()", outputs=list(outputs)),
    ]
    return notebook


def test_the_html_keeps_what_a_reader_sees_and_nothing_else():
    page = report_html(
        notebook_with(
            nbformat.v4.new_output(
                "display_data", {"text/html": "<p>Focus score 0.70</p>", "text/plain": "<Html>"}
            ),
            nbformat.v4.new_output(
                "display_data", {"image/svg+xml": "<svg xmlns='http://www.w3.org/2000/svg'/>"}
            ),
            nbformat.v4.new_output(
                "display_data", {"application/javascript": "fetch('https://x.io')"}
            ),
            nbformat.v4.new_output(
                "display_data", {"application/vnd.jupyter.widget-view+json": {"model_id": "abc"}}
            ),
            nbformat.v4.new_output("stream", name="stderr", text="FutureWarning: ..."),
            nbformat.v4.new_output(
                "error", ename="ValueError", evalue="x", traceback=["Traceback"]
            ),
        ),
        title="Account review: Ingrid Berg",
    )
    assert "<p>Focus score 0.70</p>" in page and "data:image/svg+xml" in page
    assert "<title>Account review: Ingrid Berg</title>" in page
    for gone in (
        "accounts = load()",
        "fetch(",
        "widget",
        "Fjordbakeri",
        "FutureWarning",
        "Traceback",
        "<script",
    ):
        assert gone not in page
    assert remote_references(page) == []


@pytest.mark.parametrize(
    "reference",
    [
        '<img src="https://example.org/logo.png">',
        "<link rel=stylesheet href=//cdn.example/x.css>",
        "<div style=\"background: url('http://example.org/bg.png')\">",
        "<style>@import url(https://fonts.example/css);</style>",
        "<script src='http://x/y.js'>",
    ],
)
def test_a_remote_reference_in_an_output_stops_the_export(reference):
    notebook = notebook_with(nbformat.v4.new_output("display_data", {"text/html": reference}))
    with pytest.raises(RemoteReferenceError):
        report_html(notebook, title="x")


def test_text_that_merely_mentions_a_web_address_is_no_reference():
    assert (
        remote_references(
            "<p>See https://example.org for more</p><svg xmlns='http://www.w3.org/2000/svg'/>"
        )
        == []
    )


def test_cells_for_the_notebook_reader_are_left_out_of_the_report():
    notebook = notebook_with()
    notebook.cells.insert(
        0,
        nbformat.v4.new_markdown_cell(
            "The parameters are in the next cell.", metadata={"tags": ["notebook-only"]}
        ),
    )
    page = report_html(notebook, title="x")
    assert "parameters are in the next cell" not in page and "Where your time goes" in page


def test_reports_exported_at_once_by_the_one_exporter_each_keep_only_their_own_content():
    from concurrent.futures import ThreadPoolExecutor

    def page(owner: str) -> str:
        notebook = nbformat.v4.new_notebook()
        shown = {"text/html": f"<h1>Account review: {owner}</h1>"}
        notebook.cells = [
            nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", shown)])
        ]
        return report_html(notebook, title=f"Account review: {owner}")

    owners = ["Ingrid Berg", "Ola Dahl"] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        pages = list(pool.map(page, owners))
    for owner, text in zip(owners, pages, strict=True):
        other = ({"Ingrid Berg", "Ola Dahl"} - {owner}).pop()
        assert text.count(owner) == 2 and other not in text  # the title and the heading
