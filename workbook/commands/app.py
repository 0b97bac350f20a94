"""``python -m workbook app``: serve the Voilà app, as ``make app`` does (see ``workbook.app``)."""

from __future__ import annotations


def run(args) -> int:
    from workbook.app.__main__ import run as serve

    return serve(args)
