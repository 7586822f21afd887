"""The committee dialog, its clerk list and its standing items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.committees import (
    CommitteeKind,
    NumberingScheme,
    StandingItemKind,
    cambridgeshire_standing_items,
)
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.committee_dialog import CommitteeDialog
from clerkdesk.ui.models.standing_items_model import KIND, TITLE
from clerkdesk.ui.widgets.combos import select_value


def open_dialog(qtbot, services, committee=None):
    dialog = CommitteeDialog(services, committee)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_new_committee_is_saved_with_its_clerk_and_standing_items(qtbot, services, make):
    clerk = make.person(kind=PersonKind.OFFICER, title="Mr", forenames="Jon", surname="Prest",
                        post="Democratic Services Officer")
    make.person()  # a councillor: never offered as clerk
    dialog = open_dialog(qtbot, services)
    assert dialog.clerk_combo.count() == 2  # "(no clerk yet)" and the one officer
    qtbot.keyClicks(dialog.name_edit, "Audit and Accounts Committee")
    qtbot.keyClicks(dialog.code_edit, "AAC")
    select_value(dialog.kind_combo, CommitteeKind.COMMITTEE.value)
    select_value(dialog.numbering_combo, NumberingScheme.RESET_EACH_YEAR.value)
    dialog.next_number_spin.setValue(1)
    qtbot.keyClicks(dialog.venue_edit, "Council Chamber")
    select_value(dialog.clerk_combo, clerk.id)
    click_save(qtbot, dialog)

    saved = services.committees.by_code("AAC")
    assert saved.name == "Audit and Accounts Committee"
    assert saved.numbering is NumberingScheme.RESET_EACH_YEAR
    assert saved.default_venue == "Council Chamber"
    assert saved.clerk_id == clerk.id
    assert saved.standing_items == cambridgeshire_standing_items()


def test_standing_items_can_be_added_edited_moved_and_removed(qtbot, services):
    dialog = open_dialog(qtbot, services)
    editor = dialog.standing_items_editor
    model = editor.model
    editor.table.setCurrentIndex(model.index(3, TITLE))  # Petitions, the last one
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 5
    model.setData(model.index(4, TITLE), "Forward Agenda Plan")
    model.setData(model.index(4, KIND), StandingItemKind.AGENDA_PLAN.value)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    editor.table.setCurrentIndex(model.index(0, TITLE))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)

    items = editor.items()
    assert [item.title for item in items] == [
        "Minutes of the previous meeting", "Action Log", "Forward Agenda Plan", "Petitions"]
    assert items[2].kind is StandingItemKind.AGENDA_PLAN
    assert items[2].section == "CONSTITUTIONAL MATTERS"  # joins the section it was added in


def test_a_duplicate_code_is_refused_and_the_dialog_keeps_its_input(
    qtbot, services, make, shown_errors
):
    existing = make.committee(code="CYP")
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.name_edit, "Children's Panel")
    qtbot.keyClicks(dialog.code_edit, "CYP")
    click_save(qtbot, dialog)

    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert existing.name in error.message
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "Children's Panel"
    assert len(services.committees.list()) == 1


def test_an_edit_starts_from_the_record(qtbot, services, make):
    committee = make.committee(name="Planning Committee", code="PLAN", next_minute_number=42)
    dialog = open_dialog(qtbot, services, committee)
    assert dialog.windowTitle() == "Edit committee"
    assert dialog.next_number_spin.value() == 42
    dialog.name_edit.setText("Planning and Regulation Committee")
    click_save(qtbot, dialog)
    assert services.committees.get(committee.id).name == "Planning and Regulation Committee"
