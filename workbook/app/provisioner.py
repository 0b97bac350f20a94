"""Starting the app's kernels as copies of the fork server (a Jupyter kernel provisioner).

The app's kernel spec (``kernelspec/kernels/python3/kernel.json``) names this provisioner
(``workbook-fork-provisioner``, registered under ``jupyter_client.kernel_provisioners`` in
``pyproject.toml``). The first kernel the app's server asks for starts the fork server
(``workbook.app.forkserver``; the pool of preheated kernels asks at once, so that is the server's
start); every kernel then is a fork of it. Jupyter's own provisioner (``LocalProvisioner``, a new
process from the spec's command line) takes over whenever the fork server cannot be had, so the
app still runs, only slower.

The rest of Jupyter sees an ordinary local kernel: a process in a group of its own that it polls,
signals (interrupt, terminate, kill) and waits for. The process is not its child but the fork
server's: its end is reported over the connection that asked for it.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

from workbook.app import forkserver

KERNEL_MODULE = "workbook.app.kernel"
#: How long the fork server may take to import everything and rehearse (about 5 s here when idle).
START_TIMEOUT_S = 180


def kernel_arguments(cmd: list[str]) -> list[str] | None:
    """Return ipykernel's arguments in the app kernel's command line, or None if it is another.

    >>> kernel_arguments(["/venv/bin/python", "-m", "workbook.app.kernel", "-f", "k.json"])
    ['-f', 'k.json']
    >>> kernel_arguments(["python", "-m", "ipykernel_launcher", "-f", "k.json"]) is None
    True
    """
    if len(cmd) >= 3 and cmd[1:3] == ["-m", KERNEL_MODULE]:
        return cmd[3:]
    return None


class ForkedKernel:
    """A kernel made by the fork server, with the part of ``subprocess.Popen`` Jupyter uses."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, connection: socket.socket):
        self.pid = pid
        self.returncode: int | None = None
        self._connection = connection
        self._buffer = bytearray()

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                data = self._connection.recv(4096)
            except BlockingIOError:
                return None
            except OSError:
                data = b""
            self._buffer += data
            if b"\n" in self._buffer:
                self.returncode = int(json.loads(self._buffer.split(b"\n", 1)[0])["returncode"])
            elif not data:  # the fork server is gone, and has taken its kernels with it
                self.returncode = -signal.SIGKILL
            else:
                return None
            self._connection.close()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"kernel {self.pid} is still running")
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkServerClient:
    """The app server's one fork server, asked for each kernel.

    The app's launcher starts it before Voilà (and says where, in ``SOCKET_VARIABLE``); otherwise
    the first kernel starts it.
    """

    _starting: asyncio.Future | None = None

    def __init__(self, path: str, process: subprocess.Popen | None = None):
        self.path = path
        self.process = process

    @property
    def gone(self) -> bool:
        if self.process is not None:
            return self.process.poll() is not None
        return not os.path.exists(self.path)

    @classmethod
    async def shared(cls, spec_env: dict[str, str], log) -> ForkServerClient | None:
        """Return the running fork server (starting it if need be), or None if it cannot run."""
        starting = cls._starting
        if starting is None or (
            starting.done() and (starting.exception() is not None or starting.result().gone)
        ):
            cls._starting = asyncio.ensure_future(cls._start(spec_env))
        try:
            return await asyncio.shield(cls._starting)
        except Exception as err:
            log.warning("workbook: no fork server (%s); starting kernels from scratch", err)
            return None

    @classmethod
    def stop_shared(cls) -> None:
        """Stop the fork server this process started, if any (its kernels end with it)."""
        starting, cls._starting = cls._starting, None
        if starting is not None and starting.done() and starting.exception() is None:
            process = starting.result().process
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)

    @classmethod
    async def _start(cls, spec_env: dict[str, str]) -> ForkServerClient:
        path = os.environ.pop(forkserver.SOCKET_VARIABLE, "")  # the launcher's, used once only
        if path:
            server = cls(path)
        else:
            process, path = forkserver.spawn(spec_env)
            server = cls(path, process)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if await server._answers():
                return server
            if server.process is not None and server.process.poll() is not None:
                raise RuntimeError(f"the fork server ended with status {server.process.returncode}")
            await asyncio.sleep(0.1)
        if server.process is not None:
            server.process.kill()
        raise TimeoutError(f"the fork server was not ready within {START_TIMEOUT_S} s")

    async def _answers(self) -> bool:
        if not os.path.exists(self.path):
            return False
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(self.path)
            return True
        except OSError:
            return False
        finally:
            probe.close()

    async def start_kernel(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedKernel:
        loop = asyncio.get_running_loop()
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.setblocking(False)
        try:
            await loop.sock_connect(connection, self.path)
            request = {"argv": argv, "env": env, "cwd": cwd}
            await loop.sock_sendall(connection, json.dumps(request).encode() + b"\n")
            answer = bytearray()
            while b"\n" not in answer:
                data = await asyncio.wait_for(loop.sock_recv(connection, 4096), 30)
                if not data:
                    raise ConnectionError("the fork server closed the connection")
                answer += data
        except BaseException:
            connection.close()
            raise
        line, rest = bytes(answer).split(b"\n", 1)
        kernel = ForkedKernel(int(json.loads(line)["pid"]), connection)
        kernel._buffer += rest
        return kernel


def cpu_seconds(pid: int) -> float:
    """Return the CPU-seconds process ``pid`` has used (Linux; 0 elsewhere or once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def until_settled(pid: int, *, quiet_s: float = 0.5, longest_s: float = 15.0) -> None:
    """Wait until process ``pid`` has used no CPU for ``quiet_s`` (at most ``longest_s``)."""
    started = last_change = time.monotonic()
    used = cpu_seconds(pid)
    while time.monotonic() - started < longest_s:
        await asyncio.sleep(0.1)
        now, seen = time.monotonic(), cpu_seconds(pid)
        if seen != used:
            used, last_change = seen, now
        elif now - last_change >= quiet_s and now - started >= 1.0:
            return


class ForkProvisioner(LocalProvisioner):
    """Launch the app's kernel as a fork of the fork server; as ``LocalProvisioner`` otherwise.

    Kernels for the pool (Voilà's ``VOILA_PREHEAT``) start one at a time, each when the one
    before has run the notebook: a kernel a visitor waits for does not share the machine with a
    whole pool filling at once (at the server's start, or after a room has arrived).
    """

    _warming: asyncio.Semaphore | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        argv = kernel_arguments(cmd)
        server = None
        if argv is not None:
            server = await ForkServerClient.shared(dict(self.kernel_spec.env), self.log)
        if server is None:
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        env = dict(kwargs.get("env") or os.environ)
        preheat = env.get("VOILA_PREHEAT") == "True"
        if preheat:
            if ForkProvisioner._warming is None:
                ForkProvisioner._warming = asyncio.Semaphore(1)
            await ForkProvisioner._warming.acquire()
        try:
            self.process = await server.start_kernel(argv, env, cwd)
        except BaseException as err:
            # Whatever stopped this start (also a cancelled one), the next pool kernel may start:
            # a turn never given back would leave every later visitor waiting for the pool.
            if preheat:
                ForkProvisioner._warming.release()
            if not isinstance(err, OSError | TimeoutError):
                raise
            self.log.warning("workbook: the fork server did not answer (%s)", err)
            ForkServerClient._starting = None  # the next kernel starts a new one
            return await super().launch_kernel(cmd, **kwargs)
        if preheat:
            task = asyncio.ensure_future(until_settled(self.process.pid))
            task.add_done_callback(lambda _task: ForkProvisioner._warming.release())
        self.pid = self.pgid = self.process.pid
        self.cwd = cwd
        return self.connection_info
