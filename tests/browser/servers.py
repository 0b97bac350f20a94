"""Starting and stopping servers and Chromium for the browser tests and the slider benchmark.

Every server started here is stopped by pid: Voilà with SIGTERM, so it shuts its kernels down,
then any process it left behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

CHROMIUM = Path(os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium"))
#: Where the browser tests leave screenshots, downloads and server logs to look at.
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
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


def kernel_pid(server_log: Path, kernel_id: str) -> int:
    """Return the pid of a kernel: the process listening on its connection file's shell port.

    The connection files are where the server's log says; a forked kernel's command line is its
    fork server's, so the port is what tells kernels apart.
    """
    import psutil

    folder = next(
        line.rsplit(" ", 1)[1].rstrip(".")
        for line in server_log.read_text().splitlines()
        if "Storing connection files in" in line
    )
    port = json.loads((Path(folder) / f"kernel-{kernel_id}.json").read_text())["shell_port"]
    for pid in descendants(os.getpid()):
        try:
            listening = psutil.Process(pid).net_connections(kind="tcp")
        except psutil.Error:
            continue
        if any(c.status == psutil.CONN_LISTEN and c.laddr.port == port for c in listening):
            return pid
    raise LookupError(f"no process listens on port {port} (kernel {kernel_id})")


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


@contextlib.contextmanager
def serving_app(
    *,
    notebook: Path | None = None,
    pool: int = 2,
    token: str = "",
    log: Path | None = None,
    served_bundle: bool = True,
    room: str = "",
    room_token: str = "",
    state_dir: Path | None = None,
    kernel_memory_mb: int | None = None,
):
    """Serve the app as ``make app`` does, on a free port; yield its address; stop it after.

    ``room`` opens a room view (``make app ROOM=…``) with the trainer's token ``room_token``, kept
    in ``state_dir`` (a test's own folder, not the project's ``state/``).

    ``served_bundle=False`` leaves the chart bundle inside each chart widget, as in JupyterLab
    or a plain ``voila``.

    ``pool=0`` preheats no kernel: every page then runs the notebook for its own visitor (and
    sees its own query string). ``kernel_memory_mb``: what each participant's kernel may use
    (``--kernel-memory``).
    """
    from workbook import paths
    from workbook.app.__main__ import voila_command, voila_environment

    port = free_port()
    command = voila_command(
        host="127.0.0.1", port=port, pool=pool, token=token, open_browser=False, notebook=notebook
    )
    env = voila_environment(room=room, room_token=room_token, kernel_memory_mb=kernel_memory_mb)
    if state_dir is not None:
        env["WORKBOOK_STATE_DIR"] = str(state_dir)
    if not served_bundle:
        del env[paths.BUNDLE_URL_VARIABLE]
    with open(log or os.devnull, "w") as output:
        process = subprocess.Popen(
            command,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=paths.PROJECT_ROOT,
        )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
