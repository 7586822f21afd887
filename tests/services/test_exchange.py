"""The exchange format: export, all-or-nothing import, and the schema that describes it."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from clerkdesk.domain.committees import StandingItem, StandingItemKind
from clerkdesk.domain.meetings import MeetingKind, MeetingStatus, london_datetime
from clerkdesk.domain.membership import Role, StatutorySeat, VotingScope
from clerkdesk.domain.people import PersonKind
from clerkdesk.errors import ClerkError, NotFoundError, ValidationError
from clerkdesk.services.exchange import FORMAT_VERSION, load_schema, write_atomically
from clerkdesk.services.exchange_export import dumps_document, export_document, write_export
from clerkdesk.services.exchange_import import (
    ImportProblems,
    TargetNotEmptyError,
    import_document,
    import_file,
    read_document,
)
from clerkdesk.services.exchange_sections import (
    COUNCIL,
    SECTIONS,
    SETTINGS,
    TOP_LEVEL_KEYS,
)
from clerkdesk.services.registry import Services

REPO = Path(__file__).resolve().parents[2]


def row_counts(services) -> dict[str, int]:
    db = services.store.db
    return {table: db[table].count for table in db.table_names()}


def is_empty(services) -> bool:
    counts = row_counts(services)
    return all(count == 0 for table, count in counts.items() if not table.startswith("_")
               and table != "meta")


@pytest.fixture
def target(tmp_path):
    opened = Services.open(tmp_path / "target.sqlite", create=True)
    yield opened
    opened.close()


@pytest.fixture
def small(make, services):
    """A hand-made council touching every field the format carries."""
    make.council(
        name="Cyngor Sir Ynys Môn & Partners",
        address="Swyddfa'r Cyngor\nLlangefni\nLL77 7TW",
        website="https://www.example.gov.uk",
        jurisdiction="wales",
        deadline_rules={"zeta": [1, {"b": 2, "a": 1}], "alpha": {"clear_days": 5}},
        municipal_year_starts=(date(2020, 5, 12), date(2019, 5, 14)),
    )
    clerk = make.person(kind=PersonKind.OFFICER, forenames="Siân", surname="O'Brien",
                        title="Ms", post="Democratic Services Officer", email="sian@example.org")
    chair = make.person(forenames="Dafydd Ŵyn", surname="Ap Gŵyn-Hughes",
                        minutes_name_override="D Ŵ Ap Gŵyn", political_group="Plaid & Friends")
    member = make.person(forenames="Ann", surname="Smith")
    governor = make.person(kind=PersonKind.CO_OPTEE, forenames="Rhys", surname="Ŷd", title="Mr")
    committee = make.committee(
        name="Education & Skills", code="EDU", clerk_id=clerk.id,
        default_venue="Siambr, Swyddfa'r Cyngor",
        standing_items=(
            StandingItem("", "Apologies", StandingItemKind.APOLOGIES),
            StandingItem("DECISIONS", "Budget", StandingItemKind.OTHER),
        ),
    )
    other = make.committee(name="Audit", code="AUD", standing_items=())
    make.membership(chair, committee, role=Role.CHAIR, chair_title="Chairman")
    make.membership(member, committee, end=date(2020, 1, 31))
    make.membership(governor, committee, role=Role.CO_OPTED_VOTING,
                    statutory_seat=StatutorySeat.PARENT_GOVERNOR, represents="Parents")
    make.membership(member, other, role=Role.SUBSTITUTE, substitute_for_id=chair.id,
                    voting_scope=VotingScope.NONE, start=date(2020, 6, 1))
    summer = london_datetime(date(2019, 7, 9), 14)
    winter = london_datetime(date(2019, 12, 3), 10, 30)
    make.meeting(committee, summer, livestream_url="https://example.org/live")
    make.meeting(committee, winter, end=None, kind=MeetingKind.EXTRAORDINARY,
                 status=MeetingStatus.CANCELLED, venue="Online")
    make.meeting(other, winter + timedelta(days=1))
    return services


# Round trips ----------------------------------------------------------------------------


def test_small_round_trip_gives_identical_bytes(small, tmp_path, target):
    write_export(small, tmp_path / "a.json")
    import_file(target, tmp_path / "a.json")
    write_export(target, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    # The domain objects match too, not only the text.
    assert target.people.list() == small.people.list()
    assert target.meetings.search() == small.meetings.search()
    assert target.council.get() == small.council.get()


def test_empty_database_round_trips(services, target):
    document = export_document(services)
    assert document == {
        "format": "clerkdesk-exchange", "version": 1, "council": None,
        "municipal_year_starts": [],
        "calendar": {"extra_holidays": [], "ignored_bank_holidays": [], "local_closures": []},
        "petition_scheme": None, "action_log_settings": None,
        **{section.key: [] for section in SECTIONS},
    }
    assert tuple(document) == TOP_LEVEL_KEYS
    import_document(target, document)
    assert export_document(target) == document


def test_a_document_written_before_the_later_sections_still_imports(small, target):
    # Version 1 files from before agendas, minutes, actions and petitions lack those keys.
    first_keys = ("format", "version", "council", "municipal_year_starts", "people",
                  "committees", "memberships", "meetings")
    document = {key: value for key, value in export_document(small).items() if key in first_keys}
    import_document(target, document)
    assert export_document(target) == export_document(small)


def test_document_values_are_written_as_documented(small):
    document = export_document(small)
    assert list(document)[:2] == ["format", "version"]
    assert document["municipal_year_starts"] == ["2019-05-14", "2020-05-12"]
    assert list(document["council"]["deadline_rules"]) == ["alpha", "zeta"]
    assert document["council"]["deadline_rules"]["zeta"][1] == {"a": 1, "b": 2}
    person = document["people"][1]
    assert list(person) == sorted(person)
    assert person["surname"] == "Ap Gŵyn-Hughes"
    assert person["kind"] == "councillor"
    committee = document["committees"][0]
    assert committee["clerk_id"] == document["people"][0]["id"]
    assert committee["standing_items"] == [
        {"kind": "apologies", "section": "", "title": "Apologies"},
        {"kind": "other", "section": "DECISIONS", "title": "Budget"},
    ]
    summer, winter = document["meetings"][0], document["meetings"][1]
    assert summer["start"] == "2019-07-09T14:00:00+01:00"  # BST
    assert summer["end"] == "2019-07-09T16:00:00+01:00"
    assert winter["start"] == "2019-12-03T10:30:00+00:00"  # GMT
    assert winter["end"] is None and winter["status"] == "cancelled"
    substitute = document["memberships"][3]
    assert substitute["substitute_for_id"] == document["people"][1]["id"]
    assert substitute["voting_scope"] == "none"
    assert substitute["municipal_year"] == "2020/21"
    assert document["memberships"][1]["end"] == "2020-01-31"
    assert [m["id"] for m in document["memberships"]] == sorted(
        m["id"] for m in document["memberships"]
    )
    text = dumps_document(document)
    assert "ŵ" in text and "generated" not in text and text.endswith("}\n")


def test_ids_survive_with_gaps(make, services, target):
    first = make.person()
    gone = make.person()
    kept = make.person()
    services.people.delete(gone.id)
    import_document(target, export_document(services))
    assert [p.id for p in sorted(target.people.list(), key=lambda p: p.id)] == [first.id, kept.id]


def test_optional_keys_take_their_defaults_and_year_labels_are_worked_out(small, target):
    document = export_document(small)
    for person in document["people"]:
        for key in ("title", "email", "telephone", "ward"):
            person.pop(key)
    for membership in document["memberships"]:
        membership.pop("municipal_year")
    document["meetings"][0].pop("kind")
    import_document(target, document)
    again = export_document(target)
    assert {p["title"] for p in again["people"]} == {""}
    assert [m["municipal_year"] for m in again["memberships"]] == [
        "2019/20", "2019/20", "2019/20", "2020/21"
    ]
    assert again["meetings"][0]["kind"] == "ordinary"


def test_ids_written_as_whole_floats_are_accepted(small, target):
    document = export_document(small)
    for person in document["people"]:
        person["id"] = float(person["id"])
    import_document(target, document)
    assert export_document(target) == export_document(small)


def test_import_records_one_audit_entry(small, target):
    import_document(target, export_document(small), "small.json")
    rows = list(target.store.db["audit_log"].rows)
    assert len(rows) == 1
    assert rows[0]["action"] == "import" and "from small.json" in rows[0]["summary"]


# Bad files ------------------------------------------------------------------------------


def problems_for(target, document) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        import_document(target, document, "bad.json")
    assert is_empty(target)
    return caught.value.problems


def test_schema_error_deep_in_the_document_names_its_path(small, target):
    document = export_document(small)
    document["committees"][0]["standing_items"][1]["title"] = ""
    assert problems_for(target, document) == [
        "$.committees[0].standing_items[1].title: '' should be non-empty"
    ]


def test_every_problem_is_reported_at_once(small, target):
    document = export_document(small)
    document["people"][2]["surname"] = ""
    del document["people"][3]["forenames"]
    document["people"][0]["kind"] = "mayor"
    document["people"][1]["email"] = "no-at-sign"
    document["memberships"][1]["person_id"] = 999
    document["meetings"][2]["committee_id"] = 998
    document["meetings"][0]["start"] = "2019-02-30T10:00:00+00:00"
    document["committees"][1]["code"] = "edu"
    document["unexpected"] = True
    problems = problems_for(target, document)
    assert problems == [
        "$: Additional properties are not allowed ('unexpected' was unexpected)",
        "$.people[0].kind: 'mayor' is not one of ['councillor', 'co-optee', 'officer']",
        "$.people[2].surname: '' should be non-empty",
        "$.people[3]: 'forenames' is a required property",
        "$.meetings[0].start: '2019-02-30T10:00:00+00:00' is not a real date and time "
        "(write it as 2026-07-09T14:00:00+01:00)",
        "$.memberships[1].person_id: there is no person with id 999 in $.people",
        "$.meetings[2].committee_id: there is no committee with id 998 in $.committees",
        '$.committees[1].code: code "edu" is already used by $.committees[0] (ignoring case)',
        "$.people[1]: Email address 'no-at-sign' has no '@'.",
    ]


def test_domain_rules_are_checked_with_paths(small, target):
    document = export_document(small)
    document["people"][0]["post"] = ""  # an officer needs a post
    document["memberships"][2]["role"] = "chair"  # a second chair over the same dates
    document["memberships"][2]["chair_title"] = "Chair"
    document["memberships"][2]["statutory_seat"] = ""
    document["meetings"][0]["end"] = document["meetings"][0]["start"]
    document["memberships"][1]["start"] = "2010-01-01"
    document["people"][3]["id"] = document["people"][2]["id"]
    problems = problems_for(target, document)
    assert "$.people[0]: Officer Siân O'Brien needs a post." in problems
    assert any(p.startswith("$.memberships[2]: Dafydd Ŵyn Ap Gŵyn-Hughes is already chair")
               for p in problems)
    assert any(p.startswith("$.memberships[1]: The membership starts on 01 January 2010")
               for p in problems)
    assert any(p.startswith("$.meetings[0]: The meeting ends") for p in problems)
    assert f"$.people[3].id: id {document['people'][2]['id']} is already used by $.people[2]" \
        in problems


def test_municipal_years_need_a_council(target):
    document = {
        "format": "clerkdesk-exchange", "version": 1, "council": None,
        "municipal_year_starts": ["2019-05-14"], "people": [], "committees": [],
        "memberships": [], "meetings": [],
    }
    assert problems_for(target, document) == [
        "$.municipal_year_starts: municipal years belong to the council profile; "
        "fill in $.council or empty this list"
    ]


def test_times_need_an_offset(small, target):
    document = export_document(small)
    document["meetings"][0]["start"] = "2019-07-09T14:00:00"
    [problem] = problems_for(target, document)
    assert problem.startswith("$.meetings[0].start: '2019-07-09T14:00:00' does not match")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([], "is not a ClerkDesk exchange file"),
        ({"format": "something-else", "version": 1}, "is not a ClerkDesk exchange file"),
        ({"format": "clerkdesk-exchange", "version": FORMAT_VERSION + 1},
         "uses exchange format version 2, written by a newer ClerkDesk"),
    ],
)
def test_foreign_or_newer_documents_get_one_clear_message(target, document, expected):
    with pytest.raises(ValidationError) as caught:
        import_document(target, document, "x.json")
    assert expected in caught.value.message and "\n" not in caught.value.message
    assert is_empty(target)


def test_malformed_json_reports_line_and_column(tmp_path, target):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "clerkdesk-exchange",\n  "version": 1,,\n}\n')
    with pytest.raises(ValidationError, match=r"broken.json is not valid JSON: .* line 3, column"):
        import_file(target, path)
    assert is_empty(target)


def test_missing_file_and_non_utf8_file(tmp_path, target):
    with pytest.raises(NotFoundError, match="There is no file at"):
        read_document(tmp_path / "nowhere.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"surname": "Gŵyn"}'.encode("utf-16"))
    with pytest.raises(ValidationError, match="it is not UTF-8 text"):
        read_document(latin)


def test_byte_order_mark_is_accepted(small, tmp_path, target):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_document(export_document(small)).encode())
    assert import_file(target, path)["people"] == 4


def test_non_empty_target_is_refused_naming_what_it_holds(small, demo):
    before = row_counts(demo)
    with pytest.raises(TargetNotEmptyError) as caught:
        import_document(demo, export_document(small))
    message = caught.value.message
    assert "the council profile of Fenshire County Council" in message
    assert "61 people" in message and "5 committees" in message
    assert row_counts(demo) == before


def test_target_with_only_people_is_refused(make, services, target):
    make.person()
    with pytest.raises(TargetNotEmptyError, match=r"already holds 1 person\."):
        import_document(services, export_document(target))


def test_a_failure_while_writing_rolls_everything_back(small, target):
    # A real trigger makes the last insert fail, after people and committees are written.
    target.store.db.execute(
        "CREATE TRIGGER refuse_meetings BEFORE INSERT ON meetings "
        "BEGIN SELECT RAISE(ABORT, 'meetings refused for the test'); END"
    )
    with pytest.raises(ClerkError, match=r"could not be written .* nothing was changed"):
        import_document(target, export_document(small), "small.json")
    assert is_empty(target)


# Writing files --------------------------------------------------------------------------


def test_export_replaces_the_old_file_and_leaves_no_temporary_files(small, tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old")
    write_export(small, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_write_leaves_the_old_file(tmp_path):
    folder = tmp_path / "is-a-folder.json"
    folder.mkdir()
    with pytest.raises(ClerkError, match="is a folder"):
        write_atomically(folder, b"x")
    with pytest.raises(ClerkError, match="does not exist"):
        write_atomically(tmp_path / "missing" / "x.json", b"x")


# The schema -----------------------------------------------------------------------------


def test_schema_ships_in_the_package_and_docs_copy_matches():
    packaged = REPO / "clerkdesk" / "schemas" / "exchange-v1.schema.json"
    documented = REPO / "docs" / "exchange-format.schema.json"
    assert packaged.read_bytes() == documented.read_bytes()
    assert load_schema() == json.loads(packaged.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(load_schema())  # a valid JSON Schema itself


def _resolved(node: dict) -> dict:
    defs = load_schema()["$defs"]
    while "$ref" in node:
        node = defs[node["$ref"].removeprefix("#/$defs/")]
    return node


def _enum_type(hint):
    from enum import Enum
    from typing import get_args

    found = [t for t in (hint, *get_args(hint)) if isinstance(t, type) and issubclass(t, Enum)]
    return found[0] if found else None


def _schema_mismatches(codec, node: dict, where: str) -> list[str]:
    """Where the schema's object for ``codec`` differs from what the code reads and writes,
    walking into nested records (standing items, documents' access, votes' names ...)."""
    node = _resolved(node)
    found = []
    if sorted(node["properties"]) != sorted(codec.codecs):
        found.append(f"{where}: keys {sorted(node['properties'])} != {sorted(codec.codecs)}")
    if sorted(node.get("required", [])) != codec.required:
        found.append(f"{where}: required {node.get('required')} != {codec.required}")
    if node.get("additionalProperties") is not False:
        found.append(f"{where}: must refuse unknown keys")
    for key, value_codec in codec.codecs.items():
        prop = _resolved(node["properties"].get(key, {}))
        enum_type = _enum_type(codec.field_types[key])
        if enum_type is not None and [v for v in prop.get("enum", []) if v is not None] != [
            member.value for member in enum_type
        ]:
            found.append(f"{where}.{key}: enum differs from {enum_type.__name__}")
        if value_codec.record is not None:
            inner = prop["items"] if prop.get("type") == "array" else prop
            found += _schema_mismatches(value_codec.record, inner, f"{where}.{key}")
    return found


def test_schema_lists_exactly_the_keys_and_values_the_code_reads_and_writes():
    properties = load_schema()["properties"]
    parts = [("council", COUNCIL, properties["council"])]
    parts += [(s.key, s.codec, properties[s.key]) for s in SETTINGS]
    parts += [(s.key, s.codec, properties[s.key]["items"]) for s in SECTIONS]
    mismatches = [problem for key, codec, node in parts
                  for problem in _schema_mismatches(codec, node, key)]
    assert mismatches == []


def test_schema_top_level_is_the_documented_order_and_only_the_first_keys_are_required():
    schema = load_schema()
    assert tuple(schema["properties"]) == TOP_LEVEL_KEYS
    # Keys added after the first release of version 1 are optional, so older files import.
    assert schema["required"] == ["format", "version", "council", "municipal_year_starts",
                                  "people", "committees", "memberships", "meetings"]
    assert schema["additionalProperties"] is False


def _all_keys(codec) -> set[str]:
    keys = set(codec.codecs)
    for value_codec in codec.codecs.values():
        if value_codec.record is not None:
            keys |= _all_keys(value_codec.record)
    return keys


def test_every_part_of_the_document_and_every_key_is_documented():
    text = (REPO / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    parts = [("council", COUNCIL), *((s.key, s.codec) for s in (*SETTINGS, *SECTIONS))]
    undocumented = [f"{key}: {sorted(k for k in _all_keys(codec) if f'`{k}`' not in text)}"
                    for key, codec in parts
                    if f"`{key}`" not in text or any(f"`{k}`" not in text
                                                     for k in _all_keys(codec))]
    assert undocumented == []


def test_document_examples_in_the_docs_are_valid():
    # The example in docs/exchange-format.md must import cleanly.
    text = (REPO / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    from clerkdesk.services.exchange_import import parse_document

    contents = parse_document(json.loads(example), "example")
    assert contents.counts() == {"council": 1, "people": 2, "committees": 1,
                                 "memberships": 1, "meetings": 1}


def test_documents_are_not_changed_by_import(small, target):
    document = export_document(small)
    original = copy.deepcopy(document)
    import_document(target, document)
    assert document == original
