"""A real Voilà server (started the way ``make app`` starts it) and Debian's Chromium.

Every server and browser started here is stopped here, by pid. The browser tests are skipped with
a message when Chromium is missing, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from workbook import paths
from workbook.app.__main__ import voila_command, voila_environment

CHROMIUM = Path(os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = paths.PROJECT_ROOT / "tests" / "artifacts"
#: As the probe of this machine found: without these, Chromium tries to reach Google's servers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 90) -> None:
    """Wait until the server accepts connections (polling the port, never the page: every GET
    of the page starts a kernel)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the Voilà server exited early with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"the Voilà server did not listen on port {port} within {timeout} s")


def descendants(pid: int) -> list[int]:
    """Return the pids of every process below ``pid`` (Voilà's kernels), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def stop(process: subprocess.Popen) -> None:
    """Stop the server so it shuts its kernels down; then end any leftover process by its pid."""
    leftovers = descendants(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for pid in leftovers:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = (
        f"{CHROMIUM} is missing, so the browser tests cannot run. Enable them with: "
        "sudo apt-get install chromium chromium-driver (make test does this as root)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def app_url(chromium_path, tmp_path_factory):
    """Serve the app with the committed configuration on a free port; yield its address."""
    port = free_port()
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    command = voila_command(host="127.0.0.1", port=port, pool=2, open_browser=False)
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            env=voila_environment(),
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=paths.PROJECT_ROOT,
        )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        shutil.copy(log, ARTIFACTS / "voila.log") if ARTIFACTS.exists() else None


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
