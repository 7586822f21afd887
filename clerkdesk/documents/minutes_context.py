"""A meeting's minutes as plain, already-formatted values shared by Word, PDF and HTML.

The services layer gathers ``MinutesRecords`` (the minutes, their attendance and standard
wording already rendered by the committee's wording templates, the votes in words, the
petitions to append) and ``build_minutes_context`` turns them into one ``MinutesContext``.
Every date, time, number and name is formatted here, once; minute bodies written in the
minutes markup (docs/minutes-markup.md) become paragraphs, lists and action lines, with
links to other minutes printed as those minutes' numbers. The renderers only place strings.

Two layouts (domain.md §3): ``county`` (Cambridgeshire 2019: "COMMITTEE: MINUTES", Date,
Time range, Venue, attendance lines, "It was resolved ... to:" with lettered lists,
"Chairman" over "(date)") and ``city`` (Peterborough 2021: "MINUTES OF THE ... MEETING HELD
AT 7.00PM ON ...", "AGREED ACTIONS" and "RESOLVED", the times as the last line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from clerkdesk.documents.minutes_blocks import (
    Block,
    Line,
    action_runs,
    body_blocks,
    flatten,
    resolution_blocks,
)
from clerkdesk.documents.petition_text import PublicPetitionText
from clerkdesk.documents.phrases import long_date
from clerkdesk.domain import markup
from clerkdesk.domain.calendar import format_uk_date
from clerkdesk.domain.committees import Committee
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.domain.minutes import MeetingMinutes, Minute

DRAFT_LABEL = "DRAFT — subject to approval"
STYLES = ("county", "city")


# -- the context ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinuteEntry:
    number: str  # "211"
    title: str  # as printed: upper case
    blocks: tuple[Block, ...]  # body, votes, resolution and trailing actions, in print order

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return f"minute-{self.number}"

    @property
    def lines(self) -> tuple[Line, ...]:
        return flatten(self.blocks)


@dataclass(frozen=True)
class MinutesSection:
    heading: str  # "KEY DECISIONS"; "" where the style has no sections. Headings may repeat.
    minutes: tuple[MinuteEntry, ...]


@dataclass(frozen=True)
class LabelledLine:
    label: str  # "Present", "Date"; "" for a line printed as it is
    text: str
    continued: bool = False  # belongs to the line above: co-optees under "Apologies:"

    @property
    def printed(self) -> str:
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Appendix:
    heading: str  # "Appendix 1"
    title: str  # "Whitworth House – petition"
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class MinutesContext:
    style: str
    document_title: str  # PDF /Title, Word Title property, HTML <title> (rules.md §8)
    council_name: str
    committee_name: str
    heading: str
    details: tuple[LabelledLine, ...]  # Date, Time, Venue (county); the venue (city)
    attendance: tuple[LabelledLine, ...]
    sections: tuple[MinutesSection, ...]
    signature_title: str  # "Chairman", "Chairwoman" or "Chair"
    starts_at_iso: str
    draft: bool
    closing_line: str = ""  # city: "7.00pm to 9.02pm"
    status_note: str = ""  # "Approved at the meeting on ..." once approved
    appendices: tuple[Appendix, ...] = ()
    alternative_formats: str = ""
    signature_date: str = "(date)"
    language: str = "en-GB"
    draft_label: str = field(init=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "draft_label", DRAFT_LABEL if self.draft else "")

    def to_template_dict(self) -> dict:
        """Plain dicts for Jinja2 and docxtpl, with each minute's heading and flat lines."""
        data = asdict(self)
        for section_data, section in zip(data["sections"], self.sections, strict=True):
            for minute_data, minute in zip(section_data["minutes"], section.minutes,
                                           strict=True):
                minute_data.update(heading=minute.heading, anchor=minute.anchor,
                                   lines=[{**asdict(line), "text": line.text}
                                          for line in minute.lines])
        data["details"] = [{**asdict(d), "printed": d.printed} for d in self.details]
        data["attendance"] = [{**asdict(a), "printed": a.printed} for a in self.attendance]
        return data


# -- what it is made from -------------------------------------------------------------------------


@dataclass(frozen=True)
class MinuteRecord:
    minute: Minute
    resolution_lead: str = ""  # the style's lead-in, already worded ("" without a resolution)
    resolution_rest: markup.Body = field(default_factory=markup.Body)
    votes: tuple[str, ...] = ()  # each recorded vote in words (markup)
    trailing_actions: tuple[str, ...] = ()  # who, for actions the text does not place


@dataclass(frozen=True)
class MinutesRecords:
    style: str
    council: CouncilProfile
    committee: Committee
    meeting: Meeting
    state: MeetingMinutes
    minutes: tuple[MinuteRecord, ...]
    attendance_text: str  # the committee's attendance wording: one line per fact
    chair_title: str
    minute_numbers: Mapping[int, int]  # minute id -> number, for every linked minute
    responsible: Mapping[int, str]  # minute action id -> who, for "[[action:ID]]" lines
    approval_note: str = ""
    appendices: tuple[PublicPetitionText, ...] = ()


# -- formatting, done once here ------------------------------------------------------------------


def clock(at: datetime) -> str:
    """"2.00pm", "10.30am", "12.00pm" (domain.md §3.1)."""
    local = at.astimezone(LONDON)
    hour = local.hour % 12 or 12
    return f"{hour}.{local.minute:02d}{'pm' if local.hour >= 12 else 'am'}"


def time_range(meeting: Meeting, separator: str = " – ") -> str:
    """"2.00pm – 4.25pm"; the start alone when the closing time is not recorded."""
    if meeting.end is None:
        return clock(meeting.start)
    return f"{clock(meeting.start)}{separator}{clock(meeting.end)}"


def minutes_document_title(committee_name: str, day: date) -> str:
    """"Children and Young People Committee — Minutes — 21 May 2019" (rules.md §8)."""
    return f"{committee_name} — Minutes — {long_date(day)}"


def minute_entry(record: MinuteRecord, numbers: Mapping[int, int],
                 responsible: Mapping[int, str]) -> MinuteEntry:
    minute = record.minute
    blocks = list(body_blocks(markup.parse(minute.body), numbers, responsible))
    for vote in record.votes:
        blocks += body_blocks(markup.parse(vote), numbers, responsible)
    if record.resolution_lead:
        blocks += resolution_blocks(record.resolution_lead, numbers)
        blocks += body_blocks(record.resolution_rest, numbers, responsible)
    blocks += [Block("action", action_runs(who)) for who in record.trailing_actions]
    return MinuteEntry(str(minute.number), minute.title.strip().upper(), tuple(blocks))


def attendance_lines(text: str) -> tuple[LabelledLine, ...]:
    """One line per fact, as the wording template writes them ("Present: Councillors ...");
    a short label before the first colon is kept apart so it can be set in bold. Facts are
    separated by blank lines; a line straight under another continues it (the co-optees
    who sent apologies, under "Apologies:", seed 000 lines 91-92) and is indented."""
    lines = []
    for block in text.split("\n\n"):
        for position, raw in enumerate(line for line in block.splitlines() if line.strip()):
            line = raw.strip()
            label, colon, rest = line.partition(":")
            if colon and 0 < len(label) <= 40 and not any(ch.isdigit() for ch in label):
                lines.append(LabelledLine(label.strip(), rest.strip(), position > 0))
            else:
                lines.append(LabelledLine("", line, position > 0))
    return tuple(lines)


def _sections(entries: list[tuple[str, MinuteEntry]]) -> tuple[MinutesSection, ...]:
    """Consecutive minutes under the same heading share it; a heading may come back later
    (DECISIONS twice, domain.md §14 item 5)."""
    sections: list[tuple[str, list[MinuteEntry]]] = []
    for heading, entry in entries:
        if sections and sections[-1][0] == heading:
            sections[-1][1].append(entry)
        else:
            sections.append((heading, [entry]))
    return tuple(MinutesSection(heading, tuple(found)) for heading, found in sections)


def _heading_and_details(records: MinutesRecords) -> tuple[str, tuple[LabelledLine, ...], str]:
    meeting, name = records.meeting, records.committee.name
    if records.style == "city":
        day = meeting.date
        heading = (f"MINUTES OF THE {name.upper()} MEETING HELD AT {clock(meeting.start).upper()}"
                   f" ON {format_uk_date(day)}".upper())
        details = (LabelledLine("", meeting.venue.upper()),) if meeting.venue else ()
        return heading, details, time_range(meeting, " to ")
    details = [LabelledLine("Date", long_date(meeting.date)),
               LabelledLine("Time", time_range(meeting))]
    if meeting.venue:
        details.append(LabelledLine("Venue", meeting.venue))
    return f"{name.upper()}: MINUTES", tuple(details), ""


def build_minutes_context(records: MinutesRecords) -> MinutesContext:
    if records.style not in STYLES:
        raise ValueError(f"Unknown minutes layout '{records.style}'.")
    numbers, responsible = records.minute_numbers, records.responsible
    entries = [(record.minute.section.strip().upper(),
                minute_entry(record, numbers, responsible)) for record in records.minutes]
    heading, details, closing = _heading_and_details(records)
    council = records.council
    service = council.service_name.strip() or "Democratic Services"
    appendices = tuple(
        Appendix(f"Appendix {number}", text.title, text.paragraphs)
        for number, text in enumerate(records.appendices, start=1)
    )
    return MinutesContext(
        style=records.style,
        document_title=minutes_document_title(records.committee.name, records.meeting.date),
        council_name=council.name,
        committee_name=records.committee.name,
        heading=heading,
        details=details,
        attendance=attendance_lines(records.attendance_text),
        sections=_sections(entries),
        signature_title=records.chair_title,
        starts_at_iso=records.meeting.start.astimezone(LONDON).strftime("%Y-%m-%dT%H:%M"),
        draft=not records.state.locked,
        closing_line=closing,
        status_note=records.approval_note,
        appendices=appendices,
        alternative_formats=(f"If you would like these minutes in another format, such as "
                             f"large print, please contact {service}."),
    )
