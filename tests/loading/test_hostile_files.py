"""Files made to hurt: archives that unpack to gigabytes, lie about their size, or nest entities.
Each is refused with a message before it fills the memory; the bomb tests run the loader in a
child process with a hard memory limit, so a regression kills the child, not the test run."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest
from bounded import BoundedLoader
from loading_corpus import xlsx

from workbook.errors import AccountDataError
from workbook.loading import load
from workbook.loading.archives import MAX_MEMBERS, MAX_UNPACKED_BYTES

CHUNK = b" " * (1 << 20)
XLSX_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
    "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
}


def deflated_spaces(megabytes: int) -> bytes:
    """Return a raw deflate stream of ``megabytes`` MB of spaces, quickly: one compressed
    megabyte (flushed so it stands alone) repeated, then an empty final block."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = squeezer.compress(CHUNK) + squeezer.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + b"\x03\x00"


def raw_zip(members: list[tuple[str, bytes, int]]) -> bytes:
    """Return a zip archive of (name, deflated bytes, size it claims to unpack to) members,
    written by hand so that the sizes can be anything."""
    local, central = b"", b""
    for name, data, size in members:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, 0, len(data), size, len(encoded), 0
        )
        local += encoded + data
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x21,
            0,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0
    )
    return local + central + end


def xlsx_bomb(megabytes: int, *, claims: int | None = None) -> bytes:
    """An .xlsx whose sheet unpacks to ``megabytes`` MB (and says it unpacks to ``claims``)."""
    parts = [(n, zlib.compress(c, 9)[2:-4], len(c)) for n, c in XLSX_PARTS.items()]
    sheet = deflated_spaces(megabytes)
    size = megabytes * len(CHUNK) if claims is None else claims
    return raw_zip([*parts, ("xl/worksheets/sheet1.xml", sheet, size)])


@pytest.fixture(scope="module")
def bounded():
    with BoundedLoader() as loader:
        yield loader


def refusal(outcome) -> str:
    assert outcome.kind == "refused", outcome
    return " ".join(text for _code, text in outcome.detail)


def test_a_small_xlsx_that_unpacks_to_2_gb_is_refused_before_it_is_opened(bounded):
    content = xlsx_bomb(2048)
    assert len(content) < 3_000_000
    text = refusal(bounded.load("rapport.xlsx", content))
    assert "unpacks to 2,147 MB" in text and "256 MB" in text


def test_an_archive_that_says_it_is_small_but_unpacks_to_2_gb_is_caught_while_counting(bounded):
    content = xlsx_bomb(2048, claims=40_000)
    text = refusal(bounded.load("rapport.xlsx", content))
    assert '"xl/worksheets/sheet1.xml" unpacks to more than the archive says' in text


def test_an_ods_that_unpacks_far_is_refused_like_an_xlsx(bounded):
    mimetype = b"application/vnd.oasis.opendocument.spreadsheet"
    content = raw_zip(
        [
            ("mimetype", zlib.compress(mimetype)[2:-4], len(mimetype)),
            ("content.xml", deflated_spaces(300), 300 * len(CHUNK)),
        ]
    )
    assert "unpacks to 315 MB" in refusal(bounded.load("kunder.ods", content))


def test_a_high_ratio_is_refused_below_the_size_limit():
    content = xlsx_bomb(50)
    assert 50 * len(CHUNK) < MAX_UNPACKED_BYTES
    with pytest.raises(AccountDataError) as caught:
        load(("rapport.xlsx", content))
    assert "times its own size" in str(caught.value)


def test_an_archive_of_too_many_files_is_refused():
    parts = [(n, zlib.compress(c)[2:-4], len(c)) for n, c in XLSX_PARTS.items()]
    empty = zlib.compress(b"")[2:-4]
    content = raw_zip([*parts, *((f"xl/media/{i}.png", empty, 0) for i in range(MAX_MEMBERS))])
    with pytest.raises(AccountDataError) as caught:
        load(("rapport.xlsx", content))
    assert "10,002 files" in str(caught.value)


def test_entities_that_expand_a_billion_times_are_refused(bounded):
    entities = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        references = f"&lol{i - 1};" * 10
        entities.append(f'<!ENTITY lol{i} "{references}">')
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(entities) + "]>"
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
        "</worksheet>"
    )
    good = xlsx({"Ark1": [["Kunde", "Omsetning"], ["A", 1]]})
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = laughs.encode()
            target.writestr(info.filename, content)
    outcome = bounded.load("lol.xlsx", buffer.getvalue())
    assert outcome.kind == "refused", outcome
