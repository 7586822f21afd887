"""``clerkdesk export`` and ``clerkdesk import``: the exchange file, and meetings as .ics."""

from __future__ import annotations

import sys
from pathlib import Path

from clerkdesk.cli import ArgumentError
from clerkdesk.cli.common import add_db_argument
from clerkdesk.services.exchange import describe_counts
from clerkdesk.services.exchange_export import uncarried_records, write_export
from clerkdesk.services.exchange_files import files_folder
from clerkdesk.services.exchange_import import parse_document, read_document, store_contents
from clerkdesk.services.ical import write_ics
from clerkdesk.services.registry import Services


def register(subparsers) -> None:
    export = subparsers.add_parser(
        "export",
        help="write everything to an exchange file (--out) or the meetings to a calendar (--ics)",
        description="Write the whole database as a ClerkDesk exchange file (JSON, see "
        "docs/exchange-format.md) with the agenda documents' files in a folder beside it "
        "(FILE-files), or the meetings as an iCalendar file for Outlook. The exchange file "
        "is a complete backup and holds personal data.",
    )
    add_db_argument(export)
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE.json", help="exchange file to write")
    target.add_argument("--ics", type=Path, metavar="FILE.ics", help="calendar file to write")
    export.add_argument(
        "--committee", metavar="CODE", help="with --ics: only this committee's meetings"
    )
    export.set_defaults(func=run_export)

    load = subparsers.add_parser(
        "import",
        help="load an exchange file into a new, empty database",
        description="Load a ClerkDesk exchange file into an empty database (created if it "
        "does not exist), with the documents' files from the folder beside it (FILE-files). "
        "All or nothing: a file with problems changes nothing, and every problem is listed "
        "with its place in the file.",
    )
    load.add_argument(
        "--db", required=True, type=Path, help="database file to fill (created if missing)"
    )
    load.add_argument("file", type=Path, metavar="FILE.json", help="exchange file to import")
    load.set_defaults(func=run_import)


# Printed after every export: the file is a complete backup, so it holds personal data.
PERSONAL_DATA_NOTE = (
    "Note: the file holds personal data, petition organisers' contact details included; keep "
    "it safe."
)


def run_export(args) -> int:
    if args.committee is not None and args.ics is None:
        raise ArgumentError("--committee only applies with --ics (see 'clerkdesk export --help')")
    with Services.open(args.db) as services:
        if args.ics is not None:
            count = write_ics(services, args.ics, args.committee)
            print(f"Wrote {count} meeting{'s' if count != 1 else ''} to {args.ics}")
            return 0
        result = write_export(services, args.out)
        left_out = uncarried_records(services)
    print(f"Exported {describe_counts(result.counts)} to {args.out}")
    if result.file_count:
        files = "file" if result.file_count == 1 else "files"
        print(f"Copied {result.file_count} document {files} to {result.files_folder}")
    print(PERSONAL_DATA_NOTE)
    if left_out:
        print(
            f"clerkdesk: warning: this exchange format does not carry {describe_counts(left_out)} "
            "yet; they are not in the file.",
            file=sys.stderr,
        )
    return 0


def run_import(args) -> int:
    # The file (and the documents' files beside it) are read and checked before the
    # database is opened, so a bad file does not leave a new, empty database behind.
    contents = parse_document(read_document(args.file), args.file.name, files_folder(args.file))
    with Services.open(args.db, create=True) as services:
        counts = store_contents(services, contents, args.file.name)
    print(f"Imported {describe_counts(counts)} from {args.file} into {args.db}")
    return 0
