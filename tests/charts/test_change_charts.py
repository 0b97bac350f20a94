"""The migration matrix and the revenue bridge as specs: marks, fields, the rows they send, the
colours that say up and down, numbers in the current language, and drawn with no internet."""

from __future__ import annotations

import pandas as pd
import pytest
from test_offline_rendering import REMOTE
from test_specs import data_rows, fields, layers, marks

from workbook import charts
from workbook.analysis import compare_periods
from workbook.analysis.periods import Bridge
from workbook.charts.change import KIND_COLORS, bridge_rows, migration_rows
from workbook.i18n import use_language


@pytest.fixture(scope="module")
def change(sample):
    grown = sample.assign(revenue=sample["revenue"] * (1 + (sample.index % 7 - 3) / 10))
    return compare_periods(grown.iloc[10:], sample.iloc[:-10])


def test_the_matrix_is_a_grid_of_counts_sixteen_cells_whatever_the_book(change):
    spec = charts.migration_chart(change.matrix).to_dict()
    assert marks(spec) == {"rect", "text"}
    assert {"before", "after", "kind", "label"} <= fields(spec)
    assert data_rows(spec) == 16
    counts = {
        (r["before"], r["after"]): r["accounts"]
        for r in migration_rows(change.matrix).to_dict("records")
    }
    assert counts[("A", "A")] == change.matrix.at["A", "A"]
    assert counts[("new", "C")] == change.matrix.at["new", "C"]
    assert sum(counts.values()) == len(change.accounts)


def test_the_matrix_colours_up_green_down_red_and_the_diagonal_grey(change):
    rows = migration_rows(change.matrix).set_index(["before", "after"])["kind"]
    assert rows[("B", "A")] == rows[("C", "B")] == "up"
    assert rows[("A", "C")] == rows[("B", "C")] == "down"
    assert rows[("A", "A")] == "same" and rows[("B", "lost")] == "lost"
    assert rows[("new", "A")] == "new" and rows[("new", "lost")] == "none"
    spec = charts.migration_chart(change.matrix).to_dict()
    scale = next(
        unit["encoding"]["color"]["scale"]
        for unit in layers(spec)
        if unit.get("encoding", {}).get("color", {}).get("field") == "kind"
    )
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == KIND_COLORS


def test_the_bridge_is_a_waterfall_of_five_steps_that_ends_where_it_should():
    bridge = Bridge(100_000_00, 30_000_00, 10_000_00, 5_000_00, 15_000_00, 110_000_00)
    rows = bridge_rows(bridge)
    assert rows["key"].tolist() == ["previous", "retained_change", "new", "lost", "current"]
    assert rows["kind"].tolist() == ["total", "increase", "increase", "decrease", "total"]
    # each step starts where the one before ended; the last bar is the current total
    assert rows["start"].iloc[1:4].tolist() == rows["end"].iloc[0:3].tolist()
    assert rows["end"].iloc[3] == rows["end"].iloc[4] == 110_000.0
    spec = charts.bridge_chart(bridge).to_dict()
    assert "bar" in marks(spec) and "text" in marks(spec)
    assert {"step", "start", "end", "kind", "label"} <= fields(spec)
    assert data_rows(spec) == 5


def test_a_fall_in_the_kept_accounts_goes_down_and_no_change_reads_0():
    rows = bridge_rows(Bridge(100_00, 0, 40_00, 0, 0, 60_00)).set_index("key")
    assert rows.loc["retained_change", ["start", "end", "kind"]].tolist() == [
        100.0,
        60.0,
        "decrease",
    ]
    assert rows.loc["retained_change", "label"] == "\u221240"
    assert rows.loc["new", "label"] == rows.loc["lost", "label"] == "0"


def test_the_charts_write_numbers_and_words_in_the_current_language(change):
    with use_language("nb"):
        rows = bridge_rows(Bridge(1_234_567_00, 0, 0, 0, 0, 1_234_567_00))
    assert rows.loc[0, "label"] == "1\u00a0234\u00a0567"
    with use_language("qps"):  # every word went through translation
        spec = charts.migration_chart(change.matrix).to_dict()
        steps = bridge_rows(change.bridge)["step"].tolist()
    assert spec["title"]["text"].startswith("⟦") and all(s.startswith("⟦") for s in steps)


def test_both_draw_as_svg_with_nothing_from_outside(change):
    for chart in (charts.migration_chart(change.matrix), charts.bridge_chart(change.bridge)):
        drawing = charts.svg(chart)
        assert drawing.lstrip().startswith("<svg") and not REMOTE.search(drawing)


def test_the_tables_name_who_moved_came_and_went(change):
    html = charts.change_tables(change, listed=5)
    assert "Accounts that moved up or down a tier" in html
    assert "New accounts" in html and "Lost accounts" in html
    assert html.count("<table") == 3
    assert "… and" in html  # more than five moved: the rest are counted, not listed
    lost_name = change.lost["account"].iloc[0]
    assert lost_name in html and isinstance(change.lost, pd.DataFrame)
