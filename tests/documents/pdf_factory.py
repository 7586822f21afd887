"""Real PDFs for pack tests, made with ReportLab, with text that tests can search for."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf
import pypdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

PAGE_NUMBER = re.compile(r"Page (\d+) of (\d+)")
RANGE_LINE = re.compile(r"Item (\d+): (\d+) - (\d+)")


def text_pdf(path: Path, pages: Sequence[Sequence[str]], *, title: str = "",
             page_size: tuple[float, float] = A4, rotate: int = 0) -> Path:
    """A PDF with one page per entry of ``pages``, each line drawn as text."""
    pdf = canvas.Canvas(str(path), pagesize=page_size)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont("Helvetica", 11)
        for row, line in enumerate(lines):
            pdf.drawString(60, page_size[1] - 80 - 16 * row, line)
        pdf.showPage()
    pdf.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as rotated:
            for page in rotated.pages:
                page.rotate(rotate, relative=False)
            rotated.save(path)
    return path


def report_pdf(path: Path, name: str, page_count: int, *, lines: int = 3) -> Path:
    """A report whose every page says which report and page it is, in distinctive lines."""
    return text_pdf(path, [
        [f"{name} page {page} line {row}: the committee is asked to note this text"
         for row in range(1, lines + 1)]
        for page in range(1, page_count + 1)
    ], title=name)


def scanned_pdf(path: Path, page_count: int = 1, *, seed: int = 1) -> Path:
    """Pages that are only a picture (as a scanner makes them): no text layer at all."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(page_count):
        noise = Image.effect_noise((200, 280), 60 + seed * 7 + page).convert("RGB")
        pdf.drawImage(ImageReader(noise), 40, 60, width=500, height=700)
        pdf.rect(50, 50, 100, 20, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def encrypted_pdf(path: Path, source: Path, password: str = "secret") -> Path:
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner=password))
    return path


def range_front_sheet(item_numbers: Sequence[int], *, extra_pages: Callable[
        [dict[int, tuple[int, int]]], int] = lambda ranges: 0) -> Callable:
    """A front-sheet renderer printing "Item N: a - b" for each item with documents.

    ``extra_pages(ranges)`` adds that many more pages, to imitate a front sheet whose
    length depends on the ranges printed on it. Each call is recorded in ``.calls``.
    """
    calls: list[dict[int, tuple[int, int]]] = []

    def render(ranges: dict[int, tuple[int, int]]) -> bytes:
        calls.append(dict(ranges))
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        pdf.setFont("Helvetica", 12)
        pdf.drawString(60, 780, "AGENDA")
        for row, number in enumerate(item_numbers):
            text = f"Item {number}: {ranges[number][0]} - {ranges[number][1]}" if (
                number in ranges) else f"Item {number}: no papers"
            pdf.drawString(60, 750 - 18 * row, text)
        for extra in range(extra_pages(ranges)):
            pdf.showPage()
            pdf.setFont("Helvetica", 12)
            pdf.drawString(60, 780, f"Front sheet continued {extra + 1}")
        pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    render.calls = calls
    return render


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def stamped_numbers(texts: Sequence[str]) -> list[tuple[int, int]]:
    """The last "Page N of T" on each page: the pack's own stamp is drawn last."""
    return [tuple(map(int, PAGE_NUMBER.findall(text)[-1])) for text in texts]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, 1-based page)."""
    reader = pypdf.PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found
