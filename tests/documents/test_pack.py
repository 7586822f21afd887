"""The agenda pack, read back with pypdf: numbering, ranges, bookmarks, metadata, audiences."""

from __future__ import annotations

import pypdf
import pytest

from clerkdesk.documents.pack import (
    Access,
    Audience,
    PackDocument,
    PackItem,
    PackSpec,
    build_pack,
    lay_out,
    pack_steps,
    public_view,
)
from clerkdesk.documents.pdf_pages import BLANK_PAGE_TEXT
from clerkdesk.documents.progress import Progress
from clerkdesk.errors import ClerkError, ValidationError
from tests.documents.pdf_factory import (
    RANGE_LINE,
    encrypted_pdf,
    outline,
    page_texts,
    range_front_sheet,
    report_pdf,
    scanned_pdf,
    stamped_numbers,
    text_pdf,
)

TITLE = "Children and Young People Committee — Agenda pack — Tuesday 9 July 2019"
EXEMPT = Access("exempt", 3, public_interest_note="Bids are commercially sensitive.")


@pytest.fixture
def papers(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    return {
        name: report_pdf(folder / f"{name}.pdf", name, pages)
        for name, pages in [("Minutes", 3), ("Action log", 1), ("Budget report", 2),
                            ("Budget appendix", 1), ("Bids appendix", 2)]
    }


def agenda(papers, front_sheet=None, bids_access=EXEMPT):
    items = (
        PackItem(1, "Apologies for absence and declarations of interest"),
        PackItem(2, "Minutes of the Meeting on 21 May 2019",
                 documents=(PackDocument("Minutes of 21 May 2019", papers["Minutes"]),)),
        PackItem(3, "Action Log", documents=(PackDocument("Action log", papers["Action log"]),)),
        PackItem(4, "Petitions"),
        PackItem(5, "School transport contract", documents=(
            PackDocument("Budget report", papers["Budget report"]),
            PackDocument("Appendix 1 - costs", papers["Budget appendix"]),
            PackDocument("Appendix 2 - bids from Acme Travel Ltd", papers["Bids appendix"],
                         bids_access, label="Appendix 2"),
        )),
    )
    front_sheet = front_sheet or range_front_sheet([item.number for item in items])
    return PackSpec(TITLE, items, front_sheet)


def first_lines(texts):
    return [text.splitlines()[0] if text.strip() else "" for text in texts]


def test_lay_out_starts_every_document_on_an_odd_page_and_ends_items_on_even_pages():
    items = (PackItem(1, "Apologies"), PackItem(2, "Minutes"), PackItem(3, "Report"))
    layout = lay_out(1, items, [[], [3], [2, 1]])
    assert layout.front_sheet_pages == 2
    assert layout.starts == ((), (3,), (7, 9))
    assert layout.ranges == {2: (3, 6), 3: (7, 10)}
    assert layout.total == 10


def test_one_numbering_on_pages_front_sheet_and_bookmarks(papers, tmp_path):
    out = tmp_path / "public.pdf"
    result = build_pack(agenda(papers), out)
    texts = page_texts(out)
    total = len(texts)

    assert total == result.page_count and total % 2 == 0
    assert stamped_numbers(texts) == [(page, total) for page in range(1, total + 1)]
    printed = {int(n): (int(a), int(b)) for n, a, b in RANGE_LINE.findall(texts[0])}
    assert printed == result.ranges == {2: (3, 6), 3: (7, 8), 5: (9, 14)}
    lines = first_lines(texts)
    assert lines[2].startswith("Minutes page 1 line 1")
    assert lines[6].startswith("Action log page 1 line 1")
    assert lines[8].startswith("Budget report page 1 line 1")
    assert lines[10].startswith("Budget appendix page 1 line 1")
    assert lines[12] == "Item 5: School transport contract"  # the stub of Appendix 2
    for page in (2, 6, 8, 12, 14):
        assert texts[page - 1].startswith(BLANK_PAGE_TEXT)
    assert outline(out) == [
        (0, "Agenda", 1),
        (0, "1. Apologies for absence and declarations of interest", 1),
        (0, "2. Minutes of the Meeting on 21 May 2019", 3),
        (1, "Minutes of 21 May 2019", 3),
        (0, "3. Action Log", 7),
        (1, "Action log", 7),
        (0, "4. Petitions", 1),
        (0, "5. School transport contract", 9),
        (1, "Budget report", 9),
        (1, "Appendix 1 - costs", 11),
        (1, "Appendix 2 (not for publication)", 13),
    ]


def test_every_document_starts_on_an_odd_page(papers, tmp_path):
    out = tmp_path / "members.pdf"
    build_pack(agenda(papers), out, audience=Audience.MEMBERS)
    starts = [page for _, _, page in outline(out)[1:]]
    assert starts and all(page % 2 == 1 for page in starts)


def test_metadata_title_language_and_display_title(papers, tmp_path):
    out = tmp_path / "public.pdf"
    build_pack(agenda(papers), out)
    reader = pypdf.PdfReader(out)
    root = reader.trailer["/Root"]
    assert reader.metadata.title == TITLE
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a pypdf object)
    assert reader.xmp_metadata.dc_title["x-default"] == TITLE
    assert reader.page_labels[:3] == ["1", "2", "3"]


def test_members_pack_marks_every_page_of_the_exempt_document(papers, tmp_path):
    out = tmp_path / "members.pdf"
    build_pack(agenda(papers), out, audience=Audience.MEMBERS)
    texts = page_texts(out)
    header = ("NOT FOR PUBLICATION — by virtue of paragraph 3 of Part 1 of Schedule 12A to "
              "the Local Government Act 1972")
    marked = [number for number, text in enumerate(texts, start=1) if header in text]
    assert marked == [13, 14]
    assert "Bids appendix page 2 line 1" in texts[13]
    assert (1, "Appendix 2 - bids from Acme Travel Ltd", 13) in outline(out)
    assert pypdf.PdfReader(out).metadata.title == (
        f"{TITLE} — includes exempt or confidential information — NOT FOR PUBLICATION")


def test_public_pack_has_a_stub_instead_of_the_exempt_document(papers, tmp_path):
    out = tmp_path / "public.pdf"
    build_pack(agenda(papers), out)
    text = "\n".join(page_texts(out))
    assert "Bids appendix" not in text and "Acme" not in text
    stub = page_texts(out)[12]
    assert "Appendix 2 (not for publication)" in stub
    assert " ".join(stub.split()).startswith(
        "Item 5: School transport contract Appendix 2 (not for publication) Not for "
        "publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972")


@pytest.mark.parametrize(("basis", "expected"), [
    ("", "Not for publication: confidential information as defined in section 100A(3) of "
         "the Local Government Act 1972"),
    ("information furnished by a Government department on terms forbidding disclosure",
     "Not for publication: information furnished by a Government department on terms "
     "forbidding disclosure"),
])
def test_confidential_stub_states_its_legal_basis(papers, tmp_path, basis, expected):
    out = tmp_path / "public.pdf"
    build_pack(agenda(papers, bids_access=Access("confidential", legal_basis=basis)), out)
    assert expected in " ".join(page_texts(out)[12].split())


def test_public_view_keeps_item_titles_and_withholds_document_titles(papers):
    spec = agenda(papers)
    exempt_item = PackItem(6, "Property disposal", access=EXEMPT, documents=(
        PackDocument("Valuation of 1 High Street", papers["Minutes"]),
        PackDocument("Plan of the site", papers["Action log"]),
    ))
    public = public_view(PackSpec(spec.title, (*spec.items, exempt_item), spec.front_sheet))
    assert [item.title for item in public.items][-2:] == ["School transport contract",
                                                          "Property disposal"]
    assert [(d.title, d.pdf_path) for d in public.items[-1].documents] == [
        ("Document 1 (not for publication)", None), ("Document 2 (not for publication)", None)]
    assert public.items[-2].documents[:2] == spec.items[-1].documents[:2]
    assert public.items[-2].documents[2].title == "Appendix 2 (not for publication)"


def test_front_sheet_that_grows_from_one_to_two_pages_still_fits(papers, tmp_path):
    # Filling in the ranges pushes the front sheet onto a second page: still item 2 at 3.
    renderer = range_front_sheet([1, 2, 3, 4, 5], extra_pages=lambda ranges: 1)
    out = tmp_path / "public.pdf"
    result = build_pack(agenda(papers, renderer), out)
    texts = page_texts(out)
    assert texts[1].startswith("Front sheet continued 1")
    assert result.ranges[2] == (3, 6)
    assert stamped_numbers(texts)[2] == (3, result.page_count)


def test_front_sheet_that_outgrows_its_pages_is_rendered_again(papers, tmp_path):
    # Three pages once page numbers reach two digits: items move down by two pages.
    renderer = range_front_sheet(
        [1, 2, 3, 4, 5], extra_pages=lambda ranges: 2 if max(b for _, b in ranges.values()) >= 10
        else 0)
    out = tmp_path / "public.pdf"
    result = build_pack(agenda(papers, renderer), out)
    assert len(renderer.calls) == 2 and renderer.calls[-1] == result.ranges
    assert result.ranges[2] == (5, 8)
    texts = page_texts(out)
    printed = {int(n): (int(a), int(b)) for n, a, b in RANGE_LINE.findall(texts[0])}
    assert printed == result.ranges
    assert texts[3].startswith(BLANK_PAGE_TEXT)
    assert first_lines(texts)[4].startswith("Minutes page 1 line 1")


def test_front_sheet_that_never_settles_is_refused(papers, tmp_path):
    renderer = range_front_sheet([2], extra_pages=lambda ranges: ranges[2][0])
    with pytest.raises(ClerkError, match="front sheet keeps changing length"):
        build_pack(agenda(papers, renderer), tmp_path / "public.pdf")
    assert not (tmp_path / "public.pdf").exists()


def test_rotated_and_landscape_pages_are_numbered(tmp_path):
    rotated = text_pdf(tmp_path / "rotated.pdf", [["Rotated plan of the site"]], rotate=90)
    landscape = text_pdf(tmp_path / "wide.pdf", [["Landscape budget table"]],
                         page_size=(842, 595))
    spec = PackSpec(TITLE, (PackItem(1, "Plans", documents=(
        PackDocument("Site plan", rotated), PackDocument("Budget table", landscape))),),
        range_front_sheet([1]))
    out = tmp_path / "pack.pdf"
    build_pack(spec, out)
    assert stamped_numbers(page_texts(out)) == [(page, 6) for page in range(1, 7)]


def test_exempt_document_needs_a_public_interest_note_before_publication(papers, tmp_path):
    spec = agenda(papers, bids_access=Access("exempt", 3))
    with pytest.raises(ValidationError, match=r"Appendix 2 - bids from Acme.*public-interest"):
        build_pack(spec, tmp_path / "public.pdf")
    assert build_pack(spec, tmp_path / "members.pdf", audience=Audience.MEMBERS)


def test_a_password_protected_report_is_named(papers, tmp_path):
    locked = encrypted_pdf(tmp_path / "locked.pdf", papers["Minutes"])
    spec = PackSpec(TITLE, (PackItem(2, "Minutes", documents=(
        PackDocument("Minutes of 21 May 2019", locked),)),), range_front_sheet([2]))
    with pytest.raises(ClerkError, match="'Minutes of 21 May 2019' is password-protected"):
        build_pack(spec, tmp_path / "public.pdf")


def test_progress_counts_up_to_done(papers, tmp_path):
    seen: list[Progress] = []
    build_pack(agenda(papers), tmp_path / "public.pdf", progress=seen.append)
    assert all(isinstance(step, tuple) and len(step) == 3 for step in seen)
    assert [step.done for step in seen] == sorted(step.done for step in seen)
    assert seen[-1] == (100, 100, "Pack ready")


def files_in(folder):
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize("audience", list(Audience))
def test_cancelling_at_any_step_leaves_no_file(papers, tmp_path, audience):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    steps = len(list(pack_steps(agenda(papers), out_dir / "probe.pdf", audience=audience)))
    (out_dir / "probe.pdf").unlink()
    for cancel_after in range(1, steps):
        calls = iter(range(steps))
        result = build_pack(agenda(papers), out_dir / "pack.pdf", audience=audience,
                            cancelled=lambda: next(calls) + 1 >= cancel_after)  # noqa: B023
        assert result is None
        assert files_in(out_dir) == [], f"cancelled after {cancel_after} of {steps} steps"


def test_cancelling_keeps_the_previous_pack(papers, tmp_path):
    out = tmp_path / "public.pdf"
    out.write_bytes(b"the pack published last week")
    steps = pack_steps(agenda(papers), out)
    for _ in range(5):
        next(steps)
    steps.close()
    assert out.read_bytes() == b"the pack published last week"
    assert files_in(tmp_path) == ["papers", "public.pdf"]


def test_a_scanned_report_goes_in_with_an_accessibility_warning(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf", 1)
    spec = PackSpec(TITLE, (PackItem(3, "Petitions", documents=(
        PackDocument("Petition with signatures", scan),)),), range_front_sheet([3]))
    result = build_pack(spec, tmp_path / "public.pdf")
    assert result.page_count == 4
    assert result.warnings == (
        "'Petition with signatures' has no text layer (it looks scanned): screen readers "
        "cannot read it. Ask the author for a text PDF, or record an accessibility exception.",)
