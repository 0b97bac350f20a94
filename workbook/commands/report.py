"""``python -m workbook report FILE [--by owner] [--out DIR] [--jobs N | --scheduler ADDRESS]
[--pins FILE] [--compare PREVIOUS_FILE] [-p NAME VALUE ...]``.

Runs the report notebook for the whole file, or for each owner plus the team overview, and
writes each as an executed notebook and an offline HTML file, with ``manifest.json`` and
``manifest.csv``; here, or with ``--scheduler`` on a Dask cluster (see
:mod:`workbook.report.cluster`). Exit status 1 when any report failed (each failure's message on
stderr) or the cluster cannot run reports (no scheduler, no worker, Dask not installed), 2 for a
wrong command line (e.g. a parameter the notebooks do not take).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from workbook import paths
from workbook.cli import PROG
from workbook.i18n import _
from workbook.report.cluster import ClusterError, connect, run_on_cluster, worker_versions
from workbook.report.manifest import build_manifest, file_sha256, manifest_csv, manifest_json
from workbook.report.owners import owners_in_file
from workbook.report.parameters import (
    SET_BY_COMMAND,
    ParameterError,
    check_parameters,
    declared_parameters,
    for_notebook,
)
from workbook.report.runner import plan_jobs, run_jobs, write_atomically

TEAM_NOTEBOOK = paths.NOTEBOOKS_DIR / "team-report.ipynb"
#: Parameters that name a file: checked here, and passed on as absolute paths.
FILE_PARAMETERS = ("previous_path", "pins_path")


def _usage_error(message: str) -> int:
    print(f"{PROG} report: error: {message}", file=sys.stderr)
    return 2


def _run_on_cluster(jobs, out, args):
    """Run the reports on the cluster; return the records, its threads and what it ran."""
    client = connect(args.scheduler)
    try:
        workers = worker_versions(client)
        threads = sum(client.nthreads().values())
        records = run_on_cluster(jobs, out, client=client, input_path=args.file)
    finally:
        client.close()
    return records, threads, {"scheduler": args.scheduler, "workers": workers}


def run(args) -> int:
    by_owner = args.by == "owner"
    if args.jobs is not None and args.jobs < 1:
        return _usage_error(f"--jobs must be 1 or more, not {args.jobs}")
    if args.jobs is not None and args.scheduler:
        return _usage_error(
            _(
                "--jobs and --scheduler do not go together: the cluster's workers decide how "
                "many reports run at once"
            )
        )
    declared = {"report": declared_parameters(paths.REPORT_NOTEBOOK)}
    if by_owner:
        declared["team"] = declared_parameters(TEAM_NOTEBOOK)
    reserved = (*SET_BY_COMMAND, "owner") if by_owner else SET_BY_COMMAND
    given = list(args.parameters)
    if args.pins is not None:
        given.append(("pins_path", str(args.pins)))
    if args.compare is not None:
        given.append(("previous_path", str(args.compare)))
    try:
        values = check_parameters(given, declared, set_by_command=reserved)
    except ParameterError as err:
        return _usage_error(str(err))
    if args.scheduler and any(values.get(name) for name in FILE_PARAMETERS):
        return _usage_error(
            _(
                "--pins and --compare (pins_path, previous_path) do not go together with "
                "--scheduler yet: the cluster's workers receive the accounts file only"
            )
        )
    if not args.file.is_file():
        raise FileNotFoundError(2, "no such file", str(args.file))
    for name in FILE_PARAMETERS:  # the reports run elsewhere: name the files absolutely
        if values.get(name):
            path = Path(values[name]).expanduser()
            if not path.is_file():
                raise FileNotFoundError(2, "no such file", str(path))
            values[name] = str(path.resolve())
    if values.get("pins_path"):
        from workbook.loading.pins import read_pins

        read_pins(values["pins_path"])  # a pins file that cannot be used fails every report

    started = datetime.now(UTC).isoformat(timespec="seconds")
    began = time.perf_counter()
    digest = file_sha256(args.file)
    owners = owners_in_file(args.file) if by_owner else None
    jobs = plan_jobs(
        args.file.resolve(),
        owners=owners,
        parameters=for_notebook(values, declared["report"]),
        report=paths.REPORT_NOTEBOOK,
        team=TEAM_NOTEBOOK if by_owner else None,
        team_parameters=for_notebook(values, declared.get("team", {})),
    )
    out = args.out or paths.REPORTS_DIR
    cluster = None
    if args.scheduler:
        try:
            records, workers, cluster = _run_on_cluster(jobs, out, args)
        except ClusterError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    else:
        workers = args.jobs or os.cpu_count() or 1
        records = run_jobs(jobs, out, workers=workers)

    manifest = build_manifest(
        records,
        input_path=args.file,
        input_sha256=digest,
        parameters=values,
        jobs=workers,
        started=started,
        duration_s=time.perf_counter() - began,
        cluster=cluster,
    )
    write_atomically(
        {
            out / "manifest.json": manifest_json(manifest),
            out / "manifest.csv": manifest_csv(manifest),
        }
    )
    for record in records:
        name = record.owner or ("team overview" if record.kind == "team" else str(args.file))
        if record.status == "ok":
            print(
                f"wrote {out / record.html} and {record.notebook} ({name}, "
                f"{record.duration_s:.1f} s)"
            )
        else:
            message = record.error.replace("\n", "\n    ")
            print(f"error: the report of {name} failed:\n    {message}", file=sys.stderr)
    failed = manifest["failed"]
    print(
        f"{manifest['ok']} report{'s' if manifest['ok'] != 1 else ''} written, {failed} failed; "
        f"manifest: {out / 'manifest.json'}"
    )
    return 1 if failed else 0
