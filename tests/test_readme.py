"""The README stays true: its example file loads, its commands exist, its notebooks exist."""

import re
import subprocess
import sys

from workbook import load_accounts, paths

README = (paths.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_the_example_account_list_loads_as_described(tmp_path):
    example = re.search(r"```csv\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "example.csv"
    path.write_text(example, encoding="utf-8")
    accounts = load_accounts(path)
    assert list(accounts["account"]) == ["Fjordbakeri AS", "Berg Elektro AS"]
    assert accounts["revenue"].sum() == 1_234_500.00 + 86_000.50
    assert accounts["gross_profit"].tolist() == [310_200.00, -4_100.00]


def test_every_command_named_in_the_readme_exists():
    named = set(re.findall(r"python -m workbook (\w+)", README))
    assert named >= {"check", "tiers", "plan", "report", "sample"}
    for command in named:
        result = subprocess.run(
            [sys.executable, "-m", "workbook", command, "--help"], capture_output=True, text=True
        )
        assert result.returncode == 0, command


def test_every_notebook_in_the_readme_exists_and_every_guided_one_is_listed():
    listed = set(re.findall(r"\| `(\d\d-[a-z0-9-]+)` \|", README))
    on_disk = {p.stem for p in paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")}
    assert listed == on_disk


def test_every_make_target_in_the_readme_is_in_the_makefile():
    makefile = (paths.PROJECT_ROOT / "Makefile").read_text()
    for target in set(re.findall(r"`make (\w+)", README)):
        assert re.search(rf"^{target}:", makefile, re.M), target
