"""``python -m workbook.app`` (or ``python -m workbook app``): serve the Voilà app.

``make app`` runs this. It serves one notebook (``notebooks/app.ipynb``), never a directory, with
``workbook/app/voila.json`` (see that package's docstring) and the page template next to it. Options
on the command line override the file. ``--room NAME`` opens a room view for the session: the
trainer's page and its token are printed when the server listens (see ``workbook.app.server``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from importlib.metadata import entry_points

from workbook import i18n, paths
from workbook.app import APP_DIR, KERNELS_ROOT, TEMPLATES_ROOT, forkserver
from workbook.app.bundle import chart_bundle
from workbook.app.kernel import DEFAULT_ALLOWANCE_MB, MEMORY_VARIABLE, PROVISIONER_NAME
from workbook.app.page import page_resources
from workbook.i18n import _
from workbook.room import NAME_VARIABLE, TOKEN_VARIABLE, check_room_name


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
        "workbook.app.server",  # Voilà, without what it never uses, and the room view
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
    """Whether the app's kernels can serve: a system that forks (not Windows), and Jupyter finds
    the provisioner their kernel spec names (an entry point of the installed package)."""
    found = entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER_NAME)
    return os.name != "nt" and bool(found)


def voila_environment(
    *, room: str = "", room_token: str = "", kernel_memory_mb: int | None = None
) -> dict[str, str]:
    """Return the environment that lets Voilà find the app's page template, kernels and bundle.

    ``room`` names the session's room view (checked here, so a bad name is said before anything
    starts); ``room_token`` fixes the trainer's token (default: the server picks a random one).
    ``kernel_memory_mb``: the memory each participant's kernel may use beyond its start (see
    ``workbook.app.kernel``); the default leaves the environment's, or the kernel's default.
    """
    room = check_room_name(room) if room else ""
    env = dict(os.environ)
    if kernel_memory_mb is not None:
        env[MEMORY_VARIABLE] = str(kernel_memory_mb)
    roots = [str(TEMPLATES_ROOT)]
    if app_kernels_installed():
        roots.append(str(KERNELS_ROOT))
    elif os.name != "nt":
        print(
            _(
                "warning: the app's kernels are not installed, so every participant's kernel "
                "starts from scratch and without a memory limit. Reinstall the package (make app "
                "does)."
            ),
            file=sys.stderr,
        )
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [*roots, env.get("JUPYTER_PATH")]))
    env[paths.BUNDLE_URL_VARIABLE] = chart_bundle()
    env.pop(NAME_VARIABLE, None)
    env.pop(TOKEN_VARIABLE, None)
    if room:
        env[NAME_VARIABLE] = room
        if room_token:
            env[TOKEN_VARIABLE] = room_token
    return env


def room_name(text: str) -> str:
    """Read ``--room``: a room's name (letters, digits and hyphens), or empty for none."""
    if not text.strip():
        return ""
    try:
        return check_room_name(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the app's options to ``parser`` (shared by ``python -m workbook app``)."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=_("ADDRESS"),
        help=_("address to listen on (0.0.0.0 for a training room; default 127.0.0.1)"),
    )
    parser.add_argument(
        "--port", type=int, default=8866, metavar=_("PORT"), help=_("port (default 8866)")
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("TOKEN", ""),
        metavar=_("WORD"),
        help=_("a secret participants must add to the address (?token=...)"),
    )
    parser.add_argument(
        "--pool", type=int, metavar="N", help=_("kernels kept ready for new visitors (default 2)")
    )
    parser.add_argument(
        "--kernel-memory",
        type=int,
        metavar="MB",
        help=_(
            "memory each participant's workbook may use for their data; a file that needs more "
            "is refused with a message (default {mb})"
        ).format(mb=DEFAULT_ALLOWANCE_MB),
    )
    parser.add_argument("--no-browser", action="store_true", help=_("do not open a browser"))
    parser.add_argument(
        "--room",
        default=os.environ.get("ROOM", ""),
        type=room_name,
        metavar=_("NAME"),
        help=_(
            "open a room view for this session: participants may share anonymous figures, the "
            "trainer's page shows them (its address and token are printed at start)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Serve the app with the options ``add_arguments`` defined; return the server's status."""
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.token:
        print(
            _(
                "warning: serving beyond this machine without a token; anyone on the network can "
                "open the app. Set TOKEN=... (make app) or --token."
            ),
            file=sys.stderr,
        )
    command = voila_command(
        host=args.host,
        port=args.port,
        token=args.token,
        pool=args.pool,
        open_browser=not args.no_browser,
    )
    env = voila_environment(
        room=args.room,
        room_token=os.environ.get("ROOM_TOKEN", ""),
        kernel_memory_mb=args.kernel_memory,
    )
    # The page opens in the command line's language (--language); ?language= and the switch on
    # the page still choose per participant.
    env[i18n.ENVIRONMENT_VARIABLE] = i18n.language()
    if os.name == "nt":  # Windows has no exec: run the server as a child and wait for it
        try:
            return subprocess.call(command, env=env)
        except KeyboardInterrupt:
            return 130
    if app_kernels_installed():
        # The fork server imports what every kernel needs (a few CPU-seconds) while Voilà
        # starts; once this process has become Voilà, it is the fork server's parent.
        _server, env[forkserver.SOCKET_VARIABLE] = forkserver.spawn()
    os.execvpe(command[0], command, env)  # the server takes this process's place (and pid)
    return 0  # not reached


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m workbook.app",
        description=_("Serve the Account Focus Workbook app with Voilà."),
    )
    add_arguments(parser)
    raise SystemExit(run(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
