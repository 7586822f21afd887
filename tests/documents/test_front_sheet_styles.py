"""Choosing a style, copying it for editing, and the council's edited copy winning."""

from __future__ import annotations

import docx
import pytest

from clerkdesk.documents.html import render_front_sheet_html
from clerkdesk.documents.styles import (
    STYLES,
    copy_style_for_editing,
    find_template,
    get_style,
)
from clerkdesk.documents.word import render_front_sheet_docx
from clerkdesk.errors import ClerkError
from clerkdesk.paths import templates_dir
from tests.documents.test_front_sheet_examples import county_2019_context
from tests.documents.test_front_sheet_word import docx_blocks


def test_every_style_has_its_shipped_templates():
    for style in STYLES.values():
        for relative in style.template_files:
            assert (templates_dir() / relative).is_file(), relative


def test_copy_for_editing_copies_and_then_keeps_the_councils_edits(tmp_path):
    copies = copy_style_for_editing("city", tmp_path)
    copied = {path.relative_to(tmp_path).as_posix() for path in copies}
    assert set(get_style("city").template_files) <= copied  # the front sheet ...
    assert {"word/minutes_city.docx", "text/city/apologies.txt.j2"} <= copied  # ... and more
    assert all(path.is_file() for path in copies)
    edited = tmp_path / "html" / "front_sheet_city.html.j2"
    edited.write_text("edited", encoding="utf-8")
    copy_style_for_editing("city", tmp_path)
    assert edited.read_text(encoding="utf-8") == "edited"
    copy_style_for_editing("city", tmp_path, overwrite=True)
    assert edited.read_text(encoding="utf-8") != "edited"
    with pytest.raises(ClerkError):
        copy_style_for_editing("gothic", tmp_path)


def test_an_edited_word_template_wins(tmp_path):
    override = tmp_path / "council-templates"
    copy_style_for_editing("county", override)
    template = override / "word" / "front_sheet_county.docx"
    # What a clerk would do in Word: change the wording of a label.
    document = docx.Document(str(template))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("Clerk Name:", "Democratic Services Officer:")
    document.save(str(template))
    assert find_template("word/front_sheet_county.docx", override) == template

    edited = render_front_sheet_docx(county_2019_context(), tmp_path / "edited.docx",
                                     override_dir=override)
    shipped = render_front_sheet_docx(county_2019_context(), tmp_path / "shipped.docx")
    assert "Democratic Services Officer: Richenda Greenhill" in docx_blocks(edited)
    assert "Clerk Name: Richenda Greenhill" in docx_blocks(shipped)


def test_an_edited_html_template_wins_and_still_uses_the_shipped_base(tmp_path):
    override = tmp_path / "council-templates"
    (override / "html").mkdir(parents=True)
    shipped = (templates_dir() / "html" / "front_sheet_county.html.j2").read_text("utf-8")
    (override / "html" / "front_sheet_county.html.j2").write_text(
        shipped.replace("Clerk Name:", "Your contact:"), encoding="utf-8")
    html = render_front_sheet_html(county_2019_context(), override_dir=override)
    assert "Your contact: Richenda Greenhill" in html and '<html lang="en-GB">' in html
    assert "Clerk Name:" in render_front_sheet_html(county_2019_context())


def test_a_mistyped_field_in_an_edited_template_is_a_clear_error(tmp_path):
    override = tmp_path / "council-templates"
    (override / "html").mkdir(parents=True)
    (override / "html" / "front_sheet_county.html.j2").write_text(
        '{% extends "front_sheet_base.html.j2" %}{% block main %}{{ clerk.nmae }}{% endblock %}',
        encoding="utf-8")
    with pytest.raises(ClerkError, match=r"front_sheet_county\.html\.j2 could not be filled in"):
        render_front_sheet_html(county_2019_context(), override_dir=override)

    copy_style_for_editing("county", override)
    template = override / "word" / "front_sheet_county.docx"
    document = docx.Document(str(template))
    document.add_paragraph("{{ clerk.telephon }}")
    document.save(str(template))
    with pytest.raises(ClerkError, match="could not be filled in"):
        render_front_sheet_docx(county_2019_context(), tmp_path / "x.docx", override_dir=override)
    assert not (tmp_path / "x.docx").exists()


def test_a_broken_word_file_is_a_clear_error(tmp_path):
    override = tmp_path / "council-templates"
    (override / "word").mkdir(parents=True)
    (override / "word" / "front_sheet_city.docx").write_bytes(b"not a zip")
    with pytest.raises(ClerkError, match=r"not a usable \.docx"):
        render_front_sheet_docx(county_2019_context(), tmp_path / "x.docx", style="city",
                                override_dir=override)


def test_unknown_style_is_a_clerk_error(tmp_path):
    with pytest.raises(ClerkError, match="no front sheet style called 'gothic'"):
        render_front_sheet_html(county_2019_context(), style="gothic")
    with pytest.raises(ClerkError, match="no front sheet style called 'gothic'"):
        render_front_sheet_docx(county_2019_context(), tmp_path / "x.docx", style="gothic")
