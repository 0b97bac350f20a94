"""Showing charts with no internet: interactive widgets in notebooks and the app, SVG in reports.

Measured on this stack (see the project's stack notes): Altair's default renderer and its
``mimetype`` renderer load JavaScript from a CDN or fail in Voilà; charts displayed through an
ipywidgets ``Output`` widget can hang notebook execution. What works offline:
- ``JupyterChart`` with the offline JavaScript bundle (from vl-convert): interactive, and its
  parameters update in ~30 ms without sending the chart again;
- SVG drawn in the kernel by vl-convert: static, for reports and HTML exports.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import altair as alt

from workbook import paths

#: When set (the app's launcher sets it), where the offline chart bundle is served on the app's
#: own server, relative to Voilà's base URL. Every chart widget then imports it by URL, so the
#: browser loads and runs ~900 KB of JavaScript once per page instead of receiving and evaluating
#: a copy per chart.
BUNDLE_URL_VARIABLE = paths.BUNDLE_URL_VARIABLE
#: A chart widget's whole module when the bundle is served: import it (the browser caches a module
#: by URL) from the page's own origin, under Voilà's base URL (which the page carries).
BUNDLE_LOADER = """
const base = new URL(document.body.dataset.baseUrl || "/voila/", window.location.href);
const bundle = await import(new URL("{path}", base).href);
export default bundle.default;
"""

#: A chart widget's whole module otherwise (JupyterLab, a plain ``voila``): the bundle travels with
#: every chart, but is run once per page. Run once per chart, the copies of Vega disturb each
#: other: in a page with two grouped-bar charts, the second drew its bars from wrong bottoms.
BUNDLE_ONCE_PER_PAGE = """
const key = "__workbookChartBundle";
globalThis[key] ??= import(URL.createObjectURL(new Blob([{source}], {type: "text/javascript"})));
const bundle = await globalThis[key];
export default bundle.default;
"""

#: vega-embed options: draw as SVG (crisp, testable), and no "…" menu (its links leave the page).
EMBED_OPTIONS = {"renderer": "svg", "actions": False}


@cache
def enable_offline_widgets() -> None:
    """Make every displayed chart an offline ``JupyterChart`` (JupyterLab, Voilà); once per kernel.

    Costs about 2 s the first time (the JavaScript bundle is built from vl-convert).
    """
    from altair.utils.schemapi import disable_debug_mode

    if path := os.environ.get(BUNDLE_URL_VARIABLE):
        module = BUNDLE_LOADER.replace("{path}", path)
    else:
        module = BUNDLE_ONCE_PER_PAGE.replace("{source}", json.dumps(offline_bundle()))
    alt.JupyterChart._esm = module
    alt.JupyterChart._is_offline = True  # Altair's own offline switch now leaves it alone
    alt.renderers.enable("jupyter", offline=True, embed_options=EMBED_OPTIONS)
    # Altair validates every chart object as it is created ("debug mode"): about 40% of the time
    # a panel takes to build. The builders' specs are validated by the test suite instead.
    disable_debug_mode()


@cache
def offline_bundle() -> str:
    """Return the JavaScript that draws chart widgets with no internet (vega, vega-lite, embed).

    Built by Altair from vl-convert's copies of the libraries (about 2 s, once per process).
    """
    saved = alt.JupyterChart._esm, alt.JupyterChart._is_offline
    alt.JupyterChart._is_offline = False
    alt.JupyterChart.enable_offline()  # builds the bundle from Altair's own widget source
    bundle = alt.JupyterChart._esm
    alt.JupyterChart._esm, alt.JupyterChart._is_offline = saved
    return bundle


def enable_static_svg() -> None:
    """Make every displayed chart an SVG image drawn in the kernel (reports, HTML exports)."""
    alt.renderers.enable("svg")


def interactive(chart: alt.TopLevelMixin) -> alt.JupyterChart:
    """Return ``chart`` as an offline ``JupyterChart`` widget whose parameters Python can set."""
    enable_offline_widgets()
    return alt.JupyterChart(unchecked(chart), embed_options=EMBED_OPTIONS)


@cache
def _unchecked_class(cls: type) -> type:
    def validate(_cls, instance, schema=None) -> None:
        return None

    return type(f"Unchecked{cls.__name__}", (cls,), {"validate": classmethod(validate)})


def unchecked(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Return ``chart`` as a chart whose spec is not validated again each time it is sent.

    ``JupyterChart`` validates the whole spec against the Vega-Lite schema whenever it gets a
    chart: over a second for the app's first charts. The builders' specs are validated by the
    test suite, so the widgets skip it.
    """
    copy = chart.copy(deep=False)
    # Altair stores attributes set on a chart as spec properties; set the class directly.
    object.__setattr__(copy, "__class__", _unchecked_class(type(chart)))
    return copy


#: Drawings made before this process began: the key of a spec (see ``spec_key``) -> its SVG. The
#: app's fork server fills it with the sample's first view, drawn once at server start, and every
#: kernel it makes inherits it: the first drawing of a process costs about a CPU-second here
#: (vl-convert starts its JavaScript engine), and draws nothing a visitor sent.
_drawn: dict[str, str] = {}
_recording: dict[str, str] | None = None
#: Called once, just before this process first starts vl-convert's JavaScript engine (the app's
#: kernels make room there for the memory the engine reserves).
before_engine_starts: list = []
#: Drawn to start the engine: one point.
SMALLEST_CHART = {"mark": "point", "data": {"values": [{"x": 1}]}}
_engine_started = False


def spec_key(spec: dict) -> str:
    """Return a short key that is the same for the same Vega-Lite spec (its canonical JSON)."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def svg(chart: alt.TopLevelMixin) -> str:
    """Return ``chart`` drawn as SVG text (no JavaScript, no network)."""
    spec = chart.to_dict()
    key = spec_key(spec)
    if (drawing := _drawn.get(key)) is None:
        import vl_convert

        _prepare_engine()
        drawing = vl_convert.vegalite_to_svg(spec)
    if _recording is not None:
        _recording[key] = drawing
    return drawing


def _prepare_engine() -> None:
    global _engine_started
    if not _engine_started:
        _engine_started = True
        for prepare in before_engine_starts:
            prepare()


def start_engine() -> None:
    """Start vl-convert's JavaScript engine now (about 0.7 s, once per process), so the first
    chart a process draws later costs no more than any other.

    A report kernel does this while the command is still reading the file and planning the run.
    """
    import vl_convert

    _prepare_engine()
    vl_convert.vegalite_to_svg(SMALLEST_CHART)


@contextmanager
def recording_drawings() -> Iterator[dict[str, str]]:
    """Collect, in the dictionary this yields, every SVG drawn inside the ``with`` block."""
    global _recording
    _recording = {}
    try:
        yield _recording
    finally:
        _recording = None


def remember_drawings(drawings: dict[str, str]) -> None:
    """Serve these drawings (from ``recording_drawings``) without drawing them again."""
    _drawn.update(drawings)


def svg_html(chart: alt.TopLevelMixin) -> str:
    """Return ``chart`` as an SVG drawn in the kernel, ready for an ``ipywidgets.HTML``.

    For a chart that no slider moves: it shows as soon as the page does, before the chart
    bundle has loaded (the app's first view uses it).
    """
    # The browser's fonts can be wider than the ones the SVG was measured with: let labels show.
    drawing = svg(chart).replace("<svg ", "<svg style='overflow:visible' ", 1)
    return f"<div class='wb-chart' role='img' style='margin-left:12px'>{drawing}</div>"
