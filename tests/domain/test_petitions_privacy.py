"""What may be printed about a petition organiser, and the guard renderers call (rules.md §10)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from clerkdesk.domain.petition_privacy import (
    UNNAMED_ORGANISER,
    PrivacyError,
    assert_no_organiser_contact_details,
    organiser_leaks,
    public_organiser_phrase,
    public_organiser_text,
)
from clerkdesk.domain.petition_scheme import OrganiserPublication, PetitionScheme
from clerkdesk.domain.petitions import Organiser, Petition

LORNE = Organiser(
    id=1, name="Lorne Williamson", locality="Cambridge",
    address="12 Chesterton Road\nCambridge", postcode="CB4 3AX",
    email="lorne.w@example.org", telephone="+44 (0)1223 555010",
)
WHITWORTH = Petition(1, "Whitworth House – petition", organiser=LORNE, signatures=13)
# The appendix text as published (seed 000 lines 304-320), abridged: it names the street the
# neighbours live on, which must not be taken for the organiser's address.
APPENDIX = {
    "title": "Whitworth House – petition",
    "submitted_by": "Submitted by Lorne Williamson, Cambridge (13 signatures)",
    "paragraphs": [
        "As residents of Chesterton Road and close neighbours of Whitworth House we would ask "
        "you to take into consideration ... at a weekly cost per resident of only £78.",
        "Supplementary comment 15 May 2019:",
    ],
    "signature": "Lorne Williamson",
}

SCHEMES = {publication: PetitionScheme(organiser_publication=publication)
           for publication in OrganiserPublication}


@pytest.mark.parametrize(
    ("publication", "text", "phrase"),
    [
        (OrganiserPublication.NAME_AND_LOCALITY, "Lorne Williamson, Cambridge",
         "Lorne Williamson, Cambridge"),
        (OrganiserPublication.NAME_ONLY, "Lorne Williamson", "Lorne Williamson"),
        (OrganiserPublication.NOTHING, "", "the petition organiser"),
    ],
)
def test_public_organiser_text_follows_the_scheme(publication, text, phrase):
    assert public_organiser_text(WHITWORTH, SCHEMES[publication]) == text
    assert public_organiser_phrase(WHITWORTH, SCHEMES[publication]) == phrase


def test_no_locality_prints_the_name_alone_and_no_organiser_prints_nothing():
    scheme = SCHEMES[OrganiserPublication.NAME_AND_LOCALITY]
    no_locality = replace(WHITWORTH, organiser=replace(LORNE, locality=" "))
    assert public_organiser_text(no_locality, scheme) == "Lorne Williamson"
    unknown = replace(WHITWORTH, organiser=None)
    assert public_organiser_text(unknown, scheme) == ""
    assert public_organiser_phrase(unknown, scheme) == UNNAMED_ORGANISER


@pytest.mark.parametrize("publication", list(OrganiserPublication))
def test_public_text_never_holds_a_contact_detail(publication):
    scheme = SCHEMES[publication]
    printed = [public_organiser_text(WHITWORTH, scheme), public_organiser_phrase(WHITWORTH,
               scheme)]
    assert organiser_leaks(printed, [LORNE], scheme) == []


def test_an_address_typed_into_the_locality_is_caught_before_it_is_printed():
    careless = replace(WHITWORTH, organiser=replace(LORNE, locality="12 Chesterton Road"))
    printed = public_organiser_text(careless, SCHEMES[OrganiserPublication.NAME_AND_LOCALITY])
    with pytest.raises(PrivacyError, match="the address of Lorne Williamson"):
        assert_no_organiser_contact_details(printed, [careless.organiser])


def test_the_published_appendix_passes_the_guard():
    assert_no_organiser_contact_details(APPENDIX, [LORNE], SCHEMES["name and locality"])


@pytest.mark.parametrize(
    ("public", "what"),
    [
        ("Contact lorne.w@example.org for details", "email address"),
        ("E-mail: LORNE.W@EXAMPLE.ORG", "email address"),
        ("Phone 01223 555010", "telephone number"),
        ("Phone 01223-555-010", "telephone number"),
        ("Phone +441223555010", "telephone number"),
        ("Phone (01223) 555 010", "telephone number"),
        ("Postcode CB4 3AX", "postcode"),
        ("cb43ax", "postcode"),
        ("Lives at 12 Chesterton  Road", "address"),
    ],
)
def test_each_kind_of_contact_detail_is_caught_however_it_is_written(public, what):
    assert organiser_leaks(public, [LORNE]) == [f"the {what} of Lorne Williamson"]


@dataclass
class Row:
    label: str
    cells: tuple


@pytest.mark.parametrize(
    "context",
    [
        {"items": [{"petitions": [{"text": "Email lorne.w@example.org"}]}]},
        [("heading", ["deep", {"key": "lorne.w@example.org"}])],
        {"lorne.w@example.org": "as a key"},
        Row("row", ("one", "lorne.w@example.org")),
        b"bytes with lorne.w@example.org",
    ],
)
def test_the_guard_looks_through_nested_contexts(context):
    with pytest.raises(PrivacyError, match="the email address of Lorne Williamson"):
        assert_no_organiser_contact_details(context, [LORNE])


def test_the_refusal_names_what_leaked_without_repeating_it():
    with pytest.raises(PrivacyError) as raised:
        assert_no_organiser_contact_details(
            {"minute": "Lorne Williamson (lorne.w@example.org, 01223 555010)"}, [LORNE]
        )
    message = raised.value.message
    assert "the email address of Lorne Williamson" in message
    assert "the telephone number of Lorne Williamson" in message
    assert "example.org" not in message and "555010" not in message
    assert "nothing was published" in message


def test_the_name_counts_as_private_when_the_scheme_prints_nothing():
    nothing = SCHEMES[OrganiserPublication.NOTHING]
    with pytest.raises(PrivacyError, match="the name of Lorne Williamson"):
        assert_no_organiser_contact_details(APPENDIX, [LORNE], nothing)
    assert_no_organiser_contact_details(APPENDIX, [LORNE], SCHEMES["name only"])
    assert_no_organiser_contact_details(APPENDIX, [LORNE])  # no scheme: contact details only


def test_ordinary_numbers_and_street_names_are_not_mistaken_for_contact_details():
    public = {
        "text": "Members considered item 12 on 21 May 2019 at 14:00; the grant of £65,000 "
        "for Chesterton Road, Cambridge was 1223 less than asked; see page 555.",
        "numbers": [1223, 555010, 3.5, None, True],
    }
    assert organiser_leaks(public, [LORNE]) == []


def test_an_organiser_without_contact_details_cannot_leak_any():
    bare = Organiser(2, "A Petitioner")
    assert organiser_leaks("A Petitioner wrote to us", [bare]) == []


def test_a_house_name_is_caught_but_the_street_and_town_alone_are_not():
    cottage = Organiser(3, "Sam Field", locality="Fordham",
                        address="Rose Cottage\nHigh Street\nFordham")
    assert organiser_leaks("Sam Field of Rose Cottage", [cottage]) == ["the address of Sam Field"]
    assert organiser_leaks("Residents of High Street, Fordham signed", [cottage]) == []
