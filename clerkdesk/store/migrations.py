"""Schema changes, one named step each, applied in order by sqlite-utils ``Migrations``.

Never edit or rename a step that has shipped: add a new one. A database that has a step
this list does not know was written by a newer ClerkDesk and is refused (see db.py).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("clerkdesk")


def _run_script(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would break the step's transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_foundation(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE council (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            service_name TEXT NOT NULL DEFAULT '',
            monitoring_officer_name TEXT NOT NULL DEFAULT '',
            monitoring_officer_title TEXT NOT NULL DEFAULT '',
            filming TEXT NOT NULL DEFAULT '',
            public_speaking TEXT NOT NULL DEFAULT '',
            car_parking TEXT NOT NULL DEFAULT '',
            access_contact TEXT NOT NULL DEFAULT '',
            jurisdiction TEXT NOT NULL DEFAULT 'england',
            deadline_rules TEXT NOT NULL DEFAULT '{}'
        );

        CREATE TABLE municipal_years (start TEXT PRIMARY KEY);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            forenames TEXT NOT NULL,
            surname TEXT NOT NULL,
            minutes_name TEXT NOT NULL DEFAULT '',
            front_sheet_name TEXT NOT NULL DEFAULT '',
            political_group TEXT NOT NULL DEFAULT '',
            ward TEXT NOT NULL DEFAULT '',
            post TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            telephone TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE committees (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            kind TEXT NOT NULL,
            numbering TEXT NOT NULL,
            next_minute_number INTEGER NOT NULL DEFAULT 1,
            default_venue TEXT NOT NULL DEFAULT '',
            clerk_id INTEGER REFERENCES people(id) ON DELETE SET NULL
        );

        CREATE TABLE standing_items (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            section TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            UNIQUE (committee_id, position)
        );

        CREATE TABLE memberships (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            start TEXT NOT NULL,
            "end" TEXT,
            voting_scope TEXT,
            statutory_seat TEXT NOT NULL DEFAULT '',
            represents TEXT NOT NULL DEFAULT '',
            substitute_for_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            chair_title TEXT NOT NULL DEFAULT 'Chair',
            municipal_year TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX memberships_committee ON memberships(committee_id);
        CREATE INDEX memberships_person ON memberships(person_id);

        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE RESTRICT,
            start TEXT NOT NULL,
            start_utc TEXT NOT NULL,
            "end" TEXT,
            venue TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            livestream_url TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meetings_committee_start ON meetings(committee_id, start_utc);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            summary TEXT NOT NULL DEFAULT ''
        );
        """
    )


@migrations()
def m002_agendas(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            section TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            report_heading TEXT NOT NULL DEFAULT '',
            lead_officer TEXT NOT NULL DEFAULT '',
            key_decision INTEGER NOT NULL DEFAULT 0,
            forward_plan_ref TEXT NOT NULL DEFAULT '',
            education_matter INTEGER NOT NULL DEFAULT 0,
            access_level TEXT NOT NULL DEFAULT 'open',
            access_paragraph INTEGER,
            public_interest_note TEXT NOT NULL DEFAULT '',
            legal_basis TEXT NOT NULL DEFAULT '',
            late INTEGER NOT NULL DEFAULT 0,
            urgency_reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            plan_item_id INTEGER,
            supplement INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

        CREATE TABLE item_documents (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            role TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            original_name TEXT NOT NULL,
            media TEXT NOT NULL,
            access_level TEXT NOT NULL DEFAULT 'open',
            access_paragraph INTEGER,
            public_interest_note TEXT NOT NULL DEFAULT '',
            legal_basis TEXT NOT NULL DEFAULT '',
            pages INTEGER,
            has_text INTEGER,
            added_at TEXT NOT NULL
        );
        CREATE INDEX item_documents_item ON item_documents(item_id, position);

        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            supplement INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL,
            published_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (meeting_id, kind, supplement, version)
        );

        CREATE TABLE publication_files (
            id INTEGER PRIMARY KEY,
            publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            audience TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL
        )
        """,
    )


def known_step_names() -> list[str]:
    return [step.name for step in migrations._migrations]
