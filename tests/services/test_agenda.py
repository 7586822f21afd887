"""The agenda builder's rules, over a real SQLite file and a real document store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from reportlab.pdfgen import canvas

from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, numbered, sections
from clerkdesk.domain.meetings import MeetingStatus, london_datetime
from clerkdesk.domain.publication import Publication, PublicationKind
from clerkdesk.errors import LockedError, ValidationError
from clerkdesk.store.files import sha256_of
from clerkdesk.store.publication_repo import PublicationRepository


def make_pdf(path, text="Report text", pages=1):
    pdf = canvas.Canvas(str(path))
    for page in range(pages):
        pdf.drawString(72, 720, f"{text} page {page + 1}")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def meeting(make):
    committee = make.committee(name="Children and Young People Committee", code="CYP")
    make.meeting(committee=committee, start=london_datetime(date(2019, 5, 21), 14),
                 status=MeetingStatus.HELD)
    return make.meeting(committee=committee, start=london_datetime(date(2019, 7, 9), 14))


def report(meeting, title, **kw):
    return AgendaItem(None, meeting.id, title, kw.pop("section", "DECISIONS"), **kw)


def test_standing_items_from_the_template_name_the_previous_meeting(services, meeting):
    added = services.agenda.create_standing_items(meeting.id)
    assert [item.title for item in added] == [
        "Apologies for absence and declarations of interest",
        "Minutes of the Meeting on 21 May 2019",
        "Action Log",
        "Petitions",
    ]
    assert services.agenda.create_standing_items(meeting.id) == []  # nothing twice


def test_numbers_run_across_repeating_sections(services, meeting):
    services.agenda.create_standing_items(meeting.id)
    services.agenda.add_item(report(meeting, "Free School Proposals"))
    services.agenda.add_item(report(meeting, "Performance", section="INFORMATION AND MONITORING"))
    services.agenda.add_item(report(meeting, "Agenda Plan"))
    items = services.agenda.items(meeting.id)
    grouped = sections(items)
    assert [heading for heading, _ in grouped] == [
        "CONSTITUTIONAL MATTERS", "DECISIONS", "INFORMATION AND MONITORING", "DECISIONS",
    ]
    assert [number for _, entries in grouped for number, _ in entries] == list(range(1, 8))


def test_reorder_and_move(services, meeting):
    first = services.agenda.add_item(report(meeting, "First"))
    second = services.agenda.add_item(report(meeting, "Second"))
    third = services.agenda.add_item(report(meeting, "Third"))
    services.agenda.move(third.id, -2)
    assert [i.title for _, i in numbered(services.agenda.items(meeting.id))] == [
        "Third", "First", "Second"]
    services.agenda.reorder(meeting.id, [second.id, first.id, third.id])
    assert [i.title for _, i in numbered(services.agenda.items(meeting.id))] == [
        "Second", "First", "Third"]
    with pytest.raises(ValidationError, match="every item"):
        services.agenda.reorder(meeting.id, [first.id, second.id])
    services.agenda.delete_item(first.id)
    assert [i.position for i in services.agenda.items(meeting.id)] == [1, 2]


def test_item_rules(services, meeting):
    with pytest.raises(ValidationError, match="reason for urgency"):
        services.agenda.add_item(report(meeting, "Late report", late=True))
    with pytest.raises(ValidationError, match="Schedule 12A paragraph"):
        services.agenda.add_item(report(meeting, "Land deal", access=Access(AccessLevel.EXEMPT)))
    with pytest.raises(ValidationError, match="forward plan reference"):
        services.agenda.add_item(report(meeting, "Budget", key_decision=True))
    item = services.agenda.add_item(report(
        meeting, "Land deal", key_decision=True, forward_plan_ref="KD2019/031",
        education_matter=True, access=Access(AccessLevel.EXEMPT, 3, "Commercial terms"),
        late=True, urgency_reason="Vendor deadline of 10 July",
    ))
    assert services.agenda.item(item.id) == item
    assert item.access.stub_notice().startswith("Not for publication by virtue of paragraph 3")


def test_attach_copies_the_file_by_hash_and_never_changes_it(services, meeting, tmp_path):
    item = services.agenda.add_item(report(meeting, "Free School Proposals"))
    source = make_pdf(tmp_path / "Free schools.pdf", pages=3)
    document, warnings = services.agenda.attach(
        item.id, source, role=DocumentRole.REPORT,
        inspect=lambda path: (3, True, [], []),
    )
    assert warnings == []
    stored = services.agenda.document_path(document)
    assert stored.read_bytes() == source.read_bytes()
    assert document.sha256 == sha256_of(source) and document.title == "Free schools"
    source.write_bytes(b"%PDF-1.4 edited afterwards")  # the original moves on ...
    assert sha256_of(stored) == document.sha256  # ... the stored copy does not
    assert services.agenda.item(item.id).documents == (document,)


def test_attach_refuses_other_files_and_reports_inspection_problems(services, meeting, tmp_path):
    item = services.agenda.add_item(report(meeting, "Report"))
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with pytest.raises(ValidationError, match="not a PDF or Word"):
        services.agenda.attach(item.id, notes)
    locked = make_pdf(tmp_path / "locked.pdf")
    with pytest.raises(ValidationError, match="password-protected"):
        services.agenda.attach(item.id, locked, inspect=lambda p: (None, None,
                               ["locked.pdf is password-protected"], []))
    scanned = make_pdf(tmp_path / "scan.pdf")
    _, warnings = services.agenda.attach(
        item.id, scanned, inspect=lambda p: (1, False, [], ["scan.pdf has no text layer"]))
    assert warnings == ["scan.pdf has no text layer"]


def test_published_items_are_locked_and_new_ones_go_to_a_supplement(services, meeting):
    item = services.agenda.add_item(report(meeting, "Report"))
    PublicationRepository(services.store.db).insert(Publication(
        None, meeting.id, PublicationKind.AGENDA, 1, datetime(2019, 7, 1, 9, tzinfo=UTC)))
    with pytest.raises(LockedError, match="has been published"):
        services.agenda.update_item(item)
    with pytest.raises(LockedError):
        services.agenda.delete_item(item.id)
    late = services.agenda.add_item(report(meeting, "Urgent", late=True,
                                           urgency_reason="Statutory deadline"))
    assert late.supplement == 1
    services.agenda.update_item(late)  # not yet published: still editable


def test_standing_items_cannot_be_added_after_publication(services, meeting):
    services.agenda.add_item(report(meeting, "Report"))
    PublicationRepository(services.store.db).insert(Publication(
        None, meeting.id, PublicationKind.AGENDA, 1, datetime(2019, 7, 1, 9, tzinfo=UTC)))
    with pytest.raises(LockedError, match="standing items can no longer be added"):
        services.agenda.create_standing_items(meeting.id)


def test_a_new_item_without_a_heading_goes_under_the_last_reports_heading(services, meeting):
    services.agenda.create_standing_items(meeting.id)
    assert services.agenda.section_for_new_item(meeting.id) == "CONSTITUTIONAL MATTERS"
    services.agenda.add_item(report(meeting, "Budget", section="KEY DECISIONS"))
    assert services.agenda.section_for_new_item(meeting.id) == "KEY DECISIONS"
