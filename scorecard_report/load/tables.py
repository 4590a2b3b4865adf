"""Raw tables from CSV or XLSX: cells with where they came from, before any meaning is given."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from scorecard_report.load.text_files import decode, read_bytes
from scorecard_report.load.zip_limits import check_zip
from scorecard_report.problems import InputError, Problem, UsageError

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Cell:
    """One cell: typed where a spreadsheet typed it, text otherwise."""

    text: str
    number: Decimal | None = None
    date: dt.date | None = None
    percent_format: bool = False
    place: str | None = None


_EMPTY = Cell("")


@dataclass(frozen=True)
class RawRow:
    """One row's cells by column (0 for A): a spreadsheet's empty cells are absent, so a row costs what
    it holds, however far to the right its last cell is."""

    number: int
    cells: Mapping[int, Cell]

    @classmethod
    def of(cls, number: int, cells: Iterable[Cell]) -> RawRow:
        return cls(number, dict(enumerate(cells)))

    def cell(self, column: int) -> Cell:
        return self.cells.get(column, _EMPTY)

    @property
    def is_blank(self) -> bool:
        return all(not c.text.strip() and c.number is None and c.date is None for c in self.cells.values())


@dataclass(frozen=True)
class RawTable:
    path: Path
    header: RawRow
    rows: tuple[RawRow, ...]
    sheet: str | None = None

    @cached_property
    def columns(self) -> tuple[int, ...]:
        """Every column with a cell in the header or any row, in order."""
        return tuple(sorted({*self.header.cells, *(column for row in self.rows for column in row.cells)}))

    def place(self, row: RawRow, column: int) -> str | None:
        """Where a cell is, for a message: its sheet and cell in a workbook, nothing more in a CSV."""
        cell = row.cells.get(column)
        if cell is not None and cell.place is not None:
            return cell.place
        return f"sheet '{self.sheet}' cell {column_letters(column)}{row.number}" if self.sheet else None


def column_letters(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA: a column as Excel names it."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_table(path: Path, encoding: str = "utf-8", sheet: str | None = None) -> RawTable:
    """Read a CSV or XLSX file (``sheet`` of a workbook, by default its first visible one); the header is
    the first row with a ``ref`` column."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet is not None:
            raise UsageError(
                f"sheet '{sheet}' named, but {path} is a {suffix[1:].upper()} file, which has no sheets: "
                "name a sheet only for an XLSX file"
            )
        return _read_csv(path, encoding)
    raise InputError([Problem(path, f"cannot read '{suffix}' files", hint="give a .csv or .xlsx file")])


def _read_csv(path: Path, encoding: str) -> RawTable:
    text = decode(path, read_bytes(path, "values file"), encoding)
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    rows = []
    try:
        for record in reader:
            rows.append(RawRow.of(reader.line_num, (Cell(value) for value in record)))
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
        if any(cell.text.strip().lower() == "ref" for cell in row.cells.values()):
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


def _read_xlsx(path: Path, sheet: str | None) -> RawTable:
    read_bytes(path, "values file")  # a missing or unreadable file says so, as for a CSV
    # Every part counts towards the limits, not only the sheet read: openpyxl's read-only load still
    # parses each sheet's XML up to its <dimension>, and every picture of a chartsheet.
    check_zip(path, "values workbook")
    from scorecard_report.load.xlsx import read_sheet  # openpyxl is slow to import; CSV builds skip it

    read = read_sheet(path, sheet)
    return _with_header(path, read.rows, read.title)
