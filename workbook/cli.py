"""The command line: ``python -m workbook check|tiers|plan|report|sample|app|lab``.

Exit status: 0 on success, 1 when the data is unusable (every problem on stderr, each naming the
column and, where there is one, the row), 2 for a wrong command line. Never a traceback: set
``WORKBOOK_DEBUG=1`` to see one for an unexpected error.

Each sub-command lives in ``workbook.commands.<name>`` with a ``run(args) -> int``; this module
only builds the parser, shares the options several commands take, and turns errors into messages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys
from importlib import import_module
from pathlib import Path

from workbook.errors import AccountDataError, SettingsError

PROG = "python -m workbook"
METRICS = ("revenue", "gross_profit", "blend")  # as workbook.settings, without importing it
METHODS = ("account_share", "value_share")
ALLOCATIONS = ("response", "equal", "value")


# --- option types -------------------------------------------------------------------------------
def fraction(text: str) -> float:
    """Read a share between 0 and 1, written as ``0.2`` or ``20%``.

    Examples
    --------
    >>> fraction("0.2"), fraction("20%"), fraction("20 %")
    (0.2, 0.2, 0.2)
    """
    raw = text.strip()
    try:
        value = float(raw.rstrip("%").strip()) / (100 if raw.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a share (write e.g. 0.2 or 20%)"
        ) from None
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a share between 0 and 1 (or 0% and 100%)"
        )
    return value


def positive(text: str) -> float:
    """Read a number greater than zero (hours, weeks, costs)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than 0")
    return value


def iso_date(text: str) -> dt.date:
    """Read a date written as ``2027-01-04``."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (write e.g. 2027-01-04)"
        ) from None


def mapping_pair(text: str) -> tuple[str, str]:
    """Read ``"Source header=canonical"`` from ``--map``."""
    source, sep, canonical = text.rpartition("=")
    if not sep or not source.strip() or not canonical.strip():
        raise argparse.ArgumentTypeError(
            f'{text!r}: write --map "Header in your file=canonical_name", '
            'e.g. --map "Kunde=account"'
        )
    return source.strip(), canonical.strip()


# --- shared option groups -------------------------------------------------------------------------
def _add_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", type=Path, help="the accounts or order-lines file (CSV, TSV, TXT, XLSX, Parquet)"
    )
    parser.add_argument("--sheet", help="the Excel sheet to read (default: the first)")
    parser.add_argument(
        "--map",
        dest="mapping",
        metavar='"HEADER=COLUMN"',
        action="append",
        type=mapping_pair,
        default=[],
        help="use this header of your file for a canonical column (repeatable)",
    )
    parser.add_argument(
        "--period",
        metavar="START:END|all",
        help="order lines only: the analysis window, e.g. 2025-01-01:2025-12-31, or "
        "'all' (default: the 12 months up to the latest order)",
    )


def _add_owner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--owner", help="only this salesperson's accounts (the owner column)")


def _add_tier_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("tier options")
    group.add_argument(
        "--metric",
        choices=METRICS,
        default="revenue",
        help="rank accounts by this (default: revenue)",
    )
    group.add_argument(
        "--method",
        choices=METHODS,
        default="account_share",
        help="account_share: A = top a of accounts, C = bottom c (default); "
        "value_share: A reaches a of value, B reaches b",
    )
    group.add_argument(
        "--a", type=fraction, help="A threshold (default 0.20 of accounts or 0.80 of value)"
    )
    group.add_argument(
        "--b", type=fraction, help="B threshold, value_share only (default 0.95 of value)"
    )
    group.add_argument(
        "--c", type=fraction, help="C share of accounts, account_share only (default 0.25)"
    )
    _add_pins(group)


def _add_pins(parser) -> None:
    parser.add_argument(
        "--pins",
        type=Path,
        metavar="FILE",
        help="accounts pinned to a tier by hand: a CSV (or XLSX) with account_id, tier, reason",
    )


def _add_compare(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("since the previous period").add_mutually_exclusive_group()
    group.add_argument(
        "--compare",
        type=Path,
        metavar="PREVIOUS_FILE",
        help="compare with the previous period's file (an export or a tier list written "
        "earlier): who moved tier, who is new or lost, and the revenue bridge",
    )
    group.add_argument(
        "--compare-previous",
        action="store_true",
        help="order lines: compare with the 12 months before the period",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every sub-command (each with ``--help``)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Account Focus Workbook: check your accounts file, tier your accounts, "
        "plan your selling time and write reports.",
        epilog="Exit status: 0 success, 1 unusable data, 2 wrong command line.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="read a file and say what the workbook understood",
        description="Read an accounts or order-lines file and report the columns "
        "found, totals, dropped rows and warnings, or every problem.",
    )
    _add_input(check)
    _add_json(check)

    tiers = sub.add_parser(
        "tiers",
        help="rank accounts and sort them into A/B/C tiers",
        description="Rank accounts and sort them into A/B/C tiers; print the "
        "concentration figures and tier sizes, or write the tier list.",
    )
    _add_input(tiers)
    _add_tier_options(tiers)
    _add_owner(tiers)
    tiers.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv|FILE.xlsx",
        help="write the accounts with rank and tier (ready to import into a CRM)",
    )
    _add_compare(tiers)
    _add_json(tiers)

    plan = sub.add_parser(
        "plan",
        help="turn the tiers into a time plan",
        description="Turn the tiers into a time plan: hours for new customers, each tier and "
        "each account (visits by value, with diminishing returns), whether it fits, where "
        "time goes today against it, and a visit rota for the year.",
    )
    _add_input(plan)
    _add_tier_options(plan)
    _add_owner(plan)
    plan.add_argument(
        "--hours-per-week",
        type=positive,
        default=None,
        help="selling hours you can plan each week, travel included (default 30)",
    )
    plan.add_argument(
        "--weeks", type=positive, default=None, help="selling weeks in the year (default 45)"
    )
    plan.add_argument(
        "--prospecting-share",
        type=fraction,
        default=None,
        help="share of selling time kept for new customers, outside the tiers (default 0.1)",
    )
    plan.add_argument(
        "--share-a", type=fraction, default=None, help="share of field time for A (default 0.8)"
    )
    plan.add_argument(
        "--share-b", type=fraction, default=None, help="share of field time for B (default 0.2)"
    )
    plan.add_argument(
        "--allocation",
        choices=ALLOCATIONS,
        default=None,
        help="how a tier's hours go to its accounts: response (diminishing returns, the "
        "default), equal, or value (in proportion)",
    )
    plan.add_argument(
        "--hourly-cost",
        type=positive,
        default=None,
        help="what an hour of selling time costs, in the file's currency (default 800)",
    )
    plan.add_argument(
        "--accounts-out",
        type=Path,
        metavar="PLAN.csv|PLAN.xlsx",
        help="write the plan per account: hours, visits, cadence, channel, time today",
    )
    plan.add_argument(
        "--ics",
        type=Path,
        metavar="FILE.ics",
        help="write a calendar file: the weekly blocks, or the visit rota with --rota",
    )
    plan.add_argument(
        "--rota",
        action="store_true",
        help="make --ics the visit rota: one event per visit, every visit in a week of the year",
    )
    plan.add_argument(
        "--tasks-out",
        type=Path,
        metavar="TASKS.csv|TASKS.xlsx",
        help="write the visit rota as a task list a CRM can import",
    )
    plan.add_argument(
        "--holidays",
        metavar="NO|none",
        default=None,
        help="the country whose public holidays the rota leaves free (default NO)",
    )
    plan.add_argument(
        "--summer-break",
        metavar="28-30|none",
        default=None,
        help="ISO weeks of a summer break the rota leaves free (default 28-30)",
    )
    plan.add_argument(
        "--start",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the rota's and calendar's first week (default: next Monday)",
    )
    _add_json(plan)

    report = sub.add_parser(
        "report",
        help="write report notebooks and HTML files",
        description="Run the report notebook with papermill: one report for the "
        "file or one per owner, plus a team overview and a manifest.",
    )
    report.add_argument("file", type=Path, help="the accounts or order-lines file")
    report.add_argument("--by", choices=["owner"], help="one report per value of this column")
    report.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    report.add_argument(
        "--jobs", type=int, default=None, help="reports run at once (default: the number of cores)"
    )
    report.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run the reports on this Dask cluster's workers (needs the cluster extra)",
    )
    report.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a parameter of the report notebook (repeatable)",
    )
    _add_pins(report)
    report.add_argument(
        "--compare",
        type=Path,
        metavar="PREVIOUS_FILE",
        help="add a 'since last period' section comparing with this file (order lines "
        "get one from their previous 12 months without it)",
    )

    sample = sub.add_parser(
        "sample",
        help="write the sample data files",
        description="Write the synthetic sample data (fixed seed: the same files every time).",
    )
    sample.add_argument("--out", type=Path, default=None, help="output folder (default: data/)")

    from workbook.app.__main__ import add_arguments as add_app_arguments

    app = sub.add_parser(
        "app",
        help="serve the app (the whole workbook on one page) for you or a training room",
        description="Serve the Voilà app on notebooks/app.ipynb, as make app does. For a room: "
        "--host 0.0.0.0 --token WORD, and --room NAME for the room view.",
    )
    add_app_arguments(app)

    lab = sub.add_parser(
        "lab",
        help="open the guided notebooks in JupyterLab",
        description="Open JupyterLab on the notebooks folder, as make lab does.",
    )
    lab.add_argument("--port", type=int, default=None, help="port (default: JupyterLab's, 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    return parser


# --- settings from the command line -------------------------------------------------------------
def tier_settings(args):
    """Return the ``TierSettings`` of the tier options (SettingsError when they cannot be used)."""
    from workbook.settings import TierSettings

    pins = None
    if getattr(args, "pins", None) is not None:
        from workbook.loading.pins import read_pins

        pins = read_pins(args.pins)  # a pins file that cannot be used is said before the data
    return TierSettings.of(
        None, metric=args.metric, method=args.method, a=args.a, b=args.b, c=args.c, pins=pins
    )


def plan_settings(args):
    """Return the ``PlanSettings`` of the plan options (SettingsError when they cannot be used)."""
    from workbook.settings import PlanSettings

    return PlanSettings.of(
        None,
        hours_per_week=args.hours_per_week,
        weeks=args.weeks,
        prospecting_share=args.prospecting_share,
        share_a=args.share_a,
        share_b=args.share_b,
        allocation=args.allocation,
        hourly_cost=args.hourly_cost,
        holidays=args.holidays,
        summer_break=args.summer_break,
    )


# --- running ------------------------------------------------------------------------------------
def print_json(data) -> None:
    """Print ``data`` as JSON; NaN and infinities become null."""
    print(json.dumps(_json_safe(data), ensure_ascii=False, indent=2))


def _json_safe(value):
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def report_problems(err: AccountDataError) -> None:
    """Print every problem of ``err`` on stderr, one a line."""
    count = len(err.problems)
    print(
        f"error: the data cannot be used ({count} problem{'s' if count != 1 else ''}):",
        file=sys.stderr,
    )
    for problem in err.problems:
        print(f"  {problem}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)  # exits with status 2 on a wrong command line
    command = import_module(f"workbook.commands.{args.command}")
    try:
        return command.run(args)
    except AccountDataError as err:
        report_problems(err)
        return 1
    except SettingsError as err:  # a setting the person chose, wherever it was noticed
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
        print(
            f"error: {err.filename or err}: {err.strerror or 'cannot be opened'}", file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (`… | head`): nothing went wrong here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # a bug, not bad data: say so plainly, never a traceback
        if os.environ.get("WORKBOOK_DEBUG"):
            raise
        print(
            f"error: unexpected {type(err).__name__}: {err}\n"
            "This is a bug in the workbook; run again with WORKBOOK_DEBUG=1 to see where.",
            file=sys.stderr,
        )
        return 1
