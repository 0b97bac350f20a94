"""``python -m workbook report`` for real: papermill runs the notebooks on a small team cut from
the sample, and the tests read the reports a manager would open."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pandas as pd
import pytest
from report_files import OWNERS, workbook_cli

import workbook
from workbook.report.html import remote_references
from workbook.selection import select_owner

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]


def figures_of(path, owner, **tiering):
    """Return the concentration figures workbook itself computes for one owner."""
    accounts = select_owner(workbook.load_accounts(path), owner)
    metric = tiering.get("metric", "revenue")
    return workbook.concentration(accounts, metric=metric)


def read_manifest(folder):
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    table = pd.read_csv(folder / "manifest.csv", encoding="utf-8-sig", keep_default_na=False)
    return manifest, table


def assert_offline_and_clean(page: str):
    assert remote_references(page) == []
    assert "<script" not in page.lower()
    assert "Traceback" not in page and "Error" not in page


@pytest.fixture(scope="module")
def team_run(small_team, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return workbook_cli("report", small_team, "--by", "owner", "--out", out, "--jobs", "2"), out


def test_one_report_per_owner_and_a_team_overview(team_run, small_team):
    result, out = team_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "reports: 100%" in result.stderr  # the progress bar
    assert sorted(p.name for p in out.iterdir()) == [
        "ingrid-berg.html",
        "ingrid-berg.ipynb",
        "manifest.csv",
        "manifest.json",
        "ola-dahl.html",
        "ola-dahl.ipynb",
        "team-overview.html",
        "team-overview.ipynb",
    ]


def test_each_report_names_its_owner_and_shows_their_figures(team_run, small_team):
    _, out = team_run
    for owner in OWNERS:
        page = (out / f"{owner.lower().replace(' ', '-')}.html").read_text(encoding="utf-8")
        assert_offline_and_clean(page)
        assert f"Account review: {owner}</h1>" in page
        assert "Input file: small_team.csv" in page
        figures = figures_of(small_team, owner)
        assert f"{figures.top20_share:.1%}" in page
        assert re.search(
            rf"Accounts that make 80%</td><td[^>]*>{figures.accounts_for_80}</td>", page
        )
        assert page.count("data:image/svg+xml") >= 8  # the charts, drawn in the kernel
        other = next(o for o in OWNERS if o != owner)
        assert other not in page
        names = select_owner(workbook.load_accounts(small_team), owner)["account"]
        everything = page + "".join(
            base64.b64decode(image).decode("utf-8")
            for image in re.findall(r"data:image/svg\+xml;base64,([\w+/=]+)", page)
        )
        assert sum(name in everything for name in names) <= len(names) // 4  # no customer list


def test_the_team_overview_compares_the_owners(team_run, small_team):
    _, out = team_run
    page = (out / "team-overview.html").read_text(encoding="utf-8")
    assert_offline_and_clean(page)
    for owner in OWNERS:
        assert owner in page
        assert f"{figures_of(small_team, owner).top20_share:.0%}" in page
    assert "Left out" not in page


def test_the_manifest_says_what_ran_on_which_file_with_which_versions(team_run, small_team):
    _, out = team_run
    manifest, table = read_manifest(out)
    digest = hashlib.sha256(small_team.read_bytes()).hexdigest()
    assert manifest["input_sha256"] == digest and (manifest["ok"], manifest["failed"]) == (3, 0)
    assert {"workbook", "pandas", "altair", "papermill", "nbconvert", "python"} <= set(
        manifest["versions"]
    )
    reports = {r["owner"] or r["kind"]: r for r in manifest["reports"]}
    assert reports["Ingrid Berg"]["parameters"]["owner"] == "Ingrid Berg"
    assert reports["team"]["html"] == "team-overview.html"
    assert all(
        r["status"] == "ok" and r["attempts"] == 1 and r["duration_s"] > 0 for r in reports.values()
    )
    assert list(table["owner"]) == [*OWNERS, ""]
    assert set(table["input_sha256"]) == {digest} and set(table["status"]) == {"ok"}


def test_one_owners_bad_rows_fail_only_that_owners_report(broken_team, tmp_path):
    path, rows = broken_team
    result = workbook_cli("report", path, "--by", "owner", "--out", tmp_path, "--jobs", "2")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the report of Ola Dahl failed" in result.stderr
    assert all(f"row {row}" in result.stderr for row in rows) and '"12,5 %"' in result.stderr
    manifest, _ = read_manifest(tmp_path)
    reports = {r["owner"] or r["kind"]: r for r in manifest["reports"]}
    assert reports["Ola Dahl"]["status"] == "failed" and reports["Ola Dahl"]["attempts"] == 1
    assert f"row {rows[0]}" in reports["Ola Dahl"]["error"]
    assert reports["Ingrid Berg"]["status"] == reports["team"]["status"] == "ok"
    assert not list(tmp_path.glob("ola-dahl.*")) and not list(tmp_path.glob(".*"))
    overview = (tmp_path / "team-overview.html").read_text(encoding="utf-8")
    assert "Left out: Ola Dahl" in overview and f"row {rows[1]}" in overview


def test_report_parameters_change_the_figures(small_team, tmp_path):
    result = workbook_cli(
        "report",
        small_team,
        "--out",
        tmp_path,
        "--jobs",
        "1",
        "-p",
        "owner",
        "Ola Dahl",
        "-p",
        "a",
        "0.3",
        "-p",
        "metric",
        "gross_profit",
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "ola-dahl.html").read_text(encoding="utf-8")
    assert_offline_and_clean(page)
    assert "Ranked by gross profit: A = the top 30% of your accounts" in page
    figures = figures_of(small_team, "Ola Dahl", metric="gross_profit")
    assert f"{figures.top20_share:.1%}" in page and "Total gross profit" in page
    tiers = workbook.tier_summary(
        workbook.assign_tiers(
            select_owner(workbook.load_accounts(small_team), "Ola Dahl"),
            metric="gross_profit",
            a=0.3,
        ),
        "gross_profit",
    )
    assert re.search(rf">{int(tiers.at['A', 'accounts'])}</td>", page)
    manifest, _ = read_manifest(tmp_path)
    assert manifest["parameters"] == {"owner": "Ola Dahl", "a": 0.3, "metric": "gross_profit"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["-p", "alpha", "0.3"],
            "unknown parameter 'alpha': the reports take a, allocation, b, c, holidays, "
            "hourly_cost",
        ),
        (["-p", "a", "lots"], "parameter a must be a number"),
        (["--by", "owner", "-p", "owner", "Ola Dahl"], "set by the command"),
        (["--jobs", "0"], "--jobs must be 1 or more"),
        (["--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"], "do not go together"),
    ],
)
def test_a_wrong_parameter_is_a_command_line_error(small_team, tmp_path, args, words):
    result = workbook_cli("report", small_team, "--out", tmp_path / "out", *args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
