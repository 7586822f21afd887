"""Actions and the action log; petitions, their organisers and the Petitions Scheme.

``minute_id`` columns are plain integers with no reference: minutes may live in a table
added by another step, and an action or petition keeps its minute number and item title
so that the log and the register read correctly without it.

No rows are inserted here: the settings tables stay empty until a clerk saves a setting
(the code supplies the cited defaults), so a new database still counts as empty for import.
"""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m005_actions_petitions(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE petition_organisers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            locality TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            telephone TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE petitions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            organiser_id INTEGER REFERENCES petition_organisers(id) ON DELETE RESTRICT,
            received_on TEXT,
            channel TEXT NOT NULL,
            signatures INTEGER NOT NULL CHECK (signatures >= 0),
            valid_signatures INTEGER CHECK (valid_signatures >= 0),
            committee_id INTEGER REFERENCES committees(id) ON DELETE RESTRICT,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
            agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            minute_id INTEGER,
            minute_number TEXT NOT NULL DEFAULT '',
            acknowledged_on TEXT,
            response_on TEXT,
            response_text TEXT NOT NULL DEFAULT '',
            responder TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            status_note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX petitions_meeting ON petitions(meeting_id);
        CREATE INDEX petitions_organiser ON petitions(organiser_id);

        CREATE TABLE petition_comments (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id) ON DELETE CASCADE,
            dated TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX petition_comments_petition ON petition_comments(petition_id);

        CREATE TABLE petition_scheme (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            settings TEXT NOT NULL
        );

        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE RESTRICT,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
            raised_on TEXT NOT NULL,
            minute_id INTEGER,
            minute_number TEXT NOT NULL DEFAULT '',
            item_title TEXT NOT NULL DEFAULT '',
            forward_plan_ref TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT '',
            expected_completion TEXT,
            target_date TEXT,
            completed_on TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            petition_id INTEGER REFERENCES petitions(id) ON DELETE SET NULL
        );
        CREATE INDEX actions_committee ON actions(committee_id);
        CREATE INDEX actions_meeting ON actions(meeting_id);
        CREATE INDEX actions_minute ON actions(minute_id);

        CREATE TABLE action_responsible (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            name TEXT NOT NULL DEFAULT '',
            post TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX action_responsible_action ON action_responsible(action_id, position);

        CREATE TABLE action_updates (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            dated TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX action_updates_action ON action_updates(action_id, dated);

        CREATE TABLE issued_action_logs (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
            as_of TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX issued_action_logs_committee ON issued_action_logs(committee_id, as_of);

        CREATE TABLE action_log_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            logs_showing_closed INTEGER NOT NULL CHECK (logs_showing_closed >= 0)
        )
        """,
    )
