"""The people page: search, the kind filter, the detail panel, add/edit/delete."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from clerkdesk.domain.people import PersonKind
from clerkdesk.ui.dialogs.person_dialog import PersonDialog
from clerkdesk.ui.models import people_model
from clerkdesk.ui.pages.people_page import PeoplePage
from clerkdesk.ui.widgets.combos import select_value
from tests.ui.helpers import column_texts


def shown_people(page):
    return [page.proxy.record_at(row) for row in range(page.proxy.rowCount())]


def select_surname(page, surname):
    person = next(p for p in page.model.records() if p.surname == surname)
    assert page.select_id(person.id)
    return person


def test_typing_in_search_filters_across_name_group_ward_and_post(qtbot, make_page,
                                                                  demo_context):
    page = make_page(PeoplePage, demo_context)
    everyone = demo_context.services.people.list()
    assert page.proxy.rowCount() == len(everyone) == 61

    qtbot.keyClicks(page.search_edit, "labour")
    labour = [p for p in everyone if p.political_group == "Labour"]
    assert len(labour) > 1
    assert {p.id for p in shown_people(page)} == {p.id for p in labour}
    assert set(column_texts(page.proxy, people_model.GROUP)) == {"Labour"}

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "Lorna Kettleby")  # the full name, shown surname first
    assert column_texts(page.proxy, people_model.NAME) == ["Kettleby, Lorna"]

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "democratic services")  # a post
    assert {p.kind for p in shown_people(page)} == {PersonKind.OFFICER}

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "littleport")  # a ward
    assert column_texts(page.proxy, people_model.WARD) == ["Littleport"]


def test_the_kind_filter_combines_with_the_search(qtbot, make_page, demo_context):
    page = make_page(PeoplePage, demo_context)
    select_value(page.kind_combo, PersonKind.CO_OPTEE.value)
    co_optees = [p for p in demo_context.services.people.list()
                 if p.kind is PersonKind.CO_OPTEE]
    assert {p.id for p in shown_people(page)} == {p.id for p in co_optees}
    qtbot.keyClicks(page.search_edit, "goodhew")
    assert column_texts(page.proxy, people_model.NAME) == ["Goodhew, Judith"]
    page.kind_combo.setCurrentIndex(0)  # all people
    assert page.proxy.rowCount() == 1


def test_the_detail_panel_shows_written_forms_and_every_membership(make_page, demo_context):
    page = make_page(PeoplePage, demo_context)
    select_surname(page, "Kettleby")
    panel = page.details_panel
    assert panel.value_labels["In minutes"].text() == "L Kettleby"
    assert panel.value_labels["On front sheets"].text() == "Councillor Lorna Kettleby"
    assert column_texts(panel.model, 0) == ["Children and Young People Committee",
                                            "Corporate Parenting Sub-Committee"]
    assert column_texts(panel.model, 1) == ["Vice-Chairwoman", "Chairwoman"]
    assert "2 current" in panel.memberships_label.text()

    page.table.clearSelection()
    assert panel.model.rowCount() == 0


def test_a_new_person_is_listed_and_selected(make_page, context, make, monkeypatch):
    make.person(surname="Adams")
    page = make_page(PeoplePage, context)
    monkeypatch.setattr(
        PersonDialog, "ask",
        lambda parent, services: services.people.add(
            replace(make.services.people.list()[0], id=None, forenames="Zed", surname="Zane")),
    )
    page.new_record()
    assert page.proxy.rowCount() == 2
    assert page.selected_record().surname == "Zane"


def test_enter_on_a_row_opens_the_person_for_editing(qtbot, make_page, context, make,
                                                     monkeypatch):
    person = make.person(forenames="Simon", surname="Bywater")
    page = make_page(PeoplePage, context)
    select_surname(page, "Bywater")
    edited = []
    monkeypatch.setattr(PersonDialog, "ask",
                        lambda parent, services, chosen: edited.append(chosen))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert edited == [person]


def test_deleting_a_person_says_what_goes_with_them(make_page, context, make, answer_delete):
    person = make.person(forenames="Simon", surname="Bywater")
    make.membership(person=person)
    make.membership(person=person)
    page = make_page(PeoplePage, context)
    select_surname(page, "Bywater")
    asked = answer_delete(True)
    page.delete_record()
    assert asked == [("Councillor Simon Bywater", ["2 committee membership(s)"])]
    assert "Bywater" not in [p.surname for p in context.services.people.list()]


def test_answering_no_keeps_the_person(make_page, context, make, answer_delete):
    make.person(surname="Bywater")
    page = make_page(PeoplePage, context)
    select_surname(page, "Bywater")
    asked = answer_delete(False)
    page.delete_record()
    assert len(asked) == 1
    assert [p.surname for p in context.services.people.list()] == ["Bywater"]
    assert page.selected_record().surname == "Bywater"
