"""Running the report notebooks with papermill: in parallel, each under a time limit, retried
only when its kernel did not start, and written atomically.

Each report runs in a kernel of its own (papermill starts it), so reports run in threads here:
the work happens in the kernels, and a thread only waits for one. A report is written under a
hidden temporary name in the output folder and renamed when both its notebook and its HTML are
complete, so a run that crashes or is stopped leaves no half-written report behind (the
temporary files of such a run are removed by the next one).

A report whose data cannot be used fails with the data's own message (file, row, column, value),
not a traceback; the others still complete.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook.report.html import report_html, without_mark_labels
from workbook.report.manifest import ReportRecord
from workbook.report.names import unique_slugs

#: Per-cell execution limit: a report cell that runs longer has hung (see the stack notes).
CELL_TIMEOUT = 300
#: How long a kernel may take to start, and how often a kernel that did not start is retried.
START_TIMEOUT = 60
START_RETRIES = 2
TEAM_SLUG = "team-overview"
#: Temporary files of a run: hidden, so no one takes them for a report.
PARTIAL_MARK = ".partial-"
#: The errors whose message is the report's message as it is (data and settings a person fixes).
PLAIN_ERRORS = ("AccountDataError", "SettingsError", "ValueError")


@dataclass(frozen=True)
class ReportJob:
    """One report to write: which notebook, with which parameters, under which file name."""

    kind: str  # "owner", "file" or "team"
    owner: str
    notebook: Path
    slug: str
    parameters: dict = field(default_factory=dict)
    title: str = ""


def plan_jobs(
    input_path: Path,
    *,
    owners: list[str] | None,
    parameters: dict,
    report: Path,
    team: Path | None,
    team_parameters: dict | None = None,
) -> list[ReportJob]:
    """Return the reports of a run: one per owner (or one for the whole file), then the team's.

    Parameters
    ----------
    input_path : Path
        The accounts file; every notebook gets it as ``accounts_path``.
    owners : list of str or None
        One report per owner; None for one report of the whole file.
    parameters : dict
        The report notebook's parameters from the command line.
    report, team : Path
        The report notebook and the team overview notebook (None: no team overview).
    team_parameters : dict, optional
        The team notebook's parameters (default: none besides the file).

    Returns
    -------
    list of ReportJob

    Examples
    --------
    >>> jobs = plan_jobs(Path("team.csv"), owners=["Ingrid Berg", "Ola Dahl"],
    ...                  parameters={"a": 0.3}, report=Path("r.ipynb"), team=Path("t.ipynb"))
    >>> for job in jobs:
    ...     print(job.kind, job.slug, job.parameters.get("owner"))
    owner ingrid-berg Ingrid Berg
    owner ola-dahl Ola Dahl
    team team-overview None
    >>> plan_jobs(Path("crm/Kunder 2025.csv"), owners=None, parameters={}, report=Path("r.ipynb"),
    ...           team=None)[0].slug
    'kunder-2025'
    """
    common = {"accounts_path": str(input_path)}
    if owners is None:
        who = str(parameters.get("owner") or "")
        name = who or input_path.stem
        return [
            ReportJob(
                "file",
                who,
                report,
                unique_slugs([name], taken=[TEAM_SLUG])[name],
                {**common, **parameters},
                f"Account review: {who or input_path.name}",
            )
        ]
    slugs = unique_slugs(owners, taken=[TEAM_SLUG])
    jobs = [
        ReportJob(
            "owner",
            owner,
            report,
            slugs[owner],
            {**common, **parameters, "owner": owner},
            f"Account review: {owner}",
        )
        for owner in owners
    ]
    if team is not None:
        jobs.append(
            ReportJob(
                "team",
                "",
                team,
                TEAM_SLUG,
                {**common, **(team_parameters or {})},
                f"Team overview: {input_path.name}",
            )
        )
    return jobs


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


def execute(
    job: ReportJob,
    *,
    cell_timeout: int = CELL_TIMEOUT,
    start_timeout: int = START_TIMEOUT,
    kernel: str = "python3",
) -> nbformat.NotebookNode:
    """Run one report notebook with papermill and return the executed notebook.

    Whether the kernel started is known from nbclient's ``on_notebook_start`` hook, which runs
    once the kernel has answered and before the first cell.

    Raises
    ------
    KernelStartError
        The kernel did not start; nothing of the notebook ran.
    papermill.PapermillExecutionError
        A cell raised (bad data, settings, or a bug).
    Exception
        Anything else that stopped the run after the kernel had started (a cell over the time
        limit, a kernel that died).
    """
    import papermill

    started = []
    try:
        return papermill.execute_notebook(
            str(job.notebook),
            None,
            parameters=job.parameters,
            kernel_name=kernel,
            progress_bar=False,
            log_output=False,
            execution_timeout=cell_timeout,
            start_timeout=start_timeout,
            kernel_manager_class=quiet_kernel_manager(),
            on_notebook_start=lambda **_: started.append(True),
        )
    except papermill.PapermillExecutionError:
        raise
    except Exception as err:
        if not started:
            raise KernelStartError(
                f"the kernel did not start: {type(err).__name__}: {err}"
            ) from err
        raise


def failure_message(err: BaseException) -> str:
    """Return what a person should read about a failed report: the data's message, no traceback.

    Examples
    --------
    >>> from papermill import PapermillExecutionError
    >>> text = '1 problem in team.csv:\\n  revenue: "x" in row 3 is not an amount'
    >>> failure_message(PapermillExecutionError(4, 1, "", "AccountDataError", text, []))
    '1 problem in team.csv:\\n  revenue: "x" in row 3 is not an amount'
    >>> failure_message(TimeoutError("A cell timed out after 300 seconds"))
    'TimeoutError: A cell timed out after 300 seconds'
    """
    ename = getattr(err, "ename", None)
    if ename is not None:
        evalue = str(getattr(err, "evalue", "")).strip()
        return evalue if ename in PLAIN_ERRORS else f"{ename}: {evalue}"
    return f"{type(err).__name__}: {err}".strip()


def write_atomically(files: dict[Path, str | bytes]) -> None:
    """Write each content to a temporary name beside its path, then rename them all into place.

    Text is written as UTF-8. A reader never sees a half-written file: until the rename, the
    content is only under the hidden temporary name.
    """
    temporary = {}
    try:
        for path, content in files.items():
            partial = path.with_name(f".{path.name}{PARTIAL_MARK}{uuid.uuid4().hex[:8]}")
            data = content.encode("utf-8") if isinstance(content, str) else content
            partial.write_bytes(data)
            temporary[path] = partial
        for path, partial in temporary.items():
            os.replace(partial, path)
    finally:
        for partial in temporary.values():
            partial.unlink(missing_ok=True)


def run_job(
    job: ReportJob,
    out_dir: Path,
    *,
    cell_timeout: int = CELL_TIMEOUT,
    retries: int = START_RETRIES,
    execute_notebook: Callable[..., nbformat.NotebookNode] = execute,
) -> ReportRecord:
    """Run one report and write its notebook and HTML; return how it went.

    A kernel that does not start is tried again up to ``retries`` times; any other failure is
    final. Nothing is written for a failed report.
    """
    record = ReportRecord(job.kind, job.owner, parameters=dict(job.parameters))
    began = time.perf_counter()
    try:
        for attempt in range(1, retries + 2):
            record.attempts = attempt
            try:
                executed = execute_notebook(job, cell_timeout=cell_timeout)
                break
            except KernelStartError:
                if attempt > retries:
                    raise
        notebook_path, html_path = out_dir / f"{job.slug}.ipynb", out_dir / f"{job.slug}.html"
        shown = without_mark_labels(executed)  # the notebook is shared too: no hidden data
        write_atomically(
            {notebook_path: nbformat.writes(shown), html_path: report_html(shown, title=job.title)}
        )
    except Exception as err:  # every failure is reported in the manifest, never a traceback
        record.status, record.error = "failed", failure_message(err)
    else:
        record.status, record.notebook, record.html = "ok", notebook_path.name, html_path.name
    record.duration_s = round(time.perf_counter() - began, 3)
    return record


def remove_partial_files(out_dir: Path) -> list[Path]:
    """Remove the temporary files a crashed or stopped run left in ``out_dir``; return them."""
    leftovers = [p for p in out_dir.glob(f".*{PARTIAL_MARK}*") if p.is_file()]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def run_jobs(
    jobs: Iterable[ReportJob],
    out_dir: Path,
    *,
    workers: int,
    cell_timeout: int = CELL_TIMEOUT,
    progress: bool = True,
    run: Callable[..., ReportRecord] = run_job,
) -> list[ReportRecord]:
    """Run reports ``workers`` at a time, with a progress bar on stderr; return them in order.

    Parameters
    ----------
    jobs : iterable of ReportJob
    out_dir : Path
        The output folder (created when missing).
    workers : int
        Reports run at once (each in its own kernel).
    cell_timeout : int, default 300
        Seconds a cell may run.
    progress : bool, default True
        Show a tqdm progress bar on stderr.
    run : callable, default run_job
        Runs one report (tests replace it).

    Returns
    -------
    list of ReportRecord
        In the order of ``jobs``.
    """
    from tqdm import tqdm

    jobs = list(jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_partial_files(out_dir)
    records: list[ReportRecord | None] = [None] * len(jobs)
    with (
        ThreadPoolExecutor(max_workers=max(1, workers)) as pool,
        tqdm(
            total=len(jobs), desc="reports", unit="report", file=sys.stderr, disable=not progress
        ) as bar,
    ):
        futures = {
            pool.submit(run, job, out_dir, cell_timeout=cell_timeout): i
            for i, job in enumerate(jobs)
        }
        try:
            for future in as_completed(futures):
                index = futures[future]
                records[index] = future.result()
                bar.set_postfix_str(jobs[index].owner or jobs[index].slug, refresh=False)
                bar.update()
        except BaseException:  # e.g. Ctrl-C: start no more reports; running ones finish whole
            for future in futures:
                future.cancel()
            raise
    return [r for r in records if r is not None]
