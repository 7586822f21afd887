"""The written response to a petition, as a letter to its organiser, from a Word template.

The template (``templates/word/petition_response.docx``, made by
``make_petition_template.py``; a council's edited copy wins) is filled with docxtpl and
autoescaping. The letter is private correspondence: it carries the organiser's postal
address, which public documents never do (rules.md §10), so it is written only to the file
the clerk chooses and is never part of a pack or a publication.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.documents.petition_text import signatures_text
from clerkdesk.documents.styles import find_template
from clerkdesk.documents.word import fill_docx_template
from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.council import CouncilProfile
from clerkdesk.domain.petitions import Petition
from clerkdesk.errors import ClerkError

TEMPLATE = "word/petition_response.docx"
LANGUAGE = "en-GB"


@dataclass(frozen=True)
class LetterCouncil:
    name: str
    service_name: str
    address_lines: tuple[str, ...]


@dataclass(frozen=True)
class LetterOrganiser:
    name: str
    address_lines: tuple[str, ...]  # the address, then the postcode


@dataclass(frozen=True)
class LetterPetition:
    title: str
    signatures_text: str  # "13 signatures"
    received_date: str  # "3 October 2026", or "" when not recorded


@dataclass(frozen=True)
class PetitionLetterContext:
    council: LetterCouncil
    letter_date: str
    reference: str
    organiser: LetterOrganiser
    petition: LetterPetition
    committee_name: str
    meeting_date: str  # "" when no meeting considered it
    response_paragraphs: tuple[str, ...]
    signatory: str
    signatory_role: str

    @property
    def document_title(self) -> str:
        return f"Response to the petition: {self.petition.title}"

    def to_template_dict(self) -> dict:
        return asdict(self)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")
                 if block.strip())


def build_letter_context(
    petition: Petition,
    council: CouncilProfile | None,
    committee_name: str,
    letter_date: date,
) -> PetitionLetterContext:
    """Everything the letter prints, formatted once. Refuses a petition with no organiser
    (nobody to write to) or no recorded response (nothing to say yet)."""
    organiser = petition.organiser
    if organiser is None or not organiser.name.strip():
        raise ClerkError("This petition has no organiser on record, so there is nobody to "
                         "write to. Add the organiser on the petition first.")
    if not petition.response_text.strip():
        raise ClerkError("Record the response to the petition first: its text is the body "
                         "of the letter.")
    address = [line.strip() for line in organiser.address.splitlines() if line.strip()]
    if organiser.postcode.strip():
        address.append(organiser.postcode.strip().upper())
    service_name = council.service_name if council else "Democratic Services"
    # The seeds: the Chairman writes "on behalf of the Committee" (seed 000, 001).
    responder = petition.responder.strip()
    on_behalf = bool(responder and committee_name and "behalf" not in responder.casefold())
    return PetitionLetterContext(
        council=LetterCouncil(council.name if council else "", service_name,
                              tuple(council.address_lines) if council else ()),
        letter_date=format_long_date(letter_date),
        reference=f"Petition {petition.id}" if petition.id is not None else "Petition",
        organiser=LetterOrganiser(organiser.name.strip(), tuple(address)),
        petition=LetterPetition(
            petition.title.strip(), signatures_text(petition),
            format_long_date(petition.received_on) if petition.received_on else ""),
        committee_name=committee_name,
        meeting_date=format_long_date(petition.meeting_date) if petition.meeting_date else "",
        response_paragraphs=_paragraphs(petition.response_text),
        signatory=responder or service_name,
        signatory_role=f"on behalf of the {committee_name}" if on_behalf else "",
    )


def render_letter_bytes(context: PetitionLetterContext, override_dir: Path | None = None) -> bytes:
    return fill_docx_template(
        find_template(TEMPLATE, override_dir), context.to_template_dict(),
        title=context.document_title, author=context.council.name or "ClerkDesk",
        language=LANGUAGE,
    )


def write_petition_letter(
    services, petition_id: int, out_path: Path, letter_date: date,
    override_dir: Path | None = None,
) -> Path:
    """Write the response letter for a petition to ``out_path`` (.docx), atomically."""
    petition = services.petitions.get(petition_id)
    committee_name = ""
    if petition.committee_id is not None:
        committee_name = services.committees.get(petition.committee_id).name
    # Dated the day the response was recorded as sent, so the letter matches the register.
    context = build_letter_context(petition, services.council.get_or_none(), committee_name,
                                   petition.response_on or letter_date)
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise ClerkError(f"The folder {out_path.parent} does not exist.")
    write_bytes_atomically(out_path, render_letter_bytes(context, override_dir))
    return out_path
