"""Pins in the tier panel (and everything that takes the panel's tiers), the 'since last period'
panel in the app and the notebooks, and pins carried through the course."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbook import paths
from workbook.analysis import tier_summary
from workbook.coaching.lessons import LESSONS
from workbook.settings import TierSettings
from workbook.widgets import TierPanel, WorkbookApp, guide
from workbook.widgets.change import ChangePanel

KEYS = [lesson.key for lesson in LESSONS]


def open_step(app: WorkbookApp, key: str):
    """Open a step of the app and skip its guess, so its panel shows."""
    app.tabs.selected_index = KEYS.index(key)
    step = app.lessons[key]
    if not step.answered:
        step.skip.click()
    return step


def uploaded(name: str, content: bytes) -> tuple[dict, ...]:
    """What the browser sends when a file is chosen in an upload widget."""
    return (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime.now(dt.UTC),
        },
    )


def smallest(sample: pd.DataFrame, n: int) -> list[str]:
    return sample.sort_values("revenue")["account_id"].head(n).tolist()


def pin(panel: TierPanel, account: str, tier: str, reason: str) -> None:
    editor = panel.pins
    editor.account.value, editor.tier.value, editor.reason.value = account, tier, reason
    editor.pin_button.click()


def test_a_pin_in_the_panel_moves_only_that_account_and_says_why(sample):
    panel = TierPanel(sample)
    before = panel.summary()["accounts"].tolist()
    small = sample.set_index("account_id").loc[smallest(sample, 1)[0], "account"]
    pin(panel, small, "A", "opening three new shops")
    assert "Pinned" in panel.pins.message.value
    assert panel.summary()["accounts"].tolist() == [before[0] + 1, before[1], before[2] - 1]
    assert "opening three new shops" in panel.headline.value
    assert "opening three new shops" in panel.pins.listing.value
    assert panel.settings.pins[0].tier == "A"


def test_the_panels_fast_path_stays_right_with_pins_as_sliders_and_metric_move(sample):
    ids = smallest(sample, 3)
    pins = [(ids[0], "A", "strategic"), (ids[1], "B", "new buyer"), (ids[2], "A", "reference")]
    panel = TierPanel(sample, pins=pins)
    for change in (
        lambda: None,
        lambda: setattr(panel.sliders["a"], "value", 0.35),
        lambda: setattr(panel.sliders["c"], "value", 0.1),
        lambda: setattr(panel.metric, "value", "gross_profit"),
        lambda: setattr(panel.method, "value", "value_share"),
        lambda: setattr(panel.sliders["a"], "value", 0.6),
    ):
        change()
        fast, slow = panel.summary(), tier_summary(panel.tiered(), panel.settings)
        assert fast["accounts"].tolist() == slow["accounts"].tolist()
        pd.testing.assert_frame_equal(fast, slow, check_exact=False, rtol=1e-9)
        assert panel.bars_chart.params.accounts_A == pytest.approx(fast.at["A", "account_share"])
        assert set(panel.tiered().query("pinned")["account_id"]) == set(ids)


def test_unpinning_puts_the_account_back_where_the_rule_puts_it(sample):
    ids = smallest(sample, 1)
    panel = TierPanel(sample, pins=[(ids[0], "A", "strategic")])
    panel.pins.unpin_choice.value = ids[0]
    panel.pins.unpin_button.click()
    assert panel.settings.pins == ()
    assert panel.summary()["accounts"].tolist() == TierPanel(sample).summary()["accounts"].tolist()


def test_an_account_that_is_not_there_or_a_pin_without_reason_is_a_message(sample):
    panel = TierPanel(sample)
    pin(panel, "No Such Customer AS", "A", "why")
    assert "There is no account No Such Customer AS" in panel.pins.message.value
    pin(panel, sample["account_id"].iloc[0], "A", "  ")
    assert "has no reason" in panel.pins.message.value
    assert panel.settings.pins == ()
    assert panel.message.value == ""


def test_the_app_follows_the_pins_into_the_plan_and_its_downloads():
    app = WorkbookApp()
    open_step(app, "tiers")
    tiers = app.panels["tiers"]
    a_before = tiers.summary().at["A", "accounts"]
    small = app.accounts.sort_values("revenue")["account"].iloc[0]
    pin(tiers, small, "A", "reference customer")
    open_step(app, "week")
    week = app.panels["week"]
    assert week.plan.tiers.loc["A", "accounts"] == a_before + 1
    row = week.tiered.set_index("account").loc[small]
    assert (row["tier"], bool(row["pinned"])) == ("A", True)
    listing = app._tier_list().set_index("account")
    assert listing.loc[small, ["tier", "pinned", "pin_reason"]].tolist() == [
        "A",
        True,
        "reference customer",
    ]
    assert app.state()["tiers"]["pins"][0]["reason"] == "reference customer"  # kept in the browser


def test_the_tiers_step_compares_order_lines_with_their_previous_year():
    app = WorkbookApp()
    app.upload.upload.value = uploaded("ordrer.csv", paths.SAMPLE_ORDERS_NB.read_bytes())
    open_step(app, "tiers")
    change = app.panels["change"]
    assert app.message.value == "" and change.message.value == ""
    assert change.view in app.lessons["tiers"].body.children  # below the tier panel
    assert "moved up a tier" in change.headline.value
    assert change.comparison.bridge.current == pytest.approx(60_213_350.83)
    assert "1 Nov 2024" in change.source.value
    # the button compares again with the tiers as the sliders have them now
    app.panels["tiers"].sliders["a"].value = 0.3
    change.again.click()
    assert change.comparison.settings.a == pytest.approx(0.3)
    # and coming back to the step shows the tiers as they are
    app.panels["tiers"].sliders["a"].value = 0.25
    open_step(app, "accounts")
    open_step(app, "tiers")
    assert app.panels["change"] is change and change.comparison.settings.a == pytest.approx(0.25)


def test_pins_of_another_salespersons_accounts_do_not_stop_the_app():
    app = WorkbookApp(str(paths.SAMPLE_ORDERS_NB))
    team = app.result.accounts
    kari = team.loc[team["owner"] == "Kari Nordmann", "account_id"].iloc[0]
    app.tiers = TierSettings(pins=[(kari, "A", "Kari's reference customer")])
    app.owner.value = "Per Hansen"
    open_step(app, "tiers")
    assert app.message.value == "" and app.panels["tiers"].settings.pins == ()


def test_an_account_list_asks_for_last_periods_file_and_reads_it(sample, tmp_path):
    panel = ChangePanel(sample.assign(revenue=sample["revenue"] * 1.05))
    assert "upload last period" in panel.headline.value
    assert panel.comparison is None
    panel.upload.value = uploaded("2025.csv", paths.SAMPLE_ACCOUNTS.read_bytes())
    assert panel.message.value == ""
    assert panel.comparison.previous_name == "2025.csv"
    assert panel.comparison.bridge.retained_change == pytest.approx(
        sample["revenue"].sum() * 0.05, abs=1
    )


def test_a_file_that_cannot_be_read_is_a_message_not_a_traceback(sample):
    panel = ChangePanel(sample)
    panel.upload.value = uploaded("bad.csv", b"Kunde;Omsetning\nFjord AS;tolv\n")
    assert "cannot be used" in panel.message.value
    assert "Traceback" not in panel.message.value


def test_pins_kept_in_03_reach_the_next_notebooks_and_foreign_ones_are_left_out(tmp_path, sample):
    course = guide.Course(str(tmp_path / "answers.json"))
    panel = TierPanel(sample)
    small = smallest(sample, 1)[0]
    pin(panel, small, "A", "reference customer")
    course.keep_tiers(panel, notebook="03-tune-your-tiers").children[0].click()
    later = guide.Course(str(tmp_path / "answers.json"))
    book = later.open_book()
    assert book.tiered.set_index("account_id").loc[small, "tier"] == "A"
    assert any("pinned by hand" in note for note in later.notes)
    # the same kept pins on a file without that account: left out, and said so
    orders = guide.Course(str(tmp_path / "answers.json"))
    book = orders.open_book(str(paths.SAMPLE_ORDERS_NB))
    assert book.tiers.pins == () and "pinned" not in book.tiered.columns
    assert any("left out" in note and small in note for note in orders.notes)


def test_the_notebooks_compare_the_sample_order_lines_by_themselves(tmp_path):
    course = guide.Course(str(tmp_path / "answers.json"))
    book = course.open_book(sample="orders", owner="Kari Nordmann")
    panel = course.since_last_period(book)
    assert panel.comparison is not None
    owners = set(
        book.loaded.previous.loc[
            lambda t: t["account_id"].isin(panel.comparison.previous["account_id"]), "owner"
        ]
    )
    assert owners == {"Kari Nordmann"}
    assert TierSettings() == panel.comparison.settings


def test_the_plan_per_account_and_the_tier_list_carry_the_pins(sample):
    from workbook import coaching, spreadsheet
    from workbook.widgets import PlanPanel

    small = smallest(sample, 1)[0]
    tiered = TierPanel(sample, pins=[(small, "A", "reference customer")]).tiered()
    plan = coaching.plan_time(tiered)
    per_account = coaching.plan_per_account(tiered, plan).set_index("account_id")
    assert per_account.loc[small, ["tier", "pinned", "pin_reason"]].tolist() == [
        "A",
        True,
        "reference customer",
    ]
    # a C account by the rule gets no field time; pinned to A it gets A's visits
    assert per_account.loc[small, "planned_hours"] > 0
    assert per_account.loc[small, "visits_per_year"] >= plan.settings.min_visits_per_year["A"]
    panel = PlanPanel(tiered)
    listing = spreadsheet.csv_bytes(panel._tier_list()).decode("utf-8-sig")
    assert "pinned,pin_reason" in listing.splitlines()[0] and "reference customer" in listing
