"""Where a file comes from (a path, an upload) and what format it is; inputs are never changed."""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import pytest
from loading_corpus import ACCOUNTS_EN, parquet, text, xlsx

from workbook.errors import AccountDataError
from workbook.loading import LoadResult, UploadedFile, load, load_accounts

CSV = text(ACCOUNTS_EN)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: str(p),
        lambda p: Path(p),
        lambda p: UploadedFile("accounts.csv", CSV),
        lambda p: ("accounts.csv", CSV),
        lambda p: {
            "name": "accounts.csv",
            "type": "text/csv",
            "size": len(CSV),
            "content": memoryview(CSV),
            "last_modified": None,
        },
        lambda p: ({"name": "accounts.csv", "content": memoryview(CSV)},),
    ],
    ids=["str", "Path", "UploadedFile", "tuple", "FileUpload item", "FileUpload value"],
)
def test_a_path_or_an_upload_gives_the_same_accounts(make, tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_bytes(CSV)
    result = load(make(path))
    assert isinstance(result, LoadResult)
    assert result.file == "accounts.csv"
    assert result.accounts["revenue"].sum() == pytest.approx(2200.0)


def test_something_else_is_a_type_error():
    with pytest.raises(TypeError, match="give a path"):
        load(42)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("accounts.csv", CSV),
        ("accounts.xlsx", xlsx({"Sheet": [row.split(",") for row in ACCOUNTS_EN]})),
        ("accounts.parquet", parquet({"Account": ["A", "B"], "Revenue": [1.0, 2.0]})),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook"),
        ("kunder.csv", "Kunde;Omsetning\nBjørk;abc\n".encode("cp1252")),
    ],
    ids=["csv", "xlsx", "parquet", "damaged xlsx", "refused csv"],
)
def test_the_input_file_is_byte_identical_after_loading(name, content, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    os.chmod(path, 0o444)  # read-only, as a shared export may be: loading must still work
    before = (
        hashlib.sha256(content).hexdigest(),
        path.stat().st_mtime_ns,
        sorted(tmp_path.iterdir()),
    )
    with contextlib.suppress(AccountDataError):
        load(path)
    after = (
        hashlib.sha256(path.read_bytes()).hexdigest(),
        path.stat().st_mtime_ns,
        sorted(tmp_path.iterdir()),
    )
    assert after == before


def test_an_upload_is_not_changed_either():
    content = bytearray(CSV)
    load(("accounts.csv", bytes(content)))
    assert bytes(content) == CSV


def test_the_accounts_table_has_the_documented_shape():
    accounts = load_accounts(
        (
            "kunder.csv",
            "Kundenr;Kunde;Omsetning;Besøk\n00123; Fjord AS ;"
            "1 000,50;3\n00124;Berg AS;2,5;\n".encode(),
        )
    )
    assert list(accounts.columns) == ["account_id", "account", "revenue", "visits"]
    assert accounts["account_id"].tolist() == ["00123", "00124"]
    assert accounts["account"].tolist() == ["Fjord AS", "Berg AS"]
    assert [str(accounts[c].dtype) for c in ("revenue", "visits")] == ["float64", "float64"]
    assert all(isinstance(v, str) for v in accounts["account_id"])
    assert accounts["visits"].tolist() == [3.0, 0.0]
    assert list(accounts.index) == [0, 1]


def test_missing_files_raise_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nowhere.csv")
