"""Property tests: any valid document survives import and export; any broken one changes nothing.

Documents are generated directly as JSON (not through the services), with realistic names
(Welsh ŵ and ŷ, apostrophes, ampersands), shuffled record order and times written in
either London or UTC offsets; the export must equal the same document normalised.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.domain.committees import CommitteeKind, NumberingScheme, StandingItemKind
from clerkdesk.domain.meetings import MeetingKind, MeetingStatus
from clerkdesk.domain.membership import CHAIR_TITLES, Role, StatutorySeat, VotingScope
from clerkdesk.domain.people import PersonKind
from clerkdesk.services.exchange_export import dumps_document, export_document
from clerkdesk.services.exchange_import import ImportProblems, import_document
from clerkdesk.services.registry import Services

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
YEAR_STARTS = [date(2019, 5, 14), date(2020, 5, 12), date(2021, 5, 11)]
LAST_DAY = date(2022, 5, 10)  # the day before the last recorded year's anniversary
PROPERTY_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZŵŷŴŶâêîôûÂäëïöüéñ'’&- "
names = st.text(NAME_CHARS, min_size=1, max_size=24).filter(lambda text: text.strip())
free_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)
codes = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,15}", fullmatch=True)
days = st.dates(min_value=YEAR_STARTS[0], max_value=LAST_DAY)


def values(enum_type) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum_type])


@st.composite
def ids(draw, count: int) -> list[int]:
    return draw(st.lists(st.integers(1, 10**6), min_size=count, max_size=count, unique=True))


@st.composite
def person(draw, person_id: int) -> dict:
    kind = draw(values(PersonKind))
    return {
        "id": person_id, "kind": kind, "forenames": draw(names), "surname": draw(names),
        "title": draw(st.sampled_from(["", "Councillor", "Mr", "Dr", "Y Cynghorydd"])),
        "minutes_name_override": draw(st.one_of(st.just(""), names)),
        "front_sheet_name_override": draw(st.one_of(st.just(""), names)),
        "political_group": draw(free_text), "ward": draw(free_text),
        "post": draw(names) if kind == PersonKind.OFFICER else draw(free_text),
        "email": draw(st.sampled_from(["", "clerc@cyngor.gov.uk", "o'brien&co@example.org"])),
        "telephone": draw(st.sampled_from(["", "01223 699171"])),
    }


@st.composite
def committee(draw, committee_id: int, code: str, person_ids: list[int]) -> dict:
    items = draw(st.lists(st.fixed_dictionaries({
        "section": st.one_of(st.just(""), names), "title": names,
        "kind": values(StandingItemKind),
    }), max_size=4))
    return {
        "id": committee_id, "name": draw(names), "code": code,
        "kind": draw(values(CommitteeKind)), "numbering": draw(values(NumberingScheme)),
        "next_minute_number": draw(st.integers(1, 5000)), "default_venue": draw(free_text),
        "clerk_id": draw(st.sampled_from([None, *person_ids])), "standing_items": items,
    }


@st.composite
def membership(draw, membership_id, person_id, committee_id, role, person_ids) -> dict:
    start = draw(days)
    end = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=LAST_DAY)))
    others = [other for other in person_ids if other != person_id]
    substitute_for = draw(st.sampled_from([None, *others])) if role == Role.SUBSTITUTE else None
    seat = draw(values(StatutorySeat).filter(bool)) if role == Role.CO_OPTED_VOTING else ""
    return {
        "id": membership_id, "person_id": person_id, "committee_id": committee_id,
        "role": role.value, "start": start.isoformat(), "end": end and end.isoformat(),
        "voting_scope": draw(st.sampled_from([None, *(v.value for v in VotingScope)])),
        "statutory_seat": seat, "represents": draw(free_text),
        "substitute_for_id": substitute_for, "chair_title": draw(st.sampled_from(CHAIR_TITLES)),
        "municipal_year": draw(st.sampled_from(["", "2019/20", "set by hand"])),
    }


@st.composite
def meeting(draw, meeting_id: int, committee_ids: list[int]) -> dict:
    day = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)))
    # Daytime hours only: 01:00-02:00 on clock-change days is ambiguous or missing.
    start = datetime(day.year, day.month, day.day, draw(st.integers(8, 21)),
                     draw(st.sampled_from([0, 15, 30, 45])), tzinfo=LONDON)
    end = draw(st.one_of(st.none(), st.integers(15, 300).map(
        lambda minutes: start + timedelta(minutes=minutes))))
    written_in = draw(st.sampled_from([LONDON, UTC]))
    return {
        "id": meeting_id, "committee_id": draw(st.sampled_from(committee_ids)),
        "start": start.astimezone(written_in).isoformat(),
        "end": end and end.astimezone(written_in).isoformat(),
        "venue": draw(free_text), "kind": draw(values(MeetingKind)),
        "status": draw(values(MeetingStatus)),
        "livestream_url": draw(st.sampled_from(["", "https://www.youtube.com/@cyngor/live"])),
    }


@st.composite
def documents(draw) -> dict:
    person_ids = draw(ids(draw(st.integers(0, 6))))
    people = [draw(person(pid)) for pid in person_ids]
    committee_codes = draw(st.lists(codes, max_size=4, unique_by=str.casefold))
    committee_ids = draw(ids(len(committee_codes)))
    committees = [draw(committee(cid, code, person_ids))
                  for cid, code in zip(committee_ids, committee_codes, strict=True)]
    memberships, presiding = [], set()
    if people and committees:
        seats = draw(st.lists(st.tuples(st.sampled_from(person_ids),
                                        st.sampled_from(committee_ids)), unique=True, max_size=8))
        for membership_id, (pid, cid) in zip(draw(ids(len(seats))), seats, strict=True):
            role = Role(draw(values(Role)))
            if role in (Role.CHAIR, Role.VICE_CHAIR):  # one holder per committee, ever
                role = Role.MEMBER if (cid, role) in presiding else role
                presiding.add((cid, role))
            memberships.append(draw(membership(membership_id, pid, cid, role, person_ids)))
    meetings = []
    if committees:
        meetings = [draw(meeting(mid, committee_ids)) for mid in draw(ids(draw(st.integers(0, 6))))]
    return {
        "format": "clerkdesk-exchange", "version": 1,
        "council": {
            "name": draw(names), "address": draw(free_text), "website": "https://cyngor.cymru",
            "service_name": draw(free_text), "monitoring_officer_name": draw(names),
            "monitoring_officer_title": "Swyddog Monitro",
            "paragraphs": {key: draw(free_text) for key in
                           ("filming", "public_speaking", "car_parking", "access_contact")},
            "jurisdiction": draw(st.sampled_from(["england", "wales"])),
            "deadline_rules": draw(st.dictionaries(names, st.integers(0, 30), max_size=3)),
            "document_style": draw(st.sampled_from(["county", "city"])),
            "declarations_guidance": draw(free_text),
        },
        "municipal_year_starts": [d.isoformat() for d in draw(st.permutations(YEAR_STARTS))],
        "people": draw(st.permutations(people)),
        "committees": draw(st.permutations(committees)),
        "memberships": draw(st.permutations(memberships)),
        "meetings": draw(st.permutations(meetings)),
    }


def year_label(start: str) -> str:
    first = max(day for day in YEAR_STARTS if day <= date.fromisoformat(start))
    return f"{first.year}/{(first.year + 1) % 100:02d}"


def london(value: str | None) -> str | None:
    return value and datetime.fromisoformat(value).astimezone(LONDON).isoformat()


def normalised(document: dict) -> dict:
    """What export should give back: records by id, London times, year labels filled."""
    expected = {**document}
    expected["municipal_year_starts"] = sorted(document["municipal_year_starts"])
    for key in ("people", "committees", "memberships", "meetings"):
        expected[key] = sorted(document[key], key=lambda record: record["id"])
    expected["memberships"] = [
        {**m, "municipal_year": m["municipal_year"] or year_label(m["start"])}
        for m in expected["memberships"]
    ]
    expected["meetings"] = [
        {**m, "start": london(m["start"]), "end": london(m["end"])} for m in expected["meetings"]
    ]
    return expected


@contextmanager
def empty_database():
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder) / "target.sqlite", create=True)
        try:
            yield services
        finally:
            services.close()


def total_rows(services) -> int:
    db = services.store.db
    return sum(db[table].count for table in db.table_names()
               if not table.startswith("_") and table != "meta")


@PROPERTY_SETTINGS
@given(documents())
def test_valid_documents_import_and_export_unchanged(document):
    with empty_database() as services:
        import_document(services, document)
        exported = export_document(services)
        assert exported == normalised(document)
    with empty_database() as again:
        import_document(again, exported)
        assert dumps_document(export_document(again)) == dumps_document(exported)


REQUIRED = {
    "people": ["id", "kind", "forenames", "surname"],
    "committees": ["id", "name", "code"],
    "memberships": ["id", "person_id", "committee_id", "role", "start"],
    "meetings": ["id", "committee_id", "start"],
}
TEXT_KEYS = {
    "people": ["surname", "ward", "email"], "committees": ["name", "default_venue"],
    "memberships": ["represents"], "meetings": ["venue", "livestream_url"],
}
REFERENCES = [
    ("committees", "clerk_id", "people", "person"),
    ("memberships", "person_id", "people", "person"),
    ("memberships", "committee_id", "committees", "committee"),
    ("meetings", "committee_id", "committees", "committee"),
]


@st.composite
def corrupted(draw) -> tuple[dict, str]:
    """A valid document with one thing broken, and the problem that must be reported."""
    document = draw(documents())
    sections = [key for key in REQUIRED if document[key]]
    if not sections:
        document["council"]["name"] = 7
        return document, "$.council.name: 7 is not of type 'string'"
    key = draw(st.sampled_from(sections))
    index = draw(st.integers(0, len(document[key]) - 1))
    record = document[key][index]
    mutation = draw(st.sampled_from(["drop", "wrong type", "dangling"]))
    if mutation == "dangling":
        choices = [r for r in REFERENCES if r[0] == key]
        if choices:
            _, field, target, noun = draw(st.sampled_from(choices))
            missing = max((r["id"] for r in document[target]), default=0) + 1
            record[field] = missing
            return document, f"$.{key}[{index}].{field}: there is no {noun} with id " \
                             f"{missing} in $.{target}"
        mutation = "drop"
    if mutation == "drop":
        field = draw(st.sampled_from(REQUIRED[key]))
        del record[field]
        return document, f"$.{key}[{index}]: '{field}' is a required property"
    field = draw(st.sampled_from(TEXT_KEYS[key]))
    record[field] = 42
    return document, f"$.{key}[{index}].{field}: 42 is not of type 'string'"


@PROPERTY_SETTINGS
@given(corrupted())
def test_broken_documents_name_the_problem_and_change_nothing(case):
    document, expected_problem = case
    with empty_database() as services:
        with pytest.raises(ImportProblems) as caught:
            import_document(services, document)
        assert expected_problem in caught.value.problems
        assert total_rows(services) == 0
