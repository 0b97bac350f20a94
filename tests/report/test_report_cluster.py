"""``report --scheduler``: a real Dask scheduler and two workers (processes of their own, in
folders of their own, stopped by pid), a few owners' reports run on them and written here."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser.servers import descendants, free_port, stop, wait_for_port
from report_files import alive, team_rows, workbook_cli

import workbook
from workbook.report import cluster

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]

OWNERS = ["Ingrid Berg", "Nora Lie", "Ola Dahl"]
DASK = Path(sys.executable).with_name("dask")


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A scheduler on a free port and two one-thread workers; yields the address and the
    workers' processes."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("cluster")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = []

    def start(name: str, *args: str) -> subprocess.Popen:
        (folder / name).mkdir()
        log = open(folder / f"{name}.log", "w")  # noqa: SIM115 (closed at the end)
        logs.append(log)
        return subprocess.Popen(
            [str(DASK), *args], cwd=folder / name, stdout=log, stderr=subprocess.STDOUT
        )

    processes = [
        start(
            "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"
        )
    ]
    try:
        wait_for_port(port, processes[0])
        for name in ("worker-1", "worker-2"):
            processes.append(
                start(name, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard")
            )
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
        yield address, processes[1:]
    finally:
        for process in reversed(processes):  # and anything a process left behind, by pid
            stop(process)
        for log in logs:
            log.close()


@pytest.fixture(scope="module")
def cluster_run(scheduler, tmp_path_factory):
    """The reports of three owners, one with unusable rows, run on the cluster."""
    address, workers = scheduler
    folder = tmp_path_factory.mktemp("cluster-team")
    rows = team_rows(OWNERS)
    broken = rows.index[rows["owner"] == "Ola Dahl"][2]
    rows.loc[broken, "revenue"] = "12,5 %"
    path = folder / "cluster_team.csv"
    rows.to_csv(path, index=False)
    out = folder / "reports"
    result = workbook_cli("report", path, "--by", "owner", "--scheduler", address, "--out", out)
    kernels = [pid for worker in workers for pid in descendants(worker.pid)]
    return result, path, out, int(broken) + 2, kernels


def test_the_reports_come_back_from_the_workers_with_the_manifest(cluster_run, scheduler):
    result, path, out, *_ = cluster_run
    assert result.returncode == 1, result.stderr  # one report failed
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "ingrid-berg.html",
        "ingrid-berg.ipynb",
        "manifest.csv",
        "manifest.json",
        "nora-lie.html",
        "nora-lie.ipynb",
        "team-overview.html",
        "team-overview.ipynb",
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cluster"]["scheduler"] == scheduler[0]
    workers = manifest["cluster"]["workers"]
    assert len(workers) == 2 and all(
        v["workbook"] == workbook.__version__ for v in workers.values()
    )
    assert manifest["jobs"] == 2  # the cluster's threads
    reports = {r["owner"] or r["kind"]: r for r in manifest["reports"]}
    statuses = {name: r["status"] for name, r in reports.items()}
    assert statuses == {"Ingrid Berg": "ok", "Nora Lie": "ok", "Ola Dahl": "failed", "team": "ok"}
    assert reports["Nora Lie"]["parameters"]["accounts_path"] == str(path)  # as asked


def test_each_report_shows_its_owners_figures_computed_from_the_bytes_sent(cluster_run):
    _, path, out, _, _ = cluster_run
    for owner, slug in [("Ingrid Berg", "ingrid-berg"), ("Nora Lie", "nora-lie")]:
        page = (out / f"{slug}.html").read_text(encoding="utf-8")
        assert f"Account review: {owner}</h1>" in page and "Input file: cluster_team.csv" in page
        figures = workbook.concentration(workbook.load_accounts(path, owner=owner))
        assert f"{figures.top20_share:.1%}" in page
        notebook = json.loads((out / f"{slug}.ipynb").read_text(encoding="utf-8"))
        ran_on = Path(notebook["metadata"]["papermill"]["parameters"]["accounts_path"])
        assert ran_on.name == path.name and ran_on.parent != path.parent  # the worker's copy


def test_one_owners_bad_rows_fail_only_that_report_as_in_a_local_run(cluster_run):
    result, _, out, row, _ = cluster_run
    assert "the report of Ola Dahl failed" in result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    ola = next(r for r in manifest["reports"] if r["owner"] == "Ola Dahl")
    assert (ola["status"], ola["attempts"], ola["notebook"], ola["html"]) == (
        "failed",
        1,
        None,
        None,
    )
    assert f'revenue: "12,5 %" in row {row}' in ola["error"] and "Traceback" not in ola["error"]
    overview = (out / "team-overview.html").read_text(encoding="utf-8")
    assert "Left out: Ola Dahl" in overview


def test_the_files_of_compare_and_pins_go_to_the_workers_too(scheduler, tmp_path):
    """--compare and --pins name files on this machine: the workers get their bytes (the
    previous period's file even under the same name as the input's), not their paths."""
    address, _ = scheduler
    rows = team_rows(["Ingrid Berg"])
    path = tmp_path / "accounts.csv"
    rows.to_csv(path, index=False)
    (tmp_path / "last-year").mkdir()
    previous = tmp_path / "last-year" / "accounts.csv"  # the same name, another folder
    rows.iloc[5:].to_csv(previous, index=False)
    pinned = rows.sort_values("revenue", key=lambda r: r.astype(float)).iloc[0]
    pins = tmp_path / "pins.csv"
    pins.write_text(f"account_id,tier,reason\n{pinned['account_id']},A,key reference\n")
    out = tmp_path / "reports"
    result = workbook_cli(
        "report", path, "--scheduler", address, "--out", out,
        "--compare", previous, "--pins", pins,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    page = (out / "accounts.html").read_text(encoding="utf-8")
    assert "Pinned accounts" in page and "key reference" in page and pinned["account"] in page
    assert "Since last period" in page and "new accounts" in page.lower()
    notebook = json.loads((out / "accounts.ipynb").read_text(encoding="utf-8"))
    ran_with = notebook["metadata"]["papermill"]["parameters"]
    assert Path(ran_with["previous_path"]).name == "accounts.csv"
    assert Path(ran_with["previous_path"]).parent != previous.parent  # the worker's copy
    assert Path(ran_with["previous_path"]) != Path(ran_with["accounts_path"])


# Stops the workers: keep it after the tests that use them.
def test_the_workers_kept_their_kernels_and_stop_them_when_they_stop(cluster_run, scheduler):
    *_, kernels = cluster_run
    _, workers = scheduler
    assert 1 <= len(kernels) <= 2 and all(alive(pid) for pid in kernels)  # one per worker used
    for worker in workers:  # as an operator stops a worker; nothing else ends its kernels
        worker.terminate()
        worker.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in kernels) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in kernels)


def test_a_scheduler_that_does_not_answer_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(cluster.ClusterError, match=f"no Dask scheduler answered at {address}"):
        cluster.connect(address)
