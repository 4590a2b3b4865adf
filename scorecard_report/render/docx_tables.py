"""Word tables for the scorecard: fixed widths, a header row that repeats, rows that never split, and
cells shaded in the palette's colours with the text colour that reads on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row

from scorecard_report.present.palette import Palette, Tone
from scorecard_report.present.table import TableCell, ValueCell
from scorecard_report.render.docx_blocks import (
    TABLE_TEXT_STYLE,
    Body,
    fixed_layout,
    no_split,
    repeat_header,
    rgb,
)


class TableWriter:
    """Writes tables into the body, in the styles the document has (``style_ids``: name → id)."""

    def __init__(self, body: Body, style_ids: Mapping[str, str], palette: Palette) -> None:
        self.body, self.style_ids, self.palette = body, style_ids, palette

    def table(self, headings: Sequence[str], widths_mm: Sequence[float], rows: int = 0) -> Table:
        """A table with a repeating header row and fixed column widths, built row by row, never by cell()."""
        table = self.body.table(rows=1 + rows, cols=len(headings))
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        fixed_layout(table)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        header = table.rows[0]
        repeat_header(header)
        for cell, heading, width in zip(header.cells, headings, widths_mm, strict=True):
            cell.width = Mm(width)
            self.text(cell, heading, bold=True)
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
            paragraph = cell.paragraphs[0]
            paragraph._p.style = self.style_ids[TABLE_TEXT_STYLE]
            arrow = paragraph.add_run(value.arrow)
            arrow.bold, arrow.font.size = True, Pt(11)
            if value.tone is not None:
                arrow.font.color.rgb = rgb(self.palette.swatch(value.tone).colour)
            if value.text:
                paragraph.add_run(f" {value.text}")
            return
        if value.placeholder:
            self.text(cell, value.text)
            cell.paragraphs[0].runs[0].italic = True
            return
        self.value(cell, ValueCell(value.text, value.note, value.tone, value.word), bold=bold)

    def value(self, cell: _Cell, value: ValueCell, *, bold: bool = False) -> None:
        self.text(cell, value.text, bold=bold)
        for extra in (value.word, value.note):
            if extra:
                note = cell.add_paragraph()
                note._p.style = self.style_ids[TABLE_TEXT_STYLE]
                note.add_run(extra).font.size = Pt(6.5)
        if value.tone is not None:
            self.fill(cell, value.tone)

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
