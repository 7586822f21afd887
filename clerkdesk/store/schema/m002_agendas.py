"""Agenda items, their documents, and publication records."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m002_agendas(db: Database) -> None:
    run_script(
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
