"""The set-up the README promises: make creates .venv once, reinstalls only on change, and the
browser tests are skipped or fail as documented when Chromium is missing."""

import os
import re
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


def test_a_changed_lock_is_installed_again_with_its_hashes_then_the_package_editable(venv):
    os.utime(venv / ".installed", (0, 0))
    commands = dry_run("test", venv)
    locked = commands.index("pip install --quiet --require-hashes -r requirements.lock")
    assert locked < commands.index("pip install --quiet --no-deps -e .")
    assert "-r requirements.txt" not in commands


def test_make_lock_writes_the_lock_from_requirements_txt_with_hashes(venv):
    commands = dry_run("lock", venv)
    assert "uv pip compile requirements.txt" in commands
    assert "--generate-hashes" in commands and "-o requirements.lock" in commands


def test_make_test_latest_installs_the_newest_versions_in_a_venv_of_its_own(venv):
    commands = dry_run("test-latest", venv)
    assert "--upgrade --upgrade-strategy eager -r requirements.txt" in commands
    assert ".venv-latest/bin/python -m pytest" in commands
    assert "requirements.lock" not in commands


def _requirements() -> dict[str, str]:
    """The requirements.txt lines that name a package: name -> specifier."""
    from packaging.requirements import Requirement

    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            found[canonical(requirement.name)] = requirement.specifier
    return found


def canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_the_lock_pins_every_requirement_at_a_version_it_allows_with_hashes():
    lock = (ROOT / "requirements.lock").read_text()
    pins: dict[str, list[str]] = {}
    for name, version, hashes in re.findall(
        r"^([A-Za-z0-9_.-]+)==(\S+)(?: ;[^\\\n]*)? \\\n((?:    --hash=sha256:[0-9a-f]{64}.*\n)+)",
        lock,
        re.M,
    ):
        assert hashes.count("--hash=sha256:") >= 1
        pins.setdefault(canonical(name), []).append(version)
    missing = set(_requirements()) - set(pins)
    assert not missing, f"run make lock: requirements.lock lacks {sorted(missing)}"
    for name, specifier in _requirements().items():
        assert all(specifier.contains(v) for v in pins[name]), (name, specifier, pins[name])
    assert "-e " not in lock  # the package itself is installed apart, editable


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
