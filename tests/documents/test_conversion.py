"""Word to PDF with LibreOffice, and the checks an attached PDF must pass."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pikepdf
import pytest

from clerkdesk.documents import conversion
from clerkdesk.documents.conversion import (
    LIBREOFFICE_MISSING,
    DocumentError,
    docx_to_pdf,
    find_libreoffice,
    inspect_pdf,
)
from clerkdesk.documents.leak_check import normalise
from clerkdesk.documents.pack import PackDocument, PackItem, PackSpec, build_pack
from clerkdesk.documents.pdf_text import PdfTextReader
from tests.documents.pdf_factory import (
    encrypted_pdf,
    page_texts,
    range_front_sheet,
    report_pdf,
    scanned_pdf,
)

needs_libreoffice = pytest.mark.skipif(find_libreoffice() is None,
                                       reason="LibreOffice is not installed")


def word_report(path, text):
    document = docx.Document()
    document.add_heading("Home to school transport", level=1)
    document.add_paragraph(text)
    document.save(path)
    return path


@pytest.mark.libreoffice
@needs_libreoffice
def test_word_report_becomes_a_pdf_with_its_text(tmp_path):
    source = word_report(tmp_path / "transport.docx",
                         "The committee is asked to approve the new transport policy.")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pdf = docx_to_pdf(source, out_dir)
    assert pdf == out_dir / "transport.pdf"
    text = " ".join(" ".join(page_texts(pdf)).split())
    assert "Home to school transport" in text
    assert "approve the new transport policy" in text
    assert os.listdir(out_dir) == ["transport.pdf"]
    # The leak check's fast reader reads LibreOffice's fonts as pypdf does.
    with pikepdf.open(pdf) as opened:
        fast = PdfTextReader(opened, pdf).page_text(0)
    assert normalise(fast) == normalise(page_texts(pdf)[0])


@pytest.mark.libreoffice
@needs_libreoffice
def test_a_word_report_goes_into_the_pack(tmp_path):
    source = word_report(tmp_path / "transport.docx", "Route changes for Ely from September.")
    spec = PackSpec("Pack", (PackItem(5, "Transport", documents=(
        PackDocument("Transport report", source),)),), range_front_sheet([5]))
    build_pack(spec, tmp_path / "pack.pdf")
    assert "Route changes for Ely" in page_texts(tmp_path / "pack.pdf")[2]


def test_no_libreoffice_on_an_empty_path():
    if os.name == "posix":
        assert find_libreoffice(search_path="") is None


def test_without_libreoffice_the_clerk_is_told_exactly_that(tmp_path, monkeypatch):
    monkeypatch.setattr(conversion, "find_libreoffice", lambda search_path=None: None)
    source = word_report(tmp_path / "transport.docx", "Text")
    with pytest.raises(DocumentError) as raised:
        docx_to_pdf(source, tmp_path)
    assert str(raised.value) == LIBREOFFICE_MISSING == (
        "LibreOffice is not installed, so Word documents cannot be turned into PDF for the "
        "pack. Install LibreOffice, or attach a PDF of the report instead.")
    spec = PackSpec("Pack", (PackItem(5, "Transport", documents=(
        PackDocument("Transport report", source),)),), range_front_sheet([5]))
    with pytest.raises(DocumentError, match=r"'Transport report' is a Word document\. LibreOffice"):
        build_pack(spec, tmp_path / "pack.pdf")


def test_without_libreoffice_pdf_attachments_still_work(tmp_path, monkeypatch):
    monkeypatch.setattr(conversion, "find_libreoffice", lambda search_path=None: None)
    report = report_pdf(tmp_path / "report.pdf", "Transport report", 1)
    spec = PackSpec("Pack", (PackItem(5, "Transport", documents=(
        PackDocument("Transport report", report),)),), range_front_sheet([5]))
    assert build_pack(spec, tmp_path / "pack.pdf").page_count == 4


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as a fake LibreOffice")
def test_a_conversion_that_produces_nothing_is_reported(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    source = word_report(tmp_path / "broken.docx", "Text")
    with pytest.raises(DocumentError, match=r"could not turn 'broken\.docx' into PDF"):
        docx_to_pdf(source, tmp_path, soffice=str(fake))


def test_a_readable_pdf_passes(tmp_path):
    report = inspect_pdf(report_pdf(tmp_path / "r.pdf", "Budget", 3), "Budget report")
    assert report.usable and report.has_text and report.pages == 3
    assert report.problems == report.warnings == ()


def test_a_password_protected_pdf_is_reported(tmp_path):
    locked = encrypted_pdf(tmp_path / "locked.pdf", report_pdf(tmp_path / "r.pdf", "B", 1))
    report = inspect_pdf(locked, "Budget report")
    assert report.encrypted and not report.usable
    assert report.problems == ("'Budget report' is password-protected; save an unprotected "
                               "copy and attach that instead.",)


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n garbage \x00\xff" * 40, b"<html></html>"])
def test_a_broken_pdf_is_reported(tmp_path, content):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(content)
    report = inspect_pdf(broken)
    assert report.broken and not report.usable
    assert report.problems[0].startswith("'broken.pdf' cannot be read as PDF")


def test_a_scanned_pdf_gets_an_accessibility_warning(tmp_path):
    report = inspect_pdf(scanned_pdf(tmp_path / "scan.pdf", 2), "Signed letter")
    assert report.usable and not report.has_text and report.pages == 2
    assert report.warnings == (
        "'Signed letter' has no text layer (it looks scanned): screen readers cannot read "
        "it. Ask the author for a text PDF, or record an accessibility exception.",)


def test_a_word_document_is_converted_once_per_content(tmp_path, monkeypatch):
    from clerkdesk.documents import conversion

    calls = []

    def fake_convert(path, out_dir, **_kwargs):
        calls.append(path)
        target = Path(out_dir) / f"{Path(path).stem}.pdf"
        target.write_bytes(b"%PDF-1.4 converted")
        return target

    monkeypatch.setattr(conversion, "find_libreoffice", lambda *a: "/usr/bin/soffice")
    monkeypatch.setattr(conversion, "docx_to_pdf", fake_convert)
    report = tmp_path / "report.docx"
    report.write_bytes(b"word bytes")
    cache = tmp_path / "converted"
    first = conversion.as_pdf(report, "Report", tmp_path, cache)
    second = conversion.as_pdf(report, "Report", tmp_path, cache)
    assert first == second and first.parent == cache and len(calls) == 1
    report.write_bytes(b"a new version")  # other content, another conversion
    conversion.as_pdf(report, "Report", tmp_path, cache)
    assert len(calls) == 2
