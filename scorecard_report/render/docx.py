"""The scorecard as an editable Word document: real headings, repeating table headers, commentary slots."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from scorecard_report.present.appendix import AppendixPage, AppendixView, LabelledFigure
from scorecard_report.present.commentary import BlockView, CommentaryView
from scorecard_report.present.document import DocumentView, SectionView
from scorecard_report.present.key import KeyTable
from scorecard_report.present.pictures import ChartView
from scorecard_report.present.summary import AttentionTable
from scorecard_report.render.docx_blocks import (
    DRAFT_STYLE,
    MARGIN,
    OWNER_STYLE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PLACEHOLDER_STYLE,
    TABLE_TEXT_STYLE,
    Body,
    Pictures,
    complex_field,
    describe,
    ensure_styles,
    field,
    has_text,
    no_split,
    right_tab,
)
from scorecard_report.render.docx_tables import TableWriter

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

    def write(self) -> None:
        ensure_styles(self.document, self.doc.font, override_fonts=self.fresh)
        # Word styles by id, looked up once: python-docx resolves a style name by scanning every style.
        self.style_ids = {style.name: style.style_id for style in self.document.styles}
        self.pictures = Pictures(self.document.part)
        self._page_setup()
        self.body = Body(self.document)
        self.tables = TableWriter(self.body, self.style_ids, self.doc.palette, self.pictures)
        self._cover()
        self._contents()
        self._key()
        self._summary()
        self._report_commentary()
        for section in self.doc.sections:
            self._section(section)
        if self.doc.appendix:
            self._appendix(self.doc.appendix)

    # Page furniture

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        if self.fresh:
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, MARGIN)
        if self.fresh or not has_text(section.header.paragraphs):
            self._header(section.header.paragraphs[0])
        if self.fresh or not has_text(section.footer.paragraphs):
            self._footer(section.footer.paragraphs[0])

    def _header(self, paragraph: Paragraph) -> None:
        right_tab(paragraph)
        paragraph.add_run(self.doc.running_title).font.size = Pt(7.5)
        marking = paragraph.add_run(f"\t{self.doc.marking}")
        marking.bold, marking.font.size = True, Pt(7.5)

    def _footer(self, paragraph: Paragraph) -> None:
        right_tab(paragraph)
        marking = paragraph.add_run(self.doc.marking)
        marking.bold, marking.font.size = True, Pt(7.5)
        paragraph.add_run(f"\t{self.doc.page_number.before}").font.size = Pt(7.5)
        field(paragraph, "PAGE", "1")
        paragraph.add_run(self.doc.page_number.between).font.size = Pt(7.5)
        field(paragraph, "NUMPAGES", "1")

    def _page_break(self) -> None:
        self.body.paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Front matter

    def _cover(self) -> None:
        logo = self.doc.logo
        if logo:
            describe(
                self.pictures.add(self.body.paragraph().add_run(), logo.data, height=Mm(20)),
                logo.alt,
                logo.name,
            )
        self.body.paragraph(self.doc.marking).runs[0].bold = True
        self._paragraph(self.doc.title, "Title")
        self._paragraph(self.doc.period_text, "Subtitle")
        self.body.paragraph(self.doc.organisation)
        self._page_break()

    def _contents(self) -> None:
        contents = self.doc.contents
        self._paragraph(contents.title, "Heading 1")
        # Word rebuilds the field, with page numbers, on opening; other viewers show this list.
        titles = [entry.title for entry in contents.entries]
        complex_field(self.body.paragraph(), 'TOC \\o "1-2" \\h \\z \\u', titles)
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        self.document.settings.element.append(update)
        self._page_break()

    def _key(self) -> None:
        key = self.doc.key
        self._paragraph(key.title, "Heading 1")
        self._key_table(key.statuses, (45.0, 40.0, 120.0))
        self._key_table(key.bands, (45.0, 160.0))
        self._key_table(key.arrows, (25.0, 50.0, 130.0), arrows=True)
        if key.comparator:
            self._paragraph(key.comparator.heading, "Heading 2")
            self.body.paragraph(key.comparator.text)
        self._paragraph(key.polarity_and_values, "Heading 2")
        self.body.paragraph(f"{key.polarity.text} {key.values.text}")
        self._paragraph(key.drafts.heading, "Heading 2")
        drafts = self._paragraph("", DRAFT_STYLE)
        self.tables.mark(drafts, key.draft_mark, " ")
        drafts.add_run(key.drafts.text)
        if key.spc:
            self._paragraph(key.spc.heading, "Heading 2")
            self._key_table(key.spc.variation, (45.0, 160.0), heading="Heading 3")
            self._key_table(key.spc.assurance, (45.0, 160.0), heading="Heading 3")
            for part in (key.spc.rules, key.spc.arrows, key.spc.readings):
                self._paragraph(part.heading, "Heading 3")
                self.body.paragraph(part.text)
        self._page_break()

    def _key_table(
        self, key: KeyTable, widths_mm: tuple[float, ...], *, arrows: bool = False, heading: str = "Heading 2"
    ) -> None:
        """The sample in its tone: a shaded cell, (``arrows``) the arrows in their colour, or an icon."""
        self._paragraph(key.heading, heading)
        table = self.tables.table(key.columns, widths_mm)
        for entry in key.entries:
            sample = self.tables.row(table, (entry.sample, *entry.cells))[0]
            if entry.icon is not None:
                self.tables.with_icon(sample.paragraphs[0], entry.icon, entry.sample)
            elif arrows:
                self.tables.colour_arrow(sample, entry.tone)
            elif entry.tone is not None:
                self.tables.fill(sample, entry.tone)

    def _summary(self) -> None:
        summary = self.doc.summary
        self._paragraph(summary.title, "Heading 1")
        counts = len(summary.columns) - 1
        table = self.tables.table(summary.columns, (70.0, *(203.0 / counts,) * counts))
        for line in summary.lines:
            self.tables.row(table, (line.title, *line.counts))
        if summary.spc:
            self._paragraph(summary.spc.heading, "Heading 2")
            counts = len(summary.spc.columns) - 1
            table = self.tables.table(summary.spc.columns, (70.0, *(203.0 / counts,) * counts))
            for line in summary.spc.lines:
                self.tables.row(table, (line.title, *line.counts))
        if summary.attention:
            self._attention(summary.attention)
        for movers in summary.movers:
            self._paragraph(movers.heading, "Heading 2")
            if not movers.lines:
                self.body.paragraph(movers.empty)
                continue
            table = self.tables.table(movers.columns, (18.0, 110.0, 30.0, 30.0, 30.0, 55.0))
            for mover in movers.lines:
                self.tables.row(table, mover)
        self.body.paragraph(summary.movers_note)
        self._page_break()

    def _attention(self, attention: AttentionTable) -> None:
        self._paragraph(attention.heading, "Heading 2")
        if attention.lines:
            table = self.tables.table(attention.columns, (16.0, 70.0, 40.0, 50.0, 22.0, 75.0))
            for line in attention.lines:
                self.tables.row(table, line)
        else:
            self.body.paragraph(attention.empty)
        self.body.paragraph(attention.note)

    def _report_commentary(self) -> None:
        commentary = self.doc.commentary
        if commentary is None:
            return
        self._paragraph(commentary.title, "Heading 1")
        for block in commentary.blocks:
            self._paragraph(block.title, "Heading 2")
            self._commentary(block.commentary)
        self._page_break()

    # Sections

    def _section(self, section: SectionView) -> None:
        self._paragraph(section.title, "Heading 1")
        if section.owner:
            self._paragraph(section.owner, OWNER_STYLE)
        self._commentary(section.commentary)
        if section.highlights:
            self._paragraph(section.highlights_title, "Heading 2")
            for chart in section.highlights:
                self._chart(chart)
        self._scorecard_table(section)
        self._page_break()

    def _scorecard_table(self, section: SectionView) -> None:
        columns = section.columns
        table = self.tables.table(
            [c.heading for c in columns],
            [c.width_mm for c in columns],
            rows=len(section.lines),
            subheadings=[c.subheading for c in columns],
        )
        for table_row, line in zip(table.rows[1:], section.lines, strict=True):
            no_split(table_row)
            if line.group:
                self.tables.group_row(table_row, line.group)
                continue
            for cell, value, column in zip(table_row.cells, line.cells, columns, strict=True):
                self.tables.cell(cell, value, bold=value.header or column.emphasised)

    # Appendix

    def _appendix(self, appendix: AppendixView) -> None:
        self._paragraph(appendix.title, "Heading 1")
        for index, page in enumerate(appendix.pages):
            if index:
                self._page_break()
            self._appendix_page(page, appendix)

    def _appendix_page(self, page: AppendixPage, appendix: AppendixView) -> None:
        labels = appendix.labels
        self._paragraph(page.heading, "Heading 2")
        self._paragraph(page.section_line, OWNER_STYLE)
        headings = (labels.current, *(box.label for box in page.figures))
        table = self.tables.table(headings, (TABLE_WIDTH_MM / len(headings),) * len(headings))
        cells = self.tables.row(table, ("", *(box.text for box in page.figures)))
        cells[0].paragraphs[0].text = ""
        self.tables.value(cells[0], page.current, bold=True)
        for cell, box in zip(cells[1:], page.figures, strict=True):
            self._headline_box(cell, box)
        if page.counts:
            self.body.paragraph(page.counts)
        if page.chart:
            self._chart(page.chart)
        if page.variances:
            self._paragraph(labels.variances, "Heading 3")
            periods = tuple(variance.label for variance in page.variances)
            table = self.tables.table(periods, (TABLE_WIDTH_MM / len(periods),) * len(periods))
            self.tables.row(table, tuple(variance.text for variance in page.variances))
        if page.benchmarks:
            self._paragraph(labels.benchmarks, "Heading 3")
            table = self.tables.table(labels.benchmark_columns, (90.0, 25.0, 35.0, 25.0))
            for line in page.benchmarks:
                self.tables.row(table, (line.label, line.value, line.difference, line.word))
        self._paragraph(labels.commentary, "Heading 3")
        self._commentary(page.commentary)
        if page.description:
            self._paragraph(labels.description, "Heading 3")
            self.body.paragraph(page.description)

    def _headline_box(self, cell: _Cell, box: LabelledFigure) -> None:
        """A change's arrow in its colour with its word, or a band scale one band to a line; an SPC
        judgement's icon before its word, and the rule or target it was judged on under it."""
        if box.icon is not None:
            self.tables.with_icon(cell.paragraphs[0], box.icon, box.text)
        if box.word and not box.arrow:
            self.tables.small(cell, box.word)
        if box.arrow:
            self.tables.arrow(cell.add_paragraph(), box.arrow, box.word, box.tone)
        for index, line in enumerate(box.lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
            paragraph.add_run(line).font.size = Pt(7.5)

    # Building blocks

    def _paragraph(self, text: str, style: str | None = None) -> Paragraph:
        paragraph = self.body.paragraph(text)
        if style is not None:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def _chart(self, chart: ChartView) -> None:
        paragraph = self.body.paragraph()
        picture = self.pictures.add(paragraph.add_run(), chart.png, width=Mm(chart.width_mm))
        describe(picture, chart.alt, chart.name)
        self._paragraph(chart.caption, "Caption")

    def _commentary(self, view: CommentaryView) -> None:
        """The slot's text; a draft's paragraphs in the draft style, the first starting with the mark."""
        if view.placeholder:
            self._paragraph(view.placeholder, PLACEHOLDER_STYLE)
        for number, block in enumerate(view.blocks):
            self._block(block, view.draft if number == 0 else "", draft=bool(view.draft))

    def _block(self, block: BlockView, mark: str = "", *, draft: bool = False) -> None:
        for number, item in enumerate(block.items):
            if draft:
                # One paragraph style for the whole draft (its box); bullets keep their bullet as text.
                paragraph = self._paragraph("", DRAFT_STYLE)
                if mark and number == 0:
                    self.tables.mark(paragraph, mark)
                if block.bullets:
                    paragraph.add_run("• ")
            else:
                paragraph = self._paragraph("", "List Bullet" if block.bullets else None)
            for run_view in item:
                for index, line in enumerate(run_view.lines):
                    if index:
                        paragraph.add_run().add_break()
                    run = paragraph.add_run(line)
                    run.bold, run.italic = run_view.bold or None, run_view.italic or None
