"""A database in a folder the test process really cannot write to.

As an ordinary user a chmod is enough. As root (CI runs as root) permissions are ignored, so
the folder is a tmpfs remounted read-only: then even root gets EROFS, like a clerk whose
database sits on a read-only network share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager

import pytest

from clerkdesk.store.db import open_store


def _make_database(path):
    with open_store(path, create=True):
        pass
    for suffix in ("-wal", "-shm", ".lock"):
        leftover = path.with_name(path.name + suffix)
        if leftover.exists():
            leftover.unlink()


@contextmanager
def read_only_database(tmp_path):
    folder = tmp_path / "read-only-share"
    folder.mkdir()
    path = folder / "council.sqlite"
    if os.geteuid() != 0:
        _make_database(path)
        folder.chmod(0o555)
        try:
            yield path
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("mount") is None:
        pytest.skip("no mount command to make a read-only folder as root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        _make_database(path)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
