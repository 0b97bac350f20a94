"""Text encodings: whatever a spreadsheet or CRM wrote becomes UTF-8 bytes for the CSV reader.

UTF-8 (with or without a byte-order mark) passes through untouched; UTF-16 ("Unicode text" from
Excel) and Windows code pages are re-encoded. When the bytes are not valid UTF-8, charset-normalizer
guesses the code page, and a Western European one wins whenever it fits the bytes as well as the
best guess: short Norwegian texts fit Central European code pages just as well, but Windows-1252 is
what a Norwegian or English Excel writes.
"""

from __future__ import annotations

import codecs
import re

import pyarrow as pa

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _

#: Tried first, in this order, when the bytes are not UTF-8.
WESTERN = ("cp1252", "iso8859_15", "latin_1", "cp850", "mac_roman")
#: How much worse (charset-normalizer's "chaos") a Western code page may fit than the best guess.
CHAOS_SLACK = 0.05
SAMPLE_BYTES = 256 * 1024


def to_utf8(data: bytes, *, file: str | None = None) -> tuple[bytes, str]:
    """Return ``data`` as UTF-8 bytes without a byte-order mark, and the encoding it had.

    Parameters
    ----------
    data : bytes
        The raw bytes of a text file.
    file : str, optional
        The file's name, for the message when nothing fits.

    Returns
    -------
    tuple of (bytes, str)
        The UTF-8 bytes and the name of the encoding found (e.g. ``"utf-8"``, ``"cp1252"``).

    Examples
    --------
    >>> to_utf8("Kunde;Beløp\\nBjørk AS;5\\n".encode("cp1252"))
    (b'Kunde;Bel\\xc3\\xb8p\\nBj\\xc3\\xb8rk AS;5\\n', 'cp1252')
    >>> to_utf8("\\ufeffKunde".encode("utf-8"))
    (b'Kunde', 'utf-8-sig')
    >>> to_utf8("Kunde\\tBeløp\\n".encode("utf-16"))[0].decode()
    'Kunde\\tBeløp\\n'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _checked_utf8(data[3:], file), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _recode(data, "utf-16", file), "utf-16"
    utf16 = _bomless_utf16(data)
    if utf16:
        return _recode(data, utf16, file), utf16
    if is_utf8(data):
        return data, "utf-8"
    encoding = guess_code_page(data)
    return _recode(data, encoding, file), encoding


def utf8_start(data: bytes, *, file: str | None = None) -> tuple[bytes, bool]:
    """Return ``data`` as UTF-8 bytes, as ``to_utf8`` does, and whether every byte was checked.

    Text whose start is UTF-8 with letters beyond ASCII (``ø``) is UTF-8 all through, unless it
    was pieced together from two encodings; its bytes are left for pyarrow's CSV reader to check
    as it reads them (it validates every text cell; a number cell is ASCII or it fails), instead
    of checking them all twice. The caller checks the header and footer lines itself, and the
    rest when the reader fails; if they are not UTF-8 after all, it calls ``to_utf8``.

    Examples
    --------
    >>> utf8_start("Kunde;Beløp\\nBjørk AS;5\\n".encode())
    (b'Kunde;Bel\\xc3\\xb8p\\nBj\\xc3\\xb8rk AS;5\\n', False)
    >>> utf8_start("Kunde;Beløp\\n".encode("cp1252"))
    (b'Kunde;Bel\\xc3\\xb8p\\n', True)
    >>> utf8_start(b"Kunde;Belop\\n")
    (b'Kunde;Belop\\n', True)
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        _bomless_utf16(data)
    ):
        return to_utf8(data, file=file)[0], True
    if data.isascii():
        return data, True
    head = data[: data.rfind(b"\n", 0, SAMPLE_BYTES) + 1 or SAMPLE_BYTES]
    if not head.isascii() and is_utf8(head):
        return data, False
    return to_utf8(data, file=file)[0], True


def guess_code_page(data: bytes) -> str:
    """Return the code page of non-UTF-8 text, preferring Western European ones.

    Windows-1252 and ISO-8859-15 (Latin-9) write every Norwegian letter with the same bytes; they
    differ where Windows-1252 has printable characters in 0x80–0x9F (``€`` is 0x80, ``–`` 0x96),
    which ISO-8859-15 keeps for control codes, and in eight places such as 0xA4: ``€`` in
    ISO-8859-15, the rarely used ``¤`` in Windows-1252. So text with 0xA4 and nothing in
    0x80–0x9F is ISO-8859-15.

    Examples
    --------
    >>> guess_code_page("Smørås Bakeri;Ærlig Øl".encode("cp1252"))
    'cp1252'
    >>> guess_code_page("Café Ødegård;€ 1.234,50".encode("iso8859_15"))
    'iso8859_15'
    >>> guess_code_page("Café Ødegård;€ 1.234,50 – ok".encode("cp1252"))
    'cp1252'
    """
    found = _western_guess(data)
    if found in LATIN_9_LOOKALIKES and _is_latin_9(data):
        return "iso8859_15"
    return found


#: Code pages that read ISO-8859-15 text with every letter right but the euro sign (and 7 more).
LATIN_9_LOOKALIKES = ("cp1252", "latin_1", "iso8859_15")


def _is_latin_9(data: bytes) -> bool:
    return b"\xa4" in data and re.search(rb"[\x80-\x9f]", data) is None


def _western_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    sample = _non_ascii_sample(data)
    matches = list(from_bytes(sample))
    fits = {m.encoding: m.chaos for m in matches}
    best = min(fits.values(), default=None)
    for encoding in WESTERN:
        close = best is None or fits.get(encoding, 1.0) <= best + CHAOS_SLACK
        if close and _decodes(data, encoding):
            return encoding
    if matches and _decodes(data, matches[0].encoding):
        return matches[0].encoding
    return "cp1252" if _decodes(data, "cp1252") else "latin_1"


def _non_ascii_sample(data: bytes) -> bytes:
    """Return the start of the file plus the lines around its first non-ASCII bytes."""
    if len(data) <= SAMPLE_BYTES:
        return data
    found = re.search(rb"[\x80-\xff]", data)
    first = found.start() if found else 0
    start = data.rfind(b"\n", 0, max(first - 1, 0)) + 1
    return data[: SAMPLE_BYTES // 2] + b"\n" + data[start : start + SAMPLE_BYTES // 2]


def is_utf8(data: bytes) -> bool:
    """Validate UTF-8 in Arrow (fast, and no Python string of the whole file)."""
    if data.isascii():
        return True
    offsets = pa.array([0, len(data)], pa.int64()).buffers()[1]
    blob = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        blob.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _checked_utf8(data: bytes, file: str | None) -> bytes:
    if is_utf8(data):
        return data
    # A BOM followed by invalid UTF-8: a file pieced together from two encodings.
    return _recode(data, guess_code_page(data), file)


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by its NUL bytes on one side of each pair."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[:-1]
    even, odd = head[0::2], head[1::2]
    if not head or head.count(0) * 3 < len(head):
        return None
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _recode(data: bytes, encoding: str, file: str | None) -> bytes:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        where = getattr(err, "start", "?")
        raise AccountDataError(
            Problem(
                _(
                    "cannot be read as text ({encoding}: {reason} at byte {where}): save it from "
                    "Excel as CSV UTF-8"
                ).format(encoding=encoding, reason=getattr(err, "reason", err), where=where),
                file=file,
                code="unreadable",
            )
        ) from None
    return text.removeprefix("\ufeff").encode("utf-8")
