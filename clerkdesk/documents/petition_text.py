"""What a public document says about a petition: under the meeting's Petitions item, and as
the appendix to the minutes (seed 000 lines 304-320: "Whitworth House – petition",
"Submitted by Lorne Williamson, Cambridge (13 signatures)", the petition's text and any
dated supplementary comment).

The organiser is printed only as ``public_organiser_text`` allows (rules.md §10), and every
paragraph goes through the privacy guard before it is returned, so a telephone number or
address pasted into the petition's text stops the document instead of leaking into it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clerkdesk.domain.calendar import format_long_date
from clerkdesk.domain.petition_privacy import (
    assert_no_organiser_contact_details,
    public_organiser_text,
)
from clerkdesk.domain.petition_scheme import PetitionScheme, can_speak
from clerkdesk.domain.petitions import Organiser, Petition


@dataclass(frozen=True)
class PublicPetitionText:
    title: str  # printed as a heading
    paragraphs: tuple[str, ...]

    @property
    def all_paragraphs(self) -> tuple[str, ...]:
        return (self.title, *self.paragraphs)


def signatures_text(petition: Petition) -> str:
    """'13 signatures', or '55 signatures, 45 valid' once the count has been checked."""
    count = f"{petition.signatures} signature{'' if petition.signatures == 1 else 's'}"
    if petition.valid_signatures is not None and petition.valid_signatures != petition.signatures:
        count += f", {petition.valid_signatures} valid"
    return count


def submitted_line(petition: Petition, scheme: PetitionScheme) -> str:
    """'Submitted by Lorne Williamson, Cambridge (13 signatures)', as the 2019 appendix
    prints it; without the name when the scheme publishes nothing about organisers."""
    organiser = public_organiser_text(petition, scheme)
    if organiser:
        return f"Submitted by {organiser} ({signatures_text(petition)})"
    return f"A petition with {signatures_text(petition)}"


def speaking_sentence(petition: Petition, scheme: PetitionScheme) -> str:
    """The 2016 minute's words when the petition is under the speaking threshold (seed 001
    lines 88-92); nothing when it meets it or the scheme sets none."""
    check = can_speak(petition.counted_signatures, scheme)
    if check.met is not False:
        return ""
    return (f"As there were less than {check.threshold} signatures, under the provisions of the "
            "Council's Petitions Scheme, the petitioners were unable to speak to the petition.")


def _text_paragraphs(text: str) -> list[str]:
    """The petition's own paragraphs: blank lines separate them; line breaks within one
    are kept as spaces, as a pasted e-mail would wrap them."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def public_petition_text(
    petition: Petition,
    scheme: PetitionScheme,
    organisers: Iterable[Organiser] | None = None,
) -> PublicPetitionText:
    """The petition's public paragraphs, checked against every organiser's private details
    (``organisers``: all on record; by default the petition's own). Raises ``PrivacyError``
    rather than return text that would publish any of them."""
    paragraphs = [submitted_line(petition, scheme), *_text_paragraphs(petition.text)]
    for comment in petition.comments:
        paragraphs.append(f"Supplementary comment {format_long_date(comment.on)}:")
        paragraphs += _text_paragraphs(comment.text)
    if sentence := speaking_sentence(petition, scheme):
        paragraphs.append(sentence)
    public = PublicPetitionText(petition.title.strip(), tuple(paragraphs))
    checked = list(organisers) if organisers is not None else (
        [petition.organiser] if petition.organiser is not None else [])
    assert_no_organiser_contact_details(public.all_paragraphs, checked, scheme)
    return public


def public_petition_text_for(services, petition_id: int) -> PublicPetitionText:
    """The same from the services, checked against every organiser on record."""
    petitions = services.petitions
    return public_petition_text(petitions.get(petition_id), petitions.scheme(),
                                petitions.organisers())
