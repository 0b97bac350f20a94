"""How long report runs take, one at a time and two at a time, against papermill's own floor.

Run: ``python benchmarks/reports.py [--owners N] [--repeat R]`` (default: all 8 owners of the
sample team, each measurement once). In the same run it measures:

- the baseline: a fresh Python process running papermill on a notebook whose one cell imports
  pandas (the least a papermill report costs: the interpreter, papermill, a kernel, pandas);
- ``python -m workbook report data/sample_team.csv --by owner`` with ``--jobs 1`` and with
  ``--jobs 2``, each into a temporary folder: the wall time, the seconds per report (the wall
  time over the reports written, the team overview included) and the mean time one report took
  inside the run (from the manifest).

It prints the seconds per report at ``--jobs 1`` as a ratio to the baseline (goal: at most 1.2)
and the speed-up of ``--jobs 2`` over ``--jobs 1`` (goal: at least 1.7). With ``--repeat`` each
measurement is taken that many times, interleaved, and the medians are compared. The machine is
shared: whatever else runs there lowers the speed-up, so run it alone (under the team's lock).

Then what bounds the speed-up: from the ``--jobs 1`` run, the time before and around the reports
(the command starting, the kernel starting, the imports and the first chart of its first report)
that two kernels cannot share out, the time the other reports took, and the speed-up two
workers could reach at best with that start (Amdahl's law). And the memory a kept kernel holds
after its first report and after its last (``--memory N`` reports in one kernel; 0 skips it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pandas as pd

from workbook import paths

#: The goals of issue 18, as ratios measured in the same run.
MAX_PER_REPORT_RATIO = 1.2
MIN_SPEED_UP = 1.7

BASELINE_RUN = """
import sys
import papermill
papermill.execute_notebook(sys.argv[1], None, progress_bar=False, kernel_name="python3")
"""


def team_file(folder: Path, owners: int | None) -> Path:
    """Return the sample team, or a file with its first ``owners`` owners."""
    if owners is None:
        return paths.SAMPLE_TEAM
    team = pd.read_csv(paths.SAMPLE_TEAM, dtype=str, keep_default_na=False)
    chosen = sorted(team["owner"].unique())[:owners]
    path = folder / f"sample_team_{owners}.csv"
    team[team["owner"].isin(chosen)].to_csv(path, index=False)
    return path


def baseline(folder: Path) -> float:
    """Return the seconds a fresh process takes to run a notebook that imports pandas."""
    notebook = folder / "imports-pandas.ipynb"
    if not notebook.exists():
        empty = nbformat.v4.new_notebook()
        empty.cells = [nbformat.v4.new_code_cell("import pandas as pd")]
        empty.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(empty, notebook)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", BASELINE_RUN, str(notebook)], check=True)
    return time.perf_counter() - began


def run(path: Path, jobs: int, out: Path) -> dict:
    """Run the report command and return its wall time and the manifest's figures."""
    began = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbook",
            "report",
            str(path),
            "--by",
            "owner",
            "--jobs",
            str(jobs),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - began
    if result.returncode != 0:
        sys.exit(f"the report run with --jobs {jobs} failed:\n{result.stderr}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    durations = [r["duration_s"] for r in manifest["reports"]]
    owners = [r["duration_s"] for r in manifest["reports"] if r["kind"] == "owner"]
    return {
        "jobs": jobs,
        "wall": wall,
        "reports": len(durations),
        "per_report": wall / len(durations),
        "inside": statistics.mean(durations),
        "durations": durations,
        # the first owner's report ran in the new kernel (with --jobs 1, reports run in order)
        "first_extra": owners[0] - statistics.median(owners[1:]) if len(owners) > 1 else 0.0,
    }


def start_up_bound(one: dict) -> tuple[float, float, float]:
    """Return the start no second worker shortens, the rest, and the best speed-up of two."""
    fixed = one["wall"] - sum(one["durations"]) + one["first_extra"]
    shared = one["wall"] - fixed
    return fixed, shared, one["wall"] / (fixed + shared / 2)


def kernel_memory(reports: int) -> tuple[float, float]:
    """Return a kept kernel's resident memory in MB after its first and its last report."""
    from workbook.report.kernels import ReportKernel
    from workbook.report.runner import execute, plan_jobs

    team = pd.read_csv(paths.SAMPLE_TEAM, dtype=str, keep_default_na=False)
    owners = sorted(team["owner"].unique())
    chosen = [owners[i % len(owners)] for i in range(reports)]
    jobs = plan_jobs(
        paths.SAMPLE_TEAM, owners=chosen, parameters={}, report=paths.REPORT_NOTEBOOK, team=None
    )
    sizes = []
    with ReportKernel() as kernel:
        for job in jobs:
            execute(job, kernel=kernel)
            status = Path(f"/proc/{kernel.manager.provisioner.pid}/status").read_text()
            sizes.append(int(status.split("VmRSS:")[1].split()[0]) / 1024)
    return sizes[0], sizes[-1]


def median_run(runs: list[dict]) -> dict:
    """Return the figures of several runs as their medians."""
    keys = ("wall", "per_report", "inside")
    return {**runs[0], **{k: statistics.median(r[k] for r in runs) for k in keys}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--owners",
        type=int,
        default=None,
        help="only the first N owners of the sample team (default: all 8)",
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="take each measurement this many times (median)"
    )
    parser.add_argument(
        "--memory", type=int, default=8, help="reports run in one kernel to measure its memory"
    )
    args = parser.parse_args(argv)
    floors, runs = [], {1: [], 2: []}
    with tempfile.TemporaryDirectory() as folder:
        path = team_file(Path(folder), args.owners)
        for i in range(args.repeat):
            floors.append(baseline(Path(folder)))
            for jobs in (1, 2):
                runs[jobs].append(run(path, jobs, Path(folder, f"jobs-{jobs}-{i}")))
    floor = statistics.median(floors)
    one, two = median_run(runs[1]), median_run(runs[2])
    print(f"baseline, papermill on a notebook that imports pandas, fresh process: {floor:.1f} s")
    print(f"{'jobs':>4} {'reports':>7} {'wall s':>8} {'s/report':>9} {'one report s':>13}")
    for r in (one, two):
        print(
            f"{r['jobs']:>4} {r['reports']:>7} {r['wall']:>8.1f} {r['per_report']:>9.1f} "
            f"{r['inside']:>13.1f}"
        )
    ratio, speed_up = one["per_report"] / floor, one["wall"] / two["wall"]
    print(
        f"a report at --jobs 1: {ratio:.2f}x the baseline (goal: at most "
        f"{MAX_PER_REPORT_RATIO}x) {'met' if ratio <= MAX_PER_REPORT_RATIO else 'NOT met'}"
    )
    print(
        f"speed-up with --jobs 2: {speed_up:.2f}x (goal: at least {MIN_SPEED_UP}x) "
        f"{'met' if speed_up >= MIN_SPEED_UP else 'NOT met'}"
    )
    fixed, shared, bound = start_up_bound(runs[1][0])
    print(
        f"at --jobs 1: {fixed:.1f} s of start no second worker shortens (the command, the kernel, "
        f"its imports and first chart), {shared:.1f} s of reports: two workers can reach "
        f"{bound:.2f}x at best"
    )
    if args.memory:
        first, last = kernel_memory(args.memory)
        print(
            f"a kept kernel holds {first:.0f} MB after its first report, {last:.0f} MB after "
            f"report {args.memory}"
        )


if __name__ == "__main__":
    main()
