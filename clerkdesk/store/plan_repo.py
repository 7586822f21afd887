"""Agenda plan items and reserve dates."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from clerkdesk.domain.agenda_plan import PlanItem, ReserveDate
from clerkdesk.errors import NotFoundError
from clerkdesk.store.rows import date_or_none, iso_or_none

_FIELDS = ("committee_id", "meeting_id", "title", "lead_officer", "reference", "notes",
           "position", "agenda_item_id")
_FLAGS = ("key_decision", "full_council", "confidential")


def _to_item(row: dict) -> PlanItem:
    return PlanItem(
        id=row["id"],
        planned_date=date_or_none(row["planned_date"]),
        **{name: row[name] for name in _FIELDS},
        **{name: bool(row[name]) for name in _FLAGS},
    )


def _item_row(item: PlanItem) -> dict:
    row = {name: getattr(item, name) for name in _FIELDS}
    row.update({name: int(getattr(item, name)) for name in _FLAGS})
    row["planned_date"] = iso_or_none(item.planned_date)
    return row


class PlanRepository:
    def __init__(self, db: Database):
        self.db = db

    # -- items ---------------------------------------------------------------------------
    def items(self, committee_id: int | None = None) -> list[PlanItem]:
        where, args = ("committee_id = ?", [committee_id]) if committee_id else (None, [])
        rows = self.db["agenda_plan_items"].rows_where(where, args, order_by="position, id")
        return [_to_item(row) for row in rows]

    def items_for_meeting(self, meeting_id: int) -> list[PlanItem]:
        rows = self.db["agenda_plan_items"].rows_where(
            "meeting_id = ?", [meeting_id], order_by="position, id"
        )
        return [_to_item(row) for row in rows]

    def get(self, item_id: int) -> PlanItem:
        rows = list(self.db["agenda_plan_items"].rows_where("id = ?", [item_id]))
        if not rows:
            raise NotFoundError(f"There is no agenda plan item with id {item_id}.")
        return _to_item(rows[0])

    def insert(self, item: PlanItem) -> int:
        row = _item_row(item)
        if item.id is not None:
            row["id"] = item.id
        return self.db["agenda_plan_items"].insert(row).last_pk

    def update(self, item: PlanItem) -> None:
        self.db["agenda_plan_items"].update(item.id, _item_row(item))

    def delete(self, item_id: int) -> None:
        self.db["agenda_plan_items"].delete(item_id)

    def set_positions(self, ordered_ids: list[int]) -> None:
        for position, item_id in enumerate(ordered_ids, start=1):
            self.db.execute(
                "UPDATE agenda_plan_items SET position = ? WHERE id = ?", [position, item_id]
            )

    # -- reserve dates -------------------------------------------------------------------
    def reserve_dates(self, committee_id: int | None = None) -> list[ReserveDate]:
        where, args = ("committee_id = ?", [committee_id]) if committee_id else (None, [])
        rows = self.db["agenda_plan_reserve_dates"].rows_where(where, args, order_by="day")
        return [
            ReserveDate(row["id"], row["committee_id"], date.fromisoformat(row["day"]),
                        row["note"])
            for row in rows
        ]

    def insert_reserve_date(self, reserve: ReserveDate) -> int:
        row = {"committee_id": reserve.committee_id, "day": reserve.day.isoformat(),
               "note": reserve.note}
        if reserve.id is not None:
            row["id"] = reserve.id
        return self.db["agenda_plan_reserve_dates"].insert(row).last_pk

    def delete_reserve_date(self, reserve_id: int) -> None:
        self.db["agenda_plan_reserve_dates"].delete(reserve_id)
