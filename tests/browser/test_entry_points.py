"""The route without make: ``python -m workbook app`` and ``python -m workbook lab`` serve what
``make app`` and ``make lab`` serve, and ``--room`` opens a room view that closes with the server.

Each server is started as a participant on Windows or macOS would start it, waited for on its
port (never by asking for the app's page, which starts a kernel), and stopped by its pid.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from servers import free_port, stop, wait_for_port

from workbook import paths

pytestmark = pytest.mark.slow


def start(args: list[str], log: Path, **env: str) -> subprocess.Popen:
    with open(log, "w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "workbook", *args],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=paths.PROJECT_ROOT,
            env={**os.environ, **env},
        )


def get(url: str, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for_text(log: Path, pattern: str, timeout: float = 30) -> re.Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, log.read_text(errors="replace"))
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"{pattern!r} not in {log}:\n{log.read_text(errors='replace')[-2000:]}")


def test_python_m_workbook_app_serves_the_app_and_its_chart_bundle(tmp_path):
    from workbook.app.bundle import chart_bundle

    port = free_port()
    server = start(["app", "--no-browser", "--port", str(port), "--pool", "0"], tmp_path / "a.log")
    try:
        wait_for_port(port, server)
        status, body = get(f"http://127.0.0.1:{port}/voila/{chart_bundle()}")
        assert status == 200 and len(body) > 100_000  # the offline chart bundle, from this server
        assert get(f"http://127.0.0.1:{port}/facilitator")[0] != 200  # no room: no trainer's page
    finally:
        stop(server)
    assert server.returncode is not None


def test_python_m_workbook_lab_opens_jupyterlab_on_the_notebooks(tmp_path):
    port = free_port()
    log = tmp_path / "lab.log"
    server = start(["lab", "--no-browser", "--port", str(port)], log)
    try:
        wait_for_port(port, server)
        token = wait_for_text(log, r"token=([0-9a-f]{32,})").group(1)
        status, body = get(f"http://127.0.0.1:{port}/api/contents", Authorization=f"token {token}")
        names = {item["name"] for item in json.loads(body)["content"]}
        assert status == 200 and {"00-start-here.ipynb", "app.ipynb", "facilitator"} <= names
    finally:
        stop(server)


def test_a_room_opens_empty_behind_its_token_and_is_gone_when_the_server_stops(tmp_path):
    port = free_port()
    log = tmp_path / "room.log"
    token = "entry-point-test-token-0123456789"
    server = start(
        ["app", "--no-browser", "--port", str(port), "--pool", "0", "--room", "Entry-Test"],
        log,
        ROOM_TOKEN=token,
        WORKBOOK_STATE_DIR=str(tmp_path / "state"),
    )
    room_file = tmp_path / "state" / "rooms" / "entry-test.sqlite"
    try:
        wait_for_port(port, server)
        printed = wait_for_text(log, r"http://\S+/facilitator\?token=(\S+)")
        assert printed.group(1) == token
        data = f"http://127.0.0.1:{port}/facilitator/room.json"
        assert get(data)[0] == 403 and get(f"{data}?token=wrong")[0] == 403
        status, body = get(data, Authorization=f"token {token}")
        assert status == 200 and json.loads(body)["participants"] == 0
        assert room_file.is_file()
    finally:
        stop(server)
    assert not room_file.exists()
