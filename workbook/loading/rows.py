"""Which rows are accounts: blank rows and total rows are left out, and a file with a date
column and accounts on many rows is order lines."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.loading.columns import MappedColumns
from workbook.loading.footers import SUBTOTAL_START_RE2, TOTAL_LABEL_RE2
from workbook.loading.headers import match_header
from workbook.loading.numbers import MAYBE_SPACE, first_bytes
from workbook.loading.tables import RawTable
from workbook.loading.values import parse_column

#: The first letters of every total label.
_TOTAL_STARTS = np.zeros(256, dtype=bool)
_TOTAL_STARTS[list(b"tsgiTSGI")] = True
#: Columns only an account list has; with them, a date column does not make order lines.
ACCOUNT_LIST_ONLY = ("visits", "selling_hours", "service_requests", "potential", "revenue_prev")


def drop_blank_and_total_rows(columns: MappedColumns, raw: RawTable) -> list[dict]:
    """Leave out rows with nothing in the used columns, and total rows (reported)."""
    filled = np.zeros(len(columns.rows), dtype=bool)
    for target in columns.cells:
        filled |= columns.filled(target)
    total = np.zeros(len(columns.rows), dtype=bool)
    labels = [columns.cells[t] for t in ("account", "account_id") if t in columns.cells]
    if raw.columns and all(raw.columns[0] is not cells for cells in labels):
        labels.append(raw.columns[0])
    shown = {}
    for cells in labels:
        if not pa.types.is_string(cells.type):
            continue
        for position in _total_labels(cells):
            if not total[position]:
                shown[position] = cells[int(position)].as_py().strip()
                total[position] = True
    if "account_id" in columns.cells and "account" in columns.cells:
        # A row with no id whose name starts "Total ..." or "Sum ..." is a subtotal.
        names = columns.cells["account"]
        no_id = np.flatnonzero(
            columns.cells["account_id"].is_null().to_numpy(zero_copy_only=False) & ~total
        )
        if len(no_id):
            hit = pc.match_substring_regex(names.take(pa.array(no_id)), SUBTOTAL_START_RE2)
            for position in no_id[pc.fill_null(hit, False).to_numpy(zero_copy_only=False)]:
                shown[position] = names[int(position)].as_py().strip()
                total[position] = True
    reason = _('total row "{label}"')
    dropped = [
        {"row": int(columns.rows[p]), "reason": reason.format(label=shown[p])}
        for p in sorted(shown)
    ]
    if not np.all(filled & ~total):
        columns.keep(filled & ~total)
    return dropped


def _total_labels(cells: pa.Array) -> np.ndarray:
    """Return the positions of cells such as "Total", "Sum", "Grand Total" or "Totalt"."""
    # Every total label starts with one of these letters (after white space): test the few
    # cells that do, found by their first byte.
    first = first_bytes(cells)
    candidates = np.flatnonzero(_TOTAL_STARTS[first] | MAYBE_SPACE[first])
    if not len(candidates):
        return candidates
    hit = pc.match_substring_regex(cells.take(pa.array(candidates)), TOTAL_LABEL_RE2)
    return candidates[pc.fill_null(hit, False).to_numpy(zero_copy_only=False)]


def drop_unlabelled_total(columns: MappedColumns) -> list[dict]:
    """Leave out a last row with no account whose revenue is the sum of the rows above it."""
    if len(columns.rows) < 3:
        return []
    if any(columns.filled(t)[-1] for t in ("account", "account_id") if t in columns.cells):
        return []
    revenue = parse_column(columns, "revenue").values
    above, last = np.nansum(revenue[:-1]), revenue[-1]
    if not np.isfinite(last) or abs(last - above) > max(0.005 * abs(above), 0.01):
        return []
    row = int(columns.rows[-1])
    columns.keep(np.arange(len(columns.rows)) < len(columns.rows) - 1)
    return [
        {
            "row": row,
            "reason": _("total row (no account; its revenue is the sum of the rows above)"),
        }
    ]


def kind_of_file(columns: MappedColumns, date_header: str | None, warnings: list[str]) -> str:
    """Tell order lines (a date column, accounts on many rows) from an account list."""
    if "date" not in columns.cells:
        return "accounts"
    key = columns.cells.get("account_id", columns.cells.get("account"))
    repeats = pc.count_distinct(key).as_py() < len(key) - key.null_count
    # With every account on one row, only a plain order date (not "Last order date") and no
    # column that only account lists have make order lines.
    match = match_header(date_header or "")
    plain_date = match is not None and match.target == "date" and match.rank < 1000
    if not repeats and (any(t in columns.cells for t in ACCOUNT_LIST_ONLY) or not plain_date):
        warnings.append(
            _(
                "{file}: {column} is not used: every account is on one row, so this is read as "
                "an account list, not order lines."
            ).format(file=columns.file, column=columns.labels["date"])
        )
        del columns.cells["date"]
        return "accounts"
    for target in ("potential", "revenue_prev"):
        if columns.cells.pop(target, None) is not None:
            warnings.append(
                _("{file}: {column} is not used for order lines.").format(
                    file=columns.file, column=columns.labels[target]
                )
            )
    return "order_lines"


def keep_owner(columns: MappedColumns, owner: str) -> None:
    """Keep one salesperson's rows (case and surrounding spaces ignored), before any cell is
    checked, so that another owner's bad rows do not stop this one's.

    Examples
    --------
    >>> columns = MappedColumns({"owner": pa.array(["Kari", "Per", " kari ", None, "Ola"])},
    ...                         np.arange(2, 7), {"owner": "Selger (owner)"}, "k.csv")
    >>> keep_owner(columns, "KARI")
    >>> columns.rows.tolist()
    [2, 4]
    """
    if "owner" not in columns.cells:
        raise AccountDataError(
            Problem(
                _('cannot pick the accounts of "{owner}": the file has no owner column').format(
                    owner=owner
                ),
                file=columns.file,
                code="no_owner",
            ),
            file=columns.file,
        )
    names = pc.utf8_lower(pc.utf8_trim_whitespace(pc.cast(columns.cells["owner"], pa.string())))
    chosen = pc.fill_null(pc.equal(names, str(owner).strip().lower()), False)
    if not pc.any(chosen).as_py():
        people: dict[str, str] = {}  # one spelling per person, as the match ignores case
        for name in sorted(
            str(n).strip()
            for n in pc.unique(columns.cells["owner"]).to_pylist()
            if n is not None and str(n).strip()
        ):
            people.setdefault(name.casefold(), name)
        listed = ", ".join(people[key] for key in sorted(people)) or _("none")
        raise AccountDataError(
            Problem(
                _("has no accounts (the owners are: {owners})").format(owners=listed),
                column=columns.labels["owner"],
                value=str(owner),
                file=columns.file,
                code="unknown_owner",
            ),
            file=columns.file,
        )
    columns.keep(chosen.to_numpy(zero_copy_only=False))
