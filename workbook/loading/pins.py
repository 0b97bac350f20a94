"""A file of pinned accounts: ``account_id``, ``tier`` and ``reason``, one account a row.

It is read like any other file a salesperson brings (CSV, TSV, TXT, XLSX or Parquet; the encoding,
separator and header row found by the loader), and every problem is said at once, naming the
file, the row as a spreadsheet shows it, the column and the value. Whether each account exists is
checked where the pins meet the accounts (``workbook.assign_tiers``).

The headers may be English or Norwegian: ``account_id`` (Account ID, Customer number, Kundenr …,
or the account's name when the accounts file has no ids), ``tier`` (Tier, Pinned tier, Nivå,
Kundegruppe) and ``reason`` (Reason, Why, Comment, Begrunnelse, Årsak, Kommentar).
"""

from __future__ import annotations

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _, ngettext
from workbook.loading.aliases import ALIASES
from workbook.loading.headers import normalise
from workbook.loading.source import read_source
from workbook.loading.tables import read_table
from workbook.schema import TIERS
from workbook.settings import Pin

#: The headers of each column of a pins file, normalised (see ``headers.normalise``), in order
#: of preference; the account may be named by its id or, failing that, by its name.
PIN_HEADERS: dict[str, tuple[str, ...]] = {
    "account_id": (*ALIASES["account_id"], *ALIASES["account"]),
    "tier": ("tier", "pinned tier", "pin tier", "pin", "pinned to", "nivå", "kundegruppe", "abc"),
    "reason": (
        "reason",
        "pin reason",
        "why",
        "comment",
        "note",
        "begrunnelse",
        "årsak",
        "grunn",
        "kommentar",
        "merknad",
    ),
}


def read_pins(source) -> tuple[Pin, ...]:
    """Read a file of pinned accounts.

    Parameters
    ----------
    source : str, Path, (name, bytes) or an uploaded file
        The file (see ``workbook.load``): a header row with ``account_id``, ``tier`` and
        ``reason``, then one pinned account a row. An empty path ("" or None, as a notebook's
        ``pins_path`` is by default) is no pins.

    Returns
    -------
    tuple of Pin
        In the file's order.

    Raises
    ------
    AccountDataError
        A column is missing, or rows have no account, a tier that is not A, B or C, no reason,
        or an account pinned twice: every such problem, each with its row, column and value.

    Examples
    --------
    >>> text = "Kundenr;Nivå;Begrunnelse\\n00123;a;Referansekunde\\n00456;B;Ny innkjøper\\n"
    >>> read_pins(("pins.csv", text.encode()))
    (Pin(account_id='00123', tier='A', reason='Referansekunde'), Pin(account_id='00456', tier='B', reason='Ny innkjøper'))
    >>> read_pins(("pins.csv", b"account_id,tier,reason\\n001,D,ramping up\\n002,A,\\n"))
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 2 problems in pins.csv:
      tier: "D" in row 2 is not a tier: pin to A, B or C
      reason: row 3 is blank: say why account 002 is pinned
    """  # noqa: E501
    if source is None or (isinstance(source, str) and not source.strip()):
        return ()
    src = read_source(source)
    raw = read_table(src)
    file = src.name
    found = _columns(raw.headers)
    missing = [name for name in PIN_HEADERS if name not in found]
    if missing:
        raise AccountDataError(
            Problem(
                ngettext(
                    "has no {columns} column: a pins file has the columns account_id, tier and "
                    "reason (its headers: {headers})",
                    "has no {columns} columns: a pins file has the columns account_id, tier and "
                    "reason (its headers: {headers})",
                    len(missing),
                ).format(columns=", ".join(missing), headers=", ".join(raw.headers)),
                file=file,
                code="missing_column",
            )
        )
    cells = {name: raw.columns[index].to_pylist() for name, index in found.items()}
    headers = {name: raw.headers[index] for name, index in found.items()}
    problems: list[Problem] = [*raw.problems]
    pins: list[Pin] = []
    first_row: dict[str, int] = {}
    for i, row in enumerate(raw.rows.tolist()):
        account, tier, reason = (_clean(cells[name][i]) for name in PIN_HEADERS)
        if not (account or tier or reason):
            continue  # a blank line
        found_problems = _row_problems(account, tier, reason, row, headers, file)
        if not found_problems and account in first_row:
            found_problems.append(
                Problem(
                    _("is pinned again (first in row {row}): keep one pin").format(
                        row=first_row[account]
                    ),
                    column=headers["account_id"],
                    row=row,
                    value=account,
                    file=file,
                    code="duplicate_pin",
                )
            )
        if found_problems:
            problems += found_problems
            continue
        first_row[account] = row
        pins.append(Pin(account, tier, reason))
    if problems:
        raise AccountDataError(problems, file=file)
    return tuple(pins)


def _columns(headers: list[str]) -> dict[str, int]:
    """Return the position of each pins column among ``headers`` (the preferred header first)."""
    found: dict[str, int] = {}
    normalised = [normalise(header) for header in headers]
    for name, aliases in PIN_HEADERS.items():
        for alias in (name.replace("_", " "), *aliases):
            if alias in normalised and normalised.index(alias) not in found.values():
                found[name] = normalised.index(alias)
                break
    return found


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _row_problems(
    account: str, tier: str, reason: str, row: int, headers: dict[str, str], file: str
) -> list[Problem]:
    problems = []
    if not account:
        problems.append(
            Problem(
                _("is blank: which account is pinned?"),
                column=headers["account_id"],
                row=row,
                file=file,
                code="missing_value",
            )
        )
    if tier.upper() not in TIERS:
        problems.append(
            Problem(
                _("is not a tier: pin to A, B or C") if tier else _("is blank: pin to A, B or C"),
                column=headers["tier"],
                row=row,
                value=tier or None,
                file=file,
                code="not_a_tier",
            )
        )
    if not reason:
        problems.append(
            Problem(
                (
                    _("is blank: say why account {account} is pinned").format(account=account)
                    if account
                    else _("is blank")
                ),
                column=headers["reason"],
                row=row,
                file=file,
                code="missing_value",
            )
        )
    return problems
