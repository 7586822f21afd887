"""The shared table model and proxy, the entity models, and UK date formatting."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt

from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.membership import Role
from clerkdesk.domain.people import PersonKind
from clerkdesk.ui.formatting import meeting_time, term_text
from clerkdesk.ui.models import people_model
from clerkdesk.ui.models.membership_model import CommitteeMembershipModel, RoleHeading
from clerkdesk.ui.models.people_model import PeopleTableModel
from clerkdesk.ui.models.table_model import OBJECT_ROLE, RecordFilterProxy
from tests.ui.helpers import column_texts


def people_proxy(people):
    model = PeopleTableModel()
    model.set_records(people)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_meeting_times_are_written_uk_style_on_the_london_clock():
    assert meeting_time(london_datetime(date(2019, 7, 9), 14)) == "Tue 09 Jul 2019 14:00"
    # Stored in UTC, shown in London summer time.
    assert meeting_time(datetime(2019, 7, 9, 13, 0, tzinfo=UTC)) == "Tue 09 Jul 2019 14:00"
    assert meeting_time(datetime(2019, 12, 3, 19, 30, tzinfo=UTC)) == "Tue 03 Dec 2019 19:30"


def test_terms_read_naturally_with_and_without_an_end():
    assert term_text(date(2019, 5, 14), None) == "from 14 May 2019"
    assert term_text(date(2019, 5, 14), date(2020, 5, 11)) == "14 May 2019 – 11 May 2020"


def test_people_sort_by_surname_then_forenames_whatever_the_load_order(make):
    zoe = make.person(forenames="Zoe", surname="Adams")
    amy = make.person(forenames="Amy", surname="Baker")
    abe = make.person(forenames="Abe", surname="Adams")
    _model, proxy = people_proxy([amy, zoe, abe])
    proxy.sort(people_model.NAME, Qt.SortOrder.AscendingOrder)
    assert column_texts(proxy, people_model.NAME) == ["Adams, Abe", "Adams, Zoe", "Baker, Amy"]


def test_search_needs_every_word_and_predicates_combine(make):
    simon = make.person(forenames="Simon", surname="Bywater", political_group="Conservative")
    sally = make.person(forenames="Sally", surname="Hoy", political_group="Labour")
    officer = make.person(kind=PersonKind.OFFICER, forenames="Simon", surname="Clerk",
                          title="Mr", post="Democratic Services Officer")
    _model, proxy = people_proxy([simon, sally, officer])

    proxy.set_search_text("simon bywater")  # the full name, though the row shows "Bywater, Simon"
    assert [proxy.record_at(r) for r in range(proxy.rowCount())] == [simon]
    proxy.set_search_text("simon")
    assert proxy.rowCount() == 2
    proxy.set_predicate("kind", lambda p: p.kind is PersonKind.OFFICER)
    assert [proxy.record_at(r) for r in range(proxy.rowCount())] == [officer]
    proxy.set_predicate("kind", None)
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_committee_membership_is_grouped_under_a_heading_per_role(make):
    committee = make.committee()
    chair = make.membership(committee=committee, role=Role.CHAIR, chair_title="Chairman")
    member_a = make.membership(committee=committee)
    member_b = make.membership(committee=committee)
    people = make.services.people.list()
    model = CommitteeMembershipModel()
    model.set_memberships(make.services.memberships.for_committee(committee.id), people)

    assert model.heading_rows() == [0, 2]
    assert model.index(0, 0).data() == "Chair (1)"
    assert model.index(2, 0).data() == "Members (2)"
    assert model.index(1, 1).data() == "Chairman"
    assert model.index(1, 0).data(OBJECT_ROLE) == chair
    assert {m.id for m in model.memberships()} == {chair.id, member_a.id, member_b.id}
    # A heading is not a record: it cannot be selected and carries no object.
    assert model.index(0, 0).data(OBJECT_ROLE) is None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert isinstance(model.record_at(0), RoleHeading)
