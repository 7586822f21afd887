"""Schema changes, one named step each, applied in order by sqlite-utils ``Migrations``.

Each step lives in its own module under ``clerkdesk/store/schema/`` and is listed in
``STEPS`` below, in the order it must run. Never edit or rename a step that has shipped: add
a new one. A database that has a step this list does not know was written by a newer
ClerkDesk and is refused (see db.py).
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from clerkdesk.store.schema.m001_foundation import m001_foundation
from clerkdesk.store.schema.m002_agendas import m002_agendas
from clerkdesk.store.schema.m003_statutory_clock import m003_statutory_clock
from clerkdesk.store.schema.m004_minutes import m004_minutes
from clerkdesk.store.schema.m005_actions_petitions import m005_actions_petitions
from clerkdesk.store.schema.m006_document_style import m006_document_style
from clerkdesk.store.schema.m007_minute_action_links import m007_minute_action_links

STEPS = (
    m001_foundation,
    m002_agendas,
    m003_statutory_clock,
    m004_minutes,
    m005_actions_petitions,
    m006_document_style,
    m007_minute_action_links,
)

migrations = Migrations("clerkdesk")
for _step in STEPS:
    migrations()(_step)


def known_step_names() -> list[str]:
    return [step.__name__ for step in STEPS]
