"""Every standard minute, in both styles, word for word (domain.md §3.1, §3.3, §4)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerkdesk.domain import markup
from clerkdesk.domain.declarations import Declaration, DeclarationAction, InterestType
from clerkdesk.services.minutes_wording import ActionLogNote, PetitionNote
from tests.services.test_minutes_fixtures import build_cyp


@pytest.fixture
def cyp(services, make):
    return build_cyp(services, make)

CCC_DECLARATIONS = (
    "Councillor Every declared a non-pecuniary interest in Item 9: Free School Proposals as "
    "the Chair of Governors for a Cambridge Meridian Academies Trust school. Councillor "
    "Goldsack declared a non-pecuniary interest in the same item as the local member for a "
    "free school site listed in the report. Mr Read declared a non-pecuniary interest in the "
    "same item in relation to the Diocese of Ely Multi-Academy Trust's interests in the "
    "proposals relating to the St Bede's Inter-Church School and Alconbury Weald Secondary "
    "School."
)


def use_style(services, cyp, style, **changes):
    settings = services.minutes.settings(cyp.committee.id)
    services.minutes.save_settings(replace(settings, style=style, **changes))


def seed_declarations(services, cyp):
    use_style(services, cyp, "county", interest_vocabulary="pecuniary-non-pecuniary")
    item = cyp.item("Free School Proposals")
    natures = [
        ("Every", "as the Chair of Governors for a Cambridge Meridian Academies Trust school"),
        ("Goldsack", "as the local member for a free school site listed in the report"),
        ("Read", "in relation to the Diocese of Ely Multi-Academy Trust's interests in the "
                 "proposals relating to the St Bede's Inter-Church School and Alconbury Weald "
                 "Secondary School"),
    ]
    for surname, nature in natures:
        services.minutes.declarations.add(Declaration(
            None, cyp.may.id, cyp.pid(surname), item.id, InterestType.NON_PECUNIARY, nature))


def text_of(services, minute_id):
    return services.minutes.body_text(minute_id)


def test_county_minutes_of_21_may_2019_standard_wording(services, cyp):
    cyp.mark_may_attendance()
    seed_declarations(services, cyp)
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    assert [m.number for m in minutes] == list(range(207, 218))
    by_title = {m.title: m for m in minutes}
    appointment = minutes[0]
    assert text_of(services, appointment.id) == (
        "The Clerk reported that Council had been pleased to re-appoint Councillor Simon "
        "Bywater as the Chairman of the Committee and Councillor Samantha Hoy as the Vice "
        "Chairwoman of the Committee at the annual meeting of Council on 14 May 2019."
    )
    apologies = by_title["Apologies for absence and declarations of interest"]
    assert text_of(services, apologies.id) == (
        "Apologies were received as recorded above.\n\n" + CCC_DECLARATIONS
    )
    previous = by_title["Minutes of the Meeting on 12 March 2019"]
    assert text_of(services, previous.id) == (
        "The minutes of the meeting on 12 March 2019 were approved as an accurate record and "
        "signed by the Chairman."
    )
    assert text_of(services, by_title["Action Log"].id) == "The Action Log was noted."
    assert text_of(services, by_title["Petitions"].id) == "No petitions were received."
    free_schools = cyp.minute_for("Free School Proposals")
    # The seed printed "minute 211 above refers" for declarations made under 212: a link
    # cannot point at the wrong minute.
    assert text_of(services, free_schools.id) == (
        "Declarations of interest in this item were made at the start of the meeting by "
        f"Councillors Every and Goldsack and Mr Read (minute {apologies.number} above refers)."
    )
    assert text_of(services, cyp.minute_for("Housing").id) == ""


def test_county_attendance_lines(services, cyp):
    cyp.mark_may_attendance()
    hoy = services.minutes.attendance.find(cyp.may.id, cyp.pid("Hoy"))
    assert hoy.role_title == "Vice-Chairwoman"  # the membership's form ...
    services.minutes.attendance.update(replace(hoy, role_title="Vice Chairwoman"))  # ... or edited
    assert services.minutes.wording.attendance_text(cyp.may.id) == (
        "Present: Councillors S Bywater (Chairman), S Hoy (Vice Chairwoman), D Ambrose Smith, "
        "A Bradnam, P Downes, L Every, M Goldsack, S Taylor, J Whitehead and J Wisson.\n\n"
        "Co-opted member: A Read\n\n"
        "Apologies: Councillor A Hay (substituted by Councillor M Goldsack)\n"
        "Co-opted member: F Vettese"
    )


def test_substitute_in_the_present_list_2016_style(services, cyp):
    use_style(services, cyp, "county", substitutes="in the present list")
    cyp.mark_may_attendance()
    text = services.minutes.wording.attendance_text(cyp.may.id)
    assert "M Goldsack (substituting for A Hay)" in text
    assert "Apologies: Councillor A Hay\n" in text


def test_officers_also_present_and_remote_watchers_are_listed_separately(services, cyp):
    cyp.mark_may_attendance()
    attendance = services.minutes.attendance
    attendance.add_officer(cyp.may.id, cyp.pid("Greenhill"))
    cabinet = cyp.person("Lynne", "Ayres")
    attendance.add_also_present(cyp.may.id, cabinet.id, "Cabinet Member for Children's Services")
    attendance.mark(cyp.may.id, cyp.pid("Wisson"), "watched remotely")
    text = attendance_text = services.minutes.wording.attendance_text(cyp.may.id)
    assert "J Wisson" not in text.split("\n\n")[0]  # not in the present list
    assert "Officers: Richenda Greenhill (Democratic Services Officer)" in attendance_text
    assert "Also present: Councillor L Ayres (Cabinet Member for Children's Services)" in text
    assert text.endswith(
        "Watched the meeting remotely (not present, so not counted for the quorum and not "
        "voting): Councillor J Wisson"
    )
    use_style(services, cyp, "city")
    city = services.minutes.wording.attendance_text(cyp.may.id)
    assert city.startswith("Committee Members Present: Councillors S Bywater (Chairman), ")
    assert "Co-opted Member: Andrew Read" in city
    assert "Officers Present: Richenda Greenhill, Democratic Services Officer" in city
    assert "Also Present: Councillor L Ayres, Cabinet Member for Children's Services" in city


def test_city_standard_wording(services, cyp):
    use_style(services, cyp, "city")
    cyp.mark_may_attendance()
    services.minutes.attendance.mark(cyp.may.id, cyp.pid("Vettese"), "absent")
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    by_title = {m.title: m for m in minutes}
    assert text_of(services, minutes[0].id) == (
        "The Committee noted that Council had re-appointed Councillor Simon Bywater as Chairman "
        "and Councillor Samantha Hoy as Vice Chairwoman of the Committee at its annual meeting "
        "on 14 May 2019."
    )
    assert text_of(services, by_title["Apologies for absence and declarations of interest"].id) \
        == (
        "Apologies for absence were received from Councillor Anne Hay. "
        "Councillor Mark Goldsack attended as substitute for Councillor Anne Hay.\n\n"
        "No declarations of interest were received."
    )
    assert text_of(services, by_title["Minutes of the Meeting on 12 March 2019"].id) == (
        "The minutes of the meeting held on 12 March 2019 were agreed as a true and accurate "
        "record."
    )


@pytest.mark.parametrize("style", ["county", "city"])
def test_nil_returns_in_both_styles(services, cyp, style):
    use_style(services, cyp, style)
    wording = services.minutes.wording
    assert wording.declarations_text(cyp.may.id) == "No declarations of interest were received."
    # The seed's "There were not call-ins received." is corrected.
    assert wording.call_in_text(cyp.may.id) == "There were no call-ins received."
    assert wording.action_log_text(cyp.may.id) == "The Action Log was noted."


@pytest.mark.parametrize("style", ["county", "city"])
def test_action_log_updates(services, cyp, style):
    use_style(services, cyp, style)
    text = services.minutes.wording.action_log_text(
        cyp.may.id, [ActionLogNote("207", "The note requested by a Member was no longer required.")]
    )
    assert text == (
        "The Action Log was reviewed and the following updates noted:\n\n"
        "- Minute 207: The note requested by a Member was no longer required."
    )


def test_petition_heard_under_a_later_minute(services, cyp):
    minutes = services.minutes.create_from_agenda(cyp.may.id)
    petitions = next(m for m in minutes if m.title == "Petitions")
    housing = cyp.minute_for("Housing")
    body = services.minutes.wording.petitions_text(
        petitions, [PetitionNote("the future of Whitworth House", housing.id)])
    services.minutes.save_body(petitions.id, body)
    assert text_of(services, petitions.id) == (
        "The Chairman stated that a petition had been received regarding the future of "
        "Whitworth House. As this related to the next item on the agenda it would be "
        f"considered under that item (minute {housing.number} refers)."
    )
    services.minutes.set_number(housing.id, 300)  # the reference follows the number
    assert "(minute 300 refers)" in text_of(services, petitions.id)


def test_declaration_wording_for_actions_sensitive_interests_and_whips(services, cyp):
    cyp.mark_may_attendance()
    use_style(services, cyp, "city", whipping_declarations=True)
    item = cyp.item("Housing")
    add = services.minutes.declarations.add
    add(Declaration(None, cyp.may.id, cyp.pid("Every"), item.id,
                    InterestType.DISCLOSABLE_PECUNIARY, "as a landlord of the site",
                    action=DeclarationAction.LEFT_ROOM))
    add(Declaration(None, cyp.may.id, cyp.pid("Downes"), item.id,
                    InterestType.DISCLOSABLE_PECUNIARY, "home address", sensitive=True,
                    action=DeclarationAction.DISPENSATION, dispensation_ref="MO/2019/7"))
    add(Declaration(None, cyp.may.id, cyp.pid("Hoy"), None, InterestType.WHIP))
    assert services.minutes.wording.declarations_text(cyp.may.id) == (
        "Councillor Every declared a disclosable pecuniary interest in Item 6: Housing Related "
        "Support Services as a landlord of the site, left the room for the item and took no "
        "part in the discussion or vote. Councillor Downes declared a disclosable pecuniary "
        "interest in the same item (a sensitive interest: its nature is not disclosed) and "
        "remained in the meeting under dispensation MO/2019/7. Councillor Hoy declared that "
        "they were subject to a party whip in relation to the business of the meeting."
    )


@pytest.mark.parametrize(
    ("style", "unanimous", "resolution", "expected"),
    [
        ("county", False, "note the report", "It was resolved to note the report."),
        ("county", True, "a) Review and approve the approach;\nb) Consider the extension.",
         "It was resolved unanimously to:"),
        ("city", False, "note the report.",
         "AGREED ACTIONS\n\nThe Children and Young People Committee RESOLVED to note the "
         "report."),
        ("city", True, "1. note the report\n2. request a briefing",
         "AGREED ACTIONS\n\nThe Children and Young People Committee RESOLVED unanimously to:"),
    ],
)
def test_resolution_lead_ins(services, cyp, style, unanimous, resolution, expected):
    use_style(services, cyp, style)
    minute = services.minutes.add(cyp.may.id, "Report")
    minute = services.minutes.save_resolution(minute.id, resolution, unanimous)
    lead, rest = services.minutes.wording.resolution_lead(minute)
    assert lead == expected
    assert bool(rest.blocks) == ("\n" in resolution)


def test_a_council_override_folder_changes_the_wording(services, cyp, tmp_path):
    folder = tmp_path / "council-templates" / "text" / "county"
    folder.mkdir(parents=True)
    (folder / "call_in.txt.j2").write_text("No decisions were called in.\n", encoding="utf-8")
    services.minutes.set_template_folder(tmp_path / "council-templates")
    assert services.minutes.wording.call_in_text(cyp.may.id) == "No decisions were called in."
    # Templates it does not override keep the shipped wording.
    assert services.minutes.wording.action_log_text(cyp.may.id) == "The Action Log was noted."


def test_generated_links_are_markup_not_numbers(services, cyp):
    cyp.mark_may_attendance()
    seed_declarations(services, cyp)
    services.minutes.create_from_agenda(cyp.may.id)
    body = cyp.minute_for("Free School Proposals").body
    assert markup.minute_references(markup.parse(body))
