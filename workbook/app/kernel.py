"""The app's kernels: what every one imports before anyone visits, and the memory each may use.

``python -m workbook.app.kernel -f CONNECTION_FILE`` is the kernel of the app's server: the kernel
spec in ``kernelspec/kernels/python3`` stands in for Jupyter's own ``python3`` spec on that server
only (``make lab`` and the notebooks' tests keep Jupyter's). Usually no kernel starts from
scratch: the fork server (``workbook.app.forkserver``) imports :data:`PRELOAD` once and makes
each kernel as a copy of itself, which then calls :func:`run` like this module's ``main`` does.

The kernel spec's environment gives each kernel one BLAS thread (kernels share the machine's
cores) and has Arrow allocate through the C library's allocator in at most two arenas, so the
memory a kernel reserves stays close to what it uses.

Memory: each kernel may use :func:`allowance_mb` MB of data beyond what it holds when it starts
(``--kernel-memory`` of ``python -m workbook.app``; ``WORKBOOK_KERNEL_MEMORY_MB``). It is a hard
limit on the kernel's data segment (``RLIMIT_DATA``: every private writable mapping, the memory a
file's contents can fill), so an upload that needs more fails in that kernel with a
``MemoryError``, which the upload panel reports, while the other participants' kernels go on.
The JavaScript engine that draws SVG reserves address space it mostly never uses (about 550 MB
here, measured at server start): the limit rises by that much when, and only when, the engine
starts, so the reserve is never room for data.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import os
import re
import sys
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no such limits (the app's kernels are not used there)
    resource = None

#: What the app's kernels import, once in the fork server instead of once per visitor: about 4
#: CPU-seconds of every kernel's start here (Altair 2.5 s, the CSV dialect library 0.5 s,
#: pandas 0.4 s; see benchmarks/README.md).
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.comm",
    "comm",
    "numpy",
    "pandas",
    "pyarrow",
    "pyarrow.compute",
    "pyarrow.csv",
    "pyarrow.parquet",
    "ipywidgets",
    "anywidget",
    "altair",
    "vl_convert",
    "charset_normalizer",
    "clevercsv",
    "openpyxl",
    "icalendar",
    "holidays.countries",  # every country's calendar (the plan's weeks leave holidays free)
    "narwhals._pandas_like.dataframe",  # how Altair reads a pandas table
    "narwhals._pandas_like.namespace",
    "pyarrow.pandas_compat",
    "workbook.widgets",
)
MEMORY_VARIABLE = "WORKBOOK_KERNEL_MEMORY_MB"
#: Data a participant's kernel may hold beyond its start, in MB: a 50 MB order-lines file (the
#: largest upload) needs 500–800 MB while it is read.
DEFAULT_ALLOWANCE_MB = 1500
#: The smallest allowance taken from the environment: below it, the app itself cannot work.
SMALLEST_ALLOWANCE_MB = 64
#: The address space the SVG engine (V8 in vl-convert) reserves when it starts, in MB; the fork
#: server measures it at its start (553 MB here); this is for a kernel started without it.
ENGINE_RESERVE_MB = 640
MB = 1024 * 1024
#: The provisioner the kernel spec names (``workbook.app.provisioner``, an entry point).
PROVISIONER_NAME = "workbook-fork-provisioner"
#: What ``ps``, ``top`` and the benchmarks see as the process name of a kernel.
PROCESS_NAME = "workbook-kernel"


def allowance_mb() -> int:
    """Return the MB of data a participant's kernel may hold beyond its start."""
    try:
        return max(int(os.environ.get(MEMORY_VARIABLE, "")), SMALLEST_ALLOWANCE_MB)
    except ValueError:
        return DEFAULT_ALLOWANCE_MB


def data_mb(pid: int | str = "self") -> float:
    """Return the size of a process's data segment in MB (what ``RLIMIT_DATA`` limits)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmData:\s+(\d+)", status).group(1)) / 1024


def limit_memory(engine_reserve_mb: float = ENGINE_RESERVE_MB) -> int | None:
    """Cap this process's data at its present size + the allowance.

    The cap is raised by ``engine_reserve_mb`` when the SVG engine first starts (see
    :func:`make_room_for_the_engine`), and no further: what the engine reserves is not for data.
    Returns the cap in bytes, or None where the system has no such limit (nothing is done then).
    """
    if not hasattr(resource, "RLIMIT_DATA") or not Path("/proc/self/status").exists():
        return None
    data = data_mb() + allowance_mb()
    soft, hard = int(data * MB), int((data + engine_reserve_mb) * MB)
    _soft, system = resource.getrlimit(resource.RLIMIT_DATA)
    if system != resource.RLIM_INFINITY:
        soft, hard = min(soft, system), min(hard, system)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
    return soft


def make_room_for_the_engine() -> None:
    """Raise the cap on data to what :func:`limit_memory` set aside for the SVG engine."""
    if resource is None:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))


def name_process(name: str = PROCESS_NAME) -> None:
    """Give this process a name of its own (Linux), so a kernel is told apart in ``ps``."""
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # 15 = PR_SET_NAME
    except (OSError, AttributeError):
        pass


def preload() -> None:
    """Import everything in :data:`PRELOAD` (a module that cannot be imported is left out).

    This module's package has left out the IRI grammar Altair's imports would compile (see
    ``workbook/__init__.py``).
    """
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def run(argv: list[str], *, engine_reserve_mb: float = ENGINE_RESERVE_MB) -> None:
    """Be an IPython kernel for the app (``argv``: ipykernel's arguments, e.g. ``-f FILE``)."""
    name_process()
    faulthandler.enable(file=sys.__stderr__)  # a kernel that crashes says where, in the log
    if limit_memory(engine_reserve_mb) is not None:
        from workbook.charts import render

        render.before_engine_starts.append(make_room_for_the_engine)
    from ipykernel.kernelapp import IPKernelApp

    # The history database is shared by every kernel of the machine and would keep what the
    # notebook ran; the app's kernels need neither.
    IPKernelApp.launch_instance(argv=[*argv, "--HistoryManager.enabled=False"])


def main() -> None:
    preload()  # first, so the limit counts from a kernel with everything imported, as when forked
    run(sys.argv[1:])


if __name__ == "__main__":
    main()
