"""What public documents may say about a petition organiser, and a guard for renderers.

rules.md §10: the organiser's contact details are never exported, and the name only if the
council's setting allows. Renderers build public text from ``public_organiser_text`` and
then pass their whole public context to ``assert_no_organiser_contact_details`` before
writing anything, so a contact detail that slipped in by another route (pasted into the
petition text, a minute, a comment) stops the publication instead of leaking.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

from clerkdesk.domain.petition_scheme import OrganiserPublication, PetitionScheme
from clerkdesk.domain.petitions import Organiser, Petition
from clerkdesk.errors import ClerkError

UNNAMED_ORGANISER = "the petition organiser"  # how the 2016 minutes refer to them (seed 001)


class PrivacyError(ClerkError):
    """A public output would reveal personal data it must not; nothing was published."""


def public_organiser_text(petition: Petition, scheme: PetitionScheme) -> str:
    """Exactly what may be printed about the organiser: "Lorne Williamson, Cambridge",
    "Lorne Williamson", or "" when the scheme allows nothing (or no organiser is known)."""
    organiser = petition.organiser
    if organiser is None or scheme.organiser_publication is OrganiserPublication.NOTHING:
        return ""
    name = organiser.name.strip()
    locality = organiser.locality.strip()
    if scheme.organiser_publication is OrganiserPublication.NAME_AND_LOCALITY and locality:
        return f"{name}, {locality}"
    return name


def public_organiser_phrase(petition: Petition, scheme: PetitionScheme) -> str:
    """The organiser as a sentence may name them: the permitted text, else the generic
    phrase the 2016 minutes use ("would write to the petition organiser")."""
    return public_organiser_text(petition, scheme) or UNNAMED_ORGANISER


# ----- the guard -------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def _digits_only(text: str) -> str:
    # Telephone numbers are written with spaces, hyphens, dots and brackets in any grouping.
    return re.sub(r"(?<=\d)[\s().\-]+(?=\d)", "", text)


def _telephone_forms(number: str) -> set[str]:
    # "+44 (0)1223 ..." carries a trunk zero that is dialled only from within the UK.
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    forms = {digits}
    if digits.startswith("44"):  # +44 1223 ... is also written 01223 ...
        forms.add("0" + digits[2:])
    elif digits.startswith("0"):
        forms.add("44" + digits[1:])
    # A short fragment would match unrelated numbers (dates, amounts); UK numbers have 10-11.
    return {form for form in forms if len(form) >= 7}


def _address_lines(organiser: Organiser) -> list[str]:
    """The lines that identify a home: any line with a number in it, and the first line (a
    house name and street) unless it is just the printable locality. Whole lines only, because
    a street name alone ("Chesterton Road") or the town may rightly appear in public text."""
    lines = [_squash(raw) for raw in organiser.address.splitlines() if raw.strip()]
    locality = _squash(organiser.locality)
    identifying = []
    for index, line in enumerate(lines):
        numbered = re.search(r"\d", line) is not None
        if len(line) >= 4 and (numbered or (index == 0 and line != locality)):
            identifying.append(line)
    return identifying


def _strings(value: object) -> Iterator[str]:
    """Every piece of text in a nested public context: keys, values, lists, dataclasses."""
    if value is None or isinstance(value, bool | int | float | date):
        return
    if isinstance(value, str | bytes):
        yield value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from _strings(dataclasses.asdict(value))
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)
    else:
        yield str(value)


def organiser_leaks(
    public: object, organisers: Iterable[Organiser], scheme: PetitionScheme | None = None
) -> list[str]:
    """What of each organiser's private data appears in ``public``, described without
    repeating it ("the email address of Lorne Williamson"). With a scheme that prints
    nothing about organisers, their names count as private too."""
    texts = list(_strings(public))
    squashed = "\n".join(_squash(text) for text in texts)
    digits = "\n".join(_digits_only(text) for text in texts)
    hide_names = scheme is not None and scheme.organiser_publication is OrganiserPublication.NOTHING
    found = []
    for organiser in organisers:
        who = organiser.name.strip() or "a petition organiser"
        details = organiser.contact_details
        checks: list[tuple[str, bool]] = []
        if "email address" in details:
            checks.append(("email address", _squash(details["email address"]) in squashed))
        if "telephone number" in details:
            forms = _telephone_forms(details["telephone number"])
            checks.append(("telephone number", any(form in digits for form in forms)))
        if "postcode" in details:
            postcode = re.sub(r"\s", "", details["postcode"]).casefold()
            pattern = r"\s*".join(map(re.escape, postcode))
            checks.append(("postcode", bool(postcode and re.search(pattern, squashed))))
        if "address" in details:
            lines = _address_lines(organiser)
            checks.append(("address", any(line in squashed for line in lines)))
        if hide_names and organiser.name.strip():
            checks.append(("name", _squash(organiser.name) in squashed))
        found += [f"the {what} of {who}" for what, hit in checks if hit]
    return found


def assert_no_organiser_contact_details(
    public: object, organisers: Iterable[Organiser], scheme: PetitionScheme | None = None
) -> None:
    """Raise ``PrivacyError`` if ``public`` (a context dict, a list of strings, a string)
    contains any organiser's contact details (or name, when the scheme prints nothing)."""
    leaks = organiser_leaks(public, organisers, scheme)
    if leaks:
        raise PrivacyError(
            "This public document would show " + "; ".join(leaks) + ". Petition organisers' "
            "contact details are never published (and their names only as the Petitions "
            "Scheme allows). Remove them from the text and try again; nothing was published."
        )
