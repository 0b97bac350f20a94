"""Running the report notebooks with papermill: in parallel, each under a time limit, retried
only when its kernel did not start, and written atomically.

Reports run in kernels (see :mod:`workbook.report.kernels`: each of the ``workers`` reports that
run at once has a kernel, kept for the next report and cleared in between), so reports run in
threads here: the work happens in the kernels, and a thread only waits for one. The kernels start
together, each warmed up with what every report needs first (:data:`WARM_UP`), while this process
prepares its HTML export. A report is written under a hidden temporary name in the output folder
and renamed when both its notebook and its HTML are complete, so a run that crashes or is stopped
leaves no half-written report behind (the temporary files of such a run are removed by the next
one).

A report whose data cannot be used fails with the data's own message (file, row, column, value),
not a traceback; the others still complete.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook.i18n import DEFAULT_LANGUAGE, _, language, use_language
from workbook.notebook_text import in_language
from workbook.report.html import prepare_export, report_html, without_mark_labels
from workbook.report.kernels import KernelPool, KernelStartError, ReportKernel
from workbook.report.manifest import ReportRecord
from workbook.report.names import unique_slugs

#: Per-cell execution limit: a report cell that runs longer has hung (see the stack notes).
CELL_TIMEOUT = 300
#: How often a kernel that did not start is retried.
START_RETRIES = 2
TEAM_SLUG = "team-overview"
#: Temporary files of a run: hidden, so no one takes them for a report.
PARTIAL_MARK = ".partial-"
#: The errors whose message is the report's message as it is (data and settings a person fixes).
PLAIN_ERRORS = ("AccountDataError", "SettingsError", "ValueError")
#: Run in a kernel started ahead of its first report: what the report notebooks import, the
#: loader and Babel's formats used once, the SVG engine started. A kernel's first report paid
#: for these itself (5.4 kernel CPU-s here, against 3.3 after the warm-up and 2.1 for the others).
WARM_UP = """\
import workbook
from workbook import charts, coaching, formatting, parameters
from workbook.charts import render
from workbook.coaching import team
from workbook.report import owners, sections, team_sections
workbook.load(("warm-up.csv", b"account,revenue,owner\\nA,1,B\\n"))
formatting.number(1.5), formatting.share(0.5), formatting.money(1.5)
render.start_engine()
"""


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
    # The titles are in the reports' own language (``-p language nb`` as well as --language).
    with use_language(parameters.get("language") or language()):
        return _jobs(input_path, owners, parameters, report, team, team_parameters)


def _jobs(input_path, owners, parameters, report, team, team_parameters) -> list[ReportJob]:
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
                _("Account review: {who}").format(who=who or input_path.name),
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
            _("Account review: {who}").format(who=owner),
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
                _("Team overview: {file}").format(file=input_path.name),
            )
        )
    return jobs


def execute(
    job: ReportJob, *, cell_timeout: int = CELL_TIMEOUT, kernel: ReportKernel | None = None
) -> nbformat.NotebookNode:
    """Run one report notebook with papermill and return the executed notebook.

    It runs in ``kernel``, which is kept for the next report, or in a kernel of its own.

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
    if kernel is None:
        with ReportKernel() as own:
            return execute(job, cell_timeout=cell_timeout, kernel=own)
    wanted = job.parameters.get("language") or DEFAULT_LANGUAGE
    notebook = job.notebook if wanted == DEFAULT_LANGUAGE else in_language(job.notebook, wanted)
    return kernel.execute(notebook, job.parameters, cell_timeout=cell_timeout)


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


def make_report(
    job: ReportJob,
    *,
    kernel: ReportKernel | None = None,
    cell_timeout: int = CELL_TIMEOUT,
    retries: int = START_RETRIES,
    execute_notebook: Callable[..., nbformat.NotebookNode] = execute,
) -> tuple[ReportRecord, dict[str, str]]:
    """Run one report; return how it went and its files (name: content), none when it failed.

    A kernel that does not start is tried again up to ``retries`` times; any other failure is
    final.
    """
    record = ReportRecord(job.kind, job.owner, parameters=dict(job.parameters))
    began = time.perf_counter()
    files = {}
    try:
        for attempt in range(1, retries + 2):
            record.attempts = attempt
            try:
                executed = execute_notebook(job, cell_timeout=cell_timeout, kernel=kernel)
                break
            except KernelStartError:
                if attempt > retries:
                    raise
        shown = without_mark_labels(executed)  # the notebook is shared too: no hidden data
        files = {
            f"{job.slug}.ipynb": nbformat.writes(shown),
            f"{job.slug}.html": report_html(shown, title=job.title),
        }
    except Exception as err:  # every failure is reported in the manifest, never a traceback
        record.status, record.error = "failed", failure_message(err)
    else:
        record.status = "ok"
        record.notebook, record.html = f"{job.slug}.ipynb", f"{job.slug}.html"
    record.duration_s = round(time.perf_counter() - began, 3)
    return record, files


def save_report(record: ReportRecord, files: dict[str, str | bytes], out_dir: Path) -> None:
    """Write a report's files into ``out_dir`` all at once; a report that cannot be written
    is marked failed in its record and leaves nothing behind."""
    if not files:
        return
    try:
        write_atomically({out_dir / name: content for name, content in files.items()})
    except Exception as err:
        record.status, record.error = "failed", failure_message(err)
        record.notebook = record.html = None


def run_job(job: ReportJob, out_dir: Path, **options) -> ReportRecord:
    """Run one report and write its notebook and HTML into ``out_dir``; return how it went.

    ``options`` are those of :func:`make_report`. Nothing is written for a failed report.
    """
    began = time.perf_counter()
    record, files = make_report(job, **options)
    save_report(record, files, out_dir)
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
    kernels: KernelPool | None = None,
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
    kernels : KernelPool, optional
        The kernels to run them in (the caller may have started them already; it stops them);
        default: a pool of this run's own, ``workers`` kernels started at once.

    Returns
    -------
    list of ReportRecord
        In the order of ``jobs``.
    """
    from tqdm import tqdm

    jobs = list(jobs)
    workers = max(1, min(workers, len(jobs)))
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_partial_files(out_dir)
    records: list[ReportRecord | None] = [None] * len(jobs)
    own = kernels is None
    if own:
        kernels = KernelPool(warm_up=WARM_UP)
        kernels.prestart(workers)

    def in_kernel(job: ReportJob) -> ReportRecord:
        with kernels.kernel() as kernel:
            return run(job, out_dir, cell_timeout=cell_timeout, kernel=kernel)

    with (
        kernels if own else nullcontext(),  # stopped once every report is done
        ThreadPoolExecutor(max_workers=workers) as pool,
        tqdm(
            total=len(jobs),
            desc=_("reports"),
            unit=_("report"),
            file=sys.stderr,
            disable=not progress,
        ) as bar,
    ):
        futures = {pool.submit(in_kernel, job): i for i, job in enumerate(jobs)}
        try:
            prepare_export()  # while the kernels start
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
