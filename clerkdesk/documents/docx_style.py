"""The house style of ClerkDesk's Word documents: Arial and British English.

Used by the documents built in code (the action log) and by the scripts in templates/word
that build the .docx templates, so every Word file is set the same way.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Pt

FONT = "Arial"  # sans-serif, at least 12pt, left-aligned (rules.md §8)
LANGUAGE = "en-GB"


def set_font_and_language(rpr, size_pt: float) -> None:
    """Plain Arial and en-GB, replacing the theme fonts and US English of python-docx.

    python-docx's element methods keep the child order the OOXML schema demands (Word
    rejects out-of-order run properties); w:lang is last but for elements we never use.
    """
    fonts = rpr.get_or_add_rFonts()
    fonts.attrib.clear()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    rpr.get_or_add_sz().val = Pt(size_pt)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.attrib.clear()
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
