"""One process that imports what every kernel needs, once, and makes each kernel as its copy.

A new Python process needs about 5 CPU-seconds here before the app's first chart: Jupyter's
kernel, pandas, Altair, the CSV tools, and the JavaScript engine that draws SVG, again for every
visitor.
The fork server pays that once, when the app's server starts:

1. it imports :data:`workbook.app.kernel.PRELOAD`;
2. it rehearses the app's notebook in a throwaway copy of itself, on the sample, outside any
   kernel, answers the first step's guess there, and keeps the SVG of the first chart a
   participant of the sample then meets (the engine that draws it cannot be copied into a new
   process, so the server itself never starts it); the copy also measures the address space
   that engine reserves, which a kernel's memory limit grants when the engine starts there;
3. it freezes what it holds (``gc.freeze``), so that the kernels' garbage collections leave those
   pages alone and they stay shared between all kernels (copy-on-write);
4. it forks a kernel whenever the app's server asks (``workbook.app.provisioner``).

The fork server holds nothing of any visitor: a request carries a kernel's command line,
environment (for a kernel started for a visitor, Voilà puts the page's address in it) and folder,
which only the new kernel applies; what a visitor uploads goes to their kernel alone.

Protocol, on a Unix socket only the server's user can open: a client sends one JSON line
``{"argv": [...], "env": {...}, "cwd": "..."}`` (``argv``: ipykernel's arguments); the server
forks a kernel and answers ``{"pid": N}``; when that kernel ends, it sends ``{"returncode": N}``
and closes the connection. A client that disconnects first takes its kernel with it, and so does
the app's server when it exits: kernels never outlive the server that asked for them.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback

from workbook.app import KERNEL_SPEC, kernel

#: Set by the app's launcher, which starts the fork server before Voilà so that both get ready at
#: the same time: the fork server's socket.
SOCKET_VARIABLE = "WORKBOOK_FORK_SERVER"
SERVER_NAME = "workbook-forks"


def spawn(spec_env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start a fork server in the background; return its process and the socket it will open.

    ``spec_env``: what the kernel spec adds to this process's environment (default: the app's
    kernel spec's, which the fork server's kernels get too). The server gets ready by itself
    (see :func:`main`); it ends when the process that started it does (or the process that
    became it, for a launcher that execs Voilà).
    """
    if spec_env is None:
        spec_env = json.loads(KERNEL_SPEC.read_text(encoding="utf-8")).get("env", {})
    path = os.path.join(tempfile.mkdtemp(prefix="workbook-forks-"), "forks.sock")
    process = subprocess.Popen(
        [sys.executable, "-m", "workbook.app.forkserver", path],
        env={**os.environ, **spec_env},
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl-C in the trainer's terminal is for Voilà, not for it
    )
    return process, path


def log(message: str) -> None:
    when = time.strftime("%H:%M:%S")
    print(f"[workbook fork server {os.getpid()} {when}] {message}", file=sys.stderr, flush=True)


# --- at start ---------------------------------------------------------------------------------
def rehearse() -> float:
    """Run the app's notebook on the sample in a throwaway copy; keep its drawings.

    Returns the MB of address space the SVG engine reserved there (or the figure in
    ``kernel.ENGINE_RESERVE_MB`` when the rehearsal failed).
    """
    from workbook.charts import render

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: draw, report, end without running anything of the server's
        os.close(read)
        status = 1
        try:
            with os.fdopen(write, "w", encoding="utf-8") as out:
                json.dump(_rehearsal(), out)
            status = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not text or os.waitstatus_to_exitcode(status) != 0:
        log("the rehearsal of the app failed; kernels will draw their first chart themselves")
        return kernel.ENGINE_RESERVE_MB
    result = json.loads(text)
    render.remember_drawings(result["drawings"])
    return result["engine_reserve_mb"]


def _rehearsal() -> dict:
    from workbook import paths
    from workbook.charts import render

    before = kernel.data_mb()
    render.start_engine()  # to measure what the engine reserves
    reserve = kernel.data_mb() - before
    notebook = json.loads(paths.APP_NOTEBOOK.read_text(encoding="utf-8"))
    namespace: dict = {"__name__": "__main__"}
    shown = None
    with render.recording_drawings() as drawings:
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                shown = _run_cell("".join(cell["source"]), namespace)
        _answer_the_first_step(shown)
    return {"engine_reserve_mb": reserve, "drawings": drawings}


def _run_cell(source: str, namespace: dict):
    """Run a notebook cell's code; return the value of its last line when that is an expression
    (what a kernel would show), else None."""
    from workbook import paths

    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, str(paths.APP_NOTEBOOK), "exec"), namespace)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), str(paths.APP_NOTEBOOK), "eval"), namespace)


def _answer_the_first_step(app) -> None:
    """Skip the first step's guess in the app the notebook showed, as a participant may: the
    figure it then shows is the first chart every participant of the sample meets (guessed or
    skipped, it is the same)."""
    from workbook.coaching.lessons import LESSONS

    step = getattr(app, "lessons", {}).get(LESSONS[0].key)
    if step is None:
        log("the app's first step was not found; its figure is drawn in each kernel")
        return
    step.skip.click()


# --- serving ----------------------------------------------------------------------------------
class ForkServer:
    """Accept requests on ``path``; fork a kernel for each; report each kernel's end."""

    def __init__(self, path: str, engine_reserve_mb: float, parent: int):
        self.path = path
        self.engine_reserve_mb = engine_reserve_mb
        self.parent = parent  # the process that started this one: when it ends, so does this
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.selector = selectors.DefaultSelector()
        self.pending: dict[socket.socket, bytearray] = {}  # connections yet to send a request
        self.kernels: dict[int, socket.socket] = {}  # a kernel's pid -> who asked for it
        self.stopping = False

    def serve(self) -> None:
        old = os.umask(0o177)  # the socket: read and write for this user only
        try:
            self.listener.bind(self.path)
        finally:
            os.umask(old)
        self.listener.listen(64)
        self.selector.register(self.listener, selectors.EVENT_READ)
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._stop)
        log(f"ready: {len(sys.modules)} modules imported once for every kernel")
        try:
            while not self.stopping and os.getppid() == self.parent:
                for key, _events in self.selector.select(timeout=0.5):
                    if key.fileobj is self.listener:
                        self._accept()
                    else:
                        self._read(key.fileobj)
                self._reap()
        finally:
            self._shutdown()

    def _stop(self, _signum, _frame) -> None:
        self.stopping = True

    def _accept(self) -> None:
        connection, _ = self.listener.accept()
        self.pending[connection] = bytearray()
        self.selector.register(connection, selectors.EVENT_READ)

    def _read(self, connection: socket.socket) -> None:
        try:
            data = connection.recv(1 << 16)
        except OSError:
            data = b""
        if connection in self.pending:
            buffer = self.pending[connection]
            buffer += data
            if b"\n" in buffer:
                del self.pending[connection]
                self._start(connection, json.loads(buffer.split(b"\n", 1)[0]))
            elif not data:
                del self.pending[connection]
                self._close(connection)
            return
        if not data:  # whoever asked for this kernel is gone: so is the kernel
            for pid, owner in self.kernels.items():
                if owner is connection:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, signal.SIGKILL)
            self._close(connection)

    def _start(self, connection: socket.socket, request: dict) -> None:
        pid = os.fork()
        if pid == 0:
            self._become_kernel(request)
        self.kernels[pid] = connection
        try:
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        except OSError:
            self._close(connection)

    def _become_kernel(self, request: dict) -> None:
        """In the new process: drop the server's sockets and signals, then be a kernel."""
        status = 1
        try:
            self.selector.close()
            self.listener.close()
            for connection in [*self.pending, *self.kernels.values()]:
                connection.close()
            for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGCHLD):
                signal.signal(signum, signal.SIG_DFL)
            os.setsid()  # a process group of its own, as Jupyter's launcher gives a kernel
            _die_with_parent()
            os.environ.clear()
            os.environ.update(request["env"])
            os.chdir(request.get("cwd") or os.getcwd())
            _environment_changed()
            # ipykernel ends if its parent does (read from the environment when it was imported).
            argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
            sys.argv = [sys.argv[0], *argv]
            kernel.run(argv, engine_reserve_mb=self.engine_reserve_mb)
            status = 0
        except SystemExit as end:
            status = end.code if isinstance(end.code, int) else 0 if end.code is None else 1
        except BaseException:
            traceback.print_exc()
        finally:
            with contextlib.suppress(BaseException):
                import atexit

                atexit._run_exitfuncs()
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(status)

    def _reap(self) -> None:
        while self.kernels:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            connection = self.kernels.pop(pid, None)
            if connection is not None:
                message = {"returncode": os.waitstatus_to_exitcode(status)}
                with contextlib.suppress(OSError):
                    connection.sendall(json.dumps(message).encode() + b"\n")
                if connection not in self.kernels.values():
                    self._close(connection)

    def _close(self, connection: socket.socket) -> None:
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(connection)
        connection.close()

    def _shutdown(self) -> None:
        for pid in list(self.kernels):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        while self.kernels and time.monotonic() < deadline:
            self._reap()
            time.sleep(0.1)
        for pid in list(self.kernels):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        self._reap()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
            os.rmdir(os.path.dirname(self.path))  # the folder ``spawn`` made for it


def _die_with_parent() -> None:
    """Have Linux end this process when its parent (the fork server) ends."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _environment_changed() -> None:
    """Let what was set up from the server's environment follow the kernel's own."""
    from workbook import i18n

    with contextlib.suppress(i18n.LanguageError):
        i18n.set_language(os.environ.get(i18n.ENVIRONMENT_VARIABLE, ""))


def main(argv: list[str] | None = None) -> None:
    (path,) = sys.argv[1:] if argv is None else argv
    parent = os.getppid()
    kernel.name_process(SERVER_NAME)
    started = time.process_time()
    kernel.preload()
    reserve = rehearse()
    gc.collect()
    gc.freeze()
    log(
        f"imported and rehearsed in {time.process_time() - started:.1f} CPU-s; the SVG engine "
        f"reserves {reserve:.0f} MB"
    )
    ForkServer(path, reserve, parent).serve()


if __name__ == "__main__":
    main()
