"""``clerkdesk deadline ...``: the statutory clock on the command line, no database needed.

Each subcommand prints the explanation (the rule, its source and every day counted or
skipped), or with ``--json`` a small stable object whose keys other tools can rely on.
Counting uses the England bank-holiday calendar with no local closures.
"""

from __future__ import annotations

import json
import re
from datetime import date

from clerkdesk.domain.calendar import WorkingCalendar
from clerkdesk.domain.deadline_rules import parse_time_of_day
from clerkdesk.domain.deadlines import (
    Reading,
    clear_days_after,
    clear_days_before,
    working_days_after,
    working_days_before_at,
)
from clerkdesk.errors import ValidationError


def parse_iso_date(text: str) -> date:
    """'2019-07-09' -> date; a date that does not exist (2023-02-29) is refused clearly."""
    cleaned = text.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
            raise ValueError
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(f"'{text}' is not a real date; use YYYY-MM-DD") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="count clear days and working days (England and Wales bank holidays)",
        description="Statutory date arithmetic, each answer explained day by day.",
    )
    commands = parser.add_subparsers(dest="deadline_command", required=True)

    clear = commands.add_parser(
        "clear-days", help="latest publication date leaving N clear days before a meeting"
    )
    _add_date_and_days(clear, "meeting date")
    clear.add_argument(
        "--calendar", action="store_true", help="count calendar days (default: working days)"
    )
    clear.set_defaults(func=run_clear_days)

    after = commands.add_parser(
        "working-days-after", help="due date 'within N working days' after an event"
    )
    _add_date_and_days(after, "event date (not counted)")
    after.set_defaults(func=run_working_days_after)

    before = commands.add_parser(
        "working-days-before", help="the Nth working day before a meeting, optionally at a time"
    )
    _add_date_and_days(before, "meeting date")
    before.add_argument("--at", metavar="HH:MM", help="cut-off time, UK local time (e.g. 12:00)")
    before.set_defaults(func=run_working_days_before)

    later = commands.add_parser(
        "clear-days-after", help="earliest date after N clear days following a publication"
    )
    _add_date_and_days(later, "publication date (not counted)")
    later.add_argument(
        "--working", action="store_true", help="count working days (default: calendar days)"
    )
    later.set_defaults(func=run_clear_days_after)


def _add_date_and_days(parser, what: str) -> None:
    parser.add_argument("date", metavar="DATE", help=f"{what}, YYYY-MM-DD")
    parser.add_argument("days", metavar="N", type=int, help="number of days")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def _output(args, payload: dict) -> int:
    if args.json:
        print(json.dumps(payload, indent=2))
    else:
        print(payload["explanation"])
    return 0


def run_clear_days(args) -> int:
    reading = Reading.CALENDAR if args.calendar else Reading.WORKING
    result = clear_days_before(parse_iso_date(args.date), args.days, WorkingCalendar(), reading)
    return _output(
        args,
        {
            "date": result.latest_publication.isoformat(),
            "latest_working_day": result.latest_working_day.isoformat(),
            "explanation": result.explanation,
        },
    )


def run_working_days_after(args) -> int:
    result = working_days_after(parse_iso_date(args.date), args.days, WorkingCalendar())
    return _output(args, {"date": result.due_date.isoformat(), "explanation": result.explanation})


def run_working_days_before(args) -> int:
    at = parse_time_of_day(args.at) if args.at is not None else None
    result = working_days_before_at(parse_iso_date(args.date), args.days, at, WorkingCalendar())
    payload = {"date": result.due_date.isoformat()}
    if result.due_at is not None:
        payload["datetime"] = result.due_at.isoformat()
    payload["explanation"] = result.explanation
    return _output(args, payload)


def run_clear_days_after(args) -> int:
    reading = Reading.WORKING if args.working else Reading.CALENDAR
    result = clear_days_after(parse_iso_date(args.date), args.days, WorkingCalendar(), reading)
    return _output(
        args,
        {
            "date": result.earliest_date.isoformat(),
            "first_working_day": result.first_working_day.isoformat(),
            "explanation": result.explanation,
        },
    )
