"""The Excel workbook (``--format xlsx``): the summary as a real table of numbers and words, the series, the
changes where an edition is compared with, and an About sheet; formula-safe and reproducible.

Every value is the small fixture's for January 2023, worked out by hand:

- FD1 (count, neutral, no target): 1,348 now, 1,196 in Dec 2022, 1,221 in Jan 2022: up, increased.
- FD8 (percent, target 85–90%): 93.4 is shown as 93, above the range with polarity high: exceeding, Green.
- CF5 (percent, target 73%, tolerance 5%): 70.5 is shown as 71 (half away from zero), below 73 but not
  below 73 × 0.95 = 69.35: Amber.
- CLA1 (rate per 10,000, target ≤ 70, tolerance 2): 145 / 20,000 × 10,000 = 72.5, more than 70 + 2: Red.
- CLA9 (quarterly, bands Requires improvement 75–84, Good 85–93, Outstanding 95–99): Q3 2022/23's 94 is in
  the gap between Good and Outstanding, so it is Good; it has no target, so No status.
- 012 (annual money): 2021/22's £1,250,000, its ref a text that looks like a number.

Colours are the catalogue's defaults: green #00703c with white text, amber #ffdd00 with #0b0c0c, red
#d4351c with white, no status #f3f2f1 with #0b0c0c; headers the accent #1d4f91 with white.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from scorecard_report.cli import main
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Unit
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Change, ChangeKind, Changes, EarlierEdition
from scorecard_report.model.report import Report, SectionReport
from scorecard_report.publish.checks import output_problem
from scorecard_report.publish.policy import dated_file_name, latest_file_name
from scorecard_report.render.formats import FORMATS, MAKE_ORDER, Sources
from scorecard_report.render.summary_xlsx import render_summary_xlsx
from scorecard_report.render.xlsx_sheets import number_format, unique

FIXTURES = Path(__file__).parent.parent / "fixtures"
PRODUCED = "2023-02-01T09:30:00Z"
GREEN, AMBER, RED, NO_STATUS = "FF00703C", "FFFFDD00", "FFD4351C", "FFF3F2F1"
WHITE, DARK = "FFFFFFFF", "FF0B0C0C"
PERCENT = '#,##0"%"'
DECEMBER = EarlierEdition(
    "small-test-scorecard",
    Month(2022, 12),
    "Dec 2022",
    "2023-01-09T06:00:00Z",
    "small-test-scorecard-2022-12-snapshot.json",
)
CF5_AMBER = Change(ChangeKind.STATUS, "CF5", "Assessments in timescale", "Front Door", "Green", "Amber")
FD8_REVISED = Change(
    ChangeKind.REVISION,
    "FD8",
    "Screenings completed within 72 hours",
    "Front Door",
    "85%",
    "83%",
    Month(2022, 12),
    "Dec 2022",
)


@pytest.fixture(scope="module")
def report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))


def workbook(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_summary_xlsx(report, PRODUCED)))


@pytest.fixture(scope="module")
def summary(report: Report) -> Worksheet:
    return workbook(report)["Summary"]


def cell(sheet: Worksheet, ref: str, heading: str) -> Cell:
    """The cell of the row whose Ref is ``ref``, under ``heading``."""
    headings = [str(header.value) for header in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == ref:
            found = row[headings.index(heading)]
            assert isinstance(found, Cell)
            return found
    raise AssertionError(f"no row {ref}")


def fill(target: Cell | MergedCell) -> str | None:
    return str(target.fill.fgColor.rgb) if target.fill.fill_type == "solid" else None


def font_colour(target: Cell) -> str:
    assert target.font.color is not None
    return str(target.font.color.rgb)


def with_row(report: Report, ref: str, **changes: object) -> Report:
    """``report`` with the row ``ref`` changed."""
    sections = tuple(
        SectionReport(
            section.id,
            section.title,
            section.owner,
            tuple(replace(row, **changes) if row.ref == ref else row for row in section.rows),  # type: ignore[arg-type]
        )
        for section in report.sections
    )
    return replace(report, sections=sections)


# ---------------------------------------------------------------- numbers are numbers, in their format


def test_cf5_current_is_the_number_70_5_shown_as_a_whole_percent(summary: Worksheet) -> None:
    current = cell(summary, "CF5", "Current")
    assert current.value == 70.5
    assert current.data_type == "n"
    assert current.number_format == PERCENT  # Excel shows 71%, as the documents do
    assert cell(summary, "CF5", "Previous period").value == 74
    assert cell(summary, "CF5", "Previous year").value is None  # no Jan 2022 value: an empty cell


def test_each_unit_has_its_number_format(summary: Worksheet) -> None:
    assert (cell(summary, "FD1", "Current").value, cell(summary, "FD1", "Current").number_format) == (
        1348,
        "#,##0",
    )
    # CLA1's value is worked out from its numerator and denominator: 145 / 20,000 × 10,000 = 72.5.
    assert (cell(summary, "CLA1", "Current").value, cell(summary, "CLA1", "Current").number_format) == (
        72.5,
        "#,##0.0",
    )
    assert (cell(summary, "012", "Current").value, cell(summary, "012", "Current").number_format) == (
        1250000,
        '"£"#,##0',
    )
    # An indicator's decimals: a percentage at 2 decimals, money at 2, a count at none.
    assert number_format(Unit.PERCENT, 2) == '#,##0.00"%"'
    assert number_format(Unit.CURRENCY, 2) == '"£"#,##0.00'
    assert number_format(Unit.COUNT, 0) == "#,##0"


def test_benchmarks_are_numbers_headed_by_their_label_and_year(summary: Worksheet) -> None:
    region = cell(summary, "FD8", "Regional Average (2021/22)")
    assert (region.value, region.number_format) == (81, PERCENT)
    assert cell(summary, "FD8", "England Average (2021/22)").value == 79.6
    # 2021/22 is one year before 2022/23, within the default benchmark_max_age of 1.
    assert cell(summary, "FD8", "England Average year").value == "2021/22"
    assert cell(summary, "FD8", "England Average too old").value == "No"
    assert cell(summary, "CF5", "England Average year").value is None  # CF5 has no benchmark


def test_a_negative_number_stays_a_number(report: Report) -> None:
    fd1 = next(row for row in report.rows if row.ref == "FD1")
    changed = with_row(report, "FD1", current=replace(fd1.current, value=Decimal("-5")))
    current = cell(workbook(changed)["Summary"], "FD1", "Current")
    assert (current.value, current.data_type) == (-5, "n")


# ---------------------------------------------------------------- words, and fills that carry them


def test_status_cells_carry_their_word_and_the_documents_fill(summary: Worksheet) -> None:
    expected = {
        "FD8": ("Green", GREEN, WHITE),
        "CF5": ("Amber", AMBER, DARK),
        "CLA1": ("Red", RED, WHITE),
        "CLA9": ("No status", NO_STATUS, DARK),
    }
    for ref, (word, colour, text) in expected.items():
        status = cell(summary, ref, "Status")
        assert (status.value, fill(status), font_colour(status)) == (word, colour, text), ref


def test_a_band_cell_carries_its_label_and_its_fill(summary: Worksheet) -> None:
    band = cell(summary, "CLA9", "Band")
    assert (band.value, fill(band), font_colour(band)) == ("Good", GREEN, WHITE)
    assert cell(summary, "CLA9", "Period").value == "Q3 2022/23"
    unbanded = cell(summary, "FD8", "Band")
    assert (unbanded.value, fill(unbanded)) == (None, None)


def test_the_direction_and_its_judgement_are_words(summary: Worksheet) -> None:
    # FD1 rose from 1,196 to 1,348 with no better direction; CF5 fell from 74 to 71 with high good.
    assert (cell(summary, "FD1", "Direction").value, cell(summary, "FD1", "Judgement").value) == (
        "Up",
        "Increased",
    )
    assert (cell(summary, "CF5", "Direction").value, cell(summary, "CF5", "Judgement").value) == (
        "Down",
        "Declining",
    )


def test_words_are_as_the_documents_write_them(summary: Worksheet) -> None:
    ref = cell(summary, "012", "Ref")
    assert (ref.value, ref.data_type) == ("012", "s")  # not the number 12
    assert cell(summary, "FD8", "Target").value == "85–90%"  # without the invisible joiner
    assert cell(summary, "CF5", "Target").value == "≥\u00a073%"
    assert cell(summary, "CLA1", "Unit").value == "Rate per 10,000"
    assert cell(summary, "CLA9", "Frequency").value == "Quarterly"
    assert cell(summary, "FD1", "Timeliness").value == "On time"
    assert cell(summary, "FD1", "Needs attention").value == "No"
    assert cell(summary, "FD1", "Section").value == "Front Door"


# ---------------------------------------------------------------- a real table


def test_the_summary_is_one_excel_table_with_its_header_frozen(summary: Worksheet) -> None:
    # 28 fixed columns, 2 benchmark values and 2 × 2 year and age columns: 34, A to AH; 6 indicators.
    assert summary.freeze_panes == "A2"
    (table,) = summary.tables.values()
    assert (table.displayName, table.ref, table.headerRowCount) == ("Summary", "A1:AH7", 1)
    assert table.tableStyleInfo is not None and table.tableStyleInfo.name == "TableStyleMedium2"
    assert [column.name for column in table.tableColumns][:3] == ["Ref", "Indicator", "Section"]
    header = summary["A1"]
    assert (fill(header), font_colour(header), header.font.bold) == ("FF1D4F91", WHITE, True)


def test_it_prints_with_its_header_row_and_the_marking_on_every_page(summary: Worksheet) -> None:
    assert (summary.page_setup.orientation, summary.print_title_rows) == ("landscape", "$1:$1")
    header, footer = summary.HeaderFooter.oddHeader, summary.HeaderFooter.oddFooter
    assert header is not None and footer is not None
    assert header.center.text == "OFFICIAL"  # the catalogue's default marking
    assert footer.center.text == "Page &P of &N"


def test_column_widths_fit_the_widest_cell_or_the_heading(summary: Worksheet) -> None:
    # "Screenings completed within 72 hours" is 36 characters, plus one; "Ref" is 3 plus 3 for the
    # filter button.
    assert summary.column_dimensions["B"].width == 37
    assert summary.column_dimensions["A"].width == 6


def test_repeated_headings_are_told_apart() -> None:
    assert unique(["Target", "target", "Target"]) == ("Target", "target 2", "Target 3")


# ---------------------------------------------------------------- formulas are never run


def test_a_formula_looking_title_stays_text(report: Report) -> None:
    changed = with_row(report, "CF5", title='=HYPERLINK("http://x","click")')
    content = render_summary_xlsx(changed, PRODUCED)
    title = cell(openpyxl.load_workbook(io.BytesIO(content))["Summary"], "CF5", "Indicator")
    assert (title.value, title.data_type) == ('\'=HYPERLINK("http://x","click")', "s")
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml


def test_characters_xml_cannot_hold_are_dropped(report: Report) -> None:
    changed = with_row(report, "FD1", title="Contacts\x07 received")
    assert cell(workbook(changed)["Summary"], "FD1", "Indicator").value == "Contacts received"


# ---------------------------------------------------------------- the other sheets


def test_the_sheets_without_an_earlier_edition(report: Report) -> None:
    assert workbook(report).sheetnames == ["Summary", "Series", "About"]


def test_the_series_sheet_is_the_series_csv_as_a_table(report: Report) -> None:
    # 13 trend periods for each of the 6 indicators: 78 lines.
    series = workbook(report)["Series"]
    (table,) = series.tables.values()
    assert (table.displayName, table.ref, series.freeze_panes) == ("Series", "A1:J79", "A2")
    january = [row for row in series.iter_rows(min_row=2) if row[0].value == "CF5"][-1]
    assert [c.value for c in january[:4]] == [
        "CF5",
        "Assessments in timescale",
        dt.datetime(2023, 1, 1),
        70.5,
    ]
    assert (january[2].number_format, january[3].number_format) == ("mmm yyyy", PERCENT)


def test_the_changes_sheet_is_there_only_with_an_earlier_edition(report: Report) -> None:
    compared = replace(report, changes=Changes(DECEMBER, (CF5_AMBER, FD8_REVISED)))
    book = workbook(compared)
    assert book.sheetnames == ["Summary", "Series", "Changes", "About"]
    changes = book["Changes"]
    assert [[c.value for c in row] for row in changes.iter_rows()] == [
        ["Kind", "Ref", "Indicator", "Section", "Period", "Was", "Now"],
        ["Status changes", "CF5", "Assessments in timescale", "Front Door", None, "Green", "Amber"],
        [
            "Revised values",
            "FD8",
            "Screenings completed within 72 hours",
            "Front Door",
            "Dec 2022",
            "85%",
            "83%",
        ],
    ]
    about = [[c.value for c in row] for row in book["About"].iter_rows()]
    assert [
        "Compared with",
        "Compared with the Dec 2022 edition, recorded 9 Jan 2023 "
        "(small-test-scorecard-2022-12-snapshot.json).",
    ] in about


def test_with_nothing_changed_the_changes_table_has_one_empty_line(report: Report) -> None:
    # Excel wants a line under a table's header; an empty one is how it keeps an empty table.
    changes = workbook(replace(report, changes=Changes(DECEMBER)))["Changes"]
    (table,) = changes.tables.values()
    assert table.ref == "A1:G2"
    assert [c.value for c in changes[2]] == [None] * 7


def test_the_about_sheet_names_the_workbook_and_the_words_of_its_fills(report: Report) -> None:
    about = workbook(report)["About"]
    lines = {row[0].value: row for row in about.iter_rows()}
    assert lines["Organisation"][1].value == "Test Council"
    assert lines["Period"][1].value == "January 2023"
    assert lines["Marking"][1].value == "OFFICIAL"
    amber = lines["Amber"]
    assert (fill(amber[0]), amber[1].value) == (AMBER, "Target not met, but within tolerance of it")
    assert fill(lines["Requires improvement"][0]) == AMBER
    assert fill(lines["Inadequate"][0]) == RED


def test_document_properties(report: Report) -> None:
    properties = workbook(report).properties
    assert (properties.title, properties.subject, properties.creator, properties.language) == (
        "Small Test Scorecard",
        "January 2023",
        "Test Council",
        "en-GB",
    )
    assert properties.keywords == "performance scorecard, Test Council, January 2023"
    assert properties.created == properties.modified == dt.datetime(2023, 2, 1, 9, 30)


# ---------------------------------------------------------------- the format, and the same bytes twice


def test_it_is_the_format_xlsx_named_name_period_xlsx(report: Report) -> None:
    assert list(FORMATS)[-1] == "xlsx" and "xlsx" in MAKE_ORDER
    assert dated_file_name("scorecard", Month(2026, 10), "xlsx") == "scorecard-2026-10.xlsx"
    assert latest_file_name("scorecard", "xlsx") == "scorecard-latest.xlsx"
    made = FORMATS["xlsx"].render(Sources(report, produced=PRODUCED))
    assert made == render_summary_xlsx(report, PRODUCED)
    assert output_problem("xlsx", made) is None
    assert output_problem("xlsx", b"PK\x03\x04 cut short").startswith("Excel cannot open it")  # type: ignore[union-attr]


def build_xlsx(out: Path) -> bytes:
    code = main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "small.yaml"),
            "--data",
            str(FIXTURES / "small.csv"),
            "--period",
            "2023-01",
            "--format",
            "xlsx",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    return (out / "small-test-scorecard-2023-01.xlsx").read_bytes()


def test_two_builds_at_one_source_date_epoch_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    first, second = build_xlsx(tmp_path / "one"), build_xlsx(tmp_path / "two")
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist()[0] == "[Content_Types].xml"
    assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    core = archive.read("docProps/core.xml").decode("utf-8")
    assert 'W3CDTF">2023-11-14T22:13:20Z</dcterms:created>' in core
    assert 'W3CDTF">2023-11-14T22:13:20Z</dcterms:modified>' in core


# ---------------------------------------------------------------- the example


def test_the_examples_workbook_reopens_with_its_fills_words_and_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # October 2026, the catalogue's default tolerance 5%:
    # - FD5 (target 85-90%): 82.5 shows as 83, below 85 but not below 85 x 0.95 = 80.75: Amber; September's
    #   83.1 also shows as 83, so no change.
    # - FD9 (days, low is good, Good at 3 days or fewer, Outstanding at 1): 2.4 is Good; down from 2.7 is
    #   improving.
    # - FD12 (target <= 25%): 27.6 shows as 28, above 25 x 1.05 = 26.25: Red.
    root = Path(__file__).parent.parent.parent
    monkeypatch.chdir(root)
    out = tmp_path / "out"
    assert main(["build", "--period", "2026-10", "--format", "xlsx", "--out", str(out), "-q"]) == 0
    summary = openpyxl.load_workbook(out / "childrens-scorecard-2026-10.xlsx")["Summary"]
    assert summary.freeze_panes == "A2"
    (table,) = summary.tables.values()
    assert table.ref.startswith("A1:") and table.ref.endswith("147")  # 146 indicators under the header
    fd5 = cell(summary, "FD5", "Current")
    assert (fd5.value, fd5.number_format) == (82.5, PERCENT)
    assert (cell(summary, "FD5", "Status").value, fill(cell(summary, "FD5", "Status"))) == ("Amber", AMBER)
    assert cell(summary, "FD5", "Judgement").value == "No change"
    fd9 = cell(summary, "FD9", "Current")
    assert (fd9.value, fd9.number_format) == (2.4, "#,##0.0")
    assert (cell(summary, "FD9", "Band").value, fill(cell(summary, "FD9", "Band"))) == ("Good", GREEN)
    assert (cell(summary, "FD9", "Direction").value, cell(summary, "FD9", "Judgement").value) == (
        "Down",
        "Improving",
    )
    assert (cell(summary, "FD12", "Status").value, fill(cell(summary, "FD12", "Status"))) == ("Red", RED)
