"""Raw tables from CSV or XLSX: cells with where they came from, before any meaning is given."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from scorecard_report.load.text_files import decode, read_bytes
from scorecard_report.problems import InputError, Problem

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Cell:
    """One cell: typed where a spreadsheet typed it, text otherwise."""

    text: str
    number: Decimal | None = None
    date: dt.date | None = None
    percent_format: bool = False
    place: str | None = None


@dataclass(frozen=True)
class RawRow:
    number: int
    cells: tuple[Cell, ...]

    def cell(self, column: int) -> Cell:
        return self.cells[column] if column < len(self.cells) else Cell("")

    @property
    def is_blank(self) -> bool:
        return all(not cell.text.strip() and cell.number is None and cell.date is None for cell in self.cells)


@dataclass(frozen=True)
class RawTable:
    path: Path
    header: RawRow
    rows: tuple[RawRow, ...]
    sheet: str | None = None


def read_table(path: Path, encoding: str = "utf-8") -> RawTable:
    """Read a CSV or XLSX file; the header is the first row with a ``ref`` column."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, encoding)
    raise InputError([Problem(path, f"cannot read '{suffix}' files", hint="give a .csv or .xlsx file")])


def _read_csv(path: Path, encoding: str) -> RawTable:
    text = decode(path, read_bytes(path, "values file"), encoding)
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    rows = []
    try:
        for record in reader:
            rows.append(RawRow(reader.line_num, tuple(Cell(value) for value in record)))
    except csv.Error as error:
        raise InputError([Problem(path, f"not a valid CSV file: {error}", line=reader.line_num)]) from None
    return _with_header(path, rows, None)


def _with_header(path: Path, rows: list[RawRow], sheet: str | None) -> RawTable:
    where = f"sheet '{sheet}'" if sheet else None
    if all(row.is_blank for row in rows):
        raise InputError(
            [Problem(path, "the file is empty", place=where, hint="export the values again, with a header")]
        )
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(cell.text.strip().lower() == "ref" for cell in row.cells):
            return RawTable(path, row, tuple(rows[index + 1 :]), sheet)
    raise InputError(
        [
            Problem(
                path,
                "no header row with a 'ref' column in the first 10 rows",
                place=where,
                hint="the header needs ref, then period and value (long form) or one "
                "column per period (wide form)",
            )
        ]
    )


def _read_xlsx(path: Path) -> RawTable:
    import openpyxl

    read_bytes(path, "values file")
    try:
        values = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise InputError(
            [
                Problem(
                    path,
                    f"cannot open as an Excel workbook: {error}",
                    hint="save it again from Excel as .xlsx",
                )
            ]
        ) from None
    sheet = next((ws for ws in values.worksheets if ws.sheet_state == "visible"), None)
    if sheet is None:
        raise InputError([Problem(path, "the workbook has no visible sheet")])
    problems: list[Problem] = []
    rows = [_xlsx_row(path, sheet, formulas[sheet.title], row, problems) for row in sheet.iter_rows()]
    if problems:
        raise InputError(problems)
    return _with_header(path, rows, sheet.title)


def _xlsx_row(
    path: Path, sheet: object, formula_sheet: object, row: tuple[object, ...], problems: list[Problem]
) -> RawRow:
    cells = []
    number = 0
    for cell in row:
        number = cell.row  # type: ignore[attr-defined]
        place = f"sheet '{sheet.title}' cell {cell.coordinate}"  # type: ignore[attr-defined]
        formula = formula_sheet[cell.coordinate]  # type: ignore[index]
        if cell.value is None and formula.data_type == "f":  # type: ignore[attr-defined]
            problems.append(
                Problem(
                    path,
                    "a formula with no saved value",
                    row=number,
                    place=place,
                    hint="open the file in Excel and save it, or paste the values",
                )
            )
        cells.append(_xlsx_cell(cell, place))
    return RawRow(number, tuple(cells))


def _xlsx_cell(cell: object, place: str) -> Cell:
    value = cell.value  # type: ignore[attr-defined]
    percent = "%" in str(cell.number_format)  # type: ignore[attr-defined]
    if isinstance(value, bool):
        return Cell(str(value), place=place)
    if isinstance(value, dt.datetime | dt.date):
        return Cell(value.isoformat(), date=value, place=place)
    if isinstance(value, int | float):
        return Cell(repr(value), number=Decimal(repr(value)), percent_format=percent, place=place)
    return Cell("" if value is None else str(value), place=place)
