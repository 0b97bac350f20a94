"""Zip archives (.xlsx, .ods, .xlsb are zip files) checked before anything unpacks them.

A small file can unpack to gigabytes (a "zip bomb"), so before a spreadsheet library opens an
archive, its table of contents is checked against three limits, and then every member is inflated
once, counting bytes and keeping none, to make sure it holds no more than the table says:

- ``MAX_UNPACKED_BYTES`` (256 MB): what all members unpack to together. The largest sheet Excel
  itself writes for a book of 400,000 accounts with 20 columns stays under it.
- ``MAX_RATIO`` (100): how many times larger the unpacked members are than the file, for
  archives that unpack to more than ``RATIO_GRACE_BYTES`` (10 MB). Spreadsheets compress 5 to 20
  times; Apache POI, which reads Excel files for much of the Java world, refuses above 100 too.
- ``MAX_MEMBERS`` (10,000): the number of files inside.

Members must be stored or deflated (what every spreadsheet program writes) and not encrypted.
The same pass notes which sheets of an .xlsx hold a formula without a saved value (an ``<f>``
element with no ``<v>`` value after it in its cell, as programs that do not calculate write
them), so the reader looks for those cells only in the files that have them.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from workbook import formatting
from workbook.errors import AccountDataError, Problem
from workbook.i18n import _

MAX_UNPACKED_BYTES = 256_000_000
MAX_RATIO = 100
RATIO_GRACE_BYTES = 10_000_000
MAX_MEMBERS = 10_000
CHUNK = 1024 * 1024
HEAD = 200  # bytes kept of each member's start (enough for an OpenDocument "mimetype")
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
#: A formula element closing its cell with no value: ``<f>A1*2</f></c>``, ``<f>..</f><v/></c>``,
#: ``<f t="shared" si="0"/></c>`` (any namespace prefix).
_NO_VALUE = rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
_FORMULA = re.compile(rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)" + _NO_VALUE)
_OVERLAP = 256  # bytes of one chunk kept for a match that runs on into the next


@dataclass(frozen=True)
class Archive:
    """What a checked archive holds: its members' names, what they unpack to, and which of them
    have formulas without saved values."""

    names: tuple[str, ...]
    unpacked: int
    formulas: frozenset[str] = frozenset()
    mimetype: bytes = b""  # an OpenDocument file's "mimetype" member (what kind of document)

    def has(self, name: str) -> bool:
        return name in self.names


def check_archive(data: bytes, *, file: str) -> Archive:
    """Return what a zip archive holds, or refuse it when it is damaged or unpacks too far.

    Parameters
    ----------
    data : bytes
        The archive.
    file : str
        The file's name, for messages.

    Returns
    -------
    Archive

    Raises
    ------
    AccountDataError
        Damaged, encrypted, over a limit, or its members unpack to more than it says.

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/worksheets/sheet1.xml", "<c><f>SUM(A1:A2)</f></c>")
    >>> found = check_archive(buffer.getvalue(), file="book.xlsx")
    >>> found.names, sorted(found.formulas)
    (('xl/worksheets/sheet1.xml',), ['xl/worksheets/sheet1.xml'])
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/worksheets/sheet1.xml", "<c><f>SUM(A1:A2)</f><v>3</v></c>")
    >>> check_archive(buffer.getvalue(), file="book.xlsx").formulas  # Excel saved its value
    frozenset()
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/worksheets/sheet1.xml", " " * 20_000_000)
    >>> check_archive(buffer.getvalue(), file="bomb.xlsx")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in bomb.xlsx:
      is an archive (zip) that unpacks to 20 MB, 1,021 times its own size; ...
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refusal(file, _damaged()) from None
    if len(members) > MAX_MEMBERS:
        raise _refusal(
            file,
            _(
                "is an archive (zip) of {n} files, more than the {limit} a spreadsheet has: "
                "save it again from Excel as .xlsx, or as CSV"
            ).format(n=formatting.number(len(members)), limit=formatting.number(MAX_MEMBERS)),
        )
    declared = sum(member.file_size for member in members)
    _check_size(declared, len(data), file)
    formulas, mimetype = set(), b""
    for member in members:
        if member.flag_bits & 0x1:
            raise _refusal(
                file,
                _(
                    "is encrypted (it has a password): open it in Excel, remove the password and "
                    "save it again, or save it as CSV"
                ),
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refusal(
                file,
                _(
                    "is an archive (zip) compressed in a way spreadsheet programs do not use: "
                    "open it in Excel and save it again as .xlsx, or as CSV"
                ),
            )
        has_formulas, head = _inflate(data, member, file)
        if has_formulas:
            formulas.add(member.filename)
        if member.filename == "mimetype":
            mimetype = head.strip()
    names = tuple(m.filename for m in members)
    return Archive(names, declared, frozenset(formulas), mimetype)


def _check_size(unpacked: int, packed: int, file: str) -> None:
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refusal(
            file,
            _(
                "is an archive (zip) that unpacks to {size}, more than the {limit} the workbook "
                "opens: save the accounts alone as CSV, or split the file"
            ).format(size=_megabytes(unpacked), limit=_megabytes(MAX_UNPACKED_BYTES)),
        )
    if unpacked > RATIO_GRACE_BYTES and unpacked > MAX_RATIO * max(packed, 1):
        raise _refusal(
            file,
            _(
                "is an archive (zip) that unpacks to {size}, {ratio} times its own size; "
                "spreadsheets compress far less (the workbook opens up to {limit} times): save "
                "it again from Excel as .xlsx, or as CSV"
            ).format(
                size=_megabytes(unpacked),
                ratio=formatting.number(unpacked / max(packed, 1)),
                limit=formatting.number(MAX_RATIO),
            ),
        )


def _inflate(data: bytes, member: zipfile.ZipInfo, file: str) -> tuple[bool, bytes]:
    """Unpack one member without keeping it; return whether it holds formulas without saved
    values, and its start.

    The output is counted as it comes and stops one byte past what the table of contents says,
    so a member that lies about its size is caught before it fills the memory.
    """
    start = member.header_offset
    try:
        header = _LOCAL_HEADER.unpack_from(data, start)
    except struct.error:
        raise _refusal(file, _damaged()) from None
    encoding = "utf-8" if member.flag_bits & 0x800 else "cp437"
    name = data[start + _LOCAL_HEADER.size : start + _LOCAL_HEADER.size + header[9]]
    if header[0] != b"PK\x03\x04" or name != member.orig_filename.encode(encoding, "replace"):
        raise _refusal(file, _damaged())
    begin = start + _LOCAL_HEADER.size + header[9] + header[10]
    packed = memoryview(data)[begin : begin + member.compress_size]
    look_for_formulas = member.filename.endswith(".xml") and "worksheets/" in member.filename
    if member.compress_type == zipfile.ZIP_STORED:
        if len(packed) != member.file_size:
            raise _refusal(file, _damaged())
        return bool(look_for_formulas and _FORMULA.search(packed)), bytes(packed[:HEAD])
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, found, tail, head = 0, False, b"", b""
    try:
        for offset in range(0, max(len(packed), 1), CHUNK):
            pending = packed[offset : offset + CHUNK]
            while pending:
                chunk = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                size += len(chunk)
                head = head or chunk[:HEAD]
                if size > member.file_size:
                    raise _refusal(file, _lying(member))
                if look_for_formulas and not found:
                    found = _FORMULA.search(tail + chunk) is not None
                    tail = chunk[-_OVERLAP:]
                if not chunk:
                    break
    except zlib.error:
        raise _refusal(file, _damaged()) from None
    size += len(inflater.flush())
    if size != member.file_size:
        raise _refusal(file, _lying(member) if size > member.file_size else _damaged())
    return found, head


def _megabytes(size: int) -> str:
    return _("{n} MB").format(n=formatting.number(size / 1e6))


def _damaged() -> str:
    return _(
        "is a damaged archive (an .xlsx or .ods file is a zip archive, and this one cannot be "
        "unpacked): open it in Excel and save it again, or save it as CSV"
    )


def _lying(member: zipfile.ZipInfo) -> str:
    return _(
        'is an archive (zip) whose part "{part}" unpacks to more than the archive says: it is '
        "damaged or made to fill the memory; save it again from Excel, or as CSV"
    ).format(part=member.filename)


def _refusal(file: str, message: str) -> AccountDataError:
    return AccountDataError(Problem(message, file=file, code="unreadable"), file=file)


__all__ = ["MAX_MEMBERS", "MAX_RATIO", "MAX_UNPACKED_BYTES", "Archive", "check_archive"]
