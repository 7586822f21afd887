"""Front sheet contexts taken from the seed agendas, shared by the front sheet tests.

County: CCC Children and Young People Committee, 9 July 2019
(seeds/000_3046c66bd022474e.txt lines 1-77). City: PCC Children and Education Scrutiny
Committee, 15 July 2021 (domain.md §1.2; items 6 and 7 have invented titles because that
seed is not in shared/seeds).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from clerkdesk.documents.front_sheet import (
    AgendaItemLine,
    AgendaSection,
    ClerkContact,
    CouncilBlock,
    FrontSheetContext,
    MemberName,
    StandardParagraph,
    build_front_sheet_context,
)


def councillor(forenames, surname, role="member", title="", minutes_name=""):
    return MemberName(
        front_sheet_name=f"Councillor {forenames} {surname}",
        minutes_name=minutes_name or f"{forenames[0]} {surname}",
        surname=surname, forenames=forenames, role=role, role_title=title,
    )


def appointee(name, surname):
    return MemberName(front_sheet_name=name, minutes_name=name, surname=surname,
                      role="appointee", is_councillor=False)


# Given out of order on purpose: the builders sort.
CCC_2019_MEMBERS = [
    councillor("Julie", "Wisson"), appointee("Flavio Vettese", "Vettese"),
    councillor("Samantha", "Hoy", "vice-chair", "Vice-Chairwoman"),
    councillor("Anna", "Bradnam"), councillor("David", "Ambrose Smith"),
    councillor("Peter", "Downes"), councillor("Lis", "Every"), councillor("Anne", "Hay"),
    appointee("Andrew Read", "Read"), councillor("Simone", "Taylor"),
    councillor("Simon", "Bywater", "chair", "Chairman"), councillor("Joan", "Whitehead"),
]

CCC_2019_MEMBERSHIP_LINES = (
    "Councillor Simon Bywater (Chairman) Councillor Samantha Hoy (Vice-Chairwoman)",
    "Councillor David Ambrose Smith Councillor Anna Bradnam Councillor Peter Downes "
    "Councillor Lis Every Councillor Anne Hay Councillor Simone Taylor Councillor Joan "
    "Whitehead and Councillor Julie Wisson",
    "Andrew Read (Appointee) Flavio Vettese (Appointee)",
)

PCC_2021_MEMBERS = [
    councillor("Heather", "Skibsted"), councillor("Ishfaq", "Ali"),
    councillor("Chris", "Fenner", "vice-chair", "Vice Chairman"),
    councillor("Gavin", "Casey", "chair", "Chair"), councillor("Alan", "Dowson"),
    councillor("Tom", "Haynes"), councillor("Ikra", "Hussain"), councillor("Stella", "Lane"),
    councillor("Nick", "Moyo"), councillor("Lucia", "Robinson"), councillor("Bryan", "Rush"),
    councillor("Jo", "Allen", "substitute"), councillor("Shaz", "Hemraj", "substitute"),
    councillor("Asif", "Shaheed", "substitute"),
    MemberName("Alistair Kingsley", "A Kingsley", "Kingsley", "co-opted non-voting",
               is_councillor=False),
    MemberName("Parish Councillor June Bull", "J Bull", "Bull", "substitute",
               is_councillor=False),
]

PCC_2021_COUNCILLORS = (
    "Councillors: G Casey (Chair), I Ali, A Dowson, C Fenner (Vice Chairman), T Haynes, "
    "I Hussain, S Lane, N Moyo, L Robinson, B Rush and H Skibsted"
)
PCC_2021_SUBSTITUTES = "Substitutes: Councillors: J Allen, S Hemraj, and A Shaheed"

CCC_FILMING = (
    "The County Council is committed to open government and members of the public are "
    "welcome to attend Committee meetings. It supports the principle of transparency and "
    "encourages filming, recording and taking photographs at meetings that are open to the "
    "public. It also welcomes the use of social networking and micro-blogging websites (such "
    "as Twitter and Facebook) to communicate with people about what is happening, as it "
    "happens. These arrangements operate in accordance with a protocol agreed by the Chairman "
    "of the Council and political Group Leaders which can be accessed via the following link "
    "or made available on request: http://tinyurl.com/ccc-film-record."
)
CCC_SPEAKING = (
    "Public speaking on the agenda items above is encouraged. Speakers must register their "
    "intention to speak by contacting the Democratic Services Officer no later than 12.00 "
    "noon three working days before the meeting. Full details of arrangements for public "
    "speaking are set out in Part 4, Part 4.4 of the Council's Constitution "
    "https://tinyurl.com/ProcedureRules."
)
CCC_PARKING = (
    "The Council does not guarantee the provision of car parking on the Shire Hall site and "
    "you will need to use nearby public car parks http://tinyurl.com/ccc-carpark or public "
    "transport."
)


def item(number, title, pages="", *notes, **more):
    return AgendaItemLine(str(number), title, pages, notes=tuple(notes), **more)


def county_2019_context(**changes) -> FrontSheetContext:
    sections = (
        AgendaSection("CONSTITUTIONAL MATTERS", (
            item(1, "Apologies for absence and declarations of interest", "",
                 "Guidance on declaring interests is available at "
                 "http://tinyurl.com/ccc-conduct-code"),
            item(2, "Minutes of the Meeting on 21 May 2019", "5 - 16"),
            item(3, "Action Log", "17 - 22"),
            item(4, "Petitions"),
        )),
        AgendaSection("DECISIONS", (
            item(5, "Finance and Performance Report May 2019", "23 - 74"),
            item(6, "Service Director's Report - Children and Safeguarding", "75 - 106"),
            item(7, "Service Director's Report - Education", "107 - 170"),
            item(8, "Free School Proposals", "171 - 178"),
        )),
        AgendaSection("INFORMATION AND MONITORING REPORTS", (
            item(9, "Childrens' Services Annual Feedback Report 2018-19", "179 - 232"),
            item(10, "Fenland and East Cambridgeshire Opportunity Area Update", "233 - 240"),
        )),
        AgendaSection("DECISIONS", (
            item(11, "Agenda Plan, Appointments and Training Plan", "241 - 260"),
        )),
    )
    context = build_front_sheet_context(
        style="county",
        council=CouncilBlock(
            name="Cambridgeshire County Council",
            service_name="Democratic and Members' Services",
            monitoring_officer_name="Fiona McMillan",
            monitoring_officer_title="Monitoring Officer",
            address_lines=("Shire Hall", "Castle Hill", "Cambridge", "CB3 0AP"),
        ),
        committee_name="Children and Young People Committee",
        starts_at=datetime(2019, 7, 9, 14, 0),
        venue="Council Chamber, The Grange, Nutholt Lane, Ely CB7 4EE",
        sections=sections,
        members=CCC_2019_MEMBERS,
        clerk=ClerkContact("Richenda Greenhill", "01223 699171",
                           "Richenda.Greenhill@cambridgeshire.gov.uk"),
        standard_paragraphs=[StandardParagraph(text) for text in
                             (CCC_FILMING, CCC_SPEAKING, CCC_PARKING)],
    )
    return replace(context, **changes)


PCC_DECLARATIONS = (
    "Members must declare whether they have a disclosable pecuniary interest, or other "
    "interest, in any item on the agenda, unless it is already entered in the register of "
    "members' interests or is a \"pending notification\" that has been disclosed to the "
    "Solicitor to the Council. Members must also declare if they are subject to their party "
    "group whip in relation to any items under consideration."
)
PCC_CALL_IN = (
    "The decision notice for each decision will bear the date on which it is published and "
    "will specify that the decision may then be implemented on the expiry of 3 working days "
    "after the publication of the decision (not including the date of publication), unless a "
    "request for call-in of the decision is received from any three Members of a Scrutiny "
    "Committee. If a request for call-in of a decision is received, implementation of the "
    "decision remains suspended for consideration by the relevant Scrutiny Committee."
)


def city_2021_context(**changes) -> FrontSheetContext:
    items = (
        item(1, "Apologies for Absence"),
        item(2, "Declarations of Interest and Whipping Declarations", "", PCC_DECLARATIONS),
        item(3, "Minutes of the Children and Education Scrutiny Meeting Held on 4 March 2021",
             "3 - 12"),
        item(4, "Call In of any Cabinet, Cabinet Member or Key Officer Decisions", "",
             PCC_CALL_IN),
        item(5, "Appointment of Co-opted Members", "13 - 18"),
        item(6, "Educational Attainment and Progress Report", "19 - 70"),
        item(7, "Children's Social Care Annual Report", "71 - 176"),
        item(8, "Review Of 2020/2021 and Work Programme For 2021/2022", "177 - 196"),
        item(9, "Forward Plan of Executive Decisions", "197 - 238"),
        item(10, "Date of Next Meeting"),
    )
    context = build_front_sheet_context(
        style="city",
        council=CouncilBlock(name="Peterborough City Council"),
        committee_name="Children and Education Scrutiny Committee",
        starts_at=datetime(2021, 7, 15, 19, 0),
        venue="Sand Martin House, Bittern Way, Peterborough, PE2 8TY",
        livestream_note="Meeting will be livestreamed via Peterborough City Council's "
                        "YouTube Page",
        sections=[AgendaSection("", items)],
        members=PCC_2021_MEMBERS,
        clerk=ClerkContact("Paulina Ford", "01733 452508", "paulina.ford@peterborough.gov.uk",
                           "Senior Democratic Services Officer"),
        standard_paragraphs=[
            StandardParagraph("All Peterborough City Council's meeting agendas are available "
                              "online or via the modern.gov app.", heading="Did you know?"),
            StandardParagraph(
                "Any member of the public may film, audio-record, take photographs and use "
                "social media to report the proceedings of any meeting that is open to the "
                "public. Audio recordings of meetings may be published on the Council's "
                "website. A protocol on the public use of recording and social media is "
                "available at https://democracy.peterborough.gov.uk/recording-protocol.",
                heading="Recording of Council Meetings"),
        ],
        next_meeting_on=date(2021, 9, 6),
    )
    return replace(context, **changes)


def test_the_seed_examples_are_valid():
    county_2019_context().validate()
    city_2021_context().validate()
