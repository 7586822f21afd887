"""The agenda plan page: the seed plan on screen, planning, moving, pulling onto an agenda,
reserve dates and export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import docx
import pytest
from PySide6.QtCore import Qt

from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.ui.dialogs.plan_item_dialog import PlanItemDialog
from clerkdesk.ui.formatting import to_qdate
from clerkdesk.ui.models import agenda_plan_model as columns
from clerkdesk.ui.pages import agenda_plan_page
from clerkdesk.ui.pages.agenda_plan_page import AgendaPlanPage
from clerkdesk.ui.pages.base_page import PageContext
from tests.agenda_plan_seed import PUBLISHED, enter_seed_plan
from tests.ui.activation import activate
from tests.ui.helpers import column_texts


@pytest.fixture
def page(qtbot, services, make, make_page):
    committee = enter_seed_plan(services, make)
    shown = make_page(AgendaPlanPage, PageContext(services, today=lambda: PUBLISHED))
    shown.select_committee(committee.id)
    activate(qtbot, shown)
    return shown


def row_of(page, title: str) -> int:
    return column_texts(page.model, columns.ITEM).index(title)


def test_the_seed_plan_with_its_deadlines(page):
    dates = column_texts(page.model, columns.DATE)
    assert dates[0] == "Tue 09 Jul 2019"
    assert dates[1:3] == ["", ""]  # a meeting's date only on its first line
    assert dates[3] == "[Tue 13 Aug 2019] Provisional Meeting"
    assert "Wed 04 Dec 2019" in dates  # the weekday shows it is not the usual Tuesday
    assert column_texts(page.model, columns.DRAFT)[0] == "Thu 27 Jun 2019 10:00"
    assert column_texts(page.model, columns.DESPATCH)[0] == "Mon 01 Jul 2019"
    assert column_texts(page.model, columns.DESPATCH)[-1] == "Fri 15 May 2020"
    assert column_texts(page.model, columns.REFERENCE)[4] == "2019/006"
    confirmed = page.model.index(0, columns.DATE).data(Qt.ItemDataRole.FontRole)
    reserve = page.model.index(3, columns.DATE).data(Qt.ItemDataRole.FontRole)
    assert confirmed.bold() and not confirmed.italic()
    assert reserve.italic() and not reserve.bold()
    tooltip = page.model.index(0, columns.DESPATCH).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Rule: 5 clear working days before the meeting")


def test_selecting_a_line_shows_the_working(page):
    page.table.select_row(0)
    text = page.working.toPlainText()
    assert text.startswith("Draft reports due with Democratic Services:\nRule: 7 clear")
    assert "Agenda despatch:\nRule: 5 clear working days" in text
    page.table.select_row(3)  # a reserve date: no item to edit or pull
    assert not page.edit_button.isEnabled() and not page.pull_button.isEnabled()


def test_new_item_goes_under_the_selected_meeting(qtbot, page, services, monkeypatch):
    page.table.select_row(0)
    asked = []

    def ask(parent, services_, committee_id, today, item=None, meeting_id=None):
        asked.append((today, meeting_id))
        return services.agenda_plan.add(PlanItem(None, committee_id, "Opportunity Area Update",
                                                 meeting_id=meeting_id, lead_officer="J Lewis"))

    monkeypatch.setattr(PlanItemDialog, "ask", ask)
    page.new_record()  # what the main window's Ctrl+N calls on the page on show
    assert asked == [(PUBLISHED, page.plan.meetings[0].meeting.id)]
    assert page.selected_line().item.title == "Opportunity Area Update"
    assert row_of(page, "Opportunity Area Update") == 3


def test_plan_an_item_in_the_real_dialog(qtbot, page, monkeypatch):
    def ask(parent, services_, committee_id, today, item=None, meeting_id=None):
        # The real dialog, shown without a nested event loop so the test drives it directly.
        dialog = PlanItemDialog(services_, committee_id, today, item, meeting_id, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.when_combo.setCurrentIndex(dialog.when_combo.count() - 1)  # another date
        assert dialog.date_edit.isEnabled()
        dialog.date_edit.setDate(to_qdate(date(2019, 9, 24)))
        qtbot.keyClicks(dialog.title_edit, "Youth Justice Plan")
        qtbot.keyClicks(dialog.officer_edit, "S Ferguson")
        assert not dialog.reference_edit.isEnabled()
        dialog.key_check.setChecked(True)
        qtbot.keyClicks(dialog.reference_edit, "2019/061")
        dialog.council_check.setChecked(True)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(PlanItemDialog, "ask", ask)
    page.new_record()
    line = page.selected_line()
    assert line.item.marked_title == "Youth Justice Plan *"
    assert line.item.reference == "2019/061" and line.item.lead_officer == "S Ferguson"
    assert not line.group.confirmed and line.group.day == date(2019, 9, 24)
    assert column_texts(page.model, columns.DATE)[row_of(page, "Youth Justice Plan *")] == \
        "[Tue 24 Sep 2019] Provisional Meeting"


def test_move_with_ctrl_down_and_pull_onto_the_agenda(qtbot, page, services):
    first = row_of(page, "Free School Proposals")
    page.table.setFocus()
    page.table.select_row(first)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert row_of(page, "Free School Proposals") == first + 1
    assert page.selected_line().item.title == "Free School Proposals"
    qtbot.keyClick(page.table, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    line = page.selected_line()
    assert line.item.moved
    assert column_texts(page.model, columns.STATE)[first + 1] == "On the agenda"
    assert [i.title for i in services.agenda.items(line.group.meeting.id)] == [
        "Free School Proposals"]
    assert not page.pull_button.isEnabled()


def test_pulling_a_provisional_item_says_to_schedule_the_meeting(page, services, shown_errors):
    committee_id = page.committee_id()
    services.agenda_plan.add(PlanItem(None, committee_id, "Youth Justice Plan",
                                      planned_date=date(2019, 9, 24)))
    page.refresh()
    page.table.select_row(row_of(page, "Youth Justice Plan"))
    page.pull_selected()
    assert "schedule it on the Meetings page" in shown_errors[0].message


def test_delete_asks_first(qtbot, page, services, answer_delete):
    asked = answer_delete(True)
    page.table.setFocus()
    page.table.select_row(row_of(page, "Post 16 Education"))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == [("the planned item 'Post 16 Education'", [])]
    assert "Post 16 Education" not in column_texts(page.model, columns.ITEM)


def test_export_word(page, tmp_path, monkeypatch):
    target = tmp_path / "plan"
    monkeypatch.setattr(agenda_plan_page, "ask_save_path", lambda parent, suggested, fmt: target)
    messages = []
    page.message.connect(messages.append)
    page.export("docx")
    written = target.with_name("plan.docx")
    assert messages == [f"Wrote {written}."]
    document = docx.Document(str(written))
    assert document.paragraphs[1].text == "Published 1 July 2019"


def test_edit_opens_the_selected_item(page, services, monkeypatch):
    page.table.select_row(0)
    selected = page.selected_line().item
    asked = []

    def ask(parent, services_, committee_id, today, item=None, meeting_id=None):
        asked.append(item)
        return services.agenda_plan.update(replace(item, lead_officer="H Belchamber/ J Lewis"))

    monkeypatch.setattr(PlanItemDialog, "ask", ask)
    page.edit_record()
    assert asked == [selected]
    assert column_texts(page.model, columns.OFFICER)[0] == "H Belchamber/ J Lewis"
