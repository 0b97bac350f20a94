"""The two kinds of error a person can act on: unusable data and unusable settings.

- :class:`AccountDataError`: the data cannot be used; it carries every problem found, each naming
  the file, row, column and value (the command line exits 1).
- :class:`SettingsError`: a setting a person chose cannot be used (a threshold, a share of time,
  a language); it names the setting and what it may be (the command line exits 2).

Anything else is a bug in the workbook, and is said to be one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

#: How many problems the text of an AccountDataError lists before it says "and N more".
MAX_LISTED = 50


@dataclass(frozen=True)
class Problem:
    """Something wrong with the data, said so a salesperson can find and fix it.

    Parameters
    ----------
    message : str
        What is wrong and what was expected, e.g. ``"is not an amount (expected e.g. 1 234,50)"``.
    column : str, optional
        The column as the person's file names it (with the canonical name where they differ).
    row : int, optional
        The row as seen in a spreadsheet (a plain file's header is row 1).
    value : str, optional
        The raw value, exactly as found.
    file : str, optional
        The file's name.
    code : str, default "invalid"
        A short machine-readable kind, e.g. ``"not_an_amount"``, ``"duplicate_id"``.

    Examples
    --------
    >>> print(Problem("is not an amount", column="revenue", row=57, value="12,5 %", file="a.csv"))
    a.csv: revenue: "12,5 %" in row 57 is not an amount
    >>> print(Problem("no revenue column was found", file="a.csv"))
    a.csv: no revenue column was found
    """

    message: str
    column: str | None = None
    row: int | None = None
    value: str | None = None
    file: str | None = None
    code: str = "invalid"

    def __str__(self) -> str:
        return self.describe()

    def describe(self, *, with_file: bool = True) -> str:
        """Return the problem as one line in the current language, optionally without the file's
        name in front.

        The line is made from a template per case (value and row, value, row, neither), so a
        language puts the value, the row and the message where it wants them: English
        ``"x" in row 3 is not an amount``, Norwegian ``«x» i rad 3 er ikke et beløp``. The
        message itself was translated where the problem was found.

        Examples
        --------
        >>> from workbook.i18n import use_language
        >>> problem = Problem("is not an amount", column="revenue", row=3, value="x")
        >>> with use_language("qps"):
        ...     problem.describe()
        '⟦revenue: ⟦"x" íñ ŕóŵ 3 is not an amount⟧⟧'
        """
        from workbook.i18n import _  # here, not above: workbook.i18n imports this module

        if self.value is not None and self.row is not None:
            template = _('"{value}" in row {row} {message}')
        elif self.value is not None:
            template = _('"{value}" {message}')
        elif self.row is not None:
            template = _("row {row} {message}")
        else:
            template = "{message}"
        text = template.format(value=self.value, row=self.row, message=self.message)
        if self.column:
            text = _("{column}: {problem}").format(column=self.column, problem=text)
        if self.file and with_file:
            text = _("{file}: {problem}").format(file=self.file, problem=text)
        return text

    def to_dict(self) -> dict:
        """Return the problem as plain data (for ``--json`` and the report manifest)."""
        return {**asdict(self), "text": str(self)}


class AccountDataError(ValueError):
    """The data cannot be used as it is; ``.problems`` lists every problem found.

    Examples
    --------
    >>> err = AccountDataError([Problem("is not an amount", column="revenue", row=3, value="x")])
    >>> len(err.problems)
    1
    >>> print(err)
    1 problem in the data:
      revenue: "x" in row 3 is not an amount
    """

    def __init__(self, problems: Iterable[Problem] | Problem | str, *, file: str | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, file=file)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.file = file
        super().__init__(self._text())

    def _text(self) -> str:
        from workbook import formatting as fmt  # here: formatting imports i18n, which imports us
        from workbook.i18n import ngettext

        count = len(self.problems)
        head = (
            ngettext("{n} problem in {file}:", "{n} problems in {file}:", count)
            if self.file
            else ngettext("{n} problem in the data:", "{n} problems in the data:", count)
        ).format(n=fmt.number(count), file=self.file)
        lines = [
            f"  {p.describe(with_file=p.file != self.file)}" for p in self.problems[:MAX_LISTED]
        ]
        if count > MAX_LISTED:
            rest = count - MAX_LISTED
            lines.append(
                "  " + ngettext("… and {n} more", "… and {n} more", rest).format(n=fmt.number(rest))
            )
        return "\n".join([head, *lines])


class SettingsError(ValueError):
    """A setting cannot be used; ``setting`` names it and ``allowed`` says what it may be.

    Bad data raises :class:`AccountDataError`; this is about the values a person chose.

    Examples
    --------
    >>> err = SettingsError("c must be a share between 0 and 1, not 1.5", setting="c")
    >>> err.setting, str(err)
    ('c', 'c must be a share between 0 and 1, not 1.5')
    """

    def __init__(self, message: str, *, setting: str | None = None, allowed: object = None):
        super().__init__(message)
        self.setting = setting
        self.allowed = allowed
