"""``clerkdesk petitions``: the petitions register, or with ``--due`` the petitions whose
acknowledgement or response is overdue or due soon, as a table or as JSON.

The JSON keys are a stable interface (``PetitionRegisterRow.to_json``): id, title,
received, signatures, meeting, response_due, responded, status. Organisers are not
listed: their details never leave the clerk's desk (rules.md §10).
"""

from __future__ import annotations

from datetime import date

from clerkdesk.cli.common import add_db_argument, open_services, print_json
from clerkdesk.cli.deadline import parse_iso_date

# (heading, key, width) for the readable table.
TABLE = (("Id", "id", 4), ("Received", "received", 10), ("Signatures", "signatures", 10),
         ("Meeting", "meeting", 10), ("Response due", "response_due", 12),
         ("Responded", "responded", 10), ("Status", "status", 10), ("Title", "title", 0))


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "petitions", help="list the petitions register (or those due) as a table or JSON",
        description="The petitions register with the response due dates, newest first.",
    )
    add_db_argument(parser)
    parser.add_argument("--due", action="store_true",
                        help="only petitions whose acknowledgement or response is overdue or "
                             "due soon")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="what is due is worked out as of this date (default: today)")
    parser.set_defaults(func=run_petitions)


def run_petitions(args) -> int:
    today = parse_iso_date(args.today) if args.today else date.today()
    with open_services(args) as services:
        rows = services.petitions.register_rows(due_only=args.due, today=today)
    listed = [row.to_json() for row in rows]
    if args.json:
        print_json(listed)
        return 0
    if not listed:
        print("No petitions are due." if args.due else "No petitions are on the register.")
        return 0
    print(_format_row({key: heading for heading, key, _width in TABLE}))
    for row in listed:
        print(_format_row({key: "" if value is None else value for key, value in row.items()}))
    return 0


def _format_row(values: dict) -> str:
    cells = [f"{values[key]!s:<{width}}" if width else str(values[key])
             for _heading, key, width in TABLE]
    return "  ".join(cells).rstrip()
