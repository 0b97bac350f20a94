"""Every file of the corpus loads to what a salesperson expects, or is refused with exactly the
problems they need to fix; the file on disk is never changed."""

from __future__ import annotations

import hashlib
import os

import pytest
from loading_corpus import CASES, Case

from workbook.errors import AccountDataError
from workbook.loading import load
from workbook.loading.orders import DERIVED
from workbook.schema import NAMES


def test_the_corpus_is_large_and_its_names_unique():
    assert len(CASES) >= 40
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_corpus_file(case: Case, tmp_path):
    path = tmp_path / case.name
    path.write_bytes(case.content)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns)

    if case.problems is not None:
        with pytest.raises(AccountDataError) as caught:
            load(path, **case.options)
        found = [(p.code, p.column, p.row, p.value) for p in caught.value.problems]
        expected = [tuple(problem) for problem in case.problems]
        assert _comparable(found, expected) == expected
        assert all(p.file == case.name for p in caught.value.problems)
        if case.check:
            assert case.check(caught.value)
    else:
        result = load(path, **case.options)
        accounts = result.accounts
        assert len(accounts) == case.accounts
        assert result.kind == case.kind
        ordered = [n for n in (*NAMES, *DERIVED) if n in accounts.columns]
        assert list(accounts.columns) == ordered
        assert {"account_id", "account", "revenue"} <= set(accounts.columns)
        for name, total in case.totals.items():
            assert result.to_dict()["totals"][name] == pytest.approx(total, abs=0.005)
        for name, header in case.columns.items():
            assert result.columns[name] == header
        if case.dropped:
            assert result.dropped_rows == list(case.dropped)
        for text in case.warnings:
            assert any(text in warning for warning in result.warnings), result.warnings
        if case.check:
            assert case.check(result)

    after = (hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns)
    assert after == before


def _comparable(found, expected):
    """Keep the parts of each found problem that the expected one pins down (None: any)."""
    if len(found) != len(expected):
        return found
    return [
        tuple(f if e is not None else None for f, e in zip(got, want, strict=True))
        for got, want in zip(found, expected, strict=True)
    ]
