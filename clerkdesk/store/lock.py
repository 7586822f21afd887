"""One running ClerkDesk per database file.

SQLite itself would let two copies of ClerkDesk write the same file, and a clerk would then
see each copy overwrite the other's edits. A lock file beside the database, held for as
long as the database is open, makes the second copy stop with a clear message instead.
The operating system releases the lock when the process ends, even after a crash.
"""

from __future__ import annotations

import os
from pathlib import Path

from clerkdesk.errors import DatabaseError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DatabaseError(
                f"Cannot open {self.db_path}: ClerkDesk cannot write beside it ({exc.strerror}). "
                "Move the file to a folder you can write to."
            ) from exc
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseError(
                f"{self.db_path} is already open in another ClerkDesk. Close that window "
                "(or wait for it to finish) and try again."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
