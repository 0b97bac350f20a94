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

from workbook import i18n, paths
from workbook.app import APP_DIR, TEMPLATES_ROOT
from workbook.app.bundle import chart_bundle
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
        "workbook.app.server",
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


def voila_environment(*, room: str = "", room_token: str = "") -> dict[str, str]:
    """Return the environment that lets Voilà find the app's page template and chart bundle.

    ``room`` names the session's room view (checked here, so a bad name is said before anything
    starts); ``room_token`` fixes the trainer's token (default: the server picks a random one).
    """
    room = check_room_name(room) if room else ""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(TEMPLATES_ROOT), env.get("JUPYTER_PATH")])
    )
    from workbook.charts.render import BUNDLE_URL_VARIABLE  # imports Altair: only when serving

    env[BUNDLE_URL_VARIABLE] = chart_bundle()
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
    env = voila_environment(room=args.room, room_token=os.environ.get("ROOM_TOKEN", ""))
    # The page opens in the command line's language (--language); ?language= and the switch on
    # the page still choose per participant.
    env[i18n.ENVIRONMENT_VARIABLE] = i18n.language()
    if os.name == "nt":  # Windows has no exec: run the server as a child and wait for it
        try:
            return subprocess.call(command, env=env)
        except KeyboardInterrupt:
            return 130
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
