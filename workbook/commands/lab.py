"""``python -m workbook lab``: open the guided notebooks in JupyterLab, as ``make lab`` does."""

from __future__ import annotations

import os
import subprocess
import sys

from workbook import paths


def lab_command(*, port: int | None = None, open_browser: bool = True) -> list[str]:
    """Return the command that opens JupyterLab on the notebooks folder.

    Examples
    --------
    >>> lab_command(port=8899, open_browser=False)[1:3]
    ['-m', 'jupyterlab']
    """
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={paths.NOTEBOOKS_DIR}"]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # JupyterLab refuses root without it
        command.append("--allow-root")
    return command


def run(args) -> int:
    command = lab_command(port=args.port, open_browser=not args.no_browser)
    if os.name == "nt":  # Windows has no exec: run JupyterLab as a child and wait for it
        try:
            return subprocess.call(command)
        except KeyboardInterrupt:
            return 130
    os.execv(command[0], command)  # JupyterLab takes this process's place (and pid)
    return 0  # not reached
