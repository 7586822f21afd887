"""Council, people, committees, memberships, meetings, audit log."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m001_foundation(db: Database) -> None:
    run_script(
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
