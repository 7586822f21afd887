"""What the demo council's minutes say: one tuple of minutes per meeting, in minutes markup
(docs/minutes-markup.md). Fictional business, written the way the seed minutes are.

Numbers line up with the action log the demo already holds (demo/actions_petitions.py):
CYP minutes 12, 14, 15 at the third-last held meeting, 24, 27, 29 at the second-last, 39,
41, 43 at the last; scrutiny minute 9 at its last. Where a minute ends with an
"(Action: ...)" line, publishing the minutes links the log's entry for that minute instead
of adding a second one. An empty body takes the committee's standard wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerkdesk.domain.agenda import REPORT
from clerkdesk.domain.committees import StandingItemKind as K

CONSTITUTIONAL = "CONSTITUTIONAL MATTERS"
KEY = "KEY DECISIONS"
DECISIONS = "DECISIONS"
INFORMATION = "INFORMATION AND MONITORING REPORTS"


@dataclass(frozen=True)
class DemoMinute:
    number: int
    section: str
    title: str  # "{previous}" becomes the previous meeting's date
    kind: str = REPORT
    body: str = ""  # "" = the standard wording; "{standard}" inside keeps it and adds more
    resolution: str = ""
    unanimous: bool = False


# -- Children and Young People: the third-last held meeting (signed) ---------------------------
CYP_FIRST = (
    DemoMinute(10, CONSTITUTIONAL, "Apologies for absence and declarations of interest",
               K.APOLOGIES_AND_DECLARATIONS.value),
    DemoMinute(11, CONSTITUTIONAL, "Minutes of the Meeting on {previous} and Action Log",
               K.MINUTES.value, "{standard}\n\nThe Action Log was noted."),
    DemoMinute(12, KEY, "Recommissioning of Young Carers Services", body=(
        "The Committee received a report seeking approval to recommission support services "
        "for young carers from April 2027, when the current contracts end.\n\n"
        "During discussion it was noted that:\n\n"
        "- young carers had helped to design the service specification;\n"
        "- the new contract would include a single point of contact in each locality."),
        resolution=(
            "a) approve the recommissioning of Young Carers Services;\n"
            "b) delegate authority to the Executive Director, People and Communities, in "
            "consultation with the Chairman, to award the contract.\n"
            "(Action: Executive Director, People and Communities)"),
        unanimous=True),
    DemoMinute(13, KEY, "Children's Centres Programme 2027-30", body=(
        "The Committee received a report proposing the programme of children's centre "
        "services for the next three years, following consultation with parents."),
        resolution="approve the Children's Centres Programme 2027-30", unanimous=True),
    DemoMinute(14, INFORMATION, "Placement Sufficiency for Children in Care: Six Month Update",
               body=(
        "Arising from the report, Members noted:\n\n"
        "- the number of in-county foster placements had risen by 12 since January;\n"
        "- Members would welcome a session on corporate parenting at a future Members' "
        "Seminar.\n"
        "(Action: Head of Service – Children's Commissioning)"),
        resolution="note the report"),
    DemoMinute(15, INFORMATION, "Finance and Performance Report", body=(
        "The forecast outturn for the services the Committee is responsible for was a "
        "pressure of £1.9m, mostly in the High Needs Block.\n\n"
        "- A Member asked for a note on the balances held by maintained schools.\n"
        "(**Action:** Strategic Finance Business Partner)"),
        resolution="review and comment on the report"),
    DemoMinute(16, DECISIONS, "Agenda Plan, Appointments and Training Plan",
               resolution="note the agenda plan and the training plan"),
)

# -- the second-last held meeting (signed) -----------------------------------------------------
CYP_SECOND = (
    DemoMinute(21, CONSTITUTIONAL, "Apologies for absence and declarations of interest",
               K.APOLOGIES_AND_DECLARATIONS.value),
    DemoMinute(22, CONSTITUTIONAL, "Minutes of the Meeting on {previous}", K.MINUTES.value),
    DemoMinute(23, CONSTITUTIONAL, "Action Log", K.ACTION_LOG.value),
    DemoMinute(24, CONSTITUTIONAL, "Petitions", K.PETITIONS.value, "{petition}"),
    DemoMinute(25, KEY, "School Admission Arrangements 2027-28", body=(
        "The Committee received a report on the outcome of the consultation on admission "
        "arrangements for community and voluntary controlled schools."),
        resolution=(
            "a) determine the admission arrangements for 2027-28 as set out in Appendix 1;\n"
            "b) note the responses to the consultation."),
        unanimous=True),
    DemoMinute(26, INFORMATION, "Early Years Sufficiency Assessment", body=(
        "Members welcomed the increase in funded places for two-year-olds and asked that "
        "the next assessment show take-up by ward."),
        resolution="note the report"),
    DemoMinute(27, DECISIONS, "Free School Proposals", body=(
        "Officers reported that the Department for Education had approved two free schools "
        "in the county to pre-opening stage.\n\n"
        "Arising from the report, Members:\n\n"
        "- asked whether the Council's agreement was needed to transfer the lease of a school "
        "site from one trust to another. Officers undertook to confirm this;\n"
        "(Action: Service Director – Education/ Strategic Education Place Planning Manager)\n"
        "- asked for a note on pupil place forecasts for the Fenchester area.\n"
        "(Action: Strategic Education Place Planning Manager)"),
        resolution=(
            "1) note the latest position on free school proposals in Fenshire;\n"
            "2) agree the arrangements for consultation on a new voluntary aided school."),
        unanimous=True),
    DemoMinute(28, INFORMATION, "Children in Care Educational Outcomes 2025-26",
               resolution="note the report"),
    DemoMinute(29, DECISIONS, "Agenda Plan, Appointments and Training Plan", body=(
        "The Members' Seminar on the Local Offer to Care Leavers would be added to the "
        "Committee training plan.\n"
        "(Action: Democratic Services Officer)"),
        resolution="note the agenda plan and the training plan"),
)

# -- the last held meeting (published draft); titles match its agenda --------------------------
CYP_LAST = (
    DemoMinute(36, CONSTITUTIONAL, "Apologies for absence and declarations of interest",
               K.APOLOGIES_AND_DECLARATIONS.value),
    DemoMinute(37, CONSTITUTIONAL, "Minutes of the Meeting on {previous}", K.MINUTES.value),
    DemoMinute(38, CONSTITUTIONAL, "Action Log", K.ACTION_LOG.value),
    DemoMinute(39, CONSTITUTIONAL, "Petitions", K.PETITIONS.value, "{petition}"),
    DemoMinute(40, DECISIONS, "Schools Capital Programme 2027-32", body=(
        "The Committee received a report setting out the five-year schools capital programme "
        "(Appendix 2 - which was not for publication by virtue of paragraph 3 of Part 1 of "
        "Schedule 12A of the Local Government Act 1972).\n\n"
        "The Chairman, having established that no member of the Committee wished to raise "
        "specific issues in the exempt appendix, asked for contributions from the "
        "Committee.\n\n"
        "During discussion:\n\n"
        "- Members welcomed the expansion of special school places in the north of the "
        "county;\n"
        "- officers confirmed that the programme assumed no new borrowing beyond that agreed "
        "by Council in February."),
        resolution=(
            "a) approve the Schools Capital Programme 2027-32 for recommendation to the "
            "Strategy and Resources Committee;\n"
            "b) note the risks set out in section 5 of the report."),
        unanimous=True),
    DemoMinute(41, DECISIONS, "Home to School Transport Policy", body=(
        "The Committee received a report on the revised Home to School Transport Policy "
        "following consultation.\n\n"
        "During discussion it was noted that:\n\n"
        "- the policy kept free transport for children attending their nearest suitable "
        "school;\n"
        "- Members asked how many families would appeal under the new arrangements."),
        resolution=(
            "a) approve the revised Home to School Transport Policy from September 2027;\n"
            "b) To report back on the number of appeals under the new policy.\n"
            "(Action: Service Director – Education)")),
    DemoMinute(42, INFORMATION, "Service Director's Report - Children and Safeguarding",
               body="Members noted the positive findings of the recent focused visit by "
                    "Ofsted to the children in need service.",
               resolution="note the report"),
    DemoMinute(43, INFORMATION, "Children's Services Annual Feedback Report 2025-26", body=(
        "Arising from the report, Members noted:\n\n"
        "- the number of compliments had risen for the third year running;\n"
        "- Members asked that next year's report include case studies of compliments.\n"
        "(Action: Head of Service – Children's Commissioning)"),
        resolution="note the report"),
    DemoMinute(44, DECISIONS, "Free School Proposals", body=(
        "{standard}\n\n"
        "Officers reported that the new primary free school at Fenbridge Meadows would "
        "open in September 2027."),
        resolution="note the latest position on free school proposals", unanimous=True),
    DemoMinute(45, DECISIONS, "Finance and Performance Report", body=(
        "The forecast outturn was a pressure of £2.4m, of which £2.1m was in the High Needs "
        "Block.\n\n"
        "- A Member asked for the High Needs Block pressure to be broken down by type of "
        "provision.\n"
        "(Action: Strategic Finance Business Partner)"),
        resolution="review and comment on the report"),
    DemoMinute(46, DECISIONS, "Emergency Accommodation for Care Leavers", body=(
        "{standard}\n\n"
        "The Chairman agreed to take this report as a late item: {urgency}\n\n"
        "The Committee received a report seeking approval to extend the emergency "
        "accommodation contract for care leavers for twelve months."),
        resolution="approve the twelve-month extension of the emergency accommodation "
                   "contract", unanimous=True),
    DemoMinute(47, DECISIONS, "Agenda Plan, Appointments and Training Plan",
               resolution="note the agenda plan"),
)

CYP_MEETINGS = (CYP_FIRST, CYP_SECOND, CYP_LAST)

# -- Communities and Health Scrutiny (city style, no sections) ---------------------------------
CHS_EARLIER = (
    DemoMinute(1, "", "Apologies for Absence", K.APOLOGIES.value),
    DemoMinute(2, "", "Declarations of Interest and Whipping Declarations",
               K.DECLARATIONS.value),
    DemoMinute(3, "", "Minutes of the Meeting held on {previous}", K.MINUTES.value),
    DemoMinute(4, "", "Call In of any Cabinet, Cabinet Member or Key Officer Decisions",
               K.CALL_IN.value),
    DemoMinute(5, "", "Healthwatch Fenshire Annual Report 2025-26", body=(
        "The Chief Executive of Healthwatch Fenshire introduced the report.\n\n"
        "The Communities and Health Scrutiny Committee debated the report and in summary, key "
        "points raised and responses to questions included:\n\n"
        "- waiting times for dental appointments remained the most common complaint;\n"
        "- Healthwatch would share its survey of carers with the Committee."),
        resolution="note the report"),
)

CHS_LAST = (
    DemoMinute(6, "", "Apologies for Absence", K.APOLOGIES.value),
    DemoMinute(7, "", "Declarations of Interest and Whipping Declarations",
               K.DECLARATIONS.value),
    DemoMinute(8, "", "Minutes of the Meeting held on {previous}", K.MINUTES.value),
    DemoMinute(9, "", "Adult Social Care Waiting Lists", body=(
        "The Service Director – Adults and Safeguarding introduced an update on waiting "
        "lists for care assessments.\n\n"
        "The Communities and Health Scrutiny Committee debated the update and in summary, key "
        "points raised and responses to questions included:\n\n"
        "- the waiting list had fallen by a fifth since April;\n"
        "- Members asked for waiting times to be reported by locality.\n"
        "(Action: Service Director – Adults and Safeguarding)"),
        resolution="note the update and request waiting times by locality"),
    DemoMinute(10, "", "Call In of any Cabinet, Cabinet Member or Key Officer Decisions",
               K.CALL_IN.value),
    DemoMinute(11, "", "Finance and Performance Report", body=(
        "The Strategic Finance Business Partner introduced the report."),
        resolution="note the report"),
    DemoMinute(12, "", "Annual Service Update", resolution="note the report"),
    DemoMinute(13, "", "Forward Plan of Executive Decisions", K.FORWARD_PLAN.value,
               "The Committee considered the latest Forward Plan of Executive Decisions.",
               resolution="note the Forward Plan"),
    DemoMinute(14, "", "Date of Next Meeting", K.DATE_OF_NEXT_MEETING.value,
               "{next_meeting}"),
)

CHS_MEETINGS = (CHS_EARLIER, CHS_LAST)
