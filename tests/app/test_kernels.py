"""The app's kernels: forks of one process that imported everything, each with a memory limit.

A kernel is started here as the app's server starts one: through Jupyter's kernel manager, with
the app's kernel spec (``workbook/app/kernelspec``) and its provisioner, which starts the
fork server on first use. The fork server is stopped at the end by the provisioner's own means,
and anything left over by its pid.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.app import KERNELS_ROOT, forkserver, kernel

pytestmark = pytest.mark.slow


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


LIMITED = """
from workbook.app import kernel
kernel.limit_memory(engine_reserve_mb=0)
small = bytearray(20 * 1024 * 1024)
try:
    big = bytearray(300 * 1024 * 1024)
except MemoryError:
    print("refused")
del small
small = bytearray(20 * 1024 * 1024)  # what was freed can be used again
print("still working")
"""


def test_memory_beyond_the_allowance_is_refused_and_the_process_goes_on():
    done = run_python(LIMITED, WORKBOOK_KERNEL_MEMORY_MB="100")
    assert done.stdout.split() == ["refused", "still", "working"], done.stderr


def test_what_is_set_aside_for_the_svg_engine_is_granted_only_when_it_starts():
    code = LIMITED.replace("engine_reserve_mb=0", "engine_reserve_mb=400").replace(
        "del small", "kernel.make_room_for_the_engine()\nbig = bytearray(300 * 1024 * 1024)"
    )
    done = run_python(code, WORKBOOK_KERNEL_MEMORY_MB="100")
    assert done.stdout.split() == ["refused", "still", "working"], done.stderr


def test_without_the_limit_the_same_memory_is_granted():
    done = run_python(LIMITED.replace("kernel.limit_memory(engine_reserve_mb=0)", "pass"))
    assert done.stdout.split() == ["still", "working"], done.stderr


def test_the_allowance_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(kernel.MEMORY_VARIABLE, "800")
    assert kernel.allowance_mb() == 800
    monkeypatch.setenv(kernel.MEMORY_VARIABLE, "a lot")
    assert kernel.allowance_mb() == kernel.DEFAULT_ALLOWANCE_MB


# --- a kernel of the app, as its server starts one ----------------------------------------------
def process_name(pid: int) -> str:
    return Path(f"/proc/{pid}/comm").read_text().strip()


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


async def run_cell(client, code: str) -> tuple[str, str]:
    """Run ``code``; return its status and what it printed (or the error's name)."""
    printed: list[str] = []

    def collect(message):
        content = message["content"]
        if message["msg_type"] == "stream":
            printed.append(content["text"])
        elif message["msg_type"] == "error":
            printed.append(content["ename"])

    reply = await client.execute_interactive(code, timeout=120, output_hook=collect)
    return reply["content"]["status"], "".join(printed).strip()


@pytest.fixture(scope="module")
def app_kernel():
    """Yield (event loop, kernel manager, client) of one kernel started with the app's spec."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(KERNELS_ROOT))
        patch.setenv(kernel.MEMORY_VARIABLE, "300")
        patch.delenv(forkserver.SOCKET_VARIABLE, raising=False)
        yield from _app_kernel()


def _app_kernel():
    from jupyter_client import AsyncKernelManager

    from workbook.app.provisioner import ForkServerClient

    loop = asyncio.new_event_loop()
    manager = AsyncKernelManager(kernel_name="python3")
    client = None
    try:
        loop.run_until_complete(manager.start_kernel())
        client = manager.client()
        client.start_channels()
        loop.run_until_complete(client.wait_for_ready(timeout=120))
        yield loop, manager, client
    finally:
        pid = getattr(manager.provisioner, "pid", None)
        server = parent_of(pid) if pid and Path(f"/proc/{pid}").exists() else None
        if client is not None:
            client.stop_channels()
        loop.run_until_complete(manager.shutdown_kernel(now=True))
        ForkServerClient.stop_shared()
        loop.close()
        for leftover in (pid, server):
            if leftover and Path(f"/proc/{leftover}").exists() and leftover != os.getpid():
                os.kill(leftover, signal.SIGKILL)


def test_a_kernel_of_the_app_is_forked_with_everything_already_imported(app_kernel):
    loop, manager, client = app_kernel
    pid = manager.provisioner.pid
    assert process_name(pid) == kernel.PROCESS_NAME
    assert process_name(parent_of(pid)) == forkserver.SERVER_NAME
    status, printed = loop.run_until_complete(
        run_cell(
            client,
            "import sys; print(sorted({'altair', 'pandas', 'clevercsv'} - set(sys.modules)))",
        )
    )
    assert (status, printed) == ("ok", "[]")


def test_the_first_chart_of_the_sample_is_drawn_without_the_svg_engine(app_kernel):
    loop, _manager, client = app_kernel
    code = (
        "import vl_convert\n"
        "def refuse(*args, **kwargs): raise RuntimeError('the SVG engine was started')\n"
        "vl_convert.vegalite_to_svg = refuse\n"
        "import workbook.widgets\n"
        "app = workbook.widgets.WorkbookApp('')\n"
        "app.lessons['accounts'].skip.click()\n"
        "print(app.message.value == '', '<svg' in app.panels['accounts'].bars.value)"
    )
    assert loop.run_until_complete(run_cell(client, code)) == ("ok", "True True")


def test_a_kernel_that_runs_out_of_memory_is_told_so_and_goes_on(app_kernel):
    loop, _manager, client = app_kernel
    status, printed = loop.run_until_complete(run_cell(client, "x = bytearray(2 * 1024**3)"))
    assert (status, printed) == ("error", "MemoryError")
    assert loop.run_until_complete(run_cell(client, "print(6 * 7)")) == ("ok", "42")


def test_an_interrupt_reaches_a_forked_kernel(app_kernel):
    loop, manager, client = app_kernel

    async def interrupted():
        running = asyncio.ensure_future(run_cell(client, "import time; time.sleep(60)"))
        await asyncio.sleep(2)
        await manager.interrupt_kernel()
        return await asyncio.wait_for(running, 30)

    assert loop.run_until_complete(interrupted()) == ("error", "KeyboardInterrupt")
