"""The columns of a file that the loader uses, for the rows it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from workbook.errors import Problem
from workbook.loading.validate import cell_problems


@dataclass
class MappedColumns:
    """The mapped columns of the kept rows, with each row's spreadsheet row and each column's
    label for messages (``Omsetning (revenue)``); for a spreadsheet, also the real number cells
    and the formulas without saved values of a column (see ``tables.RawTable``), and the unit
    note that covers a column.

    Examples
    --------
    >>> columns = MappedColumns({"account": pa.array(["Fjord AS", "Berg AS", "Lys AS", "Sol AS"])},
    ...                         np.array([2, 3, 4, 5]), {"account": "Kunde (account)"}, "k.csv")
    >>> columns.keep(np.array([True, False, True, True]))
    >>> columns.cells["account"].to_pylist(), columns.rows.tolist()
    (['Fjord AS', 'Lys AS', 'Sol AS'], [2, 4, 5])
    """

    cells: dict[str, pa.Array]
    rows: np.ndarray
    labels: dict[str, str]
    file: str
    numbers: dict[str, pa.Array] = field(default_factory=dict)
    formulas: dict[str, pa.Array] = field(default_factory=dict)
    scales: dict = field(default_factory=dict)

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the rows where ``mask`` is True."""
        chosen = pa.array(mask)
        self.cells = {t: c.filter(chosen) for t, c in self.cells.items()}
        self.numbers = {t: c.filter(chosen) for t, c in self.numbers.items()}
        self.formulas = {t: c.filter(chosen) for t, c in self.formulas.items()}
        self.rows = self.rows[mask]

    def filled(self, target: str) -> np.ndarray:
        """Tell the rows where column ``target`` has something: a value, or a formula."""
        cells = self.cells[target]
        if cells.null_count == 0:
            present = np.ones(len(cells), dtype=bool)
        else:
            present = cells.is_valid().to_numpy(zero_copy_only=False)
        if target in self.formulas:
            present = present | self.formulas[target].is_valid().to_numpy(zero_copy_only=False)
        return present

    def problems_at(
        self, target: str, positions, message: str, code: str, raw: pa.Array | None = None
    ) -> list[Problem]:
        """Return one problem per cell of column ``target`` at ``positions`` (see
        ``validate.cell_problems``); ``raw`` replaces the column's cells as the values shown."""
        return cell_problems(
            positions,
            message,
            label=self.labels[target],
            rows=self.rows,
            raw=self.cells[target] if raw is None else raw,
            file=self.file,
            code=code,
        )
