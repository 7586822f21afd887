"""Atomic writing: the target changes only when the whole new file is written."""

from __future__ import annotations

import pytest

from clerkdesk.documents.atomic import atomic_path, write_bytes_atomically


def test_the_new_file_replaces_the_old_one(tmp_path):
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"old")
    write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["agenda.pdf"]


def test_an_error_keeps_the_old_file_and_removes_the_temporary_one(tmp_path):
    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".agenda.pdf.")
        temp.write_bytes(b"half")
        raise RuntimeError("render failed")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["agenda.pdf"]


def test_closing_a_generator_mid_write_leaves_nothing(tmp_path):
    def steps():
        with atomic_path(tmp_path / "pack.pdf") as temp:
            temp.write_bytes(b"part")
            yield 1
            yield 2

    running = steps()
    next(running)
    running.close()
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_clear_message_and_the_old_file_stays(tmp_path, monkeypatch):
    from clerkdesk.documents import atomic
    from clerkdesk.errors import ClerkError

    target = tmp_path / "agenda.pdf"
    target.write_bytes(b"the published agenda")

    def no_space(path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_flush_to_disk", no_space)
    with pytest.raises(ClerkError, match=r"No space left on device\. Nothing was changed"):
        atomic.write_bytes_atomically(target, b"a new version")
    assert target.read_bytes() == b"the published agenda"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.pdf"]
