"""The catalogue's timeliness keys: ``lag``, ``source``, ``owner``, ``default_lag``, ``benchmark_max_age``
and the benchmarks' years, each problem at its line (docs/scorecard-rules.md, Timeliness, Benchmark age)."""

from __future__ import annotations

from pathlib import Path

import pytest
from catalogue_support import errors_of, load

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.problems import InputError

HEAD = """\
title: Timeliness Test
organisation: Test Council
benchmarks:
  - {id: region, label: Regional Average, year: 2024/25}
  - {id: england, label: England Average}
"""
SECTION = """\
sections:
  - id: main
    title: Main
    indicators:
"""
MONTHLY = "      - {ref: M1, title: Monthly, unit: count, polarity: neutral}\n"
QUARTERLY = "      - {ref: Q1, title: Quarterly, unit: count, polarity: neutral, frequency: quarterly}\n"
ANNUAL = "      - {ref: A1, title: Annual, unit: count, polarity: neutral, frequency: annual}\n"


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def lags(catalogue: Catalogue) -> dict[str, int]:
    return {indicator.ref: indicator.lag for indicator in catalogue.indicators}


def with_lag(lag: str) -> str:
    return HEAD + SECTION + f"      - {{ref: X1, title: One, unit: count, polarity: neutral, lag: {lag}}}\n"


def test_defaults_by_frequency(tmp_path: Path) -> None:
    # Monthly 0 months (the month-end extract is in the month's own report), quarterly 2, annual 6.
    catalogue = load(tmp_path, HEAD + SECTION + MONTHLY + QUARTERLY + ANNUAL)
    assert lags(catalogue) == {"M1": 0, "Q1": 2, "A1": 6}
    assert catalogue.benchmark_max_age == 1
    assert [i.source for i in catalogue.indicators] == [None, None, None]


@pytest.mark.parametrize(
    ("written", "months"),
    [
        ("0 months", 0),
        ("1 month", 1),
        ("2 months", 2),
        ("1 quarter", 3),
        ("2 Quarters", 6),
        ("1 year", 12),
        ('"9  months"', 9),
        ("5 years", 60),
    ],
)
def test_lag_spellings(tmp_path: Path, written: str, months: int) -> None:
    assert lags(load(tmp_path, with_lag(written))) == {"X1": months}


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2", "lag must be written like 1 month, 2 months or 1 quarter, not '2' (2 months?)"),
        ("1.5 months", "lag must be written like 1 month, 2 months or 1 quarter, not '1.5 months'"),
        ("-1 month", "lag must be written like 1 month, 2 months or 1 quarter, not '-1 month'"),
        ("six months", "lag must be written like 1 month, 2 months or 1 quarter, not 'six months'"),
        ("2 weeks", "lag must be written like 1 month, 2 months or 1 quarter, not '2 weeks'"),
        ("{months: 2}", "lag must be written like 1 month, 2 months or 1 quarter, not a mapping"),
        ("61 months", "lag '61 months' is more than 5 years"),
        ("21 quarters", "lag '21 quarters' is more than 5 years"),
        ("99999999999 months", "lag '99999999999 months' is more than 5 years"),
    ],
)
def test_a_lag_that_cannot_be_read_is_an_error_at_its_line(
    tmp_path: Path, written: str, message: str
) -> None:
    text = with_lag(written)
    [problem] = errors_of(tmp_path, text)
    assert (problem.message, problem.line, problem.ref) == (message, line_of(text, "ref: X1"), "X1")
    assert problem.hint is not None and "0 months for a month-end extract" in problem.hint


def test_one_default_lag_for_every_frequency_and_the_indicators_own_wins(tmp_path: Path) -> None:
    own = "      - {ref: M2, title: Own, unit: count, polarity: neutral, lag: 2 months}\n"
    catalogue = load(tmp_path, HEAD + "default_lag: 1 month\n" + SECTION + MONTHLY + QUARTERLY + ANNUAL + own)
    assert lags(catalogue) == {"M1": 1, "Q1": 1, "A1": 1, "M2": 2}


def test_a_default_lag_by_frequency_keeps_the_others_defaults(tmp_path: Path) -> None:
    text = (
        HEAD
        + "default_lag: {quarterly: 1 month, Annual: 9 months}\n"
        + SECTION
        + MONTHLY
        + QUARTERLY
        + ANNUAL
    )
    assert lags(load(tmp_path, text)) == {"M1": 0, "Q1": 1, "A1": 9}


def test_default_lag_problems_are_each_at_their_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + "default_lag:\n  montly: 1 month\n  annual: nine months\n"
        + SECTION
        + MONTHLY
        + "      - {ref: M2, title: Own, unit: count, polarity: neutral, lag: 3}\n"
    )
    problems = errors_of(tmp_path, text)
    assert [(p.line, p.ref, p.message, p.hint) for p in problems] == [
        (line_of(text, "montly"), None, "default_lag: unknown frequency 'montly'", "did you mean 'monthly'?"),
        (
            line_of(text, "nine months"),
            None,
            "default_lag annual must be written like 1 month, 2 months or 1 quarter, not 'nine months'",
            problems[1].hint,
        ),
        (
            line_of(text, "ref: M2"),
            "M2",
            "lag must be written like 1 month, 2 months or 1 quarter, not '3' (3 months?)",
            problems[2].hint,
        ),
    ]


def test_a_single_default_lag_that_cannot_be_read(tmp_path: Path) -> None:
    text = HEAD + "default_lag: soon\n" + SECTION + MONTHLY
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "default_lag")
    assert problem.message == "default_lag must be written like 1 month, 2 months or 1 quarter, not 'soon'"


def test_source_and_owner_are_read_as_written(tmp_path: Path) -> None:
    indicator = (
        "      - {ref: S1, title: Sourced, unit: count, polarity: neutral, "
        'source: "LCS month-end extract", owner: "Performance and Intelligence Team"}\n'
    )
    [read] = load(tmp_path, HEAD + SECTION + indicator).indicators
    assert (read.source, read.owner) == ("LCS month-end extract", "Performance and Intelligence Team")


def test_an_extra_field_may_not_take_the_name_of_a_timeliness_key(tmp_path: Path) -> None:
    text = HEAD + "fields: {owner: Owner}\n" + SECTION + MONTHLY
    [problem] = errors_of(tmp_path, text)
    assert problem.message == "field 'owner' is already an indicator key"


@pytest.mark.parametrize(("written", "age"), [("0", 0), ("1", 1), ("2", 2), ("2 years", 2), ("1 year", 1)])
def test_benchmark_max_age(tmp_path: Path, written: str, age: int) -> None:
    assert (
        load(tmp_path, HEAD + f"benchmark_max_age: {written}\n" + SECTION + MONTHLY).benchmark_max_age == age
    )


@pytest.mark.parametrize("written", ["1.5", "-1", "two", "100", "2 months", "[1]"])
def test_a_benchmark_max_age_that_is_not_whole_years_is_an_error_at_its_line(
    tmp_path: Path, written: str
) -> None:
    text = HEAD + f"benchmark_max_age: {written}\n" + SECTION + MONTHLY
    [problem] = errors_of(tmp_path, text)
    assert problem.line == line_of(text, "benchmark_max_age")
    assert problem.message.startswith(
        "benchmark_max_age must be a whole number of financial years from 0 to 99, such as 1 or 2, not "
    )


@pytest.mark.parametrize(
    ("year", "end"),
    [
        ("2024/25", Month(2025, 3)),
        ("2024-25", Month(2025, 3)),
        ("2024/2025", Month(2025, 3)),
        ("2025", Month(2025, 3)),  # the year ending in 2025, as the DfE's "reporting year 2025"
    ],
)
def test_a_catalogue_benchmark_year_is_read_as_a_financial_year(
    tmp_path: Path, year: str, end: Month
) -> None:
    text = HEAD.replace("2024/25", year) + SECTION + MONTHLY
    region, england = load(tmp_path, text).benchmarks
    assert (region.year, region.year_end) == (year, end)
    assert (england.year, england.year_end) == (None, None)


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2024/26", "benchmark 'region': '2024/26' is not a financial year: 2024 is followed by 25"),
        (
            "Q2 2024",
            "benchmark 'region': 'Q2 2024' is not a financial year; write it as 2022/23, 2022-23 or "
            "2022/2023 (or 2023 for the year ending in 2023)",
        ),
    ],
)
def test_a_catalogue_benchmark_year_that_cannot_be_read_is_an_error(
    tmp_path: Path, year: str, message: str
) -> None:
    text = HEAD.replace("2024/25", year) + SECTION + MONTHLY
    [problem] = errors_of(tmp_path, text)
    assert (problem.line, problem.message) == (line_of(text, "id: region"), message)


def test_a_benchmarks_file_year_is_read_and_one_that_cannot_be_is_an_error_at_its_row(tmp_path: Path) -> None:
    catalogue = load(tmp_path, HEAD + SECTION + MONTHLY)
    good = tmp_path / "good.csv"
    good.write_text("ref,benchmark,value,year\nM1,region,5,2025/26\nM1,england,6,\n", encoding="utf-8")
    table = load_benchmarks(good, catalogue)
    region, england = table.get("M1", "region"), table.get("M1", "england")
    assert region is not None and (region.year, region.year_end) == ("2025/26", Month(2026, 3))
    assert england is not None and (england.year, england.year_end) == (None, None)
    bad = tmp_path / "bad.csv"
    bad.write_text("ref,benchmark,value,year\nM1,region,5,2025/27\nM1,region,6,2025/26\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_benchmarks(bad, catalogue)
    assert [(p.row, p.ref, p.message) for p in caught.value.problems] == [
        (2, "M1", "'2025/27' is not a financial year: 2025 is followed by 26"),
        (3, "M1", "benchmark 'region' appears twice for this ref, in rows 2 and 3"),
    ]


def test_every_timeliness_problem_at_once(tmp_path: Path) -> None:
    text = (
        HEAD.replace("2024/25", "last year")
        + "benchmark_max_age: old\ndefault_lag: {weekly: 1 month}\n"
        + SECTION
        + "      - {ref: X1, title: One, unit: count, polarity: neutral, lag: 1 fortnight}\n"
    )
    lines = sorted(p.line or 0 for p in errors_of(tmp_path, text))
    assert lines == [
        line_of(text, "id: region"),
        line_of(text, "benchmark_max_age"),
        line_of(text, "weekly"),
        line_of(text, "ref: X1"),
    ]
