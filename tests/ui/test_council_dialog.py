"""Council settings, driven through the real dialog, and the council's own templates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from clerkdesk.ui.dialogs.council_dialog import CouncilDialog


def test_a_new_council_is_entered_and_saved(qtbot, services, shown_errors):
    dialog = CouncilDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Testshire County Council")
    dialog.address_edit.setPlainText("Shire Hall\nCastle Hill\nTestbridge")
    dialog.style_combo.setCurrentIndex(dialog.style_combo.findData("city"))
    dialog.year_edit.setDate(QDate(2026, 5, 12))
    qtbot.mouseClick(dialog.add_year_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_year_button, Qt.MouseButton.LeftButton)  # no duplicate
    dialog.paragraph_edits["car_parking"].setPlainText("Parking is limited.")
    dialog.accept()
    assert shown_errors == []
    council = services.council.get()
    assert council.name == "Testshire County Council"
    assert council.address_lines == ["Shire Hall", "Castle Hill", "Testbridge"]
    assert council.document_style == "city"
    assert council.municipal_year_starts == (date(2026, 5, 12),)
    assert council.paragraphs.car_parking == "Parking is limited."


def test_an_empty_name_is_refused_and_the_dialog_keeps_what_was_typed(qtbot, services,
                                                                       shown_errors):
    dialog = CouncilDialog(services)
    qtbot.addWidget(dialog)
    dialog.website_edit.setText("fenshire.gov.uk")
    dialog.accept()
    assert "name must not be empty" in str(shown_errors[0])
    assert "https://" in str(shown_errors[0])
    assert dialog.website_edit.text() == "fenshire.gov.uk"
    assert services.council.get_or_none() is None


def test_copied_templates_are_used_for_the_next_document(qtbot, demo, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    dialog = CouncilDialog(demo)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    folder = demo.council.template_folder()
    template = folder / "html" / "front_sheet_county.html.j2"
    assert template.is_file()
    template.write_text(template.read_text().replace(
        "{% block main %}", "{% block main %}<!-- Fenshire edit -->"))
    meeting = next(m for m in demo.meetings.search() if demo.agenda.items(m.id))
    html = demo.packs.write_front_sheet(meeting.id, "html", tmp_path / "a.html").read_text()
    assert "<!-- Fenshire edit -->" in html
    wording = folder / "text" / "county" / "apologies.txt.j2"
    assert wording.is_file()
