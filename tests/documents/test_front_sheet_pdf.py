"""The PDF front sheet, read back with pypdf."""

from __future__ import annotations

import io
import time

from pypdf import PdfReader

from clerkdesk.documents.fonts import document_fonts
from clerkdesk.documents.front_sheet import AgendaSection, ClerkContact
from clerkdesk.documents.pdf_front_sheet import (
    build_front_sheet_pdf,
    pack_front_sheet_renderer,
    render_front_sheet_pdf,
)
from tests.documents.test_front_sheet_examples import (
    CCC_2019_MEMBERSHIP_LINES,
    PCC_2021_COUNCILLORS,
    PCC_2021_SUBSTITUTES,
    city_2021_context,
    county_2019_context,
    item,
)
from tests.documents.test_front_sheet_word import assert_in_order


def pdf_text(data: bytes) -> str:
    """All text without whitespace: ReportLab wraps lines wherever they fit."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return "".join(text.split())


def squashed(fragments):
    return ["".join(fragment.split()) for fragment in fragments]


def test_county_pdf_has_the_same_facts_in_order():
    data = render_front_sheet_pdf(county_2019_context())
    assert_in_order(pdf_text(data), squashed([
        "CHILDREN AND YOUNG PEOPLE COMMITTEE", "Date: Tuesday, 09 July 2019", "14:00hr",
        "Council Chamber, The Grange, Nutholt Lane, Ely CB7 4EE",
        "Democratic and Members' Services", "Fiona McMillan", "Monitoring Officer",
        "Shire Hall", "CB3 0AP", "AGENDA", "Open to Public and Press",
        "CONSTITUTIONAL MATTERS", "1.", "Apologies for absence and declarations of interest",
        "Guidance on declaring interests", "2.", "Minutes of the Meeting on 21 May 2019",
        "5 - 16", "DECISIONS", "INFORMATION AND MONITORING REPORTS", "DECISIONS",
        "11.", "Agenda Plan, Appointments and Training Plan", "241 - 260",
        "The Children and Young People Committee comprises the following members:",
        *CCC_2019_MEMBERSHIP_LINES,
        "Clerk Name: Richenda Greenhill", "Clerk Telephone: 01223 699171",
        "Clerk Email: Richenda.Greenhill@cambridgeshire.gov.uk",
        "The County Council is committed to open government", "car parking",
    ]))


def test_city_pdf_has_the_same_facts_in_order():
    data = render_front_sheet_pdf(city_2021_context())
    assert_in_order(pdf_text(data), squashed([
        "CHILDREN AND EDUCATION SCRUTINY COMMITTEE", "THURSDAY 15 JULY 2021", "7.00 PM",
        "Venue: Sand Martin House", "livestreamed", "Contact: Paulina Ford", "AGENDA",
        "Page No", "Apologies for Absence", "Members must declare", "3 - 12",
        "The decision notice", "197 - 238", "Date of Next Meeting",
        "6 September 2021 – Children and Education Scrutiny Committee",
        "Did you know?", "Recording of Council Meetings:", "Committee Members:",
        PCC_2021_COUNCILLORS, PCC_2021_SUBSTITUTES, "Further information about this meeting",
    ]))


def test_pdf_metadata_and_viewer_settings():
    context = county_2019_context()
    reader = PdfReader(io.BytesIO(render_front_sheet_pdf(context)))
    assert reader.metadata.title == context.document_title
    assert reader.metadata.author == "Cambridgeshire County Council"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert outline == ["CHILDREN AND YOUNG PEOPLE COMMITTEE"]
    sections = [entry.title for entry in reader.outline[1]]
    assert sections == ["CONSTITUTIONAL MATTERS", "DECISIONS",
                        "INFORMATION AND MONITORING REPORTS", "DECISIONS"]


def test_welsh_letters_survive_because_the_font_is_embedded():
    assert document_fonts().embedded
    context = county_2019_context(
        clerk=ClerkContact("Gwenllïan Ŵyn", "029 2000 0000", "gwen@example.gov.uk"),
        sections=(AgendaSection("", (item(1, "Adroddiad Blynyddol – Tŷ Ŷd & <Dŵr>", "3 - 4"),)),),
    )
    data = render_front_sheet_pdf(context)
    text = pdf_text(data)
    assert "GwenllïanŴyn" in text
    assert "AdroddiadBlynyddol–TŷŶd&<Dŵr>" in text
    reader = PdfReader(io.BytesIO(data))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
            if "/DescendantFonts" in font else font["/FontDescriptor"]
        assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"


def test_output_to_a_path_or_a_buffer(tmp_path):
    context = city_2021_context()
    path = tmp_path / "front.pdf"
    assert render_front_sheet_pdf(context, path) is None
    buffer = io.BytesIO()
    assert render_front_sheet_pdf(context, buffer) is None
    assert path.read_bytes()[:5] == buffer.getvalue()[:5] == b"%PDF-"
    assert len(PdfReader(path).pages) == build_front_sheet_pdf(context).page_count


def test_page_count_and_the_packs_two_passes_are_quick():
    context = county_2019_context().with_page_ranges(
        {str(n): "" for n in range(1, 12)})  # provisional: no ranges yet
    render = pack_front_sheet_renderer(context)
    started = time.perf_counter()
    provisional = render({})
    final = render({2: (5, 16), 3: (17, 22), 11: (241, 260)})
    assert time.perf_counter() - started < 2
    assert len(PdfReader(io.BytesIO(provisional)).pages) == build_front_sheet_pdf(
        context).page_count
    text = pdf_text(final)
    assert_in_order(text, squashed(["Minutes of the Meeting on 21 May 2019", "5 - 16",
                                    "Action Log", "17 - 22", "Training Plan", "241 - 260"]))
    assert "23-74" not in text  # item 5 kept its provisional (empty) range
