"""Regenerate the petition response letter template:
``python templates/word/make_petition_template.py``.

The .docx is binary, so it is built by this script rather than by hand: review the script,
run it, and commit both. It shares the house style (Arial 12pt, en-GB, A4) and the
byte-for-byte reproducible saving of ``make_templates.py``; a test checks that the
committed file matches this script.

The template is rendered by ``clerkdesk.documents.petition_letter`` with docxtpl and
``autoescape=True`` from ``PetitionLetterContext.to_template_dict()``. Paragraph-level tags
``{%p ... %}`` sit alone in their paragraph and vanish on rendering. A council may keep an
edited copy as ``word/petition_response.docx`` in its own template folder.

This is a private letter to the organiser, so it carries their postal address; nothing
from it is published.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from docx.shared import Pt

HERE = Path(__file__).resolve().parent
NAME = "petition_response.docx"


def _house_style():
    spec = importlib.util.spec_from_file_location("make_templates", HERE / "make_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(house, document, expression: str, style: str = "Address Line") -> None:
    house.add(document, "{%p for line in " + expression + " %}")
    house.add(document, "{{ line }}", style)
    house.add(document, "{%p endfor %}")


def petition_response_template():
    house = _house_style()
    document = house.new_document()
    document.core_properties.subject = "Petition response letter"
    add = house.add
    # The sender's block.
    add(document, runs=[("{{ council.name }}", True)], style="Address Line")
    add(document, "{{ council.service_name }}", "Address Line")
    _lines(house, document, "council.address_lines")
    add(document, "{{ letter_date }}").paragraph_format.space_before = Pt(18)
    add(document, "Our reference: {{ reference }}")
    # The addressee: private details, which is why this letter is never published.
    add(document, "{{ organiser.name }}", "Address Line").paragraph_format.space_before = Pt(12)
    _lines(house, document, "organiser.address_lines")
    add(document, "Dear {{ organiser.name }},").paragraph_format.space_before = Pt(18)
    add(document, "Petition: {{ petition.title }}", "Heading 1")
    add(document, "Thank you for your petition, with {{ petition.signatures_text }}"
                  "{% if petition.received_date %}, which the Council received on "
                  "{{ petition.received_date }}{% endif %}."
                  "{% if meeting_date %} The {{ committee_name }} considered it at its "
                  "meeting on {{ meeting_date }}.{% endif %}")
    add(document, "{%p for paragraph in response_paragraphs %}")
    add(document, "{{ paragraph }}")
    add(document, "{%p endfor %}")
    add(document, "If you have any questions about this response, please contact "
                  "{{ council.service_name }} and quote the reference above.")
    add(document, "Yours sincerely,").paragraph_format.space_before = Pt(12)
    add(document, "{{ signatory }}").paragraph_format.space_before = Pt(30)
    add(document, "{%p if signatory_role %}")
    add(document, "{{ signatory_role }}")
    add(document, "{%p endif %}")
    return document


def build() -> bytes:
    return _house_style().reproducible_bytes(petition_response_template())


def main(out_dir: Path = HERE) -> None:
    (out_dir / NAME).write_bytes(build())
    print(f"wrote {out_dir / NAME}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
