"""What several sub-commands share: loading the file named on the command line, choosing one
salesperson's accounts, checking the pins against the file, and the previous period."""

from __future__ import annotations

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.selection import select_owner, select_owner_or_none


def load_from_args(args, file=None):
    """Load ``args.file`` (or ``file``) with the command line's loading options; return the
    ``LoadResult``."""
    from workbook.loading import load

    return load(
        args.file if file is None else file,
        mapping=dict(args.mapping) or None,
        sheet=args.sheet,
        period=args.period if file is None else None,
    )


def book_from_args(args, settings):
    """Load ``args.file``, keep the accounts of ``args.owner`` and fit the settings' pins to them.

    The pins are checked against every account of the file (a pin naming no account in it is an
    error), then only those of the chosen accounts are kept, so a team's pins file serves each
    salesperson. Returns ``(loaded, accounts, settings)``.
    """
    from workbook.analysis.tiers import check_pins

    loaded = load_from_args(args)
    accounts = select_owner(loaded.accounts, getattr(args, "owner", None))
    if settings.pins:
        check_pins(settings, loaded.accounts)
        settings = settings.pins_for(accounts["account_id"])
    return loaded, accounts, settings


def previous_from_args(args, loaded):
    """Return the previous period's accounts and what to call it, or ``(None, "")`` when the
    command line asks for no comparison.

    ``--compare FILE`` reads FILE as the current file is read (the same column mapping and
    sheet; order lines over the 12 months up to its own latest date); ``--compare-previous``
    takes the 12 months before the current period from the same order lines.
    """
    if getattr(args, "compare", None):
        previous = load_from_args(args, file=args.compare)
        name = previous.file
        accounts = previous.accounts
    elif getattr(args, "compare_previous", False):
        accounts = getattr(loaded, "previous", None)
        name = _previous_name(loaded)
        if accounts is None:
            raise AccountDataError(_no_previous(loaded))
    else:
        return None, ""
    return select_owner_or_none(accounts, getattr(args, "owner", None)), name


def _previous_name(loaded) -> str:
    period = getattr(loaded, "previous_period", None)
    if period is None:
        return getattr(loaded, "file", "")
    start, end = (day.date().isoformat() for day in period)
    return f"{loaded.file}, {start} to {end}"


def _no_previous(loaded) -> Problem:
    file = getattr(loaded, "file", None)
    if getattr(loaded, "kind", "") != "order_lines":
        return Problem(
            _(
                "is an account list: it has one period only. Give the previous period's file "
                "with --compare FILE instead"
            ),
            file=file,
            code="no_previous_period",
        )
    return Problem(
        _(
            "has no order lines in the 12 months before its period, so there is nothing to "
            "compare with (--period sets another window; --compare FILE compares with another "
            "file)"
        ),
        file=file,
        code="no_previous_period",
    )
