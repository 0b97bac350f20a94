"""The columns of a file that the loader uses, for the rows it keeps."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass
class MappedColumns:
    """The mapped columns of the kept rows, with each row's spreadsheet row and each column's
    label for messages (``Omsetning (revenue)``).

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

    def keep(self, mask: np.ndarray) -> None:
        """Keep only the rows where ``mask`` is True."""
        chosen = pa.array(mask)
        self.cells = {t: c.filter(chosen) for t, c in self.cells.items()}
        self.rows = self.rows[mask]
