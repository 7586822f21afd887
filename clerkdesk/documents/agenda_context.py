"""From ClerkDesk's records to the front sheet's context: names and dates formatted once.

Qt-free and database-free: the services layer reads the records and passes them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clerkdesk.documents.front_sheet import (
    AgendaItemLine,
    AgendaSection,
    ClerkContact,
    CouncilBlock,
    FrontSheetContext,
    MemberName,
    StandardParagraph,
    build_front_sheet_context,
    late_item_note,
)
from clerkdesk.domain.agenda import AgendaItem, group_by_heading
from clerkdesk.domain.committees import Committee, StandingItemKind
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.meetings import LONDON, Meeting
from clerkdesk.domain.membership import Membership, Role
from clerkdesk.domain.people import Person, PersonKind

# Guidance printed under the declarations item (CCC front sheets, domain.md §1.1 item 8).
DECLARATIONS_KINDS = {StandingItemKind.DECLARATIONS, StandingItemKind.APOLOGIES_AND_DECLARATIONS}


@dataclass(frozen=True)
class AgendaRecords:
    """Everything a front sheet is made from, as read from the database."""

    council: CouncilProfile
    committee: Committee
    meeting: Meeting
    items: tuple[tuple[int, AgendaItem], ...]  # numbered across the whole agenda
    members: tuple[tuple[Person, Membership], ...]  # current on the meeting date
    clerk: Person | None
    next_meeting: Meeting | None = None
    supplement: tuple[str, date] | None = None  # ("Supplement 1", date published)
    declarations_guidance: str = ""
    # One public line per petition to be heard, printed under the Petitions item.
    petition_lines: tuple[str, ...] = ()


def _item_line(number: int, item: AgendaItem, guidance: str,
               petition_lines: tuple[str, ...] = ()) -> AgendaItemLine:
    notes = []
    if guidance and item.standing_kind in DECLARATIONS_KINDS:
        notes.append(guidance)
    if item.standing_kind is StandingItemKind.PETITIONS:
        notes.extend(petition_lines)
    if item.notes:
        notes.append(item.notes)
    return AgendaItemLine(
        number=str(number),
        title=item.title,
        access_note=item.access.agenda_note(),
        late_note=late_item_note(item.urgency_reason) if item.late else "",
        notes=tuple(notes),
    )


def agenda_sections(
    items: Iterable[tuple[int, AgendaItem]], guidance: str = "",
    petition_lines: tuple[str, ...] = (),
) -> tuple[AgendaSection, ...]:
    return tuple(
        AgendaSection(heading, tuple(_item_line(number, item, guidance, petition_lines)
                                     for number, item in group))
        for heading, group in group_by_heading(list(items))
    )


def member_names(members: Iterable[tuple[Person, Membership]]) -> list[MemberName]:
    return [
        MemberName(
            front_sheet_name=person.front_sheet_name,
            minutes_name=person.minutes_name,
            surname=person.surname,
            role=membership.role,
            role_title=membership.role_title if membership.role in (
                Role.CHAIR, Role.VICE_CHAIR) else "",
            forenames=person.forenames,
            is_councillor=person.kind is PersonKind.COUNCILLOR,
        )
        for person, membership in members
    ]


def _paragraphs(council: CouncilProfile) -> tuple[StandardParagraph, ...]:
    texts = (council.paragraphs.filming, council.paragraphs.public_speaking,
             council.paragraphs.car_parking)
    return tuple(StandardParagraph(text) for text in texts if text.strip())


def front_sheet_context(records: AgendaRecords, style: str) -> FrontSheetContext:
    council = records.council
    clerk = records.clerk
    livestream = ""
    if records.meeting.livestream_url:
        livestream = f"Meeting will be livestreamed: {records.meeting.livestream_url}"
    return build_front_sheet_context(
        style=style,
        council=CouncilBlock(
            name=council.name,
            service_name=council.service_name,
            monitoring_officer_name=council.monitoring_officer_name,
            monitoring_officer_title=council.monitoring_officer_title,
            address_lines=tuple(council.address_lines),
        ),
        committee_name=records.committee.name,
        starts_at=records.meeting.start.astimezone(LONDON),
        venue=records.meeting.venue or records.committee.default_venue,
        sections=agenda_sections(records.items, records.declarations_guidance,
                                 records.petition_lines),
        members=member_names(records.members),
        clerk=ClerkContact(
            name=clerk.full_name if clerk else "",
            telephone=clerk.telephone if clerk else "",
            email=clerk.email if clerk else "",
            job_title=clerk.post if clerk else "",
        ),
        livestream_note=livestream,
        standard_paragraphs=_paragraphs(council),
        next_meeting_on=records.next_meeting.date if records.next_meeting else None,
        supplement=records.supplement,
    )
