"""The delete confirmation names the record and what goes with it; Cancel is the default."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

# Bound at import, before the conftest makes unexpected confirmations fail the test.
from clerkdesk.ui.dialogs.confirm import ask_delete as real_ask_delete


@pytest.fixture
def boxes(monkeypatch):
    """Each QMessageBox instead of showing it; it 'clicks' the button named in .answer."""
    shown = []

    def fake_exec(box):
        shown.append(box)
        for button in box.buttons():
            if button.text() == fake_exec.answer:
                button.click()
        return 0

    fake_exec.answer = "Delete"
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return fake_exec


def test_the_delete_button_answers_yes(qapp, boxes):
    assert real_ask_delete(None, "Councillor Simon Bywater", ["2 committee membership(s)"])


def test_the_text_lists_consequences_and_cancel_is_default(qapp, monkeypatch):
    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["informative"] = box.informativeText()
        seen["default"] = box.defaultButton().text()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert not real_ask_delete(None, "the Audit Committee (AUD)", ["12 membership(s)"])
    assert seen["text"] == "Delete the Audit Committee (AUD)?"
    assert "• 12 membership(s)" in seen["informative"]
    assert "cannot be undone" in seen["informative"]
    assert seen["default"] == "Cancel"


def test_cancel_answers_no(qapp, boxes):
    boxes.answer = "Cancel"
    assert not real_ask_delete(None, "the meeting", [])
