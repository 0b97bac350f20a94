"""``python -m workbook.app``: serve the Voilà app with the committed configuration.

``make app`` runs this. It serves one notebook (``notebooks/app.ipynb``), never a directory, with
``workbook/app/voila.json`` (see that package's docstring) and the page template next to it. Options
on the command line override the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import entry_points

from workbook import paths
from workbook.app import APP_DIR, KERNELS_ROOT, TEMPLATES_ROOT, forkserver
from workbook.app.bundle import chart_bundle
from workbook.app.kernel import DEFAULT_ALLOWANCE_MB, MEMORY_VARIABLE, PROVISIONER_NAME
from workbook.app.page import page_resources


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
        "workbook.app.server",  # Voilà, without what it never uses
        str(notebook or paths.APP_NOTEBOOK),
        f"--Voila.config_file_paths={APP_DIR}",
        f"--Voila.ip={host}",
        f"--port={port}",
        # The page's own texts, translated (this replaces voila.json's resources: it has them).
        f"--VoilaConfiguration.resources={page_resources()!r}",
    ]
    if token:
        command.append(f"--token={token}")
    if pool is not None:
        command.append(f"--VoilaConfiguration.default_pool_size={pool}")
    if not open_browser:
        command.append("--no-browser")
    return command


def app_kernels_installed() -> bool:
    """Whether Jupyter can find the provisioner the app's kernel spec names (an entry point)."""
    found = entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER_NAME)
    return bool(found)


def voila_environment(*, kernel_memory_mb: int | None = None) -> dict[str, str]:
    """Return the environment that lets Voilà find the app's page template, kernels and bundle.

    ``kernel_memory_mb``: the memory each participant's kernel may use beyond its start (see
    ``workbook.app.kernel``); the default leaves the environment's, or the kernel's default.
    """
    env = dict(os.environ)
    if kernel_memory_mb is not None:
        env[MEMORY_VARIABLE] = str(kernel_memory_mb)
    roots = [str(TEMPLATES_ROOT)]
    if app_kernels_installed():
        roots.append(str(KERNELS_ROOT))
    else:
        print(
            "warning: the app's kernels are not installed, so every participant's kernel starts "
            "from scratch and without a memory limit. Reinstall the package (make app does).",
            file=sys.stderr,
        )
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [*roots, env.get("JUPYTER_PATH")]))
    env[paths.BUNDLE_URL_VARIABLE] = chart_bundle()
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
    parser.add_argument(
        "--kernel-memory",
        type=int,
        metavar="MB",
        help="memory each participant's workbook may use for their data; a file that needs more "
        f"is refused with a message (default {DEFAULT_ALLOWANCE_MB})",
    )
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
    env = voila_environment(kernel_memory_mb=args.kernel_memory)
    # The fork server imports what every kernel needs (a few CPU-seconds) while Voilà starts;
    # once this process has become Voilà, it is the fork server's parent (see workbook.app).
    if app_kernels_installed():
        _server, env[forkserver.SOCKET_VARIABLE] = forkserver.spawn()
    os.execvpe(command[0], command, env)


if __name__ == "__main__":
    main()
