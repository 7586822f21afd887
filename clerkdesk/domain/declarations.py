"""Declarations of interest made at a meeting (rules.md §3, domain.md §4).

Councils name interests differently: the 2020 Model Code's disclosable pecuniary, other
registrable and non-registrable interests; the 2007 code's personal and prejudicial
interests (still used in Wales); Cambridgeshire's 2016-2019 "non-pecuniary" and
"nonstatutory disclosable" interests. A committee chooses one vocabulary. Peterborough also
takes whipping declarations, which a committee switches on separately.

Which declarations stop a member voting is part of the vocabulary, except that a
disclosable pecuniary interest always does unless a dispensation covers it: that is
statute (Localism Act 2011 s.31(4), s.33), not a local choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerkdesk.domain.validation import Problems
from clerkdesk.errors import ValidationError


class InterestType(StrEnum):
    DISCLOSABLE_PECUNIARY = "disclosable pecuniary"
    OTHER_REGISTRABLE = "other registrable"
    NON_REGISTRABLE = "non-registrable"
    PERSONAL = "personal"
    PREJUDICIAL = "prejudicial"
    NON_PECUNIARY = "non-pecuniary"
    NON_STATUTORY_DISCLOSABLE = "nonstatutory disclosable"  # spelt as in seed 001 line 74
    WHIP = "whip"
    OTHER = "other"


class DeclarationAction(StrEnum):
    TOOK_PART = "remained and took part"
    LEFT_ROOM = "left the room"
    DID_NOT_VOTE = "remained but did not vote"
    DISPENSATION = "remained under a dispensation"


@dataclass(frozen=True)
class InterestVocabulary:
    key: str
    name: str
    types: tuple[InterestType, ...]
    bars_voting: frozenset[InterestType]  # without a dispensation
    source: str


_ALWAYS_ALLOWED = (InterestType.OTHER,)

VOCABULARIES: dict[str, InterestVocabulary] = {
    v.key: v
    for v in (
        InterestVocabulary(
            "model-code-2020",
            "LGA Model Code 2020: disclosable pecuniary, other registrable, non-registrable",
            (
                InterestType.DISCLOSABLE_PECUNIARY,
                InterestType.OTHER_REGISTRABLE,
                InterestType.NON_REGISTRABLE,
            ),
            frozenset(
                {
                    InterestType.DISCLOSABLE_PECUNIARY,
                    InterestType.OTHER_REGISTRABLE,
                    InterestType.NON_REGISTRABLE,
                }
            ),
            "Model Code paras 4-9: no discussion or vote without a dispensation (rules.md §3.2).",
        ),
        InterestVocabulary(
            "personal-prejudicial",
            "2007 Model Code (Wales today): personal and prejudicial",
            (
                InterestType.DISCLOSABLE_PECUNIARY,
                InterestType.PERSONAL,
                InterestType.PREJUDICIAL,
            ),
            frozenset({InterestType.DISCLOSABLE_PECUNIARY, InterestType.PREJUDICIAL}),
            "A personal interest leaves the vote untouched; a prejudicial one does not "
            "(rules.md §3.3).",
        ),
        InterestVocabulary(
            "pecuniary-non-pecuniary",
            "Disclosable pecuniary, non-pecuniary and nonstatutory disclosable",
            (
                InterestType.DISCLOSABLE_PECUNIARY,
                InterestType.NON_PECUNIARY,
                InterestType.NON_STATUTORY_DISCLOSABLE,
            ),
            frozenset({InterestType.DISCLOSABLE_PECUNIARY}),
            "Cambridgeshire 2016-2019: members with other interests took part and voted "
            "(seed 001 line 74).",
        ),
    )
}
DEFAULT_VOCABULARY = "model-code-2020"


def vocabulary(key: str) -> InterestVocabulary:
    try:
        return VOCABULARIES[key]
    except KeyError:
        known = ", ".join(VOCABULARIES)
        raise ValidationError(
            f"There is no interest vocabulary called '{key}'. Choose one of: {known}."
        ) from None


def allowed_types(chosen: InterestVocabulary, whipping: bool) -> tuple[InterestType, ...]:
    extra = (InterestType.WHIP,) if whipping else ()
    return (*chosen.types, *extra, *_ALWAYS_ALLOWED)


@dataclass(frozen=True)
class Declaration:
    id: int | None
    meeting_id: int
    person_id: int
    agenda_item_id: int | None  # declarations cite the agenda item, not the minute
    interest_type: InterestType
    nature: str = ""  # "as the Chair of Governors for ..."; kept even when sensitive
    sensitive: bool = False  # Localism Act s.32: the nature is never printed
    action: DeclarationAction = DeclarationAction.TOOK_PART
    dispensation_ref: str = ""
    position: int = 0

    @property
    def printed_nature(self) -> str:
        return "" if self.sensitive else self.nature

    @property
    def covered_by_dispensation(self) -> bool:
        return bool(self.dispensation_ref.strip())

    def validate(self, chosen: InterestVocabulary, whipping: bool = False) -> None:
        problems = Problems()
        allowed = allowed_types(chosen, whipping)
        if self.interest_type not in allowed:
            problems.add(
                f"'{self.interest_type.value}' is not an interest type this committee uses "
                f"({', '.join(t.value for t in allowed)})."
            )
        if self.action is DeclarationAction.DISPENSATION and not self.covered_by_dispensation:
            problems.add("Record the dispensation's reference for a member who remained under one.")
        if (
            self.interest_type is InterestType.DISCLOSABLE_PECUNIARY
            and self.action is DeclarationAction.TOOK_PART
            and not self.covered_by_dispensation
        ):
            problems.add(
                "A member with a disclosable pecuniary interest may not take part in the "
                "discussion or vote without a dispensation (Localism Act 2011 s.31(4)): "
                "record that they left the room or did not vote, or the dispensation."
            )
        if self.sensitive and not self.nature.strip():
            problems.add(
                "Record the nature of a sensitive interest for the register; it is never "
                "printed in the minutes."
            )
        problems.raise_if_any()


def voting_bar(declaration: Declaration, chosen: InterestVocabulary) -> str:
    """Why this declaration stops the member voting on its item ("" when it does not)."""
    if declaration.action is DeclarationAction.LEFT_ROOM:
        return "left the room for this item after declaring an interest"
    if declaration.action is DeclarationAction.DID_NOT_VOTE:
        return "declared an interest and did not vote on this item"
    if declaration.covered_by_dispensation:
        return ""
    if declaration.interest_type is InterestType.DISCLOSABLE_PECUNIARY:
        return (
            "declared a disclosable pecuniary interest in this item and has no dispensation "
            "(Localism Act 2011 s.31(4))"
        )
    if declaration.interest_type in chosen.bars_voting:
        return (
            f"declared an interest ({declaration.interest_type.value}) in this item and has "
            "no dispensation"
        )
    return ""


def bars_for_item(
    declarations: Iterable[Declaration], agenda_item_id: int | None, chosen: InterestVocabulary
) -> dict[int, str]:
    """person id -> why they may not vote on the item, from the item's declarations."""
    barred: dict[int, str] = {}
    for declaration in declarations:
        if agenda_item_id is None or declaration.agenda_item_id != agenda_item_id:
            continue
        reason = voting_bar(declaration, chosen)
        if reason:
            barred.setdefault(declaration.person_id, reason)
    return barred
