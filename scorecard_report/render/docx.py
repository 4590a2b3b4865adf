"""The scorecard as an editable Word document: real headings, repeating table headers, commentary slots."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
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
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from scorecard_report.present.table import TableCell, ValueCell
from scorecard_report.present.view import (
    AppendixPage,
    BlockView,
    ChartView,
    CommentaryView,
    DocumentView,
    SectionView,
)

PLACEHOLDER_STYLE = "Commentary placeholder"
OWNER_STYLE = "Section owner"
TABLE_TEXT_STYLE = "Table text"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(297), Mm(210), Mm(12)
TABLE_WIDTH_MM = 273.0


def render_docx(doc: DocumentView, template: bytes | None, produced: str) -> bytes:
    """The whole scorecard as DOCX bytes; with ``template`` (the council's, as ``load_word_template``
    checked it), the council's styles, header and footer."""
    document = _start(template)
    _DocxWriter(document, doc, fresh=template is None).write()
    _core_properties(document, doc, produced)
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue(), produced)


def _start(template: bytes | None) -> DocxDocument:
    if template is None:
        return Document()
    document = Document(io.BytesIO(template))
    _clear_body(document)
    return document


def _clear_body(document: DocxDocument) -> None:
    """Keep the template's styles, headers, footers and page setup; drop its sample text."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _core_properties(document: DocxDocument, doc: DocumentView, produced: str) -> None:
    moment = dt.datetime.fromisoformat(produced.replace("Z", "+00:00")).replace(tzinfo=None)
    properties = document.core_properties
    properties.title = doc.title
    properties.subject = doc.period_text
    properties.author = doc.organisation
    properties.last_modified_by = doc.organisation
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.comments = ""


def _reproducible_zip(data: bytes, produced: str) -> bytes:
    """The same document gives the same bytes: fixed timestamps, [Content_Types].xml first, then sorted."""
    moment = dt.datetime.fromisoformat(produced.replace("Z", "+00:00"))
    stamp = max(moment, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


class _DocxWriter:
    """Writes the document view into a python-docx Document in the PDF's order."""

    def __init__(self, document: DocxDocument, doc: DocumentView, *, fresh: bool) -> None:
        self.document, self.doc, self.fresh = document, doc, fresh
        self.fills = {
            css: (fill.lstrip("#").upper(), text.lstrip("#").upper()) for css, fill, text in doc.fills
        }
        self.arrows = {name: colour.lstrip("#").upper() for name, colour in doc.arrows}

    def write(self) -> None:
        _ensure_styles(self.document, self.doc.font, override_fonts=self.fresh)
        # Word styles by id, looked up once: python-docx resolves a style name by scanning every style.
        self.style_ids = {style.name: style.style_id for style in self.document.styles}
        self.pictures = _Pictures(self.document.part)
        self._page_setup()
        self.body = _Body(self.document)
        self._cover()
        self._contents()
        self._key()
        self._summary()
        self._report_commentary()
        for section in self.doc.sections:
            self._section(section)
        if self.doc.appendix:
            self._appendix()

    # Page furniture

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        if self.fresh:
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, MARGIN)
        if self.fresh or not _has_text(section.header.paragraphs):
            self._header(section.header.paragraphs[0])
        if self.fresh or not _has_text(section.footer.paragraphs):
            self._footer(section.footer.paragraphs[0])

    def _header(self, paragraph: Paragraph) -> None:
        _right_tab(paragraph)
        paragraph.add_run(f"{self.doc.title} – {self.doc.period_text}").font.size = Pt(7.5)
        marking = paragraph.add_run(f"\t{self.doc.marking}")
        marking.bold, marking.font.size = True, Pt(7.5)

    def _footer(self, paragraph: Paragraph) -> None:
        _right_tab(paragraph)
        marking = paragraph.add_run(self.doc.marking)
        marking.bold, marking.font.size = True, Pt(7.5)
        paragraph.add_run("\tPage ").font.size = Pt(7.5)
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ").font.size = Pt(7.5)
        _field(paragraph, "NUMPAGES", "1")

    def _page_break(self) -> None:
        self.body.paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Front matter

    def _cover(self) -> None:
        if self.doc.logo:
            logo = self.pictures.add(self.body.paragraph().add_run(), self.doc.logo, height=Mm(20))
            _describe(logo, f"{self.doc.organisation} logo", "Logo")
        self.body.paragraph(self.doc.marking).runs[0].bold = True
        self._paragraph(self.doc.title, "Title")
        self._paragraph(self.doc.period_text, "Subtitle")
        self.body.paragraph(self.doc.organisation)
        self._page_break()

    def _contents(self) -> None:
        self._paragraph("Contents", "Heading 1")
        paragraph = self.body.paragraph()
        # Word rebuilds the field, with page numbers, on opening; other viewers show this list.
        titles = [
            "How to read this scorecard",
            "Summary",
            *(["Commentary"] if self.doc.report_commentary else []),
            *(section.title for section in self.doc.sections),
            *(["Appendix: indicator pages"] if self.doc.appendix else []),
        ]
        _complex_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', titles)
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        self.document.settings.element.append(update)
        self._page_break()

    def _key(self) -> None:
        self._paragraph("How to read this scorecard", "Heading 1")
        self._paragraph("Status against target", "Heading 2")
        table = self._table(("Shown as", "Word", "Meaning"), (45.0, 40.0, 120.0))
        for entry in self.doc.key_statuses:
            cells = self._row(table, (entry.sample, entry.word, entry.meaning))
            self._fill(cells[0], entry.css)
        self._paragraph("Performance bands", "Heading 2")
        table = self._table(("Shown as", "Meaning"), (45.0, 160.0))
        for entry in self.doc.key_bands:
            self._fill(self._row(table, (entry.sample, entry.meaning))[0], entry.css)
        self._paragraph("Direction of travel", "Heading 2")
        table = self._table(("Arrow", "Word", "Meaning"), (25.0, 50.0, 130.0))
        for entry in self.doc.key_arrows:
            cells = self._row(table, (entry.sample, entry.word, entry.meaning))
            self._colour_arrow(cells[0], entry.css)
        self._paragraph("Polarity and values", "Heading 2")
        self.body.paragraph(
            "High is good: a higher value is better. Low is good: a lower value is better. Counts such as "
            "contacts received have no better direction, so they say only increased or decreased. Values "
            f"are compared as shown, rounded half away from zero. {self.doc.missing_label} means the figure "
            "is not available yet; it has no status and no direction."
        )
        self._page_break()

    def _summary(self) -> None:
        self._paragraph("Summary", "Heading 1")
        headings = ("Section", "Green", "Amber", "Red", "No status", "Improving", "Declining")
        table = self._table(headings, (90.0, 25.0, 25.0, 25.0, 25.0, 25.0, 25.0))
        for row in self.doc.summary:
            self._row(table, row)
        for heading, movers in (
            ("Largest improvements", self.doc.improvements),
            ("Largest deteriorations", self.doc.deteriorations),
        ):
            self._paragraph(heading, "Heading 2")
            if not movers:
                self.body.paragraph("None this period.")
                continue
            table = self._table(
                ("Ref", "Indicator", "Was", "Now", "Relative change"), (18.0, 120.0, 25.0, 25.0, 30.0)
            )
            for mover in movers:
                self._row(table, mover)
        self._page_break()

    def _report_commentary(self) -> None:
        if not self.doc.report_commentary:
            return
        self._paragraph("Commentary", "Heading 1")
        for title, view in self.doc.report_commentary:
            self._paragraph(title, "Heading 2")
            self._commentary(view)
        self._page_break()

    # Sections

    def _section(self, section: SectionView) -> None:
        self._paragraph(section.title, "Heading 1")
        if section.owner:
            self._paragraph(section.owner, OWNER_STYLE)
        self._commentary(section.commentary)
        if section.highlights:
            self._paragraph("Summary performance charts", "Heading 2")
            for chart in section.highlights:
                self._chart(chart, f"{chart.ref} {chart.title}")
        self._scorecard_table(section)
        self._page_break()

    def _scorecard_table(self, section: SectionView) -> None:
        columns = section.columns
        table = self._table(
            [c.heading for c in columns], [c.width_mm for c in columns], rows=len(section.lines)
        )
        for table_row, line in zip(table.rows[1:], section.lines, strict=True):
            _no_split(table_row)
            if line.group:
                self._group_row(table_row, line.group)
                continue
            for cell, value, column in zip(table_row.cells, line.cells, columns, strict=True):
                self._cell(cell, value, bold=value.header or column.key in ("current", "annual"))

    def _group_row(self, table_row: _Row, title: str) -> None:
        """A themed heading across the whole table, as in the quarterly scorecards."""
        cells = table_row.cells
        merged = cells[0].merge(cells[-1])
        self._text(merged, title, bold=True)
        self._fill(merged, "group")

    def _cell(self, cell: _Cell, value: TableCell, *, bold: bool) -> None:
        if value.arrow:
            paragraph = cell.paragraphs[0]
            paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
            arrow = paragraph.add_run(value.arrow)
            arrow.bold, arrow.font.size = True, Pt(11)
            arrow.font.color.rgb = RGBColor.from_string(self.arrows[value.css])
            if value.text:
                paragraph.add_run(f" {value.text}")
            return
        if value.placeholder:
            self._text(cell, value.text)
            cell.paragraphs[0].runs[0].italic = True
            return
        self._value(cell, ValueCell(value.text, value.note, value.css, value.word), bold=bold)

    def _value(self, cell: _Cell, value: ValueCell, *, bold: bool = False) -> None:
        self._text(cell, value.text, bold=bold)
        for extra in (value.word, value.note):
            if extra:
                note = cell.add_paragraph()
                note._p.style = self.style_ids[TABLE_TEXT_STYLE]
                note.add_run(extra).font.size = Pt(6.5)
        if value.css:
            self._fill(cell, value.css)

    # Appendix

    def _appendix(self) -> None:
        self._paragraph("Appendix: indicator pages", "Heading 1")
        for index, page in enumerate(self.doc.appendix):
            if index:
                self._page_break()
            self._appendix_page(page)

    def _appendix_page(self, page: AppendixPage) -> None:
        self._paragraph(f"{page.ref} {page.title}", "Heading 2")
        self._paragraph(f"{page.section} · {page.period_text}", OWNER_STYLE)
        labels = (
            "Current",
            "Polarity",
            "Target",
            "Variance from target",
            f"Previous period ({page.previous_period})",
            "Change",
        )
        table = self._table(labels, (45.0,) * 6)
        cells = self._row(
            table, ("", page.polarity, page.target, page.variance or "–", page.previous, page.change or "–")
        )
        cells[0].paragraphs[0].text = ""
        self._value(cells[0], page.current, bold=True)
        if page.chart:
            self._chart(page.chart, page.chart.alt)
        if page.variances:
            self._paragraph("Variance from target", "Heading 3")
            periods = tuple(period for period, _ in page.variances)
            table = self._table(periods, (TABLE_WIDTH_MM / len(periods),) * len(periods))
            self._row(table, tuple(variance or "–" for _, variance in page.variances))
        if page.benchmarks:
            self._paragraph("Benchmarks", "Heading 3")
            table = self._table(
                ("Comparator", "Value", "Ours minus theirs", "We are"), (90.0, 25.0, 35.0, 25.0)
            )
            for line in page.benchmarks:
                self._row(table, (line.label, line.value, line.difference or "–", line.word))
        self._paragraph("Commentary", "Heading 3")
        self._commentary(page.commentary)
        if page.description:
            self._paragraph("What it shows", "Heading 3")
            self.body.paragraph(page.description)

    # Building blocks

    def _text(self, cell: _Cell, text: str, *, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
        run = paragraph.add_run(text)
        if bold:
            run.bold = True

    def _paragraph(self, text: str, style: str | None = None) -> Paragraph:
        paragraph = self.body.paragraph(text)
        if style is not None:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def _chart(self, chart: ChartView, caption: str) -> None:
        paragraph = self.body.paragraph()
        picture = self.pictures.add(paragraph.add_run(), chart.png, width=Mm(chart.width_mm))
        _describe(picture, chart.alt, f"{chart.ref} chart")
        self._paragraph(caption, "Caption")

    def _commentary(self, view: CommentaryView) -> None:
        if view.placeholder:
            self._paragraph(view.placeholder, PLACEHOLDER_STYLE)
        for block in view.blocks:
            self._block(block)

    def _block(self, block: BlockView) -> None:
        for item in block.items:
            paragraph = self._paragraph("", "List Bullet" if block.bullets else None)
            for run_view in item:
                for index, line in enumerate(run_view.lines):
                    if index:
                        paragraph.add_run().add_break()
                    run = paragraph.add_run(line)
                    run.bold, run.italic = run_view.bold or None, run_view.italic or None

    def _table(self, headings: Sequence[str], widths_mm: Sequence[float], rows: int = 0) -> Table:
        """A table with a repeating header row and fixed column widths, built row by row, never by cell()."""
        table = self.body.table(rows=1 + rows, cols=len(headings))
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _fixed_layout(table)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        header = table.rows[0]
        _repeat_header(header)
        for cell, heading, width in zip(header.cells, headings, widths_mm, strict=True):
            cell.width = Mm(width)
            self._text(cell, heading, bold=True)
            self._fill(cell, "header")
        for row in table.rows[1:]:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
        return table

    def _row(self, table: Table, values: Sequence[str]) -> list[_Cell]:
        row = table.add_row()
        _no_split(row)
        cells = row.cells
        for cell, value, column in zip(cells, values, table.columns, strict=True):
            cell.width = column.width
            self._text(cell, value)
        return cells

    def _fill(self, cell: _Cell, css: str) -> None:
        fill, text = (
            ("1D4F91", "FFFFFF")
            if css == "header"
            else ("DEE0E2", "0B0C0C")
            if css == "group"
            else self.fills.get(css, ("", ""))
        )
        if not fill:
            return
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor.from_string(text)

    def _colour_arrow(self, cell: _Cell, css: str) -> None:
        for run in cell.paragraphs[0].runs:
            run.font.color.rgb = RGBColor.from_string(self.arrows[css])
            run.bold = True


def _right_tab(paragraph: Paragraph) -> None:
    """One right-aligned tab at the margin; Word's Header and Footer styles' own stops are cleared."""
    stops = paragraph.paragraph_format.tab_stops
    for position in (Mm(82.55), Mm(165.1)):  # the built-in styles' centre and right stops (3.25", 6.5")
        stops.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(PAGE_WIDTH - 2 * MARGIN, WD_TAB_ALIGNMENT.RIGHT)


def _has_text(paragraphs: Sequence[Paragraph]) -> bool:
    return any(paragraph.text.strip() for paragraph in paragraphs)


def _property(row: _Row, name: str) -> None:
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row: _Row) -> None:
    _property(row, "w:tblHeader")


def _no_split(row: _Row) -> None:
    _property(row, "w:cantSplit")


def _fixed_layout(table: Table) -> None:
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


class _Body:
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
        self._place(element)
        paragraph = Paragraph(element, self.document)
        if text:
            paragraph.add_run(text)
        return paragraph

    def table(self, rows: int, cols: int) -> Table:
        element = CT_Tbl.new_tbl(rows, cols, self.width)
        self._place(element)
        table = Table(element, self.document)
        table.style = None
        return table


class _Pictures:
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


def _describe(shape: object, description: str, title: str) -> None:
    """Alt text on a picture: Word reads ``descr`` (and ``title``) from the drawing's docPr."""
    properties = shape._inline.docPr  # type: ignore[attr-defined]
    properties.set("descr", description)
    properties.set("title", title)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _complex_field(paragraph: Paragraph, instruction: str, shown: Sequence[str]) -> None:
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


def _ensure_styles(document: DocxDocument, font: str | None, *, override_fonts: bool) -> None:
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
        style.font.color.rgb = RGBColor(0x50, 0x5A, 0x5F)
        _border(style)
    if OWNER_STYLE not in names:
        style = styles.add_style(OWNER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.color.rgb = RGBColor(0x50, 0x5A, 0x5F)
    if TABLE_TEXT_STYLE not in names:
        style = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(8)
        style.paragraph_format.space_after = Pt(0)


def _border(style: ParagraphStyle) -> None:
    """A dashed box, so authors can find every slot that still needs writing."""
    paragraph_properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "505A5F")
        borders.append(edge)
    paragraph_properties.append(borders)
