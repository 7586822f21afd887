"""The later sections of the exchange format: agendas and their documents, publications, the
statutory clock, minutes, actions and petitions. A hand-made council puts a record (with
fields away from their defaults) in every one of them; the demo council must round-trip too.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.action_log import ActionLogSettings
from clerkdesk.domain.actions import Action, ActionStatus, ActionUpdate, Month, Responsible
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, ItemDocument
from clerkdesk.domain.agenda_plan import PlanItem, ReserveDate
from clerkdesk.domain.attendance import Attendee, Capacity, Presence, QuorumKind, QuorumRule
from clerkdesk.domain.calendar import ExtraHoliday, LocalClosure, WorkingCalendar
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.meetings import MeetingStatus, london_datetime
from clerkdesk.domain.membership import Role, VotingScope
from clerkdesk.domain.minutes import (
    MeetingMinutes,
    Minute,
    MinuteAction,
    MinutesSettings,
    MinutesStatus,
    SubstituteDisplay,
)
from clerkdesk.domain.people import PersonKind
from clerkdesk.domain.petition_scheme import OrganiserPublication, PetitionScheme
from clerkdesk.domain.petitions import (
    Channel,
    Organiser,
    Petition,
    PetitionStatus,
    SupplementaryComment,
)
from clerkdesk.domain.publication import Audience, Publication, PublicationKind, PublishedFile
from clerkdesk.domain.voting import Choice, NamedVote, Vote
from clerkdesk.errors import ClerkError
from clerkdesk.services.exchange_export import export_document, uncarried_records, write_export
from clerkdesk.services.exchange_import import ImportProblems, import_document, import_file
from clerkdesk.services.exchange_sections import CARRIED_TABLES, SECTIONS, SETTINGS
from clerkdesk.services.registry import Services
from clerkdesk.store.actions_repo import ActionRepository
from clerkdesk.store.agenda_repo import AgendaRepository
from clerkdesk.store.calendar_repo import CalendarRepository
from clerkdesk.store.files import FileStore
from clerkdesk.store.minute_action_links_repo import MinuteActionLinkRepository
from clerkdesk.store.minutes_attendance_repo import AttendanceRepository
from clerkdesk.store.minutes_repo import MinutesRepository
from clerkdesk.store.minutes_votes_repo import VotesRepository
from clerkdesk.store.petitions_repo import PetitionRepository
from clerkdesk.store.plan_repo import PlanRepository
from clerkdesk.store.publication_repo import PublicationRepository

JULY, SEPTEMBER = date(2019, 7, 9), date(2019, 9, 10)


@pytest.fixture
def target(tmp_path):
    opened = Services.open(tmp_path / "target.sqlite", create=True)
    yield opened
    opened.close()


def _agendas(db, files: FileStore, meeting, committee) -> dict:
    agenda, plan = AgendaRepository(db), PlanRepository(db)
    planned = plan.insert(PlanItem(None, committee.id, "Schools Capital Programme *+",
                                   meeting_id=meeting.id, lead_officer="H Belcher/ J Lee",
                                   key_decision=True, reference="KD2019/031", notes="Budget",
                                   full_council=True, confidential=True, position=2))
    plan.insert(PlanItem(None, committee.id, "Home to School Transport",
                         planned_date=date(2019, 11, 12)))
    plan.insert_reserve_date(ReserveDate(None, committee.id, date(2019, 8, 13), "Reserve"))
    apologies = agenda.insert_item(AgendaItem(None, meeting.id, "Apologies", "CONSTITUTIONAL",
                                              position=1, kind="apologies"))
    schools = agenda.insert_item(AgendaItem(
        None, meeting.id, "Schools Capital Programme", "DECISIONS", position=2,
        report_heading="Schools Capital Programme 2019-24", lead_officer="Hazel Belcher",
        key_decision=True, forward_plan_ref="KD2019/031", education_matter=True,
        access=Access(AccessLevel.EXEMPT, 3, "Tender prices are commercially sensitive"),
        late=True, urgency_reason="The tender closes before the next meeting",
        notes="Appendix B is exempt", plan_item_id=planned, supplement=1,
    ))
    plan.update(replace(plan.get(planned), agenda_item_id=schools))
    report = files.add_bytes(b"%PDF-1.7 the report", "pdf")
    appendix = files.add_bytes(b"PK\x03\x04 the appendix", "docx")
    added = london_datetime(date(2019, 6, 28), 16, 45)
    for title, sha256, media, role, access in (
        ("Report", report, "pdf", DocumentRole.REPORT, Access()),
        ("Appendix B", appendix, "docx", DocumentRole.APPENDIX,
         Access(AccessLevel.CONFIDENTIAL, legal_basis="Notice from the DfE")),
        ("Report (as published)", report, "pdf", DocumentRole.REPORT, Access()),
    ):
        agenda.insert_document(ItemDocument(None, schools, title, sha256, f"{title}.{media}",
                                            media, role, access, position=1, pages=12,
                                            has_text=media == "pdf", added_at=added))
    PublicationRepository(db).insert(Publication(
        None, meeting.id, PublicationKind.AGENDA, 1, london_datetime(date(2019, 7, 1), 16),
        recorded_by="clerk", folder="\\\\fileserver\\agendas", note="On time",
        files=(PublishedFile("agenda.pdf", Audience.PUBLIC, report, 1234),
               PublishedFile("members.pdf", Audience.MEMBERS, appendix, 5678)),
    ))
    PublicationRepository(db).insert(Publication(
        None, meeting.id, PublicationKind.SUPPLEMENT, 1, london_datetime(date(2019, 7, 5), 9),
        supplement=1,
    ))
    return {"apologies": apologies, "schools": schools}


def _minutes(db, meeting, later, committee, people: dict, items: dict) -> dict:
    minutes = MinutesRepository(db)
    minutes.save_settings(MinutesSettings(
        committee.id, "city", QuorumRule(QuorumKind.FIXED, fixed=4, source="Standing order 12"),
        "personal-prejudicial", True, SubstituteDisplay.IN_PRESENT_LIST, date(2019, 5, 14),
    ))
    attendance = AttendanceRepository(db)
    chair, member, substitute, officer = (people[k] for k in ("chair", "member", "sub", "officer"))
    attendance.insert(Attendee(None, meeting.id, chair.id, Capacity.MEMBER, Presence.PRESENT,
                               Role.CHAIR, "Chairman", VotingScope.ALL, position=1))
    attendance.insert(Attendee(None, meeting.id, member.id, Capacity.MEMBER, Presence.APOLOGIES,
                               Role.MEMBER, voting_scope=VotingScope.ALL, position=2))
    attendance.insert(Attendee(None, meeting.id, substitute.id, Capacity.SUBSTITUTE,
                               Presence.PRESENT, Role.SUBSTITUTE, voting_scope=VotingScope.ALL,
                               substitute_for_id=member.id, position=3))
    attendance.insert(Attendee(None, meeting.id, officer.id, Capacity.OFFICER, Presence.PRESENT,
                               post="Democratic Services Officer", position=4))
    attendance.insert_declaration(Declaration(
        None, meeting.id, chair.id, items["schools"], InterestType.PREJUDICIAL,
        "Governor of a school in the programme", True, DeclarationAction.DISPENSATION,
        "DISP/2019/04", 1,
    ))
    series = f"{committee.id}:running"
    first = minutes.insert(Minute(None, meeting.id, 211, "Apologies", kind="apologies",
                                  agenda_item_id=items["apologies"], position=1, series=series,
                                  body="Apologies were received from Councillor B."))
    second = minutes.insert(Minute(None, meeting.id, 212, "Schools Capital Programme",
                                   "DECISIONS", 2, agenda_item_id=items["schools"],
                                   body=f"Further to [[minute:{first}]] ...",
                                   resolution="to approve the programme", unanimous=True,
                                   series=series))
    approval = minutes.insert(Minute(None, later.id, 220, "Minutes", kind="minutes",
                                     position=1, series=series))
    taken_up = minutes.insert_action(MinuteAction(second, 0, "", "Democratic Services Officer",
                                                  "Send the programme to schools"))
    deleted_from_log = minutes.insert_action(MinuteAction(second, 0, "", "Head of Service",
                                                          "Report back in the autumn"))
    VotesRepository(db).insert(Vote(None, second, "the recommendations", 1, 1, 0,
                                    (NamedVote(chair.id, Choice.FOR),
                                     NamedVote(substitute.id, Choice.AGAINST)),
                                    "Councillor Ap Gŵyn", Choice.FOR))
    minutes.save_state(MeetingMinutes(
        meeting.id, MinutesStatus.SIGNED, london_datetime(date(2019, 7, 16), 12), later.id,
        approval, ("Minute 212: read 'Friday' for 'Thursday'",), chair.id, SEPTEMBER,
    ))
    minutes.save_state(MeetingMinutes(later.id))
    return {"second": second, "taken up": taken_up, "deleted from log": deleted_from_log}


def _actions_and_petitions(db, meeting, committee, people: dict, minutes: dict) -> None:
    minute_id = minutes["second"]
    petitions = PetitionRepository(db)
    petitions.save_scheme(PetitionScheme(
        min_signatures_to_accept=10, acknowledgement_working_days=5,
        organiser_publication=OrganiserPublication.NAME_ONLY))
    organiser = petitions.get_organiser(petitions.insert_organiser(Organiser(
        None, "Siân O'Brien", "Llangefni", "1 Stryd Fawr\nLlangefni", "LL77 7TW",
        "sian@example.cymru", "01248 000000")))
    responded = petitions.insert(Petition(
        None, "Save the Youth Centre", "We ask ...", organiser, date(2019, 6, 1), Channel.BOTH,
        212, 200, committee.id, meeting.id, None, None, minute_id, "212", date(2019, 6, 3),
        date(2019, 7, 20), "The centre stays open.", "the Chairman", PetitionStatus.RESPONDED,
        comments=(SupplementaryComment(date(2019, 6, 15), "More signatures"),
                  SupplementaryComment(date(2019, 6, 10), "A correction")),
    ))
    petitions.insert(Petition(None, "Withdrawn petition", status=PetitionStatus.WITHDRAWN,
                              status_note="The organiser withdrew it"))
    actions = ActionRepository(db)
    actions.save_log_settings(ActionLogSettings(2))
    logged = actions.insert(Action(
        None, committee.id, JULY, "Send the programme to schools", meeting.id, minute_id,
        "212", "Schools Capital Programme", "KD2019/031",
        (Responsible(people["officer"].id, "", "Democratic Services Officer"),
         Responsible(None, "", "TBA")),
        (ActionUpdate(date(2019, 8, 1), "Drafted"), ActionUpdate(date(2019, 8, 1), "Sent")),
        ActionStatus.EXPECTED, Month(2019, 9), date(2019, 9, 30), position=1,
    ))
    actions.insert(Action(None, committee.id, date(2019, 7, 20), "Reply to the petitioners",
                          status=ActionStatus.COMPLETED, completed_on=date(2019, 7, 21),
                          petition_id=responded))
    actions.record_issued_log(committee.id, date(2019, 9, 3), meeting.id)
    links = MinuteActionLinkRepository(db)
    links.link(minutes["taken up"], logged, adopted=True)
    links.link(minutes["deleted from log"], None, adopted=False)


@pytest.fixture
def rich(make, services, db_path):
    """A council with a record, away from its defaults, in every section and setting."""
    make.council()
    people = {
        "chair": make.person(forenames="Dafydd", surname="Ap Gŵyn"),
        "member": make.person(forenames="Ann", surname="Smith"),
        "sub": make.person(forenames="Rhys", surname="Jones"),
        "officer": make.person(kind=PersonKind.OFFICER, forenames="Siân", surname="Ŷr",
                               post="Democratic Services Officer"),
    }
    committee = make.committee(code="EDU")
    for key, role in (("chair", Role.CHAIR), ("member", Role.MEMBER), ("sub", Role.SUBSTITUTE)):
        make.membership(people[key], committee, role=role,
                        substitute_for_id=people["member"].id if key == "sub" else None)
    meeting = make.meeting(committee, london_datetime(JULY, 14), status=MeetingStatus.HELD)
    later = make.meeting(committee, london_datetime(SEPTEMBER, 10))
    db = services.store.db
    calendar = CalendarRepository(db)
    calendar.save_calendar(WorkingCalendar(
        local_closures=(LocalClosure(date(2019, 12, 27), "Office closed"),
                        LocalClosure(date(2019, 12, 24), "Christmas Eve")),
        extra_holidays=(ExtraHoliday(date(2022, 9, 19), "State Funeral"),),
        ignored_bank_holidays=frozenset({date(2020, 5, 8), date(2019, 5, 6)}),
    ))
    calendar.save_overrides(committee.id, {"agenda_publication": {"days": 6}})
    calendar.set_mark(meeting.id, "draft_reports", london_datetime(date(2019, 6, 20), 9, 15))
    items = _agendas(db, FileStore.beside(db_path), meeting, committee)
    minutes = _minutes(db, meeting, later, committee, people, items)
    _actions_and_petitions(db, meeting, committee, people, minutes)
    return services


@pytest.fixture
def exported(rich, tmp_path) -> tuple[dict, Path]:
    """The rich council's document (a fresh copy to change) and its folder of files."""
    result = write_export(rich, tmp_path / "rich.json")
    return json.loads((tmp_path / "rich.json").read_text(encoding="utf-8")), result.files_folder


# Round trips ------------------------------------------------------------------------------


def test_every_section_and_setting_round_trips_byte_for_byte(rich, target, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "again" / "second.json"
    second.parent.mkdir()
    result = write_export(rich, first)
    document = export_document(rich)
    assert [s.key for s in SECTIONS if not document[s.key]] == []  # the fixture fills all
    assert [s.key for s in SETTINGS if not document[s.key]] == []
    assert result.file_count == 2  # three documents, two distinct files
    import_file(target, first)
    write_export(target, second)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.read_bytes() for p in result.files_folder.iterdir()) == sorted(
        p.read_bytes() for p in (second.parent / "second-files").iterdir())
    assert uncarried_records(rich) == {}


def test_records_come_back_as_the_same_domain_objects(rich, target, tmp_path):
    write_export(rich, tmp_path / "rich.json")
    import_file(target, tmp_path / "rich.json")

    def comparable(record):
        # A comment's row id is not carried (nothing refers to it): it is numbered afresh.
        if isinstance(record, Petition):
            return replace(record, comments=tuple(replace(c, id=None) for c in record.comments))
        return record

    for section in SECTIONS:
        assert [comparable(r) for r in section.read(target.store.db)] == [
            comparable(r) for r in section.read(rich.store.db)], section.key
    for setting in SETTINGS:
        assert setting.read(target.store.db) == setting.read(rich.store.db), setting.key


def test_demo_round_trip_gives_identical_bytes_and_files(demo, tmp_path, target):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    result = write_export(demo, first)
    counts = import_file(target, first)
    again = write_export(target, second)
    assert first.read_bytes() == second.read_bytes()
    assert counts["people"] > 50 and counts["meetings"] > 30 and counts["council"] == 1
    assert counts["item_documents"] > 0 and result.file_count > 0
    files = {p.name: p.read_bytes() for p in result.files_folder.iterdir()}
    assert files == {p.name: p.read_bytes() for p in again.files_folder.iterdir()}
    assert all(FileStore.beside(target.store.path).verify(*name.split(".")) for name in files)


def test_the_demo_has_nothing_the_format_does_not_carry(demo):
    assert uncarried_records(demo) == {}


def test_every_table_of_the_schema_is_carried(services):
    db = services.store.db
    tables = {t for t in db.table_names() if not t.startswith(("_", "sqlite_"))}
    not_carried = tables - CARRIED_TABLES - {"meta", "audit_log"}
    assert not_carried == set(), (
        "add a Section (or Setting) for these tables to clerkdesk/services/exchange_sections.py"
    )


def test_values_are_written_as_documented(rich):
    document = export_document(rich)
    assert document["calendar"]["ignored_bank_holidays"] == ["2019-05-06", "2020-05-08"]
    assert [c["date"] for c in document["calendar"]["local_closures"]] == [
        "2019-12-24", "2019-12-27"]
    assert document["petition_scheme"]["organiser_publication"] == "name only"
    assert document["action_log_settings"] == {"logs_showing_closed": 2}
    expected, closed = document["actions"]
    assert expected["expected_completion"] == "2019-09"
    assert expected["updates"] == [{"on": "2019-08-01", "text": "Drafted"},
                                   {"on": "2019-08-01", "text": "Sent"}]  # no ids, in order
    assert expected["responsible"][0]["name"] == "Siân Ŷr"  # as the people list spells it
    assert closed["petition_id"] == document["petitions"][0]["id"]
    petition = document["petitions"][0]
    assert petition["organiser_id"] == document["petition_organisers"][0]["id"]
    assert "organiser" not in petition and "meeting_date" not in petition
    assert [c["on"] for c in petition["comments"]] == ["2019-06-10", "2019-06-15"]
    assert document["minute_actions"][0] == {
        "id": document["minute_actions"][0]["id"], "minute_id": document["minutes"][1]["id"],
        "position": 1, "responsible": "Democratic Services Officer",
        "text": "Send the programme to schools",
    }
    assert document["item_documents"][0]["added_at"] == "2019-06-28T16:45:00+01:00"
    assert document["agenda_items"][1]["access"] == {
        "legal_basis": "", "level": "exempt", "paragraph": 3,
        "public_interest_note": "Tender prices are commercially sensitive"}
    assert document["deadline_marks"] == [{"done_at": "2019-06-20T09:15:00+01:00",
                                           "key": "draft_reports",
                                           "meeting_id": document["meetings"][0]["id"]}]
    assert [m["status"] for m in document["meeting_minutes"]] == ["signed", "draft"]


def test_settings_left_out_keep_clerkdesks_defaults(exported, target):
    document, files = exported
    for key in ("calendar", "petition_scheme"):
        del document[key]
    document["action_log_settings"] = None
    import_document(target, document, files=files)
    db = target.store.db
    assert db["petition_scheme"].count == 0 and db["action_log_settings"].count == 0
    assert db["local_closures"].count == 0
    assert target.petitions.scheme() == PetitionScheme()


# Bad files --------------------------------------------------------------------------------


def is_empty(services) -> bool:
    db = services.store.db
    return all(db[table].count == 0 for table in db.table_names()
               if table not in ("meta", "_sqlite_migrations"))


def problems_for(target, document, files=None) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        import_document(target, document, "bad.json", files)
    assert is_empty(target)
    return caught.value.problems


def test_dangling_references_in_the_later_sections(exported, target):
    document, files = exported
    document["item_documents"][0]["item_id"] = 901
    document["agenda_plan_items"][0]["agenda_item_id"] = 902
    document["minute_votes"][0]["names"][1]["person_id"] = 903
    document["actions"][0]["responsible"][1]["person_id"] = 904
    document["petitions"][0]["organiser_id"] = 905
    document["meeting_minutes"][0]["approval_minute_id"] = 906
    document["attendance"][0]["membership_id"] = 907
    document["declarations"][0]["agenda_item_id"] = 908
    document["deadline_marks"][0]["meeting_id"] = 909
    document["minute_action_links"][0]["action_id"] = 910
    # Kept as written: the database keeps these after their record is deleted.
    document["agenda_items"][1]["plan_item_id"] = 990
    document["actions"][0]["minute_id"] = 991
    document["petitions"][0]["minute_id"] = 992
    assert problems_for(target, document, files) == [
        "$.deadline_marks[0].meeting_id: there is no meeting with id 909 in $.meetings",
        "$.item_documents[0].item_id: there is no agenda item with id 901 in $.agenda_items",
        "$.agenda_plan_items[0].agenda_item_id: there is no agenda item with id 902 in "
        "$.agenda_items",
        "$.attendance[0].membership_id: there is no membership with id 907 in $.memberships",
        "$.declarations[0].agenda_item_id: there is no agenda item with id 908 in "
        "$.agenda_items",
        "$.minute_votes[0].names[1].person_id: there is no person with id 903 in $.people",
        "$.meeting_minutes[0].approval_minute_id: there is no minute with id 906 in $.minutes",
        "$.petitions[0].organiser_id: there is no petition organiser with id 905 in "
        "$.petition_organisers",
        "$.actions[0].responsible[1].person_id: there is no person with id 904 in $.people",
        "$.minute_action_links[0].action_id: there is no action with id 910 in $.actions",
    ]


def test_values_that_must_be_unique(exported, target):
    document, files = exported
    document["attendance"][1]["person_id"] = document["attendance"][0]["person_id"]
    document["minutes"][1]["number"] = document["minutes"][0]["number"]
    document["minutes_settings"].append(document["minutes_settings"][0])
    document["publications"][1].update(kind="agenda", supplement=0)
    document["agenda_plan_reserve_dates"].append({**document["agenda_plan_reserve_dates"][0],
                                                  "id": 77})
    # Two minute actions may both have lost their log entry (null), but not share one.
    document["minute_action_links"][1]["action_id"] = document["actions"][0]["id"]
    problems = problems_for(target, document, files)
    assert problems[-1] == ("$.minute_action_links[1].action_id: action id 1 is already used "
                            "by $.minute_action_links[0]")
    assert problems[:2] == [
        '$.publications[1]: meeting id 1 and kind "agenda" and supplement 0 and version 1 are '
        "already used together by $.publications[0]",
        '$.agenda_plan_reserve_dates[1]: committee id 1 and day "2019-08-13" are already used '
        "together by $.agenda_plan_reserve_dates[0]",
    ]
    assert problems[2] == "$.minutes_settings[1].committee_id: committee id 1 is already used " \
                          "by $.minutes_settings[0]"
    assert problems[3].startswith("$.attendance[1]: meeting id 1 and person id ")
    assert problems[4] == ('$.minutes[1]: series "1:running" and number 211 are already used '
                           "together by $.minutes[0]")


def test_domain_rules_of_the_later_sections(exported, target):
    document, files = exported
    document["calendar"]["local_closures"][0]["label"] = " "
    document["petition_scheme"]["response_working_days"] = 0
    document["actions"][1]["completed_on"] = None
    document["petitions"][0]["response_on"] = None
    document["minute_votes"][0]["names"].append(document["minute_votes"][0]["names"][0])
    document["agenda_plan_items"][1]["meeting_id"] = document["meetings"][0]["id"]
    document["minutes_settings"][0]["quorum"].update(kind="fraction of the membership",
                                                     numerator=5, denominator=4)
    problems = problems_for(target, document, files)
    assert problems == [
        "$.calendar.local_closures: The local closure on Tuesday 24 December 2019 needs a label",
        "$.petition_scheme: Written response within (working days): leave it empty for no "
        "clock, rather than 0 days.",
        "$.agenda_plan_items[1]: Planned item 'Home to School Transport' needs either a meeting "
        "or a planned date (not both).",
        "$.minutes_settings[0]: The quorum fraction must be more than 0 and at most 1.",
        f"$.minute_votes[0]: The person with id {document['people'][0]['id']} is named twice "
        "in this vote.",
        "$.minute_votes[0]: The numbers for, against and abstaining do not match the names.",
        "$.petitions[0]: A petition is 'responded' exactly when its response date is recorded.",
        "$.actions[1]: An action marked 'Completed' needs the date it closed.",
    ]


def test_a_month_and_a_link_that_cannot_be_read(exported, target):
    document, files = exported
    document["actions"][0]["expected_completion"] = "2019-13"
    del document["petition_organisers"][0]["name"]
    problems = problems_for(target, document, files)
    assert problems[0] == "$.petition_organisers[0]: 'name' is a required property"
    assert problems[1].startswith("$.actions[0].expected_completion: '2019-13' does not match")
    assert len(problems) == 2  # the petition naming the broken organiser is not blamed too


def test_a_failure_while_writing_the_later_sections_rolls_everything_back(exported, target):
    target.store.db.execute(
        "CREATE TRIGGER refuse_logs BEFORE INSERT ON issued_action_logs "
        "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )
    with pytest.raises(ClerkError, match="could not be written"):
        import_document(target, exported[0], "rich.json", exported[1])
    assert is_empty(target)


def test_an_action_at_a_meeting_reads_the_meetings_day(rich, target, exported):
    document, files = exported
    # A file may say anything; the log reads the day from the meeting, as in the database.
    document["actions"][0]["raised_on"] = (JULY - timedelta(days=1)).isoformat()
    import_document(target, document, files=files)
    assert export_document(target)["actions"][0]["raised_on"] == JULY.isoformat()
