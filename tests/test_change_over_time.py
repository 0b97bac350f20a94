"""Change over time on the command line, checked against a calculation of its own.

- ``tiers --compare-previous`` on a real order-line history (the sample's two years) is right to
  the account and to the krone against plain pandas on the order lines, written here without
  the workbook's functions;
- order lines and two account files holding the same data give the same answer;
- ``--json`` adds ``migration`` and ``bridge`` with the issue's keys;
- ``--pins`` moves only the pinned accounts, in the tier list, the plan and the exports.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pandas as pd
import pytest

from workbook import paths
from workbook.cli import main

ROWS, COLUMNS = ("A", "B", "C", "new"), ("A", "B", "C", "lost")


# --- the independent calculation --------------------------------------------------------------
def read_lines() -> pd.DataFrame:
    """The sample's order lines, read with pandas as its data README describes the file."""
    lines = pd.read_csv(paths.SAMPLE_ORDERS_NB, sep=";", encoding="utf-8-sig", dtype=str)
    for column in ("Beløp", "Varekost"):  # 173 180,48: no-break spaces between thousands
        text = lines[column].str.replace("\u00a0", "").str.replace(",", ".")
        lines[column] = text.astype(float)
    lines["date"] = pd.to_datetime(lines["Fakturadato"], format="%d.%m.%Y")
    return lines


def per_account(lines: pd.DataFrame, start, end) -> pd.Series:
    """Revenue per customer number of the lines dated start..end (both included)."""
    chosen = lines[(lines["date"] >= start) & (lines["date"] <= end)]
    return chosen.groupby("Kundenr")["Beløp"].sum()


def tiers_by_hand(revenue: pd.Series) -> dict[str, str]:
    """The article's rule, by hand: A = the top ceil(n/5), C = the bottom floor(n/4), ties by id;
    an account with no revenue above zero is C."""
    ranked = sorted(revenue.items(), key=lambda item: (-item[1], item[0]))
    n = len(ranked)
    positive = sum(1 for _, value in ranked if value > 0)
    top = min(-(-n // 5), positive)
    b_ends = min(max(top, n - n // 4), positive)
    return {
        account: "A" if i < top else "B" if i < b_ends else "C"
        for i, (account, _) in enumerate(ranked)
    }


def krone(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


def by_hand(start, end, prev_start, prev_end) -> dict:
    lines = read_lines()
    now, before = per_account(lines, start, end), per_account(lines, prev_start, prev_end)
    tier_now, tier_before = tiers_by_hand(now), tiers_by_hand(before)
    matrix = {row: dict.fromkeys(COLUMNS, 0) for row in ROWS}
    moves = {}
    for account in set(now.index) | set(before.index):
        row = tier_before.get(account, "new")
        column = tier_now.get(account, "lost")
        matrix[row][column] += 1
        moves[account] = (tier_before.get(account), tier_now.get(account))
    kept = now.index.intersection(before.index)
    bridge = {
        "previous": sum(krone(v) for v in before),
        "retained_change": sum(krone(now[a]) - krone(before[a]) for a in kept),
        "new": sum(krone(now[a]) for a in now.index.difference(before.index)),
        "lost": sum(krone(before[a]) for a in before.index.difference(now.index)),
        "current": sum(krone(v) for v in now),
    }
    return {"migration": matrix, "bridge": bridge, "moves": moves}


def cli_json(capsys, *args) -> dict:
    assert main(["tiers", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


WINDOWS = {
    # the default: the 12 months up to the latest invoice (31 Oct 2026) and the 12 before
    None: ("2025-11-01", "2026-10-31", "2024-11-01", "2025-10-31"),
    # three months: customers come and go, so there are new and lost accounts to count
    "2026-08-01:2026-10-31": ("2026-08-01", "2026-10-31", "2026-05-01", "2026-07-31"),
}


@pytest.mark.parametrize("period", list(WINDOWS), ids=["12-months", "3-months"])
def test_a_real_order_history_is_right_to_the_account_and_the_krone(period, capsys):
    expected = by_hand(*(pd.Timestamp(day) for day in WINDOWS[period]))
    args = [str(paths.SAMPLE_ORDERS_NB), "--compare-previous"]
    data = cli_json(capsys, *args, *(["--period", period] if period else []))
    assert data["migration"] == expected["migration"]
    assert {k: Decimal(str(v)) for k, v in data["bridge"].items()} == expected["bridge"]
    # to the account: every account that moved, each with its two tiers
    moved = {row["account_id"]: (row["previous_tier"], row["tier"]) for row in data["moved"]}
    assert moved == {a: m for a, m in expected["moves"].items() if None not in m and m[0] != m[1]}
    if period:  # the short window does have accounts that came and went
        assert sum(expected["migration"]["new"].values()) > 0
        assert sum(row["lost"] for row in expected["migration"].values()) > 0


def test_order_lines_and_two_account_files_with_the_same_data_give_the_same_answer(
    tmp_path, capsys
):
    lines = read_lines()
    for name, (start, end) in {
        "now": ("2025-11-01", "2026-10-31"),
        "before": ("2024-11-01", "2025-10-31"),
    }.items():
        chosen = lines[(lines["date"] >= start) & (lines["date"] <= end)]
        accounts = chosen.groupby("Kundenr").agg(
            Kunde=("Kundenavn", "last"), Omsetning=("Beløp", "sum")
        )
        accounts["Omsetning"] = accounts["Omsetning"].round(2)
        accounts.to_csv(tmp_path / f"{name}.csv", sep=";", decimal=",")
    from_lines = cli_json(capsys, str(paths.SAMPLE_ORDERS_NB), "--compare-previous")
    from_files = cli_json(
        capsys, str(tmp_path / "now.csv"), "--compare", str(tmp_path / "before.csv")
    )
    assert from_files["migration"] == from_lines["migration"]
    assert from_files["bridge"] == from_lines["bridge"]

    def moves(data):
        return [
            (r["account_id"], r["account"], r["previous_tier"], r["tier"], r["movement"])
            for r in data["moved"]
        ]

    assert moves(from_files) == moves(from_lines) and len(moves(from_lines)) == 36
    for a, b in zip(from_files["moved"], from_lines["moved"], strict=True):
        assert a["revenue_change"] == pytest.approx(b["revenue_change"], abs=0.005)


def test_the_json_adds_migration_and_bridge_with_the_issues_keys(capsys):
    data = cli_json(capsys, str(paths.SAMPLE_ORDERS_NB), "--compare-previous")
    assert set(data["migration"]) == {"A", "B", "C", "new"}
    assert all(set(row) == {"A", "B", "C", "lost"} for row in data["migration"].values())
    assert set(data["bridge"]) == {"previous", "retained_change", "new", "lost", "current"}
    assert {"n", "tiers", "gini"} <= set(data)  # what tiers --json always says is still there


def test_a_tier_list_written_earlier_is_a_previous_file(tmp_path, capsys):
    earlier = tmp_path / "tiers-2025.csv"
    assert main(["tiers", str(paths.SAMPLE_ACCOUNTS), "--out", str(earlier)]) == 0
    capsys.readouterr()
    data = cli_json(capsys, str(paths.SAMPLE_ACCOUNTS), "--compare", str(earlier))
    assert data["migration"]["A"]["A"] == 50 and data["bridge"]["retained_change"] == 0.0
    assert data["moved"] == []


def test_without_a_previous_period_the_command_says_what_to_give(capsys):
    assert main(["tiers", str(paths.SAMPLE_ACCOUNTS), "--compare-previous"]) == 1
    assert "--compare FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as wrong:  # argparse: a wrong command line
        main(["tiers", "x.csv", "--compare", "a.csv", "--compare-previous"])
    assert wrong.value.code == 2


def test_the_human_output_says_what_changed(capsys):
    assert main(["tiers", str(paths.SAMPLE_ORDERS_NB), "--compare-previous"]) == 0
    out = capsys.readouterr().out
    assert "moved up a tier" in out and "Revenue went from 52,320,176 to 60,213,351" in out
    assert "Moved down: Fjellmat ASA (A to B" in out


# --- pins --------------------------------------------------------------------------------------
@pytest.fixture
def pins_file(tmp_path):
    path = tmp_path / "pins.csv"
    path.write_text(
        "Kundenr;Nivå;Begrunnelse\n"
        "00104;C;closing two of three shops\n"  # an A account by revenue
        "00199;A;reference customer for the new range\n",  # a B account
        encoding="utf-8",
    )
    return path


def test_pins_move_only_the_pinned_accounts_in_the_tier_counts(pins_file, capsys):
    plain = cli_json(capsys, str(paths.SAMPLE_ACCOUNTS))
    pinned = cli_json(capsys, str(paths.SAMPLE_ACCOUNTS), "--pins", str(pins_file))
    counts = {t: pinned["tiers"][t]["accounts"] - plain["tiers"][t]["accounts"] for t in "ABC"}
    rule = {row["account_id"]: row["rule_tier"] for row in pinned["pins"]}
    expected = dict.fromkeys("ABC", 0)
    assert rule == {"00104": "A", "00199": "B"}
    for account, tier in (("00104", "C"), ("00199", "A")):
        expected[rule[account]] -= 1
        expected[tier] += 1
    assert counts == expected
    assert [p["reason"] for p in pinned["pins"]] == [
        "closing two of three shops",
        "reference customer for the new range",
    ]


def test_the_tier_list_and_the_plan_follow_the_pins(pins_file, tmp_path, capsys):
    out = tmp_path / "tiers.csv"
    assert (
        main(["tiers", str(paths.SAMPLE_ACCOUNTS), "--pins", str(pins_file), "--out", str(out)])
        == 0
    )
    listing = pd.read_csv(out, dtype={"account_id": str}, encoding="utf-8-sig").set_index(
        "account_id"
    )
    assert listing.columns[:3].tolist() == ["rank", "tier", "pinned"]
    assert listing.loc["00104", ["tier", "pinned", "pin_reason"]].tolist() == [
        "C",
        True,
        "closing two of three shops",
    ]
    assert listing["pinned"].sum() == 2
    capsys.readouterr()
    assert main(["plan", str(paths.SAMPLE_ACCOUNTS), "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["plan", str(paths.SAMPLE_ACCOUNTS), "--pins", str(pins_file), "--json"]) == 0
    pinned = json.loads(capsys.readouterr().out)
    # one A account pinned to C, one B account to A: A keeps its size, B loses one, C gains one
    assert pinned["tiers"]["A"]["accounts"] == listing["tier"].eq("A").sum() == 50
    assert pinned["tiers"]["C"]["accounts"] == plain["tiers"]["C"]["accounts"] + 1
    assert pinned["tiers"]["A"]["hours"] == plain["tiers"]["A"]["hours"]


def test_a_pin_of_an_unknown_account_or_tier_is_a_clear_error(tmp_path, capsys):
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("account_id,tier,reason\n0O101,A,typed with a letter O\n", "utf-8")
    assert main(["tiers", str(paths.SAMPLE_ACCOUNTS), "--pins", str(unknown)]) == 1
    err = capsys.readouterr().err
    assert 'account_id: "0O101" is pinned to A ("typed with a letter O")' in err
    assert "Traceback" not in err
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("account_id,tier,reason\n00101,AA,why\n", "utf-8")
    assert main(["plan", str(paths.SAMPLE_ACCOUNTS), "--pins", str(wrong)]) == 1
    assert 'wrong.csv: tier: "AA" in row 2 is not a tier' in capsys.readouterr().err


def test_a_team_pins_file_serves_each_salesperson(tmp_path, capsys):
    team = pd.read_csv(paths.SAMPLE_TEAM, dtype={"account_id": str})
    ingrid = team.loc[team["owner"] == "Ingrid Berg", "account_id"].iloc[-1]
    ola = team.loc[team["owner"] == "Ola Dahl", "account_id"].iloc[-1]
    pins = tmp_path / "team-pins.csv"
    pins.write_text(
        f"account_id,tier,reason\n{ingrid},A,Ingrid's pin\n{ola},A,Ola's pin\n", "utf-8"
    )
    data = cli_json(capsys, str(paths.SAMPLE_TEAM), "--owner", "Ingrid Berg", "--pins", str(pins))
    assert [p["account_id"] for p in data["pins"]] == [ingrid]
