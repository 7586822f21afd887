"""The demo council's profile and committees, modelled on the councils in domain.md."""

from __future__ import annotations

from clerkdesk.domain.committees import (
    Committee,
    CommitteeKind,
    NumberingScheme,
    StandingItem,
    StandingItemKind,
    cambridgeshire_standing_items,
    peterborough_standing_items,
)
from clerkdesk.domain.council import CouncilProfile, StandardParagraphs

COUNCIL = CouncilProfile(
    name="Fenshire County Council",
    address="Shire House\nCastle Street\nFenchester\nFN1 0AP",
    website="https://www.fenshire.gov.uk",
    service_name="Democratic and Members' Services",
    monitoring_officer_name="Fiona McAllister",
    monitoring_officer_title="Monitoring Officer",
    paragraphs=StandardParagraphs(
        filming=(
            "The County Council is committed to open government and members of the public "
            "are welcome to attend Committee meetings. It supports the principle of "
            "transparency and encourages filming, recording and taking photographs at "
            "meetings that are open to the public. It also welcomes the use of social "
            "networking and micro-blogging websites (such as Twitter and Facebook) to "
            "communicate with people about what is happening, as it happens. These "
            "arrangements operate in accordance with a protocol agreed by the Chairman of "
            "the Council and political Group Leaders which can be accessed via the following "
            "link: https://www.fenshire.gov.uk/film-record"
        ),
        public_speaking=(
            "Public speaking on the agenda items above is encouraged. Speakers must register "
            "their intention to speak by contacting the Democratic Services Officer no later "
            "than 12.00 noon three working days before the meeting. Full details of arrangements "
            "for public speaking are set out in Part 4, Part 4.4 of the Council's Constitution: "
            "https://www.fenshire.gov.uk/constitution"
        ),
        car_parking=(
            "The Council does not guarantee the provision of car parking on the Shire House "
            "site and you will need to check whether parking is available at the venue."
        ),
        access_contact=(
            "For more information about this meeting, including access arrangements and "
            "facilities for people with disabilities, please contact"
        ),
    ),
)

SHIRE_HOUSE = "Kingfisher Room, Shire House, Castle Street, Fenchester, FN1 0AP"
ELY_VENUE = "Council Chamber, The Grange, Nutholt Lane, Fenbridge FB7 4EE"


def _cyp_items() -> tuple[StandingItem, ...]:
    return (
        *cambridgeshire_standing_items(),
        StandingItem("DECISIONS", "Finance and Performance Report", StandingItemKind.OTHER),
        StandingItem(
            "DECISIONS",
            "Agenda Plan, Appointments and Training Plan",
            StandingItemKind.AGENDA_PLAN,
        ),
    )


def _scrutiny_items() -> tuple[StandingItem, ...]:
    return (
        *peterborough_standing_items(),
        StandingItem("", "Forward Plan of Executive Decisions", StandingItemKind.FORWARD_PLAN),
        StandingItem("", "Date of Next Meeting", StandingItemKind.DATE_OF_NEXT_MEETING),
    )


# Clerks are attached by surname once the officers exist (see build.py).
COMMITTEES = [
    (
        Committee(None, "Children and Young People Committee", "CYP",
                  CommitteeKind.COMMITTEE, NumberingScheme.RUNNING, 211, ELY_VENUE,
                  standing_items=_cyp_items()),
        "Greenhalgh",
    ),
    (
        Committee(None, "Adults and Health Committee", "AH", CommitteeKind.COMMITTEE,
                  NumberingScheme.RUNNING, 148, SHIRE_HOUSE,
                  standing_items=cambridgeshire_standing_items()),
        "Prest",
    ),
    (
        Committee(None, "Environment and Transport Committee", "ET", CommitteeKind.COMMITTEE,
                  NumberingScheme.RUNNING, 77, SHIRE_HOUSE,
                  standing_items=cambridgeshire_standing_items()),
        "Prest",
    ),
    (
        Committee(None, "Communities and Health Scrutiny Committee", "CHS",
                  CommitteeKind.SCRUTINY, NumberingScheme.RESET_EACH_YEAR, 1,
                  "Bittern Room, Marsh House, Heron Way, Fenchester, FN2 8TY",
                  standing_items=_scrutiny_items()),
        "Fordham",
    ),
    (
        Committee(None, "Corporate Parenting Sub-Committee", "CPS",
                  CommitteeKind.SUB_COMMITTEE, NumberingScheme.RUNNING, 40, SHIRE_HOUSE,
                  standing_items=cambridgeshire_standing_items()[:3]),
        "Greenhalgh",
    ),
]
