"""Agenda items and their documents."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from clerkdesk.domain.access import Access, AccessLevel
from clerkdesk.domain.agenda import AgendaItem, DocumentRole, ItemDocument
from clerkdesk.errors import NotFoundError


def access_columns(access: Access) -> dict:
    return {
        "access_level": access.level.value,
        "access_paragraph": access.paragraph,
        "public_interest_note": access.public_interest_note,
        "legal_basis": access.legal_basis,
    }


def access_from(row: dict) -> Access:
    return Access(
        AccessLevel(row["access_level"]),
        row["access_paragraph"],
        row["public_interest_note"],
        row["legal_basis"],
    )


def _to_document(row: dict) -> ItemDocument:
    return ItemDocument(
        id=row["id"],
        item_id=row["item_id"],
        title=row["title"],
        sha256=row["sha256"],
        original_name=row["original_name"],
        media=row["media"],
        role=DocumentRole(row["role"]),
        access=access_from(row),
        position=row["position"],
        pages=row["pages"],
        has_text=None if row["has_text"] is None else bool(row["has_text"]),
        added_at=datetime.fromisoformat(row["added_at"]),
    )


def _document_row(document: ItemDocument) -> dict:
    return {
        "item_id": document.item_id,
        "position": document.position,
        "title": document.title,
        "role": document.role.value,
        "sha256": document.sha256,
        "original_name": document.original_name,
        "media": document.media,
        **access_columns(document.access),
        "pages": document.pages,
        "has_text": None if document.has_text is None else int(document.has_text),
        "added_at": document.added_at.isoformat(),
    }


_ITEM_FIELDS = (
    "meeting_id", "position", "section", "title", "kind", "report_heading", "lead_officer",
    "forward_plan_ref", "urgency_reason", "notes", "plan_item_id", "supplement",
)
_ITEM_FLAGS = ("key_decision", "education_matter", "late")


def _item_row(item: AgendaItem) -> dict:
    row = {name: getattr(item, name) for name in _ITEM_FIELDS}
    row.update({name: int(getattr(item, name)) for name in _ITEM_FLAGS})
    row.update(access_columns(item.access))
    return row


class AgendaRepository:
    def __init__(self, db: Database):
        self.db = db

    def _documents(self, item_id: int) -> tuple[ItemDocument, ...]:
        rows = self.db["item_documents"].rows_where(
            "item_id = ?", [item_id], order_by="position, id"
        )
        return tuple(_to_document(row) for row in rows)

    def _to_item(self, row: dict) -> AgendaItem:
        values = {name: row[name] for name in _ITEM_FIELDS}
        values.update({name: bool(row[name]) for name in _ITEM_FLAGS})
        return AgendaItem(
            id=row["id"], access=access_from(row), documents=self._documents(row["id"]), **values
        )

    def items_for(self, meeting_id: int) -> list[AgendaItem]:
        rows = self.db["agenda_items"].rows_where(
            "meeting_id = ?", [meeting_id], order_by="position, id"
        )
        return [self._to_item(row) for row in rows]

    def get_item(self, item_id: int) -> AgendaItem:
        rows = list(self.db["agenda_items"].rows_where("id = ?", [item_id]))
        if not rows:
            raise NotFoundError(f"There is no agenda item with id {item_id}.")
        return self._to_item(rows[0])

    def insert_item(self, item: AgendaItem) -> int:
        row = _item_row(item)
        if item.id is not None:
            row["id"] = item.id
        return self.db["agenda_items"].insert(row).last_pk

    def update_item(self, item: AgendaItem) -> None:
        self.db["agenda_items"].update(item.id, _item_row(item))

    def delete_item(self, item_id: int) -> None:
        self.db["agenda_items"].delete(item_id)

    def set_positions(self, ordered_ids: list[int]) -> None:
        for position, item_id in enumerate(ordered_ids, start=1):
            self.db.execute(
                "UPDATE agenda_items SET position = ? WHERE id = ?", [position, item_id]
            )

    def get_document(self, document_id: int) -> ItemDocument:
        rows = list(self.db["item_documents"].rows_where("id = ?", [document_id]))
        if not rows:
            raise NotFoundError(f"There is no document with id {document_id}.")
        return _to_document(rows[0])

    def insert_document(self, document: ItemDocument) -> int:
        row = _document_row(document)
        if document.id is not None:
            row["id"] = document.id
        return self.db["item_documents"].insert(row).last_pk

    def update_document(self, document: ItemDocument) -> None:
        self.db["item_documents"].update(document.id, _document_row(document))

    def delete_document(self, document_id: int) -> None:
        self.db["item_documents"].delete(document_id)

    def meetings_with_items(self) -> set[int]:
        rows = self.db.execute("SELECT DISTINCT meeting_id FROM agenda_items").fetchall()
        return {row[0] for row in rows}
