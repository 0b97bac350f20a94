"""Tables as files a spreadsheet opens safely: CSV (UTF-8 with BOM, for Excel) and XLSX.

Text that starts with ``= + - @`` (or a tab or carriage return) is what a spreadsheet runs as a
formula when someone opens the file; such text gets a leading apostrophe (OWASP's advice on CSV
injection). Numbers are left alone. The functions return bytes, so the app can offer a download
without writing a participant's data to the server's disk.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells cannot run as spreadsheet formulas.

    Examples
    --------
    >>> frame = pd.DataFrame({"account": ["=HYPERLINK(1)", "Acme", "-Foo", "@x"],
    ...                       "revenue": [-1.0, 2, 3, 4]})
    >>> spreadsheet_safe(frame)["account"].tolist()
    ["'=HYPERLINK(1)", 'Acme', "'-Foo", "'@x"]
    >>> spreadsheet_safe(frame)["revenue"].tolist()
    [-1.0, 2.0, 3.0, 4.0]
    """
    safe = frame.copy()
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            text = column.astype("string")
            risky = text.str.startswith(FORMULA_STARTS).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                safe[name] = column.astype(object)
                safe.loc[risky, name] = "'" + text[risky]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return ``frame`` as CSV bytes that Excel opens with Norwegian letters intact."""
    return spreadsheet_safe(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str = "Accounts") -> bytes:
    """Return ``frame`` as the bytes of an .xlsx workbook with one sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        spreadsheet_safe(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()


def table_bytes(frame: pd.DataFrame, suffix: str, *, sheet: str = "Accounts") -> bytes:
    """Return ``frame`` as ``.csv`` or ``.xlsx`` bytes, chosen by ``suffix`` (``Path.suffix``)."""
    kind = suffix.lower().lstrip(".")
    if kind == "csv":
        return csv_bytes(frame)
    if kind == "xlsx":
        return xlsx_bytes(frame, sheet=sheet)
    raise ValueError(f"cannot write a .{kind} table: choose a .csv or .xlsx file name")
