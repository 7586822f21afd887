"""Packs and publication of real demo agendas, read back with pypdf."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from clerkdesk.documents.pack import Audience
from clerkdesk.domain.agenda import AgendaItem
from clerkdesk.domain.meetings import LONDON
from clerkdesk.errors import ClerkError, LockedError
from tests.conftest import DEMO_TODAY


@pytest.fixture
def next_cyp(demo):
    cyp = demo.committees.by_code("CYP")
    meetings = [m for m in demo.meetings.search(committee_id=cyp.id) if m.date > DEMO_TODAY]
    return next(m for m in meetings if demo.agenda.items(m.id))


def page_number(text: str) -> int:
    return int(re.search(r"Page (\d+) of \d+", text).group(1))


def test_pack_ranges_bookmarks_numbers_and_metadata_agree(demo, next_cyp, tmp_path):
    out = tmp_path / "members.pdf"
    result = demo.packs.build_pack(next_cyp.id, out, Audience.MEMBERS)
    reader = PdfReader(out)
    texts = [page.extract_text() for page in reader.pages]
    assert [page_number(text) for text in texts] == list(range(1, len(texts) + 1))
    front = "\n".join(texts[:2])
    for number, (first, last) in result.ranges.items():
        assert first % 2 == 1 and last % 2 == 0
        assert re.search(rf"{number}\.?\s.*?{first} - {last}", front, re.S), number
    outline = {entry.title: reader.get_destination_page_number(entry) + 1
               for entry in reader.outline if not isinstance(entry, list)}
    items = demo.agenda.items(next_cyp.id)
    with_documents = [i for i in items if i.documents]
    for number, (first, _last) in result.ranges.items():
        title = next(i.title for n, i in enumerate(items, 1) if n == number)
        assert any(t.endswith(title) and page == first for t, page in outline.items()), title
    # Standing items may carry generated documents too: the previous meeting's minutes and
    # the action log (services/minutes_documents.py).
    attached = {n for n, i in enumerate(items, 1) if i in with_documents}
    standing = {n for n, i in enumerate(items, 1) if i.kind in ("minutes", "action log")}
    assert attached <= set(result.ranges) <= attached | standing
    assert reader.metadata.title.startswith("Children and Young People Committee — Agenda pack")
    assert str(reader.trailer["/Root"]["/Lang"]) == "en-GB"


def test_public_pack_withholds_the_exempt_appendix(demo, next_cyp, tmp_path):
    exempt = [d for i in demo.agenda.items(next_cyp.id) for d in i.documents
              if not d.access.is_open]
    assert exempt
    secret = PdfReader(demo.agenda.document_path(exempt[0])).pages[1].extract_text()
    line = max(secret.splitlines(), key=len)
    public = tmp_path / "public.pdf"
    demo.packs.build_pack(next_cyp.id, public, Audience.PUBLIC)
    public_text = "\n".join(page.extract_text() for page in PdfReader(public).pages)
    assert line not in public_text
    assert "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A" in public_text
    members = tmp_path / "members.pdf"
    demo.packs.build_pack(next_cyp.id, members, Audience.MEMBERS)
    members_text = "\n".join(page.extract_text() for page in PdfReader(members).pages)
    assert line in members_text and "NOT FOR PUBLICATION" in members_text


def test_publish_records_files_by_hash_then_supplements_never_overwrite(demo, next_cyp,
                                                                         tmp_path):
    at = datetime(2026, 11, 23, 9, 30, tzinfo=LONDON)
    result = demo.publishing.publish(next_cyp.id, tmp_path, now=at)
    assert result.publication.label == "Agenda"
    for path, record in zip(result.paths, result.publication.files, strict=True):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256
    assert result.compliance.achieved.clear_working_days == 10
    original = {p: p.read_bytes() for p in result.paths}
    with pytest.raises(ClerkError, match="Nothing new to publish"):
        demo.publishing.publish(next_cyp.id, tmp_path)
    first = demo.agenda.items(next_cyp.id)[0]
    with pytest.raises(LockedError):
        demo.agenda.update_item(first)
    demo.agenda.add_item(AgendaItem(None, next_cyp.id, "Urgent: Storm Damage to Schools",
                                    "DECISIONS", late=True, urgency_reason="Storm last week"))
    supplement = demo.publishing.publish(next_cyp.id, tmp_path,
                                         now=datetime(2026, 12, 2, 10, tzinfo=LONDON))
    assert supplement.publication.label == "Supplement 1"
    assert {p.name for p in supplement.paths}.isdisjoint(p.name for p in result.paths)
    assert all(p.read_bytes() == data for p, data in original.items())  # never altered
    html = next(p for p in supplement.paths if p.suffix == ".html").read_text()
    assert "Supplement 1" in html and "Storm Damage" in html
    assert [p.label for p in demo.publishing.history(next_cyp.id)] == ["Agenda", "Supplement 1"]


def test_cancelled_publication_leaves_nothing(demo, next_cyp, tmp_path):
    out = tmp_path / "published"
    steps = demo.publishing.publish_steps(next_cyp.id, out)
    for _ in range(40):
        step = next(steps)
        if step.done > 55:  # the public pack is written, the members' one is under way
            break
    steps.close()
    assert [p for p in out.rglob("*") if p.is_file()] == []
    assert demo.publishing.history(next_cyp.id) == []


def test_meeting_without_agenda_is_refused(demo, tmp_path):
    bare = next(m for m in demo.meetings.search() if not demo.agenda.items(m.id))
    with pytest.raises(ClerkError, match="has no items for an agenda yet"):
        demo.packs.build_pack(bare.id, tmp_path / "x.pdf", Audience.PUBLIC)
    assert not (tmp_path / "x.pdf").exists()


def test_front_sheet_formats(demo, next_cyp, tmp_path):
    from docx import Document

    path = demo.packs.write_front_sheet(next_cyp.id, "docx", tmp_path / "a.docx",
                                        ranges={7: (3, 24)})
    text = "\n".join(p.text for p in Document(path).paragraphs)
    tables = "\n".join(c.text for t in Document(path).tables for r in t.rows for c in r.cells)
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE" in text + tables
    assert "3 - 24" in tables
    html = demo.packs.write_front_sheet(next_cyp.id, "html", tmp_path / "a.html").read_text()
    assert '<html lang="en-GB"' in html
    with pytest.raises(ClerkError, match="Unknown format"):
        demo.packs.write_front_sheet(next_cyp.id, "rtf", tmp_path / "a.rtf")


def test_petitions_to_be_heard_are_listed_under_the_petitions_item(demo, next_cyp, tmp_path):
    petitions = demo.petitions.for_meeting(next_cyp.id)
    assert petitions
    html = demo.packs.write_front_sheet(next_cyp.id, "html", tmp_path / "a.html").read_text()
    for petition in petitions:
        assert f"Petition: {petition.title}" in html
        organiser = petition.organiser
        for private in (organiser.email, organiser.telephone, organiser.address):
            assert not private or private not in html
