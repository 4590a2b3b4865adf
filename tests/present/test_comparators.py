"""Every arrow's comparator is on the page: the table's columns and headings, the appendix's change.

Values from ``support.py``, for October 2026: the monthly rows are judged against Sep 2026 (CIN22
against Oct 2025), the quarterly CF5 against Q1 2026/27, and the workforce section's one row against
Oct 2025.
"""

from __future__ import annotations

from dataclasses import replace

from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import LabelledFigure, appendix_page
from scorecard_report.present.palette import Tone
from scorecard_report.present.table import SectionTable, TableCell, TableMaker

from .support import plain


def section_table(report: Report, index: int) -> SectionTable:
    return TableMaker(report, final=False).table(report.sections[index].rows)


def cells(table: SectionTable, ref: str) -> dict[str, TableCell]:
    line = next(line for line in table.lines if line.cells and line.cells[0].text == ref)
    return {column.key: cell for column, cell in zip(table.columns, line.cells, strict=True)}


def test_a_section_judged_on_the_previous_period_gets_its_column(report: Report) -> None:
    table = section_table(report, 0)
    headings = [(column.key, column.heading, column.subheading) for column in table.columns]
    assert headings == [
        ("ref", "Ref", ""),
        ("title", "Indicator", ""),
        ("current", "Current", ""),
        ("previous_period", "Previous Period", "Sep 2026"),
        ("previous_year", "Previous Year", "Oct 2025"),
        ("target", "Target", ""),
        ("direction", "Direction of Travel", "vs Sep 2026"),  # what two of the four rows compare with
    ]  # too few months for SPC: the Variation and Assurance columns, empty, are left out


def test_a_row_with_another_comparator_names_it_under_its_arrow(report: Report) -> None:
    table = section_table(report, 0)
    # CIN22: 19% against Oct 2025's 22%, down, low is good.
    cin22 = cells(table, "CIN22")
    assert (cin22["previous_year"].text, cin22["direction"].arrow, cin22["direction"].text) == (
        "22%",
        "↓",
        "Improving",
    )
    assert cin22["direction"].note == "vs Oct 2025"
    # CF5: 66.2% against Q1 2026/27's 65.8%, up; its cells name their quarters.
    cf5 = cells(table, "CF5")
    assert (cf5["previous_period"].text, cf5["previous_period"].note) == ("65.8%", "Q1 2026/27")
    assert (cf5["previous_year"].text, cf5["previous_year"].note) == ("69.0%", "Q2 2025/26")
    assert (cf5["direction"].arrow, cf5["direction"].text, cf5["direction"].note) == (
        "↑",
        "Improving",
        "vs Q1 2026/27",
    )
    # CIN26 is judged against Sep 2026, as the heading says: its cell adds nothing.
    cin26 = cells(table, "CIN26")
    assert (cin26["previous_period"].text, cin26["direction"].note) == ("70%", "")


def test_a_section_judged_only_on_the_previous_year_has_no_previous_period_column(report: Report) -> None:
    table = section_table(report, 1)
    assert [column.key for column in table.columns] == [
        "ref",
        "title",
        "current",
        "previous_year",
        "direction",
    ]  # no row has a target, nor SPC: those columns are left out
    assert table.columns[-1].subheading == "vs Oct 2025"
    assert cells(table, "WF1")["direction"].note == ""


def figures(row: Row, report: Report) -> dict[str, LabelledFigure]:
    page = appendix_page(row, report.sections[0], {}, final=False)
    return {box.label: box for box in page.figures}


def test_the_appendix_change_for_an_indicator_compared_with_the_previous_year(
    report: Report, rows: dict[str, Row]
) -> None:
    # CIN22: Sep 2026 17%, Oct 2025 22%, now 19%. Its arrow is judged against Oct 2025: 19 − 22 = −3
    # percentage points, down, and low is good → Improving.
    boxes = figures(rows["CIN22"], report)
    assert boxes["Previous period (Sep 2026)"].text == "17%"
    assert boxes["Previous year (Oct 2025)"].text == "22%"
    change = boxes["Change vs Oct 2025"]
    assert (plain(change.text), change.arrow, change.word, change.tone) == (
        "−3pp",
        "↓",
        "Improving",
        Tone.IMPROVING,
    )


def test_the_appendix_change_for_an_indicator_compared_with_the_previous_period(
    report: Report, rows: dict[str, Row]
) -> None:
    # CIN26: 69% against Sep 2026's 70%: −1 percentage point, down, high is good → Declining.
    change = figures(rows["CIN26"], report)["Change vs Sep 2026"]
    assert (plain(change.text), change.arrow, change.word, change.tone) == (
        "−1pp",
        "↓",
        "Declining",
        Tone.DECLINING,
    )


def test_an_annual_rows_previous_period_is_its_previous_year_column(
    report: Report, rows: dict[str, Row]
) -> None:
    # A year before 2025/26 is 2024/25 either way: the Previous Year column already shows what the
    # arrow is judged on, so no column is added.
    annual = rows["CA1"]
    annual = replace(annual, frequency=Frequency.ANNUAL, previous_period=annual.previous_year)
    table = TableMaker(report, final=False).table((annual,))
    assert "previous_period" not in [column.key for column in table.columns]
