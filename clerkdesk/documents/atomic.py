"""Write output files atomically: to a temporary file beside the target, then rename.

A failed or cancelled render must never leave a half-written file where the clerk expects
a finished one, nor clobber the previous good copy. ``os.replace`` is atomic on the same
file system, so the temporary file lives in the target's own folder.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from clerkdesk.errors import ClerkError


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``.

    Any exception in the body (including ``GeneratorExit`` when a generator that holds
    this context is closed, which is how a cancelled build ends) removes the temporary
    file and leaves ``target`` as it was.
    """
    target = Path(target)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        # Create the file ourselves (O_EXCL, mode 0o666 less the umask) so that the finished
        # file gets ordinary permissions, unlike mkstemp's owner-only 0o600.
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        yield temp
        _flush_to_disk(temp)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _cannot_write(target: Path, exc: OSError) -> ClerkError:
    """A full disk, a read-only or missing folder: said in words; the old file is kept."""
    reason = exc.strerror or str(exc)
    return ClerkError(
        f"Cannot write {target}: {reason}. Nothing was changed there; free some disk space "
        "or choose another folder, then try again."
    )


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def _flush_to_disk(path: Path) -> None:
    # Without fsync a power cut just after the rename can leave an empty file behind it.
    # Opened for writing because Windows refuses to flush a read-only handle.
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
