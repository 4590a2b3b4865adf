"""The scorecard as an Excel workbook: the summary as a real table, the series, the changes, and a key.

One Summary sheet with a Section column rather than a sheet per section: filters, sorting and pivot
tables then work across the whole scorecard, a section is one filter away, and a formula that looks up
a ref need not know its section. Each sheet is an Excel table (filters on, the header row frozen);
numbers are numbers in the indicator's format (``xlsx_sheets.py``), status and band cells carry their
word and the documents' fill.

Written with openpyxl, which the tool already uses to read workbooks, rather than XlsxWriter: the
workbook is small (a few thousand cells), openpyxl writes everything it needs (tables, fills, number
formats, document properties), and the same library then reads it back in the tests. Text is written
as text, never as a formula: a cell that would start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets the summary CSV's ``'`` in front (``spreadsheet_safe``). The file is reproducible: its
properties carry the build's time (``SOURCE_DATE_EPOCH`` if set) and the zip is rewritten with fixed
entry times in a fixed order.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from scorecard_report.model.report import Report
from scorecard_report.present.palette import Palette, Tone, palette
from scorecard_report.render.summary_csv import spreadsheet_safe
from scorecard_report.render.xlsx_sheets import (
    KeyLine,
    SheetCell,
    SheetTable,
    Value,
    about_lines,
    changes_sheet,
    series_sheet,
    summary_sheet,
)
from scorecard_report.render.zip_files import produced_moment, reproducible_zip

LANGUAGE = "en-GB"
TABLE_STYLE = "TableStyleMedium2"
MIN_WIDTH, MAX_WIDTH = 6, 60  # characters: a long title or reading is cut at the column's edge
FILTER_BUTTON = 3  # characters the header's filter button covers
ABOUT_WIDTHS = (26, 100)
FONT, FONT_SIZE = "Calibri", 11  # openpyxl's default, and Excel's


def render_summary_xlsx(report: Report, produced: str) -> bytes:
    """The workbook's bytes: Summary, Series, Changes (where an edition is compared with) and About."""
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]  # a new workbook always has its sheet
    styles = _Styles(palette(dict(report.settings.colours)))
    for sheet in (summary_sheet(report), series_sheet(report), changes_sheet(report)):
        if sheet is not None:
            _write_table(workbook.create_sheet(sheet.name), sheet, styles, report.settings.marking)
    about = workbook.create_sheet("About")
    _write_about(about, about_lines(report, produced), styles)
    _marked(about, report.settings.marking)
    _properties(workbook, report, produced)
    return reproducible_zip(_saved(workbook), produced)


def sheet_text(text: str) -> str:
    """Text as a cell may hold it: characters XML cannot carry removed, a formula made inert."""
    return spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", text))


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell)  # no cell of the workbook is merged
    return cell


def _put(cell: Cell, value: Value) -> None:
    """Words always as a string (openpyxl would make a formula of one starting with ``=``)."""
    if isinstance(value, str):
        cell.value = sheet_text(value)
        cell.data_type = "s"
    else:
        cell.value = value


@dataclass(frozen=True)
class _Styles:
    """The documents' colours as openpyxl fills and fonts: each tone's fill, and the text that reads on it."""

    palette: Palette

    def fill(self, tone: Tone) -> PatternFill:
        colour = _argb(self.palette.swatch(tone).colour)
        return PatternFill(fill_type="solid", fgColor=colour, bgColor=colour)

    def font(self, tone: Tone, *, bold: bool = False) -> Font:
        return _font(color=_argb(self.palette.swatch(tone).text), bold=bold)


def _font(*, color: str | None = None, bold: bool = False, size: int = FONT_SIZE) -> Font:
    """The workbook's own font (a font with no name falls back to a serif in LibreOffice)."""
    return Font(name=FONT, size=size, family=2, scheme="minor", color=color, bold=bold)


def _argb(colour: str) -> str:
    """``#00703c`` → ``FF00703C``: opaque, as Excel writes a colour."""
    return "FF" + colour.removeprefix("#").upper()


def _write_table(sheet: Worksheet, table: SheetTable, styles: _Styles, marking: str) -> None:
    for column, heading in enumerate(table.headings, start=1):
        cell = _cell(sheet, 1, column)
        _put(cell, heading)
        cell.fill, cell.font = styles.fill(Tone.ACCENT), styles.font(Tone.ACCENT, bold=True)
    for row, line in enumerate(table.lines, start=2):
        for column, content in enumerate(line, start=1):
            _write_cell(_cell(sheet, row, column), content, styles)
    # An Excel table has at least one line under its header: with none, an empty one.
    last = get_column_letter(len(table.headings)) + str(max(len(table.lines), 1) + 1)
    excel_table = Table(displayName=table.name, ref=f"A1:{last}")
    excel_table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    sheet.add_table(excel_table)
    sheet.freeze_panes = "A2"
    _widths(sheet, table)
    _print_setup(sheet, marking)


def _write_cell(cell: Cell, content: SheetCell, styles: _Styles) -> None:
    _put(cell, content.value)
    cell.number_format = content.number_format
    if content.tone is not None:
        cell.fill, cell.font = styles.fill(content.tone), styles.font(content.tone)


def _widths(sheet: Worksheet, table: SheetTable) -> None:
    """Each column as wide as its heading (and filter button) or its widest cell as shown, within limits."""
    for index, heading in enumerate(table.headings):
        shown = [len(line[index].shown) for line in table.lines]
        width = max([len(heading) + FILTER_BUTTON, *(size + 1 for size in shown)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)


def _print_setup(sheet: Worksheet, marking: str) -> None:
    """Printed on A4 landscape with gridlines, the header row and the first column on every page, the
    protective marking at the top."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:A"  # the ref, on the pages that carry the columns to its right
    sheet.print_options.gridLines = True
    _marked(sheet, marking)


def _marked(sheet: Worksheet, marking: str) -> None:
    """The protective marking centred at the top of each printed page, the page number at the foot."""
    marking_text = marking.replace("&", "&&")  # "&" starts a header's code
    sheet.HeaderFooter.oddHeader = HeaderFooterItem(center=_HeaderFooterPart(text=marking_text))
    sheet.HeaderFooter.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(text="Page &P of &N"))


def _write_about(sheet: Worksheet, lines: tuple[KeyLine, ...], styles: _Styles) -> None:
    """What the workbook is, and the word of each fill beside it."""
    for row, line in enumerate(lines, start=1):
        label = _cell(sheet, row, 1)
        _put(label, line.label or None)
        label.alignment = Alignment(vertical="top")
        if line.text:  # a heading's cell beside it stays empty, so the heading runs on over it
            text = _cell(sheet, row, 2)
            _put(text, line.text)
            text.alignment = Alignment(wrap_text=True, vertical="top")
        if line.heading:
            label.font = _font(bold=True, size=13 if row == 1 else FONT_SIZE)
        if line.tone is not None:
            label.fill, label.font = styles.fill(line.tone), styles.font(line.tone)
    for column, width in enumerate(ABOUT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # one page wide, as long as it is
    assert sheet.sheet_properties.pageSetUpPr is not None  # openpyxl makes one with every sheet
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _properties(workbook: Workbook, report: Report, produced: str) -> None:
    """Title, subject (the period), creator (the organisation), language and keywords; stamped with the
    build's time, so two builds of the same inputs at the same time are the same bytes."""
    properties = workbook.properties
    properties.title = sheet_text(report.title)
    properties.subject = sheet_text(report.period_text)
    properties.creator = sheet_text(report.organisation)
    properties.lastModifiedBy = sheet_text(report.organisation)
    properties.language = LANGUAGE
    properties.keywords = sheet_text(f"performance scorecard, {report.organisation}, {report.period_text}")
    properties.created = properties.modified = produced_moment(produced)


def _saved(workbook: Workbook) -> bytes:
    """The workbook's zip. openpyxl's own ``save`` stamps the modified time with the clock, so its writer
    is used directly: the properties keep the build's time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
