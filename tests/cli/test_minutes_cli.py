"""``clerkdesk minutes --db PATH --meeting ID --format docx|pdf|html --out FILE``."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

from clerkdesk.cli import main
from tests.services.test_minutes_fixtures import build_cyp


@pytest.fixture
def meetings(services, make):
    """May 2019 has published draft minutes; July has none."""
    cyp = build_cyp(services, make)
    cyp.mark_may_attendance()
    services.minutes.create_from_agenda(cyp.may.id)
    services.minutes.lifecycle.publish(cyp.may.id)
    ids = cyp.may.id, cyp.july.id
    services.close()
    return ids


def run(db_path, meeting, fmt, out, *extra):
    return main(["minutes", "--db", str(db_path), "--meeting", str(meeting), "--format", fmt,
                 "--out", str(out), *extra])


def test_writes_each_format(meetings, db_path, tmp_path, capsys):
    may, _ = meetings
    for fmt in ("pdf", "docx", "html"):
        out = tmp_path / f"minutes.{fmt}"
        assert run(db_path, may, fmt, out) == 0
        assert capsys.readouterr().out == f"Wrote {out} (published draft minutes)\n"
    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "minutes.pdf").pages)
    assert "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES" in pdf and "DRAFT" in pdf
    word = docx.Document(tmp_path / "minutes.docx")
    assert word.paragraphs[0].text == "CHILDREN AND YOUNG PEOPLE COMMITTEE: MINUTES"
    assert '<html lang="en-GB">' in (tmp_path / "minutes.html").read_text(encoding="utf-8")


def test_the_layout_can_be_chosen(meetings, db_path, tmp_path, capsys):
    may, _ = meetings
    out = tmp_path / "city.docx"
    assert run(db_path, may, "docx", out, "--style", "city") == 0
    assert docx.Document(out).paragraphs[0].text.startswith(
        "MINUTES OF THE CHILDREN AND YOUNG PEOPLE COMMITTEE MEETING HELD AT 2.00PM")


def test_errors_are_one_clear_line_and_write_nothing(meetings, db_path, tmp_path, capsys):
    may, july = meetings
    out = tmp_path / "x.pdf"
    cases = [
        ((july, "pdf", out), 1, "meeting on 9 July 2019 has no minutes yet"),
        ((999, "pdf", out), 3, "999"),
        ((may, "pdf", tmp_path / "no" / "x.pdf"), 1, "does not exist"),
        ((may, "odt", out), 2, "invalid choice: 'odt'"),
    ]
    for arguments, status, message in cases:
        assert run(db_path, *arguments) == status, arguments
        error = capsys.readouterr().err
        assert error.startswith("clerkdesk: ") and error.count("\n") == 1, error
        assert message in error
    assert not out.exists()
