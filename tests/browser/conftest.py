"""A real Voilà server (started the way ``make app`` starts it) and Debian's Chromium.

Every server and browser started here is stopped here, by pid. The browser tests are skipped with
a message when Chromium is missing, except under ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from servers import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, serving_app


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = (
        f"{CHROMIUM} is missing, so the browser tests cannot run. Enable them with: "
        "sudo apt-get install chromium chromium-driver (make test does this as root)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def app_url(chromium_path, tmp_path_factory, request):
    """Serve the app with the committed configuration on a free port (a server per module).

    Its log is kept in tests/artifacts/voila-MODULE.log (each module's own, to read after a
    failure)."""
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    try:
        with serving_app(pool=2, log=log) as url:
            yield url
    finally:
        if ARTIFACTS.exists() and log.exists():
            shutil.copy(log, ARTIFACTS / f"voila-{request.module.__name__}.log")


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
