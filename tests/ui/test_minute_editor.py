"""The minute editor: autosave (read back through a second connection to the file), the
resolution, actions, votes with eligibility warnings, and the declarations panel."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from clerkdesk.domain.attendance import Presence
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.domain.voting import Choice
from clerkdesk.errors import LockedError, ValidationError
from clerkdesk.ui.dialogs.declaration_dialog import DeclarationDialog
from clerkdesk.ui.models.declaration_model import ITEM, NATURE, SENSITIVE_NATURE
from clerkdesk.ui.models.minutes_model import CHOICE, ELIGIBILITY, NO_VOTE, VOTER
from clerkdesk.ui.widgets import minute_editor
from clerkdesk.ui.widgets.declarations_panel import DeclarationsPanel
from clerkdesk.ui.widgets.minute_editor import MinuteEditor
from clerkdesk.ui.widgets.votes_panel import VotesPanel
from tests.services.test_minutes_fixtures import build_cyp
from tests.ui.helpers import column_texts

HOUSING = "Housing Related Support Services"


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: QTest cannot type a newline, so Return is pressed for one."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def stored(db_path, minute_id: int, column: str = "body"):
    """What the file holds now, read through a connection of its own (not the app's)."""
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(f"SELECT {column} FROM minutes WHERE id = ?",
                                  (minute_id,)).fetchone()[0]


@pytest.fixture
def cyp(services, make):
    built = build_cyp(services, make)
    built.mark_may_attendance()
    services.minutes.create_from_agenda(built.may.id)
    return built


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def editor(qtbot, services, cyp):
    widget = show(qtbot, MinuteEditor(services))
    widget.set_minute(cyp.minute_for(HOUSING), read_only=False)
    return widget


def housing_id(cyp) -> int:
    return cyp.minute_for(HOUSING).id


# -- autosave ----------------------------------------------------------------------------------


def test_typing_is_saved_after_a_pause_without_pressing_anything(qtbot, editor, cyp, db_path):
    minute_id = housing_id(cyp)
    before = stored(db_path, minute_id)
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor.body_edit, "\n\nArising from the report, Members noted:")
    assert stored(db_path, minute_id) == before  # not yet: the clerk is still typing
    assert editor.saved_label.text() == "Editing…"
    expected = before + "\n\nArising from the report, Members noted:"
    qtbot.waitUntil(lambda: stored(db_path, minute_id) == expected, timeout=5000)
    assert editor.saved_label.text().startswith("Saved ")


def test_typing_without_a_pause_is_still_saved_within_seconds(qtbot, services, cyp, db_path,
                                                               monkeypatch):
    # Shorter timers, same rule: the debounce never fires while keys keep coming, so only
    # the maximum wait can save.
    monkeypatch.setattr(minute_editor, "AUTOSAVE_DELAY_MS", 400)
    monkeypatch.setattr(minute_editor, "AUTOSAVE_MAX_WAIT_MS", 900)
    editor = show(qtbot, MinuteEditor(services))
    minute_id = housing_id(cyp)
    services.minutes.save_body(minute_id, "")
    editor.set_minute(services.minutes.get(minute_id), read_only=False)
    for letter in "abcdefghijkl":
        qtbot.keyClicks(editor.body_edit, letter)
        qtbot.wait(150)
    assert stored(db_path, minute_id).startswith("abcde")  # saved while typing went on


def test_resolution_and_unanimous_are_saved(qtbot, editor, cyp, db_path):
    minute_id = housing_id(cyp)
    qtbot.keyClicks(editor.resolution_edit, "to note the report.")
    editor.unanimous_check.setChecked(True)
    qtbot.waitUntil(lambda: stored(db_path, minute_id, "unanimous") == 1, timeout=5000)
    assert stored(db_path, minute_id, "resolution") == "to note the report."


def test_a_new_title_is_saved_and_announced(qtbot, editor, cyp, db_path):
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Housing Related Support")
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        pass
    assert saved.args[0].title == "Housing Related Support"
    assert stored(db_path, housing_id(cyp), "title") == "Housing Related Support"


def test_a_refused_autosave_is_quiet_but_ctrl_s_says_why(qtbot, editor, cyp, db_path,
                                                         shown_errors):
    editor.title_edit.selectAll()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: editor.saved_label.text() == "Not saved", timeout=5000)
    assert shown_errors == []  # no message box in the middle of typing
    assert "needs a title" in editor.saved_label.toolTip()
    assert not editor.save_now(explicit=True)
    assert [type(e) for e in shown_errors] == [ValidationError]
    assert stored(db_path, housing_id(cyp), "title") == HOUSING


def test_read_only_minutes_cannot_be_typed_into(qtbot, services, cyp, db_path):
    editor = show(qtbot, MinuteEditor(services))
    minute = cyp.minute_for(HOUSING)
    editor.set_minute(minute, read_only=True)
    qtbot.keyClicks(editor.body_edit, "Sneaky change")
    assert editor.body_edit.toPlainText() == minute.body
    assert editor.saved_label.text() == "Read only"
    assert editor.save_now()  # nothing to save


def test_approved_elsewhere_the_autosave_is_refused_and_the_text_stays(
        qtbot, editor, services, cyp, db_path, shown_errors):
    minute_id = housing_id(cyp)
    before = stored(db_path, minute_id)
    services.minutes.lifecycle.publish(cyp.may.id)
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)  # as if in another window
    qtbot.keyClicks(editor.body_edit, "Too late")
    with qtbot.waitSignal(editor.locked, timeout=5000):
        pass
    assert [type(e) for e in shown_errors] == [LockedError]
    assert "cannot be changed" in shown_errors[0].message
    assert stored(db_path, minute_id) == before
    assert editor.body_edit.isReadOnly() and editor.body_edit.toPlainText() == before


# -- actions -----------------------------------------------------------------------------------


def test_add_an_action_and_remove_one_placed_in_the_text(qtbot, editor, services, cyp,
                                                         answer_delete):
    panel = editor.actions_panel
    qtbot.keyClicks(panel.post_edit, "Democratic Services Officer")
    qtbot.keyClicks(panel.text_edit, "Circulate the training dates")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Return)
    minute_id = housing_id(cyp)
    [added] = services.minutes.actions.for_minute(minute_id)
    assert (added.responsible, added.text) == ("Democratic Services Officer",
                                               "Circulate the training dates")
    assert panel.text_edit.text() == ""
    # A typed "(Action: ...)" line becomes a stored action with a line in the text.
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor.body_edit, "\n- Members asked for a briefing;\n(Action: Head of "
                                       "Service)")
    editor.save_now()
    services.minutes.actions.adopt_typed(minute_id)
    editor.reload_text()
    panel.reload()
    assert "[[action:" in editor.body_edit.toPlainText()
    assert editor.links_label.text().endswith("prints as (Action: Head of Service).")
    answer_delete(True)
    panel.table.select_row(1)
    panel.remove_action()
    assert "[[action:" not in editor.body_edit.toPlainText()  # the editor shows the new text
    assert editor.links_label.text() == ""
    assert [a.responsible for a in services.minutes.actions.for_minute(minute_id)] == [
        "Democratic Services Officer"]


# -- votes -------------------------------------------------------------------------------------


@pytest.fixture
def votes(qtbot, services, cyp):
    panel = show(qtbot, VotesPanel(services))
    panel.set_minute(cyp.minute_for(HOUSING), read_only=False)
    return panel


def test_record_a_vote_by_counts(qtbot, votes, services, cyp):
    assert votes.eligibility_label.text().startswith("10 members may vote on this item.")
    qtbot.keyClicks(votes.subject_edit, "the recommendations")
    votes.for_spin.setValue(8)
    votes.against_spin.setValue(2)
    qtbot.mouseClick(votes.save_button, Qt.MouseButton.LeftButton)
    [vote] = services.minutes.votes.for_minute(housing_id(cyp))
    assert (vote.subject, vote.for_count, vote.against_count) == ("the recommendations", 8, 2)
    assert column_texts(votes.votes_model, 4) == ["Carried"]


def test_named_vote_warns_about_who_cannot_vote(qtbot, votes, services, cyp, shown_errors):
    services.minutes.attendance.mark(cyp.may.id, cyp.pid("Every"), Presence.REMOTE)
    votes.reload()
    assert "Councillor Lis Every (watched remotely" in votes.eligibility_label.text()
    votes.named_check.setChecked(True)
    model = votes.voters_model
    names = column_texts(model, VOTER)
    every = names.index("Councillor Lis Every")
    assert every == len(names) - 2  # those who cannot vote come last (Vettese has no vote)
    assert column_texts(model, ELIGIBILITY)[every].startswith("Cannot vote: watched remotely")
    model.setData(model.index(every, CHOICE), Choice.FOR.value)
    assert "Councillor Lis Every cannot vote" in votes.warning_label.text()
    votes.save_vote()
    assert "cannot be recorded as voting" in shown_errors[-1].problems[0]
    model.setData(model.index(every, CHOICE), NO_VOTE)
    votes.voters_table.setFocus()
    for row in range(3):
        votes.voters_table.setCurrentIndex(model.index(row, CHOICE))
        qtbot.keyClick(votes.voters_table, Qt.Key.Key_Space)  # "—" -> For
    qtbot.keyClick(votes.voters_table, Qt.Key.Key_Space)  # the third: For -> Against
    assert (votes.for_spin.value(), votes.against_spin.value()) == (2, 1)
    assert not votes.for_spin.isEnabled()  # by name, the names are the counts
    votes.save_vote()
    [vote] = services.minutes.votes.for_minute(housing_id(cyp))
    assert vote.named and (vote.for_count, vote.against_count) == (2, 1)
    assert vote.names_for(Choice.AGAINST) == [model.record_at(2).person_id]


# -- declarations ------------------------------------------------------------------------------


def test_a_declaration_starts_on_the_minutes_item_and_bars_the_vote(qtbot, services, cyp,
                                                                    monkeypatch):
    panel = show(qtbot, DeclarationsPanel(services))
    panel.set_meeting(cyp.may.id, read_only=False)
    free_schools = cyp.item("Free School")
    panel.set_agenda_item(free_schools.id)
    asked = []

    def ask(parent, services_, meeting_id, declaration=None, agenda_item_id=None):
        asked.append(agenda_item_id)
        return services.minutes.declarations.add(Declaration(
            None, meeting_id, cyp.pid("Every"), agenda_item_id,
            InterestType.DISCLOSABLE_PECUNIARY, "a family business", sensitive=True,
            action=DeclarationAction.LEFT_ROOM))

    monkeypatch.setattr(DeclarationDialog, "ask", ask)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert asked == [free_schools.id]
    assert column_texts(panel.model, ITEM) == ["Item 9: Free School Proposals"]
    assert column_texts(panel.model, NATURE) == [SENSITIVE_NATURE]  # never read out on screen
    eligible = services.minutes.votes.eligibility(cyp.minute_for("Free School").id)
    assert not eligible[cyp.pid("Every")].can_vote


def test_read_only_panels_offer_no_changes(qtbot, services, cyp):
    panel = show(qtbot, DeclarationsPanel(services))
    panel.set_meeting(cyp.may.id, read_only=True)
    votes = show(qtbot, VotesPanel(services))
    votes.set_minute(cyp.minute_for(HOUSING), read_only=True)
    assert not panel.add_button.isEnabled()
    assert not votes.save_button.isEnabled() and not votes.subject_edit.isEnabled()
