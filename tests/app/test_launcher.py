"""The app's launcher: the command and environment ``make app`` serves the app with."""

from __future__ import annotations

import os

from workbook import i18n
from workbook.app import KERNELS_ROOT, TEMPLATES_ROOT
from workbook.app import __main__ as launcher
from workbook.app.kernel import MEMORY_VARIABLE


def test_the_server_finds_the_page_template_the_app_kernels_and_the_memory_allowance():
    env = launcher.voila_environment(kernel_memory_mb=900)
    assert env["JUPYTER_PATH"].split(os.pathsep)[:2] == [str(TEMPLATES_ROOT), str(KERNELS_ROOT)]
    assert env[MEMORY_VARIABLE] == "900"


def test_without_the_app_kernels_installed_the_server_says_so_and_uses_jupyters(
    monkeypatch, capsys
):
    monkeypatch.setattr(launcher, "app_kernels_installed", lambda: False)
    env = launcher.voila_environment()
    assert str(KERNELS_ROOT) not in env["JUPYTER_PATH"]
    assert "Reinstall the package" in capsys.readouterr().err


def test_the_page_texts_travel_translated_with_the_upload_limit():
    with i18n.use_language("qps"):
        command = launcher.voila_command(host="127.0.0.1", port=8866, open_browser=False)
    resources = next(arg for arg in command if arg.startswith("--VoilaConfiguration.resources="))
    assert "'max_upload_mb': 50" in resources and "⟦Ýóúŕ ŵóŕķƀóóķ íš šţáŕţíñĝ …⟧" in resources
    # A participant's ?language= that differs from the server's finds its texts too.
    assert "'texts_by_language'" in resources and "Arbeidsboka di starter …" in resources
    assert command[1:3] == ["-m", "workbook.app.server"]
