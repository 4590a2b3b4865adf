"""Word building blocks: paragraphs, tables and pictures added in constant time, fields, row properties and
the styles the scorecard adds to a document."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.parts.image import ImagePart
from docx.shape import InlineShape
from docx.shared import Inches, Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

PLACEHOLDER_STYLE = "Commentary placeholder"
DRAFT_STYLE = "Commentary draft"
OWNER_STYLE = "Section owner"
TABLE_TEXT_STYLE = "Table text"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)
MUTED = "505A5F"  # the grey of the placeholder and owner lines, as in the stylesheet
DARK = "0B0C0C"  # the text colour, and the dashes of a draft's box, as in the stylesheet


def rgb(colour: str) -> RGBColor:
    """A palette colour (#rrggbb) as Word writes it."""
    return RGBColor.from_string(colour.lstrip("#").upper())


class Body:
    """Adds paragraphs and tables at the end of the body as python-docx's ``Document.add_paragraph`` and
    ``add_table`` do, in constant time.

    python-docx finds the body's closing section properties, and the width between the margins, by
    walking everything already in the body, for every paragraph and table: the time per indicator grew
    with the document. Both are found once here, before the first block is added; the XML is the same.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.body = document.element.body
        self.end = self.body.sectPr  # the last section's properties: blocks go before it
        section = document.sections[-1]
        # As python-docx's Document._block_width works it out, with Word's defaults for a missing size.
        self.width = Length(
            (section.page_width or Inches(8.5))
            - (section.left_margin or Inches(1))
            - (section.right_margin or Inches(1))
        )

    def _place(self, element: BaseOxmlElement) -> None:
        if self.end is None:
            self.body.append(element)
        else:
            self.end.addprevious(element)

    def paragraph(self, text: str = "") -> Paragraph:
        element = OxmlElement("w:p")
        self._place(element)  # type: ignore[arg-type]  # OxmlElement makes a CT_P for "w:p"
        paragraph = Paragraph(element, self.document)  # type: ignore[arg-type]
        if text:
            paragraph.add_run(text)
        return paragraph

    def table(self, rows: int, cols: int) -> Table:
        element = CT_Tbl.new_tbl(rows, cols, self.width)
        self._place(element)
        table = Table(element, self.document)
        table.style = None
        return table


class Pictures:
    """Adds pictures as python-docx's ``Run.add_picture`` does, without its searches of the whole document.

    For each picture python-docx reads every id in the document to find the next one, and tests each
    image number against every image to find a free name: the time per picture grows with the document,
    and on a 500-indicator scorecard those searches cost more than writing it. Here the ids and the
    numbers come from counters, started past the highest the council's template already uses. That is
    what python-docx chooses too, except that it fills a gap a template leaves in its image numbers
    (image1, image3): then the names differ, never the document Word shows.
    """

    def __init__(self, part: DocumentPart) -> None:
        self.part = part
        self.next_shape_id = part.next_id
        used = [image.partname.idx for image in part.package.image_parts]
        self.next_image = max(used, default=0) + 1
        self.by_sha1: dict[str, str] = {}

    def add(
        self, run: Run, blob: bytes, *, width: Length | None = None, height: Length | None = None
    ) -> InlineShape:
        image = Image.from_blob(blob)
        rid = self.by_sha1.get(image.sha1)
        if rid is None:
            partname = PackURI(f"/word/media/image{self.next_image}.{image.ext}")
            self.next_image += 1
            image_part = ImagePart.from_image(image, partname)
            self.part.package.image_parts.append(image_part)
            rid = self.part.relate_to(image_part, RT.IMAGE)
            self.by_sha1[image.sha1] = rid
        width_emu, height_emu = image.scaled_dimensions(width, height)
        inline = CT_Inline.new_pic_inline(self.next_shape_id, rid, image.filename, width_emu, height_emu)
        self.next_shape_id += 1
        run._r.add_drawing(inline)
        return InlineShape(inline)


def describe(shape: InlineShape, description: str, title: str) -> None:
    """Alt text on a picture: Word reads ``descr`` (and ``title``) from the drawing's docPr."""
    properties = shape._inline.docPr
    properties.set("descr", description)
    properties.set("title", title)


DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def decorative(shape: InlineShape) -> None:
    """Marks a picture decorative, as Word's "Mark as decorative" does: its accessibility checker then
    asks for no alt text, and a screen reader skips it. Used where the picture's word is beside it."""
    properties = shape._inline.docPr
    properties.set("descr", "")
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", DECORATIVE_URI)
    tag = f"{{{DECORATIVE_NAMESPACE}}}decorative"
    mark = etree.SubElement(extension, tag, nsmap={"adec": DECORATIVE_NAMESPACE})
    mark.set("val", "1")
    extensions.append(extension)
    properties.append(extensions)


# ---------------------------------------------------------------- fields, tabs and row properties


def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    element = OxmlElement("w:fldSimple")
    element.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    element.append(run)
    paragraph._p.append(element)


def complex_field(paragraph: Paragraph, instruction: str, shown: Sequence[str]) -> None:
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction_text = OxmlElement("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = instruction
    paragraph.add_run()._r.append(instruction_text)
    char("separate")
    for index, line in enumerate(shown):
        run = paragraph.add_run(line)
        if index < len(shown) - 1:
            run.add_break()
    char("end")


def right_tab(paragraph: Paragraph) -> None:
    """One right-aligned tab at the margin; Word's Header and Footer styles' own stops are cleared."""
    stops = paragraph.paragraph_format.tab_stops
    for position in (Mm(82.55), Mm(165.1)):  # the built-in styles' centre and right stops (3.25", 6.5")
        stops.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(PAGE_WIDTH - 2 * MARGIN, WD_TAB_ALIGNMENT.RIGHT)


def has_text(paragraphs: Sequence[Paragraph]) -> bool:
    return any(paragraph.text.strip() for paragraph in paragraphs)


def _row_property(row: _Row, name: str) -> None:
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def repeat_header(row: _Row) -> None:
    _row_property(row, "w:tblHeader")


def no_split(row: _Row) -> None:
    _row_property(row, "w:cantSplit")


def fixed_layout(table: Table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


# ---------------------------------------------------------------- styles


def ensure_styles(document: DocxDocument, font: str | None, *, override_fonts: bool) -> None:
    """Our styles only where the document (perhaps the council's template) has none of that name."""
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


def _border(style: ParagraphStyle, colour: str) -> None:
    """A dashed box, so authors can find every slot that still needs writing or approving."""
    paragraph_properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), colour)
        borders.append(edge)
    paragraph_properties.append(borders)
