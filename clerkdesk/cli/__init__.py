"""The ``clerkdesk`` command: the GUI by default, headless subcommands otherwise.

Each subcommand lives in its own module under ``clerkdesk.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a function taking the
parsed ``argparse.Namespace`` and returning an exit status. Expected failures are raised as
``ClerkError`` and printed here as one line on stderr; nothing else prints tracebacks.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from clerkdesk import __version__
from clerkdesk.errors import ClerkError

# Each command and the module that registers it, in the order they appear in --help.
COMMANDS = {
    "init": "clerkdesk.cli.database",
    "check": "clerkdesk.cli.database",
    "export": "clerkdesk.cli.exchange",
    "import": "clerkdesk.cli.exchange",
    "list-meetings": "clerkdesk.cli.meetings",
    "deadline": "clerkdesk.cli.deadline",
    "deadlines": "clerkdesk.cli.deadlines",
    "agenda-plan": "clerkdesk.cli.deadlines",
    "agenda": "clerkdesk.cli.agenda",
    "pack": "clerkdesk.cli.agenda",
    "publish": "clerkdesk.cli.agenda",
    "minutes": "clerkdesk.cli.minutes",
    "actionlog": "clerkdesk.cli.actionlog",
    "petitions": "clerkdesk.cli.petitions",
}
# Top-level options that take a value (the others are flags).
_VALUE_OPTIONS = {"--db"}


class ArgumentError(ClerkError):
    exit_code = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line and exit status 2."""

    def error(self, message: str):
        raise ArgumentError(f"{message} (see '{self.prog} --help')")


def _modules_for(argv: list[str]) -> list[str]:
    """The command modules this command line needs.

    Importing them all costs about a second (PDF, Word and JSON Schema libraries), so the
    GUI, started with options only, loads none, and a command loads only its own module.
    Help and unknown commands load every one, so that all commands are listed.
    """
    positional = []
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            break
        if token in _VALUE_OPTIONS:
            next(tokens, None)
        elif not token.startswith("-") or token == "-":
            positional.append(token)
    else:
        if not positional:
            return []
        if positional[0] in COMMANDS:
            return [COMMANDS[positional[0]]]
    return list(dict.fromkeys(COMMANDS.values()))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="clerkdesk", description="ClerkDesk for democratic services clerks.")
    parser.add_argument("--version", action="version", version=f"clerkdesk {__version__}")
    parser.add_argument("--db", help="database file to open (default: your user data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="create or reopen the demo council and open it"
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="show the main window, let it settle, then exit 0 (smoke checks, benchmarks)",
    )
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    needed = _modules_for(sys.argv[1:] if argv is None else argv)
    for module_name in needed:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from clerkdesk.log import setup_logging

    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        setup_logging()
        if args.command is None:
            from clerkdesk.app import run_gui

            return run_gui(args)
        return int(args.func(args) or 0)
    except ClerkError as exc:
        print(f"clerkdesk: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("clerkdesk: interrupted", file=sys.stderr)
        return 130


def run() -> None:  # pragma: no cover - console script wrapper
    sys.exit(main())
