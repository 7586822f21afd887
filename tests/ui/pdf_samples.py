"""Files for attachment tests, made on the spot: a text PDF, a scan-like PDF with no text
layer, and a file that only pretends to be a PDF."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(path: Path, lines: tuple[str, ...] = ("A report to the Committee",),
             pages: int = 2) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        for row, line in enumerate(lines):
            pdf.drawString(72, 760 - 18 * row, f"{line} (page {page})")
        pdf.showPage()
    pdf.save()
    return path


def scanned_pdf(path: Path, pages: int = 1) -> Path:
    """Shapes only, as a scan without OCR looks to a screen reader: no text at all."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        for row in range(20):
            pdf.rect(72, 760 - 30 * row, 400 - 9 * row, 12, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def broken_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\nthis was cut off half way through the download")
    return path
