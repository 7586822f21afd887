"""Benchmark: a ~300-page public agenda pack against a plain `qpdf` merge of the same files.

    python bench/pack.py [--reports 12] [--pages 300] [--runs 5]

Makes its inputs with ReportLab in a temporary folder (reports with a realistic amount of
text per page, two of them exempt appendices), then times, best of ``--runs``:

- ``qpdf --empty --pages <reports> -- out.pdf`` (the floor: merging alone);
- the public pack (conversion check, layout, stamps, bookmarks, metadata, leak check);
- the members' pack (the same without the leak check);
- the public pack's leak check on its own.

Prints the times and the ratios to qpdf. Not part of the test run.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerkdesk.documents.leak_check import check_public_output, withheld_material
from clerkdesk.documents.pack import (
    Access,
    Audience,
    PackDocument,
    PackItem,
    PackSpec,
    build_pack,
)

_SENTENCE = ("{name}: the committee is asked to note the forecast of pupil numbers and the "
             "capital programme for school places in {area}, paragraph {n}.")
_AREAS = ("Ely", "Wisbech", "March", "Huntingdon", "St Neots", "Cambridge", "Soham")


def make_report(path: Path, name: str, pages: int) -> Path:
    """About 40 lines of text a page, like a typical committee report."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawString(56, 790, f"{name}")
        pdf.setFont("Helvetica", 10)
        for row in range(40):
            area = _AREAS[(page + row) % len(_AREAS)]
            text = _SENTENCE.format(name=name, area=area, n=f"{page}.{row}")
            pdf.drawString(56, 760 - 17 * row, text)
        pdf.drawCentredString(A4[0] / 2, 30, f"Page {page}")
        pdf.showPage()
    pdf.save()
    return path


def front_sheet(title: str, items: tuple[PackItem, ...]) -> Callable:
    def render(ranges: dict[int, tuple[int, int]]) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(56, 790, title)
        pdf.setFont("Helvetica", 11)
        for row, item in enumerate(items):
            first, last = ranges.get(item.number, (0, 0))
            pages = f"{first} - {last}" if first else ""
            pdf.drawString(56, 750 - 20 * row, f"{item.number}. {item.title}")
            pdf.drawRightString(540, 750 - 20 * row, pages)
        pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    return render


def make_spec(folder: Path, reports: int, pages: int) -> tuple[PackSpec, list[Path]]:
    per_report = max(1, round(pages / reports) + 3)  # some pages go to stubs and fillers
    exempt = Access("exempt", 3, public_interest_note="Commercially sensitive bids.")
    items, files = [], []
    for number in range(1, reports + 1):
        # Odd page counts on purpose, so the pack needs blank fillers.
        count = per_report + (1 if number % 2 else 0) - (2 if number % 3 == 0 else 0)
        path = make_report(folder / f"report-{number:02}.pdf", f"Report {number}", count)
        files.append(path)
        withheld = number in (reports // 2, reports - 1)
        document = PackDocument(
            f"Appendix {number} - bids received for contract {number}" if withheld
            else f"Report {number}", path, exempt if withheld else Access(),
            label=f"Appendix {number}")
        items.append(PackItem(number + 1, f"Agenda item {number + 1}", documents=(document,)))
    items = (PackItem(1, "Apologies for absence"), *items)
    title = "Children and Young People Committee — Agenda pack — Tuesday 9 July 2019"
    return PackSpec(title, items, front_sheet(title, items)), files


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=12)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        sys.exit("qpdf is not installed (apt-get install qpdf).")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        spec, files = make_spec(folder, args.reports, args.pages)
        merged, public, members = (folder / name for name in ("qpdf.pdf", "public.pdf",
                                                              "members.pdf"))
        command = [qpdf, "--empty", "--pages", *map(str, files), "--", str(merged)]
        qpdf_time = best_of(args.runs, lambda: subprocess.run(command, check=True))
        public_time = best_of(args.runs, lambda: build_pack(spec, public))
        members_time = best_of(
            args.runs, lambda: build_pack(spec, members, audience=Audience.MEMBERS))
        guard = withheld_material(spec)
        check_time = best_of(args.runs, lambda: check_public_output(public, guard))
        public_pages = build_pack(spec, public).page_count
        members_pages = build_pack(spec, members, audience=Audience.MEMBERS).page_count
        input_pages = sum(len(pypdf.PdfReader(path).pages) for path in files)
    print(f"inputs: {len(files)} PDF reports, {input_pages} pages (2 exempt); public pack "
          f"{public_pages} pages, members' pack {members_pages} pages; best of {args.runs} runs")
    print(f"qpdf merge      {qpdf_time:7.3f} s")
    print(f"members' pack   {members_time:7.3f} s   ratio {members_time / qpdf_time:5.1f}x")
    print(f"public pack     {public_time:7.3f} s   ratio {public_time / qpdf_time:5.1f}x")
    print(f"  of which leak check {check_time:7.3f} s")
    print(f"public pack without the leak check {public_time - check_time:7.3f} s   "
          f"ratio {(public_time - check_time) / qpdf_time:5.1f}x")


if __name__ == "__main__":
    main()
