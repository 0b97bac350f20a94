"""The runner retries only kernels that did not start, writes a report whole or not at all, and
runs reports at the same time; papermill itself is replaced here, except in the last test."""

from __future__ import annotations

import threading
from pathlib import Path

import nbformat
import pytest
from papermill import PapermillExecutionError

from workbook import paths
from workbook.report import runner
from workbook.report.kernels import KernelPool, KernelStartError, ReportKernel
from workbook.report.runner import ReportJob, run_job, run_jobs

DATA_ERROR = '2 problems in team.csv:\n  revenue: "n/a" in row 12 is not an amount'


def job(slug: str = "ingrid-berg", owner: str = "Ingrid Berg") -> ReportJob:
    return ReportJob(
        "owner", owner, paths.REPORT_NOTEBOOK, slug, {"owner": owner}, f"Account review: {owner}"
    )


def executed_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    heading = {"text/html": "<h1>Account review: Ingrid Berg</h1>"}
    notebook.cells = [
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", heading)])
    ]
    return notebook


class Script:
    """Stands in for papermill: fails as told for the first calls, then returns a notebook."""

    def __init__(self, *failures: BaseException):
        self.failures = list(failures)
        self.calls = 0

    def __call__(self, job, *, cell_timeout, kernel=None):
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return executed_notebook()


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_kernel_that_did_not_start_is_tried_again(tmp_path):
    script = Script(KernelStartError("the kernel did not start: RuntimeError: no reply"))
    record = run_job(job(), tmp_path, execute_notebook=script)
    assert (record.status, record.attempts, script.calls) == ("ok", 2, 2)
    assert files(tmp_path) == ["ingrid-berg.html", "ingrid-berg.ipynb"]
    assert "Account review: Ingrid Berg" in (tmp_path / "ingrid-berg.html").read_text()


def test_kernel_start_retries_stop_after_the_limit(tmp_path):
    script = Script(*[KernelStartError("the kernel did not start: ZMQError") for _ in range(5)])
    record = run_job(job(), tmp_path, retries=2, execute_notebook=script)
    assert (record.status, record.attempts, script.calls) == ("failed", 3, 3)
    assert "the kernel did not start" in record.error
    assert files(tmp_path) == []


@pytest.mark.parametrize(
    "failure",
    [
        PapermillExecutionError(
            3, 1, "accounts = ...", "AccountDataError", DATA_ERROR, ["Traceback"]
        ),
        TimeoutError("A cell timed out while it was being executed, after 300 seconds."),
        RuntimeError("Kernel died"),
    ],
)
def test_a_failure_after_the_kernel_started_is_not_retried(tmp_path, failure):
    script = Script(failure)
    record = run_job(job(), tmp_path, execute_notebook=script)
    assert (record.status, record.attempts, script.calls) == ("failed", 1, 1)
    assert files(tmp_path) == []


def test_a_data_error_is_reported_in_its_own_words_without_a_traceback(tmp_path):
    failure = PapermillExecutionError(3, 1, "", "AccountDataError", DATA_ERROR, ["Traceback ..."])
    record = run_job(job(), tmp_path, execute_notebook=Script(failure))
    assert record.error == DATA_ERROR
    assert "Traceback" not in record.error


def test_a_report_that_fails_while_written_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_html(notebook, *, title):
        raise OSError("disk full")

    monkeypatch.setattr(runner, "report_html", broken_html)
    record = run_job(job(), tmp_path, execute_notebook=Script())
    assert record.status == "failed" and "disk full" in record.error
    assert files(tmp_path) == []


def test_leftovers_of_a_crashed_run_are_removed_and_reports_kept(tmp_path):
    (tmp_path / ".ingrid-berg.html.partial-1a2b3c4d").write_text("<html><body>half")
    (tmp_path / "ola-dahl.html").write_text("<html></html>")
    removed = runner.remove_partial_files(tmp_path)
    assert [p.name for p in removed] == [".ingrid-berg.html.partial-1a2b3c4d"]
    assert files(tmp_path) == ["ola-dahl.html"]


def test_reports_run_at_the_same_time_and_come_back_in_order(tmp_path):
    both_running = threading.Barrier(2, timeout=30)  # broken unless two reports overlap

    def run(job, out_dir, *, cell_timeout, kernel):
        both_running.wait()
        return runner.ReportRecord(job.kind, job.owner, "ok")

    jobs = [job("ingrid-berg", "Ingrid Berg"), job("ola-dahl", "Ola Dahl")]
    records = run_jobs(jobs, tmp_path, workers=2, progress=False, run=run, kernels=KernelPool())
    assert [r.owner for r in records] == ["Ingrid Berg", "Ola Dahl"]


def test_a_kernel_that_cannot_start_is_a_kernel_start_error():
    with (
        ReportKernel("no-such-kernel") as kernel,
        pytest.raises(KernelStartError, match="the kernel did not start: NoSuchKernel"),
    ):
        runner.execute(job(), kernel=kernel)
