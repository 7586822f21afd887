"""Minutes in Word, PDF and HTML, both layouts, read back from the real files.

The minutes are the 21 May 2019 Children and Young People Committee minutes (seed 000 lines
79-320), recorded through the real services: attendance with a substitute and an absent
co-optee, the seed's declarations, a lettered resolution, actions, a named vote, the
petition in an appendix.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import uuid
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from clerkdesk.documents.minutes_context import DRAFT_LABEL, clock, time_range
from clerkdesk.domain.declarations import Declaration, InterestType
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.minutes import SubstituteDisplay
from clerkdesk.domain.petitions import Organiser, Petition
from clerkdesk.domain.voting import Choice, NamedVote, Vote
from clerkdesk.paths import templates_dir
from clerkdesk.services.minutes_documents import MinutesDocuments
from tests.services.test_minutes_fixtures import build_cyp

HOUSING_BODY = """The Committee received a report setting out the position in relation to Housing \
Related Support Services & the review <in 2019>.

Arising from the report, Members noted:

- The concierge model of support was already in operation elsewhere within the county;
(**Action:** Head of Service – Children's Commissioning)
- A lot of the services were also available via referral to residents of South \
Cambridgeshire."""

HOUSING_RESOLUTION = """a) Review and approve the approach being taken to review Housing \
Related Support services;
b) Consider and approve the extension to a number of young people's-related commissioned \
services."""

FREE_SCHOOLS_RESOLUTION = """1) For Members to note:
  a) the latest position regarding Wave 11 and Wave 12 free schools
  b) the latest position regarding Wave 13
2) For Members to agree the arrangements for the consultation."""

PETITION_TEXT = ("We understand that the Children and Young Persons Committee will be deciding "
                 "on whether to continue the financial support they have given to Whitworth "
                 "House.\n\nMany of us have lived on Chesterton Road for many years.")


@pytest.fixture
def may(services, make):
    """The 21 May 2019 minutes, numbered 211 onwards, with everything the layouts print."""
    cyp = build_cyp(services, make)
    services.committees.update(replace(cyp.committee, next_minute_number=211))
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(
        settings, interest_vocabulary="pecuniary-non-pecuniary",
        substitutes=SubstituteDisplay.IN_PRESENT_LIST))
    services.meetings.update(replace(cyp.may, end=london_datetime(date(2019, 5, 21), 16, 25),
                                     venue="Kreis Viersen Room, Shire Hall, Cambridge"))
    cyp.mark_may_attendance()
    services.minutes.attendance.add_officer(cyp.may.id, cyp.pid("Greenhill"))
    item = cyp.item("Free School Proposals")
    for surname in ("Every", "Goldsack"):
        services.minutes.declarations.add(Declaration(
            None, cyp.may.id, cyp.pid(surname), item.id, InterestType.NON_PECUNIARY,
            "as a governor"))
    services.minutes.create_from_agenda(cyp.may.id)
    housing = cyp.minute_for("Housing Related Support Services")
    services.minutes.update(replace(housing, body=HOUSING_BODY, resolution=HOUSING_RESOLUTION,
                                    unanimous=True))
    finance = cyp.minute_for("Finance and Performance")
    services.minutes.save_resolution(finance.id, "review and comment on the report")
    free = cyp.minute_for("Free School Proposals")
    services.minutes.update(replace(free, resolution=FREE_SCHOOLS_RESOLUTION, unanimous=True))
    plan = cyp.minute_for("Agenda Plan")
    services.minutes.save_resolution(plan.id, "note the agenda plan")
    services.minutes.actions.add(plan.id, "Democratic Services Officer",
                                 "To add the Members' Seminar to the training plan.")
    safeguarding = cyp.minute_for("Multi-Agency")
    services.minutes.save_resolution(safeguarding.id, "note the report")
    services.minutes.votes.record(Vote(
        None, safeguarding.id, requested_by="Councillor Downes",
        names=(NamedVote(cyp.pid("Bywater"), Choice.FOR), NamedVote(cyp.pid("Hoy"), Choice.FOR),
               NamedVote(cyp.pid("Downes"), Choice.AGAINST),
               NamedVote(cyp.pid("Taylor"), Choice.ABSTAIN))))
    petition = services.petitions.register(Petition(
        None, "Whitworth House – petition", PETITION_TEXT,
        Organiser(None, "Lorne Williamson", "Cambridge", "1 Chesterton Road", "CB4 1AA",
                  "lorne@example.org", "01223 000000"),
        date(2019, 5, 1), signatures=13, committee_id=cyp.committee.id))
    services.petitions.accept(petition.id)
    services.petitions.schedule(petition.id, cyp.may.id, cyp.item("Housing").id)
    services.petitions.record_consideration(petition.id, housing.number, housing.id)
    return cyp


def write(services, cyp, fmt, tmp_path, style=None, name="minutes"):
    out = tmp_path / f"{name}-{style or 'own'}.{fmt}"
    return MinutesDocuments(services).write(cyp.may.id, fmt, out, style=style)


def docx_text(path: Path) -> tuple[list, str]:
    document = Document(path)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    return paragraphs, "\n".join(text for _, text in paragraphs)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return " ".join(text.split())


def approve(services, cyp):
    services.minutes.lifecycle.publish(cyp.may.id)
    services.minutes.create_from_agenda(cyp.july.id) if services.agenda.items(cyp.july.id) \
        else None
    services.minutes.lifecycle.approve(cyp.may.id, cyp.july.id)
    services.minutes.lifecycle.sign(cyp.may.id, cyp.pid("Bywater"), date(2019, 7, 9))


# -- the shared formatting ---------------------------------------------------------------------


def test_times_are_written_as_the_minutes_write_them(may, services):
    meeting = services.meetings.get(may.may.id)
    assert clock(meeting.start) == "2.00pm"
    assert time_range(meeting) == "2.00pm – 4.25pm"
    assert time_range(meeting, " to ") == "2.00pm to 4.25pm"
    assert clock(london_datetime(date(2019, 5, 21), 12)) == "12.00pm"
    assert clock(london_datetime(date(2019, 5, 21), 10, 5)) == "10.05am"


# -- Word ----------------------------------------------------------------------------------------


def test_county_word_reads_like_the_2019_minutes(may, services, tmp_path):
    paragraphs, text = docx_text(write(services, may, "docx", tmp_path, "county"))
    headings = [t for style, t in paragraphs if style.startswith("Heading")]
    assert headings[0] == "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES"
    assert "Date: 21 May 2019" in text and "Time: 2.00pm – 4.25pm" in text
    assert "Venue: Kreis Viersen Room, Shire Hall, Cambridge" in text
    present = next(t for _, t in paragraphs if t.startswith("Present:"))
    assert present.startswith(
        "Present: Councillors S Bywater (Chairman), S Hoy (Vice-Chairwoman), ")
    assert "M Goldsack (substituting for A Hay)" in present
    assert "Co-opted member: A Read" in text
    assert "Apologies: Councillor A Hay" in text
    # The absent co-optee sits under the apologies, indented (seed 000 lines 91-92).
    assert ("Attendance Continued", "Co-opted member: F Vettese") in paragraphs
    assert "Officers: Richenda Greenhill (Democratic Services Officer)" in text
    assert "CONSTITUTIONAL MATTERS" in headings and "KEY DECISIONS" in headings
    assert "216. HOUSING RELATED SUPPORT SERVICES" in headings
    assert [s for s, t in paragraphs if t == "216. HOUSING RELATED SUPPORT SERVICES"] == \
        ["Heading 3"]
    # autoescape: the ampersand and angle brackets survive
    assert "Housing Related Support Services & the review <in 2019>." in text
    assert "It was resolved unanimously to:" in text
    items = [(s, t) for s, t in paragraphs if t.startswith(("a)\t", "b)\t"))]
    assert items[0] == ("Minute Item", "a)\tReview and approve the approach being taken to "
                                       "review Housing Related Support services;")
    assert "(Action: Head of Service – Children's Commissioning)" in text
    assert "It was resolved to review and comment on the report." in text
    assert "(Action: Democratic Services Officer)" in text
    assert "Declarations of interest in this item were made at the start of the meeting by " \
           "Councillors Every and Goldsack (minute 212 above refers)." in text
    assert "A recorded vote was requested by Councillor Downes." in text
    assert "For (2): Councillors S Bywater and S Hoy" in text
    subitems = [t for s, t in paragraphs if s == "Minute Subitem"]
    assert subitems[0].startswith("a)\tthe latest position regarding Wave 11")
    signature = [t for s, t in paragraphs if s == "Signature"]
    assert signature == ["Chairman"]
    assert "(date)" in text
    assert "Appendix 1: Whitworth House – petition" in headings
    assert "Submitted by Lorne Williamson, Cambridge (13 signatures)" in text
    assert "lorne@example.org" not in text and "CB4 1AA" not in text


def test_word_properties_and_the_draft_header(may, services, tmp_path):
    draft = Document(write(services, may, "docx", tmp_path, "county"))
    assert draft.core_properties.title == \
        "Children and Young People Committee — Minutes — 21 May 2019"
    assert draft.core_properties.language == "en-GB"
    header = "\n".join(p.text for p in draft.sections[0].header.paragraphs)
    assert DRAFT_LABEL in header
    assert DRAFT_LABEL in [p.text for p in draft.paragraphs]
    approve(services, may)
    final = Document(write(services, may, "docx", tmp_path, "county", name="approved"))
    assert DRAFT_LABEL not in "\n".join(p.text for p in final.sections[0].header.paragraphs)
    assert DRAFT_LABEL not in "\n".join(p.text for p in final.paragraphs)
    assert any(p.text.startswith("Approved as an accurate record at the meeting on 9 July 2019")
               for p in final.paragraphs)


def use_city(services, cyp):
    """The committee's minutes in the city style: its wording, and so its layout."""
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(settings, style="city"))
    services.minutes.regenerate_standard_text(cyp.minute_for("Apologies").id)


def test_city_word_heading_agreed_actions_and_closing_time(may, services, tmp_path):
    use_city(services, may)
    paragraphs, text = docx_text(write(services, may, "docx", tmp_path))
    assert paragraphs[0] == ("Heading 1", "MINUTES OF THE CHILDREN AND YOUNG PEOPLE COMMITTEE "
                                          "MEETING HELD AT 2.00PM ON TUESDAY 21 MAY 2019")
    assert "KREIS VIERSEN ROOM, SHIRE HALL, CAMBRIDGE" in text
    assert "Committee Members Present: Councillors S Bywater (Chairman)" in text
    assert "AGREED ACTIONS" in text
    assert "The Children and Young People Committee RESOLVED unanimously to:" in text
    assert "Apologies for absence were received from Councillor Anne Hay" in text
    assert paragraphs[-1][1] != "2.00pm to 4.25pm"  # the alternative-formats note is last
    assert "2.00pm to 4.25pm" in [t for _, t in paragraphs]


# -- PDF -----------------------------------------------------------------------------------------


def test_county_pdf_has_the_same_facts(may, services, tmp_path):
    path = write(services, may, "pdf", tmp_path, "county")
    reader = PdfReader(path)
    text = squash("\n".join(pdf_pages(path)))
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in text
    assert "Date: 21 May 2019" in text and "Time: 2.00pm – 4.25pm" in text
    assert "M Goldsack (substituting for A Hay)" in text
    assert "216. HOUSING RELATED SUPPORT SERVICES" in text
    assert "It was resolved unanimously to:" in text
    assert "a) Review and approve the approach" in text
    assert "(Action: Head of Service – Children's Commissioning)" in text
    assert "Chairman (date)" in text
    assert reader.metadata.title == "Children and Young People Committee — Minutes — 21 May 2019"
    assert str(reader.trailer["/Root"]["/Lang"]) == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert outline[0] == "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES"
    nested = [e.title for group in reader.outline if isinstance(group, list) for e in group
              if not isinstance(e, list)]
    assert "CONSTITUTIONAL MATTERS" in nested
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert all("+" in name for name in fonts), fonts  # embedded subsets, no bare Helvetica


def test_draft_marked_on_every_page_and_approved_not_at_all(may, services, tmp_path):
    services.minutes.lifecycle.publish(may.may.id)
    pages = pdf_pages(write(services, may, "pdf", tmp_path, "county"))
    assert len(pages) >= 2
    assert all(DRAFT_LABEL in page for page in pages)
    services.minutes.lifecycle.approve(may.may.id, may.july.id)
    approved = pdf_pages(write(services, may, "pdf", tmp_path, "county", name="approved"))
    assert not any("DRAFT" in page for page in approved)


def test_city_pdf_prints_resolved_and_the_times_last(may, services, tmp_path):
    use_city(services, may)
    text = squash("\n".join(pdf_pages(write(services, may, "pdf", tmp_path))))
    assert "MINUTES OF THE CHILDREN AND YOUNG PEOPLE COMMITTEE MEETING HELD AT 2.00PM ON " \
           "TUESDAY 21 MAY 2019" in text
    assert "AGREED ACTIONS" in text and "RESOLVED unanimously to:" in text
    assert "Chairman (date) 2.00pm to 4.25pm" in text


# -- HTML ----------------------------------------------------------------------------------------


class Outline(HTMLParser):
    """The page's language, title, headings in order and list structure."""

    def __init__(self):
        super().__init__()
        self.lang, self.title, self.headings, self.lists, self.stack = None, "", [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if not self.stack:
            return
        if self.stack[-1] == "title":
            self.title += data
        elif self.stack[-1] in ("h1", "h2", "h3") and data.strip():
            self.headings.append((self.stack[-1], data.strip()))


def test_html_is_structured_and_escaped(may, services, tmp_path):
    html = write(services, may, "html", tmp_path, "county").read_text(encoding="utf-8")
    page = Outline()
    page.feed(html)
    assert page.lang == "en-GB"
    assert page.title == "Children and Young People Committee — Minutes — 21 May 2019"
    levels = [level for level, _ in page.headings]
    assert levels[0] == "h1" and levels.count("h1") == 1
    for before, after in pairwise(levels):
        assert int(after[1]) <= int(before[1]) + 1  # no level is skipped
    assert ("h3", "216. HOUSING RELATED SUPPORT SERVICES") in page.headings
    assert ("h2", "Appendix 1: Whitworth House – petition") in page.headings
    assert "ul" in page.lists and "ol" in page.lists
    assert "Services &amp; the review &lt;in 2019&gt;." in html
    assert '<span class="label">a)</span> Review and approve' in html
    assert DRAFT_LABEL in html


# -- LibreOffice ---------------------------------------------------------------------------------


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_minutes(may, services, tmp_path):
    source = write(services, may, "docx", tmp_path, "county")
    out = tmp_path / "converted"
    profile = tmp_path / f"lo-{uuid.uuid4().hex}"
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(home)})
    text = squash("\n".join(pdf_pages(out / f"{source.stem}.pdf")))
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in text
    assert "Time: 2.00pm – 4.25pm" in text
    assert "216. HOUSING RELATED SUPPORT SERVICES" in text
    assert "a) Review and approve the approach" in text
    assert "(Action: Head of Service – Children's Commissioning)" in text
    assert DRAFT_LABEL in text


# -- the templates ---------------------------------------------------------------------------------


def test_committed_word_templates_match_their_script():
    script = templates_dir() / "word" / "make_minutes_templates.py"
    spec = importlib.util.spec_from_file_location("make_minutes_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.build_all().items():
        assert (templates_dir() / "word" / name).read_bytes() == data, (
            f"{name} differs from its script: run python templates/word/make_minutes_templates.py")
