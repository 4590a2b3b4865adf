"""Values files as analysts really export them: byte-order marks, Windows encodings, numbers with
separators and signs, missing markers, text, duplicates, every period spelling, and Excel's own habits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fake_files import workbook

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, Run, scorecard, summary_rows, validate

HEADER = "ref,period,value\n"


def build_csv(tmp_path: Path, data: Path, *extra: str) -> tuple[Run, dict[str, dict[str, str]]]:
    """Build the small catalogue's summary for January 2023 from ``data``; its rows by ref."""
    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--period", "2023-01",
        "--format", "csv", "--out", out, *extra,
    )  # fmt: skip
    summary = out / f"{STEM}.csv"
    return run, summary_rows(summary) if summary.exists() else {}


def write(tmp_path: Path, content: str | bytes, name: str = "values.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# CSV -----------------------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_reads_like_without(tmp_path: Path) -> None:
    plain = SMALL_DATA.read_bytes()
    run, with_bom = build_csv(tmp_path, write(tmp_path, b"\xef\xbb\xbf" + plain))
    assert run.code == 0, run.err
    _, without = build_csv(tmp_path / "without", SMALL_DATA)
    assert with_bom == without
    assert with_bom["FD1"]["current"] == "1348"


def test_cp1252_without_encoding_is_an_error_with_the_hint(tmp_path: Path) -> None:
    data = write(tmp_path, (HEADER.replace("value", "value,note") + "FD1,2023-01,5,Café\n").encode("cp1252"))
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}:2: cannot read byte 0xe9 as utf-8 (the file is not UTF-8; if it was saved from "
        "Excel on Windows, try --encoding cp1252)"
    ]
    assert validate(SMALL_CATALOGUE, data, "--encoding", "cp1252").code == 0


def test_numbers_with_separators_signs_and_spaces_and_the_fraction_warning(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        HEADER
        + 'FD1,2022-12,"1,238"\nFD1,2023-01,1348\n'
        + "FD8,2022-12,0.93\nFD8,2023-01,93%\n"  # a fraction among percentages: kept, no warning
        + "CF5,2022-12, 93 \nCF5,2023-01,70.5\n"
        + "CLA9,2022-09,0.88\nCLA9,2022-12,0.94\n",  # every value at most 1: looks like fractions
    )
    run, rows = build_csv(tmp_path, data)
    assert run.code == 0, run.err
    assert (rows["FD1"]["previous_period"], rows["FD1"]["current"]) == ("1238", "1348")
    assert (rows["FD8"]["previous_period"], rows["FD8"]["current"]) == ("0.93", "93")
    assert (rows["CF5"]["previous_period"], rows["CF5"]["current"]) == ("93", "70.5")
    assert (rows["CLA9"]["previous_period"], rows["CLA9"]["current"]) == ("0.88", "0.94")
    assert run.warnings == [
        f"warning: {data}: ref CLA9: every value is 1 or less: these look like fractions, not percentages "
        "(percent indicators hold 0-100, e.g. 93 for 93%)"
    ]


def test_missing_markers_and_blanks_are_missing_never_zero(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        HEADER + "FD1,2023-01,Not Yet Available\nFD8,2023-01,N/A\nCF5,2023-01,-\nCLA1,2023-01,\n"
        "FD1,2022-12,5\n",
    )
    run, rows = build_csv(tmp_path, data)
    assert run.code == 0, run.err
    for ref in ("FD1", "FD8", "CF5", "CLA1"):
        assert (rows[ref]["current"], rows[ref]["status"], rows[ref]["direction"]) == ("", "none", "none")


def test_text_in_a_value_cell_is_an_error_naming_row_and_ref(tmp_path: Path) -> None:
    data = write(tmp_path, HEADER + "FD1,2023-01,5\nFD8,2023-01,abc\n")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}: row 3: ref FD8: 'abc' is not a number (write a number, leave it empty, or use a "
        "missing marker (Not Yet Available, NYA, N/A, n/a, -, –))"
    ]


def test_the_same_ref_and_period_twice_is_an_error_naming_both_rows(tmp_path: Path) -> None:
    data = write(tmp_path, HEADER + "FD1,2023-01,5\nFD8,2023-01,90\nFD1,Jan-23,6\n")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}: row 4: ref FD1: Jan 2023 appears twice for this ref, in rows 2 and 4 "
        "(keep one row: values are never silently overwritten)"
    ]


@pytest.mark.parametrize("written", ["Jan-23", "2023-01", "2023-01-31"])
def test_each_spelling_of_january_2023_is_january_2023(tmp_path: Path, written: str) -> None:
    run, rows = build_csv(tmp_path, write(tmp_path, HEADER + f"FD1,{written},1348\n"))
    assert run.code == 0, run.err
    assert (rows["FD1"]["period"], rows["FD1"]["current"]) == ("2023-01", "1348")


def test_a_day_month_date_is_refused_as_ambiguous(tmp_path: Path) -> None:
    data = write(tmp_path, HEADER + "FD1,2023-01,5\nFD1,01/02/2023,6\n")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}: row 3: ref FD1: '01/02/2023' is ambiguous (day/month or month/day?); "
        "write it as 2023-01 or Jan-23"
    ]


def test_a_value_after_the_report_period_is_never_shown(tmp_path: Path) -> None:
    # small.csv already dates 012's £999 to March 2023; a February FD1 of 7,777 is added.
    data = write(tmp_path, SMALL_DATA.read_text(encoding="utf-8") + "FD1,2023-02,7777,,,\n")
    out = tmp_path / "out"
    run = scorecard(
        "build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--period", "2023-01",
        "--format", "csv,html", "--out", out,
    )  # fmt: skip
    assert run.code == 0, run.err
    summary = (out / f"{STEM}.csv").read_text(encoding="utf-8")
    html = (out / f"{STEM}.html").read_text(encoding="utf-8")
    rows = summary_rows(out / f"{STEM}.csv")
    assert (rows["012"]["period"], rows["012"]["current"]) == ("2022-03", "1250000")
    assert rows["FD1"]["current"] == "1348"
    assert "999" not in summary and "7777" not in summary
    assert "£999" not in html and "7,777" not in html and "Feb 2023" not in html


# XLSX ----------------------------------------------------------------------------------------


def test_percentage_formatted_cells_read_as_percentages(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "period", "value"], ["FD8", "2023-01", 0.934], ["FD1", "2023-01", 1348]])
    book["Values"]["C2"].number_format = "0.0%"
    book.save(path)
    run, rows = build_csv(tmp_path, path)
    assert run.code == 0, run.err
    assert (rows["FD8"]["current"], rows["FD1"]["current"]) == ("93.4", "1348")


def test_date_typed_period_cells_are_their_month(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["FD1", dt.datetime(2023, 1, 31), 1348]])
    run, rows = build_csv(tmp_path, path)
    assert run.code == 0, run.err
    assert (rows["FD1"]["period"], rows["FD1"]["current"]) == ("2023-01", "1348")


def test_a_formula_with_no_saved_value_is_an_error_naming_sheet_and_cell(tmp_path: Path) -> None:
    # openpyxl saves a formula without its result, as a workbook never opened in Excel would be.
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["FD1", "2023-01", 1348], ["FD8", "2023-01", "=A1*2"]])
    run = validate(SMALL_CATALOGUE, path)
    assert run.code == 65
    assert run.errors == [
        f"error: {path}: row 3 (sheet 'Values' cell C3): a formula with no saved value "
        "(open the file in Excel and save it, or paste the values)"
    ]


def test_a_hidden_sheet_is_skipped_for_the_first_visible_one(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "period", "value"], ["FD1", "2023-01", 999]], title="Lookups")
    book["Lookups"].sheet_state = "hidden"
    visible = book.create_sheet("Values")
    visible.append(["ref", "period", "value"])
    visible.append(["FD1", "2023-01", 1348])
    book.save(path)
    run, rows = build_csv(tmp_path, path)
    assert run.code == 0, run.err
    assert rows["FD1"]["current"] == "1348"


def test_a_merged_header_over_values_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    book = workbook(path, [["ref", "2022-12", None], ["FD1", 1196, 1348]])
    book["Values"].merge_cells("B1:C1")
    book.save(path)
    run = validate(SMALL_CATALOGUE, path)
    assert run.code == 65
    assert run.errors == [
        f"error: {path}: row 1 (sheet 'Values' cell C1): column 3 has values but no header (a merged or "
        "empty header cell) (give every period column its own header)"
    ]
