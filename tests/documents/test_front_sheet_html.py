"""The HTML front sheet, parsed with the standard library's html.parser."""

from __future__ import annotations

from html.parser import HTMLParser

from clerkdesk.documents.front_sheet import AgendaSection
from clerkdesk.documents.html import linkify, render_front_sheet_html
from tests.documents.test_front_sheet_examples import (
    CCC_2019_MEMBERSHIP_LINES,
    PCC_2021_COUNCILLORS,
    PCC_2021_SUBSTITUTES,
    city_2021_context,
    county_2019_context,
    item,
)


class Outline(HTMLParser):
    """Collects what the tests look at: element texts by tag, attributes, and all text."""

    def __init__(self, html: str):
        super().__init__()
        self.open: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict, str]] = []  # (tag, attributes, text)
        self.texts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.handle_data(" ")
        if tag in ("br", "meta"):
            return
        self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        while self.open:
            name, attrs, parts = self.open.pop()
            text = " ".join("".join(parts).split())
            self.elements.append((name, attrs, text))
            if self.open:
                self.open[-1][2].append("".join(parts))
            if name == tag:
                break

    def handle_data(self, data):
        self.texts.append(data)
        if self.open:
            self.open[-1][2].append(data)

    def texts_of(self, tag: str) -> list[str]:
        return [text for name, _attrs, text in self.elements if name == tag]

    def attributes_of(self, tag: str) -> list[dict]:
        return [attrs for name, attrs, _text in self.elements if name == tag]

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())


def test_county_html_structure():
    context = county_2019_context()
    page = Outline(render_front_sheet_html(context))
    assert page.attributes_of("html") == [{"lang": "en-GB"}]
    assert page.texts_of("title") == [context.document_title]
    assert page.texts_of("h1") == ["CHILDREN AND YOUNG PEOPLE COMMITTEE"]
    assert page.texts_of("h2") == ["CONSTITUTIONAL MATTERS", "DECISIONS",
                                   "INFORMATION AND MONITORING REPORTS", "DECISIONS"]
    assert not page.texts_of("h3")
    assert len(page.texts_of("table")) == 4
    column_headers = [attrs.get("scope") for attrs in page.attributes_of("th")]
    assert column_headers.count("col") == 12 and column_headers.count("row") == 11
    assert page.texts_of("th")[:4] == ["Item", "Title", "Pages", "1."]
    rows = page.texts_of("tr")
    assert "2. Minutes of the Meeting on 21 May 2019 5 - 16" in rows
    assert "4. Petitions" in rows
    assert [a["datetime"] for a in page.attributes_of("time")] == ["2019-07-09T14:00"]
    links = [a["href"] for a in page.attributes_of("a")]
    assert links == ["http://tinyurl.com/ccc-conduct-code",
                     "mailto:Richenda.Greenhill@cambridgeshire.gov.uk",
                     "http://tinyurl.com/ccc-film-record", "https://tinyurl.com/ProcedureRules",
                     "http://tinyurl.com/ccc-carpark"]
    for fragment in ("Date: Tuesday, 09 July 2019", "14:00hr", "Shire Hall Castle Hill",
                     "Open to Public and Press", *CCC_2019_MEMBERSHIP_LINES,
                     "Clerk Name: Richenda Greenhill", "Clerk Telephone: 01223 699171"):
        assert fragment in page.text


def test_city_html_structure():
    page = Outline(render_front_sheet_html(city_2021_context()))
    assert page.texts_of("h1") == ["CHILDREN AND EDUCATION SCRUTINY COMMITTEE"]
    assert page.texts_of("h2") == []  # the city style has no sections
    assert page.texts_of("th")[:3] == ["Item", "Title", "Page No"]
    rows = page.texts_of("tr")
    assert "9. Forward Plan of Executive Decisions 197 - 238" in rows
    assert any(row.startswith("4. Call In of any Cabinet") and "three Members" in row
               for row in rows)
    for fragment in ("THURSDAY 15 JULY 2021", "7.00 PM", "Venue: Sand Martin House",
                     "6 September 2021 – Children and Education Scrutiny Committee",
                     "Did you know? All Peterborough", PCC_2021_COUNCILLORS,
                     PCC_2021_SUBSTITUTES):
        assert fragment in page.text


def test_html_escapes_what_it_is_given():
    hostile = '<script>alert("x")</script> & Co'
    context = county_2019_context(
        document_title=hostile,
        sections=(AgendaSection("<b>BOLD</b>", (item(1, hostile, "5 - 6",
                                                     "See <http://example.org/a?b=1&c=2>."),)),),
    )
    html = render_front_sheet_html(context)
    assert "<script>" not in html and "<b>BOLD" not in html
    assert "&lt;script&gt;" in html
    page = Outline(html)
    assert page.texts_of("title") == [hostile]
    assert page.texts_of("h2") == ["<b>BOLD</b>"]
    assert "http://example.org/a?b=1&c=2" in [a.get("href") for a in page.attributes_of("a")]


def test_linkify_keeps_sentence_punctuation_out_of_links():
    assert str(linkify("See https://x.org/a. Or <b>")) == (
        'See <a href="https://x.org/a">https://x.org/a</a>. Or &lt;b&gt;')
    assert str(linkify("no links & fine")) == "no links &amp; fine"
