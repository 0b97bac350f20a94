"""Serving to a room: with a token set, the app answers only to people who have it."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from servers import serving_app

pytestmark = pytest.mark.slow


def status(url: str) -> int:
    request = urllib.request.Request(url, method="GET")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_token_keeps_out_visitors_without_it(tmp_path):
    with serving_app(token="s3cret-word", pool=0, log=tmp_path / "voila.log") as base:
        assert status(f"{base}/") in (302, 401, 403)  # sent to the login page, no kernel
        assert status(f"{base}/?token=wrong") in (302, 401, 403)
        assert status(f"{base}/voila/templates/workbook/static/does-not-exist.js") == 404
        assert status(f"{base}/?token=s3cret-word") == 200  # starts (and, on stop, ends) a kernel
