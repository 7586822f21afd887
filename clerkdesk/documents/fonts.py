"""A Unicode TrueType font for ReportLab, registered once per process.

ReportLab's built-in Helvetica covers Latin-1 only, so Welsh names (ŵ, ŷ) would print as
black boxes. We register DejaVu Sans (or Arial where DejaVu is absent, as on most Windows
machines), which ReportLab embeds as a subset with a ToUnicode map, so the text can be
copied and searched. If neither is found we fall back to Helvetica and log a warning:
a front sheet with a missing glyph is better than no front sheet.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from clerkdesk.paths import resources_dir

log = logging.getLogger(__name__)

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
# Folder and the file names for regular, bold, italic and bold italic, in order of preference.
_CANDIDATES: tuple[tuple[str, Path, tuple[str, str, str, str]], ...] = (
    ("DejaVuSans", resources_dir() / "fonts",
     ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
      "DejaVuSans-BoldOblique.ttf")),
    ("DejaVuSans", Path("/usr/share/fonts/truetype/dejavu"),
     ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
      "DejaVuSans-BoldOblique.ttf")),
    ("Arial", _WINDOWS_FONTS, ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf")),
    ("Arial", Path("/Library/Fonts"),
     ("Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf")),
)


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    embedded: bool  # False when we fell back to a built-in (Latin-1 only) font


HELVETICA = FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
                    "Helvetica-BoldOblique", embedded=False)


@functools.cache
def document_fonts() -> FontSet:
    """Register the first complete candidate family and return its font names."""
    for family, folder, files in _CANDIDATES:
        paths = [folder / name for name in files]
        if not all(path.is_file() for path in paths):
            continue
        names = (family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
        try:
            for name, path in zip(names, paths, strict=True):
                pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError) as error:
            log.warning("Could not load the %s font from %s: %s", family, folder, error)
            continue
        pdfmetrics.registerFontFamily(family, normal=names[0], bold=names[1],
                                      italic=names[2], boldItalic=names[3])
        return FontSet(*names, embedded=True)
    log.warning("No Unicode TrueType font found; PDFs fall back to Helvetica (Latin-1 only).")
    return HELVETICA
