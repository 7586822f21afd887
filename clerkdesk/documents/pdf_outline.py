"""PDF bookmarks for headings: a heading paragraph marked with its outline level becomes an
outline entry where ReportLab places it. Shared by every ReportLab document we make."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate


class BookmarkingDocTemplate(SimpleDocTemplate):
    """Adds an outline entry for every heading paragraph as it is placed on a page."""

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        key = f"heading-{id(flowable)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=False)


def outlined_heading(text: str, style: ParagraphStyle, level: int) -> Paragraph:
    """A heading paragraph that ``BookmarkingDocTemplate`` turns into a bookmark."""
    paragraph = Paragraph(escape(text), style)
    paragraph.outline_level, paragraph.outline_text = level, text
    return paragraph
