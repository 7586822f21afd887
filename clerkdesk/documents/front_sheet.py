"""The agenda front sheet as plain, already-formatted values shared by all three renderers.

Word, PDF and HTML are drawn from one ``FrontSheetContext``. Every date, time and name in
it is formatted here, once, in the style the council chose, so the renderers and the
council-editable templates only place strings: they never format anything themselves.
The context knows nothing of the database or of Qt; the code that fills it from a meeting
lives elsewhere and uses the helpers below (``county_membership``, ``meeting_date_text``...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from datetime import date, datetime, time

from clerkdesk.documents.styles import STYLES
from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.calendar import format_long_date, format_uk_date, weekday_name
from clerkdesk.domain.membership import CO_OPTED_ROLES, Role
from clerkdesk.domain.validation import Problems

# "5 - 16" (spaces around the hyphen, domain.md §1.1 item 8) or one page "5".
_PAGE_RANGE = re.compile(r"^\d+( - \d+)?$")


@dataclass(frozen=True)
class CouncilBlock:
    name: str  # "Cambridgeshire County Council"
    service_name: str = ""  # "Democratic and Members' Services"
    monitoring_officer_name: str = ""  # "Fiona McMillan"
    monitoring_officer_title: str = ""  # "Monitoring Officer"
    address_lines: tuple[str, ...] = ()  # ("Shire Hall", "Castle Hill", "Cambridge", "CB3 0AP")


@dataclass(frozen=True)
class AgendaItemLine:
    number: str  # "7"; a string so that "11a" is possible
    title: str
    pages: str = ""  # "107 - 170"; empty for items with no documents (Apologies, Petitions)
    access_note: str = ""  # from exempt_note(): "Exempt: paragraph 3 of Part 1 ..."
    late_note: str = ""  # from late_item_note()
    notes: tuple[str, ...] = ()  # guidance line, declarations text, the call-in rule

    @property
    def note_lines(self) -> tuple[str, ...]:
        """Everything printed under the title, access and lateness first."""
        return tuple(note for note in (self.access_note, self.late_note, *self.notes) if note)


@dataclass(frozen=True)
class AgendaSection:
    heading: str  # "DECISIONS"; empty in styles without sections. Headings may repeat.
    # Not "items": in a template, section.items would find the dict's items() method.
    agenda_items: tuple[AgendaItemLine, ...]


@dataclass(frozen=True)
class MembershipBlock:
    heading: str  # "The ... Committee comprises the following members:" / "Committee Members:"
    lines: tuple[str, ...]  # one printed paragraph each
    substitutes: str = ""  # "Substitutes: Councillors: J Allen, ..."; empty where not printed


@dataclass(frozen=True)
class ClerkContact:
    name: str
    telephone: str = ""
    email: str = ""
    job_title: str = ""  # "Senior Democratic Services Officer"


@dataclass(frozen=True)
class StandardParagraph:
    text: str  # as printed, web addresses included (the HTML and PDF make them links)
    heading: str = ""  # printed in bold before the text: "Recording of Council Meetings"

    @property
    def lead_in(self) -> str:
        """The heading as printed: "Recording of Council Meetings: ", "Did you know? "."""
        if not self.heading:
            return ""
        return f"{self.heading} " if self.heading[-1] in "?:.!" else f"{self.heading}: "


@dataclass(frozen=True)
class Supplement:
    label: str  # "Supplement 1"
    date_text: str  # "Wednesday, 03 July 2019", in the style's date format


@dataclass(frozen=True)
class FrontSheetContext:
    style: str  # a key of styles.STYLES: "county" or "city"
    document_title: str  # PDF /Title, Word Title property, HTML <title> (rules.md §8)
    council: CouncilBlock
    committee_name: str  # "Children and Young People Committee"
    date_text: str  # "Tuesday, 09 July 2019" / "THURSDAY 15 JULY 2021"
    time_text: str  # "14:00hr" / "7.00 PM"
    starts_at_iso: str  # "2019-07-09T14:00", for the HTML <time> element
    venue: str
    sections: tuple[AgendaSection, ...]
    membership: MembershipBlock
    clerk: ClerkContact
    livestream_note: str = ""
    access_line: str = "Open to Public and Press"
    standard_paragraphs: tuple[StandardParagraph, ...] = ()
    next_meeting: str = ""  # "6 September 2021 – Children and Education Scrutiny Committee"
    supplement: Supplement | None = None

    @property
    def committee_heading(self) -> str:
        return self.committee_name.upper()

    @property
    def all_items(self) -> tuple[AgendaItemLine, ...]:
        return tuple(item for section in self.sections for item in section.agenda_items)

    def with_page_ranges(self, pages_by_number: Mapping[str, str]) -> FrontSheetContext:
        """A copy with the given items' page ranges replaced (the pack's second pass)."""
        sections = tuple(
            replace(section, agenda_items=tuple(
                replace(item, pages=pages_by_number.get(item.number, item.pages))
                for item in section.agenda_items
            ))
            for section in self.sections
        )
        return replace(self, sections=sections)

    def to_template_dict(self) -> dict:
        """Plain dicts and lists for docxtpl and Jinja2, derived values included."""
        data = asdict(self)
        data["committee_heading"] = self.committee_heading
        for section_data, section in zip(data["sections"], self.sections, strict=True):
            items = zip(section_data["agenda_items"], section.agenda_items, strict=True)
            for item_data, item in items:
                item_data["note_lines"] = list(item.note_lines)
        for paragraph_data, paragraph in zip(data["standard_paragraphs"],
                                             self.standard_paragraphs, strict=True):
            paragraph_data["lead_in"] = paragraph.lead_in
        return data

    def validate(self) -> None:
        """Raise ValidationError listing everything that would print wrongly or not at all."""
        problems = Problems()
        for path in _none_values(self):
            # A None would print as "None" in Word; the filler should pass "" instead.
            problems.add(f"{path} is None: use an empty string for a value not printed.")
        if self.style not in STYLES:
            problems.add(f"Unknown front sheet style '{self.style}'.")
        problems.require(self.document_title, "The document needs a title.")
        problems.require(self.council.name, "The council needs a name.")
        problems.require(self.committee_name, "The committee needs a name.")
        problems.require(self.date_text, "The meeting needs a date.")
        problems.require(self.time_text, "The meeting needs a time.")
        problems.require(self.venue, "The meeting needs a venue.")
        if not self.all_items:
            problems.add("The agenda has no items.")
        seen: set[str] = set()
        for item in self.all_items:
            if item.number in seen:
                problems.add(f"Item number {item.number} is used twice.")
            seen.add(item.number)
            problems.require(item.title, f"Item {item.number} has no title.")
            if item.pages and not _PAGE_RANGE.match(item.pages):
                problems.add(f"Item {item.number}: '{item.pages}' is not a page range like 5 - 16.")
        problems.raise_if_any()


def _none_values(value, path: str = "context") -> list[str]:
    """Dotted paths of every None in the context, except the optional supplement."""
    if value is None:
        return [path]
    if isinstance(value, tuple | list):
        return [found for index, part in enumerate(value)
                for found in _none_values(part, f"{path}[{index}]")]
    if not is_dataclass(value):
        return []
    return [found for spec in fields(value)
            if not (spec.name == "supplement" and getattr(value, spec.name) is None)
            for found in _none_values(getattr(value, spec.name), f"{path}.{spec.name}")]


# --- Formatting, done once here -------------------------------------------------------------


def meeting_date_text(style: str, day: date) -> str:
    """County "Tuesday, 09 July 2019" (zero-padded day); city "THURSDAY 15 JULY 2021"."""
    if style == "city":
        return format_uk_date(day).upper()
    return f"{weekday_name(day)}, {format_long_date(day, zero_pad=True)}"


def meeting_time_text(style: str, at: time | datetime) -> str:
    """County "14:00hr" (24-hour); city "7.00 PM" (12-hour, no leading zero)."""
    if style == "city":
        hour = at.hour % 12 or 12
        return f"{hour}.{at.minute:02d} {'PM' if at.hour >= 12 else 'AM'}"
    return f"{at.hour:02d}:{at.minute:02d}hr"


def next_meeting_text(day: date, committee_name: str) -> str:
    """PCC item 10: "6 September 2021 – Children and Education Scrutiny Committee"."""
    return f"{format_long_date(day)} – {committee_name}"


def agenda_document_title(committee_name: str, day: date, supplement_label: str = "") -> str:
    """rules.md §8: "Children and Young People Committee — Agenda — Tuesday 9 July 2019"."""
    title = f"{committee_name} — Agenda — {format_uk_date(day)}"
    return f"{title} — {supplement_label}" if supplement_label else title


def page_range_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first} - {last}"


def exempt_note(paragraph: int) -> str:
    # Worded by Access itself, so the agenda and the pack's stub pages agree.
    return Access(AccessLevel.EXEMPT, paragraph).agenda_note()


def late_item_note(reason_for_urgency: str) -> str:
    return f"(late item: reason for urgency – {reason_for_urgency.strip()})"


# --- Membership paragraphs ------------------------------------------------------------------


@dataclass(frozen=True)
class MemberName:
    """One membership as the builders need it, from plain values (Person and Membership)."""

    front_sheet_name: str  # "Councillor Simon Bywater" (Person.front_sheet_name)
    minutes_name: str  # "S Bywater" (Person.minutes_name)
    surname: str  # sorts "David Ambrose Smith" under A
    role: Role | str  # a Role or its value: "chair", "vice-chair", "member", "appointee", ...
    role_title: str = ""  # as printed after the name: "Chairman", "Vice Chairman", "Appointee"
    forenames: str = ""  # breaks ties between equal surnames
    is_councillor: bool = True  # city substitutes lines name councillors only
    sort_key: tuple[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))
        object.__setattr__(self, "sort_key", (self.surname.casefold(), self.forenames.casefold()))

    @property
    def title_in_brackets(self) -> str:
        title = self.role_title or _DEFAULT_ROLE_TITLES.get(self.role, "")
        return f" ({title})" if title else ""


_DEFAULT_ROLE_TITLES = {
    Role.CHAIR: "Chair", Role.VICE_CHAIR: "Vice-Chair", Role.APPOINTEE: "Appointee",
    Role.CO_OPTED_VOTING: "Co-opted Member", Role.CO_OPTED_NON_VOTING: "Co-opted Member",
}


def join_names(names: list[str], separator: str, last_separator: str) -> str:
    """["A", "B", "C"] with ", " and " and " gives "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return separator.join(names[:-1]) + last_separator + names[-1]


def _with_role(members: Iterable[MemberName], *roles: Role) -> list[MemberName]:
    return sorted((m for m in members if m.role in roles), key=lambda m: m.sort_key)


def county_membership(committee_name: str, members: Iterable[MemberName]) -> MembershipBlock:
    """Cambridgeshire (domain.md §1.1 item 9): presiding members with titles, the others
    alphabetically with " and " before the last, then appointees and co-optees; no
    substitutes. Names in their front-sheet form, separated by spaces as printed."""
    members = list(members)
    presiding = _with_role(members, Role.CHAIR) + _with_role(members, Role.VICE_CHAIR)
    lines = (
        " ".join(m.front_sheet_name + m.title_in_brackets for m in presiding),
        join_names([m.front_sheet_name for m in _with_role(members, Role.MEMBER)], " ", " and "),
        " ".join(m.front_sheet_name + m.title_in_brackets
                 for m in _with_role(members, *CO_OPTED_ROLES)),
    )
    return MembershipBlock(
        heading=f"The {committee_name} comprises the following members:",
        lines=tuple(line for line in lines if line),
    )


def city_membership(members: Iterable[MemberName]) -> MembershipBlock:
    """Peterborough (domain.md §1.2 item 9): "Councillors: G Casey (Chair), I Ali, ... and
    H Skibsted", minutes-form names. The chair leads; the vice-chair keeps an alphabetical
    place with the title, as the seed prints it. Co-optees are not listed. The seed's
    substitutes line has a comma before "and" where the members line has none; both are
    reproduced as printed."""
    members = list(members)
    chairs = _with_role(members, Role.CHAIR)
    others = _with_role(members, Role.VICE_CHAIR, Role.MEMBER)
    councillors = [m.minutes_name + m.title_in_brackets for m in chairs + others]
    substitutes = [m.minutes_name for m in _with_role(members, Role.SUBSTITUTE) if m.is_councillor]
    return MembershipBlock(
        heading="Committee Members:",
        lines=(f"Councillors: {join_names(councillors, ', ', ' and ')}",) if councillors else (),
        substitutes=(f"Substitutes: Councillors: {join_names(substitutes, ', ', ', and ')}"
                     if substitutes else ""),
    )


def membership_for_style(style: str, committee_name: str,
                         members: Iterable[MemberName]) -> MembershipBlock:
    if style == "city":
        return city_membership(members)
    return county_membership(committee_name, members)


# --- One call from plain values --------------------------------------------------------------


def build_front_sheet_context(
    *,
    style: str,
    council: CouncilBlock,
    committee_name: str,
    starts_at: datetime,
    venue: str,
    sections: Iterable[AgendaSection],
    members: Iterable[MemberName],
    clerk: ClerkContact,
    livestream_note: str = "",
    standard_paragraphs: Iterable[StandardParagraph] = (),
    next_meeting_on: date | None = None,
    supplement: tuple[str, date] | None = None,
    access_line: str = "Open to Public and Press",
) -> FrontSheetContext:
    """Format dates, times, title and membership for ``style`` and assemble the context.

    ``starts_at`` is the meeting's local (Europe/London) start; ``supplement`` is a label
    and publication date such as ("Supplement 1", date(2019, 7, 3)).
    """
    day = starts_at.date()
    return FrontSheetContext(
        style=style,
        document_title=agenda_document_title(committee_name, day,
                                             supplement[0] if supplement else ""),
        council=council,
        committee_name=committee_name,
        date_text=meeting_date_text(style, day),
        time_text=meeting_time_text(style, starts_at),
        starts_at_iso=starts_at.strftime("%Y-%m-%dT%H:%M"),
        venue=venue,
        sections=tuple(sections),
        membership=membership_for_style(style, committee_name, members),
        clerk=clerk,
        livestream_note=livestream_note,
        access_line=access_line,
        standard_paragraphs=tuple(standard_paragraphs),
        next_meeting=next_meeting_text(next_meeting_on, committee_name) if next_meeting_on else "",
        supplement=(Supplement(supplement[0], meeting_date_text(style, supplement[1]))
                    if supplement else None),
    )
