"""The Voilà app in a real headless Chromium, served as ``make app`` serves it.

What a trainer and a room of participants would do: open the page, go through the steps, move a
slider, upload a Norwegian export, upload a broken file, two people at once. Screenshots of each
step are saved in tests/artifacts/ to look at.
"""

from __future__ import annotations

import json
import statistics
import urllib.error
import urllib.request

import pytest
import visits
from playwright.sync_api import expect

from workbook import paths
from workbook.widgets.app import STEPS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: How many charts each step shows on the sample (the step is checked to draw them all).
CHARTS_PER_STEP = {
    "Your accounts": 1,
    "Pareto curve": 2,
    "Tiers": 2,
    "Your time": 2,
    "What C costs": 2,
    "Growth in B": 1,
    "Your week": 2,
}
first_chart_seconds: list[float] = []
CHART = ".vega-embed svg, .wb-chart svg"


def timed_visit(browser, url: str) -> visits.Visit:
    """Open the app as a participant; count the seconds to its first chart."""
    return visits.Visit(browser, url, first_chart_seconds)


@pytest.fixture(scope="module")
def sample_visit(browser, app_url):
    visit = timed_visit(browser, app_url)
    yield visit
    visit.close()


@pytest.fixture(scope="module")
def norwegian_visit(browser, app_url):
    visit = timed_visit(browser, app_url)
    yield visit
    visit.close()


@pytest.fixture(scope="module", autouse=True)
def report_first_chart_times(artifacts):
    yield
    (artifacts / "first-chart-seconds.json").write_text(
        json.dumps(
            {
                "visits": [round(s, 2) for s in first_chart_seconds],
                "median_after_first": round(statistics.median(first_chart_seconds[1:]), 2)
                if len(first_chart_seconds) > 1
                else None,
            },
            indent=2,
        )
    )


def test_every_step_draws_its_charts_with_nothing_fetched_from_outside(sample_visit, artifacts):
    page = sample_visit.page
    for index, step in enumerate(STEPS):
        sample_visit.open_step(step)
        panel = sample_visit.panel()
        panel.locator(CHART).nth(CHARTS_PER_STEP[step] - 1).wait_for(timeout=60_000)
        assert panel.locator(CHART).count() >= CHARTS_PER_STEP[step], step
        page.screenshot(path=artifacts / f"step-{index + 1}.png", full_page=True)
    assert sample_visit.outside == []
    body = sample_visit.text()
    assert "Traceback" not in body and "Something went wrong" not in body


def test_a_slider_moves_the_tier_bands_and_the_counts(sample_visit, artifacts):
    page = sample_visit.page
    sample_visit.open_step("Tiers")
    panel = sample_visit.panel()
    headline = panel.locator(".wb-figure").first
    assert "(50 of 250)" in headline.inner_text()
    bands = panel.locator(".vega-embed").first  # the Pareto curve with the tier bands
    before = bands.inner_html()
    handle = panel.locator(".widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(5):  # 20% -> 25% of accounts in A
        page.keyboard.press("ArrowRight")
    expect(headline).to_contain_text("(63 of 250)", timeout=20_000)  # re-queried: HTML is replaced
    page.wait_for_function(
        "([el, old]) => el.innerHTML !== old", arg=[bands.element_handle(), before], timeout=20_000
    )
    page.screenshot(path=artifacts / "tiers-after-slider.png", full_page=True)


def test_a_norwegian_export_shows_its_accounts(norwegian_visit, artifacts):
    norwegian_visit.upload(paths.SAMPLE_ORDERS_NB)
    norwegian_visit.page.get_by_text("sample_orders_nb.csv: 150 accounts").wait_for(timeout=60_000)
    expect(norwegian_visit.page.locator(".wb-figure").first).to_contain_text("(30 of 150)")
    norwegian_visit.page.screenshot(path=artifacts / "upload-norwegian.png", full_page=True)


def test_a_broken_file_names_row_and_column_and_the_app_keeps_working(
    norwegian_visit, tmp_path, artifacts
):
    broken = tmp_path / "broken-export.csv"
    broken.write_text(
        "Kunde;Omsetning\nFjordbakeri AS;1 234,50\nBerg AS;#VALUE!\n", encoding="utf-8"
    )
    norwegian_visit.upload(broken)
    page = norwegian_visit.page
    page.get_by_text("#VALUE!").first.wait_for(timeout=60_000)
    message = page.locator(".wb-error").first.inner_text()
    assert "row 3" in message and "Omsetning" in message and "broken-export.csv" in message
    page.screenshot(path=artifacts / "upload-broken.png", full_page=True)
    good = tmp_path / "fixed-export.csv"
    good.write_text("Kunde;Omsetning\nFjordbakeri AS;1 234,50\nBerg AS;500\n", encoding="utf-8")
    norwegian_visit.upload(good)
    page.get_by_text("fixed-export.csv: 2 accounts").wait_for(timeout=60_000)
    assert "Traceback" not in norwegian_visit.text()


def test_two_participants_see_only_their_own_data(norwegian_visit, browser, app_url, tmp_path):
    mine = tmp_path / "my-customers.csv"
    mine.write_text("Customer,Revenue\nPrivate Client One AS,900\nPrivate Client Two AS,100\n")
    other = timed_visit(browser, app_url)
    try:
        other.upload(mine)
        other.page.get_by_text("my-customers.csv: 2 accounts").wait_for(timeout=60_000)
        assert "fixed-export.csv" not in other.text() and "Fjordbakeri" not in other.text()
        assert "Private Client" not in norwegian_visit.text()
        assert "my-customers.csv" not in norwegian_visit.text()
    finally:
        other.close()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_files_route_serves_no_data_files(app_url):
    secret = paths.NOTEBOOKS_DIR / "_probe-customers.csv"
    secret.write_text("Customer,Revenue\nSecret AS,1\n")
    try:
        for path in (
            "voila/files/_probe-customers.csv",
            "voila/files/app.ipynb",
            "voila/files/../data/sample_accounts.csv",
            "voila/files/%2e%2e/README.md",
            "voila/files/../workbook/paths.py",
        ):
            assert status_of(f"{app_url}/{path}") != 200, path
    finally:
        secret.unlink()


def test_a_file_over_the_limit_is_refused_in_the_browser(sample_visit, tmp_path):
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as out:
        out.write(b"Customer,Revenue\n")
        out.truncate(51 * 1024 * 1024)
    summary_before = sample_visit.page.locator(".wb-success").first.inner_text()
    sample_visit.upload(huge)
    note = sample_visit.page.locator("#wb-upload-note")
    note.wait_for(state="visible", timeout=10_000)
    assert "up to 50 MB" in note.inner_text()
    assert sample_visit.page.locator(".wb-success").first.inner_text() == summary_before


def test_the_page_says_the_workbook_is_starting_and_brings_a_picture_of_the_first_view(app_url):
    with urllib.request.urlopen(app_url, timeout=120) as response:  # takes a kernel of the pool
        page = response.read().decode()
    assert "Your workbook is starting" in page and "Executing 1 of" not in page
    picture = page.split("<template>", 1)[1].split("</template>", 1)[0]
    assert "wb-first-view" in picture and "<svg" in picture and "(50 of 250)" in picture
    outputs = page.split('type="application/vnd.voila.cell-output+json">')[1:]
    assert outputs and all('"text/html"' not in output.split("</script>")[0] for output in outputs)
