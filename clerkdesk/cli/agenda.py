"""``clerkdesk agenda``, ``pack`` and ``publish``: the agenda documents from the command line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from clerkdesk.cli.common import add_db_argument, open_services
from clerkdesk.documents.pack import Audience


def _meeting_arguments(parser) -> None:
    add_db_argument(parser)
    parser.add_argument("--meeting", required=True, type=int, metavar="ID",
                        help="meeting id (see 'clerkdesk list-meetings')")


def register(subparsers) -> None:
    agenda = subparsers.add_parser("agenda", help="write a meeting's agenda (front sheet)")
    _meeting_arguments(agenda)
    agenda.add_argument("--format", required=True, choices=("docx", "pdf", "html"))
    agenda.add_argument("--out", required=True, type=Path, help="file to write")
    agenda.set_defaults(func=run_agenda)

    pack = subparsers.add_parser("pack", help="build a meeting's agenda pack as one PDF")
    _meeting_arguments(pack)
    pack.add_argument("--audience", required=True, choices=[a.value for a in Audience])
    pack.add_argument("--out", required=True, type=Path, help="PDF file to write")
    pack.set_defaults(func=run_pack)

    publish = subparsers.add_parser(
        "publish", help="publish the agenda (or the next supplement) into a folder")
    _meeting_arguments(publish)
    publish.add_argument("--out", required=True, type=Path, help="folder to publish into")
    publish.set_defaults(func=run_publish)


def run_agenda(args) -> int:
    with open_services(args) as services, tempfile.TemporaryDirectory() as work:
        # Page ranges come from the real public pack, so the agenda matches what is published.
        ranges = services.packs.build_pack(args.meeting, Path(work) / "pack.pdf",
                                           Audience.PUBLIC).ranges
        services.packs.write_front_sheet(args.meeting, args.format, args.out, ranges=ranges)
    print(f"Wrote {args.out}")
    return 0


def run_pack(args) -> int:
    with open_services(args) as services:
        result = services.packs.build_pack(args.meeting, args.out, Audience(args.audience))
    print(f"Wrote {args.out} ({result.page_count} pages, {result.audience.value})")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


def run_publish(args) -> int:
    with open_services(args) as services:
        result = services.publishing.publish(args.meeting, args.out)
    print(f"Published {result.publication.label} into {result.folder}")
    for path, file in zip(result.paths, result.publication.files, strict=True):
        print(f"  {path.name}  sha256 {file.sha256}")
    if result.compliance is not None:
        achieved = result.compliance.achieved
        print(f"Clear working days before the meeting: {achieved.clear_working_days} "
              f"(clear calendar days: {achieved.clear_calendar_days})")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0
