"""The app in the kernel: upload, mistakes shown with row and column, steps built when opened."""

import datetime as dt

import pytest

from workbook import paths
from workbook.widgets import WorkbookApp
from workbook.widgets.app import STEPS


def upload(app: WorkbookApp, name: str, content: bytes) -> None:
    """Do what the browser does when a file is chosen in the upload widget."""
    app.upload.upload.value = (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime.now(dt.UTC),
        },
    )


@pytest.fixture()
def app():
    return WorkbookApp()


def test_opens_on_the_sample_with_the_first_step_ready(app):
    assert "sample_accounts.csv: 250 accounts" in app.upload.summary.value
    assert "Your top 20% of accounts (50 of 250)" in app.panels["Your accounts"].headline.value
    assert set(app.panels) == {"Your accounts"}  # the other steps are built when opened
    assert [app.tabs.get_title(i) for i in range(len(STEPS))][2] == "3 Tiers"


def test_each_step_opens_without_errors(app):
    for index, name in enumerate(STEPS):
        app.tabs.selected_index = index
        assert name in app.panels
        assert app.message.value == ""
    assert "The plan fits" in app.panels["Your week"].headline.value


def test_the_other_steps_follow_the_tier_sliders_when_opened(app):
    app.tabs.selected_index = STEPS.index("Your week")
    app.tabs.selected_index = STEPS.index("Tiers")
    app.panels["Tiers"].sliders["a"].value = 0.3
    app.tabs.selected_index = STEPS.index("Your week")  # opening it again brings it up to date
    assert app.panels["Your week"].plan.tiers.loc["A", "accounts"] == 75
    app.tabs.selected_index = 0
    assert "(75 of 250)" in app.panels["Your accounts"].headline.value


def test_a_norwegian_export_is_read_and_shown(app):
    upload(app, "kunder.csv", paths.SAMPLE_ORDERS_NB.read_bytes())
    assert "kunder.csv: 150 accounts, read as order lines" in app.upload.summary.value
    assert "Beløp → revenue" in app.upload.columns.value
    assert "(30 of 150)" in app.panels["Your accounts"].headline.value


def test_a_broken_file_is_a_message_naming_row_and_column_and_the_app_still_works(app):
    upload(app, "broken.csv", b"Customer;Revenue\nFjordbakeri AS;1 234,50\nBerg AS;ca. 500 000\n")
    message = app.upload.message.value
    assert "broken.csv" in message and "row 3" in message and "ca. 500 000" in message
    assert "Traceback" not in message
    assert "sample_accounts.csv" in app.upload.summary.value  # still showing the last good file
    upload(app, "good.csv", b"Customer;Revenue\nFjordbakeri AS;1 234,50\nBerg AS;500 000\n")
    assert "good.csv: 2 accounts" in app.upload.summary.value
    assert app.upload.message.value == ""


def test_the_column_mapping_can_be_corrected(app):
    upload(app, "odd.csv", b"Name;Turnover;Tall\nA AS;100;5\nB AS;50;7\nC AS;10;9\n")
    app.upload.fix.selected_index = 0  # open "Correct the columns"
    app.upload._choices["visits"].value = "Tall"
    app.upload.apply.click()
    assert "Tall → visits" in app.upload.columns.value


def test_a_team_file_offers_to_pick_a_salesperson(app):
    app.upload.load(paths.SAMPLE_TEAM)
    assert app.owner.layout.display is None
    app.owner.value = "Lars Haugen"
    assert "(50 of 250)" in app.panels["Your accounts"].headline.value


def test_a_file_over_the_size_limit_is_refused_with_a_message(app, monkeypatch):
    monkeypatch.setattr("workbook.widgets.upload.MAX_UPLOAD_MB", 0.0001)
    upload(app, "huge.csv", b"Customer;Revenue\n" + b"X AS;1\n" * 100)
    assert "huge.csv" in app.upload.message.value and "MB" in app.upload.message.value


def test_ranking_by_profit_reaches_the_steps_that_measure_value(app):
    app.tabs.selected_index = STEPS.index("Pareto curve")
    app.tabs.selected_index = STEPS.index("Your time")
    app.tabs.selected_index = STEPS.index("Tiers")
    app.panels["Tiers"].metric.value = "gross_profit"
    app.tabs.selected_index = STEPS.index("Pareto curve")
    assert "of your gross profit" in app.panels["Pareto curve"].headline.value
    app.tabs.selected_index = STEPS.index("Your time")
    assert app.panels["Your time"].today.metric == "gross_profit"


def test_a_file_that_needs_more_memory_than_the_workbook_may_use_is_refused_clearly(
    app, monkeypatch
):
    def run_out_of_memory(*args, **kwargs):  # what an exhausted kernel's loader raises
        try:
            raise MemoryError
        except MemoryError:
            raise ValueError("cannot be read as an Excel workbook (MemoryError: )") from None

    monkeypatch.setenv("WORKBOOK_KERNEL_MEMORY_MB", "300")
    monkeypatch.setattr("workbook.loading.load", run_out_of_memory)
    upload(app, "everything-ever.xlsx", b"PK\x03\x04 not read")
    message = app.upload.message.value
    assert "everything-ever.xlsx needs more memory than a participant" in message
    assert "300 MB" in message and "wb-error" in message
    assert app.upload.status.value == ""  # no longer "Reading …"
    assert "sample_accounts.csv: 250 accounts" in app.upload.summary.value  # goes on as before


def test_the_page_gets_a_picture_of_the_first_view_with_the_widgets(app):
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    picture = bundle["text/html"]
    assert "Account Focus Workbook" in picture and "<svg" in picture
    assert "(50 of 250)" in picture and "Havnelekt" in picture  # headline, biggest accounts
    assert "<button" not in picture and "<input" not in picture  # nothing to click on
