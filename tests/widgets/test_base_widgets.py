"""Debouncing, messages, downloads and exercises: the pieces every panel shares."""

import asyncio
import base64
import json
import re
from concurrent.futures import ThreadPoolExecutor

from workbook.errors import AccountDataError, Problem
from workbook.widgets.base import Debounced, MessageArea
from workbook.widgets.downloads import data_link
from workbook.widgets.exercises import AnswerStore, Prediction, Reflection, feedback


def in_fresh_thread(work):
    """Run ``work`` in a thread of its own: no event loop of another test can be running there."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def test_debounced_runs_at_once_without_an_event_loop():
    calls = []
    run = Debounced(lambda: calls.append(1))
    in_fresh_thread(lambda: (run(), run(), run()))
    assert calls == [1, 1, 1]


def test_a_burst_of_events_gives_one_immediate_run_and_one_for_the_final_value():
    values, seen = [], []

    async def burst():
        run = Debounced(lambda: seen.append(values[-1]), wait=0.05)
        for value in range(20):
            values.append(value)
            run()
            await asyncio.sleep(0.002)
        await asyncio.sleep(0.15)

    in_fresh_thread(lambda: asyncio.run(burst()))
    assert seen == [0, 19]


def test_data_problems_are_listed_for_the_person():
    area = MessageArea()
    area.show_error(
        AccountDataError(
            [
                Problem(
                    "is not an amount",
                    column="Omsetning (revenue)",
                    row=57,
                    value="12,5 %",
                    file="kunder.csv",
                )
            ]
        )
    )
    assert "Omsetning (revenue)" in area.value and "row 57" in area.value and "12,5 %" in area.value


def test_a_download_link_carries_the_file_itself():
    link = data_link(b"a;b\n1;2\n", "my-tiers.csv", "Download")
    payload = re.search(r"base64,([^']+)'", link).group(1)
    assert base64.b64decode(payload) == b"a;b\n1;2\n"
    assert "download='my-tiers.csv'" in link and "data:text/csv" in link


def test_feedback_says_how_far_the_guess_was():
    text, level = feedback(
        0.5, 0.77, tolerance=0.05, kind="share", explain="Most people guess low."
    )
    assert "You guessed 50%; your figure is 77%. You were 27 points under" in text
    assert level == "info"
    assert feedback(0.75, 0.77, tolerance=0.05, kind="share", explain="")[1] == "success"


def test_a_prediction_checks_the_guess_against_the_answer():
    exercise = Prediction("What share of revenue do your top 20% bring?", 0.77)
    exercise.guess.value = 0.6
    exercise.check.click()
    assert "your figure is 77%" in exercise.message.value


def test_reflections_are_kept_in_a_file_for_the_action_plan(tmp_path):
    store = AnswerStore(tmp_path / "answers.json")
    reflection = Reflection("stop", "What will you stop doing?", store)
    reflection.text.value = "Weekly visits to Fjordbakeri"
    reflection.save.click()
    kept = json.loads((tmp_path / "answers.json").read_text())
    assert kept["stop"]["text"] == "Weekly visits to Fjordbakeri"
    assert AnswerStore(tmp_path / "answers.json").get("stop") == "Weekly visits to Fjordbakeri"


def test_the_app_keeps_answers_in_memory_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = AnswerStore(None)
    store.set("stop", "nothing")
    assert store.get("stop") == "nothing"
    assert list(tmp_path.iterdir()) == []
