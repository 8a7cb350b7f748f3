"""The command line: every command has its help, and the README shows every command."""
from __future__ import annotations

import argparse
import re

import pytest

from pipeline import cli

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser, read from the CLI itself so that a new command is covered too."""
    subparsers = next(a for a in cli._parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(subparsers.choices)


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_the_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]):
    text = _help(capsys)
    assert text.startswith("usage: pipeline")
    for command in _commands():
        assert re.search(rf"^\s+{command}\s+\S", text, re.MULTILINE), f"{command} is not in --help"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_has_help_for_itself_and_each_option(command: str, capsys: pytest.CaptureFixture[str]):
    parser = _commands()[command]
    text = _help(capsys, command)
    assert text.startswith(f"usage: pipeline {command}")
    assert parser.description and parser.description.split()[0] in text
    for action in parser._actions:
        assert action.help, f"{command} {'/'.join(action.option_strings) or action.dest} has no help"
        for option in action.option_strings:
            assert option in text


@pytest.mark.parametrize("command", sorted(_commands()))
def test_the_readme_shows_every_command(command: str):
    assert f"python -m pipeline {command}" in README, f"README.md never shows `python -m pipeline {command}`"


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["frobnicate"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_a_raw_path_that_is_a_file_is_named_as_such(tmp_path, capsys: pytest.CaptureFixture[str]):
    page = tmp_path / "page.txt"
    page.write_text("A line of text.\n")
    assert cli.main(["run", "--raw", str(page), "--out", str(tmp_path / "out")]) == 2
    assert "is not a directory" in capsys.readouterr().err


@pytest.mark.parametrize("workers", ["0", "-2", "two"])
def test_workers_below_one_are_a_usage_error(workers: str, tmp_path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", "--raw", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", workers])
    assert stop.value.code == 2 and "--workers" in capsys.readouterr().err


def test_explaining_a_missing_page_is_a_usage_error(tmp_path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["explain", str(tmp_path / "absent.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
