"""``clerkdesk minutes``: a meeting's minutes as Word, PDF or HTML, over a database."""

from __future__ import annotations

from pathlib import Path

from clerkdesk.cli.common import add_db_argument, open_services
from clerkdesk.documents.minutes_context import STYLES
from clerkdesk.services.minutes_documents import FORMATS, MinutesDocuments


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "minutes", help="write a meeting's minutes as Word, PDF or HTML",
        description="The minutes in the committee's style. Draft and published draft minutes "
                    "are marked 'DRAFT — subject to approval'.",
    )
    add_db_argument(parser)
    parser.add_argument("--meeting", required=True, type=int, metavar="ID",
                        help="meeting id (see 'clerkdesk list-meetings')")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    parser.add_argument("--style", choices=STYLES,
                        help="layout (default: the committee's minutes style)")
    parser.set_defaults(func=run_minutes)


def run_minutes(args) -> int:
    with open_services(args) as services:
        written = MinutesDocuments(services).write(args.meeting, args.format, args.out,
                                                   style=args.style)
        status = services.minutes.state(args.meeting).status
    print(f"Wrote {written} ({status.value} minutes)")
    return 0
