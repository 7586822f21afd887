"""The attendance grid: marks by keyboard and by list, substitutes, officers, the quorum."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from clerkdesk.domain.attendance import Capacity, Presence
from clerkdesk.errors import LockedError, ValidationError
from clerkdesk.ui.dialogs.attendee_dialog import AttendeeDialog
from clerkdesk.ui.models.attendance_model import (
    DETAILS,
    NAME,
    NOBODY,
    PRESENCE,
    QUORUM,
    ROLE,
    SUBSTITUTE_FOR,
)
from clerkdesk.ui.widgets.attendance_grid import AttendanceGrid
from tests.services.test_minutes_fixtures import build_cyp
from tests.ui.helpers import column_texts


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)


@pytest.fixture
def grid(qtbot, services, cyp):
    widget = AttendanceGrid(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.set_meeting(cyp.may.id, read_only=False)
    return widget


def presence_of(services, cyp, surname):
    return services.minutes.attendance.find(cyp.may.id, cyp.pid(surname)).presence


def select(grid, surname, column=NAME):
    names = column_texts(grid.model, NAME)
    row = next(i for i, name in enumerate(names) if name.endswith(surname))
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(row, column))
    return row


def test_starts_from_the_membership(grid):
    names = column_texts(grid.model, NAME)
    assert names[:2] == ["Councillor Simon Bywater", "Councillor Samantha Hoy"]
    assert "Councillor Mark Goldsack" in names  # a standing substitute, not attending
    presences = column_texts(grid.model, PRESENCE)
    assert presences[names.index("Councillor Mark Goldsack")] == "Not attending"
    assert grid.quorum_label.text().startswith("Not quorate: 0 present, 3 needed")


def test_space_cycles_and_letters_mark(qtbot, grid, services, cyp):
    select(grid, "Bywater")
    qtbot.keyClick(grid.view, Qt.Key.Key_Space)
    assert presence_of(services, cyp, "Bywater") is Presence.PRESENT
    qtbot.keyClick(grid.view, Qt.Key.Key_Space)
    assert presence_of(services, cyp, "Bywater") is Presence.APOLOGIES
    qtbot.keyClick(grid.view, Qt.Key.Key_R)
    assert presence_of(services, cyp, "Bywater") is Presence.REMOTE
    assert grid.selected_row().person_id == cyp.pid("Bywater")  # the row stays selected


def test_a_substitute_is_chosen_from_the_members_who_sent_apologies(qtbot, grid, services,
                                                                     cyp):
    select(grid, "Hay")
    qtbot.keyClick(grid.view, Qt.Key.Key_A)
    row = select(grid, "Goldsack", SUBSTITUTE_FOR)
    grid.view.edit(grid.model.index(row, SUBSTITUTE_FOR))  # what F2 or a double-click does
    combo = grid.view.findChild(QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["(nobody)", "Councillor Anne Hay (apologies)"]
    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # the clerk picks it: saved at once
    qtbot.waitUntil(lambda: column_texts(grid.model, SUBSTITUTE_FOR)[row] ==
                    "Councillor Anne Hay")
    goldsack = services.minutes.attendance.find(cyp.may.id, cyp.pid("Goldsack"))
    assert (goldsack.capacity, goldsack.presence, goldsack.substitute_for_id) == (
        Capacity.SUBSTITUTE, Presence.PRESENT, cyp.pid("Hay"))
    # "(nobody)" takes the substitution back: a standing substitute, not attending again.
    grid.model.setData(grid.model.index(row, SUBSTITUTE_FOR), NOBODY)
    qtbot.waitUntil(lambda: column_texts(grid.model, PRESENCE)[row] == "Not attending")
    with pytest.raises(ValidationError):
        services.minutes.attendance.find(cyp.may.id, cyp.pid("Goldsack"))


def test_someone_watching_remotely_does_not_count_for_the_quorum(qtbot, grid, services, cyp):
    for surname in ("Bywater", "Hoy", "Downes"):
        select(grid, surname)
        qtbot.keyClick(grid.view, Qt.Key.Key_P)
    assert grid.quorum_label.text().startswith("Quorate: 3 present, 3 needed")
    row = select(grid, "Downes")
    qtbot.keyClick(grid.view, Qt.Key.Key_R)
    assert grid.quorum_label.text().startswith("Not quorate: 2 present, 3 needed")
    assert column_texts(grid.model, PRESENCE)[row] == "Watched remotely"
    assert column_texts(grid.model, QUORUM)[row] == "Not counted"
    assert grid.model.index(row, QUORUM).data(Qt.ItemDataRole.ToolTipRole) == (
        "Not counted towards the quorum: watched remotely, so is not present in law.")
    assert column_texts(grid.model, QUORUM)[select(grid, "Bywater")] == "Counted"


def test_mark_the_rest_present_leaves_apologies_alone(qtbot, grid, services, cyp):
    select(grid, "Hay")
    qtbot.keyClick(grid.view, Qt.Key.Key_A)
    qtbot.mouseClick(grid.present_button, Qt.MouseButton.LeftButton)
    marks = {services.people.get(a.person_id).surname: a.presence
             for a in services.minutes.attendance.list(cyp.may.id)}
    assert marks["Hay"] is Presence.APOLOGIES
    assert {marks[s] for s in marks if s != "Hay"} == {Presence.PRESENT}
    assert grid.quorum_label.text().startswith("Quorate: 9 present")


def test_an_officer_is_added_with_their_post_and_removed(qtbot, grid, services, cyp,
                                                         monkeypatch, answer_delete):
    asked = []

    def ask(parent, services_, meeting_id, capacity):
        asked.append(capacity)
        return services.minutes.attendance.add_officer(meeting_id, cyp.pid("Greenhill"))

    monkeypatch.setattr(AttendeeDialog, "ask", ask)
    qtbot.mouseClick(grid.officer_button, Qt.MouseButton.LeftButton)
    assert asked == [Capacity.OFFICER]
    row = grid.model.row_of_person(cyp.pid("Greenhill"))
    assert row == grid.model.rowCount() - 1  # officers after the members and substitutes
    assert column_texts(grid.model, ROLE)[row] == "Officer"
    assert column_texts(grid.model, DETAILS)[row] == "Democratic Services Officer"
    assert grid.selected_row().person_id == cyp.pid("Greenhill")
    assert grid.remove_button.isEnabled()
    questions = answer_delete(True)
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert questions == [("Ms Richenda Greenhill from the attendance", [])]
    assert grid.model.row_of_person(cyp.pid("Greenhill")) is None
    select(grid, "Bywater")
    assert not grid.remove_button.isEnabled()  # members stay; mark them absent instead


def test_approved_minutes_refuse_a_mark_and_say_why(qtbot, services, cyp, shown_errors):
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)
    grid = AttendanceGrid(services)
    qtbot.addWidget(grid)
    grid.show()
    grid.set_meeting(cyp.may.id, read_only=True)
    assert not grid.officer_button.isEnabled() and not grid.present_button.isEnabled()
    select(grid, "Bywater")
    with qtbot.waitSignal(grid.locked):
        qtbot.keyClick(grid.view, Qt.Key.Key_Space)
    assert [type(e) for e in shown_errors] == [LockedError]
    assert presence_of(services, cyp, "Bywater") is Presence.PRESENT
