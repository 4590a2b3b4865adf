"""Word building blocks: paragraphs, tables and pictures added in constant time, fields and row properties."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from docx.document import Document as DocxDocument
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
from docx.shared import Inches, Length, Mm, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from scorecard_report.render.docx_xml import element, put

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)


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
        self.cell: BaseOxmlElement | None = None  # where blocks go instead, while ``inside`` a cell
        self.new_page = False  # the next paragraph starts a page

    def _place(self, element: BaseOxmlElement) -> None:
        if self.cell is not None:
            self.cell.append(element)
        elif self.end is None:
            self.body.append(element)
        else:
            self.end.addprevious(element)

    @contextmanager
    def inside(self, cell: _Cell) -> Iterator[None]:
        """Blocks go into ``cell`` (in place of its empty paragraph) until the block ends; the cell then
        ends with a paragraph, as Word requires of a cell holding a table."""
        tc = cell._tc
        for empty in [p for p in tc.iterchildren(qn("w:p")) if len(p) == 0]:
            tc.remove(empty)
        outer, self.cell = self.cell, tc
        try:
            yield
        finally:
            self.cell = outer
            if tc[-1].tag != qn("w:p"):
                tc.append(OxmlElement("w:p"))

    def paragraph(self, text: str = "") -> Paragraph:
        element = OxmlElement("w:p")
        self._place(element)  # type: ignore[arg-type]  # OxmlElement makes a CT_P for "w:p"
        paragraph = Paragraph(element, self.document)  # type: ignore[arg-type]
        if self.new_page and self.cell is None:
            self.new_page = False
            paragraph.paragraph_format.page_break_before = True
        if text:
            paragraph.add_run(text)
        return paragraph

    def page_break(self) -> None:
        """The next paragraph starts a page ("page break before"). A paragraph holding only a break
        would, after a full page, fall onto a page of its own and leave it blank."""
        self.new_page = True

    def _last(self) -> etree._Element | None:
        """The block placed last: the cell's last, or the one before the body's section properties."""
        if self.cell is not None:
            return self.cell[-1] if len(self.cell) else None
        if self.end is None:
            return self.body[-1] if len(self.body) else None
        previous: etree._Element | None = self.end.getprevious()
        return previous

    def table(self, rows: int, cols: int) -> Table:
        """A table; after another table, an empty paragraph first: Word and LibreOffice join two tables
        with nothing between them into one, the second taking the first's properties."""
        last = self._last()
        if self.new_page and self.cell is None:
            self.paragraph()
        elif last is not None and last.tag == qn("w:tbl"):
            spacer = self.paragraph()  # 3 pt high
            put(
                spacer._p.get_or_add_pPr(),
                element("w:spacing", before="0", after="0", line="60", lineRule="exact"),
            )
        tbl = CT_Tbl.new_tbl(rows, cols, self.width)
        self._place(tbl)
        table = Table(tbl, self.document)
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


def _field_char(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run()._r.append(element("w:fldChar", fldCharType=kind))


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """A complex field's start, its instruction and the separator: its shown result follows, perhaps
    over several paragraphs, up to ``field_end``."""
    _field_char(paragraph, "begin")
    instruction_text = OxmlElement("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = instruction
    paragraph.add_run()._r.append(instruction_text)
    _field_char(paragraph, "separate")


def field_end(paragraph: Paragraph) -> None:
    _field_char(paragraph, "end")


def right_tab(paragraph: Paragraph) -> None:
    """One right-aligned tab at the margin; Word's Header and Footer styles' own stops are cleared."""
    stops = paragraph.paragraph_format.tab_stops
    for position in (Mm(82.55), Mm(165.1)):  # the built-in styles' centre and right stops (3.25", 6.5")
        stops.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(PAGE_WIDTH - 2 * MARGIN, WD_TAB_ALIGNMENT.RIGHT)


def has_text(paragraphs: Sequence[Paragraph]) -> bool:
    return any(paragraph.text.strip() for paragraph in paragraphs)


def _row_property(row: _Row, name: str) -> None:
    put(row._tr.get_or_add_trPr(), element(name, val="true"))


def no_split(row: _Row) -> None:
    _row_property(row, "w:cantSplit")
