"""``python -m workbook.app``: serve the Voilà app with the committed configuration.

``make app`` runs this. It serves one notebook (``notebooks/app.ipynb``), never a directory, with
``workbook/app/voila.json`` (see that package's docstring) and the page template next to it. Options
on the command line override the file.
"""

from __future__ import annotations

import argparse
import os
import sys

from workbook import paths
from workbook.app import APP_DIR, TEMPLATES_ROOT
from workbook.app.bundle import chart_bundle
from workbook.charts.render import BUNDLE_URL_VARIABLE


def voila_command(
    *,
    host: str,
    port: int,
    token: str = "",
    pool: int | None = None,
    open_browser: bool = True,
    notebook: str | None = None,
) -> list[str]:
    """Return the command that serves the app (a list for ``subprocess`` or ``exec``)."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook or paths.APP_NOTEBOOK),
        f"--Voila.config_file_paths={APP_DIR}",
        f"--Voila.ip={host}",
        f"--port={port}",
    ]
    if token:
        command.append(f"--token={token}")
    if pool is not None:
        command.append(f"--VoilaConfiguration.default_pool_size={pool}")
    if not open_browser:
        command.append("--no-browser")
    return command


def voila_environment() -> dict[str, str]:
    """Return the environment that lets Voilà find the app's page template and chart bundle."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(TEMPLATES_ROOT), env.get("JUPYTER_PATH")])
    )
    env[BUNDLE_URL_VARIABLE] = chart_bundle()
    return env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m workbook.app",
        description="Serve the Account Focus Workbook app with Voilà.",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (0.0.0.0 for a training room; default 127.0.0.1)",
    )
    parser.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    parser.add_argument(
        "--token",
        default=os.environ.get("TOKEN", ""),
        help="a secret participants must add to the address (?token=...)",
    )
    parser.add_argument("--pool", type=int, help="kernels kept ready for new visitors (default 2)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    args = parser.parse_args(argv)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.token:
        print(
            "warning: serving beyond this machine without a token; anyone on the network can "
            "open the app. Set TOKEN=... (make app) or --token.",
            file=sys.stderr,
        )
    command = voila_command(
        host=args.host,
        port=args.port,
        token=args.token,
        pool=args.pool,
        open_browser=not args.no_browser,
    )
    os.execvpe(command[0], command, voila_environment())


if __name__ == "__main__":
    main()
