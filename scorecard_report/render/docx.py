"""The scorecard as an editable Word document: real headings, repeating table headers, commentary slots."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from scorecard_report.present.document import ContentsEntry, DocumentView, SectionView
from scorecard_report.present.key import KeyTable
from scorecard_report.present.summary import AttentionTable, DataNotesTable
from scorecard_report.render.docx_appendix import AppendixWriter, section_heading
from scorecard_report.render.docx_blocks import (
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Body,
    Pictures,
    describe,
    field,
    field_begin,
    field_end,
    has_text,
    no_split,
    right_tab,
)
from scorecard_report.render.docx_changes import write_changes
from scorecard_report.render.docx_links import HYPERLINK_STYLE, Links
from scorecard_report.render.docx_styles import (
    APPENDIX_SECTION_STYLE,
    DRAFT_STYLE,
    LANGUAGE,
    OWNER_STYLE,
    english_where_written,
    ensure_styles,
    set_language,
)
from scorecard_report.render.docx_tables import TABLE_WIDTH_MM, TableWriter
from scorecard_report.render.docx_text import Writing
from scorecard_report.render.docx_xml import update_fields
from scorecard_report.render.zip_files import produced_moment, reproducible_zip

# Heading 1, and the appendix's section headings at level 2: not every indicator page.
CONTENTS_FIELD = f'TOC \\o "1-1" \\t "{APPENDIX_SECTION_STYLE},2" \\h \\z'
CONTENTS_INDENT = Mm(6)


def render_docx(doc: DocumentView, template: bytes | None, produced: str) -> bytes:
    """The whole scorecard as DOCX bytes; with ``template`` (the council's, as ``load_word_template``
    checked it), the council's styles, header and footer."""
    document = _start(template)
    _DocxWriter(document, doc, fresh=template is None).write()
    _core_properties(document, doc, produced)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), produced)


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
    moment = produced_moment(produced)
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
    properties.language = LANGUAGE


class _DocxWriter:
    """Writes the document view into a python-docx Document in the PDF's order."""

    def __init__(self, document: DocxDocument, doc: DocumentView, *, fresh: bool) -> None:
        self.document, self.doc, self.fresh = document, doc, fresh
        self.written: list[etree._Element] = [document.element.body]

    def write(self) -> None:
        ensure_styles(self.document, self.doc.font, override_fonts=self.fresh)
        # Word styles by id, looked up once: python-docx resolves a style name by scanning every style.
        self.style_ids = {style.name: style.style_id for style in self.document.styles}
        pictures = Pictures(self.document.part)
        self.links = Links(self.document, _anchors(self.doc), self.style_ids.get(HYPERLINK_STYLE))
        self._page_setup()
        body = Body(self.document)
        self.tables = TableWriter(body, self.style_ids, self.doc.palette, pictures, self.links)
        self.w = Writing(body, self.style_ids, pictures, self.tables, self.links)
        self._cover()
        self._contents()
        self._key()
        self._summary()
        if self.doc.changes:
            write_changes(self.w, self.doc.changes)
        self._report_commentary()
        for section in self.doc.sections:
            self._section(section)
        if self.doc.appendix:
            AppendixWriter(self.w).write(self.doc.appendix)
        set_language(self.document, fresh=self.fresh)
        english_where_written(self.document, self.written)

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
            self.written.append(section.header._element)
        if self.fresh or not has_text(section.footer.paragraphs):
            self._footer(section.footer.paragraphs[0])
            self.written.append(section.footer._element)

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

    # Front matter

    def _cover(self) -> None:
        w, logo = self.w, self.doc.logo
        if logo:
            describe(
                self.w.pictures.add(w.paragraph().add_run(), logo.data, height=Mm(20)), logo.alt, logo.name
            )
        w.paragraph(self.doc.marking).runs[0].bold = True
        w.paragraph(self.doc.title, "Title")
        w.paragraph(self.doc.period_text, "Subtitle")
        w.paragraph(self.doc.organisation)
        for label, text in self.doc.cover:  # the committee, the meeting, the contact
            line = w.paragraph()
            line.add_run(label).bold = True
            line.add_run(f": {text}")
        w.page_break()

    def _contents(self) -> None:
        """The contents field, its entries shown as links until Word rebuilds it, with page numbers, on
        opening: the key, summary, commentary, sections and appendix, the appendix by section under it."""
        contents = self.doc.contents
        self.w.paragraph(contents.title, "TOC Heading")
        lines = [line for top in contents.entries for line in ((top, 0), *((c, 1) for c in top.children))]
        for number, (entry, level) in enumerate(lines):
            paragraph = self.w.paragraph()
            if number == 0:
                field_begin(paragraph, CONTENTS_FIELD)
            if level:
                paragraph.paragraph_format.left_indent = CONTENTS_INDENT
            title = section_heading(entry.title) if level else entry.title
            self.links.link(paragraph, entry.anchor, title)
            if number == len(lines) - 1:
                field_end(paragraph)
        update_fields(self.document.settings.element)
        self.w.page_break()

    def _key(self) -> None:
        w, key = self.w, self.doc.key
        w.heading(key.title, "Heading 1", key.anchor)
        self._key_table(key.statuses, (45.0, 40.0, 120.0))
        self._key_table(key.bands, (45.0, 160.0))
        self._key_table(key.arrows, (25.0, 50.0, 130.0), arrows=True)
        if key.comparator:
            w.paragraph(key.comparator.heading, "Heading 2")
            w.paragraph(key.comparator.text)
        w.paragraph(key.polarity_and_values, "Heading 2")
        w.paragraph(f"{key.polarity.text} {key.values.text}")
        w.paragraph(key.drafts.heading, "Heading 2")
        drafts = w.paragraph("", DRAFT_STYLE)
        self.tables.mark(drafts, key.draft_mark, " ")
        drafts.add_run(key.drafts.text)
        if key.spc:
            w.paragraph(key.spc.heading, "Heading 2")
            self._key_table(key.spc.variation, (45.0, 160.0), heading="Heading 3")
            self._key_table(key.spc.assurance, (45.0, 160.0), heading="Heading 3")
            for part in (key.spc.rules, key.spc.arrows, key.spc.readings):
                w.paragraph(part.heading, "Heading 3")
                w.paragraph(part.text)
        for part in key.data:
            w.paragraph(part.heading, "Heading 2")
            w.paragraph(part.text)
        w.page_break()

    def _key_table(
        self, key: KeyTable, widths_mm: tuple[float, ...], *, arrows: bool = False, heading: str = "Heading 2"
    ) -> None:
        """The sample in its tone: a shaded cell, (``arrows``) the arrows in their colour, or an icon."""
        self.w.paragraph(key.heading, heading)
        table = self.tables.table(key.columns, widths_mm, caption=key.heading)
        for entry in key.entries:
            sample = self.tables.row(table, (entry.sample, *entry.cells))[0]
            if entry.icon is not None:
                self.tables.with_icon(sample.paragraphs[0], entry.icon, entry.sample)
            elif arrows:
                self.tables.colour_arrow(sample, entry.tone)
            elif entry.tone is not None:
                self.tables.fill(sample, entry.tone)

    def _summary(self) -> None:
        w, summary = self.w, self.doc.summary
        w.heading(summary.title, "Heading 1", summary.anchor)
        counts = len(summary.columns) - 1
        widths = (70.0, *(203.0 / counts,) * counts)
        table = self.tables.table(summary.columns, widths, caption=summary.title)
        for line in summary.lines:
            self.tables.row(table, (line.title, *line.counts))
        if summary.spc:
            w.paragraph(summary.spc.heading, "Heading 2")
            counts = len(summary.spc.columns) - 1
            widths = (70.0, *(203.0 / counts,) * counts)
            table = self.tables.table(summary.spc.columns, widths, caption=summary.spc.heading)
            for line in summary.spc.lines:
                self.tables.row(table, (line.title, *line.counts))
        if summary.attention:
            self._attention(summary.attention)
        if summary.data_notes:
            self._data_notes(summary.data_notes)
        for movers in summary.movers:
            w.paragraph(movers.heading, "Heading 2")
            if not movers.lines:
                w.paragraph(movers.empty)
                continue
            widths = (18.0, 110.0, 30.0, 30.0, 30.0, 55.0)
            table = self.tables.table(movers.columns, widths, caption=movers.heading)
            for mover in movers.lines:
                self.tables.row(table, mover)
        w.paragraph(summary.movers_note)
        w.page_break()

    def _attention(self, attention: AttentionTable) -> None:
        self.w.paragraph(attention.heading, "Heading 2")
        if attention.lines:
            widths = (16.0, 70.0, 40.0, 50.0, 22.0, 75.0)
            table = self.tables.table(attention.columns, widths, caption=attention.heading)
            for line in attention.lines:
                self.tables.row(table, line)
        else:
            self.w.paragraph(attention.empty)
        self.w.paragraph(attention.note)

    def _data_notes(self, notes: DataNotesTable) -> None:
        self.w.paragraph(notes.heading, "Heading 2")
        if not notes.lines:
            self.w.paragraph(notes.empty)
            return
        shares = {"Ref": 16.0, "Indicator": 62.0, "Section": 36.0, "Data": 18.0, "What is missing": 70.0}
        widths = [shares.get(column, 35.0) for column in notes.columns]
        scale = TABLE_WIDTH_MM / sum(widths)
        table = self.tables.table(notes.columns, [w * scale for w in widths], caption=notes.heading)
        for line in notes.lines:
            self.tables.row(table, line)

    def _report_commentary(self) -> None:
        commentary = self.doc.commentary
        if commentary is None:
            return
        self.w.heading(commentary.title, "Heading 1", commentary.anchor)
        for block in commentary.blocks:
            self.w.paragraph(block.title, "Heading 2")
            self.w.commentary(block.commentary)
        self.w.page_break()

    # Sections

    def _section(self, section: SectionView) -> None:
        w = self.w
        w.heading(section.title, "Heading 1", section.anchor)
        if section.owner:
            w.paragraph(section.owner, OWNER_STYLE)
        w.commentary(section.commentary)
        if section.highlights:
            w.paragraph(section.highlights_title, "Heading 2")
            self.tables.charts(section.highlights, section.highlights_title)
        self._scorecard_table(section)
        w.page_break()

    def _scorecard_table(self, section: SectionView) -> None:
        columns = section.columns
        table = self.tables.table(
            [c.heading for c in columns],
            [c.width_mm for c in columns],
            rows=len(section.lines),
            subheadings=[c.subheading for c in columns],
            caption=section.caption,
        )
        for table_row, line in zip(table.rows[1:], section.lines, strict=True):
            no_split(table_row)
            if line.group:
                self.tables.group_row(table_row, line.group)
                continue
            for cell, value, column in zip(table_row.cells, line.cells, columns, strict=True):
                self.tables.cell(cell, value, bold=value.header or column.emphasised)


def _anchors(doc: DocumentView) -> set[str]:
    """Every anchor the document bookmarks: the contents' headings, the table rows, the appendix pages."""

    def entries(items: tuple[ContentsEntry, ...]) -> set[str]:
        return {anchor for entry in items for anchor in (entry.anchor, *entries(entry.children))}

    anchors = entries(doc.contents.entries)
    for section in doc.sections:
        anchors.update(cell.anchor for line in section.lines for cell in line.cells if cell.anchor)
    if doc.appendix is not None:
        anchors.update(page.anchor for page in doc.appendix.pages)
    anchors.discard("")
    return anchors
