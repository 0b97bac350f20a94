"""argparse's own words ("usage:", "options", its errors), in the language of the command line.

argparse looks each of its texts up at the moment it writes it, through its module-level ``_``
and ``ngettext`` (GNU gettext's, domain "argparse"). :func:`speak_current_language` points them at
``workbook.i18n``, so the help and the errors of ``python -m workbook`` come out in the current
language. The texts are argparse's own msgids (Python 3.11 to 3.13), copied below and marked, so
``make messages`` extracts them into the workbook's catalog.

Examples
--------
>>> import argparse
>>> from workbook.i18n import use_language
>>> speak_current_language()
>>> with use_language("qps"):
...     argparse.ArgumentParser(prog="x").format_usage()
'⟦úšáĝé: ⟧x [-h]\\n'
"""

from __future__ import annotations

import argparse

from workbook.i18n import N_, _, ngettext

#: argparse's texts a person may meet: the help's headings and the errors it writes.
TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("subcommands"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unexpected option string: %s"),
)


def _plural_texts() -> None:  # never called: marks argparse's texts with a plural
    ngettext("expected %s argument", "expected %s arguments", 2)
    ngettext("conflicting option string: %s", "conflicting option strings: %s", 2)


def _gettext(message: str | None) -> str | None:
    """Translate as argparse asks: it also asks for ``None`` and ``""`` (no description)."""
    return _(message) if message else message


def speak_current_language() -> None:
    """Make argparse write its own texts in the current language (``workbook.i18n``)."""
    argparse._ = _gettext
    argparse.ngettext = ngettext
