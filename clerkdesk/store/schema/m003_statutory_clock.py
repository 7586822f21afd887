"""The statutory clock's settings and the agenda plan.

The calendar's three lists are kept apart (rules.md §6.3 item 7): local closures are not
bank holidays; extra holidays are one-off bank holidays announced after the installed
``holidays`` package was built; ignored bank holidays replay an older calendar or correct a
package error. The council's own rules stay in ``council.deadline_rules``; a committee's
overrides of them are a JSON object per committee.
"""

from __future__ import annotations

from sqlite_utils import Database

from clerkdesk.store.schema.script import run_script


def m003_statutory_clock(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE local_closures (day TEXT PRIMARY KEY, label TEXT NOT NULL);

        CREATE TABLE extra_holidays (day TEXT PRIMARY KEY, label TEXT NOT NULL);

        CREATE TABLE ignored_bank_holidays (day TEXT PRIMARY KEY);

        CREATE TABLE committee_deadline_rules (
            committee_id INTEGER PRIMARY KEY REFERENCES committees(id) ON DELETE CASCADE,
            overrides TEXT NOT NULL DEFAULT '{}'
        );

        CREATE TABLE deadline_marks (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, key)
        );

        CREATE TABLE agenda_plan_items (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            planned_date TEXT,
            title TEXT NOT NULL,
            lead_officer TEXT NOT NULL DEFAULT '',
            key_decision INTEGER NOT NULL DEFAULT 0,
            reference TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            full_council INTEGER NOT NULL DEFAULT 0,
            confidential INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL
        );
        CREATE INDEX agenda_plan_items_committee ON agenda_plan_items(committee_id, position);

        CREATE TABLE agenda_plan_reserve_dates (
            id INTEGER PRIMARY KEY,
            committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT 'Provisional Meeting',
            UNIQUE (committee_id, day)
        )
        """,
    )
