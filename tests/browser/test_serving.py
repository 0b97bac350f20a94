"""Serving to a room: with a token set, the app answers only to people who have it."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request

import pytest
from servers import free_port, stop, wait_for_port

from workbook import paths
from workbook.app.__main__ import voila_command, voila_environment

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
    port = free_port()
    command = voila_command(
        host="127.0.0.1", port=port, token="s3cret-word", pool=0, open_browser=False
    )
    with (tmp_path / "voila.log").open("w") as log:
        server = subprocess.Popen(
            command,
            env=voila_environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=paths.PROJECT_ROOT,
        )
    try:
        wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        assert status(f"{base}/") in (302, 401, 403)  # sent to the login page, no kernel
        assert status(f"{base}/?token=wrong") in (302, 401, 403)
        assert status(f"{base}/voila/templates/workbook/static/does-not-exist.js") == 404
        assert status(f"{base}/?token=s3cret-word") == 200  # starts (and, on stop, ends) a kernel
    finally:
        stop(server)
