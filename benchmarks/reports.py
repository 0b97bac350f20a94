"""How long report runs take, one at a time and two at a time, on the sample team.

Run: ``python benchmarks/reports.py [--owners N]`` (default: all 8 owners of the sample team).
It runs ``python -m workbook report data/sample_team.csv --by owner`` twice into temporary
folders, with ``--jobs 1`` and ``--jobs 2``, and prints for each the wall time, the seconds per
report (the wall time over the reports written, the team overview included) and the mean time
one report took inside the run (from the manifest), then the speed-up of two at a time.

Each report starts its own kernel, so on a 2-core machine the speed-up is bounded by 2 and
lowered by whatever else runs there. ``--owners 3`` keeps a run to about a minute.
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

import pandas as pd

from workbook import paths


def team_file(folder: Path, owners: int | None) -> Path:
    """Return the sample team, or a file with its first ``owners`` owners."""
    if owners is None:
        return paths.SAMPLE_TEAM
    team = pd.read_csv(paths.SAMPLE_TEAM, dtype=str, keep_default_na=False)
    chosen = sorted(team["owner"].unique())[:owners]
    path = folder / f"sample_team_{owners}.csv"
    team[team["owner"].isin(chosen)].to_csv(path, index=False)
    return path


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
    return {
        "jobs": jobs,
        "wall": wall,
        "reports": len(durations),
        "per_report": wall / len(durations),
        "inside": statistics.mean(durations),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--owners",
        type=int,
        default=None,
        help="only the first N owners of the sample team (default: all 8)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = team_file(Path(folder), args.owners)
        results = [run(path, jobs, Path(folder, f"jobs-{jobs}")) for jobs in (1, 2)]
    print(f"{'jobs':>4} {'reports':>7} {'wall s':>8} {'s/report':>9} {'one report s':>13}")
    for r in results:
        print(
            f"{r['jobs']:>4} {r['reports']:>7} {r['wall']:>8.1f} {r['per_report']:>9.1f} "
            f"{r['inside']:>13.1f}"
        )
    print(f"speed-up with --jobs 2: {results[0]['wall'] / results[1]['wall']:.2f}x")


if __name__ == "__main__":
    main()
