"""Helpers shared by the subcommands that open a database."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

from clerkdesk.services.registry import Services


def add_db_argument(parser) -> None:
    parser.add_argument("--db", required=True, type=Path, help="the ClerkDesk database file")


@contextmanager
def open_services(args):
    services = Services.open(args.db)
    try:
        yield services
    finally:
        services.close()


def print_json(value) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))
