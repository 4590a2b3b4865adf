"""Each row's timeliness and its words, the summary's data notes, benchmark age, and their CSV columns,
worked by hand from docs/scorecard-rules.md (Timeliness, Benchmark age). Financial year April to March;
default lags: monthly 0 months, quarterly 2, annual 6; benchmark_max_age 1."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.inputs.vocabulary import Comparison, Timeliness
from scorecard_report.load.benchmarks import load_benchmarks
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import DataNote, Report, Row
from scorecard_report.render.summary_csv import render_summary_csv

CATALOGUE = """\
title: Timeliness Rows
organisation: Test Council
benchmarks:
  - {id: england, label: England, year: 2025/26}
  - {id: region, label: Region, year: 2024/25}
sections:
  - id: front
    title: Front Door
    indicators:
      - ref: M0
        title: Contacts
        unit: count
        polarity: neutral
        source: LCS month-end extract
        owner: Front Door Service Manager
        benchmarks: {england: 100, region: 90}
      - {ref: M1, title: Audits, unit: percent, polarity: high, lag: 1 month, benchmarks: {england: 80}}
      - {ref: MS, title: Stale monthly, unit: count, polarity: neutral, owner: Health partner}
      - {ref: ME, title: Monthly to February, unit: count, polarity: neutral}
  - id: care
    title: Care
    indicators:
      - {ref: Q2, title: Quarterly, unit: percent, polarity: high, frequency: quarterly}
      - {ref: QE, title: Quarterly to Q3, unit: percent, polarity: high, frequency: quarterly}
      - ref: Y6
        title: Annual
        unit: percent
        polarity: high
        frequency: annual
        benchmarks: {england: 60, region: 55}
      - {ref: YE, title: Annual to 2023/24, unit: percent, polarity: high, frequency: annual}
      - {ref: N0, title: Nothing yet, unit: count, polarity: neutral}
"""

VALUES = """\
ref,period,value
M0,2026-08,97
M0,2026-09,96
M0,2026-10,95
M1,2026-07,70
M1,2026-08,72
M1,2026-09,NYA
MS,2026-06,5
MS,2026-07,6
MS,2026-08,Not Yet Available
ME,2026-01,1
ME,2026-02,2
Q2,2026-03,50
Q2,2026-06,55
QE,2025-09,40
QE,2025-12,42
Y6,2025-03,58
YE,2024-03,61
N0,2026-10,
"""


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, ValueTable]:
    folder = tmp_path_factory.mktemp("timeliness")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    catalogue = load_catalogue(folder / "catalogue.yaml")
    return catalogue, load_values(folder / "values.csv", catalogue)


@pytest.fixture(scope="module")
def october(inputs: tuple[Catalogue, ValueTable]) -> Report:
    return build_report(*inputs, Month(2026, 10))


def rows_of(report: Report) -> dict[str, Row]:
    return {row.ref: row for row in report.rows}


# October 2026 (2026/27). (timeliness, data to, due, due by, sentence) for each row.
OCTOBER = {
    # Oct 2026 in: reaches current.
    "M0": (Timeliness.ON_TIME, "Oct 2026", "", "", "Data to Oct 2026"),
    # lag 1: Sep (due by Oct) missing (NYA), Oct not due until Nov -> late: the sentence.
    "M1": (
        Timeliness.LATE,
        "Aug 2026",
        "Sep 2026",
        "Oct 2026",
        "Data to Aug 2026; Sep 2026 was due by Oct 2026",
    ),
    # lag 0: Aug (by Aug), Sep and Oct all due, the data stops at Jul -> stale.
    "MS": (
        Timeliness.STALE,
        "Jul 2026",
        "Aug 2026",
        "Aug 2026",
        "Data to Jul 2026; Aug 2026 was due by Aug 2026",
    ),
    "ME": (
        Timeliness.STALE,
        "Feb 2026",
        "Mar 2026",
        "Mar 2026",
        "Data to Feb 2026; Mar 2026 was due by Mar 2026",
    ),
    # Current Q2 2026/27 (Sep) is due by Nov: on time, and the sentence says when it is due.
    "Q2": (
        Timeliness.ON_TIME,
        "Q1 2026/27",
        "Q2 2026/27",
        "Nov 2026",
        "Data to Q1 2026/27; Q2 2026/27 is due by Nov 2026",
    ),
    # Q4 2025/26 (by May) and Q1 2026/27 (by Aug) due, the data stops at Q3 2025/26 -> stale.
    "QE": (
        Timeliness.STALE,
        "Q3 2025/26",
        "Q4 2025/26",
        "May 2026",
        "Data to Q3 2025/26; Q4 2025/26 was due by May 2026",
    ),
    # Current 2025/26 was due by Sep 2026 and is missing; nothing later due -> late.
    "Y6": (Timeliness.LATE, "2024/25", "2025/26", "Sep 2026", "Data to 2024/25; 2025/26 was due by Sep 2026"),
    # 2024/25 (by Sep 2025) and 2025/26 (by Sep 2026) due -> stale.
    "YE": (
        Timeliness.STALE,
        "2023/24",
        "2024/25",
        "Sep 2025",
        "Data to 2023/24; 2024/25 was due by Sep 2025",
    ),
    # No value at all (an empty cell): the latest period due, Oct 2026 itself -> late.
    "N0": (Timeliness.LATE, "", "Oct 2026", "Oct 2026", "No data yet; Oct 2026 was due by Oct 2026"),
}


@pytest.mark.parametrize("ref", list(OCTOBER))
def test_each_rows_timeliness_in_october(october: Report, ref: str) -> None:
    timeliness = rows_of(october)[ref].timeliness
    got = (
        timeliness.timeliness,
        timeliness.data_to_text,
        timeliness.due_text,
        timeliness.due_by_text,
        timeliness.sentence,
    )
    assert got == OCTOBER[ref]
    assert timeliness.word == {"on_time": "On time", "late": "Late", "stale": "Stale"}[timeliness.timeliness]
    assert timeliness.mark == {"on_time": "", "late": "†", "stale": "‡"}[timeliness.timeliness]


def test_the_row_carries_its_lag_source_and_owner(october: Report) -> None:
    rows = rows_of(october)
    m0, m1, y6 = rows["M0"].timeliness, rows["M1"].timeliness, rows["Y6"].timeliness
    assert (m0.lag, m0.lag_text, m0.source, m0.owner) == (
        0,
        "0 months",
        "LCS month-end extract",
        "Front Door Service Manager",
    )
    assert (m1.lag, m1.lag_text, m1.source, m1.owner) == (1, "1 month", None, None)
    assert (y6.lag_text, y6.data_to, y6.due, y6.due_by) == (
        "6 months",
        Month(2025, 3),
        Month(2026, 3),
        Month(2026, 9),
    )
    assert rows["M0"].timeliness.due is None and rows["M0"].timeliness.due_by is None


def test_data_notes_are_the_late_and_stale_rows_in_catalogue_order(october: Report) -> None:
    assert october.data_notes == (
        DataNote("M1", "Audits", "Front Door", Timeliness.LATE, "Late", "†", OCTOBER["M1"][4], None, None),
        DataNote(
            "MS",
            "Stale monthly",
            "Front Door",
            Timeliness.STALE,
            "Stale",
            "‡",
            OCTOBER["MS"][4],
            None,
            "Health partner",
        ),
        DataNote("ME", "Monthly to February", "Front Door", Timeliness.STALE, "Stale", "‡", OCTOBER["ME"][4]),
        DataNote("QE", "Quarterly to Q3", "Care", Timeliness.STALE, "Stale", "‡", OCTOBER["QE"][4]),
        DataNote("Y6", "Annual", "Care", Timeliness.LATE, "Late", "†", OCTOBER["Y6"][4]),
        DataNote("YE", "Annual to 2023/24", "Care", Timeliness.STALE, "Stale", "‡", OCTOBER["YE"][4]),
        DataNote("N0", "Nothing yet", "Care", Timeliness.LATE, "Late", "†", OCTOBER["N0"][4]),
    )
    assert "Late (†)" in october.timeliness_key and "Stale (‡)" in october.timeliness_key


# Around the year end: (data to, due, timeliness) in the CSV for ME (monthly, data to Feb 2026),
# QE (quarterly, data to Q3 2025/26 = Dec 2025, lag 2) and YE (annual, data to 2023/24 = Mar 2024, lag 6).
YEAR_END = {
    # March 2026: ME's Mar due by Mar -> late. QE: current Q4 (Mar) due by May -> on time. YE: 2024/25
    # due by Sep 2025 and missing, 2025/26 (current) not until Sep 2026 -> late.
    Month(2026, 3): {
        "ME": ("2026-02", "2026-03", "late"),
        "QE": ("2025-12", "2026-03", "on_time"),
        "YE": ("2024-03", "2025-03", "late"),
    },
    # April 2026 (2026/27 begins): ME's Mar and Apr due -> stale; QE still on time (Q4 by May); YE late.
    Month(2026, 4): {
        "ME": ("2026-02", "2026-03", "stale"),
        "QE": ("2025-12", "2026-03", "on_time"),
        "YE": ("2024-03", "2025-03", "late"),
    },
    # May 2026: QE's Q4 is due by May -> late.
    Month(2026, 5): {
        "ME": ("2026-02", "2026-03", "stale"),
        "QE": ("2025-12", "2026-03", "late"),
        "YE": ("2024-03", "2025-03", "late"),
    },
    # September 2026: QE's Q1 2026/27 (Jun, by Aug) is due too -> stale; YE's 2025/26 due by Sep -> stale.
    Month(2026, 9): {
        "ME": ("2026-02", "2026-03", "stale"),
        "QE": ("2025-12", "2026-03", "stale"),
        "YE": ("2024-03", "2025-03", "stale"),
    },
}


def csv_rows(report: Report) -> tuple[list[str], dict[str, dict[str, str]]]:
    text = render_summary_csv(report).decode("utf-8")
    header = next(csv.reader(io.StringIO(text)))
    return header, {row["ref"]: row for row in csv.DictReader(io.StringIO(text))}


@pytest.mark.parametrize("period", list(YEAR_END), ids=str)
def test_late_and_stale_around_the_financial_year_end(
    inputs: tuple[Catalogue, ValueTable], period: Month
) -> None:
    _header, rows = csv_rows(build_report(*inputs, period))
    got = {ref: (rows[ref]["data_to"], rows[ref]["due"], rows[ref]["timeliness"]) for ref in YEAR_END[period]}
    assert got == YEAR_END[period]


def test_the_csv_timeliness_columns_follow_the_period(october: Report) -> None:
    header, rows = csv_rows(october)
    at = header.index("period")
    assert header[at : at + 5] == ["period", "data_to", "due", "timeliness", "current"]
    assert [(rows[ref]["data_to"], rows[ref]["due"], rows[ref]["timeliness"]) for ref in OCTOBER] == [
        ("2026-10", "", "on_time"),
        ("2026-08", "2026-09", "late"),
        ("2026-07", "2026-08", "stale"),
        ("2026-02", "2026-03", "stale"),
        ("2026-06", "2026-09", "on_time"),
        ("2025-12", "2026-03", "stale"),
        ("2025-03", "2026-03", "late"),
        ("2024-03", "2025-03", "stale"),
        ("", "2026-10", "late"),
    ]


def test_a_benchmark_one_year_old_is_compared_and_two_years_old_is_too_old(october: Report) -> None:
    # M0 is monthly, current Oct 2026, so its year is 2026/27. England 2025/26: one year before -> fine.
    # Region 2024/25: two years before, more than benchmark_max_age 1 -> too old, still compared.
    england, region = rows_of(october)["M0"].benchmarks
    assert (england.age, england.too_old, england.too_old_text, england.age_text) == (1, False, "", "")
    assert (region.age, region.too_old, region.too_old_text) == (2, True, "Too old")
    assert region.age_text == "2024/25 is 2 years before 2026/27"
    # Neutral: 95 against 100 is lower, against 90 higher; the too-old comparison is still made.
    assert (england.comparison, region.comparison) == (Comparison.LOWER, Comparison.HIGHER)
    assert rows_of(october)["M0"].ranked_benchmarks == (england,)


def test_an_annual_indicators_benchmark_age_is_counted_from_its_own_year(october: Report) -> None:
    # Y6's current period is 2025/26 (March 2026), not the report's 2026/27: England 2025/26 is the same
    # year, Region 2024/25 one year before. Neither is too old, and both rank (the current value is missing,
    # so neither compares better or worse).
    row = rows_of(october)["Y6"]
    assert [(b.age, b.too_old) for b in row.benchmarks] == [(0, False), (1, False)]
    assert row.ranked_benchmarks == row.benchmarks
    assert {b.comparison for b in row.benchmarks} == {Comparison.NONE}


def test_a_benchmark_without_a_value_is_not_judged(october: Report) -> None:
    england, region = rows_of(october)["M1"].benchmarks
    assert (england.age, england.too_old) == (1, False)
    assert (region.value, region.age, region.too_old) == (None, None, False)
    assert rows_of(october)["M1"].ranked_benchmarks == (england,)


def test_the_csv_says_each_benchmarks_year_and_whether_it_is_too_old(october: Report) -> None:
    header, rows = csv_rows(october)
    assert header[-6:] == [
        "england",
        "region",
        "england_year",
        "england_too_old",
        "region_year",
        "region_too_old",
    ]
    assert [rows["M0"][c] for c in header[-6:]] == ["100", "90", "2025/26", "no", "2024/25", "yes"]
    assert [rows["M1"][c] for c in header[-6:]] == ["80", "", "2025/26", "no", "", ""]
    assert [rows["Y6"][c] for c in header[-6:]] == ["60", "55", "2025/26", "no", "2024/25", "no"]
    assert [rows["N0"][c] for c in header[-6:]] == ["", "", "", "", "", ""]


def test_the_key_says_why_a_benchmark_is_too_old(october: Report) -> None:
    assert october.benchmark_max_age == 1
    assert october.benchmark_age_key == (
        "Too old: the benchmark's financial year is more than 1 year before the year of the indicator's "
        "current figure. It is shown for reference, but not counted where comparisons are weighed up, since "
        "the difference may reflect the years between them rather than performance."
    )


def test_benchmark_max_age_two_keeps_a_two_year_old_benchmark(tmp_path: Path) -> None:
    (tmp_path / "catalogue.yaml").write_text(
        CATALOGUE.replace("benchmarks:\n", "benchmark_max_age: 2\nbenchmarks:\n", 1), encoding="utf-8"
    )
    (tmp_path / "values.csv").write_text(VALUES, encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "catalogue.yaml")
    report = build_report(catalogue, load_values(tmp_path / "values.csv", catalogue), Month(2026, 10))
    region = rows_of(report)["M0"].benchmarks[1]
    assert (region.age, region.too_old) == (2, False)
    assert "more than 2 years before" in report.benchmark_age_key


def test_a_benchmarks_files_year_replaces_the_catalogues(
    tmp_path: Path, inputs: tuple[Catalogue, ValueTable]
) -> None:
    # The file dates M0's England figure 2023/24: three years before 2026/27 -> too old. Region keeps the
    # catalogue's 2024/25 (the file gives it no year), two years -> too old.
    catalogue, values = inputs
    path = tmp_path / "benchmarks.csv"
    path.write_text("ref,benchmark,value,year\nM0,england,99,2023/24\nM0,region,91,\n", encoding="utf-8")
    report = build_report(catalogue, values, Month(2026, 10), load_benchmarks(path, catalogue))
    england, region = rows_of(report)["M0"].benchmarks
    assert (england.year, england.age, england.too_old, england.age_text) == (
        "2023/24",
        3,
        True,
        "2023/24 is 3 years before 2026/27",
    )
    assert (region.year, region.age, region.too_old) == ("2024/25", 2, True)
    assert rows_of(report)["M0"].ranked_benchmarks == ()
