"""Reading values from Excel workbooks: typed cells, dates, formulas, hidden sheets and bad headers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from fake_files import workbook

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.values import load_values
from scorecard_report.problems import InputError, Problem


def read(path: Path, catalogue: Catalogue) -> ValueTable:
    return load_values(path, catalogue)


def errors(path: Path, catalogue: Catalogue) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read(path, catalogue)
    return [problem for problem in caught.value.problems if not problem.warning]


def test_long_form(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["C1", "2023-01", 1238], ["C1", "Feb-23", "1,240"]])
    assert read(path, values_catalogue).series("C1") == {
        Month(2023, 1): Decimal(1238),
        Month(2023, 2): Decimal(1240),
    }


def test_wide_form(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(
        path,
        [["ref", "title", "2022-12", "2023-01"], ["C1", "A count", 5, 6], ["P1", "A percentage", 90.5, 93]],
    )
    table = read(path, values_catalogue)
    assert table.series("C1") == {Month(2022, 12): Decimal(5), Month(2023, 1): Decimal(6)}
    assert table.series("P1") == {Month(2022, 12): Decimal("90.5"), Month(2023, 1): Decimal(93)}


def test_float_cells_read_as_the_number_excel_shows(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["R1", "2023-01", 72.5], ["R1", "2023-02", 0.1 + 0.2]])
    series = read(path, values_catalogue).series("R1")
    assert series[Month(2023, 1)] == Decimal("72.5")
    assert series[Month(2023, 2)] is not None
    assert abs(series[Month(2023, 2)] - Decimal("0.3")) < Decimal("1e-9")  # type: ignore[operator]


@pytest.mark.parametrize("number_format", ["0%", "0.0%", "0.00%"])
def test_percentage_formatted_cell_reads_as_a_percentage(
    tmp_path: Path, values_catalogue: Catalogue, number_format: str
) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "period", "value"], ["P1", "2023-01", 0.93], ["P1", "2023-02", 0.875]])
    sheet = book.active
    assert sheet is not None
    sheet["C2"].number_format = number_format
    sheet["C3"].number_format = number_format
    book.save(path)
    table = read(path, values_catalogue)
    assert table.series("P1") == {Month(2023, 1): Decimal(93), Month(2023, 2): Decimal("87.5")}
    assert table.warnings == ()


def test_percentage_formatted_cell_in_wide_form(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "2023-01"], ["P1", 0.93]])
    sheet = book.active
    assert sheet is not None
    sheet["B2"].number_format = "0%"
    book.save(path)
    assert read(path, values_catalogue).series("P1") == {Month(2023, 1): Decimal(93)}


def test_percent_text_in_a_cell(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["P1", "2023-01", "93%"], ["P1", "2023-02", " 91 "]])
    assert read(path, values_catalogue).series("P1") == {
        Month(2023, 1): Decimal(93),
        Month(2023, 2): Decimal(91),
    }


def test_date_typed_period_cells_in_long_form(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    rows = [
        ["ref", "period", "value"],
        ["C1", dt.datetime(2023, 1, 31), 5],
        ["C1", dt.date(2023, 2, 1), 6],
        ["Q1", dt.datetime(2022, 12, 31), 80],
    ]
    workbook(path, rows)
    table = read(path, values_catalogue)
    assert table.series("C1") == {Month(2023, 1): Decimal(5), Month(2023, 2): Decimal(6)}
    assert table.series("Q1") == {Month(2022, 12): Decimal(80)}


def test_date_typed_header_cells_in_wide_form(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(
        path, [["ref", dt.datetime(2022, 12, 1), dt.datetime(2023, 1, 31)], ["C1", 5, 6], ["P1", 90, 93]]
    )
    table = read(path, values_catalogue)
    assert table.series("C1") == {Month(2022, 12): Decimal(5), Month(2023, 1): Decimal(6)}
    assert table.series("P1") == {Month(2022, 12): Decimal(90), Month(2023, 1): Decimal(93)}


def test_missing_markers_and_empty_cells(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    rows = [
        ["ref", "period", "value"],
        ["C1", "2023-01", "NYA"],
        ["C1", "2023-02", None],
        ["C1", "2023-03", "–"],
    ]
    workbook(path, rows)
    series = read(path, values_catalogue).series("C1")
    assert all(series.get(Month(2023, month)) is None for month in (1, 2, 3))


def test_text_in_a_value_cell_names_sheet_and_cell(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["C1", "2023-01", 5], ["C1", "2023-02", "lots"]])
    [problem] = errors(path, values_catalogue)
    assert problem.row == 3
    assert "lots" in str(problem)
    assert "sheet 'Values' cell C3" in str(problem)


def test_formula_without_a_cached_value_is_an_error_naming_sheet_and_cell(
    tmp_path: Path, values_catalogue: Catalogue
) -> None:
    path = tmp_path / "values.xlsx"
    # openpyxl saves formulas without a cached result, as a workbook never opened in Excel would be.
    workbook(path, [["ref", "period", "value"], ["C1", "2023-01", "=A1+1"], ["C1", "2023-02", 7]])
    problems = errors(path, values_catalogue)
    assert len(problems) == 1
    assert "sheet 'Values' cell C2" in str(problems[0])
    assert "values.xlsx" in str(problems[0])


def test_every_formula_without_a_value_is_reported(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "2023-01", "2023-02"], ["C1", "=1+1", 3], ["P1", 4, "=SUM(B2:B3)"]], title="Data")
    printed = [str(problem) for problem in errors(path, values_catalogue)]
    assert len(printed) == 2
    assert any("sheet 'Data' cell B2" in text for text in printed)
    assert any("sheet 'Data' cell C3" in text for text in printed)


def test_hidden_first_sheet_is_skipped(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Lookups"
    notes.append(["ref", "period", "value"])
    notes.append(["C1", "2023-01", 999])
    notes.sheet_state = "hidden"
    values = book.create_sheet("Values")
    values.append(["ref", "period", "value"])
    values.append(["C1", "2023-01", 5])
    book.save(path)
    assert read(path, values_catalogue).series("C1") == {Month(2023, 1): Decimal(5)}


def test_notes_above_the_header_are_skipped(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["Monthly values, Test Council"], [], ["ref", "period", "value"], ["C1", "2023-01", 5]])
    table = read(path, values_catalogue)
    assert table.series("C1") == {Month(2023, 1): Decimal(5)}
    assert [o.row for o in table.observations] == [4]


def test_merged_header_over_a_column_with_data_is_a_clear_error(
    tmp_path: Path, values_catalogue: Catalogue
) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "2023-01", None], ["C1", 5, 6]])
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("B1:C1")
    book.save(path)
    problems = errors(path, values_catalogue)
    assert len(problems) == 1
    printed = str(problems[0])
    assert "header" in printed
    assert "C1" in printed or "column 3" in printed


def test_empty_header_over_a_column_with_data_is_a_clear_error(
    tmp_path: Path, values_catalogue: Catalogue
) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "2023-01", None, "2023-03"], ["C1", 5, 6, 7]])
    problems = errors(path, values_catalogue)
    assert len(problems) == 1
    printed = str(problems[0])
    assert "header" in printed
    assert "C1" in printed or "column 3" in printed


def test_empty_header_over_an_empty_column_is_fine(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "2023-01", None, "2023-03"], ["C1", 5, None, 7]])
    assert read(path, values_catalogue).series("C1") == {
        Month(2023, 1): Decimal(5),
        Month(2023, 3): Decimal(7),
    }


def test_xlsx_duplicate_is_an_error_naming_both_rows(tmp_path: Path, values_catalogue: Catalogue) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["C1", "2023-01", 5], ["C1", dt.datetime(2023, 1, 31), 6]])
    [problem] = errors(path, values_catalogue)
    assert problem.row == 3
    assert "2" in problem.message
