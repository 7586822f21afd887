"""A council's deadline rules, with defaults and where each default comes from, and the
function that turns them into one meeting's deadlines.

Periods differ between councils and committees (rules.md §0, §1.2), so every rule is data:
a committee's overrides merge over the council's rules, and a rule set travels as a plain
dict (the settings table, the JSON exchange file). Statutory periods keep their statutory
minimum; local practice (report deadlines, speaking, petitions, call-in) is free to change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime, time
from enum import StrEnum
from typing import Literal

from clerkdesk.domain.calendar import Jurisdiction, WorkingCalendar, format_uk_date
from clerkdesk.domain.deadlines import (
    LONDON,
    ClearDaysBefore,
    Reading,
    WorkingDaysAfter,
    WorkingDaysBefore,
    check_day_count,
    clear_days_before,
    plural,
    working_days_after,
    working_days_before_at,
)
from clerkdesk.errors import ValidationError


class Method(StrEnum):
    CLEAR_DAYS_BEFORE = "clear_days_before"  # N clear days between deadline and meeting
    WORKING_DAYS_BEFORE = "working_days_before"  # the Nth working day back from M-1
    WORKING_DAYS_AFTER = "working_days_after"  # the Nth working day after an event


def parse_time_of_day(text: str) -> time:
    """'12:00' -> time(12, 0); anything else is a clerk-readable error."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(text).strip())
    if match is None:
        raise ValidationError(f"'{text}' is not a time of day; use 24-hour HH:MM, e.g. 12:00")
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class DeadlineRule:
    label: str
    method: Method
    days: int
    source: str  # where the value comes from: statute, seed practice, or a committee setting
    reading: Reading = Reading.WORKING  # only used by CLEAR_DAYS_BEFORE
    time_of_day: time | None = None  # Europe/London; None means "by the end of the day"

    def __post_init__(self) -> None:
        try:
            if not str(self.label).strip() or not str(self.source).strip():
                raise ValueError("a deadline rule needs a label and a source")
            object.__setattr__(self, "method", Method(self.method))
            object.__setattr__(self, "reading", Reading(self.reading))
        except ValueError as exc:
            raise ValidationError(f"{self.label or 'Deadline rule'}: {exc}") from None
        if isinstance(self.time_of_day, str):
            object.__setattr__(self, "time_of_day", parse_time_of_day(self.time_of_day))
        try:  # "the 0th working day" means nothing; 0 clear days does
            check_day_count(self.days, minimum=int(self.method is not Method.CLEAR_DAYS_BEFORE))
        except ValidationError as exc:
            raise ValidationError(f"{self.label}: {exc.message}") from None

    def describe(self) -> str:
        """The rule in words, e.g. '7 clear working days before the meeting, by 10:00'."""
        at = f", by {self.time_of_day:%H:%M}" if self.time_of_day else ""
        if self.method is Method.CLEAR_DAYS_BEFORE:
            unit = "clear working day" if self.reading is Reading.WORKING else "clear day"
            return f"{plural(self.days, unit)} before the meeting{at}"
        if self.method is Method.WORKING_DAYS_BEFORE:
            return f"{plural(self.days, 'working day')} before the meeting{at}"
        return f"within {plural(self.days, 'working day')} after the event (event day excluded)"

    def to_dict(self) -> dict:
        data = asdict(self)
        data.update(method=self.method.value, reading=self.reading.value)
        data["time_of_day"] = f"{self.time_of_day:%H:%M}" if self.time_of_day else None
        return data

    @classmethod
    def from_dict(cls, data: Mapping) -> DeadlineRule:
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise ValidationError(f"Unknown deadline rule setting(s): {', '.join(sorted(unknown))}")
        try:
            return cls(**data)
        except TypeError as exc:  # a required setting is missing
            raise ValidationError(f"Deadline rule settings are incomplete: {exc}") from None


# Rules that statute sets, with the minimum a council may not go below.
_STATUTORY_MINIMUM = {
    Jurisdiction.ENGLAND: {
        "agenda_publication": (5, "LGA 1972 s.100B(3)"),
        "key_decision_notice": (28, "SI 2012/2089 reg 9"),
        "private_meeting_notice": (28, "SI 2012/2089 reg 5"),
        "private_meeting_final_notice": (5, "SI 2012/2089 reg 5"),
    },
    Jurisdiction.WALES: {
        "agenda_publication": (3, "LGA 1972 s.100B(3) as amended for Wales"),
    },
}
# Deadlines counted from an event after the meeting; all others count back from the meeting.
_AFTER_EVENT = frozenset({"petition_response", "call_in"})
# Publication periods, which the law states in clear days.
_CLEAR_DAYS_ONLY = frozenset(_STATUTORY_MINIMUM[Jurisdiction.ENGLAND])


@dataclass(frozen=True)
class RuleSet:
    """One council's (or, after overrides, one committee's) deadline rules.

    A rule set to None is not used: the council has no such deadline, or (for Wales) the
    English statutory rule does not apply and the council has not entered its own.
    """

    jurisdiction: Jurisdiction
    agenda_publication: DeadlineRule
    draft_reports: DeadlineRule | None
    final_reports: DeadlineRule | None
    public_speaking: DeadlineRule | None
    petition_response: DeadlineRule | None
    call_in: DeadlineRule | None
    key_decision_notice: DeadlineRule | None
    private_meeting_notice: DeadlineRule | None
    private_meeting_final_notice: DeadlineRule | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "jurisdiction", Jurisdiction(self.jurisdiction))
        minimums = _STATUTORY_MINIMUM[self.jurisdiction]
        problems = []
        for key in RULE_KEYS:
            rule = getattr(self, key)
            if rule is None:
                if key in minimums:
                    problems.append(f"The {key.replace('_', ' ')} rule is required by statute")
                continue
            after = rule.method is Method.WORKING_DAYS_AFTER
            clear = rule.method is Method.CLEAR_DAYS_BEFORE
            if after != (key in _AFTER_EVENT) or (key in _CLEAR_DAYS_ONLY and not clear):
                problems.append(f"{rule.label}: '{rule.method}' cannot be used for this deadline")
            if key in minimums and rule.days < minimums[key][0]:
                days, cite = minimums[key]
                problems.append(
                    f"{rule.label}: {rule.days} days is below the statutory minimum of {days} "
                    f"clear days in {self.jurisdiction.display_name} ({cite})"
                )
        if problems:
            raise ValidationError(problems)

    def rule(self, key: str) -> DeadlineRule:
        """The rule for ``key``, or a clear error if this council has none."""
        if key not in RULE_KEYS:
            raise ValidationError(f"Unknown deadline rule '{key}'")
        found = getattr(self, key)
        if found is None:
            where = self.jurisdiction.display_name
            raise ValidationError(
                f"No '{key.replace('_', ' ')}' rule is set for this council ({where}); "
                "enter the council's own period in the deadline settings"
            )
        return found

    def with_overrides(self, overrides: Mapping[str, Mapping | None]) -> RuleSet:
        """This rule set with a committee's overrides merged over it.

        ``{"draft_reports": {"days": 8}}`` changes one setting; ``{"final_reports": None}``
        switches a local deadline off. A changed rule says so in its source, so the clerk can
        see it is a committee setting and what the council default was.
        """
        changes: dict[str, DeadlineRule | None] = {}
        for key, override in overrides.items():
            if key not in RULE_KEYS:
                raise ValidationError(f"Unknown deadline rule '{key}' in committee overrides")
            current = getattr(self, key)
            if override is None:
                changes[key] = None
                continue
            merged = {**(current.to_dict() if current else {}), **override}
            if current is not None and "source" not in override:
                said = ", ".join(f"{k} {v}" for k, v in override.items())
                merged["source"] = f"Committee setting ({said}); council default: {current.source}"
            changes[key] = DeadlineRule.from_dict(merged)
        return replace(self, **changes)

    def to_dict(self) -> dict:
        rules = {key: (r.to_dict() if (r := getattr(self, key)) else None) for key in RULE_KEYS}
        return {"jurisdiction": self.jurisdiction.value, "rules": rules}

    @classmethod
    def from_dict(cls, data: Mapping) -> RuleSet:
        """Rules missing from ``data`` (added in a later version) take the defaults."""
        try:
            jurisdiction = Jurisdiction(data["jurisdiction"])
            stored = dict(data.get("rules", {}))
        except (KeyError, ValueError, TypeError) as exc:
            raise ValidationError(f"The deadline rule settings are not valid: {exc}") from None
        unknown = set(stored) - set(RULE_KEYS)
        if unknown:
            raise ValidationError(f"Unknown deadline rule(s): {', '.join(sorted(unknown))}")
        rules = {
            k: (DeadlineRule.from_dict(v) if v is not None else None) for k, v in stored.items()
        }
        return replace(default_rules(jurisdiction), **rules)


RULE_KEYS = tuple(f.name for f in fields(RuleSet) if f.name != "jurisdiction")

# Where each default comes from. Seeds are named as in rules.md ("How to read this file").
_CCC = "Cambridgeshire CC agenda pack, 9 Jul 2019 (seed 000)"
_LOCAL = "local practice: set your council's own period"
_ELITESTONE = "working-day reading as in R v Swansea CC, ex p Elitestone (CA, 1993)"
_CITATIONS = {
    "agenda_publication": "LGA 1972 s.100B(3): at least five clear days (SI 2002/715); "
    f"{_ELITESTONE} and {_CCC} line 4980",
    "draft_reports": f"{_CCC} line 4978: 'by 10.00am seven clear working days before the "
    f"meeting'; {_LOCAL}",
    "final_reports": "Peterborough CC work programme 2021/22 (seed 003): 'Final Report' 7 clear "
    f"working days before the meeting in every row (domain.md §8.3); {_LOCAL}",
    "public_speaking": f"{_CCC} line 75: 'no later than 12.00 noon three working days before "
    f"the meeting'; {_LOCAL}",
    "petition_response": f"{_CCC} line 128: 'a written response ... within 10 working days of "
    f"the meeting'; {_LOCAL}",
    "call_in": "Peterborough CC (seed 003 line 22): implemented 'on the expiry of 3 working "
    "days after the publication of the decision (not including the date of publication)'; "
    + _LOCAL,
    "key_decision_notice": "SI 2012/2089 reg 9: at least 28 clear days; counted as calendar "
    "days as Peterborough (seed 003) and Rother do (rules.md §1.2)",
    "private_meeting_notice": "SI 2012/2089 reg 5: at least 28 clear days; calendar days as "
    "Rother counts them (rules.md §1.2)",
    "private_meeting_final_notice": "SI 2012/2089 reg 5: at least five clear days; "
    "working-day reading, as for agendas",
}
_WALES_AGENDA_CITATION = (
    "LGA 1972 s.100B(3) as amended for Wales by the Local Government and Elections (Wales) "
    f"Act 2021 Sch 4: at least three clear days; {_ELITESTONE}"
)

_CDB, _WDB, _WDA = Method.CLEAR_DAYS_BEFORE, Method.WORKING_DAYS_BEFORE, Method.WORKING_DAYS_AFTER
_WORKING, _CALENDAR = Reading.WORKING, Reading.CALENDAR
# key: (label, method, days, reading, time of day)
_ENGLAND_DEFAULTS = {
    "agenda_publication": ("Agenda and reports published", _CDB, 5, _WORKING, None),
    "draft_reports": ("Draft reports due with Democratic Services", _CDB, 7, _WORKING, time(10)),
    "final_reports": ("Final reports due with Democratic Services", _CDB, 7, _WORKING, None),
    "public_speaking": ("Public speaking registration closes", _WDB, 3, _WORKING, time(12)),
    "petition_response": ("Written response to petitions", _WDA, 10, _WORKING, None),
    "call_in": ("Call-in period ends", _WDA, 3, _WORKING, None),
    "key_decision_notice": ("Key decision notice published", _CDB, 28, _CALENDAR, None),
    "private_meeting_notice": ("Notice of intention to meet in private", _CDB, 28, _CALENDAR, None),
    "private_meeting_final_notice": ("Further notice of private meeting", _CDB, 5, _WORKING, None),
}


def default_rules(jurisdiction: Jurisdiction | str = Jurisdiction.ENGLAND) -> RuleSet:
    """The defaults for a new council, each citing where its value comes from."""
    jurisdiction = Jurisdiction(jurisdiction)
    rules: dict[str, DeadlineRule | None] = {
        key: DeadlineRule(label, method, days, _CITATIONS[key], reading, at)
        for key, (label, method, days, reading, at) in _ENGLAND_DEFAULTS.items()
    }
    if jurisdiction is Jurisdiction.WALES:
        # Wales is not England (rules.md Appendix A item 10): three clear days for agendas,
        # and the English executive-arrangements rules (SI 2012/2089) do not apply. No Welsh
        # value for those is documented here, so the council must enter its own.
        rules["agenda_publication"] = replace(
            rules["agenda_publication"], days=3, source=_WALES_AGENDA_CITATION
        )
        english_only = _STATUTORY_MINIMUM[Jurisdiction.ENGLAND].keys() - {"agenda_publication"}
        rules.update(dict.fromkeys(english_only))
    return RuleSet(jurisdiction=jurisdiction, **rules)


# ----- one meeting's deadlines -----------------------------------------------------------------

ExplainedResult = ClearDaysBefore | WorkingDaysBefore | WorkingDaysAfter


@dataclass(frozen=True)
class Deadline:
    key: str  # e.g. "agenda_publication", "despatch", "draft_reports"
    label: str
    due_date: date
    due_at: datetime | None  # Europe/London when the rule has a time of day
    result: ExplainedResult
    other_reading: ClearDaysBefore | None = None  # the calendar reading shown beside

    @property
    def source(self) -> str:
        return self.result.source

    @property
    def explanation(self) -> str:
        other = self.other_reading
        if other is None:
            return self.result.explanation
        allows = f"the {other.reading.value} reading would allow"
        compare = f"For comparison, {allows} {format_uk_date(other.latest_publication)}:"
        return f"{self.result.explanation}\n\n{compare}\n{other.explanation}"


def _london_date(moment: datetime | date) -> date:
    """The calendar day in the UK of a date or time (a naive time is taken as UK time)."""
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo else moment.replace(tzinfo=LONDON)
        return aware.astimezone(LONDON).date()
    return moment


def _due_at(day: date, rule: DeadlineRule) -> datetime | None:
    return datetime.combine(day, rule.time_of_day, tzinfo=LONDON) if rule.time_of_day else None


def _before_meeting(key: str, rule: DeadlineRule, meeting: date, cal: WorkingCalendar) -> Deadline:
    if rule.method is Method.WORKING_DAYS_BEFORE:
        found = working_days_before_at(meeting, rule.days, rule.time_of_day, cal)
        found = found.cited(rule.describe(), rule.source)
        return Deadline(key, rule.label, found.due_date, found.due_at, found)
    counted = clear_days_before(meeting, rule.days, cal, rule.reading)
    counted = counted.cited(rule.describe(), rule.source)
    # Work is due on a working day: the last one on or before the latest permitted date.
    due = counted.latest_working_day
    return Deadline(key, rule.label, due, _due_at(due, rule), counted)


def meeting_deadlines(
    meeting_start: datetime | date,
    rules: RuleSet,
    calendar: WorkingCalendar,
    *,
    key_decision: bool = False,
    private_meeting: bool = False,
) -> list[Deadline]:
    """Every deadline before one meeting, earliest first.

    The agenda gives two: ``agenda_publication`` (the latest date the law allows, which may
    fall on a weekend) and ``despatch`` (the last working day on or before it), with the other
    reading of "clear days" shown beside (rules.md §1.2). Key-decision and private-meeting
    notices are included only when the meeting needs them.
    """
    if calendar.jurisdiction is not rules.jurisdiction:
        raise ValidationError(
            f"The deadline rules are for {rules.jurisdiction.display_name} but the calendar is "
            f"for {calendar.jurisdiction.display_name}; use one jurisdiction for both"
        )
    meeting = _london_date(meeting_start)
    deadlines = []
    for key in ("draft_reports", "final_reports", "public_speaking"):
        if (rule := getattr(rules, key)) is not None:
            deadlines.append(_before_meeting(key, rule, meeting, calendar))
    wanted = ["key_decision_notice"] if key_decision else []
    wanted += ["private_meeting_notice", "private_meeting_final_notice"] if private_meeting else []
    deadlines += [_before_meeting(key, rules.rule(key), meeting, calendar) for key in wanted]

    agenda = rules.agenda_publication
    publication = clear_days_before(meeting, agenda.days, calendar, agenda.reading)
    publication = publication.cited(agenda.describe(), agenda.source)
    other = Reading.CALENDAR if agenda.reading is Reading.WORKING else Reading.WORKING
    other_reading = clear_days_before(meeting, agenda.days, calendar, other)
    last_day = publication.latest_publication
    deadlines.append(
        Deadline("agenda_publication", agenda.label, last_day, None, publication, other_reading)
    )
    despatch = publication.latest_working_day
    deadlines.append(Deadline("despatch", "Agenda despatch", despatch, None, publication))
    return sorted(deadlines, key=lambda d: d.due_date)


def after_event_deadline(
    key: str, event_date: date, rules: RuleSet, calendar: WorkingCalendar
) -> Deadline:
    """A deadline counted from an event: ``petition_response`` from the meeting, ``call_in``
    from the publication of the decision."""
    rule = rules.rule(key)
    if rule.method is not Method.WORKING_DAYS_AFTER:
        raise ValidationError(f"{rule.label} is not counted from an event after the meeting")
    found = working_days_after(event_date, rule.days, calendar).cited(rule.describe(), rule.source)
    return Deadline(key, rule.label, found.due_date, _due_at(found.due_date, rule), found)


DeadlineStatus = Literal["done", "due", "overdue"]


def deadline_status(deadline: Deadline, today: date | datetime, done: bool) -> DeadlineStatus:
    """'done' once met; 'overdue' after the due day (or, given a time, after the cut-off)."""
    if done:
        return "done"
    if isinstance(today, datetime) and deadline.due_at is not None:
        now = today if today.tzinfo else today.replace(tzinfo=LONDON)
        return "overdue" if now > deadline.due_at else "due"
    day = _london_date(today)
    return "overdue" if day > deadline.due_date else "due"
