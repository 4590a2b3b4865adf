"""Numbers no council figure needs, in every place a number is read (issue 12, point 9): each refused at load
time naming the file, the row or line and the ref, so that whatever ``validate`` accepts, ``build`` can use.

The limits (``rules/numbers.py``): finite, smaller than 10^15, at most 28 significant digits, and no
exponent notation in text. A workbook's number cells are read at Excel's 15 significant digits.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from fake_files import workbook
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, scorecard, summary_rows, validate

FORTY_DIGITS = "1234567890123456789012345678901234567890"
MARKERS = "write a number, leave it empty, or use a missing marker (Not Yet Available, NYA, N/A, n/a, -, –)"
EXPONENT = (
    "is in exponent notation (write the number out in full: Excel shows large numbers this way in a narrow "
    "column, and the digits it leaves out are lost)"
)
TOO_LARGE = (
    "is too large: numbers must be smaller than 10^15 (1,000,000,000,000,000) (check the cell: a "
    "spreadsheet cannot hold a number this large exactly)"
)
NOT_FINITE = "is not a finite number (write a number, or leave the cell empty)"
REFUSED_TEXT = [
    ("1e400", f"'1e400' {EXPONENT}"),
    ("-1e400", f"'-1e400' {EXPONENT}"),
    ("1E+5", f"'1E+5' {EXPONENT}"),
    ("NaN", f"'NaN' is not a number ({MARKERS})"),
    ("inf", f"'inf' is not a number ({MARKERS})"),
    (FORTY_DIGITS, f"'{FORTY_DIGITS}' {TOO_LARGE}"),
    ("1,000,000,000,000,000", f"'1,000,000,000,000,000' {TOO_LARGE}"),
    (
        "0.12345678901234567890123456789",
        "'0.12345678901234567890123456789' has 29 significant digits; at most 28 are kept (round it to 15 "
        "significant digits, as Excel does)",
    ),
]


def long_form(rows: list[list[str]], header: tuple[str, ...] = ("ref", "period", "value")) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([header, *rows])
    return text.getvalue()


@pytest.mark.parametrize(("written", "message"), REFUSED_TEXT, ids=[text for text, _ in REFUSED_TEXT])
def test_a_csv_value_beyond_the_limits_is_refused_naming_row_and_ref(
    tmp_path: Path, written: str, message: str
) -> None:
    data = tmp_path / "values.csv"
    data.write_text(long_form([["FD1", "2023-01", "1348"], ["FD1", "2022-12", written]]), encoding="utf-8")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [f"error: {data}: row 3: ref FD1: {message}"]


def test_the_largest_values_within_the_limits_build(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    rows = [["FD1", "2023-01", "999,999,999,999,999"], ["FD8", "2023-01", "0.30000000000000004"]]
    data.write_text(long_form(rows), encoding="utf-8")
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--format", "csv", "--out", out)
    assert run.code == 0, run.err
    summary = summary_rows(out / f"{STEM}.csv")
    assert (summary["FD1"]["current"], summary["FD8"]["current"]) == (
        "999999999999999",
        "0.30000000000000004",
    )


def test_a_ratio_beyond_the_limits_is_refused_naming_row_and_ref(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    header = ("ref", "period", "value", "numerator", "denominator")
    data.write_text(long_form([["CLA1", "2023-01", "", "999999999", "0.000001"]], header), encoding="utf-8")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [
        f"error: {data}: row 2: ref CLA1: numerator/denominator (999999999/0.000001) gives 10^15 or more "
        "(check the numerator and denominator)"
    ]


def workbook_with_raw_values(path: Path, written: list[str]) -> None:
    """A workbook of FD1's values, each number cell's saved text replaced by ``written`` as it stands."""
    rows: list[list[object]] = [["ref", "period", "value"], ["FD1", "2023-01", 1348]]
    rows += [["FD1", f"2022-{12 - index:02d}", 111_111 + index] for index in range(len(written))]
    workbook(path, rows)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for index, text in enumerate(written):
        sheet = sheet.replace(f"<v>{111_111 + index}</v>", f"<v>{text}</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_xlsx_number_cells_beyond_the_limits_are_refused_naming_cell_and_ref(tmp_path: Path) -> None:
    path = tmp_path / "values.xlsx"
    workbook_with_raw_values(path, ["1e400", "-1e400", "NaN", "inf", FORTY_DIGITS, "1e300"])
    run = validate(SMALL_CATALOGUE, path)
    assert run.code == 65
    where = [f"error: {path}: row {row} (sheet 'Values' cell C{row}): ref FD1:" for row in range(3, 9)]
    assert run.errors == [
        f"{where[0]} 'inf' {NOT_FINITE}",
        f"{where[1]} '-inf' {NOT_FINITE}",
        f"{where[2]} 'NaN' is not a number ({MARKERS})",
        f"{where[3]} 'inf' is not a number ({MARKERS})",
        f"{where[4]} '{FORTY_DIGITS}' {TOO_LARGE}",
        f"{where[5]} '1e+300' {TOO_LARGE}",
    ]


def test_xlsx_text_in_exponent_notation_is_refused_and_floats_read_as_excel_shows_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "values.xlsx"
    workbook(path, [["ref", "period", "value"], ["FD1", "2023-01", 0.1 + 0.2], ["FD1", "2022-12", "1E+5"]])
    run = validate(SMALL_CATALOGUE, path)
    assert run.errors == [f"error: {path}: row 3 (sheet 'Values' cell C3): ref FD1: '1E+5' {EXPONENT}"]
    workbook(path, [["ref", "period", "value"], ["FD1", "2023-01", 0.1 + 0.2], ["FD8", "2023-01", 90]])
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", SMALL_CATALOGUE, "--data", path, "--format", "csv", "--out", out)
    assert run.code == 0, run.err
    assert summary_rows(out / f"{STEM}.csv")["FD1"]["current"] == "0.3"  # not 0.30000000000000004


NOT_A_TARGET = (
    "is not a target; write it as one of 85%, >65%, >=65, Above 65, <7%, <=7, Below 7, 85-90% or 16 - 18"
)


@pytest.mark.parametrize(
    ("key", "written", "message"),
    [
        ("target", "1e400", f"'1e400' {NOT_A_TARGET}"),
        ("target", "NaN", f"'NaN' {NOT_A_TARGET}"),
        (
            "target",
            FORTY_DIGITS,
            f"'{FORTY_DIGITS}' is too large: numbers must be smaller than 10^15 (1,000,000,000,000,000)",
        ),
        ("tolerance", "1E+5", f"'1E+5' {EXPONENT}"),
        ("multiplier", FORTY_DIGITS, f"'{FORTY_DIGITS}' {TOO_LARGE}"),
    ],
)
def test_a_catalogue_number_beyond_the_limits_is_refused_naming_line_and_ref(
    tmp_path: Path, key: str, written: str, message: str
) -> None:
    text = SMALL_CATALOGUE.read_text(encoding="utf-8")
    cla1 = {
        "target": '        target: "<=70"\n',
        "tolerance": "        tolerance: 2\n",
        "multiplier": "        multiplier: 10000\n",
    }
    assert text.count(cla1[key]) == 1
    text = text.replace(cla1[key], f'        {key}: "{written}"\n')
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f'        {key}: "{written}"') + 1
    run = validate(catalogue)
    assert run.code == 65
    assert run.errors == [f"error: {catalogue}:{line}: ref CLA1: {message}"]


def test_a_benchmarks_file_value_beyond_the_limits_is_refused_naming_row_and_ref(tmp_path: Path) -> None:
    benchmarks = tmp_path / "benchmarks.csv"
    benchmarks.write_text(f"ref,benchmark,value\nFD8,region,80\nFD8,england,{FORTY_DIGITS}\n", "utf-8")
    run = validate(SMALL_CATALOGUE, SMALL_DATA, "--benchmarks", benchmarks)
    assert run.code == 65
    assert run.errors == [f"error: {benchmarks}: row 3: ref FD8: '{FORTY_DIGITS}' {TOO_LARGE}"]


# --- whatever validate accepts, build can use -------------------------------------------------------

signs = st.sampled_from(["", "-", "+"])
digits = st.integers(1, 40)  # as likely to be 30 digits long as 3: past 10^15 and past 28 digits
number_texts = st.one_of(
    st.from_regex(re.compile(r"[-+]?[0-9]{1,32}(\.[0-9]{1,32})?%?"), fullmatch=True),
    st.builds("{}{}".format, signs, digits.flatmap(lambda n: st.integers(10 ** (n - 1), 10**n - 1))),
    st.integers(-(10**20), 10**20).map(lambda n: f"{n:,}"),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),  # 1E+400, NaN, sNaN, Infinity, 1.5E-7
    st.floats().map(repr),  # 1e+300, 5e-324, inf, nan
    st.text(alphabet="0123456789.,-+eE% ", max_size=24),
)
AS_BUILT = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build_accepts_what_validate_accepts(data: Path, folder: Path) -> None:
    checked = validate(SMALL_CATALOGUE, data)
    assert checked.code in (0, 65), checked.err
    if checked.code == 0:
        run = scorecard(
            "build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--period", "2023-01",
            "--format", "csv", "--out", folder / "out",
        )  # fmt: skip
        assert run.code == 0, run.err


PLACES = {
    "a count's value": ("FD1", 2),
    "a percentage's value": ("FD8", 2),
    "a rate's numerator": ("CLA1", 3),
    "a rate's denominator": ("CLA1", 4),
}


@AS_BUILT
@given(written=number_texts, place=st.sampled_from(sorted(PLACES)))
@example(written=FORTY_DIGITS, place="a count's value")
@example(written="1" + "0" * 28, place="a rate's numerator")
def test_any_number_text_validate_accepts_builds(written: str, place: str) -> None:
    rows = [
        ["FD1", "2023-01", "1348", "", ""],
        ["FD8", "2023-01", "93", "", ""],
        ["CLA1", "2023-01", "", "145", "20000"],  # a rate: numerator / denominator × 10,000
    ]
    ref, column = PLACES[place]
    next(row for row in rows if row[0] == ref)[column] = written
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "values.csv"
        data.write_text(long_form(rows, ("ref", "period", "value", "numerator", "denominator")), "utf-8")
        build_accepts_what_validate_accepts(data, Path(folder))


cell_values = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(10**20), 10**20),
    st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: abs(d.adjusted()) < 400),
    number_texts,
)


@settings(AS_BUILT, max_examples=40)  # a workbook is written and read for each
@given(value=cell_values, ref=st.sampled_from(["FD1", "FD8"]), percent_format=st.booleans())
@example(value=10**40, ref="FD1", percent_format=False)
def test_any_xlsx_cell_validate_accepts_builds(value: object, ref: str, percent_format: bool) -> None:
    rows: list[list[object]] = [["ref", "period", "value"], ["FD1", "2023-01", 1348], ["FD8", "2023-01", 93]]
    row = next(row for row in rows if row[0] == ref)
    row[2] = value
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "values.xlsx"
        book = workbook(data, rows)
        if percent_format:  # a percentage cell of a percent indicator is read × 100
            book["Values"].cell(rows.index(row) + 1, 3).number_format = "0.0%"
            book.save(data)
        build_accepts_what_validate_accepts(data, Path(folder))
