"""The exchange format: one versioned JSON document holding everything in a database.

This module holds what concerns the document as a whole: its name and version, the JSON
Schema, reading and writing the file, and how counts are worded. How records become JSON
is in ``exchange_codecs``; which sections the document holds, in ``exchange_sections``;
the documents' files beside it, in ``exchange_files``. Export lives in ``exchange_export``,
import in ``exchange_import``; ``docs/exchange-format.md`` describes the document for people.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from clerkdesk.documents.atomic import write_bytes_atomically
from clerkdesk.errors import ClerkError, NotFoundError, ValidationError

log = logging.getLogger(__name__)

FORMAT_NAME = "clerkdesk-exchange"
FORMAT_VERSION = 1
SCHEMA_PACKAGE = "clerkdesk.schemas"
SCHEMA_FILE = f"exchange-v{FORMAT_VERSION}.schema.json"


@cache
def load_schema() -> dict:
    """The JSON Schema for this format version, shipped inside the package."""
    text = resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


# Nouns that are not the key with its final "s" dropped (keys may use "_" or spaces).
_NOUNS = {
    "council": ("council", "councils"),
    "people": ("person", "people"),
    "minutes": ("minute", "minutes"),
    "meeting minutes": ("set of minutes", "sets of minutes"),
    "minutes settings": ("committee's minutes settings", "committees' minutes settings"),
    "committee deadline rules": ("committee's deadline rules", "committees' deadline rules"),
    "attendance": ("attendance record", "attendance records"),
    "action responsible": ("officer named on an action", "officers named on actions"),
}


def describe_counts(counts: Mapping[str, int]) -> str:
    """'1 council, 60 people, 5 committees, ...' for messages after an export or import."""
    if not counts:
        return "nothing"
    parts = []
    for key, count in counts.items():
        parts.append(f"{count} {noun(key, count)}")
    return ", ".join(parts)


def noun(key: str, count: int = 1) -> str:
    """What one (or ``count``) of a section's records or a table's rows is called."""
    words = key.replace("_", " ")
    singular, plural = _NOUNS.get(words, (words.removesuffix("s"), words))
    return singular if count == 1 else plural


def read_document(path: str | Path) -> Any:
    """The parsed JSON of an exchange file (not yet checked: see ``parse_document``)."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"There is no file at {path}.")
    if path.is_dir():
        raise ClerkError(f"{path} is a folder; choose the .json file to import.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ClerkError(f"Cannot read {path}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad may add a byte-order mark
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name} is not a ClerkDesk exchange file (it is not UTF-8 text); "
            "nothing was imported."
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}; nothing was imported."
        ) from None


def check_format_and_version(document: Any, source: str) -> None:
    # Checked before the schema: a file that is not ours, or is from a newer ClerkDesk,
    # would otherwise drown the one useful message in hundreds of schema errors.
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValidationError(
            f"{source} is not a ClerkDesk exchange file ($.format is not '{FORMAT_NAME}'); "
            "nothing was imported."
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ValidationError(
            f"{source} uses exchange format version {version}, written by a newer ClerkDesk; "
            f"this ClerkDesk reads version {FORMAT_VERSION}. Install the newer ClerkDesk to "
            "import it; nothing was imported."
        )


def writable_path(path: str | Path) -> Path:
    """``path`` made absolute, or a ClerkError when no file can be written there."""
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise ClerkError(f"{path} is a folder; give a file name to write to.")
    if not path.parent.is_dir():
        raise ClerkError(f"The folder {path.parent} does not exist.")
    return path


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (documents/atomic.py); returns the path."""
    path = writable_path(path)
    write_bytes_atomically(path, data)
    log.info("wrote %s (%d bytes)", path, len(data))
    return path
