"""What the exchange document holds: its sections in order, each tied to its tables.

Each ``Section`` (see ``exchange_parts``) is one list in the document and the one
definition that export, import and the schema test share: the record codec (built from the
domain dataclass), how to read every record from the database and write one back, which ids
its records name, what must be unique, and the domain rules a record must pass on import.
``SETTINGS`` are the single objects (the working calendar, the Petitions Scheme, the action
log setting).

Sections are listed so that each refers only to earlier ones, which is also the order they
are written in on import (the database checks its foreign keys as rows go in). Three ids
are kept as written without being checked, because the database keeps them after their
record is deleted: ``agenda_items[].plan_item_id`` (the plan item may be deleted once it is
on an agenda, and it is the one reference to a later section), and ``petitions[].minute_id``
and ``actions[].minute_id`` (a petition or action keeps its minute number without it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from sqlite_utils import Database

from clerkdesk.domain.action_log import ActionLogSettings
from clerkdesk.domain.actions import Action
from clerkdesk.domain.agenda import AgendaItem, ItemDocument
from clerkdesk.domain.agenda_plan import PlanItem, ReserveDate
from clerkdesk.domain.attendance import Attendee
from clerkdesk.domain.calendar import Jurisdiction, WorkingCalendar
from clerkdesk.domain.committees import Committee
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.declarations import Declaration
from clerkdesk.domain.meetings import Meeting
from clerkdesk.domain.membership import Membership
from clerkdesk.domain.minutes import MeetingMinutes, Minute, MinuteAction, MinutesSettings
from clerkdesk.domain.people import Person
from clerkdesk.domain.petition_scheme import PetitionScheme
from clerkdesk.domain.petitions import Organiser, Petition
from clerkdesk.domain.publication import Publication
from clerkdesk.domain.voting import Vote, with_counts_from_names
from clerkdesk.errors import ValidationError
from clerkdesk.services.exchange_codecs import RecordCodec, codec_for
from clerkdesk.services.exchange_parts import (
    CommitteeDeadlineRules,
    DeadlineMark,
    DocumentFacts,
    IssuedActionLog,
    Section,
    Setting,
    Unique,
)
from clerkdesk.store.actions_repo import ActionRepository
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.calendar_repo import CalendarRepository
from clerkdesk.store.committee_repo import CommitteeRepository
from clerkdesk.store.meeting_repo import MeetingRepository
from clerkdesk.store.membership_repo import MembershipRepository
from clerkdesk.store.minute_action_links_repo import MinuteActionLink, MinuteActionLinkRepository
from clerkdesk.store.minutes_attendance_repo import AttendanceRepository
from clerkdesk.store.minutes_repo import MinutesRepository
from clerkdesk.store.minutes_votes_repo import VotesRepository
from clerkdesk.store.people_repo import PeopleRepository
from clerkdesk.store.petitions_repo import PetitionRepository
from clerkdesk.store.plan_repo import PlanRepository
from clerkdesk.store.publication_repo import PublicationRepository

# The council's municipal years are written at the top level of the document, beside it.
COUNCIL = RecordCodec(CouncilProfile, exclude=("municipal_year_starts",))
YEAR_START = codec_for(date)


def _each_meeting(fetch: Callable[[Database, int], Iterable[Any]]) -> Callable[[Database], list]:
    """A reader that asks a per-meeting repository method about every meeting."""

    def read(db: Database) -> list:
        meetings = MeetingRepository(db).list()
        return [record for meeting in meetings for record in fetch(db, meeting.id)]

    return read


def _documents(db: Database) -> list[ItemDocument]:
    items = _each_meeting(lambda db, meeting_id: AgendaRepository(db).items_for(meeting_id))(db)
    return [document for item in items for document in item.documents]


def _actions(db: Database) -> list[Action]:
    repository = ActionRepository(db)
    return [a for c in CommitteeRepository(db).list() for a in repository.for_committee(c.id)]


def _minutes_settings_rules(settings: MinutesSettings, facts: DocumentFacts) -> None:
    # The style names a folder of wording templates, which may be the council's own override
    # folder that this machine does not have; every other setting is checked.
    settings.validate(known_styles=(settings.style,))


def _vote_rules(vote: Vote, facts: DocumentFacts) -> None:
    named = [entry.person_id for entry in vote.names]
    twice = sorted({person_id for person_id in named if named.count(person_id) > 1})
    problems = [f"The person with id {person_id} is named twice in this vote."
                for person_id in twice]
    if vote.names and with_counts_from_names(vote) != vote:
        problems.append("The numbers for, against and abstaining do not match the names.")
    if problems:
        raise ValidationError(problems)


SETTINGS = (
    Setting(
        "calendar",
        RecordCodec(WorkingCalendar, exclude=("jurisdiction",)),  # the council's jurisdiction
        lambda db: CalendarRepository(db).calendar(Jurisdiction.ENGLAND),
        lambda db, calendar: CalendarRepository(db).save_calendar(calendar),
        ("local_closures", "extra_holidays", "ignored_bank_holidays"),
    ),
    Setting(
        "petition_scheme",
        RecordCodec(PetitionScheme),
        lambda db: PetitionRepository(db).saved_scheme(),
        lambda db, scheme: PetitionRepository(db).save_scheme(scheme),
        ("petition_scheme",),
        PetitionScheme.validate,
    ),
    Setting(
        "action_log_settings",
        RecordCodec(ActionLogSettings),
        lambda db: ActionRepository(db).saved_log_settings(),
        lambda db, settings: ActionRepository(db).save_log_settings(settings),
        ("action_log_settings",),
        ActionLogSettings.validate,
    ),
)

SECTIONS = (
    Section(
        "people", RecordCodec(Person),
        lambda db: PeopleRepository(db).list(),
        lambda db, person: PeopleRepository(db).insert(person),
        ("people",),
    ),
    Section(
        "committees", RecordCodec(Committee),
        lambda db: CommitteeRepository(db).list(),
        lambda db, committee: CommitteeRepository(db).insert(committee),
        ("committees", "standing_items"),
        {"clerk_id": "people"},
        unique=(Unique(("code",), ignore_case=True),),
    ),
    Section(
        "memberships", RecordCodec(Membership),
        lambda db: MembershipRepository(db).list(),
        lambda db, membership: MembershipRepository(db).insert(membership),
        ("memberships",),
        {"person_id": "people", "committee_id": "committees", "substitute_for_id": "people"},
        rules=lambda membership, facts: membership.validate(facts.year_starts),
    ),
    Section(
        "meetings", RecordCodec(Meeting),
        lambda db: MeetingRepository(db).list(),
        lambda db, meeting: MeetingRepository(db).insert(meeting),
        ("meetings",),
        {"committee_id": "committees"},
    ),
    Section(
        "committee_deadline_rules", RecordCodec(CommitteeDeadlineRules),
        lambda db: [CommitteeDeadlineRules(committee_id, overrides)
                    for committee_id, overrides in CalendarRepository(db).all_overrides().items()],
        lambda db, rules: CalendarRepository(db).save_overrides(rules.committee_id,
                                                                rules.overrides),
        ("committee_deadline_rules",),
        {"committee_id": "committees"},
        identity=("committee_id",),
        rules=None,
    ),
    Section(
        "deadline_marks", RecordCodec(DeadlineMark),
        _each_meeting(lambda db, meeting_id: [
            DeadlineMark(meeting_id, key, done_at)
            for key, done_at in CalendarRepository(db).marks(meeting_id).items()
        ]),
        lambda db, mark: CalendarRepository(db).set_mark(mark.meeting_id, mark.key, mark.done_at),
        ("deadline_marks",),
        {"meeting_id": "meetings"},
        identity=("meeting_id", "key"),
        rules=None,
    ),
    Section(
        "agenda_items", RecordCodec(AgendaItem, exclude=("documents",)),
        _each_meeting(lambda db, meeting_id: AgendaRepository(db).items_for(meeting_id)),
        lambda db, item: AgendaRepository(db).insert_item(item),
        ("agenda_items",),
        {"meeting_id": "meetings"},
    ),
    Section(
        # The files themselves travel beside the document: see exchange_files.
        "item_documents", RecordCodec(ItemDocument, require=("added_at",)),
        _documents,
        lambda db, document: AgendaRepository(db).insert_document(document),
        ("item_documents",),
        {"item_id": "agenda_items"},
    ),
    Section(
        "publications", RecordCodec(Publication),
        _each_meeting(lambda db, meeting_id: PublicationRepository(db).for_meeting(meeting_id)),
        lambda db, publication: PublicationRepository(db).insert(publication),
        ("publications", "publication_files"),
        {"meeting_id": "meetings"},
        unique=(Unique(("meeting_id", "kind", "supplement", "version")),),
        rules=None,
    ),
    Section(
        "agenda_plan_items", RecordCodec(PlanItem),
        lambda db: PlanRepository(db).items(),
        lambda db, item: PlanRepository(db).insert(item),
        ("agenda_plan_items",),
        {"committee_id": "committees", "meeting_id": "meetings", "agenda_item_id": "agenda_items"},
    ),
    Section(
        "agenda_plan_reserve_dates", RecordCodec(ReserveDate),
        lambda db: PlanRepository(db).reserve_dates(),
        lambda db, reserve: PlanRepository(db).insert_reserve_date(reserve),
        ("agenda_plan_reserve_dates",),
        {"committee_id": "committees"},
        unique=(Unique(("committee_id", "day")),),
        rules=None,
    ),
    Section(
        "minutes_settings", RecordCodec(MinutesSettings),
        lambda db: MinutesRepository(db).saved_settings(),
        lambda db, settings: MinutesRepository(db).save_settings(settings),
        ("minutes_settings",),
        {"committee_id": "committees"},
        identity=("committee_id",),
        rules=_minutes_settings_rules,
    ),
    Section(
        "attendance", RecordCodec(Attendee),
        _each_meeting(lambda db, meeting_id: AttendanceRepository(db).for_meeting(meeting_id)),
        lambda db, attendee: AttendanceRepository(db).insert(attendee),
        ("attendance",),
        {"meeting_id": "meetings", "person_id": "people", "substitute_for_id": "people",
         "membership_id": "memberships"},
        unique=(Unique(("meeting_id", "person_id")),),
    ),
    Section(
        # Which interest types are allowed depends on the committee's vocabulary, which may
        # have changed since the meeting, so declarations are checked for references only.
        "declarations", RecordCodec(Declaration),
        _each_meeting(lambda db, meeting_id: AttendanceRepository(db).declarations(meeting_id)),
        lambda db, declaration: AttendanceRepository(db).insert_declaration(declaration),
        ("declarations",),
        {"meeting_id": "meetings", "person_id": "people", "agenda_item_id": "agenda_items"},
        rules=None,
    ),
    Section(
        "minutes", RecordCodec(Minute),
        _each_meeting(lambda db, meeting_id: MinutesRepository(db).for_meeting(meeting_id)),
        lambda db, minute: MinutesRepository(db).insert(minute),
        ("minutes",),
        {"meeting_id": "meetings", "agenda_item_id": "agenda_items"},
        unique=(Unique(("series", "number")),),
    ),
    Section(
        # The minute's number, title and meeting are read from the minute, not stored twice.
        "minute_actions",
        RecordCodec(
            MinuteAction,
            exclude=("minute_number", "item_title", "meeting_id", "forward_plan_ref"),
            placeholders={"minute_number": 0, "item_title": ""},
            require=("id",),
        ),
        _each_meeting(lambda db, meeting_id: MinutesRepository(db).actions_for_meeting(meeting_id)),
        lambda db, action: MinutesRepository(db).insert_action(action),
        ("minute_actions",),
        {"minute_id": "minutes"},
    ),
    Section(
        "minute_votes", RecordCodec(Vote),
        _each_meeting(lambda db, meeting_id: VotesRepository(db).for_meeting(meeting_id)),
        lambda db, vote: VotesRepository(db).insert(vote),
        ("minute_votes", "minute_vote_names"),
        {"minute_id": "minutes", "names[].person_id": "people"},
        rules=_vote_rules,
    ),
    Section(
        "meeting_minutes", RecordCodec(MeetingMinutes),
        lambda db: MinutesRepository(db).saved_states(),
        lambda db, state: MinutesRepository(db).save_state(state),
        ("meeting_minutes",),
        {"meeting_id": "meetings", "approved_at_meeting_id": "meetings",
         "approval_minute_id": "minutes", "signed_by_id": "people"},
        identity=("meeting_id",),
        rules=None,
    ),
    Section(
        "petition_organisers", RecordCodec(Organiser),
        lambda db: PetitionRepository(db).organisers(),
        lambda db, organiser: PetitionRepository(db).insert_organiser(organiser),
        ("petition_organisers",),
    ),
    Section(
        "petitions",
        RecordCodec(
            Petition,
            exclude=("meeting_date", "comments.id"),  # the date is read from the meeting
            links={"organiser": "organiser_id"},
        ),
        lambda db: PetitionRepository(db).list(),
        lambda db, petition: PetitionRepository(db).insert(petition),
        ("petitions", "petition_comments"),
        {"organiser_id": "petition_organisers", "committee_id": "committees",
         "meeting_id": "meetings", "agenda_item_id": "agenda_items"},
    ),
    Section(
        "actions", RecordCodec(Action, exclude=("updates.id",)),
        _actions,
        lambda db, action: ActionRepository(db).insert(action),
        ("actions", "action_responsible", "action_updates"),
        {"committee_id": "committees", "meeting_id": "meetings", "petition_id": "petitions",
         "responsible[].person_id": "people"},
    ),
    Section(
        # Which log entry each minute action became, so publishing never adds it twice.
        "minute_action_links", RecordCodec(MinuteActionLink, require=("linked_at",)),
        lambda db: MinuteActionLinkRepository(db).all_links(),
        lambda db, link: MinuteActionLinkRepository(db).link(
            link.minute_action_id, link.action_id, link.adopted, link.linked_at),
        ("minute_action_links",),
        {"minute_action_id": "minute_actions", "action_id": "actions"},
        identity=("minute_action_id",),
        unique=(Unique(("action_id",)),),
        rules=None,
    ),
    Section(
        "issued_action_logs", RecordCodec(IssuedActionLog),
        lambda db: [IssuedActionLog(**row) for row in ActionRepository(db).issued_logs()],
        lambda db, issued: ActionRepository(db).record_issued_log(
            issued.committee_id, issued.as_of, issued.meeting_id,
            recorded_at=issued.recorded_at, log_id=issued.id,
        ),
        ("issued_action_logs",),
        {"committee_id": "committees", "meeting_id": "meetings"},
        rules=None,
    ),
)

SECTION_BY_KEY: Mapping[str, Section] = {section.key: section for section in SECTIONS}
SETTING_BY_KEY: Mapping[str, Setting] = {setting.key: setting for setting in SETTINGS}
# The document's keys in the order they are written (and problems are reported).
TOP_LEVEL_KEYS = (
    "format", "version", "council", "municipal_year_starts",
    *(s.key for s in SETTINGS), *(s.key for s in SECTIONS),
)
# The tables the document carries, beside bookkeeping that is never exported.
CARRIED_TABLES = frozenset(
    {"council", "municipal_years"}
    | {table for part in (*SETTINGS, *SECTIONS) for table in part.tables}
)
