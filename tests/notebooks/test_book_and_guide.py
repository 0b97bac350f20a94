"""Opening a book of accounts, the figures the exercises ask about, and the guide's helpers."""

from __future__ import annotations

import ast
import datetime as dt
import math

import ipywidgets as widgets
import pandas as pd
import pytest

import workbook
from workbook import coaching, paths
from workbook.coaching import self_check
from workbook.course.book import EXAMPLE_CSV, read_book
from workbook.errors import AccountDataError, SettingsError
from workbook.parameters import parameter_lines
from workbook.settings import TierSettings
from workbook.widgets import AnswerStore, Prediction, TierPanel, guide


@pytest.fixture
def course(tmp_path):
    return guide.Course(str(tmp_path / "my-answers.json"))


@pytest.fixture(scope="module")
def sample():
    return read_book("")


@pytest.fixture(scope="module")
def orders():
    return read_book(str(paths.SAMPLE_ORDERS_NB), owner="kari nordmann")


def test_the_book_is_the_file_tiered_as_assign_tiers_does(sample):
    accounts = workbook.load_accounts(paths.SAMPLE_ACCOUNTS)
    tiered = workbook.assign_tiers(accounts)
    assert sample.is_sample and sample.salesperson == "Kari Nordmann"
    assert sample.tiered["tier"].tolist() == tiered["tier"].tolist()
    assert sample.summary["accounts"].tolist() == [50, 138, 62]
    assert sample.figures == workbook.concentration(accounts)


def test_an_owner_is_chosen_ignoring_case_and_named_as_the_file_spells_it(orders):
    everyone = read_book(str(paths.SAMPLE_ORDERS_NB))
    assert not orders.is_sample
    assert orders.salesperson == "Kari Nordmann" and orders.owner == "kari nordmann"
    assert 0 < len(orders.accounts) < len(everyone.accounts)
    assert everyone.salesperson == "" and everyone.owners == ["Kari Nordmann", "Per Hansen"]
    assert orders.loaded.kind == "order_lines"


def test_with_tiers_keeps_the_accounts_and_changes_only_what_is_asked(sample):
    by_value = sample.with_tiers(method="value_share")
    assert by_value.tiers == TierSettings(method="value_share") and by_value.tiers.a == 0.8
    assert by_value.accounts is sample.accounts and by_value.tiers.metric == "revenue"
    assert by_value.summary.at["A", "accounts"] == sample.figures.accounts_for_80
    by_profit = sample.with_tiers(metric="gross_profit")
    assert by_profit.tiers == TierSettings(metric="gross_profit")


def test_a_setting_that_cannot_be_used_is_said_before_the_file_is_read(tmp_path):
    with pytest.raises(SettingsError, match="c must be a share between 0 and 1"):
        read_book(str(tmp_path / "no-such-file.csv"), c=1.5)


def test_open_book_shows_the_problems_without_a_traceback(tmp_path, course):
    broken = tmp_path / "kunder.csv"
    broken.write_text("Kunde;Omsetning\nFjord AS;12,5 %\nBerg AS;n/a\n", encoding="utf-8")
    with pytest.raises(guide.FileRefused) as refused:
        course.open_book(str(broken))
    assert isinstance(refused.value, AccountDataError) and len(refused.value.problems) == 2
    lines = refused.value._render_traceback_()
    assert '"12,5 %" in row 2' in lines[0] and '"n/a" in row 3' in lines[0]
    assert "parameters" in lines[-1] and "Traceback" not in "\n".join(lines)
    with pytest.raises(guide.FileRefused, match="the owners are: Kari Nordmann"):
        course.open_book(owner="Nobody")
    with pytest.raises(guide.SettingRefused) as setting:
        course.open_book(method="abc")
    assert "account_share or value_share" in setting.value._render_traceback_()[0]
    with pytest.raises(guide.FileRefused) as missing:
        course.open_book(r"C:\Users\kari\kunder.csv")
    assert "forward slashes (C:/Users/kari/kunder.csv)" in missing.value._render_traceback_()[0]


def test_about_says_whose_accounts_how_they_were_tiered_and_the_notes(sample, orders, course):
    text = course.about(sample).value
    assert "Kari Nordmann&#x27;s 250 accounts, from the sample file sample_accounts.csv." in text
    assert "A = the top 20% of your accounts, C = the bottom 25%" in text
    assert "Order lines from 1 Nov 2025 to 31 Oct 2026" in course.about(orders).value
    several = read_book(("kunder.csv", EXAMPLE_CSV))
    assert "Set owner in the parameters cell" in several.whose()


def test_biggest_share_is_the_largest_account_over_the_positive_total(sample):
    revenue = sample.accounts["revenue"].clip(lower=0)
    assert self_check.biggest_share(sample.accounts) == pytest.approx(revenue.max() / revenue.sum())
    losses = pd.DataFrame(
        {"account_id": ["1", "2"], "account": ["A AS", "B AS"], "revenue": [-10.0, -5.0]}
    )
    assert math.isnan(self_check.biggest_share(losses))


def test_figures_the_data_cannot_give_are_nan(orders):
    today = coaching.time_vs_value(orders.tiered)
    cost = coaching.cost_to_serve(orders.tiered)
    assert math.isnan(self_check.time_share(today, tier="A"))
    assert math.isnan(self_check.loss_share(cost, tier="C"))  # nothing about serving is known
    assert math.isnan(self_check.near_potential_share(orders.tiered))
    assert 0 <= self_check.kept_in_tier(orders.tiered, orders.tiers, metric="gross_profit") <= 1


def test_figures_on_the_sample_match_a_count_by_hand(sample):
    tiered = sample.tiered
    today = coaching.time_vs_value(tiered)
    hours = tiered.groupby("tier", observed=True)["selling_hours"].sum()
    assert self_check.time_share(today, tier="A") == pytest.approx(hours["A"] / hours.sum())
    cost = coaching.cost_to_serve(tiered)
    c = cost.accounts.loc[cost.accounts["tier"] == "C", "net_contribution"]
    assert self_check.loss_share(cost, tier="C") == pytest.approx((c < 0).mean())
    b = tiered[(tiered["tier"] == "B") & (tiered["potential"] > 0)]
    near = (b["revenue"] / b["potential"] >= 0.8).mean()
    assert self_check.near_potential_share(tiered, tier="B", at_least=0.8) == pytest.approx(near)
    by_profit = sample.with_tiers(metric="gross_profit").tiered
    kept = ((tiered["tier"] == "A") & (by_profit["tier"] == "A")).sum() / 50
    assert self_check.kept_in_tier(
        sample.tiered, sample.tiers, metric="gross_profit"
    ) == pytest.approx(kept)


def test_predict_asks_only_what_the_data_can_answer():
    note = guide.predict(question="How much?", answer=float("nan"), missing="no hours in the file.")
    assert isinstance(note, widgets.HTML) and "no hours in the file." in note.value
    assert isinstance(guide.predict(question="How much?", answer=None), widgets.HTML)
    share = guide.predict(question="What share?", answer=0.77)
    assert isinstance(share, Prediction) and share.guess.max == 1.0


def test_a_count_prediction_gives_nothing_away_on_its_slider():
    for answer in (3.0, 22.08, 677.3, 12_500.0):
        exercise = guide.predict(question="How many hours?", answer=answer, kind="count")
        assert exercise.guess.value == 0  # the slider starts at 0, not near the answer
        assert answer <= exercise.guess.max / 2.5
        assert exercise.guess.max in {10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 50000}
        exercise.guess.value = answer * 1.05
        exercise.check.click()
        assert "Well judged" in exercise.message.value


def test_reflect_asks_the_question_of_its_key_and_keeps_the_answer(tmp_path):
    course = guide.Course(str(tmp_path / "answers.json"))
    reflection = course.reflect("time")
    assert reflection.prompt.startswith("Which accounts get your time because you like them")
    reflection.text.value = "Fewer lunches at Fjordkafé."
    reflection.save.click()
    kept = AnswerStore(tmp_path / "answers.json")
    assert kept.get("time") == "Fewer lunches at Fjordkafé."


def test_check_file_shows_what_was_understood_and_what_is_missing():
    check = guide.check_file(accounts_path=str(paths.SAMPLE_ORDERS_NB))
    text = check.view.value
    assert check.result.kind == "order_lines" and len(check.accounts) == 150
    assert "read as order lines" in text and "Beløp → revenue" in text
    assert "potential: the room to grow of your B accounts (06)" in text
    assert "2 salespeople are in this file" in text
    assert "Your ten biggest accounts" in text
    assert "gross_profit: " not in text  # the cost column gave it


def test_check_file_says_whose_accounts_it_keeps():
    check = guide.check_file(accounts_path=str(paths.SAMPLE_ORDERS_NB), owner="per hansen")
    assert "accounts of Per Hansen only" in check.view.value
    assert set(check.accounts["owner"]) == {"Per Hansen"}
    assert "salespeople are in this file" not in check.view.value


def test_check_file_lists_every_problem_and_has_no_accounts():
    csv = "Customer;Revenue;Visits\nFjord AS;1 234,50;3\nBerg AS;12,5 %;2\nBerg AS;5,00;x\n"
    check = guide.check_file(source=("example.csv", csv.encode()))
    assert check.accounts is None and check.result is None
    assert "3 problems" in check.view.value and "row 3" in check.view.value
    assert "wb-error" in check.view.value


def test_check_file_refuses_an_unknown_owner_but_shows_the_file():
    check = guide.check_file(accounts_path="", owner="Per Hansen")
    assert check.result is not None and check.accounts is None
    assert "has no accounts (the owners are: Kari Nordmann)" in check.view.value


def test_changed_tiers_counts_the_moves_each_way(sample):
    wider = sample.with_tiers(a=0.25, c=0.3)
    shown = guide.changed_tiers(before=sample.tiered, after=wider.tiered).value
    assert "26 accounts changed tier: 13 from B to A; 13 from B to C." in shown
    assert shown.count("<tr") == 22 and "… and 6 more" in shown  # header, 20 moves, the rest
    unchanged = guide.changed_tiers(before=sample.tiered, after=sample.tiered).value
    assert "No account has changed tier" in unchanged


def test_settings_to_copy_are_lines_a_parameters_cell_takes(sample):
    panel = TierPanel(sample.accounts, method="value_share")
    panel.sliders["a"].value = 0.73
    text = parameter_lines(panel.settings)
    namespace = {}
    exec(compile(ast.parse(text), "parameters", "exec"), namespace)  # annotated literals only
    assert all(isinstance(node, ast.AnnAssign) for node in ast.parse(text).body)
    assert {k: namespace[k] for k in panel.settings.to_dict()} == {
        "metric": "revenue",
        "method": "value_share",
        "a": 0.73,
        "b": 0.95,
    }
    assert "a: float = 0.73" in guide.settings_to_copy(panel.settings).value


def test_settings_kept_in_03_and_07_carry_to_the_next_notebooks_and_a_typed_value_wins(tmp_path):
    answers = str(tmp_path / "my-answers.json")
    first = guide.Course(answers)
    book = first.open_book()
    tiers = TierPanel(book.accounts, book.tiers, c=0.3)
    tiers.sliders["c"].value = 0.35
    first.keep_tiers(tiers, notebook="03-tune-your-tiers").children[0].click()
    later = guide.Course(answers)
    carried = later.open_book(metric=None, method=None, a=None, b=None, c=None)
    assert carried.tiers == TierSettings(c=0.35)
    assert "as you kept them in 03-tune-your-tiers" in later.about(carried).value
    typed = guide.Course(answers).open_book(c=0.1)  # a value in the parameters cell wins
    assert typed.tiers.c == 0.1
    plan = guide.Course(answers).plan_settings(hours_per_week=None)
    assert plan == workbook.settings.PlanSettings()


def test_a_kept_plan_and_edited_service_levels_reach_the_action_plan(tmp_path):
    from workbook.widgets import PlanPanel

    answers = str(tmp_path / "my-answers.json")
    course = guide.Course(answers)
    book = course.open_book()
    panel = PlanPanel(book.tiered, course.plan_settings(), levels=course.levels)
    panel.hours.value = 24
    panel.service.fields["C", "channel"].value = "web shop"
    course.keep_plan(panel, notebook="07-plan-your-week").children[0].click()
    later = guide.Course(answers)
    assert later.plan_settings(hours_per_week=None).hours_per_week == 24
    assert later.plan_settings(hours_per_week=20).hours_per_week == 20
    assert later.levels.at["C", "channel"] == "web shop"


def test_a_file_chosen_in_01_is_opened_by_the_next_notebooks(tmp_path, monkeypatch):
    from workbook.widgets import course as course_module

    monkeypatch.setattr(course_module, "CHOSEN_FILES", tmp_path / "my-files")
    answers = str(tmp_path / "my-answers.json")
    chooser = guide.Course(answers).choose_file(notebook="01-load-your-accounts")
    upload = chooser.children[0]
    upload.value = (
        {
            "name": "kunder.csv",
            "type": "text/csv",
            "size": len(EXAMPLE_CSV),
            "content": memoryview(EXAMPLE_CSV),
            "last_modified": dt.datetime.now(dt.UTC),
        },
    )
    assert "Chosen: kunder.csv" in chooser.children[1].value
    later = guide.Course(answers)
    book = later.open_book("")
    assert book.loaded.file == "kunder.csv" and len(book.accounts) == 5
    assert "as you chose it in 01-load-your-accounts" in later.about(book).value
    assert len(guide.Course(answers).open_book(str(paths.SAMPLE_ACCOUNTS)).accounts) == 250
