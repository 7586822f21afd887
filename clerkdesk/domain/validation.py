"""A small collector so that validation reports every problem, not only the first."""

from __future__ import annotations

from clerkdesk.errors import ValidationError


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    @classmethod
    def from_list(cls, messages: list[str]) -> Problems:
        found = cls()
        found.items.extend(messages)
        return found

    def add(self, message: str) -> None:
        self.items.append(message)

    def require(self, value: str | None, message: str) -> None:
        if value is None or not str(value).strip():
            self.add(message)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)
