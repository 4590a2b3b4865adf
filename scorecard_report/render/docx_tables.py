"""Word tables for the scorecard: fixed widths, a header row that repeats, rows that never split, cells
with room around their text and shaded in the palette's colours with the text colour that reads on them;
each with a title for Word's accessibility checker. The section's charts sit side by side in a layout
table: no borders, no header row."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import cast

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from scorecard_report.present.appendix import ChartTable
from scorecard_report.present.icons import Icon
from scorecard_report.present.palette import Palette, Tone
from scorecard_report.present.pictures import ChartView
from scorecard_report.present.table import TableCell, ValueCell
from scorecard_report.render.docx_blocks import (
    Body,
    Pictures,
    decorative,
    describe,
    rgb,
)
from scorecard_report.render.docx_links import Links
from scorecard_report.render.docx_styles import TABLE_TEXT_STYLE
from scorecard_report.render.docx_xml import element, put
from scorecard_report.render.icons import icon_png

_TR, _TR_PR, _CANT_SPLIT, _TBL_HEADER, _TC, _TC_PR, _TC_W, _SHD, _GRID_COL = (
    qn(f"w:{name}")
    for name in ("tr", "trPr", "cantSplit", "tblHeader", "tc", "tcPr", "tcW", "shd", "gridCol")
)
_P, _P_PR, _P_STYLE, _R, _R_PR, _B, _COLOR, _SZ, _T = (
    qn(f"w:{name}") for name in ("p", "pPr", "pStyle", "r", "rPr", "b", "color", "sz", "t")
)
_VAL, _W, _TYPE, _FILL, _SPACE = qn("w:val"), qn("w:w"), qn("w:type"), qn("w:fill"), qn("xml:space")
_SMALL = "13"  # 6.5 pt, in half points: a line under a cell's text
_CHART_TABLE = "13"  # 6.5 pt, as in the PDF: a chart's values, a column for each of 13 months
_PLAIN = re.compile(r"[^\t\n\r]*")

ICON_MM = 3.5
TABLE_WIDTH_MM = 273.0  # between the margins of a landscape A4 page
CELL_MARGINS_MM = (("top", 0.4), ("left", 0.8), ("bottom", 0.4), ("right", 0.8))
CHART_GAP_MM = 4.0  # between two charts side by side, as in the stylesheet
TIGHT_MARGINS_MM = (("top", 0.2), ("left", 0.4), ("bottom", 0.2), ("right", 0.4))  # a chart's values
LAYOUT_MARGINS_MM = (("top", 0.0), ("left", 0.0), ("bottom", 0.0), ("right", CHART_GAP_MM))
MOST_CHARTS_IN_A_ROW = 4
ROW_LABELS_MM = 27.0  # a chart table's first column: "Upper process limit" in 6.5 pt bold
NO_BORDER = ("top", "left", "bottom", "right", "insideH", "insideV")


def charts_in_a_row(charts: Sequence[ChartView]) -> int:
    """As many charts side by side as fit the page at their own width: three 85 mm charts."""
    widest = max((chart.width_mm for chart in charts), default=TABLE_WIDTH_MM)
    fit = int((TABLE_WIDTH_MM + CHART_GAP_MM) // (widest + CHART_GAP_MM))
    return max(1, min(MOST_CHARTS_IN_A_ROW, fit))


class TableWriter:
    """Writes tables into the body, in the styles the document has (``style_ids``: name → id)."""

    def __init__(
        self,
        body: Body,
        style_ids: Mapping[str, str],
        palette: Palette,
        pictures: Pictures | None = None,
        links: Links | None = None,
    ) -> None:
        self.body, self.style_ids, self.palette = body, style_ids, palette
        self.pictures, self.links = pictures, links
        self.text_style = style_ids.get(TABLE_TEXT_STYLE)

    def table(
        self,
        headings: Sequence[str],
        widths_mm: Sequence[float],
        rows: int = 0,
        subheadings: Sequence[str] = (),
        *,
        caption: str,
        description: str = "",
        half_points: str = "",
        margins: Sequence[tuple[str, float]] = CELL_MARGINS_MM,
    ) -> Table:
        """A table with a repeating header row and fixed column widths, built row by row, never by cell();
        a heading's ``subheadings`` line (the period a column holds) goes under it, smaller. ``caption``
        is its title, ``description`` what a screen reader says of it, where Word's checker asks. Then
        ``rows`` empty rows, each cell an empty paragraph, for the caller to fill."""
        table = self._grid(widths_mm, caption, description, self.style_ids.get("Table Grid"), margins)
        swatch = self.palette.swatch(Tone.ACCENT)
        fill, colour = str(rgb(swatch.colour)), str(rgb(swatch.text))
        tr = self._tr(table, header=True)
        for index, (heading, width) in enumerate(zip(headings, self._widths(table), strict=True)):
            tc = self._tc(tr, width, fill)
            self._p(tc, heading, bold=True, colour=colour, half_points=half_points)
            if index < len(subheadings) and subheadings[index]:
                self._p(tc, subheadings[index], colour=colour, half_points=_SMALL)
        self._empty_rows(table, rows)
        return table

    def _grid(
        self,
        widths_mm: Sequence[float],
        caption: str,
        description: str,
        style: str | None,
        margins: Sequence[tuple[str, float]] = CELL_MARGINS_MM,
    ) -> Table:
        """A table with no rows yet, its properties once each in the schema's order: style, width,
        alignment, the fixed layout, the cell margins, the title and description."""
        table = self.body.table(rows=0, cols=len(widths_mm))
        properties = table._tbl.tblPr
        if style is not None:
            properties.style = style
        put(properties, element("w:tblW", w=str(sum(Mm(width).twips for width in widths_mm)), type="dxa"))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False  # the one <w:tblLayout w:type="fixed"/>
        cell_margins = element("w:tblCellMar")
        for side, size in margins:
            cell_margins.append(element(f"w:{side}", w=str(Mm(size).twips), type="dxa"))
        put(properties, cell_margins)
        if caption:
            put(properties, element("w:tblCaption", val=caption))
        if description:
            put(properties, element("w:tblDescription", val=description))
        for column, width in zip(table._tbl.tblGrid.iterchildren(_GRID_COL), widths_mm, strict=True):
            column.set(_W, str(Mm(width).twips))
        return table

    # The XML python-docx's add_row, add_paragraph and add_run make, built directly: most of the
    # document is table cells, and python-docx's way costs most of the time the document takes.

    @staticmethod
    def _widths(table: Table) -> list[str]:
        return [column.get(_W) or "0" for column in table._tbl.tblGrid.iterchildren(_GRID_COL)]

    @staticmethod
    def _tr(table: Table, *, header: bool = False) -> etree._Element:
        """A row that never splits across pages; the ``header`` row repeats on each page."""
        tr = etree.SubElement(table._tbl, _TR)
        properties = etree.SubElement(tr, _TR_PR)
        etree.SubElement(properties, _CANT_SPLIT, {_VAL: "true"})
        if header:
            etree.SubElement(properties, _TBL_HEADER, {_VAL: "true"})
        return tr

    @staticmethod
    def _tc(tr: etree._Element, width: str, fill: str = "") -> etree._Element:
        tc = etree.SubElement(tr, _TC)
        properties = etree.SubElement(tc, _TC_PR)
        etree.SubElement(properties, _TC_W, {_W: width, _TYPE: "dxa"})
        if fill:
            etree.SubElement(properties, _SHD, {_VAL: "clear", _COLOR: "auto", _FILL: fill})
        return tc

    def _p(
        self,
        tc: etree._Element,
        text: str,
        *,
        bold: bool = False,
        colour: str = "",
        half_points: str = "",
    ) -> etree._Element:
        """A paragraph in the table text style with one run of ``text``."""
        p = etree.SubElement(tc, _P)
        if self.text_style is not None:
            etree.SubElement(etree.SubElement(p, _P_PR), _P_STYLE, {_VAL: self.text_style})
        if _PLAIN.fullmatch(text) is None:  # tabs and line breaks as python-docx writes them
            run = Paragraph(cast(CT_P, p), self.body.document).add_run(text)
            run.bold = bold or None
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
            if half_points:
                run.font.size = Pt(int(half_points) / 2)
            return p
        r = etree.SubElement(p, _R)
        if bold or colour or half_points:
            properties = etree.SubElement(r, _R_PR)
            if bold:
                etree.SubElement(properties, _B)
            if colour:
                etree.SubElement(properties, _COLOR, {_VAL: colour})
            if half_points:
                etree.SubElement(properties, _SZ, {_VAL: half_points})
        if text:
            t = etree.SubElement(r, _T)
            t.text = text
            if text != text.strip():
                t.set(_SPACE, "preserve")
        return p

    def _empty_rows(self, table: Table, rows: int) -> None:
        widths = self._widths(table)
        for _ in range(rows):
            tr = self._tr(table)
            for width in widths:
                etree.SubElement(self._tc(tr, width), _P)

    def layout(self, widths_mm: Sequence[float], rows: int, caption: str, description: str = "") -> Table:
        """A layout table: no borders, no header row, no first-row or first-column look, nothing a screen
        reader announces as data; a gap after each cell instead of margins around its text."""
        table = self._grid(widths_mm, caption, description, None, margins=LAYOUT_MARGINS_MM)
        properties = table._tbl.tblPr
        borders = element("w:tblBorders")
        for side in NO_BORDER:
            borders.append(element(f"w:{side}", val="nil"))
        put(properties, borders)
        look = {"firstRow": "0", "lastRow": "0", "firstColumn": "0", "lastColumn": "0"}
        put(properties, element("w:tblLook", val="0600", **look, noHBand="1", noVBand="1"))
        self._empty_rows(table, rows)
        return table

    def charts(self, charts: Sequence[ChartView], caption: str) -> Table | None:
        """The charts side by side, each over its caption, in a layout table; each picture keeps its alt
        text, and the table's description lists the captions."""
        if not charts or self.pictures is None:
            return None
        in_a_row = charts_in_a_row(charts)
        columns = min(in_a_row, len(charts))
        width = TABLE_WIDTH_MM / in_a_row
        rows = -(-len(charts) // columns)
        description = "; ".join(chart.caption for chart in charts)
        table = self.layout((width,) * columns, rows, caption, description)
        caption_style = self.style_ids.get("Caption")
        room = width - CHART_GAP_MM
        for number, chart in enumerate(charts):
            cell = table.rows[number // columns].cells[number % columns]
            size = Mm(min(chart.width_mm, room))
            describe(
                self.pictures.add(cell.paragraphs[0].add_run(), chart.png, width=size), chart.alt, chart.name
            )
            below = cell.add_paragraph()
            if caption_style is not None:
                below._p.style = caption_style
            below.add_run(chart.caption)
        return table

    def chart_table(self, data: ChartTable, width_mm: float = TABLE_WIDTH_MM) -> Table | None:
        """A chart's values in small type: a column per period, each row's label a row header in bold."""
        if not data.periods:
            return None
        share = (width_mm - ROW_LABELS_MM) / len(data.periods)
        widths = (ROW_LABELS_MM, *(share,) * len(data.periods))
        table = self.table(
            ("", *data.periods),
            widths,
            caption=data.caption,
            half_points=_CHART_TABLE,
            margins=TIGHT_MARGINS_MM,
        )
        for line in data.rows:
            self.row(table, (line.label, *line.cells), bold_first=True, half_points=_CHART_TABLE)
        return table

    def row(
        self, table: Table, values: Sequence[str], *, bold_first: bool = False, half_points: str = ""
    ) -> list[_Cell]:
        """A row of plain text in the table's column widths (the first cell in bold, if asked)."""
        tr = self._tr(table)
        for number, (value, width) in enumerate(zip(values, self._widths(table), strict=True)):
            self._p(self._tc(tr, width), value, bold=bold_first and number == 0, half_points=half_points)
        return [_Cell(cast(CT_Tc, tc), table) for tc in tr.iterchildren(_TC)]

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
        if value.warning:  # above a comment written against other figures
            self.mark(cell.paragraphs[0], value.check)
            cell.paragraphs[0].add_run(value.warning).add_break()
        if value.mark:
            self.mark(cell.paragraphs[0], value.mark)
        if value.icon is not None:
            self.icon(cell.paragraphs[0], value.icon)
        lines = value.lines
        if value.text or not lines:
            shown = ValueCell(value.text, value.note, value.tone, value.word, flag=value.flag)
            self.value(cell, shown, bold=bold, link=value.link, anchor=value.anchor)
        else:  # a band scale without a target starts on the cell's first line
            self.text(cell, lines[0])
            cell.paragraphs[0].runs[-1].font.size = Pt(6.5)
            lines = lines[1:]
        for line in lines:
            self.small(cell, line)

    def value(
        self, cell: _Cell, value: ValueCell, *, bold: bool = False, link: str = "", anchor: str = ""
    ) -> None:
        """The figure (a ref: ``link``ed to its appendix page, and the ``anchor`` that page links back
        to), its word and note in small type, and its fill."""
        self.text(cell, value.text, bold=bold, link=link, anchor=anchor)
        for extra in (value.word, value.note, value.flag):
            if extra:
                self.small(cell, extra)
        if value.tone is not None:
            self.fill(cell, value.tone)

    def icon(self, paragraph: Paragraph, icon: Icon) -> None:
        """A variation or assurance icon before its word, marked decorative: the word says it."""
        if self.pictures is None:
            return
        paragraph._p.style = self.text_style
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
        paragraph._p.style = self.text_style
        run = paragraph.add_run(arrow)
        run.bold, run.font.size = True, Pt(11)
        if tone is not None:
            run.font.color.rgb = rgb(self.palette.swatch(tone).colour)
        if word:
            paragraph.add_run(f" {word}")

    def small(self, cell: _Cell, text: str) -> None:
        """A line under the cell's text in small type: a word, a period, what an arrow compares with."""
        note = cell.add_paragraph()
        note._p.style = self.text_style
        note.add_run(text).font.size = Pt(6.5)

    @staticmethod
    def mark(paragraph: Paragraph, mark: str, after: str = ": ") -> None:
        """The draft mark before the text, in bold italic: a word, not a colour."""
        run = paragraph.add_run(mark)
        run.bold, run.italic = True, True
        paragraph.add_run(after)

    def text(self, cell: _Cell, text: str, *, bold: bool = False, link: str = "", anchor: str = "") -> None:
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.text_style
        run = paragraph.add_run(text) if self.links is None else self.links.link(paragraph, link, text)
        if bold:
            run.bold = True
        if self.links is not None:
            self.links.bookmark(paragraph, anchor)

    def fill(self, cell: _Cell, tone: Tone) -> None:
        """Shade the cell in the tone's colour, and colour its text to read on it."""
        swatch = self.palette.swatch(tone)
        shading = element("w:shd", val="clear", color="auto", fill=str(rgb(swatch.colour)))
        put(cell._tc.get_or_add_tcPr(), shading)
        for paragraph in cell.paragraphs:
            for run in paragraph._p.xpath("./w:r | ./w:hyperlink/w:r"):
                Run(run, paragraph).font.color.rgb = rgb(swatch.text)

    def colour_arrow(self, cell: _Cell, tone: Tone | None) -> None:
        for run in cell.paragraphs[0].runs:
            if tone is not None:
                run.font.color.rgb = rgb(self.palette.swatch(tone).colour)
            run.bold = True
