"""``clerkdesk actionlog --db PATH --committee CODE --format docx|pdf --out FILE [--as-of]``."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from pypdf import PdfReader

from clerkdesk.cli import main
from clerkdesk.domain.meetings import london_datetime


@pytest.fixture
def cyp(services, make):
    make.council()
    committee = make.committee(name="Children and Young People Committee", code="CYP")
    may = make.meeting(committee=committee, start=london_datetime(date(2019, 5, 21), 14))
    action = services.actions.create_from_minute(
        committee.id, may.id, None, 219, "Free School Proposals", "", "Clare Buckingham",
        "Officers undertook to look into this question and provide a note.")
    services.actions.add_update(action.id, date(2019, 7, 1), "Legal advice awaited.")
    services.close()
    return committee


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_writes_the_log_as_pdf_and_word(cyp, db_path, tmp_path, capsys):
    pdf = tmp_path / "log.pdf"
    assert main(["actionlog", "--db", str(db_path), "--committee", "CYP", "--format", "pdf",
                 "--out", str(pdf), "--as-of", "2019-07-02"]) == 0
    assert capsys.readouterr().out == f"Wrote {pdf}\n"
    text = pdf_text(pdf)
    assert "Minutes of the meeting on 21 May 2019" in text
    assert "01.07.19: Legal advice awaited." in text
    assert "It was last updated on 1 July 2019." in text
    word = tmp_path / "log.docx"
    assert main(["actionlog", "--db", str(db_path), "--committee", "CYP", "--format", "docx",
                 "--out", str(word), "--as-of", "2019-06-30"]) == 0
    (table,) = docx.Document(str(word)).tables
    row = [cell.text for cell in table.rows[1].cells]
    assert row[0] == "219." and row[4] == ""  # the July update is after the log's date


def test_errors_are_one_clear_line(cyp, db_path, tmp_path, capsys):
    out = str(tmp_path / "log.pdf")
    cases = [
        (["--committee", "XYZ", "--format", "pdf", "--out", out], 1,
         "There is no committee with code 'XYZ' (known codes: CYP)."),
        (["--committee", "CYP", "--format", "pdf", "--out", out, "--as-of", "2019-02-30"], 2,
         "'2019-02-30' is not a real date; use YYYY-MM-DD"),
        (["--committee", "CYP", "--format", "pdf", "--out", str(tmp_path / "no" / "x.pdf")], 1,
         "does not exist"),
        (["--committee", "CYP", "--format", "odt", "--out", out], 2, "invalid choice: 'odt'"),
    ]
    for arguments, status, message in cases:
        assert main(["actionlog", "--db", str(db_path), *arguments]) == status
        err = capsys.readouterr().err
        assert err.startswith("clerkdesk: ") and message in err and err.count("\n") == 1
    assert main(["actionlog", "--db", str(tmp_path / "missing.sqlite"), "--committee", "CYP",
                 "--format", "pdf", "--out", out]) == 4
    assert "There is no database at" in capsys.readouterr().err
    assert not (tmp_path / "log.pdf").exists()
