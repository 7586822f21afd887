"""Agendas for the demo council: standing items, reports with appendices, an exempt
appendix and a late item, so a new user can build an agenda pack at once."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.demo.reports import DemoReport, report_pdf
from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, numbered
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.meetings import MeetingStatus


@dataclass(frozen=True)
class PlannedReport:
    section: str
    title: str
    author: str
    pages: int
    appendices: tuple[tuple[str, int, int | None], ...] = ()  # (title, pages, exempt para)
    key_decision_ref: str = ""
    education: bool = False
    late_reason: str = ""


CYP_REPORTS = (
    PlannedReport("DECISIONS", "Schools Capital Programme 2027-32", "Service Director – Education",
                  14, (("Programme summary", 6, None), ("Site acquisition terms", 4, 3)),
                  key_decision_ref="KD2026/031", education=True),
    PlannedReport("DECISIONS", "Free School Proposals", "Service Director – Education", 10,
                  (("Consultation responses", 8, None),), education=True),
    PlannedReport("DECISIONS", "Home to School Transport Policy", "Service Director – Education",
                  22, (("Equality impact assessment", 6, None),), education=True),
    PlannedReport("INFORMATION AND MONITORING REPORTS",
                  "Service Director's Report - Children and Safeguarding",
                  "Executive Director, People and Communities", 30),
    PlannedReport("INFORMATION AND MONITORING REPORTS",
                  "Children's Services Annual Feedback Report 2025-26",
                  "Head of Service – Children's Commissioning", 16),
    PlannedReport("DECISIONS", "Finance and Performance Report",
                  "Strategic Finance Business Partner", 40,
                  (("Performance indicators", 12, None),)),
    PlannedReport("DECISIONS", "Emergency Accommodation for Care Leavers",
                  "Head of Service – Children's Commissioning", 8,
                  late_reason="The provider's offer expires before the next meeting, and a "
                  "decision is needed to keep placements open."),
)

SHORT_REPORTS = (
    PlannedReport("DECISIONS", "Finance and Performance Report",
                  "Strategic Finance Business Partner", 12),
    PlannedReport("INFORMATION AND MONITORING REPORTS", "Annual Service Update",
                  "Executive Director, People and Communities", 8),
)


class DemoAgendas:
    def __init__(self, services, committees: dict, today):
        self.s = services
        self.committees = committees
        self.today = today
        self.names = {c.id: c.name for c in committees.values()}

    def build(self) -> None:
        with tempfile.TemporaryDirectory(prefix="clerkdesk-demo-") as folder:
            self.folder = Path(folder)
            for code, committee in self.committees.items():
                meetings = [m for m in self.s.meetings.search(committee_id=committee.id)
                            if m.status is not MeetingStatus.CANCELLED]
                held = [m for m in meetings if m.date < self.today]
                upcoming = [m for m in meetings if m.date >= self.today]
                reports = CYP_REPORTS if code == "CYP" else SHORT_REPORTS
                chosen = held[-1:] + upcoming[:1]
                for meeting in chosen:
                    self._agenda(meeting, reports)

    def _agenda(self, meeting, reports) -> None:
        standing = {item.title: item for item in self.s.agenda.create_standing_items(meeting.id)}
        for planned in reports:
            # A standing item such as the Finance and Performance Report carries its report.
            item = standing.get(planned.title) or self.s.agenda.add_item(AgendaItem(
                None, meeting.id, planned.title, planned.section, lead_officer=planned.author,
                key_decision=bool(planned.key_decision_ref),
                forward_plan_ref=planned.key_decision_ref, education_matter=planned.education,
                late=bool(planned.late_reason), urgency_reason=planned.late_reason,
            ))
            number = next(n for n, i in numbered(self.s.agenda.items(meeting.id))
                          if i.id == item.id)
            self._attach(meeting, item, planned.title, planned.author, planned.pages, number)
            for index, (title, pages, exempt) in enumerate(planned.appendices, start=1):
                self._attach(meeting, item, title, planned.author, pages, number, index, exempt)

    def _attach(self, meeting, item, title, author, pages, number, appendix=0, exempt=None):
        report = DemoReport(
            title=title if not appendix else f"{item.title}: {title}",
            committee=self.names[meeting.committee_id],
            meeting_date=format_long_date(meeting.date),
            author_post=author,
            purpose=f"To present {title.lower()} to the Committee.",
            item_number=number, pages=pages, appendix=appendix, exempt_paragraph=exempt,
        )
        path = self.folder / f"m{meeting.id}-i{item.id}-a{appendix}.pdf"
        path.write_bytes(report_pdf(report))
        access = Access(AccessLevel.EXEMPT, exempt, "The terms are commercially sensitive "
                        "while negotiations continue.") if exempt else Access()
        label = f"Appendix {appendix}: {title}" if appendix else item.title
        role = DocumentRole.APPENDIX if appendix else DocumentRole.REPORT
        self.s.agenda.attach(item.id, path, label, role, access,
                             inspect=lambda _path: (pages, True, [], []))


URGENT_REPORTS = (
    PlannedReport("DECISIONS", "Care Home Fee Rates 2027-28",
                  "Service Director – Adults and Safeguarding", 6),
)


def build_demo_agendas(services, committees: dict, today) -> None:
    DemoAgendas(services, committees, today).build()


def build_demo_agenda(services, committees: dict, today, meeting, reports=URGENT_REPORTS):
    """One meeting's agenda (standing items and ``reports``), e.g. an extraordinary one."""
    builder = DemoAgendas(services, committees, today)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-demo-") as folder:
        builder.folder = Path(folder)
        builder._agenda(meeting, reports)
