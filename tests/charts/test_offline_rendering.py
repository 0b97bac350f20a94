"""Charts draw with no internet: nothing they ship refers the browser to another server."""

import re

import altair as alt
import pytest

from workbook import analysis, charts
from workbook.charts import render

#: A browser fetches these: script and stylesheet sources, module imports, CSS imports and urls.
REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["']?(?:https?:)?//"""
    r"""|\bimport\s*(?:\(|[^;'"]*\bfrom\s*)\s*["'](?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_the_pattern_catches_what_a_browser_would_fetch():
    assert REMOTE.search('<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>')
    assert REMOTE.search('import vegaEmbed from "https://esm.sh/vega-embed@7";')
    assert REMOTE.search("@import url('https://fonts.googleapis.com/css')")
    assert not REMOTE.search('<svg xmlns="http://www.w3.org/2000/svg">')


def test_the_offline_widget_bundle_imports_nothing_from_outside(monkeypatch):
    monkeypatch.delenv(render.BUNDLE_URL_VARIABLE, raising=False)
    bundle = render.offline_bundle()
    assert len(bundle) > 500_000  # vega, vega-lite and vega-embed are inside
    assert not REMOTE.search(bundle)


def test_a_served_bundle_is_imported_from_the_page_own_server(monkeypatch):
    monkeypatch.setenv(render.BUNDLE_URL_VARIABLE, "templates/workbook/static/bundle.js")
    loader = render.BUNDLE_LOADER.replace("{path}", "templates/workbook/static/bundle.js")
    assert "window.location.href" in loader and not REMOTE.search(loader)


@pytest.fixture(scope="module")
def pareto(tiered):
    k_a, k_ab = analysis.Ranking(tiered).cuts()
    return charts.pareto_chart(analysis.pareto_curve(tiered), k_a=k_a, k_ab=k_ab, n=len(tiered))


def test_a_chart_drawn_as_svg_needs_nothing_from_outside(pareto):
    drawing = charts.svg(pareto)
    assert drawing.lstrip().startswith("<svg") and not REMOTE.search(drawing)
    assert "overflow:visible" in charts.svg_html(pareto)


def test_a_chart_shown_in_a_notebook_is_an_offline_widget(pareto, monkeypatch):
    monkeypatch.delenv(render.BUNDLE_URL_VARIABLE, raising=False)
    charts.enable_offline_widgets()
    shown = alt.renderers.get()(pareto.to_dict())
    data = shown[0] if isinstance(shown, tuple) else shown
    assert set(data) <= {"text/plain", "application/vnd.jupyter.widget-view+json"}
    assert alt.JupyterChart._is_offline
