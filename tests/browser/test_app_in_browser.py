"""The Voilà app in a real headless Chromium, served as ``make app`` serves it.

What a trainer and a room of participants would do: open the page, go through the course (guess,
see the figure, read the panel, reflect), write a plan and download it, reload, move a slider,
upload a Norwegian export, upload a broken file, two people at once. Screenshots of each step are
saved in tests/artifacts/ to look at.
"""

from __future__ import annotations

import json
import re
import statistics
import urllib.error
import urllib.request

import pytest
import visits
from playwright.sync_api import expect
from visits import FIRST_CHART, STEPS

from workbook import paths

pytestmark = [pytest.mark.browser, pytest.mark.slow]


#: How many charts each step shows on the sample once guessed (each is checked to draw them).
CHARTS_PER_STEP = {
    "Your accounts": 1,
    "Pareto curve": 2,
    "Tiers": 2,
    "Your time": 2,
    "What C costs": 2,
    "Growth in B": 1,
    "Your week": 4,  # the plan, how A follows value, today against the plan, the accounts
    "Your plan": 0,
}
first_step_seconds: list[float] = []


def timed_visit(browser, url: str) -> visits.Visit:
    """Open the app as a participant; count the seconds until its first step can be used."""
    return visits.Visit(browser, url, first_step_seconds)


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
def report_first_step_times(artifacts):
    yield
    (artifacts / "first-step-seconds.json").write_text(
        json.dumps(
            {
                "visits": [round(s, 2) for s in first_step_seconds],
                "median_after_first": round(statistics.median(first_step_seconds[1:]), 2)
                if len(first_step_seconds) > 1
                else None,
            },
            indent=2,
        )
    )


def pdf_pages(pdf: bytes) -> int:
    """Return the number of pages of a PDF (Chromium writes one ``/Type /Page`` each)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_participant_goes_through_the_course_and_takes_the_plan_home(
    sample_visit, browser, artifacts, tmp_path
):
    page = sample_visit.page
    first = sample_visit.step
    assert first.locator(FIRST_CHART).count() == 0, "no figure before the guess"
    for index, name in enumerate(STEPS):
        sample_visit.open_step(name)
        sample_visit.answer_guess(skip=name == "Pareto curve")
        step = sample_visit.step
        if CHARTS_PER_STEP[name]:
            step.locator(FIRST_CHART).nth(CHARTS_PER_STEP[name] - 1).wait_for(timeout=60_000)
        if name != "Your plan":
            reflection = step.locator("textarea").first
            reflection.fill(f"My reflection on {name}.")
            reflection.press("Tab")  # a person leaves the field; its answer is then kept
        page.screenshot(path=artifacts / f"step-{index + 1}.png", full_page=True)
    step = sample_visit.step
    step.get_by_placeholder("e.g. Book a business review").first.fill("Book a business review")
    step.get_by_placeholder("with which accounts").first.fill("Havnelektro AS")
    step.locator("input[type=date]").first.fill("2026-12-18")
    step.get_by_placeholder("e.g. Driving out for small complaints", exact=False).fill(
        "Driving out for small complaints."
    )
    step.get_by_placeholder("e.g. Hours on A accounts", exact=False).fill("My hours on A.")
    step.get_by_placeholder("e.g. Hours on A accounts", exact=False).press("Tab")
    files = {}
    for label in (
        "Download my plan (HTML)",
        "Download calendar (.ics)",
        "Download tier list (CSV)",
    ):
        with page.expect_download(timeout=60_000) as download:
            step.get_by_role("button", name=label).click()
        path = tmp_path / download.value.suggested_filename
        download.value.save_as(path)
        files[label] = path
    plan = files["Download my plan (HTML)"].read_text(encoding="utf-8")
    for words in (
        "Book a business review",
        "Havnelektro AS",
        "18 Dec 2026",
        "Driving out for small complaints.",
        "My hours on A.",
        "My reflection on Your accounts.",
        "your figure is 77%",
    ):
        assert words in plan, words
    assert files["Download calendar (.ics)"].read_text().startswith("BEGIN:VCALENDAR")
    assert "account_id" in files["Download tier list (CSV)"].read_text(encoding="utf-8-sig")
    # the plan is one page of its own: nothing from outside, at most two A4 pages on paper
    viewer = browser.new_context()
    try:
        sheet = viewer.new_page()
        outside = []
        sheet.on("request", lambda r: r.url.startswith("file:") or outside.append(r.url))
        sheet.goto(files["Download my plan (HTML)"].as_uri())
        assert outside == []
        pdf = sheet.pdf(format="A4")
        (artifacts / "my-plan.pdf").write_bytes(pdf)
        assert 1 <= pdf_pages(pdf) <= 2
    finally:
        viewer.close()
    assert sample_visit.outside == []
    body = sample_visit.text()
    assert "Traceback" not in body and "Something went wrong" not in body


def test_a_reload_keeps_the_answers_and_the_plan(sample_visit, browser, app_url, artifacts):
    # the same browser, a new page; it opens on the step the participant left (not the first)
    again = visits.Visit(
        browser, app_url, context=sample_visit.context, wait_for="text=Welcome back"
    )
    try:
        again.open_step("Your accounts")
        expect(again.step.locator("textarea").first).to_have_value(
            "My reflection on Your accounts.", timeout=30_000
        )
        assert "your figure is 77%" in again.step.inner_text()
        again.open_step("Your plan")
        expect(again.step.get_by_placeholder("e.g. Book a business review").first).to_have_value(
            "Book a business review", timeout=30_000
        )
        again.page.screenshot(path=artifacts / "after-reload.png", full_page=True)
    finally:
        again.page.close()


def test_a_slider_moves_the_tier_bands_and_the_counts(sample_visit, artifacts):
    page = sample_visit.page
    sample_visit.open_step("Tiers")
    sample_visit.answer_guess(skip=True)
    panel = sample_visit.step
    headline = panel.locator(".wb-figure", has_text="of 250)").first
    expect(headline).to_contain_text("(50 of 250)", timeout=20_000)
    bands = panel.locator(".vega-embed").first  # the Pareto curve with the tier bands
    before = bands.inner_html()
    handle = panel.locator(".widget-slider", has_text="A: top accounts").locator(".noUi-handle")
    handle.focus()
    for _ in range(5):  # 20% -> 25% of accounts in A
        page.keyboard.press("ArrowRight")
    expect(headline).to_contain_text("(63 of 250)", timeout=20_000)  # re-queried: HTML is replaced
    page.wait_for_function(
        "([el, old]) => el.innerHTML !== old", arg=[bands.element_handle(), before], timeout=20_000
    )
    page.screenshot(path=artifacts / "tiers-after-slider.png", full_page=True)


def test_a_norwegian_export_shows_its_accounts(norwegian_visit, artifacts):
    before = norwegian_visit.step.element_handle()
    norwegian_visit.upload(paths.SAMPLE_ORDERS_NB)
    norwegian_visit.page.get_by_text("sample_orders_nb.csv: 150 accounts").wait_for(timeout=60_000)
    # the steps are made anew for the new file: wait until the old ones have left the page
    norwegian_visit.page.wait_for_function("el => !el.isConnected", arg=before, timeout=60_000)
    norwegian_visit.answer_guess()
    expect(norwegian_visit.step.locator(".wb-figure", has_text="of 150)").first).to_contain_text(
        "(30 of 150)"
    )
    norwegian_visit.page.screenshot(path=artifacts / "upload-norwegian.png", full_page=True)


def test_the_tiers_step_shows_what_changed_since_last_period(norwegian_visit, artifacts):
    """Order lines (uploaded just before) compare their two years in the tiers step."""
    norwegian_visit.open_step("Tiers")
    norwegian_visit.answer_guess()
    step = norwegian_visit.step
    step.locator(FIRST_CHART).nth(3).wait_for(timeout=60_000)  # the tiers' 2, matrix, waterfall
    expect(step.get_by_text("moved up a tier", exact=False).first).to_be_visible()
    assert "Accounts that moved up or down a tier" in step.inner_text()
    norwegian_visit.page.screenshot(path=artifacts / "since-last-period.png", full_page=True)
    assert norwegian_visit.outside == []


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
        other.open_step("Your accounts")
        assert "My reflection" not in other.text()  # nobody else's answers either
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
    assert "wb-first-view" in picture and "top 20% of accounts bring" in picture  # the guess
    assert "<svg" not in picture  # no figure before the guess
    outputs = page.split('type="application/vnd.voila.cell-output+json">')[1:]
    assert outputs and all('"text/html"' not in output.split("</script>")[0] for output in outputs)


def test_a_page_that_takes_too_long_to_start_says_to_reload_it(browser, app_url):
    """The widgets' scripts never arrive (held back here): after a minute and a half of the
    page's own clock the note says what to do instead of "no need to reload"."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.install()
        page.route("**/voila/static/**", lambda route: route.abort())
        page.goto(app_url, wait_until="domcontentloaded")
        note = page.locator("#loading .wb-starting-note")
        expect(note).to_contain_text("there is no need to reload", timeout=120_000)
        page.clock.run_for(91_000)
        expect(note).to_contain_text("If nothing changes within a minute, reload the page")
    finally:
        context.close()


def test_every_text_on_the_page_is_translated(browser, app_url, artifacts):
    """In the pseudo-language (asked for in the address, as a trainer's link asks for nb), every
    text of every step's page, once the page is live, comes out marked; only data words are left."""
    from pseudo import data_words, untranslated

    from workbook.i18n import PSEUDO_OPEN, _, use_language
    from workbook.loading import load

    with use_language("qps"):
        check, skip, names = _("Check my guess"), _("Skip the guess"), steps_in_qps()
    joiner = "&" if "?" in app_url else "?"
    visit = visits.Visit(
        browser, f"{app_url}{joiner}language=qps", wait_for=f"button:has-text('{check}')"
    )
    try:
        allowed = data_words(load(paths.SAMPLE_ACCOUNTS).accounts) | {"sample_accounts"}
        allowed |= {"ABC"}  # a chart's legend of the tier letters, read as one line
        # Dates are Babel's, in the pseudo-language's (English) locale: "7 Dec 2026".
        allowed |= {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"}
        allowed |= {"Dec"}
        left = {}
        for number, name in enumerate(names, start=1):
            visit.page.get_by_role("tab", name=f"{number} {name}").click()
            skipping = visit.step.get_by_role("button", name=skip)
            if skipping.count() and skipping.first.is_visible():
                skipping.first.click()  # the figure and the panel, not only the question
            visit.page.wait_for_timeout(1500)
            text = visit.step.inner_text()
            assert PSEUDO_OPEN in text, name
            for line in text.splitlines():
                words = untranslated(line, allowed)
                if words:
                    left[line.strip()[:120]] = words
        visit.page.screenshot(path=str(artifacts / "app-pseudo-language.png"), full_page=True)
        assert not left, "\n".join(f"{words}: {line}" for line, words in left.items())
    finally:
        visit.close()


def steps_in_qps() -> list[str]:
    from workbook.widgets.app import steps

    return steps()


def test_an_address_in_another_language_gets_the_page_s_own_texts_in_it(browser, app_url):
    """The server speaks English; a trainer's ?language=nb link gets the starting page in
    Norwegian, without the picture of the first view drawn in English."""
    from workbook.i18n import _, use_language

    with use_language("nb"):
        starting, check = _("Your workbook is starting …"), _("Check my guess")
    joiner = "&" if "?" in app_url else "?"
    visit = visits.Visit(
        browser,
        f"{app_url}{joiner}language=nb",
        wait_for=f"button:has-text('{check}')",
    )
    try:
        assert visit.page.evaluate("window.wb_texts.starting") == starting
        assert visit.page.evaluate("document.documentElement.lang") == "nb-NO"
        assert not visit.page.locator("#wb-first-view *").count()  # no English picture
    finally:
        visit.close()
