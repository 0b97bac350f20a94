"""Where the bytes come from: a path on disk or a file uploaded in the app, never modified.

A source becomes a :class:`Source`: its bytes, the name to show in messages and the format to
read it as. The format comes from the content when the content is unmistakable (an ``.xlsx`` is a
zip archive, a Parquet file starts with ``PAR1``), else from the file's extension, so a CSV saved
with a wrong extension still loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbook.errors import AccountDataError, Problem

#: Extensions read as delimited text.
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab", ".dat", ""}
ZIP_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an .xlsx with a password


@dataclass(frozen=True)
class UploadedFile:
    """A file a person uploaded: its name (which tells the format) and its bytes.

    Examples
    --------
    >>> UploadedFile("accounts.csv", b"Account,Revenue\\nAcme,10\\n").name
    'accounts.csv'
    """

    name: str
    content: bytes


@dataclass(frozen=True)
class Source:
    """The bytes to read, the name to show in messages, and the format: csv, xlsx or parquet."""

    name: str
    data: bytes
    format: str


def read_source(source) -> Source:
    """Return the bytes, display name and format of a path or an uploaded file.

    Parameters
    ----------
    source : str, Path, UploadedFile, tuple or dict
        A path; an ``UploadedFile``; a ``(name, bytes)`` tuple; or an item of an ipywidgets
        ``FileUpload`` value (a dict with ``"name"`` and ``"content"``, a memoryview).

    Returns
    -------
    Source
        A path is opened read-only and only read.

    Examples
    --------
    >>> read_source(("Kunder.csv", b"Kunde;Omsetning\\n")).format
    'csv'
    >>> read_source({"name": "book", "content": memoryview(b"PK\\x03\\x04rest")}).format
    'xlsx'
    >>> read_source(UploadedFile("orders.xlsx", b"PAR1 ...")).format
    'parquet'
    """
    name, data = _name_and_bytes(source)
    return Source(name=name, data=data, format=_format_of(name, data))


def _name_and_bytes(source) -> tuple[str, bytes]:
    if isinstance(source, str | Path):
        path = Path(source).expanduser()
        with path.open("rb") as handle:  # read-only: the input is never changed
            return path.name, handle.read()
    if isinstance(source, UploadedFile):
        return source.name, bytes(source.content)
    if isinstance(source, dict) and "content" in source:
        return str(source.get("name") or "upload"), bytes(source["content"])
    if isinstance(source, tuple) and len(source) == 1:  # a FileUpload's whole value, one file
        return _name_and_bytes(source[0])
    if isinstance(source, tuple) and len(source) == 2:
        return str(source[0]), bytes(source[1])
    raise TypeError(
        f"cannot load {type(source).__name__}: give a path, UploadedFile, "
        "(name, bytes) or a FileUpload value item"
    )


def _format_of(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(PARQUET_MAGIC):
        return "parquet"
    if data.startswith(OLE_MAGIC):
        raise AccountDataError(
            Problem(
                "is an old Excel (.xls) file or a password-protected workbook: open it in Excel "
                "and save it as .xlsx (without a password) or as CSV",
                file=name,
                code="unreadable",
            )
        )
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        raise AccountDataError(
            Problem(
                "is a web page (HTML), not a spreadsheet: open it in Excel and save it as .xlsx or "
                "CSV",
                file=name,
                code="unreadable",
            )
        )
    if suffix in {".xlsx", ".xlsm", ".parquet", ".pq", ".xls"} and _looks_binary(data):
        kind = "a Parquet file" if suffix in {".parquet", ".pq"} else "an Excel workbook"
        raise AccountDataError(
            Problem(
                f"cannot be read as {kind}: the file is damaged or is not what its name says",
                file=name,
                code="unreadable",
            )
        )
    return "csv"


def _looks_binary(data: bytes) -> bool:
    """Tell bytes that are no kind of text (NUL bytes outside a UTF-16 pattern)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    zeros = head.count(0)
    return zeros > 0 and not (zeros * 3 >= len(head))  # UTF-16 text has a NUL in every other byte
