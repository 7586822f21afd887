"""The command line loads only what a command needs, so the GUI starts quickly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clerkdesk.cli import COMMANDS, _modules_for, build_parser


@pytest.mark.parametrize("argv", [[], ["--demo"], ["--db", "council.sqlite", "--demo"]])
def test_the_gui_loads_no_command(argv):
    assert _modules_for(argv) == []


def test_a_command_loads_its_own_module_only():
    assert _modules_for(["--db", "x.sqlite", "check"]) == ["clerkdesk.cli.database"]
    assert _modules_for(["pack", "--db", "x", "--meeting", "1"]) == ["clerkdesk.cli.agenda"]


def test_help_and_unknown_commands_list_every_command(capsys):
    every = list(dict.fromkeys(COMMANDS.values()))
    assert _modules_for(["--help"]) == every
    assert _modules_for(["frobnicate"]) == every
    parser = build_parser(["--help"])
    assert set(parser._subparsers._group_actions[0].choices) == set(COMMANDS)


def test_parsing_options_alone_imports_no_document_library():
    code = ("import sys; from clerkdesk.cli import build_parser; build_parser(['--demo']); "
            "print(sorted(m for m in ('jsonschema', 'pikepdf', 'docx', 'reportlab') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
