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

# Subcommand modules, in the order they appear in --help.
SUBCOMMAND_MODULES = (
    "clerkdesk.cli.database",
    "clerkdesk.cli.exchange",
    "clerkdesk.cli.meetings",
    "clerkdesk.cli.deadline",
    "clerkdesk.cli.deadlines",
    "clerkdesk.cli.agenda",
    "clerkdesk.cli.minutes",
    "clerkdesk.cli.actionlog",
    "clerkdesk.cli.petitions",
)


class ArgumentError(ClerkError):
    exit_code = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line and exit status 2."""

    def error(self, message: str):
        raise ArgumentError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
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
    for module_name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a subcommand not written yet
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    from clerkdesk.log import setup_logging

    try:
        parser = build_parser()
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
