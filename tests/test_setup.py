"""The set-up the README promises: make creates .venv once, reinstalls only on change, and the
browser tests are skipped or fail as documented when Chromium is missing."""

import os
import shutil
import subprocess
import time

import pytest

from workbook import paths

ROOT = paths.PROJECT_ROOT
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(target: str, venv) -> str:
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture()
def venv(tmp_path):
    """A stand-in .venv: a python and an install stamp, as an earlier `make` left them."""
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python").write_text("")
    stamp = tmp_path / ".installed"
    stamp.write_text("")
    return tmp_path


def test_a_second_run_does_not_reinstall(venv):
    newer = time.time() + 60
    os.utime(venv / ".installed", (newer, newer))
    commands = dry_run("test", venv)
    assert "pip install" not in commands
    assert "pytest" in commands


def test_changed_requirements_are_installed_again(venv):
    os.utime(venv / ".installed", (0, 0))
    assert "pip install --quiet -r requirements.txt" in dry_run("test", venv)


def test_a_missing_venv_is_created(tmp_path):
    assert "scripts/make-venv.sh" in dry_run("app", tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("ci", "status", "says"),
    [
        ("true", 1, "CI=true"),
        ("", 0, "sudo apt-get install chromium chromium-driver"),
    ],
)
def test_a_missing_browser_fails_under_ci_and_is_explained_otherwise(ci, status, says):
    env = {
        **os.environ,
        "CI": ci,
        "WORKBOOK_CHROMIUM": "/nonexistent/chromium",
        "WORKBOOK_NO_APT": "1",
    }
    result = subprocess.run(
        [str(ROOT / "scripts" / "ensure-chromium.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == status
    assert says in result.stderr


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()
