"""Kernels kept for the reports of a run: started once, cleared between two reports.

A report in a fresh kernel spent most of its time before its own first figure: starting the
kernel, importing pandas, Altair and the workbook, and warming up the JavaScript engine that
draws the first SVG (once per process). A :class:`ReportKernel` pays that once for every report a
worker of the run writes in turn. Between two reports it clears the kernel's variables (IPython's
``reset``, which keeps imported modules) and restarts its execution counter, so each report runs
top to bottom in an empty namespace and its notebook reads as if run alone. A report that failed
other than by an error raised in a cell (a cell over its time limit, a kernel that died) takes its
kernel with it: the next report starts a new one.

papermill runs each notebook as usual (parameters injected, outputs and timings recorded, a cell's
error raised as ``PapermillExecutionError``), through an engine that hands nbclient the kept
kernel instead of starting one.

A kernel keeps its own event loop (in a ``contextvars.Context`` of its own, where nbclient and
jupyter_client find it), so any thread may use it, one at a time.

A kernel can also be started ahead of its first report (:meth:`ReportKernel.begin`, or
:meth:`KernelPool.prestart` for several): it starts in a thread of its own and runs a warm-up
(the report notebooks' imports, the first SVG), while the command does its own work; its first
report waits for it, then clears it as it would after a report.
"""

from __future__ import annotations

import contextvars
import queue
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import nbformat

#: How long a kernel may take to start, and to clear its variables between two reports.
START_TIMEOUT = 60
CLEAR_TIMEOUT = 30
#: How long a warm-up may run before the kernel is given up (its first report starts another).
WARM_UP_TIMEOUT = 120
#: Cleared between two reports: every variable, and the execution counter (back to 1).
CLEAR = "get_ipython().reset(new_session=True)"
#: As nbclient starts its kernels: no history file, so kernels running at once share nothing.
KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]
ENGINE = "workbook-kept-kernel"


class KernelStartError(RuntimeError):
    """The notebook's kernel did not start (the only failure a report is retried for)."""


def quiet_kernel_manager() -> type:
    """Return a kernel manager whose kernels' own log lines stay off the command's stderr.

    A kernel's process writes warnings, and on shutdown sometimes a heartbeat thread's
    traceback, to the stderr it inherits: the terminal of the person running the command. What
    the cells print is not affected (it reaches the notebook through the kernel's messages).
    """
    from jupyter_client import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return QuietKernelManager


@cache
def kept_kernel_engine() -> str:
    """Register, once, the papermill engine that runs a notebook in a :class:`ReportKernel`."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class KeptKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls, nb_man, kernel_name, *, kernel, execution_timeout=None, **_
        ):
            client = PapermillNotebookClient(
                nb_man, km=kernel.manager, kernel_name=kernel_name, timeout=execution_timeout
            )
            client.kc = kernel.client  # nbclient starts no kernel or client and stops neither
            return client.execute()

    papermill_engines.register(ENGINE, KeptKernelEngine)
    return ENGINE


class ReportKernel:
    """A kernel that runs report notebooks one after another; started on first use.

    Parameters
    ----------
    name : str, default "python3"
        The kernel to start.
    start_timeout : int, default 60
        Seconds the kernel may take to start.
    warm_up : str, default ""
        Code a kernel started ahead (:meth:`begin`) runs before its first report.

    Examples
    --------
    ``with ReportKernel() as kernel:`` then ``kernel.execute(path, parameters,
    cell_timeout=300)`` for each report; the kernel stops at the end of the block.
    """

    def __init__(
        self, name: str = "python3", *, start_timeout: int = START_TIMEOUT, warm_up: str = ""
    ):
        self.name = name
        self.start_timeout = start_timeout
        self.warm_up = warm_up
        self.manager = None
        self.client = None
        self._context = contextvars.Context()  # holds the event loop of this kernel's clients
        self._starting: threading.Thread | None = None

    def __enter__(self) -> ReportKernel:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self.client is not None

    def execute(
        self, notebook: str | nbformat.NotebookNode, parameters: dict, *, cell_timeout: int
    ) -> nbformat.NotebookNode:
        """Run one notebook with papermill in this kernel and return the executed notebook.

        Raises
        ------
        KernelStartError
            No kernel could be started; nothing of the notebook ran.
        papermill.PapermillExecutionError
            A cell raised (bad data, settings, or a bug); the kernel is kept.
        Exception
            Anything else that stopped the run (a cell over the time limit, a kernel that
            died); the kernel is stopped.
        """
        self._wait_for_start()
        return self._context.run(self._execute, notebook, parameters, cell_timeout)

    def begin(self) -> None:
        """Start the kernel and run the warm-up in it, in the background.

        The first report waits for both. A kernel that does not start here is started again
        by that report (which is retried as usual when it does not start either).
        """
        if self._starting is None and not self.running:
            self._starting = threading.Thread(
                target=self._context.run, args=(self._start_ahead,), name="report-kernel-start"
            )
            self._starting.start()

    def close(self) -> None:
        """Stop the kernel, if one runs (the next report would start another)."""
        self._wait_for_start()
        self._context.run(self._stop)

    def _wait_for_start(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    # --- inside the kernel's own context ---------------------------------------------------------
    def _execute(self, notebook, parameters, cell_timeout):
        import papermill

        self._ready()
        try:
            executed = papermill.execute_notebook(
                notebook if isinstance(notebook, nbformat.NotebookNode) else str(notebook),
                None,
                parameters=parameters,
                engine_name=kept_kernel_engine(),
                kernel_name=self.name,
                kernel=self,
                progress_bar=False,
                log_output=False,
                execution_timeout=cell_timeout,
            )
        except papermill.PapermillExecutionError:
            raise
        except BaseException:
            self._stop()
            raise
        return executed

    def _ready(self) -> None:
        """Start the kernel, or clear what the previous report left in it."""
        if self.running:
            try:
                self._clear()
                return
            except Exception:  # a kernel that cannot clear itself is replaced
                self._stop()
        self._start()

    def _start_ahead(self) -> None:
        try:
            self._start()
            if self.warm_up:
                self._run_quietly(self.warm_up, WARM_UP_TIMEOUT)
        except Exception:  # the first report starts a kernel in the usual way
            self._stop()

    def _start(self) -> None:
        from jupyter_core.utils import run_sync

        manager = quiet_kernel_manager()(kernel_name=self.name)
        client = None
        try:
            run_sync(manager.start_kernel)(extra_arguments=KERNEL_ARGUMENTS)
            client = manager.client()
            client.start_channels()
            run_sync(client.wait_for_ready)(timeout=self.start_timeout)
        except Exception as err:
            self.manager, self.client = manager, client
            self._stop()
            raise KernelStartError(
                f"the kernel did not start: {type(err).__name__}: {err}"
            ) from err
        client.allow_stdin = False
        self.manager, self.client = manager, client

    def _clear(self) -> None:
        self._run_quietly(CLEAR, CLEAR_TIMEOUT)

    def _run_quietly(self, code: str, timeout: int) -> None:
        """Run ``code`` in the kernel, outside any notebook; raise unless it ran without error."""
        from jupyter_core.utils import run_sync

        reply = run_sync(self.client._async_execute_interactive)(
            code,
            silent=True,
            store_history=False,
            timeout=timeout,
            output_hook=lambda _msg: None,
        )
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the kernel could not run {code!r}: {reply['content']}")

    def _stop(self) -> None:
        from jupyter_core.utils import run_sync

        manager, client = self.manager, self.client
        self.manager = self.client = None
        if client is not None:
            client.stop_channels()
        if manager is not None:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)  # removes its connection file too
            else:  # a kernel that did not start may have left its connection file
                run_sync(manager.cleanup_resources)()


class KernelPool:
    """Kernels for reports that run at the same time: a report takes an idle one or a new one.

    Examples
    --------
    >>> with KernelPool() as pool, pool.kernel() as kernel:
    ...     kernel.running  # started by its first report
    False
    """

    def __init__(
        self, name: str = "python3", *, start_timeout: int = START_TIMEOUT, warm_up: str = ""
    ):
        self.name, self.start_timeout, self.warm_up = name, start_timeout, warm_up
        self._idle: queue.SimpleQueue[ReportKernel] = queue.SimpleQueue()
        self._all: list[ReportKernel] = []

    def prestart(self, n: int) -> None:
        """Start ``n`` kernels now, in the background, each warmed up for its first report."""
        for _ in range(n):
            kernel = self._new()
            kernel.begin()
            self._idle.put(kernel)

    @contextmanager
    def kernel(self) -> Iterator[ReportKernel]:
        """Lend a kernel for one report; it returns to the pool at the end of the ``with``."""
        try:
            kernel = self._idle.get_nowait()
        except queue.Empty:
            kernel = self._new()
        try:
            yield kernel
        finally:
            self._idle.put(kernel)

    def _new(self) -> ReportKernel:
        kernel = ReportKernel(self.name, start_timeout=self.start_timeout, warm_up=self.warm_up)
        self._all.append(kernel)
        return kernel

    def close(self) -> None:
        """Stop every kernel of the pool."""
        for kernel in self._all:
            kernel.close()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *_) -> None:
        self.close()
