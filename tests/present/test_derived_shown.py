"""The example's computed figures as the reader sees them: the appendix's working, the key's list and
the CSVs' ``derived`` column. Every figure is worked out by hand from the example's values.csv."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report import build_report
from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import computed_line
from scorecard_report.present.key import key_view
from scorecard_report.problems import InputError
from scorecard_report.render.summary_csv import render_series_csv, render_summary_csv

EXAMPLE = Path(__file__).resolve().parents[2] / "indicator_specs.yaml"


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(EXAMPLE, period="2026-10")


def row(report: Report, ref: str) -> Row:
    return next(row for row in report.rows if row.ref == ref)


def test_fd2s_page_shows_the_sum_the_population_and_the_rate(report: Report) -> None:
    # FD1 Nov 2025 to Oct 2026 adds up to 15,760; 15,760 / 52,100 (2026/27) x 10,000 = 3,024.95 -> 3,025.
    assert computed_line(row(report, "FD2")) == (
        "Computed by this tool from FD1 Contacts received inc. out of hours contacts (No. in month). Sum of "
        "FD1 over the 12 months Nov 2025 to Oct 2026 (15,760), divided by 52,100 (children aged 0 to 17, "
        "2026/27; ONS mid-year population estimates) and multiplied by 10,000: 3,025."
    )


def test_fd2cs_page_shows_the_two_counts(report: Report) -> None:
    # FD2b 319 of FD1 1,330 in Oct 2026: 23.98% -> 24%.
    fd2c = row(report, "FD2c")
    assert (fd2c.current.numerator, fd2c.current.denominator, fd2c.current.text) == (319, 1330, "24%")
    assert computed_line(fd2c).endswith("FD2b (319) divided by FD1 (1,330) and multiplied by 100: 24%.")


def test_a_year_to_date_count_and_a_rate_of_a_stock(report: Report) -> None:
    # CIN1 Apr to Oct 2026 adds up to 2,109. EH2 640 / 52,100 x 10,000 = 122.84 -> 122.8.
    assert computed_line(row(report, "CIN1a")).endswith(
        "Sum of CIN1 over the 7 months Apr 2026 to Oct 2026: 2,109."
    )
    assert computed_line(row(report, "EH3")).endswith(
        "EH2 (640) divided by 52,100 (children aged 0 to 17, 2026/27; ONS mid-year population estimates) "
        "and multiplied by 10,000: 122.8."
    )


def test_a_figure_read_from_the_data_says_nothing_of_computing(report: Report) -> None:
    assert computed_line(row(report, "FD1")) == ""


def test_the_key_lists_the_computed_figures_by_kind(report: Report) -> None:
    (computed,) = [part for part in key_view(report).data if part.heading == "Figures computed from others"]
    assert computed.text.startswith(
        "Computed by this tool from other indicators, not read from the data: FD2 and CIN2 (a 12-month "
        "rolling rate per 10,000), FD2c (a percentage of two figures), EH3 (a rate per 10,000) and CIN1a "
        "(a year-to-date sum)."
    )


def test_the_csvs_mark_the_computed_rows(report: Report) -> None:
    summary = {line["ref"]: line for line in csv.DictReader(io.StringIO(render_summary_csv(report).decode()))}
    # Unrounded in the CSV, as the SPC limits are: 15,760 / 52,100 x 10,000.
    fd2 = summary["FD2"]
    assert (Decimal(fd2["current"]), fd2["derived"]) == (Decimal(15760) / Decimal(52100) * 10000, "yes")
    assert summary["FD2"]["how_computed"].startswith("the sum of Contacts received")
    assert (summary["FD1"]["derived"], summary["FD1"]["how_computed"]) == ("no", "")
    series = list(csv.DictReader(io.StringIO(render_series_csv(report).decode())))
    cin1a = [line for line in series if line["ref"] == "CIN1a"]
    # April starts the year again: 291 referrals in April 2026, after 3,596 by March.
    assert [(line["period"], line["value"], line["derived"]) for line in cin1a[5:7]] == [
        ("2026-03", "3596", "yes"),
        ("2026-04", "291", "yes"),
    ]
    assert {line["derived"] for line in series if line["ref"] == "FD1"} == {"no"}


def test_an_edition_without_the_inputs_section_still_names_them(tmp_path: Path) -> None:
    # An edition of one section (--section shares) whose ratio reads another section's counts.
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(
        "title: Editions\norganisation: Test Council\nsections:\n"
        "  - id: counts\n    title: Counts\n    indicators:\n"
        "      - {ref: A, title: Contacts, unit: count, polarity: neutral}\n"
        "      - {ref: B, title: Referrals, unit: count, polarity: neutral}\n"
        "  - id: shares\n    title: Shares\n    indicators:\n"
        "      - {ref: BP, title: Share, unit: percent, polarity: high,\n"
        "         derived: {ratio: [B, A], multiplier: 100}}\n",
        encoding="utf-8",
    )
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nA,2026-10,121\nB,2026-10,31\n", encoding="utf-8")
    report = build_report(catalogue, data, period="2026-10", sections="shares")
    # 31 / 121 x 100 = 25.6 -> 26%.
    assert [computed_line(line) for line in report.rows] == [
        "Computed by this tool from B Referrals and A Contacts. B (31) divided by A (121) and multiplied "
        "by 100: 26%."
    ]


def test_the_workbook_marks_the_computed_rows(report: Report) -> None:
    import openpyxl

    from scorecard_report.render.summary_xlsx import render_summary_xlsx

    book = openpyxl.load_workbook(io.BytesIO(render_summary_xlsx(report, "2026-11-03T02:15:04Z")))
    summary = list(book["Summary"].iter_rows(values_only=True))
    heading = list(summary[0])
    computed, how = heading.index("Computed"), heading.index("How computed")
    cells = {line[0]: (line[computed], line[how]) for line in summary[1:]}
    assert cells["FD1"] == ("No", None)
    assert cells["CIN1a"] == (
        "Yes",
        "the sum of Referrals received (No. in month) (CIN1) from the start of the financial year to the "
        "month shown",
    )
    series = list(book["Series"].iter_rows(values_only=True))
    marked = series[0].index("Computed")
    assert {line[marked] for line in series[1:] if line[0] == "EH3"} == {"Yes"}


def test_a_calendar_years_population_is_named_as_the_catalogue_names_its_years(tmp_path: Path) -> None:
    # year_start_month 1: the year 2026 is January to December 2026, written 2026, not 2026/27.
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(
        "title: Calendar\norganisation: Test Council\nyear_start_month: 1\n"
        "populations:\n  adults:\n    label: adults aged 18 and over\n    values: {'2026': 40000}\n"
        "sections:\n  - id: s\n    title: S\n    indicators:\n"
        "      - {ref: A, title: Assessments, unit: count, polarity: neutral}\n"
        "      - {ref: AR, title: Rate, unit: rate, polarity: neutral,\n"
        "         derived: {rate_of: A, per: 10000, population: adults}}\n",
        encoding="utf-8",
    )
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nA,2025-12,90\nA,2026-01,100\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_report(catalogue, data, period="2026-01")
    # December 2025 is in the year 2025, which has no population.
    [problem] = caught.value.problems
    assert problem.message.startswith("population 'adults' has no value for 2025 (from Dec 2025), ")
    data.write_text("ref,period,value\nA,2026-01,100\n", encoding="utf-8")
    report = build_report(catalogue, data, period="2026-01")
    # 100 / 40,000 x 10,000 = 25.0
    assert computed_line(row(report, "AR")) == (
        "Computed by this tool from A Assessments. A (100) divided by 40,000 (adults aged 18 and over, 2026) "
        "and multiplied by 10,000: 25.0."
    )
