"""Cells of one sheet of an XLSX workbook, read in one streaming pass over the cells that exist.

A sheet's ``<dimension>`` (its "used range") may claim ``A1:XFD1048576`` because one formatted cell sits
far away, and openpyxl's read-only rows are padded to it: iterating them would visit 17 billion cells.
So the sheet's XML is streamed through openpyxl's own read-only parser, which yields only the ``<c>``
elements written, and a cell with no value (formatted, or part of a merged range) is skipped. The
parser is told to keep the saved values (``data_only``), and notes from the same element whether the
cell holds a formula, so a formula with no saved value is found in the same single pass.

Imported only when a workbook is read: openpyxl takes a while to import, and a CSV build never needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils import coordinate_to_tuple
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

from scorecard_report.load.tables import Cell, RawRow
from scorecard_report.messages import log
from scorecard_report.problems import InputError, Problem, UsageError
from scorecard_report.rules.numbers import number_from_float


class _CellParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, noting whether a cell holds a formula (``data_only`` drops it)."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        try:
            cell: dict[str, Any] = super().parse_cell(element)
        except ValueError:
            # A number openpyxl cannot read ("NaN", "inf"): kept as text, to be refused with its row and ref.
            coordinate = element.get("r")
            row, column = (
                coordinate_to_tuple(coordinate) if coordinate else (self.row_counter, self.col_counter)
            )
            text = element.findtext(VALUE_TAG)
            cell = {"row": row, "column": column, "value": text, "data_type": "s", "style_id": 0}
        cell["formula"] = element.find(FORMULA_TAG) is not None
        return cell


@dataclass(frozen=True)
class SheetRows:
    title: str
    rows: list[RawRow]


def read_sheet(path: Path, sheet: str | None) -> SheetRows:
    """The rows of ``sheet`` (by default the first visible one) that hold at least one value."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise _cannot_open(path, error) from None
    try:
        chosen = _chosen_sheet(path, book, sheet)
        log.info("reading sheet '%s' of %s", chosen.title, path)
        problems: list[Problem] = []
        try:
            rows = [row for row in _rows(path, book, chosen, problems) if row.cells]
        except Exception as error:  # a damaged sheet fails part-way, with whatever openpyxl or XML raise
            raise _cannot_open(path, error, f"sheet '{chosen.title}'") from None
    finally:
        book.close()
    if problems:
        raise InputError(problems)
    return SheetRows(chosen.title, rows)


def _cannot_open(path: Path, error: Exception, place: str | None = None) -> InputError:
    problem = Problem(
        path,
        f"cannot open as an Excel workbook: {error}",
        place=place,
        hint="save it again from Excel as .xlsx",
    )
    return InputError([problem])


def _chosen_sheet(path: Path, book: Workbook, name: str | None) -> ReadOnlyWorksheet:
    sheets: list[ReadOnlyWorksheet] = list(book.worksheets)
    if name is None:
        visible = next((sheet for sheet in sheets if sheet.sheet_state == "visible"), None)
        if visible is None:
            raise InputError([Problem(path, "the workbook has no visible sheet", hint="give --sheet NAME")])
        return visible
    # Excel refuses two sheet names that differ only in case, so a case-blind match is never ambiguous.
    found = next((sheet for sheet in sheets if sheet.title.casefold() == name.casefold()), None)
    if found is None:
        listed = ", ".join(
            f"'{sheet.title}'" + ("" if sheet.sheet_state == "visible" else f" ({sheet.sheet_state})")
            for sheet in sheets
        )
        raise UsageError(f"{path} has no sheet '{name}'; its sheets are {listed}")
    return found


def _rows(path: Path, book: Workbook, sheet: ReadOnlyWorksheet, problems: list[Problem]) -> Iterator[RawRow]:
    # The same arguments openpyxl's own ReadOnlyWorksheet passes to this parser; they are private, so
    # typed loosely here (openpyxl is pinned below 3.2 for them).
    internal: Any = sheet
    workbook: Any = book
    with internal._get_source() as source:
        parser = _CellParser(
            source,
            internal._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        percent_styles: dict[int, bool] = {}
        for number, parsed in parser.parse():
            cells: dict[int, Cell] = {}
            for raw in parsed:
                if raw["value"] is None and not raw["formula"]:
                    continue  # formatted or merged, but empty: nothing to read
                cell = ReadOnlyCell(
                    sheet, raw["row"], raw["column"], raw["value"], raw["data_type"], raw["style_id"]
                )
                place = f"sheet '{sheet.title}' cell {cell.coordinate}"
                if raw["value"] is None:
                    problems.append(
                        Problem(
                            path,
                            "a formula with no saved value",
                            row=number,
                            place=place,
                            hint="open the file in Excel and save it, or paste the values",
                        )
                    )
                    continue
                style = raw["style_id"]
                if style not in percent_styles:
                    percent_styles[style] = "%" in str(cell.number_format)
                cells[raw["column"] - 1] = _cell(raw["value"], percent_styles[style], place)
            yield RawRow(number, cells)


def _cell(value: object, percent: bool, place: str) -> Cell:
    if isinstance(value, bool):
        return Cell(str(value), place=place)
    if isinstance(value, dt.datetime | dt.date):
        return Cell(value.isoformat(), date=value, place=place)
    if isinstance(value, float):
        number, text = number_from_float(value)
        return Cell(text, number=number, percent_format=percent, place=place)
    if isinstance(value, int):
        return Cell(str(value), number=Decimal(value), percent_format=percent, place=place)
    return Cell(str(value), place=place)
