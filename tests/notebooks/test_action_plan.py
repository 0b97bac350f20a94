"""The action plan: kept answers and the time plan gathered into Markdown and HTML, and the panel
of 08 that reads the answers file again and offers the plan as a download."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from workbook import coaching
from workbook.coaching.action_plan import action_plan
from workbook.coaching.examples import example_tiered
from workbook.coaching.prompts import COMMIT, LEARNED, MEASURE, PROMPTS, SECTIONS, STOP
from workbook.course.book import read_book
from workbook.settings import PlanSettings
from workbook.widgets import AnswerStore
from workbook.widgets.action import ActionPlanPanel

DAY = dt.date(2026, 11, 2)


@pytest.fixture(scope="module")
def tiered():
    return example_tiered()


@pytest.fixture(scope="module")
def plan(tiered):
    return coaching.plan_time(tiered, hours_per_week=2, weeks=46)


@pytest.fixture(scope="module")
def book():
    return read_book("")


def section(result, heading):
    return next(s for s in result.sections if s.heading == heading)


def test_each_answer_goes_to_its_section_and_the_rest_are_missing(plan):
    answers = {
        "commit": "Review with Fjordbakeri AS on Tuesday.",
        "time": "Fewer lunches.",
        "measure": "  ",
        "unknown": "ignored",
    }
    result = action_plan(answers, plan=plan, made=DAY)
    assert [s.heading for s in result.sections] == list(SECTIONS)
    assert section(result, COMMIT).answers == (
        (PROMPTS["commit"].question, "Review with Fjordbakeri AS on Tuesday."),
    )
    assert section(result, STOP).answers == ((PROMPTS["time"].question, "Fewer lunches."),)
    assert section(result, MEASURE).answers == ()
    assert [p.key for p in result.missing] == [k for k in PROMPTS if k not in ("commit", "time")]
    assert "ignored" not in result.markdown()


def test_the_plan_says_what_each_tier_gets_from_the_time_plan(plan, tiered):
    levels = coaching.default_service_levels()
    result = action_plan(
        {},
        plan=plan,
        levels=levels,
        today=coaching.time_vs_value(tiered, plan=plan),
        screen=coaching.growth_screen(tiered),
        made=DAY,
    )
    week = result.week.set_index("Tier")
    # 2 h × 46 weeks, less 10% for new customers: A 66.2 h, B 16.6 h of field time a year; in
    # whole visits A gets 44 of 1.5 h (66 h, 1.4 h a week), B's two accounts 9 and 7 of 1 h
    assert week.loc["A", "Hours a week"] == "1.4" and week.loc["B", "Hours a week"] == "0.3"
    assert week.loc["A", "Visits per account"] == "44 visits a year"
    assert week.loc["B", "Visits per account"] == "7 to 9 visits a year"
    assert week.loc["C", "Channel"] == levels.at["C", "channel"]
    commit = " ".join(section(result, COMMIT).points)
    assert "for your 1 A account" in commit and "Berg Elektro AS" in commit
    first_stop = section(result, STOP).points[0]
    channel, who = levels.at["C", "channel"], levels.at["C", "handled_by"]
    assert first_stop.startswith(f"Serve your 2 C accounts by {channel}, handled by {who}")
    measure = " ".join(section(result, MEASURE).points)
    assert "today 57%, in the plan 80%" in measure and "focus score: today 0.74" in measure


def test_the_customers_you_like_are_named_among_what_to_stop(book):
    today = coaching.time_vs_value(book.tiered)
    result = action_plan({}, plan=coaching.plan_time(book.tiered), today=today, made=DAY)
    over = today.over_served.sort_values("gap", ascending=False)["account"].tolist()
    assert (
        f"Cut back on the accounts that get far more of your time than the plan gives them: "
        f"{', '.join(over[:3])} and {len(over) - 3} more." in section(result, STOP).points
    )


def test_without_time_data_it_asks_to_log_hours_and_without_a_plan_has_no_week(tiered):
    no_time = tiered.drop(columns=["visits", "selling_hours"])
    result = action_plan({}, today=coaching.time_vs_value(no_time), made=DAY)
    assert result.week is None
    assert section(result, MEASURE).points[0].startswith("Your hours or visits per account")
    assert "My week, by tier" not in result.markdown()


def test_markdown_keeps_multi_line_answers_quoted_and_tables_intact(plan):
    levels = coaching.default_service_levels().assign(channel="phone | e-mail")
    text = action_plan(
        {"stop": "Driving out.\n\nSmall complaints: inside sales."},
        plan=plan,
        levels=levels,
        owner="Kari",
        source="kunder.csv",
        made=DAY,
    ).markdown()
    assert text.startswith("# My action plan: Kari\n\n*Made on 2 November 2026 from kunder.csv.*")
    assert "> Driving out.\n>\n> Small complaints: inside sales." in text
    table = next(line for line in text.splitlines() if line.startswith("| A |"))
    assert "phone \\| e-mail" in table and table.count(" | ") == 8  # nine cells


def test_html_is_escaped_and_opens_offline(plan):
    result = action_plan(
        {"commit": "<script>alert(1)</script> & more"},
        plan=plan,
        facts=["Top 20% bring 90% <b>"],
        made=DAY,
    )
    page = result.html()
    assert page.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; more" in page
    assert "90% &lt;b&gt;" in page
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    block = result.html(page=False)
    assert "<html" not in block and ".action-plan" in block and "<body" not in block
    assert result.to_bytes(".md") == result.markdown().encode("utf-8")
    with pytest.raises(ValueError, match=r"\.md or \.html"):
        result.to_bytes(".pdf")


def test_every_section_of_an_empty_plan_says_so():
    result = action_plan({}, made=DAY)
    assert section(result, LEARNED).points == ()
    assert result.markdown().count("*Nothing yet.*") == 3  # LEARNED, COMMIT, STOP
    assert len(result.missing) == len(PROMPTS)


def test_the_panel_reads_answers_kept_after_it_was_built(book, tmp_path):
    path = tmp_path / "answers.json"
    panel = ActionPlanPanel(book, store=AnswerStore.for_notebook(str(path)))
    assert "No answers are kept yet" in panel.status.value
    AnswerStore(path).set("commit", "Tuesday mornings for A accounts.", prompt="?")
    AnswerStore(path).set("stop", "Lunch visits to Fjordkafé.", prompt="?")
    panel.update.click()
    assert f"2 of {len(PROMPTS)} reflections answered (kept in answers.json)" in panel.status.value
    assert "Tuesday mornings for A accounts." in panel.preview.value
    assert "Kari Nordmann" in panel.preview.value and "wb-error" not in panel.message.value


def test_the_panel_offers_the_plan_as_markdown_and_html_downloads(book, tmp_path):
    store = AnswerStore(tmp_path / "answers.json")
    store.set("measure", "Hours on A in my calendar.", prompt="?")
    panel = ActionPlanPanel(book, PlanSettings(share_a=0.7, share_b=0.3), store=store)
    for download, suffix in zip(panel.downloads, (".md", ".html"), strict=True):
        assert download.button.label == f"Download my action plan ({suffix})"
        name, content = download.content()
        assert name == f"kari-nordmann-action-plan{suffix}"
        assert "Hours on A in my calendar." in content.decode()
        assert "(70% of your field time)" in content.decode()
    store.set("stop", "Driving out for small complaints.", prompt="?")
    panel.update.click()
    _, content = panel.downloads[1].content()  # built at each press: never stale
    assert "Driving out for small complaints." in content.decode()
