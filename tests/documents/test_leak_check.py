"""The check that stops exempt material reaching a public file."""

from __future__ import annotations

from dataclasses import replace

import pikepdf
import pytest

from clerkdesk.documents.leak_check import (
    PublicationLeakError,
    WithheldMaterial,
    check_public_output,
    withheld_material,
)
from clerkdesk.documents.pack import (
    Access,
    PackDocument,
    PackItem,
    PackSpec,
    assemble_steps,
    build_pack,
)
from tests.documents.pdf_factory import range_front_sheet, report_pdf, scanned_pdf, text_pdf

EXEMPT = Access("exempt", 1, public_interest_note="Names a member of staff.")


def spec_with(tmp_path, withheld: PackDocument) -> PackSpec:
    report = report_pdf(tmp_path / "report.pdf", "Staffing review report", 2)
    return PackSpec("Staffing Committee — Agenda pack", (
        PackItem(1, "Staffing review", documents=(
            PackDocument("Staffing review report", report), withheld)),
    ), range_front_sheet([1]))


def files_in(folder):
    return sorted(path.name for path in folder.iterdir())


def build_leaking(spec, out, *, phrases=True):
    """A public build that skips public_view: what the check is there to catch."""
    guard = withheld_material(spec)
    if not phrases:
        guard = [replace(material, phrases=()) for material in guard]
    for _ in assemble_steps(spec, out, leak_guard=guard):
        pass


def test_a_leaking_public_build_is_stopped_and_leaves_no_file(tmp_path):
    appendix = report_pdf(tmp_path / "appendix.pdf", "Disciplinary case of J Smith", 2)
    spec = spec_with(tmp_path, PackDocument("Appendix A - case notes", appendix, EXEMPT))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(PublicationLeakError, match=r"'Appendix A - case notes' \(item 1\)"):
        build_leaking(spec, out_dir / "public.pdf")
    assert files_in(out_dir) == []


def test_the_same_spec_through_the_public_build_passes(tmp_path):
    appendix = report_pdf(tmp_path / "appendix.pdf", "Disciplinary case of J Smith", 2)
    spec = spec_with(tmp_path, PackDocument("Appendix A - case notes", appendix, EXEMPT))
    assert build_pack(spec, tmp_path / "public.pdf").page_count == 6


def test_a_leaked_scan_is_caught_by_its_image_although_it_has_no_text(tmp_path):
    scan = scanned_pdf(tmp_path / "letter.pdf", 2)
    spec = spec_with(tmp_path, PackDocument("Signed letter from the claimant", scan, EXEMPT))
    with pytest.raises(PublicationLeakError, match=r"'Signed letter.* page 5, copied from it"):
        build_leaking(spec, tmp_path / "public.pdf", phrases=False)


def test_a_public_report_quoting_the_exempt_text_is_caught(tmp_path):
    appendix = report_pdf(tmp_path / "appendix.pdf", "Disciplinary case of J Smith", 1)
    quoting = text_pdf(tmp_path / "quote.pdf", [[
        "As the appendix says:",
        "DISCIPLINARY   case of J Smith page 1 line 2: the committee is",
        "asked to note this text",
    ]])
    spec = PackSpec("Staffing Committee — Agenda pack", (
        PackItem(1, "Staffing review", documents=(
            PackDocument("Covering report", quoting),
            PackDocument("Appendix A - case notes", appendix, EXEMPT))),
    ), range_front_sheet([1]))
    with pytest.raises(PublicationLeakError, match="found on page 3"):
        build_pack(spec, tmp_path / "public.pdf")
    assert not (tmp_path / "public.pdf").exists()


def test_a_failed_check_keeps_the_previous_file(tmp_path):
    appendix = report_pdf(tmp_path / "appendix.pdf", "Disciplinary case of J Smith", 1)
    spec = spec_with(tmp_path, PackDocument("Appendix A - case notes", appendix, EXEMPT))
    out = tmp_path / "public.pdf"
    out.write_bytes(b"last week's pack")
    with pytest.raises(PublicationLeakError):
        build_leaking(spec, out)
    assert out.read_bytes() == b"last week's pack"


@pytest.fixture
def clean_pdf(tmp_path):
    return text_pdf(tmp_path / "clean.pdf", [["Nothing to see here."]])


SECRET = WithheldMaterial("'Bids appendix' (item 9)", ("Bids received from Acme Travel Ltd",))


def test_a_title_in_the_bookmarks_is_caught(clean_pdf):
    with pikepdf.open(clean_pdf, allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("BIDS received from  Acme Travel Ltd", 0))
        pdf.save(clean_pdf)
    with pytest.raises(PublicationLeakError, match=r"'Bids appendix' .* bookmarks"):
        check_public_output(clean_pdf, [SECRET])


@pytest.mark.parametrize("where", ["info", "xmp"])
def test_a_title_in_the_metadata_is_caught(clean_pdf, where):
    with pikepdf.open(clean_pdf, allow_overwriting_input=True) as pdf:
        if where == "info":
            pdf.docinfo["/Subject"] = "Bids received from Acme Travel Ltd"
        else:
            with pdf.open_metadata() as xmp:
                xmp["dc:description"] = "Bids received from Acme Travel Ltd"
        pdf.save(clean_pdf)
    with pytest.raises(PublicationLeakError, match="properties"):
        check_public_output(clean_pdf, [SECRET])


def test_text_is_matched_ignoring_case_and_spacing(tmp_path):
    leaked = text_pdf(tmp_path / "leak.pdf", [["bids  RECEIVED from", "Acme Travel   ltd"]])
    with pytest.raises(PublicationLeakError, match="on page 1"):
        check_public_output(leaked, [SECRET])


def test_clean_file_passes(clean_pdf):
    check_public_output(clean_pdf, [SECRET])
    check_public_output(clean_pdf, [])


def test_phrases_are_distinctive_lines_not_running_headers_or_public_names(tmp_path):
    appendix = text_pdf(tmp_path / "appendix.pdf", [
        ["Staffing Committee 9 July 2019 exempt appendix",
         "Mr J Smith was interviewed on 3 June 2019 about the missing funds",
         "Not for publication by virtue of paragraph 1 of Part 1 of Schedule 12A",
         "Short line"],
        ["Staffing Committee 9 July 2019 exempt appendix",
         "The investigating officer recommends a final written warning"],
    ])
    spec = spec_with(tmp_path, PackDocument("Staffing review", appendix, EXEMPT))
    [material] = withheld_material(spec)
    assert material.label == "'Staffing review' (item 1)"
    # The title is the (public) agenda title of its item, so it is not a secret.
    assert material.phrases == (
        "Mr J Smith was interviewed on 3 June 2019 about the missing funds",
        "The investigating officer recommends a final written warning",
    )
    assert material.content_digests and not material.image_digests
