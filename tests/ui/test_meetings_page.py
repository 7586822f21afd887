"""The meetings page: UK dates, committee and date-range filters, add/edit/delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerkdesk.domain.meetings import MeetingStatus, london_datetime
from clerkdesk.ui.dialogs.meeting_dialog import MeetingDialog
from clerkdesk.ui.formatting import to_qdate
from clerkdesk.ui.models import meeting_model
from clerkdesk.ui.pages.meetings_page import MeetingsPage
from clerkdesk.ui.widgets.combos import select_value
from tests.ui.helpers import column_texts


def shown_meetings(page):
    return [page.proxy.record_at(row) for row in range(page.proxy.rowCount())]


def test_meetings_are_listed_in_date_order_in_uk_style(make_page, context, make):
    committee = make.committee(name="Adults Committee", default_venue="Shire Hall")
    make.meeting(committee=committee, start=london_datetime(date(2019, 12, 3), 10))
    make.meeting(committee=committee, start=london_datetime(date(2019, 7, 9), 14))
    page = make_page(MeetingsPage, context)
    page.set_filters()  # no filters: the factories' meetings are years before "today"
    assert column_texts(page.proxy, meeting_model.START) == [
        "Tue 09 Jul 2019 14:00", "Tue 03 Dec 2019 10:00"]
    assert column_texts(page.proxy, meeting_model.COMMITTEE) == ["Adults Committee"] * 2
    assert column_texts(page.proxy, meeting_model.VENUE) == ["Shire Hall"] * 2


def test_the_list_starts_at_the_current_municipal_year(make_page, demo_context):
    page = make_page(MeetingsPage, demo_context)
    assert page.from_edit.value() == date(2026, 5, 12)  # the demo's annual meeting
    assert page.to_edit.value() is None
    shown = shown_meetings(page)
    assert shown and all(m.date >= date(2026, 5, 12) for m in shown)


def test_filtering_by_committee_and_date_range(make_page, demo_context):
    services = demo_context.services
    page = make_page(MeetingsPage, demo_context)
    cyp = services.committees.by_code("CYP")

    select_value(page.committee_combo, cyp.id)  # as the clerk picks it: reloads at once
    expected = services.meetings.search(cyp.id, date(2026, 5, 12))
    assert {m.id for m in shown_meetings(page)} == {m.id for m in expected}
    assert set(column_texts(page.proxy, meeting_model.COMMITTEE)) == {cyp.name}

    page.from_edit.date_edit.setDate(to_qdate(date(2026, 9, 1)))
    page.to_edit.none_check.setChecked(False)
    page.to_edit.date_edit.setDate(to_qdate(date(2026, 12, 31)))
    shown = shown_meetings(page)
    expected = services.meetings.search(cyp.id, date(2026, 9, 1), date(2026, 12, 31))
    assert len(expected) >= 2
    assert {m.id for m in shown} == {m.id for m in expected}
    assert all(date(2026, 9, 1) <= m.date <= date(2026, 12, 31) for m in shown)

    page.committee_combo.setCurrentIndex(0)  # all committees
    page.from_edit.none_check.setChecked(True)
    page.to_edit.none_check.setChecked(True)
    assert page.proxy.rowCount() == len(services.meetings.search())


def test_a_new_meeting_starts_with_the_filtered_committee(make_page, context, make,
                                                          monkeypatch):
    committee = make.committee()
    page = make_page(MeetingsPage, context)
    page.set_filters(committee_id=committee.id)
    asked = []

    def fake_ask(parent, services, committee_id=None, day=None):
        asked.append((committee_id, day))
        return make.meeting(committee=committee, start=london_datetime(date(2019, 7, 9), 14))

    monkeypatch.setattr(MeetingDialog, "ask", fake_ask)
    page.new_record()
    assert asked == [(committee.id, context.today())]
    assert page.selected_record().start == london_datetime(date(2019, 7, 9), 14)


def test_editing_a_meeting_updates_its_row(make_page, context, make, monkeypatch):
    meeting = make.meeting()
    page = make_page(MeetingsPage, context)
    page.set_filters()
    page.select_id(meeting.id)
    monkeypatch.setattr(
        MeetingDialog, "ask",
        lambda parent, services, m: services.meetings.update(
            replace(m, status=MeetingStatus.CANCELLED)),
    )
    page.edit_record()
    assert column_texts(page.proxy, meeting_model.STATUS) == ["Cancelled"]


def test_deleting_a_meeting_asks_first(make_page, context, make, answer_delete):
    committee = make.committee(name="Adults Committee")
    meeting = make.meeting(committee=committee, start=london_datetime(date(2019, 7, 9), 14))
    page = make_page(MeetingsPage, context)
    page.set_filters()
    page.select_id(meeting.id)
    asked = answer_delete(False)
    page.delete_record()
    assert page.proxy.rowCount() == 1
    asked = answer_delete(True)
    page.delete_record()
    assert asked == [("the Adults Committee meeting on Tue 09 Jul 2019 14:00", [])]
    assert page.proxy.rowCount() == 0
    assert context.services.meetings.search() == []
