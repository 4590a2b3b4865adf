"""The styles the scorecard writes in, and its language.

Our styles are added only where the document (perhaps the council's template) has none of that name.
A built-in style the writer uses and a council's template never defined (Word saves only the styles a
document has used) is copied from python-docx's default template, so every heading still has its level.

The language rule: the text we write is British English. ``w:docDefaults`` says ``en-GB`` in every
document, fresh or from a template, and so do the core properties; a template's East Asian and
complex-script languages are kept. A style we write in that names another language (a template's
``en-US`` Normal) is set to ``en-GB`` too; nothing else about it changes, and a template's styles we do
not use, a Welsh one say, keep their language.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import deepcopy
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle
from lxml import etree

from scorecard_report.render.docx_links import HYPERLINK_STYLE
from scorecard_report.render.docx_xml import element, put

LANGUAGE = "en-GB"
PLACEHOLDER_STYLE = "Commentary placeholder"
DRAFT_STYLE = "Commentary draft"
OWNER_STYLE = "Section owner"
TABLE_TEXT_STYLE = "Table text"
APPENDIX_SECTION_STYLE = "Appendix section"  # a level-2 heading the contents lists: the appendix by section
MUTED = "505A5F"  # the grey of the placeholder and owner lines, as in the stylesheet
DARK = "0B0C0C"  # the text colour, and the dashes of a draft's box, as in the stylesheet
LINK = "0563C1"  # Word's own hyperlink blue: 6:1 on white
BUILT_IN = (
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "Caption",
    "List Bullet",
    "Table Grid",
    "TOC Heading",
)


def ensure_styles(document: DocxDocument, font: str | None, *, override_fonts: bool) -> None:
    """Our styles only where the document (perhaps the council's template) has none of that name."""
    _copy_missing_built_ins(document)
    styles = document.styles
    if override_fonts:
        normal = styles["Normal"]
        normal.font.name = font or "Arial"
        normal.font.size = Pt(9)
    names = {style.name for style in styles}
    if PLACEHOLDER_STYLE not in names:
        style = styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.italic = True
        style.font.color.rgb = RGBColor.from_string(MUTED)
        _border(style, MUTED)
    if DRAFT_STYLE not in names:
        # Not colour alone: a dashed box and the mark's word before the text, as in the HTML.
        style = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        _border(style, DARK)
    if OWNER_STYLE not in names:
        style = styles.add_style(OWNER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.color.rgb = RGBColor.from_string(MUTED)
    if TABLE_TEXT_STYLE not in names:
        style = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(8)
        style.paragraph_format.space_after = Pt(0)
    if APPENDIX_SECTION_STYLE not in names and "Heading 2" in names:
        # Heading 2's look and level; its own name, so the contents can list it and no other Heading 2.
        style = styles.add_style(APPENDIX_SECTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Heading 2"]
        style.next_paragraph_style = styles["Normal"]
        style.paragraph_format.keep_with_next = True
        put(style.element.get_or_add_pPr(), element("w:outlineLvl", val="1"))
    if HYPERLINK_STYLE not in names:
        style = styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        style.font.color.rgb = RGBColor.from_string(LINK)
        style.font.underline = True


def _border(style: BaseStyle, colour: str) -> None:
    """A dashed box, so authors can find every slot that still needs writing or approving."""
    borders = element("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(element(f"w:{side}", val="dashed", sz="6", space="4", color=colour))
    put(style.element.get_or_add_pPr(), borders)


def _copy_missing_built_ins(document: DocxDocument) -> None:
    """Each of ``BUILT_IN`` the document lacks, from python-docx's default template, with the styles it
    is based on, links to and is followed by. A list style's numbering is left behind: its number would
    name a list of the template's, or none."""
    styles = document.styles.element
    have_names = {style.name_val for style in styles.style_lst}
    wanted = [BabelFish.ui2internal(name) for name in BUILT_IN]
    if all(name in have_names for name in wanted):
        return
    have_ids = {style.styleId for style in styles.style_lst}
    source = Document().styles.element
    by_id = {style.styleId: style for style in source.style_lst}
    by_name = {style.name_val: style for style in source.style_lst}

    def copy(style_id: str) -> None:
        original = by_id.get(style_id)
        if original is None or style_id in have_ids:
            return
        have_ids.add(style_id)
        clone = deepcopy(original)
        for numbering in clone.findall(f"{qn('w:pPr')}/{qn('w:numPr')}"):
            numbering.getparent().remove(numbering)
        styles.append(clone)
        for reference in ("w:basedOn", "w:link", "w:next"):
            target = clone.find(qn(reference))
            if target is not None:
                copy(target.get(qn("w:val"), ""))

    for name in wanted:
        if name not in have_names and name in by_name:
            copy(by_name[name].styleId)


def set_language(document: DocxDocument, *, fresh: bool) -> None:
    """``en-GB`` in the document's defaults (and, in a fresh document, for East Asian text too) and
    in the language the theme's fonts are chosen for."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = put(defaults, element("w:rPrDefault"))
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = element("w:rPr")
        run_default.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = put(properties, element("w:lang"))
    language.set(qn("w:val"), LANGUAGE)
    if fresh:
        language.set(qn("w:eastAsia"), LANGUAGE)
        language.set(qn("w:bidi"), "ar-SA")  # Word's default for right-to-left text
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


_STYLES_USED = etree.XPath(
    ".//w:pStyle/@w:val | .//w:rStyle/@w:val",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)


def english_where_written(document: DocxDocument, written: Iterable[etree._Element]) -> None:
    """Every style the ``written`` parts use, and those they are based on, in ``en-GB`` where the style
    names a language: the rule above for a council's template."""
    styles = document.styles.element
    by_id = {style.styleId: style for style in styles.style_lst}
    used = {style.styleId for style in styles.style_lst if style.get(qn("w:default")) in ("1", "true")}
    for root in written:
        used.update(cast("list[str]", _STYLES_USED(root)))
    seen: set[str] = set()
    for style_id in used:
        current = by_id.get(style_id)
        while current is not None and current.styleId not in seen:
            seen.add(current.styleId)
            language = current.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            if language is not None and language.get(qn("w:val")) not in (None, LANGUAGE):
                language.set(qn("w:val"), LANGUAGE)
            based_on = current.find(qn("w:basedOn"))
            current = None if based_on is None else by_id.get(based_on.get(qn("w:val"), ""))
