"""Minutes: per-committee minutes settings, attendance, declarations, minute entries,
their actions and votes, and each meeting's minutes life cycle."""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m004_minutes(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE minutes_settings (
            committee_id INTEGER PRIMARY KEY REFERENCES committees(id) ON DELETE CASCADE,
            style TEXT NOT NULL DEFAULT 'county',
            quorum_kind TEXT NOT NULL,
            quorum_numerator INTEGER NOT NULL,
            quorum_denominator INTEGER NOT NULL,
            quorum_fixed INTEGER NOT NULL,
            quorum_minimum INTEGER NOT NULL,
            quorum_counts_voting_co_optees INTEGER NOT NULL DEFAULT 0,
            quorum_source TEXT NOT NULL DEFAULT '',
            interest_vocabulary TEXT NOT NULL,
            whipping_declarations INTEGER NOT NULL DEFAULT 0,
            substitutes TEXT NOT NULL,
            running_restarted_on TEXT
        );

        CREATE TABLE meeting_minutes (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            published_at TEXT,
            approved_at_meeting_id INTEGER REFERENCES meetings(id) ON DELETE RESTRICT,
            approval_minute_id INTEGER,
            amendments TEXT NOT NULL DEFAULT '[]',
            signed_by_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
            signed_on TEXT
        );

        CREATE TABLE minutes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            series TEXT NOT NULL,
            number INTEGER NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            section TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            resolution TEXT NOT NULL DEFAULT '',
            unanimous INTEGER NOT NULL DEFAULT 0,
            UNIQUE (series, number)
        );
        CREATE INDEX minutes_meeting ON minutes(meeting_id, position);

        CREATE TABLE minute_actions (
            id INTEGER PRIMARY KEY,
            minute_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            responsible TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX minute_actions_minute ON minute_actions(minute_id, position);

        CREATE TABLE minute_votes (
            id INTEGER PRIMARY KEY,
            minute_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            for_count INTEGER NOT NULL DEFAULT 0,
            against_count INTEGER NOT NULL DEFAULT 0,
            abstentions INTEGER NOT NULL DEFAULT 0,
            requested_by TEXT NOT NULL DEFAULT '',
            casting_vote TEXT
        );
        CREATE INDEX minute_votes_minute ON minute_votes(minute_id, position);

        CREATE TABLE minute_vote_names (
            vote_id INTEGER NOT NULL REFERENCES minute_votes(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
            choice TEXT NOT NULL,
            PRIMARY KEY (vote_id, person_id)
        );

        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
            position INTEGER NOT NULL,
            capacity TEXT NOT NULL,
            presence TEXT NOT NULL,
            role TEXT,
            role_title TEXT NOT NULL DEFAULT '',
            voting_scope TEXT NOT NULL,
            substitute_for_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
            membership_id INTEGER REFERENCES memberships(id) ON DELETE SET NULL,
            represents TEXT NOT NULL DEFAULT '',
            post TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            UNIQUE (meeting_id, person_id)
        );

        CREATE TABLE declarations (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
            agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            position INTEGER NOT NULL,
            interest_type TEXT NOT NULL,
            nature TEXT NOT NULL DEFAULT '',
            sensitive INTEGER NOT NULL DEFAULT 0,
            action TEXT NOT NULL,
            dispensation_ref TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX declarations_meeting ON declarations(meeting_id, position)
        """,
    )
