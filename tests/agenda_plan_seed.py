"""The CCC 2019 agenda plan (seed 000 lines 4960-5027) entered through the services."""

from __future__ import annotations

from datetime import date

from clerkdesk.domain.agenda_plan import PlanItem
from clerkdesk.domain.meetings import london_datetime

VENUE = "Council Chamber. The Grange, Nutholt Lane, Ely CB7 4EE"
PUBLISHED = date(2019, 7, 1)
# (meeting date, [(item, lead officer, key decision reference or "")]); None: reserve date
SEED_PLAN = [
    ("2019-07-09", [("Free School Proposals", "H Belchamber", ""),
                    ("Service Director's Report: Education", "J Lewis", ""),
                    ("Children's Service Annual Feedback Report 2018/19",
                     "L Williams/ J Shickell", "")]),
    ("2019-08-13", None),
    ("2019-09-10", [("Maintained Nursery School Review", "H Belchamber", "2019/006"),
                    ("Abbey College: Feasibility Study", "H Belchamber", "2019/053")]),
    ("2019-10-08", [("Post 16 Education", "J Lewis", "")]),
    ("2019-11-12", [("Free School Proposals", "H Belchamber", "")]),
    ("2019-12-04", [("Schools Funding Formula: Update", "J Lee", "")]),
    ("2020-01-21", [("Schools Funding Formula Approval", "J Lee", "2020/004")]),
    ("2020-02-18", None),
    ("2020-03-10", [("Placement sufficiency for Children in Care - Update Report",
                     "L Williams", "")]),
    ("2020-04-21", None),
    ("2020-05-26", [("Notification of the Appointment of the Chairman/ Chairwoman and Vice "
                     "Chairman/ Chairwoman", "Democratic Services", "")]),
]
# domain.md §8.3: (meeting, draft reports, despatch); the seed's year typos corrected.
SEED_DEADLINES = [
    ("09/07/19", "27/06/19", "01/07/19"), ("13/08/19", "01/08/19", "05/08/19"),
    ("10/09/19", "29/08/19", "02/09/19"), ("08/10/19", "26/09/19", "30/09/19"),
    ("12/11/19", "31/10/19", "04/11/19"), ("04/12/19", "22/11/19", "26/11/19"),
    ("21/01/20", "09/01/20", "13/01/20"), ("18/02/20", "06/02/20", "10/02/20"),
    ("10/03/20", "27/02/20", "02/03/20"), ("21/04/20", "07/04/20", "09/04/20"),
    ("26/05/20", "13/05/20", "15/05/20"),
]


def enter_seed_plan(services, make):
    """The committee, its meetings, reserve dates and planned items; returns the committee."""
    make.council(name="Cambridgeshire County Council")
    committee = make.committee(name="Children and Young People Policy and Service Committee",
                               code="CYP", default_venue=VENUE)
    for day_text, items in SEED_PLAN:
        day = date.fromisoformat(day_text)
        if items is None:
            services.agenda_plan.add_reserve_date(committee.id, day)
            continue
        meeting = make.meeting(committee=committee, start=london_datetime(day, 14))
        for title, officer, reference in items:
            services.agenda_plan.add(PlanItem(
                None, committee.id, title, meeting_id=meeting.id, lead_officer=officer,
                key_decision=bool(reference), reference=reference))
    return committee
