"""Read a benchmarks file (``ref, benchmark, value[, year]``) that adds to the catalogue's values."""

from __future__ import annotations

from pathlib import Path

from scorecard_report.inputs.benchmarks import BenchmarkTable, BenchmarkValue
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import PeriodError
from scorecard_report.load.periods import parse_financial_year
from scorecard_report.load.tables import RawRow, read_table
from scorecard_report.problems import InputError, Problem, unknown_ref
from scorecard_report.rules.numbers import NumberError, checked_number, parse_number

REQUIRED = ("ref", "benchmark", "value")


def load_benchmarks(
    path: Path, catalogue: Catalogue, *, encoding: str = "utf-8", strict: bool = False
) -> BenchmarkTable:
    table = read_table(path, encoding)
    columns = {cell.text.strip().lower(): i for i, cell in table.header.cells.items()}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise InputError(
            [
                Problem(
                    path,
                    f"missing column(s) {', '.join(missing)}",
                    row=table.header.number,
                    hint="the header is ref,benchmark,value[,year]",
                )
            ]
        )
    reader = _BenchmarkReader(path, catalogue, columns, strict)
    for row in table.rows:
        if not row.is_blank:
            reader.read(row)
    if reader.errors:
        raise InputError(reader.errors)
    return BenchmarkTable(path, reader.values, tuple(reader.warnings))


class _BenchmarkReader:
    def __init__(self, path: Path, catalogue: Catalogue, columns: dict[str, int], strict: bool) -> None:
        self.path, self.catalogue, self.columns, self.strict = path, catalogue, columns, strict
        self.known = {source.id for source in catalogue.benchmarks}
        self.values: dict[tuple[str, str], BenchmarkValue] = {}
        self.rows: dict[tuple[str, str], int] = {}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def text(self, row: RawRow, column: str) -> str:
        index = self.columns.get(column)
        return "" if index is None else row.cell(index).text.strip()

    def read(self, row: RawRow) -> None:
        ref, benchmark_id = self.text(row, "ref"), self.text(row, "benchmark")
        if ref not in self.catalogue.refs:
            problem = unknown_ref(
                self.path, ref, row.number, self.catalogue.path, self.strict, "benchmark is"
            )
            (self.warnings if problem.warning else self.errors).append(problem)
            return
        if benchmark_id not in self.known:
            self.errors.append(
                Problem(
                    self.path,
                    f"unknown benchmark '{benchmark_id}'",
                    row=row.number,
                    ref=ref,
                    hint=f"use one of the catalogue's ids: {', '.join(sorted(self.known))}",
                )
            )
            return
        self._keep(row, ref, benchmark_id)

    def _keep(self, row: RawRow, ref: str, benchmark_id: str) -> None:
        cell = row.cell(self.columns["value"])
        try:
            value = (
                checked_number(cell.number, cell.text)
                if cell.number is not None
                else parse_number(cell.text)[0]
            )
        except NumberError as error:
            self.errors.append(
                Problem(self.path, str(error), row=row.number, ref=ref, place=cell.place, hint=error.hint)
            )
            return
        key = (ref, benchmark_id)
        if key in self.rows:
            self.errors.append(
                Problem(
                    self.path,
                    f"benchmark '{benchmark_id}' appears twice for this ref, in rows "
                    f"{self.rows[key]} and {row.number}",
                    row=row.number,
                    ref=ref,
                    hint="keep one row",
                )
            )
            return
        self.rows[key] = row.number
        year = self.text(row, "year") or None
        try:
            year_end = parse_financial_year(year, self.catalogue.calendar) if year else None
        except PeriodError as error:
            place = row.cell(self.columns["year"]).place
            self.errors.append(
                Problem(
                    self.path,
                    str(error),
                    row=row.number,
                    ref=ref,
                    place=place,
                    hint="the financial year the benchmark's figures are for, which says how old they are",
                )
            )
            return
        self.values[key] = BenchmarkValue(value, year, year_end)
