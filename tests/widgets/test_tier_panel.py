"""The tier panel: sliders regroup the accounts, the charts follow through their parameters."""

import pytest

from workbook.widgets import TierPanel


@pytest.fixture()
def panel(sample):
    return TierPanel(sample)


def test_starts_on_the_article_rule(panel):
    assert panel.cuts == (50, 188)
    assert panel.curve_chart.params.cut_a == pytest.approx(0.2)
    assert "Your top 20% of accounts (50 of 250) bring 77% of revenue" in panel.headline.value
    assert panel.table.value.count("<tr") == 4  # header + A, B, C


def test_moving_a_slider_regroups_accounts_and_updates_charts_and_figures(panel):
    panel.sliders["a"].value = 0.3
    assert panel.cuts == (75, 188)
    assert panel.curve_chart.params.cut_a == pytest.approx(0.3)
    assert panel.bars_chart.params.accounts_A == pytest.approx(0.3)
    assert "Your top 30% of accounts (75 of 250)" in panel.headline.value
    assert panel.tiered()["tier"].value_counts()["A"] == 75
    assert panel.message.value == ""


def test_switching_to_value_share_shows_its_own_sliders(panel):
    panel.method.value = "value_share"
    assert panel.sliders["b"].layout.display is None and panel.sliders["c"].layout.display == "none"
    assert panel.sliders["a"].value == pytest.approx(0.8)
    share_of_a = panel.summary().loc["A", "value_share"]
    assert share_of_a >= 0.8 - 1e-9


def test_ranking_by_profit_rebuilds_the_curves(panel):
    before = panel.curve_chart.spec
    panel.metric.value = "gross_profit"
    assert panel.curve_chart.spec != before
    assert "of gross profit" in panel.headline.value


def test_the_suggestion_is_offered_not_applied_until_asked(panel):
    assert panel.settings.a == pytest.approx(0.2)
    suggested = panel._suggestion.settings
    assert "Suggested from your data" in panel.hint.value
    panel.use_hint.click()
    assert panel.settings.a == pytest.approx(suggested.a)


def test_a_value_sent_by_the_browser_outside_the_range_is_clamped_in_the_kernel(panel):
    panel.sliders["a"].set_state({"value": 7.5})  # what a crafted widget message would do
    assert panel.sliders["a"].value == pytest.approx(0.5)
    assert panel.cuts[0] == 125


def test_an_error_in_a_callback_is_a_message_not_a_traceback(panel, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("internal detail that must not reach the page")

    monkeypatch.setattr(type(panel.ranking), "cuts", broken)
    panel.sliders["a"].value = 0.25
    assert "Something went wrong" in panel.message.value
    assert "internal detail" not in panel.message.value
    assert "Traceback" not in panel.message.value
