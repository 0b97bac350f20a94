"""The trainer's printable worksheets (English and Norwegian) print on one A4 page in Chromium, with
nothing fetched."""

from __future__ import annotations

import re

import pytest

from workbook import paths

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", ["worksheet.html", "arbeidsark.html"])
def test_the_worksheet_prints_on_one_a4_page(browser, artifacts, name):
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith("file:") else outside.append(r.url))
    try:
        page.goto((paths.FACILITATOR_DIR / name).as_uri())
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    finally:
        page.close()
    (artifacts / name).with_suffix(".pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    assert outside == []
