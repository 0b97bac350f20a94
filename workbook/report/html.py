"""A report as one standalone HTML file: no code, no scripts, nothing loaded from outside it.

nbconvert's full page templates link MathJax, require.js and (with widgets) the widget manager
from CDNs, and the ``lab`` template imports mermaid from one. The export here uses the ``basic``
template, which gives only the cells, inside a page of our own with its styles inline. Charts
are SVG drawn in the kernel, embedded as ``data:`` images. Only outputs a reader needs are kept:
HTML, SVG, PNG and plain text; no JavaScript, no widget state, no warnings on stderr, no errors.
A last check refuses any ``src``, ``href`` or ``url()`` that points outside the file.

An SVG drawn by Vega labels every mark for screen readers with the data behind it (a scatter of
B accounts carries each account's name, revenue and margin, though only a few are written on
the chart). :func:`without_mark_labels` removes those labels and keeps the axes' and legends',
so a report carries only what its pictures show.
"""

from __future__ import annotations

import copy
import html
import re
import threading
from functools import cache

import nbformat

from workbook import formatting as fmt
from workbook.i18n import LanguageError, check_language, language, ngettext

#: The tag of cells written for the person who opens the notebook, not for the report's reader.
NOTEBOOK_ONLY = "notebook-only"
#: The outputs a report keeps, richest first (nbconvert shows the first it finds).
KEPT_OUTPUTS = ("text/html", "image/svg+xml", "image/png", "text/markdown", "text/plain")

#: An attribute or CSS reference to anything that is not inside the file (http, https, //host).
REMOTE = re.compile(
    r"""(?:\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//)""",
    re.IGNORECASE,
)

PAGE_CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial,
       sans-serif; color: #1d2733; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem;
       line-height: 1.5; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; }
h2 { font-size: 1.4rem; margin-top: 2.4rem; border-bottom: 1px solid #e6e9ed; }
.anchor-link { display: none; }
.output_subarea { margin: .6rem 0; overflow-x: auto; }
.output_svg img, .output_png img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; font-size: .85rem; }
table { max-width: 100%; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } }
"""

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
</body>
</html>
"""


#: One SVG element; a mark's ``aria-roledescription`` names its kind (axes and legends too).
SVG_TAG = re.compile(r"<[^<>]*\baria-label=\"[^\"]*\"[^<>]*>")
KEPT_LABELS = re.compile(r'aria-roledescription="(?:axis|legend|title)"')
ARIA_LABEL = re.compile(r'\s+aria-label="[^"]*"')


class RemoteReferenceError(ValueError):
    """An exported report would load something from outside its own file."""


def remote_references(text: str) -> list[str]:
    """Return every reference in ``text`` to something outside the file (src, href, url()).

    Examples
    --------
    >>> remote_references('<img src="data:image/svg+xml;base64,AAA"><a href="#A">A</a>')
    []
    >>> remote_references('<script src="https://cdn.example/x.js"></script>'
    ...                   '<link href=//fonts.example/f.css><p style="background:url(http://x)">')
    ['src="https://', 'href=//', 'url(http://']
    """
    return [match.group(0) for match in REMOTE.finditer(text)]


def strip_mark_labels(svg: str) -> str:
    """Return an SVG without the data labels of its marks (axis and legend labels are kept).

    Examples
    --------
    >>> svg = ('<svg><g role="graphics-symbol" aria-roledescription="axis" aria-label="X-axis '
    ...        'titled Revenue"/><path aria-label="Account: Fjordbakeri AS; Revenue: 94,000" '
    ...        'role="graphics-symbol" aria-roledescription="circle" d="M0,0"/></svg>')
    >>> print(strip_mark_labels(svg))
    <svg><g role="graphics-symbol" aria-roledescription="axis" aria-label="X-axis titled
    Revenue"/><path role="graphics-symbol" aria-roledescription="circle" d="M0,0"/></svg>
    """

    def strip(match: re.Match) -> str:
        tag = match.group(0)
        return tag if KEPT_LABELS.search(tag) else ARIA_LABEL.sub("", tag)

    return SVG_TAG.sub(strip, svg)


def without_mark_labels(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of a notebook whose SVG outputs carry no data labels on their marks."""
    clean = copy.deepcopy(notebook)
    for cell in clean.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                data["image/svg+xml"] = strip_mark_labels(data["image/svg+xml"])
    return clean


def report_only(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of an executed notebook with only what a reader of the report needs.

    Widget state and cells tagged ``notebook-only`` go; each code cell keeps its displayed
    results (the kinds in ``KEPT_OUTPUTS``, SVG without its marks' data labels), not its stderr,
    its errors or any JavaScript.
    """
    clean = without_mark_labels(notebook)
    clean.metadata.pop("widgets", None)
    clean.cells = [c for c in clean.cells if NOTEBOOK_ONLY not in c.metadata.get("tags", [])]
    for cell in clean.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.get("name") == "stdout":
                kept.append(output)
            elif output.output_type in ("display_data", "execute_result"):
                data = {kind: value for kind, value in output.data.items() if kind in KEPT_OUTPUTS}
                if data:
                    output.data = data
                    output.metadata = {}
                    kept.append(output)
        cell.outputs = kept
    return clean


def page_language(notebook: nbformat.NotebookNode) -> str:
    """Return the language a report was written in: its ``language`` parameter, else the current.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook()
    >>> page_language(notebook)
    'en'
    >>> notebook.metadata["papermill"] = {"parameters": {"language": "nb-NO"}}
    >>> page_language(notebook)
    'nb'
    """
    given = notebook.metadata.get("papermill", {}).get("parameters", {}).get("language")
    try:
        return check_language(given) if given else language()
    except LanguageError:
        return language()


def report_html(notebook: nbformat.NotebookNode, *, title: str) -> str:
    """Return an executed report notebook as a standalone HTML page without code.

    Parameters
    ----------
    notebook : NotebookNode
        The executed notebook.
    title : str
        The page's title (e.g. "Account review: Ingrid Berg").

    Returns
    -------
    str
        The page, its ``lang`` the report's language; it loads nothing from outside itself.

    Raises
    ------
    RemoteReferenceError
        Something in the page would still be loaded from elsewhere.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook()
    >>> notebook.cells = [nbformat.v4.new_markdown_cell("## Your tiers"),
    ...                   nbformat.v4.new_code_cell("secret = 42", outputs=[
    ...                       nbformat.v4.new_output("display_data", {"text/html": "<b>77%</b>"}),
    ...                       nbformat.v4.new_output("stream", name="stderr", text="Warning")])]
    >>> page = report_html(notebook, title="Account review: Fjordbakeri AS")
    >>> "<b>77%</b>" in page, "secret" in page, "Warning" in page, remote_references(page)
    (True, False, False, [])
    """
    body = _export(report_only(notebook))
    page = PAGE.format(
        lang=page_language(notebook), title=html.escape(title), css=PAGE_CSS, body=body
    )
    found = remote_references(page)
    if found:
        raise RemoteReferenceError(
            ngettext(
                "the report would load {n} thing from outside the file: {references}",
                "the report would load {n} things from outside the file: {references}",
                len(found),
            ).format(n=fmt.number(len(found)), references=", ".join(sorted(set(found))[:5]))
        )
    return page


#: One exporter serves every report of a process: building it and compiling its templates cost
#: more than exporting a report with it (0.15 against 0.1 CPU-s here). An export is pure Python
#: (one thread at a time anyway), so reports running at once take turns.
_exporting = threading.Lock()


@cache
def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def _export(notebook: nbformat.NotebookNode) -> str:
    with _exporting:
        body, _resources = _exporter().from_notebook_node(notebook)
    return body


def prepare_export() -> None:
    """Build the exporter and compile its templates now (a report run does it while its
    kernels start), so the first report's export costs what the others do."""
    _export(nbformat.v4.new_notebook())
