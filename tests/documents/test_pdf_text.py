"""The fast page-text reader agrees with pypdf on the PDFs a pack is made of."""

from __future__ import annotations

import pikepdf
import pypdf
import pytest

from clerkdesk.documents.leak_check import normalise
from clerkdesk.documents.pack import Access, PackDocument, PackItem, PackSpec, build_pack
from clerkdesk.documents.pdf_pages import StubPage, render_stub_pages
from clerkdesk.documents.pdf_text import PdfTextReader, page_shows_text
from tests.documents.pdf_factory import range_front_sheet, report_pdf, scanned_pdf, text_pdf


def both_readings(path):
    with pikepdf.open(path) as pdf:
        reader = PdfTextReader(pdf, path)
        fast = [reader.page_text(index) for index in range(len(pdf.pages))]
        unlined = [reader.page_text(index, lines=False) for index in range(len(pdf.pages))]
    slow = [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]
    return fast, unlined, slow


def assert_same_text(path):
    fast, unlined, slow = both_readings(path)
    assert [normalise(text) for text in fast] == [normalise(text) for text in slow]
    assert [normalise(text) for text in unlined] == [normalise(text) for text in slow]
    return fast


def test_built_in_font_text(tmp_path):
    fast = assert_same_text(report_pdf(tmp_path / "r.pdf", "Budget report", 2, lines=4))
    assert [line for line in fast[0].splitlines() if line][:2] == [
        "Budget report page 1 line 1: the committee is asked to note this text",
        "Budget report page 1 line 2: the committee is asked to note this text"]


def test_embedded_unicode_font_text(tmp_path):
    path = tmp_path / "stub.pdf"
    path.write_bytes(render_stub_pages([StubPage(
        "Item 7: Ysgol Gymraeg Llanŵyr — ﬁnance", "Appendix 2 (not for publication)",
        "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A")]))
    fast = assert_same_text(path)
    assert "Llanŵyr" in fast[0]


def test_stamped_pack_with_forms_rotation_and_stubs(tmp_path):
    rotated = text_pdf(tmp_path / "rot.pdf", [["Site plan of the depot"]], rotate=270)
    report = report_pdf(tmp_path / "r.pdf", "Depot report", 3)
    valuation = report_pdf(tmp_path / "v.pdf", "Valuation of the depot", 1)
    exempt = Access("exempt", 3, public_interest_note="Price of the land.")
    spec = PackSpec("Pack", (PackItem(4, "Depot", documents=(
        PackDocument("Depot report", report), PackDocument("Plan", rotated),
        PackDocument("Valuation", valuation, exempt))),), range_front_sheet([4]))
    build_pack(spec, tmp_path / "pack.pdf")
    fast = assert_same_text(tmp_path / "pack.pdf")
    assert "Page 7 of 10" in fast[6] and "Depot report page 1" in fast[2]


def test_a_font_it_cannot_decode_is_read_by_pypdf(tmp_path):
    path = report_pdf(tmp_path / "r.pdf", "Odd font report", 1)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for font in pdf.pages[0].resources.Font.values():
            font.Encoding = pikepdf.Dictionary(
                BaseEncoding=pikepdf.Name.WinAnsiEncoding, Differences=[65, pikepdf.Name.B])
        pdf.save(path)
    fast, unlined, slow = both_readings(path)
    assert fast == unlined == slow
    assert "Odd font report page 1 line 1" in fast[0]


@pytest.mark.parametrize("cmap", [
    b"1 begincodespacerange <00> <FF> endcodespacerange\n"
    b"2 beginbfchar <41> <0042> <42> <D83DDE00> endbfchar\n"
    b"2 beginbfrange <61> <63> <0078> <64> <65> [<0031> <00660069>] endbfrange",
])
def test_to_unicode_maps_with_ranges_arrays_and_surrogates(cmap):
    from clerkdesk.documents.pdf_text import _parse_to_unicode

    width, table = _parse_to_unicode(cmap)
    assert width == 1
    assert table == {0x41: "B", 0x42: "\U0001F600", 0x61: "x", 0x62: "y", 0x63: "z",
                     0x64: "1", 0x65: "fi"}


def test_text_inside_a_form_counts_as_a_text_layer(tmp_path):
    source = report_pdf(tmp_path / "r.pdf", "Wrapped report", 1)
    with pikepdf.open(source) as original, pikepdf.new() as wrapped:
        page = wrapped.add_blank_page()
        page.add_overlay(wrapped.copy_foreign(original.pages[0].as_form_xobject()))
        wrapped.save(tmp_path / "wrapped.pdf")
    with pikepdf.open(tmp_path / "wrapped.pdf") as pdf:
        assert page_shows_text(pdf.pages[0])
        assert "Wrapped report page 1 line 1" in PdfTextReader(pdf, tmp_path).page_text(0)
    with pikepdf.open(scanned_pdf(tmp_path / "scan.pdf")) as scan:
        assert not page_shows_text(scan.pages[0])
