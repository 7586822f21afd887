"""The agenda builder's dialogs, driven field by field on the demo council: an agenda item,
a document, pulling from the agenda plan, the access editor and the publication summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.documents.pack import Audience
from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import DocumentRole
from clerkdesk.domain.meetings import LONDON
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from clerkdesk.ui.dialogs.document_dialog import DocumentDialog, check_attachment
from clerkdesk.ui.dialogs.plan_pull_dialog import PullFromPlanDialog
from clerkdesk.ui.dialogs.publish_summary import SummaryDialog, pack_summary, publish_summary
from clerkdesk.ui.widgets.access_editor import AccessEditor
from clerkdesk.ui.widgets.combos import select_value
from tests.conftest import DEMO_TODAY
from tests.ui.pdf_samples import broken_pdf, scanned_pdf, text_pdf


@pytest.fixture
def meeting(demo):
    """The demo's next CYP meeting with an agenda (8 December 2026)."""
    cyp = demo.committees.by_code("CYP")
    return next(m for m in demo.meetings.search(committee_id=cyp.id)
                if m.date > DEMO_TODAY and demo.agenda.items(m.id))


def item_titled(demo, meeting, title):
    return next(i for i in demo.agenda.items(meeting.id) if i.title == title)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def set_access(editor: AccessEditor, level: AccessLevel, paragraph=None, note="", basis=""):
    select_value(editor.level_combo, level.value)
    if paragraph:
        select_value(editor.paragraph_combo, paragraph)
    editor.note_edit.setPlainText(note)
    editor.basis_edit.setText(basis)


def test_a_report_item_is_added_with_every_field(qtbot, demo, meeting):
    dialog = shown(qtbot, AgendaItemDialog(demo, meeting.id, None, "DECISIONS"))
    sections = [dialog.section_combo.itemText(i) for i in range(dialog.section_combo.count())]
    assert sections == ["CONSTITUTIONAL MATTERS", "DECISIONS",
                        "INFORMATION AND MONITORING REPORTS"]
    assert dialog.section_combo.currentText() == "DECISIONS"
    assert not dialog.reference_edit.isEnabled() and not dialog.urgency_edit.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Youth Justice Plan 2026-27")
    qtbot.keyClicks(dialog.heading_edit, "YOUTH JUSTICE PLAN: 2026/27")
    qtbot.keyClicks(dialog.officer_edit, "Head of Youth Justice")
    dialog.key_check.click()
    assert dialog.reference_edit.isEnabled()
    qtbot.keyClicks(dialog.reference_edit, "KD2026/044")
    dialog.education_check.click()
    set_access(dialog.access_editor, AccessLevel.EXEMPT, 1,
               note="Names young people; disclosure would harm them.")
    dialog.late_check.click()
    qtbot.keyClicks(dialog.urgency_edit, "The Board meets before the next committee.")
    qtbot.keyClicks(dialog.notes_edit, "Members are asked to declare any interest.")
    save(qtbot, dialog)

    added = item_titled(demo, meeting, "Youth Justice Plan 2026-27")
    assert dialog.saved == added
    assert (added.report_heading, added.section, added.lead_officer) == (
        "YOUTH JUSTICE PLAN: 2026/27", "DECISIONS", "Head of Youth Justice")
    assert added.key_decision and added.forward_plan_ref == "KD2026/044"
    assert added.education_matter and added.late
    assert added.urgency_reason == "The Board meets before the next committee."
    assert added.access == Access(AccessLevel.EXEMPT, 1,
                                  "Names young people; disclosure would harm them.")
    assert added.notes == "Members are asked to declare any interest."
    assert added.kind == "report" and added.supplement == 0


def test_missing_reasons_are_all_listed_and_the_typing_is_kept(qtbot, demo, meeting,
                                                                shown_errors):
    before = len(demo.agenda.items(meeting.id))
    dialog = shown(qtbot, AgendaItemDialog(demo, meeting.id, None))
    qtbot.keyClicks(dialog.title_edit, "Storm Damage to Schools")
    dialog.late_check.click()
    set_access(dialog.access_editor, AccessLevel.CONFIDENTIAL)
    save(qtbot, dialog)

    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert any("s.100B(4)(b)" in problem for problem in error.problems)
    assert any("state the legal basis" in problem for problem in error.problems)
    assert dialog.isVisible() and dialog.title_edit.text() == "Storm Damage to Schools"
    assert len(demo.agenda.items(meeting.id)) == before


def test_editing_a_standing_item_keeps_its_kind(qtbot, demo, meeting):
    apologies = demo.agenda.items(meeting.id)[0]
    dialog = shown(qtbot, AgendaItemDialog(demo, meeting.id, apologies))
    assert dialog.title_edit.text() == "Apologies for absence and declarations of interest"
    dialog.title_edit.setText("Apologies and Declarations of Interest")
    save(qtbot, dialog)
    saved = demo.agenda.item(apologies.id)
    assert saved.title == "Apologies and Declarations of Interest"
    assert saved.kind == apologies.kind and saved.position == apologies.position


def test_attaching_a_scan_to_an_exempt_item_starts_private_and_warns(qtbot, demo, meeting,
                                                                    tmp_path):
    item = item_titled(demo, meeting, "Free School Proposals")
    exempt = Access(AccessLevel.EXEMPT, 3, "Bids from named trusts.")
    item = demo.agenda.update_item(replace(item, access=exempt))
    scan = scanned_pdf(tmp_path / "Signed bid letters.pdf")
    check = check_attachment(scan)
    assert check[:3] == (1, False, [])
    dialog = shown(qtbot, DocumentDialog(demo, item, None, scan, check, [], None))
    assert dialog.file_label.text() == "Signed bid letters.pdf"
    assert dialog.role_combo.currentData() == DocumentRole.APPENDIX.value  # it has a report
    assert dialog.title_edit.text() == "Signed bid letters"
    assert dialog.access_editor.value() == exempt  # as private as its item
    assert dialog.warning_label.isVisibleTo(dialog)
    assert "no text layer" in dialog.warning_label.text()
    save(qtbot, dialog)

    attached = demo.agenda.item(item.id).documents[-1]
    assert dialog.saved == attached
    assert (attached.title, attached.role, attached.access) == (
        "Signed bid letters", DocumentRole.APPENDIX, exempt)
    assert (attached.pages, attached.has_text, attached.media) == (1, False, "pdf")


def test_an_items_first_document_is_its_report_under_the_items_title(qtbot, demo, meeting,
                                                                     tmp_path):
    petitions = item_titled(demo, meeting, "Petitions")
    report = text_pdf(tmp_path / "petitions-v3-final.pdf")
    dialog = shown(qtbot, DocumentDialog(demo, petitions, None, report,
                                         check_attachment(report), [], None))
    assert dialog.role_combo.currentData() == DocumentRole.REPORT.value
    assert dialog.title_edit.text() == "Petitions"
    assert dialog.warning_label.isHidden()
    save(qtbot, dialog)
    [attached] = demo.agenda.item(petitions.id).documents
    assert (attached.title, attached.pages, attached.has_text) == ("Petitions", 2, True)


def test_editing_a_document_changes_its_title_role_and_access(qtbot, demo, meeting):
    item = item_titled(demo, meeting, "Home to School Transport Policy")
    appendix = item.documents[1]
    dialog = shown(qtbot, DocumentDialog(demo, item, appendix, None, (None, None, [], []), [],
                                         None))
    assert dialog.file_label.text() == appendix.original_name
    dialog.title_edit.setText("Appendix 1: Equality impact assessment (draft)")
    set_access(dialog.access_editor, AccessLevel.CONFIDENTIAL,
               basis="Department for Education notice of 2 November 2026")
    save(qtbot, dialog)
    saved = demo.agenda.item(item.id).documents[1]
    assert saved.title == "Appendix 1: Equality impact assessment (draft)"
    assert saved.access.level is AccessLevel.CONFIDENTIAL
    assert saved.sha256 == appendix.sha256  # the file itself never changes


def test_a_damaged_pdf_fails_its_check_with_the_reason(tmp_path):
    pages, has_text, problems, warnings = check_attachment(broken_pdf(tmp_path / "Report.pdf"))
    assert (pages, has_text, warnings) == (None, False, [])
    assert problems == ["'Report.pdf' cannot be read as PDF: it is damaged or not a PDF. Open "
                        "it in the program that made it and save it as PDF again."]
    assert check_attachment(tmp_path / "Report.docx") == (None, None, [], [])


def test_pulling_from_the_plan_offers_this_meetings_items_only(qtbot, demo, meeting):
    dialog = shown(qtbot, PullFromPlanDialog(demo, meeting.id))
    offered = [dialog.list_widget.item(i).text() for i in range(dialog.list_widget.count())]
    waiting = [p for p in demo.agenda_plan.items(meeting.committee_id)
               if p.meeting_id == meeting.id and not p.moved]
    assert [text.split(" — ")[0] for text in offered] == [p.title for p in waiting]
    assert len(offered) == 1
    save(qtbot, dialog)
    pulled = dialog.saved
    assert pulled.title == waiting[0].title
    assert demo.agenda.items(meeting.id)[-1].id == pulled.id
    assert PullFromPlanDialog(demo, meeting.id).list_widget.count() == 0


def test_the_access_editor_enables_only_what_the_level_needs(qtbot):
    editor = AccessEditor()
    qtbot.addWidget(editor)
    assert editor.value() == Access() and not editor.paragraph_combo.isEnabled()
    set_access(editor, AccessLevel.EXEMPT, 5, note="Legal advice on the contract.")
    assert editor.paragraph_combo.isEnabled() and not editor.basis_edit.isEnabled()
    assert editor.value() == Access(AccessLevel.EXEMPT, 5, "Legal advice on the contract.")
    editor.set_value(Access(AccessLevel.CONFIDENTIAL, legal_basis="Court order"))
    assert editor.basis_edit.isEnabled() and not editor.note_edit.isEnabled()
    assert editor.value() == Access(AccessLevel.CONFIDENTIAL, legal_basis="Court order")


def test_the_summaries_say_what_was_written_and_whether_the_period_was_met(qtbot, demo,
                                                                          meeting, tmp_path):
    result = demo.publishing.publish(meeting.id, tmp_path,
                                     now=datetime(2026, 11, 23, 9, 30, tzinfo=LONDON))
    heading, text = publish_summary(result)
    assert heading == "Agenda published"
    assert "CYP 2026-12-08 agenda pack (public).pdf" in text
    assert ("Agenda published with 10 clear working days: the period is met. The committee's "
            "rule asks for 5.") in text
    assert "go into the next supplementary agenda" in text
    members = demo.packs.build_pack(meeting.id, tmp_path / "m.pdf", Audience.MEMBERS)
    heading, text = pack_summary(members)
    assert heading == "Members' agenda pack built"
    assert f"Pages: {members.page_count}" in text and "NOT FOR PUBLICATION" in text
    dialog = SummaryDialog(heading, text, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.text_view.toPlainText() == text and dialog.open_button.isEnabled()
