"""Report runs on a Dask cluster: one task per report, the files come back to the command.

``python -m workbook report FILE --by owner --scheduler tcp://HOST:PORT`` sends each owner's
report to the cluster's workers as a task, and writes what comes back into the output folder, as
a local run would (atomically, with the same manifest). The team overview runs here, while the
cluster works.

The workers need the workbook installed (with its notebook stack), nothing else: no shared file
system. The input file, and the files ``--compare`` and ``--pins`` name, are sent to the cluster
once each; each task gets their bytes, the report notebook and the parameters, writes each file
under its own name in a temporary folder of the worker, runs
the report in a kernel the worker keeps for its next reports (:mod:`workbook.report.kernels`), and
returns the record and the report's files as text. One owner's failure fails only that report;
so does a task the cluster could not run (a worker that died, a worker without the workbook).

Only this module imports Dask (an optional extra: ``pip install -e '.[cluster]'``).
"""

from __future__ import annotations

import atexit
import dataclasses
import sys
import tempfile
import threading
from pathlib import Path

import nbformat

from workbook.i18n import _
from workbook.report.kernels import KernelPool
from workbook.report.manifest import ReportRecord, versions
from workbook.report.parameters import FILE_PARAMETERS
from workbook.report.runner import (
    CELL_TIMEOUT,
    ReportJob,
    failure_message,
    make_report,
    remove_partial_files,
    run_job,
    save_report,
)

#: How long the command waits for the scheduler to answer and for a first worker to join.
CONNECT_TIMEOUT = 30
WORKERS_TIMEOUT = 60
INSTALL_HINT = "pip install -e '.[cluster]'"


class ClusterError(RuntimeError):
    """The cluster cannot run reports: no scheduler at the address, no worker, or workers
    without the workbook."""


# --- on a worker ----------------------------------------------------------------------------------
_kernels: KernelPool | None = None
_kernels_lock = threading.Lock()


def worker_kernels() -> KernelPool:
    """Return this worker process's kernels (stopped when the process exits)."""
    global _kernels
    with _kernels_lock:
        if _kernels is None:
            _kernels = KernelPool()
            atexit.register(_kernels.close)
        return _kernels


def run_remote(
    job: ReportJob, notebook: str, files: dict[str, tuple[str, bytes]], cell_timeout: int
) -> tuple[ReportRecord, dict[str, str]]:
    """Run one report on a worker; return its record and its files (name: text).

    Parameters
    ----------
    job : ReportJob
        The report as the command planned it (its file parameters are the command's paths).
    notebook : str
        The notebook to run, as JSON text.
    files : dict
        ``{parameter: (file name, bytes)}``: the input file (``accounts_path``) and those of
        :data:`FILE_PARAMETERS` the report is given.
    cell_timeout : int
        Seconds a cell may run.
    """
    with tempfile.TemporaryDirectory(prefix="workbook-report-") as folder:
        here_paths = {}
        for parameter, (name, content) in files.items():
            path = Path(folder, parameter, name)  # a folder each: two files may share a name
            path.parent.mkdir()
            path.write_bytes(content)
            here_paths[parameter] = str(path)
        here = dataclasses.replace(
            job,
            notebook=nbformat.reads(notebook, as_version=4),
            parameters={**job.parameters, **here_paths},
        )
        with worker_kernels().kernel() as kernel:
            record, files = make_report(here, kernel=kernel, cell_timeout=cell_timeout)
    record.parameters = dict(job.parameters)  # as asked, with the command's path
    return record, files


# --- on the command's machine -----------------------------------------------------------------
def connect(scheduler: str):
    """Return a Dask client of the cluster at ``scheduler`` with at least one worker.

    Raises
    ------
    ClusterError
        Dask is not installed, the scheduler does not answer, or no worker joins.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            _("--scheduler needs Dask's distributed scheduler; install it with {command}").format(
                command=INSTALL_HINT
            )
        ) from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(
            _("no Dask scheduler answered at {address}: {reason}").format(
                address=scheduler, reason=err
            )
        ) from None
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except TimeoutError:
        client.close()
        raise ClusterError(
            _("no worker joined the Dask scheduler at {address} within {seconds} s").format(
                address=scheduler, seconds=WORKERS_TIMEOUT
            )
        ) from None
    return client


def worker_versions(client) -> dict[str, dict[str, str]]:
    """Return the versions each worker runs (what the manifest records for a cluster run).

    Raises
    ------
    ClusterError
        A worker cannot import the workbook.
    """
    try:
        return client.run(versions)
    except (ImportError, AttributeError) as err:
        raise ClusterError(
            _(
                "the Dask workers cannot run the workbook ({reason}); install it on every "
                "worker, e.g. {command}"
            ).format(reason=f"{type(err).__name__}: {err}", command=INSTALL_HINT)
        ) from None


def run_on_cluster(
    jobs: list[ReportJob],
    out_dir: Path,
    *,
    client,
    input_path: Path,
    cell_timeout: int = CELL_TIMEOUT,
    progress: bool = True,
) -> list[ReportRecord]:
    """Run the reports on the cluster (the team overview here) and write them into ``out_dir``.

    Returns
    -------
    list of ReportRecord
        In the order of ``jobs``.
    """
    from distributed import as_completed
    from tqdm import tqdm

    out_dir.mkdir(parents=True, exist_ok=True)
    remove_partial_files(out_dir)
    records: list[ReportRecord | None] = [None] * len(jobs)
    sent: dict[str, object] = {}  # each file's bytes go to the cluster once, not per task

    def send(path: str | Path):
        if str(path) not in sent:
            sent[str(path)] = client.scatter(Path(path).read_bytes(), hash=False)
        return Path(path).name, sent[str(path)]

    texts = {}
    futures = {}
    for i, job in enumerate(jobs):
        if job.kind == "team":
            continue
        if job.notebook not in texts:
            texts[job.notebook] = Path(job.notebook).read_text(encoding="utf-8")
        files = {"accounts_path": send(input_path)}
        files |= {p: send(job.parameters[p]) for p in FILE_PARAMETERS if job.parameters.get(p)}
        future = client.submit(
            run_remote,
            job,
            texts[job.notebook],
            files,
            cell_timeout,
            pure=False,  # a report is run each time it is asked for
        )
        futures[future] = i
    with tqdm(
        total=len(jobs),
        desc=_("reports"),
        unit=_("report"),
        file=sys.stderr,
        disable=not progress,
    ) as bar:
        for i, job in enumerate(jobs):  # the team overview, while the cluster works
            if job.kind == "team":
                records[i] = run_job(job, out_dir, cell_timeout=cell_timeout)
                bar.update()
        for future in as_completed(futures, loop=client.loop):
            i, job = futures[future], jobs[futures[future]]
            try:
                record, files = future.result()
            except Exception as err:  # the cluster could not run it: only this report fails
                record = ReportRecord(job.kind, job.owner, "failed", failure_message(err))
                record.parameters, files = dict(job.parameters), {}
            save_report(record, files, out_dir)
            records[i] = record
            bar.set_postfix_str(job.owner or job.slug, refresh=False)
            bar.update()
    return [r for r in records if r is not None]
