"""The command line: ``python -m workbook check|tiers|plan|report|sample|app|lab``.

Exit status: 0 on success, 1 when the data is unusable (every problem on stderr, each naming the
column and, where there is one, the row), 2 for a wrong command line. Never a traceback: set
``WORKBOOK_DEBUG=1`` to see one for an unexpected error.

Each sub-command lives in ``workbook.commands.<name>`` with a ``run(args) -> int``; this module
only builds the parser, shares the options several commands take, and turns errors into messages.

Every sub-command takes ``--language en|nb`` (default: the ``WORKBOOK_LANGUAGE`` environment
variable, else English). It is read before anything else, so the help, argparse's own words, the
messages, the tables and the errors all come out in that language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import math
import os
import sys
from importlib import import_module
from pathlib import Path

from workbook import i18n
from workbook.argparse_texts import speak_current_language
from workbook.errors import AccountDataError, SettingsError
from workbook.i18n import _, ngettext

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
            _("'{text}' is not a share (write e.g. 0.2 or 20%)").format(text=text)
        ) from None
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a share between 0 and 1 (or 0% and 100%)").format(text=text)
        )
    return value


def positive(text: str) -> float:
    """Read a number greater than zero (hours, weeks, costs)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{text}' is not a number").format(text=text)) from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(_("'{text}' must be greater than 0").format(text=text))
    return value


def iso_date(text: str) -> dt.date:
    """Read a date written as ``2027-01-04``."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date (write e.g. 2027-01-04)").format(text=text)
        ) from None


def mapping_pair(text: str) -> tuple[str, str]:
    """Read ``"Source header=canonical"`` from ``--map``."""
    source, sep, canonical = text.rpartition("=")
    if not sep or not source.strip() or not canonical.strip():
        raise argparse.ArgumentTypeError(
            _(
                "'{text}': write --map \"Header in your file=canonical_name\", "
                'e.g. --map "Kunde=account"'
            ).format(text=text)
        )
    return source.strip(), canonical.strip()


def language_option(text: str) -> str:
    """Read ``--language``: ``en`` or ``nb`` (``nb-NO``, ``norsk`` … are read as ``nb``)."""
    try:
        return i18n.check_language(text)
    except i18n.LanguageError:
        raise argparse.ArgumentTypeError(
            _(
                "'{text}' is not a language the workbook speaks: choose en (English) or nb "
                "(Norsk bokmål)"
            ).format(text=text)
        ) from None


# --- shared option groups -------------------------------------------------------------------------
def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language",
        type=language_option,
        metavar="en|nb",
        default=argparse.SUPPRESS,  # read before parsing (see main); never clobbered here
        help=_(
            "the language of every text: en (English) or nb (Norsk bokmål); default: the "
            "{variable} environment variable, else en"
        ).format(variable=i18n.ENVIRONMENT_VARIABLE),
    )


def _add_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        metavar=_("FILE"),
        help=_("the accounts or order-lines file (CSV, TSV, TXT, XLSX, Parquet)"),
    )
    parser.add_argument(
        "--sheet", metavar=_("SHEET"), help=_("the Excel sheet to read (default: the first)")
    )
    parser.add_argument(
        "--map",
        dest="mapping",
        metavar=_('"HEADER=COLUMN"'),
        action="append",
        type=mapping_pair,
        default=[],
        help=_("use this header of your file for a canonical column (repeatable)"),
    )
    parser.add_argument(
        "--period",
        metavar=_("START:END|all"),
        help=_(
            "order lines only: the analysis window, e.g. 2025-01-01:2025-12-31, or 'all' "
            "(default: the 12 months up to the latest order)"
        ),
    )


def _add_owner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--owner", metavar=_("NAME"), help=_("only this salesperson's accounts (the owner column)")
    )


def _add_tier_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("tier options"))
    group.add_argument(
        "--metric",
        choices=METRICS,
        default="revenue",
        help=_("rank accounts by this (default: revenue)"),
    )
    group.add_argument(
        "--method",
        choices=METHODS,
        default="account_share",
        help=_(
            "account_share: A = top a of accounts, C = bottom c (default); value_share: A "
            "reaches a of value, B reaches b"
        ),
    )
    share = _("SHARE")
    group.add_argument(
        "--a",
        type=fraction,
        metavar=share,
        help=_("A threshold (default 0.20 of accounts or 0.80 of value)"),
    )
    group.add_argument(
        "--b",
        type=fraction,
        metavar=share,
        help=_("B threshold, value_share only (default 0.95 of value)"),
    )
    group.add_argument(
        "--c",
        type=fraction,
        metavar=share,
        help=_("C share of accounts, account_share only (default 0.25)"),
    )
    _add_pins(group)


def _add_pins(parser) -> None:
    parser.add_argument(
        "--pins",
        type=Path,
        metavar="FILE",
        help=_("accounts pinned to a tier by hand: a CSV (or XLSX) with account_id, tier, reason"),
    )


def _add_compare(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("since the previous period")).add_mutually_exclusive_group()
    group.add_argument(
        "--compare",
        type=Path,
        metavar="PREVIOUS_FILE",
        help=_(
            "compare with the previous period's file (an export or a tier list written "
            "earlier): who moved tier, who is new or lost, and the revenue bridge"
        ),
    )
    group.add_argument(
        "--compare-previous",
        action="store_true",
        help=_("order lines: compare with the 12 months before the period"),
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))


def _add_plan_options(plan: argparse.ArgumentParser) -> None:
    share = _("SHARE")
    plan.add_argument(
        "--hours-per-week",
        type=positive,
        default=None,
        metavar=_("HOURS"),
        help=_("selling hours you can plan each week, travel included (default 30)"),
    )
    plan.add_argument(
        "--weeks",
        type=positive,
        default=None,
        metavar=_("WEEKS"),
        help=_("selling weeks in the year (default 45)"),
    )
    plan.add_argument(
        "--prospecting-share",
        type=fraction,
        default=None,
        metavar=share,
        help=_("share of selling time kept for new customers, outside the tiers (default 0.1)"),
    )
    plan.add_argument(
        "--share-a",
        type=fraction,
        default=None,
        metavar=share,
        help=_("share of field time for A (default 0.8)"),
    )
    plan.add_argument(
        "--share-b",
        type=fraction,
        default=None,
        metavar=share,
        help=_("share of field time for B (default 0.2)"),
    )
    plan.add_argument(
        "--allocation",
        choices=ALLOCATIONS,
        default=None,
        help=_(
            "how a tier's hours go to its accounts: response (diminishing returns, the "
            "default), equal, or value (in proportion)"
        ),
    )
    plan.add_argument(
        "--hourly-cost",
        type=positive,
        default=None,
        metavar=_("AMOUNT"),
        help=_("what an hour of selling time costs, in the file's currency (default 800)"),
    )
    plan.add_argument(
        "--accounts-out",
        type=Path,
        metavar="PLAN.csv|PLAN.xlsx",
        help=_("write the plan per account: hours, visits, cadence, channel, time today"),
    )
    plan.add_argument(
        "--ics",
        type=Path,
        metavar="FILE.ics",
        help=_("write a calendar file: the weekly blocks, or the visit rota with --rota"),
    )
    plan.add_argument(
        "--rota",
        action="store_true",
        help=_("make --ics the visit rota: one event per visit, every visit in a week of the year"),
    )
    plan.add_argument(
        "--tasks-out",
        type=Path,
        metavar="TASKS.csv|TASKS.xlsx",
        help=_("write the visit rota as a task list a CRM can import"),
    )
    plan.add_argument(
        "--holidays",
        metavar="NO|none",
        default=None,
        help=_("the country whose public holidays the rota leaves free (default NO)"),
    )
    plan.add_argument(
        "--summer-break",
        metavar="28-30|none",
        default=None,
        help=_("ISO weeks of a summer break the rota leaves free (default 28-30)"),
    )
    plan.add_argument(
        "--start",
        type=iso_date,
        default=None,
        metavar=_("YYYY-MM-DD"),
        help=_("the rota's and calendar's first week (default: next Monday)"),
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every sub-command (each with ``--help``), in the current language."""
    speak_current_language()
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Account Focus Workbook: check your accounts file, tier your accounts, plan your "
            "selling time and write reports."
        ),
        epilog=_("Exit status: 0 success, 1 unusable data, 2 wrong command line."),
    )
    _add_language(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))

    def command(name: str, **texts) -> argparse.ArgumentParser:
        made = sub.add_parser(name, **texts)
        _add_language(made)
        return made

    check = command(
        "check",
        help=_("read a file and say what the workbook understood"),
        description=_(
            "Read an accounts or order-lines file and report the columns found, totals, dropped "
            "rows and warnings, or every problem."
        ),
    )
    _add_input(check)
    _add_json(check)

    tiers = command(
        "tiers",
        help=_("rank accounts and sort them into A/B/C tiers"),
        description=_(
            "Rank accounts and sort them into A/B/C tiers; print the concentration figures and "
            "tier sizes, or write the tier list."
        ),
    )
    _add_input(tiers)
    _add_tier_options(tiers)
    _add_owner(tiers)
    tiers.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv|FILE.xlsx",
        help=_("write the accounts with rank and tier (ready to import into a CRM)"),
    )
    _add_compare(tiers)
    _add_json(tiers)

    plan = command(
        "plan",
        help=_("turn the tiers into a time plan"),
        description=_(
            "Turn the tiers into a time plan: hours for new customers, each tier and each account "
            "(visits by value, with diminishing returns), whether it fits, where time goes today "
            "against it, and a visit rota for the year."
        ),
    )
    _add_input(plan)
    _add_tier_options(plan)
    _add_owner(plan)
    _add_plan_options(plan)
    _add_json(plan)

    report = command(
        "report",
        help=_("write report notebooks and HTML files"),
        description=_(
            "Run the report notebook with papermill: one report for the file or one per owner, "
            "plus a team overview and a manifest. --language also sets the reports' language "
            "(unless -p language is given)."
        ),
    )
    report.add_argument(
        "file", type=Path, metavar=_("FILE"), help=_("the accounts or order-lines file")
    )
    report.add_argument("--by", choices=["owner"], help=_("one report per value of this column"))
    report.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar=_("FOLDER"),
        help=_("output folder (default: reports/)"),
    )
    report.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help=_("reports run at once (default: the number of cores)"),
    )
    report.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help=_("run the reports on this Dask cluster's workers (needs the cluster extra)"),
    )
    report.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        nargs=2,
        action="append",
        default=[],
        metavar=(_("NAME"), _("VALUE")),
        help=_("a parameter of the report notebook (repeatable)"),
    )
    _add_pins(report)
    report.add_argument(
        "--compare",
        type=Path,
        metavar="PREVIOUS_FILE",
        help=_(
            "add a 'since last period' section comparing with this file (order lines "
            "get one from their previous 12 months without it)"
        ),
    )

    sample = command(
        "sample",
        help=_("write the sample data files"),
        description=_("Write the synthetic sample data (fixed seed: the same files every time)."),
    )
    sample.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar=_("FOLDER"),
        help=_("output folder (default: data/)"),
    )

    from workbook.app.__main__ import add_arguments as add_app_arguments

    app = command(
        "app",
        help=_("serve the app (the whole workbook on one page) for you or a training room"),
        description=_(
            "Serve the Voilà app on notebooks/app.ipynb, as make app does. For a room: --host "
            "0.0.0.0 --token WORD, and --room NAME for the room view."
        ),
    )
    add_app_arguments(app)

    lab = command(
        "lab",
        help=_("open the guided notebooks in JupyterLab"),
        description=_("Open JupyterLab on the notebooks folder, as make lab does."),
    )
    lab.add_argument(
        "--port",
        type=int,
        default=None,
        metavar=_("PORT"),
        help=_("port (default: JupyterLab's, 8888)"),
    )
    lab.add_argument("--no-browser", action="store_true", help=_("do not open a browser"))
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


def table_lines(header: list[str], rows: list[list[str]], *, gap: int = 2) -> list[str]:
    """Return a table as lines of text: the first column left-aligned, the others right-aligned,
    each as wide as its widest cell (so a longer heading in another language still fits).

    Examples
    --------
    >>> print("\\n".join(table_lines(["tier", "accounts"], [["A", "50"], ["B", "138"]])))
    tier  accounts
    A           50
    B          138
    """
    widths = [max(len(line[i]) for line in (header, *rows)) for i in range(len(header))]
    return [
        (" " * gap).join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in (header, *rows)
    ]


def report_problems(err: AccountDataError) -> None:
    """Print every problem of ``err`` on stderr, one a line."""
    count = len(err.problems)
    print(
        ngettext(
            "error: the data cannot be used ({n} problem):",
            "error: the data cannot be used ({n} problems):",
            count,
        ).format(n=count),
        file=sys.stderr,
    )
    for problem in err.problems:
        print(f"  {problem}", file=sys.stderr)


def error(message: str) -> None:
    """Print ``message`` on stderr as an error of the command line."""
    print(_("error: {message}").format(message=message), file=sys.stderr)


def file_error(err: OSError) -> str:
    """Return why a file cannot be opened, in the current language (not the system's).

    Examples
    --------
    >>> file_error(FileNotFoundError(2, "No such file or directory", "kunder.csv"))
    'kunder.csv: no such file'
    """
    reasons = {
        errno.ENOENT: _("no such file"),
        errno.EISDIR: _("is a folder, not a file"),
        errno.EACCES: _("you may not open it (permission denied)"),
        errno.EPERM: _("you may not open it (permission denied)"),
    }
    reason = reasons.get(err.errno, _("cannot be opened"))
    return _("{file}: {reason}").format(file=err.filename or err, reason=reason)


def language_given(argv: list[str]) -> str | None:
    """Return the value of ``--language`` in ``argv`` (also ``--language=nb``, ``--lang nb``).

    Examples
    --------
    >>> language_given(["check", "a.csv", "--lang", "nb"]), language_given(["--language=en"])
    ('nb', 'en')
    >>> language_given(["check", "--", "--language", "nb"]) is None
    True
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name.startswith("--la") and "--language".startswith(name):
            if equals:
                return value
            return argv[i + 1] if i + 1 < len(argv) else None
    return None


def choose_language(argv: list[str]) -> str:
    """Return the language of this command line: ``--language``, else ``WORKBOOK_LANGUAGE``,
    else English.

    A ``--language`` the workbook does not speak is left for the parser to refuse; an
    environment variable it does not speak raises LanguageError.
    """
    given = language_given(argv)
    if given is not None:
        try:
            return i18n.check_language(given)
        except i18n.LanguageError:
            pass  # the parser says so, as a wrong command line
    return i18n.check_language(os.environ.get(i18n.ENVIRONMENT_VARIABLE, ""))


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        chosen = choose_language(argv)
    except i18n.LanguageError:
        error(
            _(
                "the {variable} environment variable is '{value}', a language the workbook does "
                "not speak: set it to en (English) or nb (Norsk bokmål), or give --language"
            ).format(
                variable=i18n.ENVIRONMENT_VARIABLE,
                value=os.environ.get(i18n.ENVIRONMENT_VARIABLE, ""),
            )
        )
        return 2
    with i18n.use_language(chosen):
        return _run(argv)


def _run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)  # exits with status 2 on a wrong command line
    command = import_module(f"workbook.commands.{args.command}")
    try:
        return command.run(args)
    except AccountDataError as err:
        report_problems(err)
        return 1
    except SettingsError as err:  # a setting the person chose, wherever it was noticed
        error(str(err))
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
        error(file_error(err))
        return 1
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (`… | head`): nothing went wrong here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # a bug, not bad data: say so plainly, never a traceback
        if os.environ.get("WORKBOOK_DEBUG"):
            raise
        print(
            _(
                "error: unexpected {kind}: {error}\n"
                "This is a bug in the workbook; run again with WORKBOOK_DEBUG=1 to see where."
            ).format(kind=type(err).__name__, error=err),
            file=sys.stderr,
        )
        return 1
