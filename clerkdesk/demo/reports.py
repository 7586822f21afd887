"""Realistic, multi-page report PDFs for the demo council's agendas (domain.md §10.1 layout).

Generated with ReportLab from fixed text, so the demo is reproducible and needs no files
from outside. Each report carries words of its own (its title, its purpose, its paragraph
numbers), so a search of a public pack can tell whether an exempt report leaked into it.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

IMPLICATIONS = (
    "Resource Implications",
    "Procurement/Contractual/Council Contract Procedure Rules Implications",
    "Statutory, Legal and Risk Implications",
    "Equality and Diversity Implications",
    "Engagement and Communications Implications",
    "Localism and Local Member Involvement",
    "Public Health Implications",
)

SENTENCES = (
    "The service has continued to respond to rising demand across the county.",
    "Officers have worked with schools, health partners and the voluntary sector.",
    "Performance against the agreed indicators is set out in the table below.",
    "Members asked at the previous meeting for further detail on this area.",
    "The budget position remains under close review by the finance team.",
    "Consultation with families and young people took place over the summer.",
    "Risks are recorded in the directorate risk register and reviewed monthly.",
    "The proposals align with the council's priorities for communities.",
    "Progress has been slower in rural areas, where travel times are longer.",
    "A further update will be brought to the committee in the spring.",
)

# Exempt appendices talk about their own business (paragraph 3: financial affairs), so
# nothing in them is shared with the public reports and the leak check has no false alarm.
EXEMPT_SENTENCES = (
    "The vendor has indicated an asking price of £1,240,000 for the Mill Lane site.",
    "Heads of terms include an overage clause of 35 per cent for fifteen years.",
    "The district valuer's opinion of market value is £1,105,000 as at 1 September.",
    "Legal advice is that the option agreement can be exercised before 31 March.",
    "The landowner's agent has asked for exclusivity until the end of January.",
    "Abnormal costs for drainage and access are estimated at £186,500.",
)


@dataclass(frozen=True)
class DemoReport:
    title: str
    committee: str
    meeting_date: str
    author_post: str
    purpose: str
    item_number: int
    pages: int = 4
    appendix: int = 0  # 0 for the report itself, n for "Appendix n"
    exempt_paragraph: int | None = None


def _styles():
    styles = getSampleStyleSheet()
    return styles["Title"], styles["Heading2"], styles["BodyText"]


def _cover(report: DemoReport, heading, body) -> list:
    label = f"Agenda Item No: {report.item_number}"
    if report.appendix:
        label += f" – Appendix {report.appendix}"
    rows = [
        ["To:", report.committee],
        ["Meeting Date:", report.meeting_date],
        ["From:", report.author_post],
        ["Electoral division(s):", "All"],
        ["Forward Plan ref:", "Not applicable"],
        ["Key decision:", "No"],
        ["Purpose:", Paragraph(report.purpose, body)],
        ["Recommendation:", Paragraph("The Committee is recommended to note and comment on "
                                      "the report.", body)],
    ]
    story = []
    if report.exempt_paragraph:
        story.append(Paragraph(
            f"<b>NOT FOR PUBLICATION</b> by virtue of paragraph {report.exempt_paragraph} of "
            "Part 1 of Schedule 12A to the Local Government Act 1972", body))
    story += [
        Paragraph(label, body),
        Paragraph(report.title.upper(), heading),
        Table(rows, colWidths=[45 * mm, 120 * mm], hAlign="LEFT"),
        Spacer(1, 6 * mm),
    ]
    return story


def report_pdf(report: DemoReport) -> bytes:
    """A report of exactly ``report.pages`` pages: cover, body sections, implications."""
    title_style, heading, body = _styles()
    rng = random.Random(f"{report.title}/{report.appendix}")
    pool = EXEMPT_SENTENCES if report.exempt_paragraph else SENTENCES
    story = _cover(report, title_style, body)
    sections = ["BACKGROUND", "MAIN ISSUES", "ALIGNMENT WITH CORPORATE PRIORITIES"]
    for page in range(1, report.pages):
        story.append(PageBreak())
        section = sections[(page - 1) % len(sections)]
        story.append(Paragraph(f"{page}. {section}", heading))
        for paragraph in range(1, 5):
            text = " ".join(rng.choice(pool) for _ in range(4))
            story.append(Paragraph(f"{page}.{paragraph} {text} ({report.title})", body))
        if page == report.pages - 1:
            story.append(Paragraph(f"{page + 1}. SIGNIFICANT IMPLICATIONS", heading))
            for number, name in enumerate(IMPLICATIONS[: 0 if report.exempt_paragraph else 3],
                                          start=1):
                story.append(Paragraph(f"{page + 1}.{number} {name}: There are no significant "
                                       "implications within this category.", body))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, title=report.title, author=report.author_post,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
    ).build(story)
    return buffer.getvalue()
