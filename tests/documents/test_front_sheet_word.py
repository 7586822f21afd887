"""The Word front sheet: real .docx files, read back with python-docx (and LibreOffice)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import uuid

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerkdesk.documents.front_sheet import AgendaSection
from clerkdesk.documents.word import render_front_sheet_docx
from clerkdesk.errors import ClerkError
from clerkdesk.paths import templates_dir
from tests.documents.test_front_sheet_examples import (
    CCC_2019_MEMBERSHIP_LINES,
    PCC_2021_COUNCILLORS,
    PCC_2021_SUBSTITUTES,
    city_2021_context,
    county_2019_context,
    item,
)

COUNTY_IN_ORDER = [
    "CHILDREN AND YOUNG PEOPLE COMMITTEE",
    "Date: Tuesday, 09 July 2019",
    "14:00hr",
    "Council Chamber, The Grange, Nutholt Lane, Ely CB7 4EE",
    "Democratic and Members' Services", "Fiona McMillan", "Monitoring Officer",
    "Shire Hall", "Castle Hill", "Cambridge", "CB3 0AP",
    "AGENDA",
    "Open to Public and Press",
    "CONSTITUTIONAL MATTERS",
    "Apologies for absence and declarations of interest",
    "Guidance on declaring interests is available at http://tinyurl.com/ccc-conduct-code",
    "Minutes of the Meeting on 21 May 2019", "5 - 16",
    "DECISIONS", "Free School Proposals", "171 - 178",
    "INFORMATION AND MONITORING REPORTS",
    "DECISIONS", "Agenda Plan, Appointments and Training Plan", "241 - 260",
    "The Children and Young People Committee comprises the following members:",
    *CCC_2019_MEMBERSHIP_LINES,
    "For more information about this meeting, including access arrangements",
    "Clerk Name: Richenda Greenhill",
    "Clerk Telephone: 01223 699171",
    "Clerk Email: Richenda.Greenhill@cambridgeshire.gov.uk",
    "The County Council is committed to open government",
    "Public speaking on the agenda items above is encouraged.",
    "The Council does not guarantee the provision of car parking",
]

CITY_IN_ORDER = [
    "CHILDREN AND EDUCATION SCRUTINY COMMITTEE",
    "THURSDAY 15 JULY 2021",
    "7.00 PM",
    "Venue: Sand Martin House, Bittern Way, Peterborough, PE2 8TY",
    "Meeting will be livestreamed via Peterborough City Council's YouTube Page",
    "Contact: Paulina Ford, Senior Democratic Services Officer at "
    "paulina.ford@peterborough.gov.uk, or 01733 452508",
    "AGENDA", "Page No",
    "Declarations of Interest and Whipping Declarations", "Members must declare whether",
    "Minutes of the Children and Education Scrutiny Meeting Held on 4 March 2021", "3 - 12",
    "Call In of any Cabinet", "The decision notice for each decision",
    "Forward Plan of Executive Decisions", "197 - 238",
    "Date of Next Meeting",
    "6 September 2021 – Children and Education Scrutiny Committee",
    "Did you know? All Peterborough City Council's meeting agendas",
    "Recording of Council Meetings: Any member of the public",
    "Committee Members:", PCC_2021_COUNCILLORS, PCC_2021_SUBSTITUTES,
    "Further information about this meeting can be obtained from Paulina Ford on telephone "
    "01733 452508 or by email – paulina.ford@peterborough.gov.uk",
]


def docx_blocks(path) -> list[str]:
    """Paragraph and table cell texts in document order."""
    document = docx.Document(str(path))
    blocks = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            blocks.append(docx.text.paragraph.Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            for row in docx.table.Table(element, document).rows:
                blocks.extend(cell.text for cell in row.cells)
    return [block for block in blocks if block.strip()]


def assert_in_order(text: str, fragments: list[str]) -> None:
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        assert found >= 0, f"{fragment!r} missing after position {position}"
        position = found + len(fragment)


@pytest.mark.parametrize(("make", "expected"), [
    (county_2019_context, COUNTY_IN_ORDER), (city_2021_context, CITY_IN_ORDER),
])
def test_word_front_sheet_has_every_field_in_order(tmp_path, make, expected):
    path = render_front_sheet_docx(make(), tmp_path / "front.docx")
    blocks = docx_blocks(path)
    assert_in_order("\n".join(blocks), expected)
    assert not any("{{" in block or "{%" in block for block in blocks)


def test_county_word_layout_details(tmp_path):
    path = render_front_sheet_docx(county_2019_context(), tmp_path / "front.docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "CHILDREN AND YOUNG PEOPLE COMMITTEE"),
        ("Heading 2", "CONSTITUTIONAL MATTERS"), ("Heading 2", "DECISIONS"),
        ("Heading 2", "INFORMATION AND MONITORING REPORTS"), ("Heading 2", "DECISIONS"),
    ]
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Item", "Title", "Pages"]
    assert rows[1] == ["1.", "Apologies for absence and declarations of interest\nGuidance on "
                       "declaring interests is available at http://tinyurl.com/ccc-conduct-code",
                       ""]
    assert rows[2] == ["2.", "Minutes of the Meeting on 21 May 2019", "5 - 16"]
    assert rows[4] == ["4.", "Petitions", ""]
    assert len(document.tables) == 4  # one per section, DECISIONS twice
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # No next meeting line in the county style; no substitutes line either.
    assert "Substitutes" not in "\n".join(p.text for p in document.paragraphs)


def test_word_metadata_page_size_and_language(tmp_path):
    context = county_2019_context()
    document = docx.Document(str(render_front_sheet_docx(context, tmp_path / "f.docx")))
    assert document.core_properties.title == context.document_title
    assert document.core_properties.language == "en-GB"
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1
    for style in ("Normal", "Heading 1", "Heading 2"):
        lang = document.styles[style].element.rPr.find(qn("w:lang"))
        assert lang.get(qn("w:val")) == "en-GB"


def test_ampersands_and_angle_brackets_survive(tmp_path):
    title = "Schools & Academies <Update> \"2019\""
    context = county_2019_context(
        committee_name="Children & Young People Committee",
        document_title="Children & Young <People> Committee — Agenda",
        sections=(AgendaSection("DECISIONS & <OTHER>", (item(1, title, "5 - 6"),)),),
    )
    path = render_front_sheet_docx(context, tmp_path / "front.docx")
    text = "\n".join(docx_blocks(path))
    for fragment in ("CHILDREN & YOUNG PEOPLE COMMITTEE", "DECISIONS & <OTHER>", title):
        assert fragment in text
    title_property = docx.Document(str(path)).core_properties.title
    assert title_property == "Children & Young <People> Committee — Agenda"


def test_a_failed_render_leaves_the_old_file_alone(tmp_path):
    target = tmp_path / "front.docx"
    target.write_bytes(b"previous good copy")
    with pytest.raises(ClerkError):
        render_front_sheet_docx(county_2019_context(), target, style="gothic")
    assert target.read_bytes() == b"previous good copy"


def test_shipped_templates_match_the_generating_script():
    script = templates_dir() / "word" / "make_templates.py"
    spec = importlib.util.spec_from_file_location("make_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.build_all().items():
        assert (templates_dir() / "word" / name).read_bytes() == data, (
            f"{name} differs from its script: run python templates/word/make_templates.py")


def convert_with_libreoffice(docx_path, out_dir):
    profile = out_dir / f"lo-profile-{uuid.uuid4().hex}"
    home = out_dir / "home"
    home.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(home)},
    )
    return out_dir / (docx_path.stem + ".pdf")


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(("make", "expected"), [
    (county_2019_context, COUNTY_IN_ORDER), (city_2021_context, CITY_IN_ORDER),
])
def test_word_front_sheet_converts_to_pdf_with_libreoffice(tmp_path, make, expected):
    path = render_front_sheet_docx(make(), tmp_path / "front.docx")
    pdf = convert_with_libreoffice(path, tmp_path)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    # Lines wrap differently in a PDF (even inside a web address), so compare without
    # any whitespace.
    assert_in_order("".join(text.split()), ["".join(fragment.split()) for fragment in expected])
