"""The front sheet context: formatting helpers, membership paragraphs, validation."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from clerkdesk.documents.front_sheet import (
    AgendaSection,
    ClerkContact,
    MemberName,
    StandardParagraph,
    agenda_document_title,
    build_front_sheet_context,
    city_membership,
    county_membership,
    exempt_note,
    join_names,
    late_item_note,
    meeting_date_text,
    meeting_time_text,
    next_meeting_text,
    page_range_text,
)
from clerkdesk.documents.styles import STYLES, get_style
from clerkdesk.domain.membership import Role
from clerkdesk.errors import ClerkError, ValidationError
from tests.documents.test_front_sheet_examples import (
    CCC_2019_MEMBERS,
    CCC_2019_MEMBERSHIP_LINES,
    PCC_2021_COUNCILLORS,
    PCC_2021_MEMBERS,
    PCC_2021_SUBSTITUTES,
    appointee,
    city_2021_context,
    councillor,
    county_2019_context,
    item,
)


def test_dates_and_times_in_each_style():
    assert meeting_date_text("county", date(2019, 7, 9)) == "Tuesday, 09 July 2019"
    assert meeting_date_text("county", date(2016, 3, 8)) == "Tuesday, 08 March 2016"
    assert meeting_date_text("city", date(2021, 7, 15)) == "THURSDAY 15 JULY 2021"
    assert meeting_time_text("county", time(14, 0)) == "14:00hr"
    assert meeting_time_text("county", datetime(2019, 7, 9, 9, 30)) == "09:30hr"
    assert meeting_time_text("city", time(19, 0)) == "7.00 PM"
    assert meeting_time_text("city", time(12, 15)) == "12.15 PM"
    assert meeting_time_text("city", time(0, 5)) == "12.05 AM"
    assert meeting_time_text("city", time(10, 30)) == "10.30 AM"


def test_titles_ranges_and_notes():
    assert agenda_document_title("Children and Young People Committee", date(2019, 7, 9)) == (
        "Children and Young People Committee — Agenda — Tuesday 9 July 2019")
    assert agenda_document_title("X Committee", date(2019, 7, 9), "Supplement 1").endswith(
        "Tuesday 9 July 2019 — Supplement 1")
    assert next_meeting_text(date(2021, 9, 6), "Children and Education Scrutiny Committee") == (
        "6 September 2021 – Children and Education Scrutiny Committee")
    assert page_range_text(5, 16) == "5 - 16"
    assert page_range_text(7, 7) == "7"
    assert exempt_note(3) == ("Exempt: paragraph 3 of Part 1 of Schedule 12A to the "
                              "Local Government Act 1972")
    assert late_item_note(" the contract must be signed by 12 July ") == (
        "(late item: reason for urgency – the contract must be signed by 12 July)")


def test_county_membership_paragraph_matches_the_2019_seed():
    block = county_membership("Children and Young People Committee", CCC_2019_MEMBERS)
    assert block.heading == (
        "The Children and Young People Committee comprises the following members:")
    assert block.lines == CCC_2019_MEMBERSHIP_LINES
    assert block.substitutes == ""


def test_county_membership_paragraph_matches_the_2016_seed():
    members = [
        councillor("Julie", "Wisson"), councillor("Zoe", "Moghadas"),
        MemberName("Mrs Simone Leigh Taylor", "S Taylor", "Taylor", Role.MEMBER,
                   forenames="Simone Leigh"),
        councillor("David", "Brown", Role.VICE_CHAIR, "Vice-Chairman"),
        MemberName("Councillor Sir Peter Brown", "P Brown", "Brown", Role.MEMBER,
                   forenames="Peter"),
        councillor("Simon", "Bywater"), councillor("Daniel", "Divine"),
        councillor("Peter", "Downes"), councillor("Stephen", "Frost"),
        councillor("David", "Harty"), councillor("Maurice", "Leeke"),
        councillor("Mervyn", "Loynes"), councillor("Joan", "Whitehead", Role.CHAIR, "Chairwoman"),
        appointee("Mrs Polly Stanton", "Stanton"), appointee("Mr Paul Rossi", "Rossi"),
        councillor("Kevin", "Spare", Role.SUBSTITUTE),  # CCC front sheets list no substitutes
    ]
    block = county_membership("Children and Young People Committee", members)
    assert block.lines == (
        "Councillor Joan Whitehead (Chairwoman) Councillor David Brown (Vice-Chairman)",
        "Councillor Sir Peter Brown Councillor Simon Bywater Councillor Daniel Divine "
        "Councillor Peter Downes Councillor Stephen Frost Councillor David Harty Councillor "
        "Maurice Leeke Councillor Mervyn Loynes Councillor Zoe Moghadas Mrs Simone Leigh "
        "Taylor and Councillor Julie Wisson",
        "Mr Paul Rossi (Appointee) Mrs Polly Stanton (Appointee)",
    )


def test_city_membership_matches_the_2021_seed():
    block = city_membership(PCC_2021_MEMBERS)
    assert block.heading == "Committee Members:"
    assert block.lines == (PCC_2021_COUNCILLORS,)
    # Co-optees and the co-optee's parish substitute are not on the city front sheet.
    assert block.substitutes == PCC_2021_SUBSTITUTES


def test_membership_edge_cases():
    assert join_names([], ", ", " and ") == ""
    assert join_names(["A"], ", ", " and ") == "A"
    assert join_names(["A", "B"], ", ", ", and ") == "A, and B"
    nobody = city_membership([])
    assert nobody.lines == () and nobody.substitutes == ""
    only_chair = county_membership("X", [councillor("Ann", "Able", "chair")])
    assert only_chair.lines == ("Councillor Ann Able (Chair)",)
    with pytest.raises(ValueError):
        councillor("Ann", "Able", "emperor")


def test_the_context_validates_everything_at_once():
    broken = county_2019_context(committee_name="", venue=" ", style="gothic", sections=(
        AgendaSection("A", (item(1, "One", "5 to 16"), item(1, ""))),
    ))
    with pytest.raises(ValidationError) as raised:
        broken.validate()
    problems = raised.value.problems
    assert "Unknown front sheet style 'gothic'." in problems
    assert "The committee needs a name." in problems
    assert "The meeting needs a venue." in problems
    assert "Item number 1 is used twice." in problems
    assert "Item 1 has no title." in problems
    assert "Item 1: '5 to 16' is not a page range like 5 - 16." in problems
    with pytest.raises(ValidationError, match=r"context\.clerk\.telephone is None"):
        county_2019_context(clerk=ClerkContact("A Clerk", None, "a@b.c")).validate()
    with pytest.raises(ValidationError, match=r"context\.sections\[0\]\.agenda_items\[0\]\.pages"):
        county_2019_context(sections=(AgendaSection("", (item(1, "One", None),)),)).validate()
    with pytest.raises(ValidationError, match="no items"):
        county_2019_context(sections=()).validate()


def test_page_ranges_can_be_replaced_for_the_packs_second_pass():
    context = county_2019_context()
    updated = context.with_page_ranges({"2": "5 - 18", "11": "245 - 264"})
    pages = {line.number: line.pages for line in updated.all_items}
    assert pages["2"] == "5 - 18" and pages["11"] == "245 - 264"
    assert pages["3"] == "17 - 22" and pages["1"] == ""
    assert context.all_items[1].pages == "5 - 16"  # the original is unchanged


def test_template_dict_has_derived_values_and_plain_types():
    late = item(12, "Urgent item", "", late_note=late_item_note("deadline"),
                access_note=exempt_note(3))
    context = county_2019_context(
        sections=(AgendaSection("DECISIONS", (late,)),),
        standard_paragraphs=(StandardParagraph("Text", "Did you know?"),
                             StandardParagraph("Text", "Recording")),
    )
    data = context.to_template_dict()
    assert data["committee_heading"] == "CHILDREN AND YOUNG PEOPLE COMMITTEE"
    assert data["sections"][0]["agenda_items"][0]["note_lines"] == [
        exempt_note(3), late_item_note("deadline")]
    assert [p["lead_in"] for p in data["standard_paragraphs"]] == [
        "Did you know? ", "Recording: "]
    assert data["supplement"] is None


def test_city_context_has_its_own_formats_and_next_meeting():
    context = city_2021_context()
    assert (context.date_text, context.time_text) == ("THURSDAY 15 JULY 2021", "7.00 PM")
    assert context.next_meeting == (
        "6 September 2021 – Children and Education Scrutiny Committee")
    assert context.starts_at_iso == "2021-07-15T19:00"


def test_styles_are_listed_and_an_unknown_one_is_a_clerk_error():
    assert set(STYLES) == {"county", "city"}
    assert all(style.description for style in STYLES.values())
    with pytest.raises(ClerkError, match=r"no front sheet style called 'gothic'.*county, city"):
        get_style("gothic")


def test_supplement_heading_is_formatted_in_the_style():
    context = county_2019_context()
    assert context.supplement is None
    supplement = build_front_sheet_context(
        style="city", council=context.council, committee_name="X Committee",
        starts_at=datetime(2021, 7, 15, 19), venue="Hall", sections=context.sections,
        members=[], clerk=context.clerk, supplement=("Supplement 1", date(2021, 7, 12)))
    assert supplement.supplement.label == "Supplement 1"
    assert supplement.supplement.date_text == "MONDAY 12 JULY 2021"
    assert supplement.document_title.endswith("— Supplement 1")
