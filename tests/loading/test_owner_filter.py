"""``owner=``: one salesperson's rows of a team file, checked without the others' rows."""

from __future__ import annotations

import pytest

from workbook import paths
from workbook.errors import AccountDataError
from workbook.loading import UploadedFile, load, load_accounts
from workbook.selection import select_owner

TEAM = UploadedFile(
    "team.csv",
    b"Kunde;Omsetning;Selger\nFjord AS;1200;Kari\nBerg AS;x;Per\n"
    b"Lys AS;150; kari \nSol AS;90;Ola\n",
)


def test_one_owners_rows_load_even_when_anothers_are_bad():
    accounts = load_accounts(TEAM, owner="KARI")
    assert accounts["account"].tolist() == ["Fjord AS", "Lys AS"]
    with pytest.raises(AccountDataError, match='"x" in row 3'):
        load_accounts(TEAM, owner="Per")


def test_an_owner_with_no_rows_lists_the_owners():
    with pytest.raises(AccountDataError) as caught:
        load(TEAM, owner="Nora")
    [problem] = caught.value.problems
    assert problem.code == "unknown_owner"
    assert "the owners are: Kari, Ola, Per" in str(problem)


def test_no_owner_column():
    with pytest.raises(AccountDataError, match="has no owner column"):
        load(UploadedFile("a.csv", b"Customer,Revenue\nA,1\n"), owner="Kari")


def test_the_same_accounts_as_selecting_after_loading_a_clean_file():
    for owner in ("Ingrid Berg", "Lars Haugen"):
        assert load_accounts(paths.SAMPLE_TEAM, owner=owner).equals(
            select_owner(load_accounts(paths.SAMPLE_TEAM), owner)
        )


def test_order_lines_keep_the_sellers_lines():
    result = load(paths.SAMPLE_ORDERS_NB, owner="Per Hansen")
    assert set(result.accounts["owner"]) == {"Per Hansen"}
    everyone = load(paths.SAMPLE_ORDERS_NB).accounts
    assert len(result.accounts) == (everyone["owner"] == "Per Hansen").sum()
