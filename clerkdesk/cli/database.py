"""``clerkdesk init`` and ``clerkdesk check``: make a database, and say whether one is healthy."""

from __future__ import annotations

import json
from pathlib import Path

from clerkdesk.errors import DatabaseError
from clerkdesk.store.db import integrity_report, open_store


def register(subparsers) -> None:
    init = subparsers.add_parser("init", help="create an empty ClerkDesk database")
    init.add_argument("--db", required=True, type=Path, help="database file to create")
    init.set_defaults(func=run_init)

    check = subparsers.add_parser(
        "check", help="check a database's integrity and schema version (exit 0 when healthy)"
    )
    check.add_argument("--db", required=True, type=Path, help="database file to check")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=run_check)


def run_init(args) -> int:
    path: Path = args.db
    if path.exists():
        raise DatabaseError(
            f"{path} already exists; ClerkDesk will not overwrite it. Choose a new file name."
        )
    with open_store(path, create=True):
        pass
    print(f"Created {path.resolve()}")
    return 0


def run_check(args) -> int:
    report = integrity_report(args.db)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['path']}: integrity ok")
        print(
            f"schema: {report['schema_version']} "
            f"({report['schema_steps_applied']} of {report['schema_steps_known']} steps)"
        )
        if report["pending_steps"]:
            print(f"upgrade pending: {', '.join(report['pending_steps'])} (applied on next open)")
    return 0
