"""ClerkDesk's own copies of attached files, named by their SHA-256 and never changed.

The folder sits beside the database (``<db name>-files/``) so the two travel together.
A file is copied in once; attaching the same bytes again reuses it.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from clerkdesk.errors import ClerkError

CHUNK = 1 << 20  # hash large PDFs without reading them whole


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class FileStore:
    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def beside(cls, db_path: Path) -> FileStore:
        return cls(db_path.with_name(f"{db_path.stem}-files"))

    def path_for(self, sha256: str, media: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{media}"

    def has(self, sha256: str, media: str) -> bool:
        return self.path_for(sha256, media).exists()

    def add(self, source: Path, media: str) -> str:
        """Copy ``source`` in (if not already there) and return its SHA-256."""
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ClerkError(f"Cannot read {source}: {exc.strerror}.") from exc
        return self.add_bytes(data, media, name=source.name)

    def add_bytes(self, data: bytes, media: str, name: str = "the document") -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest, media)
        if target.exists():
            return digest
        temp: Path | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
            temp = Path(temp_name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            # Read-only on disk too: a stored document is never edited in place.
            os.chmod(temp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(temp, target)
        except OSError as exc:
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise ClerkError(
                f"Cannot copy {name} into ClerkDesk's document store at {self.root}: "
                f"{exc.strerror}. Free some disk space or check the folder, then try again."
            ) from exc
        return digest

    def verify(self, sha256: str, media: str) -> bool:
        """True when the stored file is present and still has the hash it is named by."""
        path = self.path_for(sha256, media)
        return path.exists() and sha256_of(path) == sha256
