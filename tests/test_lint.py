"""ruff lints the package, the tests, the benchmarks and the notebooks; code is ruff-formatted."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbook import paths

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
pytestmark = pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
CODE = ["workbook", "tests", "benchmarks", "scripts"]


def test_ruff_finds_nothing_to_fix():
    result = subprocess.run(
        [RUFF, "check", *CODE, "notebooks"], cwd=paths.PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_code_is_formatted():
    result = subprocess.run(
        [RUFF, "format", "--check", *CODE], cwd=paths.PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
