"""Packs and publication from the agenda builder: the job runs on a worker thread with its
own connection, the progress dialog cancels it with nothing left behind, and outcomes
(summaries, locked items, a clerk-readable refusal) arrive back on the page."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from clerkdesk.documents import pack as pack_module
from clerkdesk.documents.leak_check import PublicationLeakError
from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import DocumentRole
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.publish_summary import SummaryDialog
from clerkdesk.ui.pages import agenda_outputs
from clerkdesk.ui.pages.agenda_page import AgendaPage
from tests.conftest import DEMO_TODAY
from tests.ui.activation import activate

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def meeting(demo):
    cyp = demo.committees.by_code("CYP")
    return next(m for m in demo.meetings.search(committee_id=cyp.id)
                if m.date > DEMO_TODAY and demo.agenda.items(m.id))


@pytest.fixture
def page(qtbot, demo_context, make_page, meeting):
    shown = make_page(AgendaPage, demo_context)
    shown.show_meeting(meeting.id)
    activate(qtbot, shown)
    shown.table.setFocus()
    yield shown
    task = shown.outputs.task
    if task is not None:  # never leave a worker writing into a deleted folder
        task.cancel()
        task.wait_for_worker(10)


@pytest.fixture
def summaries(monkeypatch):
    shown = []
    monkeypatch.setattr(SummaryDialog, "ask", lambda parent, heading, text, folder=None:
                        shown.append((heading, text, folder)))
    return shown


@pytest.fixture
def suggested_names():
    return []


@pytest.fixture
def pack_path(monkeypatch, tmp_path, suggested_names):
    """Where the clerk saves the pack (an empty folder); the names offered are recorded."""
    out = tmp_path / "out" / "pack.pdf"
    out.parent.mkdir()

    def ask(parent, suggested):
        suggested_names.append(suggested.name)
        return out

    monkeypatch.setattr(agenda_outputs, "ask_pack_path", ask)
    return out


@pytest.fixture
def publish_folder(monkeypatch, tmp_path):
    folder = tmp_path / "website"
    folder.mkdir()
    monkeypatch.setattr(agenda_outputs, "ask_publish_folder", lambda parent, start: folder)
    return folder


def wait_until_idle(qtbot, page, timeout=20000):
    qtbot.waitUntil(lambda: not page.outputs.busy, timeout=timeout)


def exempt_line(demo, meeting) -> str:
    """A distinctive line of the demo's exempt appendix (Site acquisition terms)."""
    exempt = next(d for i in demo.agenda.items(meeting.id) for d in i.documents
                  if not d.access.is_open)
    text = PdfReader(demo.agenda.document_path(exempt)).pages[1].extract_text()
    return max(text.splitlines(), key=len)


def pdf_text(path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_ctrl_b_builds_the_public_pack_on_a_worker(qtbot, page, demo, meeting, monkeypatch,
                                                   pack_path, suggested_names, summaries):
    threads = []
    real_job = agenda_outputs.pack_job

    def spied_job(*args):
        threads.append(threading.current_thread())
        return (yield from real_job(*args))

    monkeypatch.setattr(agenda_outputs, "pack_job", spied_job)
    messages = []
    page.message.connect(messages.append)
    qtbot.keyClick(page.table, Qt.Key.Key_B, CTRL)
    assert page.outputs.busy and not page.body.isEnabled()
    steps = []
    page.outputs.task.progress.connect(steps.append)
    wait_until_idle(qtbot, page)

    assert threads and threads[0] is not threading.main_thread()
    assert steps and steps[-1].label == "Pack ready"
    assert suggested_names == ["CYP 2026-12-08 pack (public).pdf"]
    pages, text = pdf_text(pack_path)
    assert pages > 0
    assert exempt_line(demo, meeting) not in text
    assert "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A" in text
    [(heading, summary, folder)] = summaries
    assert heading == "Public agenda pack built" and f"Pages: {pages}" in summary
    assert folder == pack_path.parent
    assert messages == [f"Wrote {pack_path} ({pages} pages)."]
    assert page.body.isEnabled()


def test_ctrl_shift_b_builds_the_members_pack(qtbot, page, demo, meeting, pack_path,
                                              suggested_names, summaries):
    qtbot.keyClick(page.table, Qt.Key.Key_B, CTRL | SHIFT)
    wait_until_idle(qtbot, page)
    assert suggested_names == ["CYP 2026-12-08 pack (members).pdf"]
    _pages, text = pdf_text(pack_path)
    assert exempt_line(demo, meeting) in text and "NOT FOR PUBLICATION" in text
    assert summaries[0][0] == "Members' agenda pack built"


def test_cancelling_a_build_leaves_no_file(qtbot, page, monkeypatch, pack_path, summaries):
    real_scan = pack_module.leak_scan_steps

    def slow_scan(path, material):  # the public pack's final check, made slow
        for step in real_scan(path, material):
            time.sleep(0.3)
            yield step

    monkeypatch.setattr(pack_module, "leak_scan_steps", slow_scan)
    messages = []
    page.message.connect(messages.append)
    page.build_pack("public")
    dialog = page.outputs.progress.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, page)
    assert list(pack_path.parent.iterdir()) == []  # neither the pack nor a temporary file
    assert summaries == [] and messages == ["Cancelled: nothing was written."]


def test_publishing_writes_records_and_locks_the_agenda(qtbot, page, demo, meeting,
                                                        publish_folder, summaries,
                                                        shown_errors):
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL)
    wait_until_idle(qtbot, page)
    assert shown_errors == []

    folder = publish_folder / "2026-12-08 CYP"
    assert sorted(p.name for p in folder.iterdir()) == [
        "CYP 2026-12-08 agenda pack (members, not for publication).pdf",
        "CYP 2026-12-08 agenda pack (public).pdf",
        "CYP 2026-12-08 agenda.docx", "CYP 2026-12-08 agenda.html"]
    [publication] = demo.publishing.history(meeting.id)
    assert publication.label == "Agenda" and len(publication.files) == 4
    assert publication.published_at.date() == DEMO_TODAY  # the page's today
    [(heading, text, shown_folder)] = summaries
    assert heading == "Agenda published" and shown_folder == folder
    assert "clear working days: the period is met" in text
    assert all(row.locked for row in page.model.records() if row.item)
    assert page.status_label.text().endswith("New items go into Supplement 1.")
    assert page.publish_button.text() == "P&ublish Supplement 1…"
    assert not page.publish_button.isEnabled()


def test_a_missing_public_interest_note_stops_publication(qtbot, page, demo, meeting,
                                                          publish_folder, summaries,
                                                          shown_errors):
    document = next(d for i in demo.agenda.items(meeting.id) for d in i.documents
                    if d.access.level is AccessLevel.EXEMPT)
    demo.agenda.update_document(replace(document, access=Access(AccessLevel.EXEMPT, 3)))
    page.publish()
    wait_until_idle(qtbot, page)
    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert "'Appendix 2: Site acquisition terms' is exempt but has no public-interest" in \
        error.message
    assert [p for p in publish_folder.rglob("*") if p.is_file()] == []
    assert demo.publishing.history(meeting.id) == [] and summaries == []
    assert not any(row.locked for row in page.model.records() if row.item)


def test_a_leak_into_the_public_pack_is_refused_naming_the_document(
        qtbot, page, demo, meeting, pack_path, summaries, shown_errors):
    exempt = next(d for i in demo.agenda.items(meeting.id) for d in i.documents
                  if d.access.level is AccessLevel.EXEMPT)
    other = next(i for i in demo.agenda.items(meeting.id) if i.title == "Free School Proposals")
    demo.agenda.attach(other.id, demo.agenda.document_path(exempt), "Appendix 2: Land values",
                       DocumentRole.APPENDIX, inspect=lambda _path: (4, True, [], []))
    page.build_pack("public")
    wait_until_idle(qtbot, page)
    [error] = shown_errors
    assert isinstance(error, PublicationLeakError)
    assert "'Appendix 2: Site acquisition terms' (item 7)" in error.message
    assert list(pack_path.parent.iterdir()) == [] and summaries == []
