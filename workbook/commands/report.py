"""``python -m workbook report FILE [--by owner] [--out DIR] [--jobs N | --scheduler ADDRESS]
[--pins FILE] [--compare PREVIOUS_FILE] [-p NAME VALUE ...]``.

Runs the report notebook for the whole file, or for each owner plus the team overview, and
writes each as an executed notebook and an offline HTML file, with ``manifest.json`` and
``manifest.csv``; here, or with ``--scheduler`` on a Dask cluster (see
:mod:`workbook.report.cluster`). Exit status 1 when any report failed (each failure's message on
stderr) or the cluster cannot run reports (no scheduler, no worker, Dask not installed), 2 for a
wrong command line (e.g. a parameter the notebooks do not take).

The reports are written in the language of ``-p language nb``, else in the command line's own
(``--language``, else ``WORKBOOK_LANGUAGE``): their texts, their numbers and their pages' ``lang``.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from workbook import formatting as fmt
from workbook import paths
from workbook.cli import PROG, error
from workbook.i18n import DEFAULT_LANGUAGE, _, language, ngettext
from workbook.report.cluster import ClusterError, connect, run_on_cluster, worker_versions
from workbook.report.manifest import build_manifest, file_sha256, manifest_csv, manifest_json
from workbook.report.owners import owners_in_file
from workbook.report.parameters import (
    FILE_PARAMETERS,
    SET_BY_COMMAND,
    ParameterError,
    check_parameters,
    declared_parameters,
    for_notebook,
)
from workbook.report.runner import plan_jobs, run_jobs, write_atomically

TEAM_NOTEBOOK = paths.NOTEBOOKS_DIR / "team-report.ipynb"


def _usage_error(message: str) -> int:
    # argparse's own words for a wrong command line, so both read alike in every language
    text = _("%(prog)s: error: %(message)s\n") % {"prog": f"{PROG} report", "message": message}
    print(text, file=sys.stderr, end="")
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
        return _usage_error(_("--jobs must be 1 or more, not {n}").format(n=args.jobs))
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
    if "language" not in values and language() != DEFAULT_LANGUAGE:
        values["language"] = language()  # the reports speak the command line's language
    if not args.file.is_file():
        raise FileNotFoundError(errno.ENOENT, _("no such file"), str(args.file))
    for name in FILE_PARAMETERS:  # the reports run elsewhere: name the files absolutely
        if values.get(name):
            path = Path(values[name]).expanduser()
            if not path.is_file():
                raise FileNotFoundError(errno.ENOENT, _("no such file"), str(path))
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
            error(str(err))
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
        name = record.owner or (_("team overview") if record.kind == "team" else str(args.file))
        if record.status == "ok":
            print(
                _("wrote {html} and {notebook} ({name}, {seconds} s)").format(
                    html=out / record.html,
                    notebook=record.notebook,
                    name=name,
                    seconds=fmt.fixed(record.duration_s, 1),
                )
            )
        else:
            message = record.error.replace("\n", "\n    ")
            error(
                _("the report of {name} failed:\n    {message}").format(name=name, message=message)
            )
    print(
        ngettext(
            "{n} report written, {failed} failed; manifest: {manifest}",
            "{n} reports written, {failed} failed; manifest: {manifest}",
            manifest["ok"],
        ).format(
            n=fmt.number(manifest["ok"]),
            failed=fmt.number(manifest["failed"]),
            manifest=out / "manifest.json",
        )
    )
    return 1 if manifest["failed"] else 0
