"""Where the bytes come from: a path on disk or a file uploaded in the app, never modified.

A source becomes a :class:`Source`: its bytes, the name to show in messages and the format to
read it as. The format comes from the content, never from the name alone (a CSV saved with a
wrong extension still loads; an old Excel file named .xlsx is still an old Excel file):

- a zip archive is an Excel workbook (.xlsx, .xlsm: ``[Content_Types].xml`` and
  ``xl/workbook.xml``), an Excel binary workbook (.xlsb: ``xl/workbook.bin``) or an OpenDocument
  spreadsheet (.ods: its ``mimetype`` member says so); it is checked before anything unpacks it
  (``archives.check_archive``). Other archives (a Word document, an Apple Numbers file, a zip of
  files) are refused, saying what they are;
- an OLE compound file is an old Excel workbook (.xls, Excel 97–2003), or an .xlsx with a
  password (it holds an ``EncryptedPackage``), which is refused;
- ``PAR1`` starts a Parquet file;
- XML is refused by its root: Excel 2003 XML (SpreadsheetML, often saved as .xls), a flat
  OpenDocument file (.fods) or other XML; so is a web page (HTML, also often saved as .xls);
- anything else is delimited text (CSV, TSV, TXT).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.loading.archives import Archive, check_archive

#: Extensions read as delimited text.
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab", ".dat", ""}
#: Extensions a person may choose in the app's file chooser (the content decides the format).
SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".parquet")
#: The formats that are spreadsheets (workbooks with sheets).
SPREADSHEETS = ("xlsx", "xlsb", "xls", "ods")
ZIP_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an .xlsx with a password
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: Names of streams inside an OLE file, as its directory writes them (UTF-16).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))
_SPREADSHEET_ML = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet|progid=.excel\.sheet")


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
    """The bytes to read, the name to show in messages, and the format: csv, parquet, or a
    spreadsheet (xlsx, xlsb, xls, ods); for an archive, what it holds."""

    name: str
    data: bytes
    format: str
    archive: Archive | None = None

    @property
    def is_spreadsheet(self) -> bool:
        return self.format in SPREADSHEETS


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
    >>> read_source(UploadedFile("orders.xlsx", b"PAR1 ...")).format
    'parquet'
    >>> read_source(("book.xls", b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'))
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in book.xls:
      is an Excel 2003 XML spreadsheet (SpreadsheetML), which the workbook does not read: ...
    """
    name, data = _name_and_bytes(source)
    if data.startswith(ZIP_MAGIC):
        archive = check_archive(data, file=name)
        return Source(name, data, _archive_format(archive, name), archive)
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
    if data.startswith(PARQUET_MAGIC):
        return "parquet"
    if data.startswith(OLE_MAGIC):
        return _ole_format(data, name)
    head = _text_head(data)
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        _refuse(
            name,
            _(
                "is a web page (HTML), not a spreadsheet (programs often save one with an .xls "
                "name): open it in Excel and save it as .xlsx or CSV"
            ),
        )
    if head.startswith(b"<?xml") or (head.startswith(b"<") and b"xmlns" in head):
        _refuse(name, _xml_kind(head))
    binary_suffixes = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".parquet", ".pq"}
    if suffix in binary_suffixes and _looks_binary(data):
        if suffix in {".parquet", ".pq"}:
            message = _("cannot be read as a Parquet file: the file is damaged or is not one")
        else:
            message = _(
                "cannot be read as a spreadsheet: the file is damaged or is not what its name says"
            )
        _refuse(name, message)
    return "csv"


def _archive_format(archive: Archive, name: str) -> str:
    """Tell the spreadsheet in a zip archive by what it holds."""
    if archive.has("xl/workbook.xml"):
        return "xlsx"
    if archive.has("xl/workbook.bin"):
        return "xlsb"
    if archive.has("mimetype") or archive.has("content.xml"):
        kind = archive.mimetype if archive.has("mimetype") else ODS_MIMETYPE
        if kind == ODS_MIMETYPE:
            return "ods"
        _refuse(
            name,
            _(
                "is an OpenDocument file that is not a spreadsheet ({kind}): save the table "
                "from LibreOffice Calc as .ods, .xlsx or CSV"
            ).format(kind=kind.decode("ascii", "replace")),
        )
    if archive.has("word/document.xml") or any(n.startswith("ppt/") for n in archive.names):
        _refuse(
            name,
            _(
                "is a Word or PowerPoint document, not a spreadsheet: put the accounts in a "
                "spreadsheet and save it as .xlsx or CSV"
            ),
        )
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in archive.names):
        _refuse(
            name,
            _(
                "is an Apple Numbers file, which the workbook does not read: in Numbers, choose "
                "File > Export To > Excel (or CSV)"
            ),
        )
    listed = ", ".join(f'"{n}"' for n in archive.names[:5])
    _refuse(
        name,
        _(
            "is a zip archive, not a spreadsheet (it holds {names}): unpack it and load the CSV "
            "or Excel file inside"
        ).format(names=listed + (", …" if len(archive.names) > 5 else "")),
    )
    raise AssertionError  # _refuse raised


def _ole_format(data: bytes, name: str) -> str:
    """Tell an old Excel workbook from an .xlsx with a password and other Office files."""
    if _ENCRYPTED in data:
        _refuse(
            name,
            _(
                "is protected with a password: open it in Excel, remove the password (File > "
                "Info > Protect Workbook) and save it as .xlsx, or save it as CSV"
            ),
        )
    if any(stream in data for stream in _XLS_STREAMS):
        return "xls"
    _refuse(
        name,
        _(
            "is an old Office document (Word 97–2003 or similar), not a spreadsheet: save the "
            "accounts from Excel as .xlsx or CSV"
        ),
    )
    raise AssertionError  # _refuse raised


def _text_head(data: bytes) -> bytes:
    """Return the start of a text file in lower case, as ASCII bytes (UTF-16 and BOMs undone)."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="replace").encode("ascii", errors="replace")
    return head.removeprefix(codecs.BOM_UTF8).lstrip().lower()


def _xml_kind(head: bytes) -> str:
    if _SPREADSHEET_ML.search(head):
        return _(
            "is an Excel 2003 XML spreadsheet (SpreadsheetML), which the workbook does not read: "
            "open it in Excel and save it as an Excel workbook (.xlsx) or as CSV"
        )
    if b"opendocument" in head:
        return _(
            "is a flat OpenDocument file (.fods), which the workbook does not read: save it from "
            "LibreOffice as .ods, .xlsx or CSV"
        )
    return _(
        "is an XML file, not a table: export the accounts as CSV or save them from Excel as .xlsx"
    )


def _refuse(name: str, message: str) -> None:
    raise AccountDataError(Problem(message, file=name, code="unreadable"), file=name)


def _looks_binary(data: bytes) -> bool:
    """Tell bytes that are no kind of text (NUL bytes outside a UTF-16 pattern)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    zeros = head.count(0)
    return zeros > 0 and not (zeros * 3 >= len(head))  # UTF-16 text has a NUL in every other byte
