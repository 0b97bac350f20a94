"""Chart widgets drawn in a browser, wherever the bundle comes from.

Two copies of Vega in one page disturb each other: with the bundle run once per chart, the second
of two grouped-bar charts drew its bars from wrong bottoms. Each copy is now run once per page.
"""

from __future__ import annotations

import nbformat
import pytest
from servers import CHROMIUM_ARGS, serving_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TWO_CHARTS = """
import pandas as pd
import ipywidgets
from workbook import analysis, charts, coaching, paths
tiered = analysis.assign_tiers(pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str}))
today, plan = coaching.time_vs_value(tiered), coaching.plan_time(tiered)
hours = coaching.hours_freed(today, plan).table
ipywidgets.VBox([charts.interactive(charts.time_value_chart(today.tiers)),
                 charts.interactive(charts.hours_change_chart(hours))])
"""

#: Whether each bar really covers its own bottom: the page's hit test follows the drawn shape, so a
#: bar drawn from a wrong bottom answers False (its box in the DOM can still look right).
BARS_REACH_THEIR_BOTTOM = """(embed) => {
  embed.scrollIntoView();
  return Array.from(embed.querySelectorAll('.mark-rect path'))
    .filter(bar => bar.getBoundingClientRect().height > 3)
    .map(bar => {
      const box = bar.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.bottom - 2) === bar;
    });
}"""


@pytest.fixture(scope="module")
def two_charts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(TWO_CHARTS)]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, folder / "two-charts.ipynb")
    return folder / "two-charts.ipynb"


@pytest.mark.parametrize("served_bundle", [True, False], ids=["served", "inside-each-chart"])
def test_every_bar_of_every_chart_stands_on_the_axis(
    two_charts, chromium_path, served_bundle, artifacts
):
    from playwright.sync_api import sync_playwright

    with (
        serving_app(notebook=two_charts, pool=0, served_bundle=served_bundle) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1200})
            page.goto(url)
            page.locator(".vega-embed svg").nth(1).wait_for(timeout=120_000)
            page.screenshot(
                path=artifacts / f"two-charts-{'served' if served_bundle else 'inline'}.png"
            )
            for embed in page.locator(".vega-embed").all():
                reached = embed.evaluate(BARS_REACH_THEIR_BOTTOM)
                assert len(reached) >= 5 and all(reached), reached
        finally:
            browser.close()
