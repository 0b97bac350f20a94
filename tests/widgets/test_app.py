"""The app in the kernel: the course's rhythm (guess, figure, panel, reflect), the steps following
the tiers, uploads, the plan and what is kept in the participant's browser."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from workbook import paths
from workbook.coaching.lessons import LESSONS
from workbook.widgets import WorkbookApp

KEYS = [lesson.key for lesson in LESSONS]


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


def open_step(app: WorkbookApp, key: str, *, guess: float | None = None):
    """Open a step and answer its guess (``None``: skip it); return the step."""
    app.tabs.selected_index = KEYS.index(key)
    step = app.lessons[key]
    if guess is None:
        step.skip.click()
    else:
        step.slider.value = guess
        step.check.click()
    return step


@pytest.fixture()
def app():
    return WorkbookApp()


class Browser:
    """What a participant's browser keeps: the app's BrowserStore talks to it by messages."""

    def __init__(self):
        self.kept: dict[str, str] = {}

    def connect(self, app: WorkbookApp) -> None:
        store = app.store
        store.send = lambda content, buffers=None: self._receive(store, content)
        store._handle_custom_msg({"op": "ready", "search": ""}, [])

    def _receive(self, store, content: dict) -> None:
        if content["op"] == "read":
            value = self.kept.get(content["key"], "")
            store._handle_custom_msg({"op": "loaded", "key": content["key"], "value": value}, [])
        elif content["op"] == "write":
            self.kept[content["key"]] = content["value"]
        elif content["op"] == "remove":
            self.kept.pop(content["key"], None)


def test_no_figure_is_shown_before_the_guess(app):
    step = app.lessons["accounts"]
    assert app.panels == {} and step.body.children == ()
    assert "top 20% of accounts bring" in step.prompt.value
    step.slider.value = 0.5
    step.check.click()
    assert "You guessed 50%; your figure is 77%" in step.answer.value
    assert "(50 of 250)" in app.panels["accounts"].headline.value
    assert step.reflect.layout.display is None  # the reflection comes after the figure


def test_a_skipped_guess_shows_the_figure_without_a_comparison(app):
    step = open_step(app, "pareto")
    assert "Your figure: 23%" in step.answer.value and "guessed" not in step.answer.value


def test_each_step_opens_without_errors(app):
    for key in KEYS:
        open_step(app, key)
        assert app.message.value == "", key
    assert "The plan fits" in app.panels["week"].headline.value


def test_the_other_steps_follow_the_tier_sliders_when_opened(app):
    open_step(app, "week")
    open_step(app, "tiers")
    app.panels["tiers"].sliders["a"].value = 0.3
    app.tabs.selected_index = KEYS.index("week")  # opening it again brings it up to date
    assert app.panels["week"].plan.tiers.loc["A", "accounts"] == 75
    open_step(app, "accounts")
    app.tabs.selected_index = 0
    assert "(75 of 250)" in app.panels["accounts"].headline.value


def test_a_norwegian_export_is_read_and_shown(app):
    upload(app, "kunder.csv", paths.SAMPLE_ORDERS_NB.read_bytes())
    assert "kunder.csv: 150 accounts, read as order lines" in app.upload.summary.value
    assert "Beløp → revenue" in app.upload.columns.value
    open_step(app, "accounts")
    assert "(30 of 150)" in app.panels["accounts"].headline.value
    assert open_step(app, "time").answered  # order lines have no hours: the step still goes on


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
    open_step(app, "accounts")
    assert "(50 of 250)" in app.panels["accounts"].headline.value


def test_a_file_over_the_size_limit_is_refused_with_a_message(app, monkeypatch):
    monkeypatch.setattr("workbook.widgets.upload.MAX_UPLOAD_MB", 0.0001)
    upload(app, "huge.csv", b"Customer;Revenue\n" + b"X AS;1\n" * 100)
    assert "huge.csv" in app.upload.message.value and "MB" in app.upload.message.value


def test_ranking_by_profit_reaches_the_steps_that_measure_value(app):
    open_step(app, "pareto")
    open_step(app, "time")
    open_step(app, "tiers")
    app.panels["tiers"].metric.value = "gross_profit"
    app.tabs.selected_index = KEYS.index("pareto")
    assert "of your gross profit" in app.panels["pareto"].headline.value
    app.tabs.selected_index = KEYS.index("time")
    assert app.panels["time"].today.metric == "gross_profit"


def test_the_plan_gathers_the_steps_and_the_participant_s_own_words(app):
    open_step(app, "accounts", guess=0.6)
    app.lessons["accounts"].reflection.value = "I visit whoever calls first."
    open_step(app, "growth")
    open_step(app, "cost")
    open_step(app, "week")
    app.panels["week"].service.fields["C", "channel"].value = "web shop"
    step = open_step(app, "plan")
    what = app.plan_step.rows[0][1]
    what["what"].value = "Book a business review"
    what["accounts"].value = "Havnelektro AS"
    what["by"].value = dt.date(2026, 12, 18)
    app.plan_step.stop.value = "Lunch visits to favourites."
    app.plan_step.check.value = "Hours on A in my calendar."
    assert "You guessed 60%; your figure is 77%" in app.plan_step.found.value
    labels = [d.label for d in app.plan_step.downloads]
    assert labels == [
        "Download my plan (HTML)",
        "Download calendar (.ics)",
        "Download tier list (CSV)",
    ]
    name, page = app.plan_step.downloads[0].content()
    text = page.decode()
    assert name == "kari-nordmann-plan.html"
    for words in (
        "Book a business review",
        "Havnelektro AS",
        "18 Dec 2026",
        "Lunch visits to favourites.",
        "Hours on A in my calendar.",
        "I visit whoever calls first.",
        "web shop",
        "You guessed 60%; your figure is 77%",
    ):
        assert words in text, words
    assert "http" not in text and "<script" not in text  # one page, nothing from outside
    assert step.answered


def test_answers_and_settings_come_back_after_a_reload_of_the_same_file():
    browser = Browser()
    first = WorkbookApp()
    browser.connect(first)
    open_step(first, "accounts", guess=0.4)
    first.lessons["accounts"].reflection.value = "Habit decides."
    open_step(first, "tiers")
    first.panels["tiers"].sliders["c"].value = 0.3
    open_step(first, "plan")
    first.plan_step.rows[0][1]["what"].value = "Call Havnelektro AS"
    [key] = browser.kept
    assert json.loads(browser.kept[key])["tiers"]["c"] == 0.3

    again = WorkbookApp()  # a reload: a new kernel, the same browser
    browser.connect(again)
    step = again.lessons["accounts"]
    assert step.answered and step.slider.value == pytest.approx(0.4)
    assert step.reflection.value == "Habit decides."
    assert again.tier_settings.c == 0.3
    assert again.plan_step.rows[0][1]["what"].value == "Call Havnelektro AS"
    assert "Welcome back" in again.welcome.value
    assert again.tabs.selected_index == KEYS.index("plan")

    again.start_over.click()
    assert browser.kept == {} and not again.lessons["accounts"].answered
    assert again.tier_settings.c == 0.25


def test_another_file_starts_fresh_and_the_first_file_s_answers_stay_kept():
    browser = Browser()
    app = WorkbookApp()
    browser.connect(app)
    open_step(app, "accounts", guess=0.4)
    upload(app, "kunder.csv", paths.SAMPLE_ORDERS_NB.read_bytes())
    assert not app.lessons["accounts"].answered
    assert len(browser.kept) == 1  # nothing kept yet for kunder.csv: it was only opened


def test_the_address_can_ask_for_norwegian():
    app = WorkbookApp()
    app.store._handle_custom_msg({"op": "ready", "search": "?language=nb"}, [])
    assert app.language.value == "nb"


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
    assert "Account Focus Workbook" in picture and "Step 1" in picture
    assert "top 20% of accounts bring" in picture  # the first step's guess
    assert "<svg" not in picture  # no figure before the guess, in the picture either
    assert "<button" not in picture and "<input" not in picture  # nothing to click on


def test_the_rota_s_holidays_and_summer_break_are_parameters_of_the_app():
    """As in a report run (-p holidays SE): the app's notebook parameters reach the visit rota."""
    default = WorkbookApp()
    open_step(default, "week")
    assert default.panels["week"].rota.holidays  # Norway's, by default
    summer = default.panels["week"].rota.weeks.set_index("iso_week")["working_days"]
    assert (summer.loc[[28, 29, 30]] == 0).all()  # the fellesferie, by default

    none = WorkbookApp(holidays="none", summer_break="none")
    open_step(none, "week")
    assert none.panels["week"].rota.holidays == {}
    working = none.panels["week"].rota.weeks.set_index("iso_week")["working_days"]
    assert (working.loc[[28, 29, 30]] == 5).all()
