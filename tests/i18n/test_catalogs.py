"""The translation catalogs are complete and current: every text the code and the notebooks mark is
in the template, and every language translates each of them, keeping its placeholders."""

from __future__ import annotations

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
