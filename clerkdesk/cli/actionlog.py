"""``clerkdesk actionlog``: a committee's action log as Word or PDF, over a database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clerkdesk.cli.common import add_db_argument, open_services
from clerkdesk.cli.deadline import parse_iso_date
from clerkdesk.documents.action_log import FORMATS, write_action_log


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "actionlog", help="write a committee's action log as Word or PDF",
        description="The Minutes-Action Log: open actions (and those closed since the last "
                    "issued log), grouped by the meeting they arose from.",
    )
    add_db_argument(parser)
    parser.add_argument("--committee", required=True, metavar="CODE", help="committee code")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="the log's date: updates after it are left out (default: today)")
    parser.set_defaults(func=run_actionlog)


def run_actionlog(args) -> int:
    as_of = parse_iso_date(args.as_of) if args.as_of else date.today()
    with open_services(args) as services:
        committee = services.committees.by_code(args.committee)
        written = write_action_log(services, committee, as_of, args.out, args.format)
    print(f"Wrote {written}")
    return 0
