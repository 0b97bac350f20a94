"""The command line's shape: every sub-command has --help, and a wrong command line exits 2."""

import subprocess
import sys

import pytest

COMMANDS = ["check", "tiers", "plan", "report", "sample", "app", "lab"]


def workbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook", *args], capture_output=True, text=True)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command):
    result = workbook(command, "--help")
    assert result.returncode == 0
    assert f"python -m workbook {command}" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["tiers", "accounts.csv", "--a", "1.5"],
        ["tiers", "accounts.csv", "--method", "magic"],
        ["plan", "accounts.csv", "--hours-per-week", "-3"],
        ["check", "accounts.csv", "--map", "no equals sign"],
    ],
)
def test_a_wrong_command_line_exits_2_with_a_message_and_no_traceback(args):
    result = workbook(*args)
    assert result.returncode == 2
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_unusable_data_not_a_traceback(tmp_path):
    result = workbook("check", str(tmp_path / "nowhere.csv"))
    assert result.returncode == 1
    assert "nowhere.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_shares_can_be_written_as_percentages():
    from workbook.cli import build_parser

    args = build_parser().parse_args(["tiers", "x.csv", "--a", "15%", "--c", "0.3"])
    assert (args.a, args.c) == (0.15, 0.3)


def test_app_and_lab_take_the_options_make_passes():
    from workbook.cli import build_parser
    from workbook.commands.lab import lab_command

    args = build_parser().parse_args(["app", "--port", "9000", "--no-browser", "--room", "Oslo"])
    assert (args.port, args.no_browser, args.room, args.host) == (9000, True, "oslo", "127.0.0.1")
    lab = build_parser().parse_args(["lab", "--port", "8899", "--no-browser"])
    command = lab_command(port=lab.port, open_browser=not lab.no_browser)
    assert command[1:3] == ["-m", "jupyterlab"] and "--no-browser" in command
    root = [part for part in command if part.startswith("--ServerApp.root_dir=")]
    assert len(root) == 1 and root[0].endswith("notebooks")


def test_a_room_name_that_could_be_a_path_is_a_wrong_command_line():
    result = workbook("app", "--room", "../../etc", "--no-browser")
    assert result.returncode == 2 and "letters, digits and hyphens" in result.stderr
