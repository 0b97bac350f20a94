"""What several sub-commands share: loading the file named on the command line."""

from __future__ import annotations

from workbook.selection import select_owner


def load_from_args(args):
    """Load ``args.file`` with the command line's loading options; return the ``LoadResult``."""
    from workbook.loading import load

    return load(args.file, mapping=dict(args.mapping) or None, sheet=args.sheet, period=args.period)


def accounts_from_args(args):
    """Load ``args.file`` and keep the accounts of ``args.owner`` (all when it is not given)."""
    return select_owner(load_from_args(args).accounts, getattr(args, "owner", None))
