"""``clerkdesk deadlines`` (one meeting's deadlines, status and explanation) and
``clerkdesk agenda-plan`` (a committee's agenda plan as Word or PDF), over a database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clerkdesk.cli.common import add_db_argument, open_services, print_json
from clerkdesk.cli.deadline import parse_iso_date
from clerkdesk.domain.calendar import format_uk_date
from clerkdesk.domain.meetings import LONDON


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "deadlines", help="every deadline of a meeting, with its status and explanation",
        description="Deadlines of one meeting on the council's calendar and rules.",
    )
    add_db_argument(parser)
    parser.add_argument("--meeting", required=True, type=int, metavar="ID",
                        help="meeting id (see 'clerkdesk list-meetings')")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--explain", action="store_true", help="print each deadline's working")
    _add_today(parser, "status is worked out as of this date")
    parser.set_defaults(func=run_deadlines)

    plan = subparsers.add_parser(
        "agenda-plan", help="write a committee's agenda plan as Word or PDF",
        description="The agenda plan: future meetings, planned items and their deadlines.",
    )
    add_db_argument(plan)
    plan.add_argument("--committee", required=True, metavar="CODE", help="committee code")
    plan.add_argument("--format", required=True, choices=("docx", "pdf"))
    plan.add_argument("--out", required=True, type=Path, metavar="FILE", help="file to write")
    _add_today(plan, "the plan's 'Published' date and first meeting")
    plan.set_defaults(func=run_agenda_plan)


def _add_today(parser, what: str) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=f"{what} (default: today)")


def _today(args) -> date:
    return parse_iso_date(args.today) if args.today else date.today()


def deadlines_payload(found) -> dict:
    """The stable JSON shape of ``clerkdesk deadlines --json``."""
    meeting, compliance = found.meeting, found.compliance
    publication = None
    if compliance is not None:
        achieved = compliance.achieved
        publication = {
            "published_at": compliance.publication.published_at.isoformat(),
            "clear_calendar_days": achieved.clear_calendar_days,
            "clear_working_days": achieved.clear_working_days,
            "required": achieved.required,
            "met": compliance.met,
            "shortfall": compliance.shortfall,
            "explanation": compliance.explanation,
        }
    return {
        "meeting": {
            "id": meeting.id,
            "committee_code": found.committee.code,
            "committee": found.committee.name,
            "start": meeting.start.astimezone(LONDON).isoformat(),
        },
        "deadlines": [
            {
                "key": row.key,
                "label": row.deadline.label,
                "date": row.deadline.due_date.isoformat(),
                "datetime": row.deadline.due_at.isoformat() if row.deadline.due_at else None,
                "status": row.status,
                "done_at": row.done_at.isoformat() if row.done_at else None,
                "source": row.deadline.source,
                "explanation": row.explanation,
            }
            for row in found.rows
        ],
        "publication": publication,
    }


def run_deadlines(args) -> int:
    with open_services(args) as services:
        found = services.deadlines.for_meeting(args.meeting, _today(args))
    payload = deadlines_payload(found)
    if args.json:
        print_json(payload)
        return 0
    print(f"{found.committee.name}, {format_uk_date(found.meeting.date)}")
    for row in payload["deadlines"]:
        when = (row["datetime"] or row["date"])[:16].replace("T", " ")
        print(f"  {when:<16}  {row['status']:<8} {row['label']}")
        if args.explain:
            print("\n".join(f"      {line}" for line in row["explanation"].splitlines()))
    if found.compliance is not None:
        print(found.compliance.summary)
    return 0


def run_agenda_plan(args) -> int:
    with open_services(args) as services:
        committee = services.committees.by_code(args.committee)
        written = services.agenda_plan.write_document(committee.id, args.out, args.format,
                                                      _today(args))
    print(f"Wrote {written}")
    return 0
