"""The person dialog, driven field by field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ValidationError
from clerkdesk.ui.dialogs.person_dialog import PersonDialog
from clerkdesk.ui.widgets.combos import select_value


def open_dialog(qtbot, services, person=None):
    dialog = PersonDialog(services, person)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def test_a_new_councillor_is_saved_with_every_field(qtbot, services):
    dialog = open_dialog(qtbot, services)
    dialog.title_combo.setCurrentText("Councillor")
    qtbot.keyClicks(dialog.forenames_edit, "Simon")
    qtbot.keyClicks(dialog.surname_edit, "Bywater")
    qtbot.keyClicks(dialog.group_edit, "Conservative")
    qtbot.keyClicks(dialog.ward_edit, "Sawtry and Stilton")
    qtbot.keyClicks(dialog.email_edit, "simon.bywater@example.gov.uk")
    qtbot.keyClicks(dialog.telephone_edit, "01234 567890")
    click_save(qtbot, dialog)

    assert dialog.result() == PersonDialog.DialogCode.Accepted
    [saved] = services.people.list()
    assert saved == dialog.saved
    assert (saved.kind, saved.title, saved.full_name) == (
        PersonKind.COUNCILLOR, "Councillor", "Simon Bywater")
    assert saved.political_group == "Conservative"
    assert saved.ward == "Sawtry and Stilton"
    assert saved.telephone == "01234 567890"


def test_the_written_forms_are_previewed_as_the_clerk_types(qtbot, services):
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.forenames_edit, "Simon")
    qtbot.keyClicks(dialog.surname_edit, "Bywater")
    assert "In minutes: S Bywater" in dialog.preview_label.text()
    assert "On front sheets: Councillor Simon Bywater" in dialog.preview_label.text()
    assert dialog.minutes_name_edit.placeholderText() == "S Bywater"
    qtbot.keyClicks(dialog.minutes_name_edit, "Cllr Bywater")
    assert "In minutes: Cllr Bywater" in dialog.preview_label.text()


def test_an_edit_starts_from_the_record_and_updates_it(qtbot, services, make):
    officer = make.person(kind=PersonKind.OFFICER, title="Mr", forenames="Jon",
                          surname="Prest", post="Democratic Services Officer")
    dialog = open_dialog(qtbot, services, officer)
    assert dialog.kind_combo.currentData() == PersonKind.OFFICER.value
    assert dialog.post_edit.text() == "Democratic Services Officer"
    dialog.post_edit.clear()
    qtbot.keyClicks(dialog.post_edit, "Senior Democratic Services Officer")
    click_save(qtbot, dialog)
    assert services.people.get(officer.id).post == "Senior Democratic Services Officer"


def test_every_problem_is_shown_and_the_dialog_keeps_what_was_typed(
    qtbot, services, shown_errors
):
    dialog = open_dialog(qtbot, services)
    select_value(dialog.kind_combo, PersonKind.OFFICER.value)
    qtbot.keyClicks(dialog.forenames_edit, "Jonathan")
    qtbot.keyClicks(dialog.email_edit, "not-an-address")
    click_save(qtbot, dialog)

    [error] = shown_errors
    assert isinstance(error, ValidationError)
    assert len(error.problems) == 3  # no surname, no '@', an officer without a post
    assert dialog.isVisible()
    assert dialog.saved is None
    assert dialog.forenames_edit.text() == "Jonathan"
    assert dialog.email_edit.text() == "not-an-address"
    assert services.people.list() == []
