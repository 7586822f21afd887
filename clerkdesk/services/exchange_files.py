"""The agenda documents' files, which travel beside the exchange document.

``clerkdesk export --out DIR/council.json`` copies the file of every agenda document into
``DIR/council-files/<sha256>.<pdf|docx>``; import reads them from the folder beside the
document it is given and copies them into the new database's own store. A file is named by
its SHA-256, as in ClerkDesk's store, so its name says what its bytes must hash to; export
and import both check that, so a damaged or edited file is never passed on silently.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.domain.agenda import ItemDocument
from clerkdesk.errors import ClerkError
from clerkdesk.store.files import CHUNK, FileStore, sha256_of

log = logging.getLogger(__name__)

# Only names of this shape are ever removed from the folder, so nothing else is touched.
_EXPORTED_NAME = re.compile(r"[0-9a-f]{64}\.(pdf|docx)")


def files_folder(document_path: str | Path) -> Path:
    """``council-files`` beside ``council.json``."""
    path = Path(document_path)
    return path.with_name(f"{path.stem}-files")


def file_name(sha256: str, media: str) -> str:
    return f"{sha256}.{media}"


@dataclass(frozen=True)
class WantedFile:
    """A file the document needs, and the first document (by JSON path) that names it."""

    sha256: str
    media: str
    path: str  # "$.item_documents[3]"
    title: str

    @property
    def name(self) -> str:
        return file_name(self.sha256, self.media)


def wanted_files(document: Mapping) -> list[WantedFile]:
    """Each distinct file the exported document's ``item_documents`` name, once."""
    wanted: dict[str, WantedFile] = {}
    for index, record in enumerate(document.get("item_documents") or []):
        found = WantedFile(record["sha256"], record["media"], f"$.item_documents[{index}]",
                           record["title"])
        wanted.setdefault(found.name, found)
    return list(wanted.values())


def _copy_checked(source: Path, target: Path, sha256: str) -> bool:
    """Copy ``source`` to ``target`` through a temporary file, hashing as it goes; only a
    copy with the expected hash is renamed into place. Reads the source once."""
    digest = hashlib.sha256()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    )
    try:
        with handle, source.open("rb") as reader:
            while block := reader.read(CHUNK):
                digest.update(block)
                handle.write(block)
        if digest.hexdigest() != sha256:
            Path(handle.name).unlink()
            return False
        os.replace(handle.name, target)
        return True
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def export_files(wanted: Iterable[WantedFile], store: FileStore, folder: Path) -> list[Path]:
    """Copy each wanted file from the database's store into ``folder``, checking its hash.

    Raises ClerkError naming every document whose stored file is missing or altered, after
    removing the files this call added, so a failed export leaves the folder as it was
    (a file it replaced was replaced by the same bytes). Returns the files added.
    """
    wanted = list(wanted)
    if not wanted:
        return []
    added: list[Path] = []
    problems: list[str] = []
    created = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
        for file in wanted:
            # Copied every time, even over an earlier export's copy, so that every export
            # checks the store itself and a damaged store is noticed at once.
            target = folder / file.name
            existed = target.exists()
            source = store.path_for(file.sha256, file.media)
            if not source.is_file():
                problems.append(f"{file.path} '{file.title}': the file {source} is missing")
            elif _copy_checked(source, target, file.sha256):
                if not existed:
                    added.append(target)
            else:
                problems.append(
                    f"{file.path} '{file.title}': the file {source} has been changed (its "
                    "SHA-256 no longer matches its name)"
                )
    except OSError as exc:
        _take_back(added, folder, created)
        raise ClerkError(
            f"Cannot copy the documents' files into {folder}: {exc.strerror}. Nothing was "
            "exported."
        ) from exc
    if problems:
        _take_back(added, folder, created)
        raise ClerkError(
            "\n".join([
                "Nothing was exported: ClerkDesk's store of documents is damaged. Restore "
                "these files from a backup (or attach the documents again), then export again.",
                *(f"  {problem}" for problem in problems),
            ])
        )
    log.info("copied %d document files to %s", len(wanted), folder)
    return added


def _take_back(added: list[Path], folder: Path, created: bool) -> None:
    """Undo a failed export's copies: the files it added, and the folder if it made it."""
    for path in added:
        path.unlink(missing_ok=True)
    if created and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def prune_files(folder: Path, wanted: Iterable[WantedFile]) -> None:
    """Remove exported files the document no longer names (and the folder, if then empty).

    Run after the document is written, so the document on disk never names a missing file.
    """
    if not folder.is_dir():
        return
    keep = {file.name for file in wanted}
    for path in folder.iterdir():
        if _EXPORTED_NAME.fullmatch(path.name) and path.name not in keep:
            path.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()


def check_import_files(
    documents: Iterable[tuple[int, ItemDocument]], folder: Path | None, problems: list[str]
) -> dict[str, Path]:
    """Find and check each document's file in ``folder``; returns file name -> path.

    A missing file, or one whose bytes do not hash to its name, is a problem named by the
    document's JSON path. Each file is hashed once however many documents share it.
    """
    found: dict[str, Path] = {}
    verdicts: dict[str, str] = {}  # file name -> "" when good, else what is wrong
    for index, document in documents:
        name = file_name(document.sha256, document.media)
        if name not in verdicts:
            path = folder / name if folder is not None else None
            if path is None:
                verdicts[name] = f"the file {name} is missing (no folder of files came with it)"
            elif not path.is_file():
                verdicts[name] = f"the file {folder.name}/{name} is missing"
            else:
                verdicts[name] = _import_verdict(path, document.sha256)
                if not verdicts[name]:
                    found[name] = path
        if verdicts[name]:
            problems.append(f"$.item_documents[{index}].sha256: {verdicts[name]}")
    return found


def _import_verdict(path: Path, sha256: str) -> str:
    """What is wrong with a file found for import ("" when its bytes hash to its name)."""
    shown = f"{path.parent.name}/{path.name}"
    try:
        matches = sha256_of(path) == sha256
    except OSError as exc:
        return f"the file {shown} cannot be read ({exc.strerror})"
    if not matches:
        return (f"the file {shown} has been changed since it was exported (its SHA-256 does "
                "not match its name)")
    return ""


def store_import_files(files: Mapping[str, Path], store: FileStore) -> None:
    """Copy checked files into the database's store; a file changed since the check stops
    the import (the caller's transaction then rolls back)."""
    for name, path in files.items():
        sha256, media = name.split(".", 1)
        if store.add(path, media) != sha256:
            raise ClerkError(
                f"{path} changed while it was being imported; nothing was changed. Import again."
            )
