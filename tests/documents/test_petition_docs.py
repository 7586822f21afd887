"""Petitions in documents: the public text (seed 000 appendix, seed 001 speaking rule) behind
the privacy guard, the response letter to the organiser read back from Word, and no
organiser contact detail in any public output of the demo council (rules.md §10)."""

from __future__ import annotations

import importlib.util
import io
from dataclasses import replace
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from clerkdesk.documents.action_log import render_action_log_docx, render_action_log_pdf
from clerkdesk.documents.petition_letter import TEMPLATE, write_petition_letter
from clerkdesk.documents.petition_text import public_petition_text, public_petition_text_for
from clerkdesk.domain.meetings import london_datetime
from clerkdesk.domain.petition_privacy import PrivacyError, organiser_leaks
from clerkdesk.domain.petition_scheme import OrganiserPublication, PetitionScheme
from clerkdesk.domain.petitions import Organiser, Petition, SupplementaryComment
from clerkdesk.errors import ClerkError
from clerkdesk.paths import templates_dir
from tests.conftest import DEMO_TODAY

LORNE = Organiser(7, "Lorne Williamson", locality="Cambridge",
                  address="12 Example Road\nChesterton\nCambridge", postcode="CB4 9ZZ",
                  email="lorne@example.org", telephone="01223 555 0101")
FIRST = ("We understand that the Children and Young Persons Committee will be deciding on "
         "whether to continue the financial support they have given to Whitworth House at the "
         "meeting on 21st May. We believe the present grant to be £65k p.a.")
SECOND = ("As residents of Chesterton Road and close neighbours of Whitworth House we would "
          "ask you to take into consideration ...")
SUPPLEMENT = ("Neighbours of Whitworth House are aware that the threat of imminent closure has "
              "been lifted and very much appreciate the additional funding now agreed.")
UNABLE = ("As there were less than 50 signatures, under the provisions of the Council's "
          "Petitions Scheme, the petitioners were unable to speak to the petition.")


def whitworth(**changes) -> Petition:
    petition = Petition(
        1, "Whitworth House – petition", text=f"{FIRST}\n\n{SECOND}", organiser=LORNE,
        received_on=date(2019, 5, 8), signatures=13,
        comments=(SupplementaryComment(date(2019, 5, 15), SUPPLEMENT),))
    return replace(petition, **changes)


# ----- public text -------------------------------------------------------------------------------


def test_public_text_follows_the_2019_appendix_and_the_2016_speaking_rule():
    public = public_petition_text(whitworth(), PetitionScheme())
    assert public.title == "Whitworth House – petition"
    assert public.paragraphs == (
        "Submitted by Lorne Williamson, Cambridge (13 signatures)", FIRST, SECOND,
        "Supplementary comment 15 May 2019:", SUPPLEMENT, UNABLE,
    )


@pytest.mark.parametrize(("signatures", "valid", "unable"), [(49, None, True), (50, None, False),
                                                             (60, 45, True), (60, 55, False)])
def test_the_petitioners_may_speak_from_the_threshold_on(signatures, valid, unable):
    public = public_petition_text(whitworth(signatures=signatures, valid_signatures=valid),
                                  PetitionScheme())
    assert (UNABLE in public.paragraphs) is unable
    assert public.paragraphs[0].endswith(
        f"({signatures} signatures{f', {valid} valid' if valid else ''})")


def test_the_organiser_is_printed_only_as_the_scheme_allows():
    name_only = PetitionScheme(organiser_publication=OrganiserPublication.NAME_ONLY)
    assert public_petition_text(whitworth(), name_only).paragraphs[0] == \
        "Submitted by Lorne Williamson (13 signatures)"
    nothing = PetitionScheme(organiser_publication=OrganiserPublication.NOTHING)
    public = public_petition_text(whitworth(), nothing)
    assert public.paragraphs[0] == "A petition with 13 signatures"
    assert not organiser_leaks(public.all_paragraphs, [LORNE], nothing)
    no_threshold = PetitionScheme(min_signatures_to_speak=None)
    assert UNABLE not in public_petition_text(whitworth(), no_threshold).paragraphs


@pytest.mark.parametrize("pasted", [
    "Call Lorne on 01223 5550101 for details.",
    "Contact lorne@example.org.",
    "Replies to 12 Example Road, please.",
    "Postcode CB4 9ZZ.",
])
def test_contact_details_pasted_into_the_text_stop_the_document(pasted):
    with pytest.raises(PrivacyError, match="Lorne Williamson"):
        public_petition_text(whitworth(text=f"{FIRST}\n\n{pasted}"), PetitionScheme())


def test_another_organisers_details_are_caught_too():
    other = Organiser(8, "Sam Other", email="sam@example.net")
    petition = whitworth(comments=(SupplementaryComment(date(2019, 5, 15), "See sam@example.net"),))
    assert public_petition_text(petition, PetitionScheme())  # only its own organiser checked
    with pytest.raises(PrivacyError, match="email address of Sam Other"):
        public_petition_text(petition, PetitionScheme(), [LORNE, other])


# ----- the response letter -----------------------------------------------------------------------


@pytest.fixture
def answered(services, make):
    make.council(address="Shire Hall\nCastle Hill\nCambridge CB3 0AP",
                 service_name="Democratic Services")
    cyp = make.committee(name="Children and Young People Committee", code="CYP")
    may = make.meeting(committee=cyp, start=london_datetime(date(2019, 5, 21), 14))
    petitions = services.petitions
    petition = petitions.register(replace(whitworth(id=None, comments=()),
                                          organiser=replace(LORNE, id=None), committee_id=cyp.id))
    petitions.accept(petition.id)
    petitions.schedule(petition.id, may.id)
    petitions.record_consideration(petition.id, "216")
    return petitions.record_response(
        petition.id, date(2019, 6, 4),
        "The Committee agreed to continue the grant for A & B <until the review>.\n\nThe review "
        "will report in the autumn.", "Councillor Simon Bywater, Chairman")


def test_the_response_letter_reads_back(services, answered, tmp_path):
    path = write_petition_letter(services, answered.id, tmp_path / "letter.docx", DEMO_TODAY)
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    assert text[:6] == ["Testshire County Council", "Democratic Services", "Shire Hall",
                        "Castle Hill", "Cambridge CB3 0AP", "4 June 2019"]  # the response date
    assert f"Our reference: Petition {answered.id}" in text
    # A private letter: the organiser's postal address is on it.
    assert text[text.index("Lorne Williamson"):][:5] == [
        "Lorne Williamson", "12 Example Road", "Chesterton", "Cambridge", "CB4 9ZZ"]
    assert "Dear Lorne Williamson," in text
    assert "Petition: Whitworth House – petition" in text
    assert ("Thank you for your petition, with 13 signatures, which the Council received on "
            "8 May 2019. The Children and Young People Committee considered it at its meeting "
            "on 21 May 2019.") in text
    assert "The Committee agreed to continue the grant for A & B <until the review>." in text
    assert "The review will report in the autumn." in text
    assert text[-3:] == ["Yours sincerely,", "Councillor Simon Bywater, Chairman",
                         "on behalf of the Children and Young People Committee"]
    assert not any("{{" in line or "{%" in line for line in text)
    assert document.core_properties.title == \
        "Response to the petition: Whitworth House – petition"
    assert document.core_properties.language == "en-GB"


def test_no_letter_without_a_response_or_an_organiser(services, make, tmp_path):
    make.council()
    petitions = services.petitions
    waiting = petitions.register(whitworth(id=None, organiser=replace(LORNE, id=None)))
    with pytest.raises(ClerkError, match="Record the response"):
        write_petition_letter(services, waiting.id, tmp_path / "a.docx", DEMO_TODAY)
    anonymous = petitions.register(whitworth(id=None, organiser=None))
    petitions.accept(anonymous.id)
    petitions.record_response(anonymous.id, date(2019, 6, 4), "Noted.")
    with pytest.raises(ClerkError, match="nobody to write to"):
        write_petition_letter(services, anonymous.id, tmp_path / "b.docx", DEMO_TODAY)
    assert not list(tmp_path.glob("*.docx"))


def test_a_councils_edited_template_wins(services, answered, tmp_path):
    override = tmp_path / "council-templates"
    (override / "word").mkdir(parents=True)
    edited = docx.Document(str(templates_dir() / TEMPLATE))
    edited.add_paragraph("Edited by the council: {{ reference }}")
    edited.save(str(override / TEMPLATE))
    path = write_petition_letter(services, answered.id, tmp_path / "letter.docx", DEMO_TODAY,
                                 override_dir=override)
    assert f"Edited by the council: Petition {answered.id}" in [
        p.text for p in docx.Document(str(path)).paragraphs]


def test_the_committed_template_matches_its_script():
    script = templates_dir() / "word" / "make_petition_template.py"
    spec = importlib.util.spec_from_file_location("make_petition_template", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (templates_dir() / TEMPLATE).read_bytes(), (
        "petition_response.docx differs from its script: run "
        "python templates/word/make_petition_template.py")


# ----- privacy across the demo council's public outputs ------------------------------------------


def test_no_organiser_contact_detail_reaches_a_public_output(demo):
    petitions = demo.petitions
    organisers = petitions.organisers()
    assert organisers and all(o.contact_details for o in organisers)
    public = [public_petition_text_for(demo, p.id).all_paragraphs for p in petitions.list()]
    for committee in demo.committees.list():
        word = docx.Document(io.BytesIO(render_action_log_docx(demo, committee, DEMO_TODAY)))
        public.append([p.text for p in word.paragraphs])
        public.append([c.text for t in word.tables for row in t.rows for c in row.cells])
        pdf = PdfReader(io.BytesIO(render_action_log_pdf(demo, committee, DEMO_TODAY)))
        public.append([page.extract_text() for page in pdf.pages])
    assert organiser_leaks(public, organisers, petitions.scheme()) == []
    names = " ".join(line for block in public for line in block)
    assert "Gareth Pryce, Fenchester (38 signatures)" in names  # the name and locality may show
