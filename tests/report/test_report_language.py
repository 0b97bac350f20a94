"""The reports speak the chosen language: written for real in the pseudo-language, every text a
reader of the report or the team overview sees comes out marked (the report's sentences,
tables' headings, notes and the notebook's Markdown), apart from the data's own words."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from pseudo import untranslated, visible_text
from report_files import OWNERS, team_rows, workbook_cli

from workbook import paths
from workbook.i18n import pseudo as in_pseudo
from workbook.loading import load

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]

#: Dates are formatted by Babel in the pseudo-language's English locale: its month names stay.
MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
PIN_REASON = "reference customer"


def left_untranslated(page: str, allowed: set[str]) -> dict[str, list[str]]:
    """Return each line of a page's visible text with the English words it shows untranslated."""
    left = {}
    for line in visible_text(page).splitlines():
        words = [w for w in untranslated(line, allowed) if w not in MONTHS]
        if words:
            left[" ".join(line.split())[:160]] = words
    return left


def assert_translated(page: str, allowed: set[str]):
    left = left_untranslated(page, allowed)
    assert not left, "\n".join(f"{words}: {line}" for line, words in left.items())


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """The sample's report in the pseudo-language, with a pin and a previous period, so that
    every section has something to say."""
    folder = tmp_path_factory.mktemp("qps")
    pins = folder / "pins.csv"
    pins.write_text(f"account_id,tier,reason\n00102,A,{PIN_REASON}\n", encoding="utf-8")
    earlier = folder / "earlier.csv"
    pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype=str).iloc[20:].to_csv(earlier, index=False)
    out = folder / "out"
    result = workbook_cli(
        "report",
        paths.SAMPLE_ACCOUNTS,
        "--out",
        out,
        "--jobs",
        "1",
        "--language",
        "qps",
        "--pins",
        pins,
        "--compare",
        earlier,
    )
    return result, out


def test_every_text_of_a_report_is_translated(sample_run):
    result, out = sample_run
    assert result.returncode == 0, result.stderr
    page = (out / "sample-accounts.html").read_text(encoding="utf-8")
    assert '<html lang="qps">' in page
    for section in ("Key figures", "Pinned accounts", "Since last period", "Your top actions"):
        assert section not in page  # each is there, in the pseudo-language
    assert in_pseudo("Pinned accounts") in page and in_pseudo("Since last period") in page
    serving = in_pseudo("Serving your accounts costs {total} in the period").split("{total}")
    assert re.search(re.escape(serving[0]) + r"[\d,]+" + re.escape(serving[1][:-1]), page)
    sample = load(paths.SAMPLE_ACCOUNTS).accounts
    allowed = {*sample["account"], *sample["owner"].dropna(), PIN_REASON}
    allowed |= {"sample_accounts", "earlier", "csv"}  # the files' names
    assert_translated(page, allowed)


@pytest.fixture(scope="module")
def team_run(small_team, tmp_path_factory):
    out = tmp_path_factory.mktemp("qps-team")
    result = workbook_cli(
        "report", small_team, "--by", "owner", "--out", out, "--jobs", "2", "--language", "qps"
    )
    return result, out


def test_every_text_of_the_team_overview_and_its_reports_is_translated(team_run):
    result, out = team_run
    assert result.returncode == 0, result.stderr
    team = team_rows(OWNERS)
    allowed = {*team["account"], *team["owner"], "small_team", "csv"}
    overview = (out / "team-overview.html").read_text(encoding="utf-8")
    assert in_pseudo("Team overview") in overview and "Team overview" not in overview
    for owner in OWNERS:
        assert owner in overview
    assert_translated(overview, allowed)
    for owner in OWNERS:
        page = (out / f"{owner.lower().replace(' ', '-')}.html").read_text(encoding="utf-8")
        assert_translated(page, allowed)
