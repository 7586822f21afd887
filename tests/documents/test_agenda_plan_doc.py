"""The agenda plan as Word and PDF, in the layout of the seed's agenda plan."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

from clerkdesk.cli import main
from clerkdesk.errors import ValidationError
from tests.agenda_plan_seed import PUBLISHED, enter_seed_plan

TITLE = "CHILDREN AND YOUNG PEOPLE POLICY AND SERVICE COMMITTEE AGENDA PLAN"


@pytest.fixture
def committee(services, make):
    return enter_seed_plan(services, make)


def test_word_document(services, committee, tmp_path):
    path = services.agenda_plan.write_document(committee.id, tmp_path / "plan.docx", "docx",
                                               PUBLISHED)
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    assert text[:2] == [TITLE, "Published 1 July 2019"]
    assert ("Draft reports are due with the Democratic Services Officer by 10.00am seven clear "
            "working days before the meeting.") in text
    assert "The agenda dispatch date is a minimum of five clear working days before the meeting." \
        in text
    assert document.core_properties.title == TITLE
    assert document.core_properties.language == "en-GB"
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Committee date", "Agenda item", "Lead officer",
                       "Reference if key decision", "Deadline for draft reports",
                       "Agenda despatch date"]
    assert rows[1] == ["09/07/19 Council Chamber. The Grange, Nutholt Lane, Ely CB7 4EE",
                       "Free School Proposals", "H Belchamber", "Not applicable", "27/06/19",
                       "01/07/19"]
    assert rows[4] == ["[13/08/19] Provisional Meeting", "", "", "", "01/08/19", "05/08/19"]
    assert ["10/09/19", "Maintained Nursery School Review", "H Belchamber", "2019/006",
            "29/08/19", "02/09/19"] in rows
    assert ["04/12/19 (Wednesday meeting)", "Schools Funding Formula: Update", "J Lee",
            "Not applicable", "22/11/19", "26/11/19"] in rows
    assert rows[-1][4:] == ["13/05/20", "15/05/20"]
    date_run = table.rows[1].cells[0].paragraphs[0].runs[0]
    assert date_run.bold and not date_run.italic  # confirmed dates in bold
    assert table.rows[4].cells[0].paragraphs[0].runs[0].italic  # reserve dates in italics
    assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_pdf_document(services, committee, tmp_path):
    path = services.agenda_plan.write_document(committee.id, tmp_path / "plan.pdf", "pdf",
                                               PUBLISHED)
    reader = PdfReader(str(path))
    assert reader.metadata.title == TITLE
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in (TITLE, "Published 1 July 2019", "Agenda despatch date", "27/06/19",
                     "01/07/19", "[13/08/19]", "Provisional Meeting", "(Wednesday meeting)",
                     "2019/006", "Not applicable", "15/05/20",
                     "minimum of five clear working days"):
        assert expected in text, expected
    assert str(reader.trailer["/Root"].get("/Lang")) == "en-GB"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # nothing left over


def test_markers_for_full_council_and_confidential_items(services, make, tmp_path):
    from datetime import date

    from clerkdesk.domain.agenda_plan import PlanItem

    make.council()
    committee = make.committee(name="Audit Committee")
    services.agenda_plan.add(PlanItem(None, committee.id, "Treasury Strategy",
                                      planned_date=date(2019, 9, 10), full_council=True))
    services.agenda_plan.add(PlanItem(None, committee.id, "Property Disposal",
                                      planned_date=date(2019, 9, 10), confidential=True))
    path = services.agenda_plan.write_document(committee.id, tmp_path / "p.docx", "docx",
                                               PUBLISHED)
    cells = [row.cells[1].text for row in docx.Document(str(path)).tables[0].rows]
    assert cells[1:] == ["Treasury Strategy *", "Property Disposal +"]


def test_unknown_format_is_refused(services, committee, tmp_path):
    with pytest.raises(ValidationError, match="use docx or pdf"):
        services.agenda_plan.write_document(committee.id, tmp_path / "x.odt", "odt", PUBLISHED)


def test_cli_writes_the_plan(services, committee, db_path, tmp_path, capsys):
    services.close()
    out = tmp_path / "plan.pdf"
    assert main(["agenda-plan", "--db", str(db_path), "--committee", "cyp", "--format", "pdf",
                 "--out", str(out), "--today", "2019-07-01"]) == 0
    assert out.exists() and str(out) in capsys.readouterr().out


def test_a_long_plan_repeats_the_column_headings_on_every_page(services, committee, tmp_path):
    from datetime import date

    from clerkdesk.domain.agenda_plan import PlanItem

    for number in range(40):
        services.agenda_plan.add(PlanItem(
            None, committee.id, f"Item {number} with a title long enough to wrap in its cell",
            planned_date=date(2019, 9, 24), lead_officer="A Officer"))
    path = services.agenda_plan.write_document(committee.id, tmp_path / "long.pdf", "pdf",
                                               PUBLISHED)
    pages = PdfReader(str(path)).pages
    assert len(pages) > 2
    assert all("Committee date" in page.extract_text() for page in pages)
