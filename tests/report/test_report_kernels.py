"""A kept kernel runs report after report as if each had a kernel of its own: nothing of one
report is left for the next, and a kernel that timed out is replaced. Real kernels, tiny
notebooks."""

from __future__ import annotations

import nbformat
import psutil
import pytest
from papermill import PapermillExecutionError
from report_files import alive

from workbook.report.kernels import KernelPool, ReportKernel

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]


def notebook(*cells: str) -> nbformat.NotebookNode:
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    parameters = nbformat.v4.new_code_cell("owner = ''")
    parameters.metadata["tags"] = ["parameters"]
    book.cells = [parameters, *(nbformat.v4.new_code_cell(c) for c in cells)]
    return book


#: Says which kernel process ran it, and what an earlier report left behind.
REPORT = notebook(
    "import os\nprint(os.getpid())",
    "print(sorted(n for n in ('left_behind', 'earlier_owner') if n in globals()))",
    "left_behind = owner\nearlier_owner = owner",
)


def printed(executed: nbformat.NotebookNode) -> list[str]:
    return [
        out["text"].strip()
        for cell in executed.cells
        for out in cell.get("outputs", [])
        if out.get("name") == "stdout"
    ]


def test_the_second_report_runs_in_the_same_kernel_with_nothing_of_the_first():
    with ReportKernel() as kernel:
        first = kernel.execute(REPORT, {"owner": "Ingrid Berg"}, cell_timeout=60)
        second = kernel.execute(REPORT, {"owner": "Ola Dahl"}, cell_timeout=60)
        pid = int(printed(second)[0])
        assert alive(pid)
    assert printed(first)[0] == printed(second)[0]  # one kernel process for both
    assert printed(second)[1] == "[]"  # no variable of the first report
    counts = [c.execution_count for c in second.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # numbered as if run alone
    assert not alive(pid)  # stopped at the end of the block


def test_a_cell_error_keeps_the_kernel_and_a_timeout_replaces_it():
    failing = notebook(
        "import os\nprint(os.getpid())", "raise ValueError('revenue: not an amount')"
    )
    hanging = notebook("import time\ntime.sleep(60)")
    with ReportKernel() as kernel:
        with pytest.raises(PapermillExecutionError, match="not an amount"):
            kernel.execute(failing, {}, cell_timeout=60)
        after_error = kernel.execute(REPORT, {}, cell_timeout=60)
        with pytest.raises(Exception, match=r"(?i)timed out|timeout"):
            kernel.execute(hanging, {}, cell_timeout=2)
        after_timeout = kernel.execute(REPORT, {}, cell_timeout=60)
    pid_after_error, pid_after_timeout = (
        int(printed(after_error)[0]),
        int(printed(after_timeout)[0]),
    )
    assert pid_after_error != pid_after_timeout
    assert not alive(pid_after_error)  # the kernel that hung was stopped, not left running


def test_a_pool_lends_one_kernel_per_report_running_at_once_and_stops_them_all():
    with KernelPool() as pool:
        with pool.kernel() as one, pool.kernel() as other:
            assert one is not other
            pids = [int(printed(k.execute(REPORT, {}, cell_timeout=60))[0]) for k in (one, other)]
        with pool.kernel() as again:
            assert again in (one, other)  # an idle kernel is lent again, not a new one
        assert all(alive(pid) for pid in pids)
    assert not any(alive(pid) for pid in pids)


#: Marks the kernel process it runs in; a module attribute outlives the clearing of variables.
WARM_UP = "import os, sys\nsys.warmed_up_in = os.getpid()\nwarm_up_variable = 1"
#: Says whether the warm-up ran in this very kernel, and whether its variable is left.
AFTER_WARM_UP = notebook(
    "import os, sys\nprint(getattr(sys, 'warmed_up_in', None) == os.getpid())",
    "print('warm_up_variable' in globals())",
    "print(os.getpid())",
)


def test_a_kernel_started_ahead_is_warmed_up_and_its_first_report_sees_nothing_of_it():
    with ReportKernel(warm_up=WARM_UP) as kernel:
        kernel.begin()
        first = kernel.execute(AFTER_WARM_UP, {}, cell_timeout=60)
        pid = int(printed(first)[2])
    assert printed(first)[:2] == ["True", "False"]
    counts = [c.execution_count for c in first.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # numbered as if run alone
    assert not alive(pid)


def test_a_pool_lends_the_kernels_it_started_ahead_and_stops_them_all():
    with KernelPool(warm_up=WARM_UP) as pool:
        pool.prestart(2)
        with pool.kernel() as one, pool.kernel() as other:
            runs = [printed(k.execute(AFTER_WARM_UP, {}, cell_timeout=60)) for k in (one, other)]
        assert [r[0] for r in runs] == ["True", "True"]  # both warmed up ahead, each in itself
        pids = [int(r[2]) for r in runs]
        assert pids[0] != pids[1]
    assert not any(alive(pid) for pid in pids)


def test_a_pool_stopped_while_its_kernels_still_start_leaves_none_running():
    with KernelPool(warm_up="import time\ntime.sleep(3)") as pool:
        pool.prestart(2)
    assert not [
        p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())
    ]
