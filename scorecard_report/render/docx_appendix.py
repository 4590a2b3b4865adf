"""The appendix of the Word document: a heading for each section's pages, which the contents lists, then
one page per indicator: its headline figures, chart, the chart's values, benchmarks and commentary.

The page's heading is bookmarked for the ref in the section's table to link to, and its ref links back
to that row.
"""

from __future__ import annotations

from docx.shared import Pt
from docx.table import _Cell

from scorecard_report.present.appendix import AppendixPage, AppendixView, LabelledFigure
from scorecard_report.render.docx_styles import APPENDIX_SECTION_STYLE, OWNER_STYLE
from scorecard_report.render.docx_tables import CHART_GAP_MM, TABLE_WIDTH_MM
from scorecard_report.render.docx_text import Writing

PAGE_HEADING = "Heading 3"
PART_HEADING = "Heading 4"
CHART_COLUMN_MM = 174.0  # the chart (170 mm) and the gap after it, as in the stylesheet
SIDE_MM = TABLE_WIDTH_MM - CHART_COLUMN_MM - CHART_GAP_MM  # the benchmarks' table beside the chart


def section_heading(title: str) -> str:
    """The heading before a section's first page: "Appendix: Front Door"."""
    return f"Appendix: {title}"


class AppendixWriter:
    def __init__(self, writing: Writing) -> None:
        self.w = writing

    def write(self, appendix: AppendixView) -> None:
        self.w.heading(appendix.title, "Heading 1", appendix.anchor)
        for index, page in enumerate(appendix.pages):
            if index:
                self.w.page_break()
            if page.section_anchor:
                self.w.heading(
                    section_heading(page.section_title), APPENDIX_SECTION_STYLE, page.section_anchor
                )
            self._page(page, appendix)

    def _page(self, page: AppendixPage, appendix: AppendixView) -> None:
        """As in the PDF: the headline figures across the page, then the chart beside the benchmarks and
        commentary, in a layout table, then the chart's values across the page."""
        w, labels, tables = self.w, appendix.labels, self.w.tables
        self._heading(page)
        w.paragraph(page.section_line, OWNER_STYLE)
        for line in (page.data_line, page.revisions_line):
            if line:
                w.paragraph(line, OWNER_STYLE)
        headings = (labels.current, *(box.label for box in page.figures))
        widths = (TABLE_WIDTH_MM / len(headings),) * len(headings)
        table = tables.table(headings, widths, caption=page.heading)
        cells = tables.row(table, ("", *(box.text for box in page.figures)))
        cells[0].paragraphs[0].text = ""
        tables.value(cells[0], page.current, bold=True)
        for cell, box in zip(cells[1:], page.figures, strict=True):
            self._headline_box(cell, box)
        for line in (page.counts, page.computed):
            if line:
                w.paragraph(line)
        if page.chart is None:
            self._variances(page, appendix, TABLE_WIDTH_MM)
            self._side(page, appendix)
            return
        chart_mm = max(CHART_COLUMN_MM, page.chart.width_mm + CHART_GAP_MM)
        layout = tables.layout((chart_mm, TABLE_WIDTH_MM - chart_mm), 1, page.heading, page.chart.caption)
        left, right = layout.rows[0].cells
        values = page.data if page.data is not None and page.data.periods else None
        with w.body.inside(left):
            w.chart(page.chart, keep=False)
            if values is None:
                self._variances(page, appendix, chart_mm - CHART_GAP_MM)
        with w.body.inside(right):
            self._side(page, appendix)
        if values is not None:
            # Across the page's width, as in the PDF: in the chart's column, thirteen periods left each
            # about 10 mm, and "Common cause" or "Improvement" broke in the middle of the word.
            w.paragraph(values.caption, "Caption")  # the table's title, above it
            tables.chart_table(values, TABLE_WIDTH_MM)

    def _variances(self, page: AppendixPage, appendix: AppendixView, width_mm: float) -> None:
        """Where there is no chart table: the variance from target, period by period."""
        if not page.variances:
            return
        labels = appendix.labels
        self.w.paragraph(labels.variances, PART_HEADING)
        periods = tuple(variance.label for variance in page.variances)
        widths = (width_mm / len(periods),) * len(periods)
        table = self.w.tables.table(periods, widths, caption=labels.variances)
        self.w.tables.row(table, tuple(variance.text for variance in page.variances))

    def _side(self, page: AppendixPage, appendix: AppendixView) -> None:
        """Benchmarks, commentary and what the indicator shows."""
        w, labels = self.w, appendix.labels
        if page.benchmarks:
            w.paragraph(labels.benchmarks, PART_HEADING)
            # The columns' shares of the side of the page: the comparator's name is the longest.
            widths = tuple(SIDE_MM * share for share in (0.47, 0.15, 0.23, 0.15))
            table = w.tables.table(labels.benchmark_columns, widths, caption=labels.benchmarks)
            for line in page.benchmarks:
                cells = w.tables.row(table, (line.label, line.value, line.difference, line.word))
                if line.note:
                    w.tables.small(cells[-1], line.note)
        w.paragraph(labels.commentary, PART_HEADING)
        w.commentary(page.commentary)
        if page.description:
            w.paragraph(labels.description, PART_HEADING)
            w.paragraph(page.description)

    def _heading(self, page: AppendixPage) -> None:
        """ "FD8 Screenings completed", its ref a link back to the row in the section's table."""
        paragraph = self.w.paragraph("", PAGE_HEADING)
        if page.ref and page.heading.startswith(page.ref):
            self.w.links.link(paragraph, page.back_link, page.ref)
            rest = page.heading[len(page.ref) :]
            if rest:
                paragraph.add_run(rest)
        else:
            paragraph.add_run(page.heading)
        self.w.links.bookmark(paragraph, page.anchor)

    def _headline_box(self, cell: _Cell, box: LabelledFigure) -> None:
        """A change's arrow in its colour with its word, or a band scale one band to a line; an SPC
        judgement's icon before its word, and the rule or target it was judged on under it."""
        tables = self.w.tables
        if box.icon is not None:
            tables.with_icon(cell.paragraphs[0], box.icon, box.text)
        if box.word and not box.arrow:
            tables.small(cell, box.word)
        if box.arrow:
            tables.arrow(cell.add_paragraph(), box.arrow, box.word, box.tone)
        for index, line in enumerate(box.lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph._p.style = tables.text_style
            paragraph.add_run(line).font.size = Pt(7.5)
