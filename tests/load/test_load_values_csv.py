"""Reading values from CSV: long and wide forms, every period spelling, numbers, missing markers, errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.problems import InputError, Problem

Write = Callable[..., Path]


def read(write_file: Write, catalogue: Catalogue, text: str | bytes, **options: object) -> ValueTable:
    return load_values(write_file(text), catalogue, **options)  # type: ignore[arg-type]


def errors(write_file: Write, catalogue: Catalogue, text: str | bytes, **options: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        read(write_file, catalogue, text, **options)
    return [problem for problem in caught.value.problems if not problem.warning]


# Long and wide forms -------------------------------------------------------------------------


def test_long_form(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(
        write_file, values_catalogue, "ref,period,value\nP1,2023-01,93\nP1,2023-02,91.5\nC1,2023-01,12\n"
    )
    assert table.series("P1") == {Month(2023, 1): Decimal(93), Month(2023, 2): Decimal("91.5")}
    assert table.series("C1") == {Month(2023, 1): Decimal(12)}
    assert table.warnings == ()


def test_long_form_observations_carry_their_row(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nP1,2023-01,93\nC1,2023-01,12\n")
    rows = {(o.ref, o.period, o.value, o.row) for o in table.observations}
    assert rows == {("P1", Month(2023, 1), Decimal(93), 2), ("C1", Month(2023, 1), Decimal(12), 3)}


def test_long_form_with_columns_in_another_order_and_a_note(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    table = read(write_file, values_catalogue, "period,value,ref,note\n2023-01,93,P1,checked\n")
    assert table.series("P1") == {Month(2023, 1): Decimal(93)}


def test_wide_form(write_file: Write, values_catalogue: Catalogue) -> None:
    text = "ref,2022-12,2023-01,2023-02\nP1,90,93,\nC1,1,2,3\n"
    table = read(write_file, values_catalogue, text)
    # A blank wide cell is no value: absent from the series or None, never 0.
    p1 = table.series("P1")
    assert {month: value for month, value in p1.items() if value is not None} == {
        Month(2022, 12): Decimal(90),
        Month(2023, 1): Decimal(93),
    }
    assert p1.get(Month(2023, 2)) is None
    assert table.series("C1") == {
        Month(2022, 12): Decimal(1),
        Month(2023, 1): Decimal(2),
        Month(2023, 2): Decimal(3),
    }


def test_wide_form_with_word_month_headers(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,Dec-22,Jan-23\nC1,5,6\n")
    assert table.series("C1") == {Month(2022, 12): Decimal(5), Month(2023, 1): Decimal(6)}


def test_wide_form_bad_header_names_the_text(write_file: Write, values_catalogue: Catalogue) -> None:
    problems = errors(write_file, values_catalogue, "ref,2023-01,Jan 23x\nC1,5,6\n")
    assert problems
    assert all("Jan 23x" in str(problem) for problem in problems)


# Periods -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "written", "month"),
    [
        ("C1", "2023-01", Month(2023, 1)),
        ("C1", "2023-01-31", Month(2023, 1)),
        ("C1", "2023-01-01", Month(2023, 1)),
        ("C1", "Jan-23", Month(2023, 1)),
        ("C1", "Jan 2023", Month(2023, 1)),
        ("C1", "January 2023", Month(2023, 1)),
        ("C1", "Sep-22", Month(2022, 9)),
        ("Q1", "2022/23 Q3", Month(2022, 12)),
        ("Q1", "2022/23 Q4", Month(2023, 3)),
        ("Q1", "2022/23 Q1", Month(2022, 6)),
        ("Q1", "2022-12", Month(2022, 12)),
        ("Y1", "2022/23", Month(2023, 3)),
        ("Y1", "2023-03", Month(2023, 3)),
    ],
)
def test_period_spellings(
    write_file: Write, values_catalogue: Catalogue, ref: str, written: str, month: Month
) -> None:
    table = read(write_file, values_catalogue, f"ref,period,value\n{ref},{written},7\n")
    assert table.series(ref) == {month: Decimal(7)}


@pytest.mark.parametrize("written", ["01/02/2023", "Jan 23x", "2023", "Q3", "2023-13", "Janu-23", "23-01"])
def test_other_period_spellings_are_errors_naming_file_row_and_text(
    write_file: Write, values_catalogue: Catalogue, written: str
) -> None:
    problems = errors(write_file, values_catalogue, f"ref,period,value\nC1,2023-01,1\nC1,{written},7\n")
    assert len(problems) == 1
    [problem] = problems
    assert problem.row == 3
    printed = str(problem)
    assert "values.csv" in printed
    assert "3" in printed
    assert written in printed


def test_quarterly_value_dated_to_a_month_that_ends_no_quarter_is_an_error(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    problems = errors(write_file, values_catalogue, "ref,period,value\nQ1,2022-12,80\nQ1,2022-11,81\n")
    assert [(problem.row, problem.ref) for problem in problems] == [(3, "Q1")]


def test_annual_value_dated_to_a_month_that_ends_no_financial_year_is_an_error(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    problems = errors(write_file, values_catalogue, "ref,period,value\nY1,2022-12,80\n")
    assert [(problem.row, problem.ref) for problem in problems] == [(2, "Y1")]


# Numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "written", "value"),
    [
        ("C1", '"1,238"', Decimal(1238)),
        ("C1", '"12,345,678"', Decimal(12345678)),
        ("P1", "93%", Decimal(93)),
        ("P1", "93.5 %", Decimal("93.5")),
        ("P1", " 93 ", Decimal(93)),
        ("C1", "-5", Decimal(-5)),
        ("R1", "-2.5", Decimal("-2.5")),
        ("C1", "0", Decimal(0)),
        ("P1", "0.5", Decimal("0.5")),
    ],
)
def test_numbers(
    write_file: Write, values_catalogue: Catalogue, ref: str, written: str, value: Decimal
) -> None:
    extra = "P2,2023-01,50\n"  # keeps P1's single small value from looking like fractions
    table = read(write_file, values_catalogue, f"ref,period,value\n{ref},2023-01,{written}\n{extra}")
    assert table.series(ref) == {Month(2023, 1): value}


def test_percent_sign_on_a_percent_value_is_not_a_fraction(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nP1,2023-01,93%\nP1,2023-02,2.7%\n")
    assert table.series("P1") == {Month(2023, 1): Decimal(93), Month(2023, 2): Decimal("2.7")}


def test_utf8_byte_order_mark(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "\ufeffref,period,value\r\nP1,2023-01,93\r\n".encode())
    assert table.series("P1") == {Month(2023, 1): Decimal(93)}


def test_utf8_byte_order_mark_in_wide_form(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "\ufeffref,2023-01\nC1,4\n".encode())
    assert table.series("C1") == {Month(2023, 1): Decimal(4)}


@pytest.mark.parametrize("written", ["abc", "12abc", "1,23", "ninety", "1.2.3", "0x10"])
def test_text_in_a_value_cell_is_an_error_naming_the_row(
    write_file: Write, values_catalogue: Catalogue, written: str
) -> None:
    problems = errors(
        write_file, values_catalogue, f'ref,period,value\nC1,2023-01,1\nC1,2023-02,"{written}"\n'
    )
    assert len(problems) == 1
    assert problems[0].row == 3
    assert problems[0].ref == "C1"
    assert written in str(problems[0])


# Missing values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "Not Yet Available",
        "not yet available",
        "NOT YET AVAILABLE",
        "NYA",
        "nya",
        "N/A",
        "n/a",
        "N/a",
        "-",
        "–",
        "",
        "  ",
        " NYA ",
    ],
)
def test_missing_markers_and_blank_are_missing_never_zero(
    write_file: Write, values_catalogue: Catalogue, marker: str
) -> None:
    table = read(write_file, values_catalogue, f"ref,period,value\nC1,2023-01,5\nC1,2023-02,{marker}\n")
    assert table.series("C1") == {Month(2023, 1): Decimal(5), Month(2023, 2): None}
    [missing] = [o for o in table.observations if o.period == Month(2023, 2)]
    assert missing.value is None


def test_missing_in_wide_form(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,2023-01,2023-02,2023-03\nC1,NYA,,4\n")
    series = table.series("C1")
    assert series[Month(2023, 1)] is None
    assert series.get(Month(2023, 2)) is None
    assert series[Month(2023, 3)] == Decimal(4)


def test_wide_form_blank_where_a_quarterly_indicator_has_no_period_is_fine(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    text = "ref,2022-10,2022-11,2022-12,2023-01\nQ1,,,81,\nC1,1,2,3,4\n"
    table = read(write_file, values_catalogue, text)
    assert {m: v for m, v in table.series("Q1").items() if v is not None} == {Month(2022, 12): Decimal(81)}


def test_wide_form_value_where_a_quarterly_indicator_has_no_period_is_an_error(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    problems = errors(write_file, values_catalogue, "ref,2022-11,2022-12\nQ1,80,81\n")
    assert [(problem.ref, problem.row) for problem in problems] == [("Q1", 2)]


# Duplicates, unknown refs --------------------------------------------------------------------


def test_same_ref_and_period_twice_is_an_error_naming_both_rows(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    text = "ref,period,value\nC1,2023-01,5\nC1,2023-02,6\nC1,Jan-23,7\n"
    problems = errors(write_file, values_catalogue, text)
    assert len(problems) == 1
    [problem] = problems
    assert problem.ref == "C1"
    printed = str(problem)
    assert "2" in printed.replace(str(problem.file), "")
    assert "4" in printed.replace(str(problem.file), "")
    assert {2, 4} <= {problem.row, *_numbers_in(problem.message)}


def _numbers_in(text: str) -> set[int]:
    import re

    return {int(number) for number in re.findall(r"\d+", text)}


def test_same_ref_and_period_twice_in_wide_form_is_an_error(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    problems = errors(write_file, values_catalogue, "ref,2023-01\nC1,5\nC1,6\n")
    assert len(problems) == 1
    assert {2, 3} <= {problems[0].row, *_numbers_in(problems[0].message)}


def test_unknown_ref_is_a_warning(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nC1,2023-01,5\nZZ9,2023-01,6\n")
    assert table.series("C1") == {Month(2023, 1): Decimal(5)}
    assert table.series("ZZ9") == {}
    assert len(table.warnings) == 1
    [warning] = table.warnings
    assert warning.warning
    assert warning.ref == "ZZ9"
    assert warning.row == 3
    assert str(warning).startswith("warning: ")


def test_unknown_ref_is_an_error_under_strict(write_file: Write, values_catalogue: Catalogue) -> None:
    problems = errors(
        write_file, values_catalogue, "ref,period,value\nC1,2023-01,5\nZZ9,2023-01,6\n", strict=True
    )
    assert [(problem.ref, problem.row) for problem in problems] == [("ZZ9", 3)]


def test_refs_are_case_sensitive(write_file: Write, values_catalogue: Catalogue) -> None:
    # (a file with no ref the catalogue knows is refused outright: tests/adversarial/test_empty_inputs.py)
    table = read(write_file, values_catalogue, "ref,period,value\nP1,2023-01,50\nc1,2023-01,5\n")
    assert table.series("C1") == {}
    assert [warning.ref for warning in table.warnings] == ["c1"]


# Encodings -----------------------------------------------------------------------------------

CP1252 = "ref,period,value,note\nC1,2023-01,5,Café – checked\nC1,2023-02,\u2013,\n".encode("cp1252")


def test_cp1252_read_as_utf8_suggests_the_encoding(write_file: Write, values_catalogue: Catalogue) -> None:
    problems = errors(write_file, values_catalogue, CP1252)
    assert len(problems) == 1
    assert problems[0].hint is not None
    assert "--encoding cp1252" in problems[0].hint
    assert "values.csv" in str(problems[0])


def test_cp1252_with_its_encoding(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, CP1252, encoding="cp1252")
    # The en dash, byte 0x96 in cp1252, is a missing marker.
    assert table.series("C1") == {Month(2023, 1): Decimal(5), Month(2023, 2): None}


# Numerator and denominator -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "ref", "value"),
    [
        ("P1,2023-01,,45,50", "P1", Decimal(90)),
        ("P1,2023-01,,1,8", "P1", Decimal("12.5")),
        ("R1,2023-01,,145,20000", "R1", Decimal("72.5")),
        ("C1,2023-01,,12,1", "C1", Decimal(12)),
        ("P1,2023-01,90,45,50", "P1", Decimal(90)),
        ("P1,2023-01,33.3,1,3", "P1", Decimal("33.3")),
        ("P1,2023-01,33,1,3", "P1", Decimal(33)),
        ("R1,2023-01,71.5,143,20000", "R1", Decimal("71.5")),
        ("P1,2023-01,88,,", "P1", Decimal(88)),
    ],
)
def test_value_from_numerator_and_denominator(
    write_file: Write, values_catalogue: Catalogue, line: str, ref: str, value: Decimal
) -> None:
    table = read(write_file, values_catalogue, f"ref,period,value,numerator,denominator\n{line}\n")
    assert table.series(ref) == {Month(2023, 1): value}


def test_numerator_and_denominator_are_kept_as_read(write_file: Write, values_catalogue: Catalogue) -> None:
    # The long form's own columns, "1,238"-style separators included; a value left empty is computed
    # (45 / 50 x 100 = 90), one given is kept; half a ratio beside a value is kept as it was read.
    table = read(
        write_file,
        values_catalogue,
        "ref,period,value,numerator,denominator,note\n"
        'P1,2023-01,,45,50,\nP1,2023-02,90,"1,161","1,290",\nP1,2023-03,88,,,\n'
        "R1,2023-01,,145,20000,\nC1,2023-01,12,12,,half\n",
    )
    by_period = {(o.ref, o.period): (o.value, o.numerator, o.denominator) for o in table.observations}
    assert by_period == {
        ("P1", Month(2023, 1)): (Decimal(90), Decimal(45), Decimal(50)),
        ("P1", Month(2023, 2)): (Decimal(90), Decimal(1161), Decimal(1290)),
        ("P1", Month(2023, 3)): (Decimal(88), None, None),
        ("R1", Month(2023, 1)): (Decimal("72.5"), Decimal(145), Decimal(20000)),
        ("C1", Month(2023, 1)): (Decimal(12), Decimal(12), None),
    }
    assert table.ratio("P1", Month(2023, 2)) == (Decimal(1161), Decimal(1290))
    assert table.ratio("P1", Month(2023, 3)) == (None, None)  # a value without its parts
    assert table.ratio("P9", Month(2023, 1)) == (None, None)  # no such ref
    assert dict(table.ratios("R1")) == {Month(2023, 1): (Decimal(145), Decimal(20000))}


def test_without_the_columns_there_is_no_numerator_or_denominator(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nP1,2023-01,93\n")
    [observation] = table.observations
    assert (observation.numerator, observation.denominator) == (None, None)
    assert table.ratios("P1") == {}


@pytest.mark.parametrize(
    "line",
    ["P1,2023-01,80,45,50", "P1,2023-01,0.9,45,50", "R1,2023-01,7.25,145,20000", "C1,2023-01,13,12,1"],
)
def test_value_disagreeing_with_numerator_and_denominator_is_an_error(
    write_file: Write, values_catalogue: Catalogue, line: str
) -> None:
    problems = errors(
        write_file, values_catalogue, f"ref,period,value,numerator,denominator\nP2,2023-01,5,,\n{line}\n"
    )
    assert len(problems) == 1
    assert problems[0].row == 3
    assert problems[0].ref == line.split(",")[0]


# Fractions -----------------------------------------------------------------------------------


def test_percent_values_all_at_most_one_look_like_fractions(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    table = read(
        write_file, values_catalogue, "ref,period,value\nP1,2023-01,0.93\nP1,2023-02,0.88\nP2,2023-01,45\n"
    )
    assert table.series("P1") == {Month(2023, 1): Decimal("0.93"), Month(2023, 2): Decimal("0.88")}
    assert [warning.ref for warning in table.warnings] == ["P1"]
    assert table.warnings[0].warning
    assert "fraction" in str(table.warnings[0])


def test_one_percent_value_above_one_means_no_fraction_warning(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nP1,2023-01,0.93\nP1,2023-02,1.5\n")
    assert table.warnings == ()


def test_counts_at_most_one_are_not_fractions(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nC1,2023-01,0\nC1,2023-02,1\n")
    assert table.warnings == ()


# Every problem in one run --------------------------------------------------------------------


def test_every_error_is_reported_in_one_run_each_naming_its_own_row(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    text = (
        "ref,period,value\n"
        "P1,2023-01,90\n"  # row 2
        "P1,2023-01,91\n"  # row 3: the same ref and period as row 2
        "P1,Jan 23x,92\n"  # row 4: not a period
        "P1,01/02/2023,93\n"  # row 5: not a period
        "C1,2023-02,lots\n"  # row 6: not a number
    )
    problems = errors(write_file, values_catalogue, text)
    assert len(problems) == 4, "\n".join(map(str, problems))
    assert sorted(problem.row for problem in problems) == [3, 4, 5, 6]  # type: ignore[type-var]
    for problem in problems:
        assert "\n" not in str(problem)
        assert "values.csv" in str(problem)


def test_problems_of_both_kinds_are_collected_with_warnings(
    write_file: Write, values_catalogue: Catalogue
) -> None:
    text = "ref,period,value\nZZ9,2023-01,1\nC1,2023-01,x\nC1,2023-02,y\n"
    with pytest.raises(InputError) as caught:
        read(write_file, values_catalogue, text)
    rows = sorted(problem.row for problem in caught.value.problems if not problem.warning)  # type: ignore[type-var]
    assert rows == [3, 4]


def test_header_without_ref_is_an_error(write_file: Write, values_catalogue: Catalogue) -> None:
    problems = errors(write_file, values_catalogue, "indicator,period,value\nC1,2023-01,5\n")
    assert len(problems) == 1
    assert "ref" in str(problems[0])


def test_blank_lines_and_empty_rows_are_skipped(write_file: Write, values_catalogue: Catalogue) -> None:
    table = read(write_file, values_catalogue, "ref,period,value\nC1,2023-01,5\n\n,,\nC1,2023-02,6\n")
    assert table.series("C1") == {Month(2023, 1): Decimal(5), Month(2023, 2): Decimal(6)}


def test_a_denominator_of_zero_is_an_error(write_file: Write, values_catalogue: Catalogue) -> None:
    problems = errors(
        write_file, values_catalogue, "ref,period,value,numerator,denominator\nP1,2023-01,,4,0\n"
    )
    assert [(problem.ref, problem.row) for problem in problems] == [("P1", 2)]


def test_missing_markers_come_from_the_catalogue(
    write_file: Write, tmp_path: Path, values_catalogue_text: str
) -> None:
    path = tmp_path / "markers.yaml"
    path.write_text('missing_markers: ["tbc", "awaiting data"]\n' + values_catalogue_text, encoding="utf-8")
    catalogue = load_catalogue(path)
    table = read(
        write_file, catalogue, "ref,period,value\nC1,2023-01,TBC\nC1,2023-02,Awaiting data\nC1,2023-03,4\n"
    )
    assert table.series("C1") == {Month(2023, 1): None, Month(2023, 2): None, Month(2023, 3): Decimal(4)}
