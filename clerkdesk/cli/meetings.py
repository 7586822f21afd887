"""``clerkdesk list-meetings``: find meetings (and their ids) from a script."""

from __future__ import annotations

from clerkdesk.cli.common import add_db_argument, open_services, print_json
from clerkdesk.domain.meetings import LONDON


def register(subparsers) -> None:
    parser = subparsers.add_parser("list-meetings", help="list meetings with their ids")
    add_db_argument(parser)
    parser.add_argument("--committee", metavar="CODE", help="only this committee's meetings")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args) -> int:
    with open_services(args) as services:
        committees = {c.id: c for c in services.committees.list()}
        committee_id = services.committees.by_code(args.committee).id if args.committee else None
        with_agenda = services.agenda.repo.meetings_with_items()
        rows = [
            {
                "id": meeting.id,
                "committee_code": committees[meeting.committee_id].code,
                "committee": committees[meeting.committee_id].name,
                "start": meeting.start.astimezone(LONDON).isoformat(),
                "end": meeting.end.astimezone(LONDON).isoformat() if meeting.end else None,
                "venue": meeting.venue,
                "kind": meeting.kind.value,
                "status": meeting.status.value,
                "has_agenda": meeting.id in with_agenda,
            }
            for meeting in services.meetings.search(committee_id=committee_id)
        ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:>5}  {row['start'][:16].replace('T', ' ')}  "
                  f"{row['committee_code']:<8} {row['status']:<10} {row['committee']}")
    return 0
