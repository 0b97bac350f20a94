"""The translation catalogs are complete and current: every text the code and the notebooks mark is
in the template, and every language translates each of them, keeping its placeholders."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from workbook import paths

ROOT = paths.PROJECT_ROOT
TEMPLATE = ROOT / "workbook" / "locale" / "workbook.pot"


def test_every_catalog_translates_every_text_with_its_placeholders():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_the_template_holds_every_marked_text(tmp_path):
    """A text marked in the code after the last ``make messages`` would reach nobody translated."""
    extracted = tmp_path / "now.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
            *("-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"),
            "--no-location", "--omit-header", "-o", str(extracted), ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    with extracted.open("rb") as now, TEMPLATE.open("rb") as kept:
        marked = {m.id for m in read_po(now) if m.id}
        template = {m.id for m in read_po(kept) if m.id}
    assert len(marked) > 500  # the extraction found the code's texts
    missing = sorted(str(m)[:80] for m in marked - template)
    assert not missing, f"run make messages: {len(missing)} texts are not in the template"


def marked_in_code() -> dict[str, str]:
    """Every plain text the code passes to a translation function, read from its syntax tree
    (f-strings included), with where it is: independent of any extractor."""
    found = {}
    for folder in ("workbook", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in {"_", "N_", "ngettext"}
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_text_the_code_marks_is_in_the_template_also_inside_f_strings():
    with TEMPLATE.open("rb") as kept:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(kept) if m.id}
    marked = marked_in_code()
    assert len(marked) > 1000
    missing = sorted(
        f"{where}: {text[:60]!r}" for text, where in marked.items() if text not in template
    )
    assert not missing, "not in the catalog (run make messages):\n" + "\n".join(missing)
