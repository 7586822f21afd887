"""Conversions between SQLite column values and domain values, written once."""

from __future__ import annotations

from datetime import date, datetime


def date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso_or_none(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def datetime_or_none(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
