"""Errors a notebook shows as their message only: what to fix, never where in the code it was.

IPython shows an exception's ``_render_traceback_`` instead of its traceback; these use it to show
the problems and one line of advice, so a salesperson running a notebook never meets a traceback.
"""

from __future__ import annotations

import os

from workbook.errors import AccountDataError, Problem, SettingsError
from workbook.i18n import _


class _ShownPlainly:
    """A mix-in: show the error's text and its advice, no traceback."""

    def advice(self) -> str:
        return ""

    def _render_traceback_(self) -> list[str]:
        return [str(self), "", self.advice()]


class FileRefused(_ShownPlainly, AccountDataError):
    """The file (or the owner chosen) cannot be used; the cells below wait until it can."""

    def advice(self) -> str:
        return _(
            "The cells below need your accounts: fix the file or the owner in the parameters "
            "cell, then run the notebook again. 01-load-your-accounts shows what was read."
        )


class SettingRefused(_ShownPlainly, SettingsError):
    """A value in the parameters cell cannot be used."""

    def advice(self) -> str:
        return _("Change it in the parameters cell at the top, then run the notebook again.")


def missing_file(path: object) -> FileRefused:
    """Return the refusal of a file that is not there, with what to do about it.

    Examples
    --------
    >>> print(missing_file(r"C:\\Users\\kari\\kunder.csv").problems[0].message)
    is not there. It looks like a Windows path: on this computer write it with forward slashes
    (C:/Users/kari/kunder.csv), or choose the file in 01-load-your-accounts.
    """
    text = str(path)
    message = _(
        "is not there. Check the name and the folder, or choose the file in 01-load-your-accounts."
    )
    windows_path = "\\" in text or (len(text) > 1 and text[1] == ":")
    if windows_path and os.name != "nt":  # on Windows itself such a path is simply wrong
        message = _(
            "is not there. It looks like a Windows path: on this computer write it with forward "
            "slashes ({forward}), or choose the file in 01-load-your-accounts."
        ).format(forward=text.replace("\\", "/"))
    return FileRefused([Problem(message, value=text, code="missing_file")])
