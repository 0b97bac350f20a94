"""The guided notebooks' own words, translated block by block from the English notebooks.

The English notebooks are the source; ``scripts/notebooks.py`` writes the Norwegian course
(``notebooks/nb/``) from them, so the two cannot drift. Each Markdown cell is cut into blocks (the
paragraphs, lists and headings between blank lines); each block is one entry of the translation
catalog, extracted by :func:`extract` (a Babel extractor, see ``babel.cfg``).

Examples
--------
>>> blocks("## Predict first\\n\\nSome big customers buy a lot.\\n- one\\n- two\\n")
['## Predict first', 'Some big customers buy a lot.\\n- one\\n- two']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from workbook.i18n import _, use_language

#: A generated cell carries this key in its metadata (its text comes from the code's catalog).
ROLE = "workbook_generated"


def blocks(markdown: str) -> list[str]:
    """Return the blocks of a Markdown text: the pieces between blank lines, fenced code whole."""
    parts, current, fenced = [], [], False
    for line in markdown.strip("\n").split("\n"):
        if line.strip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                parts.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        parts.append("\n".join(current))
    return parts


def translatable(block: str) -> bool:
    """Return whether a block holds words to translate (not only code, a rule or a table of
    numbers)."""
    if block.startswith("```") or re.fullmatch(r"[-*_\s]+", block):
        return False
    return bool(re.search(r"[A-Za-z]{2,}", block))


def translate_markdown(markdown: str) -> str:
    """Return a Markdown text with each block in the current language."""
    return "\n\n".join(_(b) if translatable(b) else b for b in blocks(markdown))


def in_language(path: str | Path, language: str):
    """Return the notebook at ``path`` (an nbformat node) with its Markdown in ``language``.

    The report notebooks are run this way: the English notebook is the source, its words come
    from the catalog, its code is the same for every language.
    """
    import nbformat  # here: the package's other users never need it

    notebook = nbformat.read(str(path), as_version=4)
    with use_language(language):
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                cell.source = translate_markdown(cell.source)
    return notebook


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Yield the translatable blocks of a notebook's own Markdown cells (Babel's extractor API).

    Generated cells are left out: their text is written by ``scripts/notebooks.py`` and extracted
    from there.
    """
    notebook = json.loads(fileobj.read().decode("utf-8"))
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "markdown" or ROLE in cell.get("metadata", {}):
            continue
        source = "".join(cell.get("source", []))
        for block in blocks(source):
            if translatable(block):
                yield number, None, block, [f"notebook cell {number}"]
