"""Word tables for the scorecard: fixed widths, a header row that repeats, rows that never split, and
cells shaded in the palette's colours with the text colour that reads on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from scorecard_report.present.icons import Icon
from scorecard_report.present.palette import Palette, Tone
from scorecard_report.present.table import TableCell, ValueCell
from scorecard_report.render.docx_blocks import (
    TABLE_TEXT_STYLE,
    Body,
    Pictures,
    decorative,
    fixed_layout,
    no_split,
    repeat_header,
    rgb,
)
from scorecard_report.render.icons import icon_png

ICON_MM = 3.5


class TableWriter:
    """Writes tables into the body, in the styles the document has (``style_ids``: name → id)."""

    def __init__(
        self, body: Body, style_ids: Mapping[str, str], palette: Palette, pictures: Pictures | None = None
    ) -> None:
        self.body, self.style_ids, self.palette, self.pictures = body, style_ids, palette, pictures

    def table(
        self,
        headings: Sequence[str],
        widths_mm: Sequence[float],
        rows: int = 0,
        subheadings: Sequence[str] = (),
    ) -> Table:
        """A table with a repeating header row and fixed column widths, built row by row, never by cell();
        a heading's ``subheadings`` line (the period a column holds) goes under it, smaller."""
        table = self.body.table(rows=1 + rows, cols=len(headings))
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        fixed_layout(table)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        header = table.rows[0]
        repeat_header(header)
        for index, (cell, heading, width) in enumerate(zip(header.cells, headings, widths_mm, strict=True)):
            cell.width = Mm(width)
            self.text(cell, heading, bold=True)
            if index < len(subheadings) and subheadings[index]:
                self.small(cell, subheadings[index])
            self.fill(cell, Tone.ACCENT)
        for row in table.rows[1:]:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
        return table

    def row(self, table: Table, values: Sequence[str]) -> list[_Cell]:
        row = table.add_row()  # type: ignore[no-untyped-call]
        no_split(row)
        cells: list[_Cell] = row.cells
        for cell, value, column in zip(cells, values, table.columns, strict=True):
            cell.width = column.width
            self.text(cell, value)
        return cells

    def group_row(self, table_row: _Row, title: str) -> None:
        """A themed heading across the whole table, as in the quarterly scorecards."""
        cells = table_row.cells
        merged = cells[0].merge(cells[-1])
        self.text(merged, title, bold=True)
        self.fill(merged, Tone.GROUP)

    def cell(self, cell: _Cell, value: TableCell, *, bold: bool) -> None:
        if value.arrow:
            self.arrow(cell.paragraphs[0], value.arrow, value.text, value.tone)
            if value.note:
                self.small(cell, value.note)
            return
        if value.placeholder:
            self.text(cell, value.text)
            cell.paragraphs[0].runs[0].italic = True
            return
        if value.mark:
            self.mark(cell.paragraphs[0], value.mark)
        if value.icon is not None:
            self.icon(cell.paragraphs[0], value.icon)
        lines = value.lines
        if value.text or not lines:
            self.value(cell, ValueCell(value.text, value.note, value.tone, value.word), bold=bold)
        else:  # a band scale without a target starts on the cell's first line
            self.text(cell, lines[0])
            cell.paragraphs[0].runs[-1].font.size = Pt(6.5)
            lines = lines[1:]
        for line in lines:
            self.small(cell, line)

    def value(self, cell: _Cell, value: ValueCell, *, bold: bool = False) -> None:
        self.text(cell, value.text, bold=bold)
        for extra in (value.word, value.note):
            if extra:
                self.small(cell, extra)
        if value.tone is not None:
            self.fill(cell, value.tone)

    def icon(self, paragraph: Paragraph, icon: Icon) -> None:
        """A variation or assurance icon before its word, marked decorative: the word says it."""
        if self.pictures is None:
            return
        paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
        picture = self.pictures.add(paragraph.add_run(), icon_png(icon), width=Mm(ICON_MM))
        decorative(picture)
        paragraph.add_run(" ")  # a narrow column puts the word under the icon rather than break it

    def with_icon(self, paragraph: Paragraph, icon: Icon, text: str) -> None:
        """The paragraph's text again, with the icon before it."""
        for run in list(paragraph.runs):
            paragraph._p.remove(run._r)
        self.icon(paragraph, icon)
        paragraph.add_run(text)

    def arrow(self, paragraph: Paragraph, arrow: str, word: str, tone: Tone | None) -> None:
        """An arrow, large and in its judgement's colour, and the word that says what it means."""
        paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
        run = paragraph.add_run(arrow)
        run.bold, run.font.size = True, Pt(11)
        if tone is not None:
            run.font.color.rgb = rgb(self.palette.swatch(tone).colour)
        if word:
            paragraph.add_run(f" {word}")

    def small(self, cell: _Cell, text: str) -> None:
        """A line under the cell's text in small type: a word, a period, what an arrow compares with."""
        note = cell.add_paragraph()
        note._p.style = self.style_ids[TABLE_TEXT_STYLE]
        note.add_run(text).font.size = Pt(6.5)

    @staticmethod
    def mark(paragraph: Paragraph, mark: str, after: str = ": ") -> None:
        """The draft mark before the text, in bold italic: a word, not a colour."""
        run = paragraph.add_run(mark)
        run.bold, run.italic = True, True
        paragraph.add_run(after)

    def text(self, cell: _Cell, text: str, *, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
        run = paragraph.add_run(text)
        if bold:
            run.bold = True

    def fill(self, cell: _Cell, tone: Tone) -> None:
        """Shade the cell in the tone's colour, and colour its text to read on it."""
        swatch = self.palette.swatch(tone)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), str(rgb(swatch.colour)))
        cell._tc.get_or_add_tcPr().append(shading)
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = rgb(swatch.text)

    def colour_arrow(self, cell: _Cell, tone: Tone | None) -> None:
        for run in cell.paragraphs[0].runs:
            if tone is not None:
                run.font.color.rgb = rgb(self.palette.swatch(tone).colour)
            run.bold = True
