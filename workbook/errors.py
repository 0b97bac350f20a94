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
        """Return the problem as one line, optionally without the file's name in front."""
        where = f"{self.file}: " if self.file and with_file else ""
        if self.column:
            where += f"{self.column}: "
        subject = []
        if self.value is not None:
            subject.append(f'"{self.value}"')
        if self.row is not None:
            subject.append(f"in row {self.row}" if subject else f"row {self.row}")
        return where + " ".join([*subject, self.message])

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
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in "
        head += f"{self.file}:" if self.file else "the data:"
        lines = [
            f"  {p.describe(with_file=p.file != self.file)}" for p in self.problems[:MAX_LISTED]
        ]
        if count > MAX_LISTED:
            lines.append(f"  … and {count - MAX_LISTED} more")
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
