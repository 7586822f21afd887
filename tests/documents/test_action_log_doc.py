"""The action log as Word and PDF, in the layout of the 2019 seed log (domain.md §7.1), read
back from real files; and through LibreOffice where it is installed."""

from __future__ import annotations

import io
from datetime import date
from types import SimpleNamespace

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerkdesk.documents.action_log import (
    COLUMNS,
    NO_ACTIONS,
    render_action_log_docx,
    render_action_log_pdf,
    write_action_log,
)
from clerkdesk.documents.conversion import docx_to_pdf, find_libreoffice
from clerkdesk.domain.action_log import build_action_log
from clerkdesk.domain.actions import ActionStatus
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.errors import ClerkError
from tests.domain.test_actions_log import EARLIER_LOGS, JUL_1, summer_2019_actions

CYP = SimpleNamespace(id=1, name="Children and Young People Committee", code="CYP")
HEADINGS = [
    "Minutes of the meeting on 11 September 2018",
    "Minutes of the meeting on 9 October 2018",
    "Minutes of the meeting on 12 March 2019",
    "Minutes of the meeting on 21 May 2019",
]
PROGRESS_208 = [
    "21.05.19: Date to be confirmed.",
    "01.07.19: Members briefing regarding children in care is being arranged with the "
    "support of the Corporate Parenting Sub Committee.",
]


@pytest.fixture
def summer_log():
    return build_action_log(1, summer_2019_actions(), JUL_1, EARLIER_LOGS, 1)


def word(data: bytes):
    return docx.Document(io.BytesIO(data))


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_word_log_has_the_seed_layout(summer_log):
    document = word(render_action_log_docx(summer_log, CYP, JUL_1))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styled[:2] == [("Title", "CHILDREN AND YOUNG PEOPLE COMMITTEE"),
                          ("Heading 1", "Minutes-Action Log")]
    assert styled[2][1] == (
        "Introduction: This log captures the actions arising from Children and Young People "
        "Committee meetings and updates Members on progress. It was last updated on 1 July 2019.")
    assert [text for style, text in styled if style == "Heading 2"] == HEADINGS
    assert len(document.tables) == 4  # one per meeting, no merged heading rows
    rows = [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]
    for table in rows:
        assert table[0] == list(COLUMNS)
    assert rows[0][1] == [
        "139.",
        "Recommissioning of Young Carers Services across Cambridgeshire and Peterborough "
        "(KD2018/064)",
        "Will Patten/ Oliver Hayward/ Richenda Greenhill",
        "The Service Director for Commissioning to advise when he has exercised delegated "
        "authority to commit funding at the time of the award of the contract.",
        "08.01.19: It is expected that the contract will be awarded in September 2019.",
        "Expected completion date: September 2019",
    ]
    placement = rows[2][1]
    assert placement[0] == "208." and placement[5] == "On-going"
    assert placement[4].split("\n") == PROGRESS_208  # one cell, one line per update
    may = rows[3][1:]
    assert [(r[0], r[2], r[5]) for r in may] == [
        ("217.", "Helene Carr", ""),
        ("", "Wendi Ogle-Welbourn/ Helene Carr", "On-going"),  # continuation row
        ("218.", "Martin Wade", "Completed"),
        ("", "Jon Lewis", ""),
        ("219.", "Clare Buckingham", "On-going"),
        ("220.", "Richenda Greenhill", "Completed"),
    ]
    assert may[4][4] == "01.07.19: Legal advice awaited."


def test_word_log_is_accessible_a4_landscape_en_gb(summer_log):
    document = word(render_action_log_docx(summer_log, CYP, JUL_1))
    properties = document.core_properties
    assert properties.title == "Children and Young People Committee: Minutes-Action Log, " \
        "1 July 2019"
    assert properties.language == "en-GB"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None  # repeats on every page
    normal = document.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert all(p.text for p in document.paragraphs)  # no empty paragraphs for spacing


def test_pdf_log_reads_back_with_metadata_and_bookmarks(summer_log):
    data = render_action_log_pdf(summer_log, CYP, JUL_1)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == ("Children and Young People Committee: Minutes-Action Log, "
                                     "1 July 2019")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    outline = reader.outline
    assert outline[0].title == "Minutes-Action Log"
    assert [item.title for item in outline[1]] == HEADINGS
    text = pdf_text(data)
    for expected in ["CHILDREN AND YOUNG PEOPLE COMMITTEE", "It was last updated on 1 July 2019.",
                     *HEADINGS, "139.", "(KD2018/064)", *PROGRESS_208,
                     "Expected completion date: September 2019", "01.07.19: Legal advice awaited.",
                     "Completed", "Action to be taken by"]:
        assert expected in text
    fonts = {str(font["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert not any("Helvetica" in font for font in fonts)  # every font embedded


def test_a_log_dated_earlier_leaves_out_later_updates(summer_log):
    june = build_action_log(1, summer_2019_actions(), date(2019, 6, 5), EARLIER_LOGS, 1)
    text = pdf_text(render_action_log_pdf(june, CYP, date(2019, 6, 5)))
    assert "21.05.19: Date to be confirmed." in text
    assert "01.07.19" not in text


def test_an_empty_log_says_so():
    empty = build_action_log(1, [], JUL_1)
    document = word(render_action_log_docx(empty, CYP, JUL_1))
    assert NO_ACTIONS in [p.text for p in document.paragraphs]
    assert "It was last updated on 1 July 2019." in document.paragraphs[2].text
    assert NO_ACTIONS in pdf_text(render_action_log_pdf(empty, CYP, JUL_1))


@pytest.fixture
def stored_log(services, make):
    """A committee with two meetings and actions kept in the database."""
    make.council()
    committee = make.committee(name="Audit & Governance <Committee>", code="AUD")
    march = make.meeting(committee=committee, start=london_datetime(date(2019, 3, 12), 14))
    may = make.meeting(committee=committee, start=london_datetime(date(2019, 5, 21), 14))
    first = services.actions.create_from_minute(
        committee.id, march.id, None, 12, "Risk Register", "", "Head of Audit",
        "To report risks A & B <in full>.")
    services.actions.add_update(first.id, date(2019, 4, 2), "Report drafted.")
    services.actions.set_status(first.id, ActionStatus.IN_PROGRESS)
    services.actions.create_from_minute(
        committee.id, may.id, None, 30, "Internal Audit Plan", "", "Head of Audit",
        "To circulate the plan.")
    return committee


def test_the_log_from_the_services_by_committee_code_id_or_record(services, stored_log):
    for committee in (stored_log, stored_log.id, stored_log.code):
        text = pdf_text(render_action_log_pdf(services, committee, date(2019, 6, 1)))
        assert "AUDIT & GOVERNANCE <COMMITTEE>" in text  # escaped, not lost
        assert "To report risks A & B <in full>." in text
        assert "02.04.19: Report drafted." in text
        assert "Minutes of the meeting on 21 May 2019" in text
    document = word(render_action_log_docx(services, stored_log, date(2019, 6, 1)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "To report risks A & B <in full>." in cells
    assert document.core_properties.author == "Testshire County Council"


def test_writing_is_atomic_and_checked(services, stored_log, tmp_path):
    target = tmp_path / "log.docx"
    target.write_bytes(b"previous good copy")
    with pytest.raises(ClerkError, match="Word \\(docx\\) or PDF"):
        write_action_log(services, stored_log, date(2019, 6, 1), target, "odt")
    assert target.read_bytes() == b"previous good copy"
    with pytest.raises(ClerkError, match="does not exist"):
        write_action_log(services, stored_log, date(2019, 6, 1), tmp_path / "no" / "x.pdf",
                         "pdf")
    written = write_action_log(services, stored_log, date(2019, 6, 1), target, "docx")
    assert written == target and word(target.read_bytes()).tables
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_ready_log_needs_the_committee_itself(summer_log):
    with pytest.raises(ClerkError, match="committee itself"):
        render_action_log_pdf(summer_log, 1, JUL_1)


@pytest.mark.libreoffice
@pytest.mark.skipif(find_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_log(summer_log, tmp_path):
    source = tmp_path / "log.docx"
    source.write_bytes(render_action_log_docx(summer_log, CYP, JUL_1))
    out = tmp_path / "out"
    out.mkdir()
    # Its own profile and HOME per run (docx_to_pdf), as a real word processor would open it.
    converted = docx_to_pdf(source, out)
    text = pdf_text(converted.read_bytes())
    for expected in ["Minutes-Action Log", "It was last updated on 1 July 2019.", *HEADINGS,
                     "01.07.19: Legal advice awaited.", "Expected completion date:"]:
        assert expected in text
    assert len(PdfReader(str(converted)).pages) >= 2
