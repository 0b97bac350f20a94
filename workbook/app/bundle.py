"""The offline chart bundle as a file the app's server serves (see ``charts.render``)."""

from __future__ import annotations

from importlib.metadata import version

from workbook.app import TEMPLATES_ROOT

STATIC_DIR = TEMPLATES_ROOT / "voila" / "templates" / "workbook" / "static"
#: Where the template's static files are served, relative to Voilà's base URL (``/voila/``).
STATIC_URL = "templates/workbook/static"


def chart_bundle() -> str:
    """Write the chart bundle once per Altair/vl-convert version; return where it is served."""
    name = f"jupyterchart-{version('altair')}-{version('vl-convert-python')}.js"
    path = STATIC_DIR / name
    if not path.is_file():
        from workbook.charts.render import offline_bundle

        STATIC_DIR.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(offline_bundle(), encoding="utf-8")
        temporary.replace(path)
    return f"{STATIC_URL}/{name}"
