"""The Python API for notebooks: ``build_report`` makes the report ``scorecard build`` makes, and
``to_frame`` gives the summary, series and changes CSVs' columns and values as typed DataFrames.

The report is tests/fixtures/small.yaml with small.csv for January 2023, whose summary CSV
tests/cli/test_cli_summary_csv.py works out by hand: CF5 (percent, high, target 73%) is 70.5, shown as
71; 73 - 71 = 2 is within the 5% tolerance of 73 (3.65) -> amber; 71 against December's 74 -> down,
declining; no January 2022 value -> previous year empty.
"""

from __future__ import annotations

import csv
import doctest
import io
import json
import logging
import math
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pandas
import pytest

from scorecard_report import build_report, to_frame
from scorecard_report.model.report import Report
from scorecard_report.model.snapshot import report_snapshot
from scorecard_report.problems import InputError, UsageError
from scorecard_report.render.changes_csv import CHANGES_COLUMNS
from scorecard_report.render.snapshot import snapshot_json
from scorecard_report.render.summary_csv import SERIES_COLUMNS, render_series_csv, render_summary_csv

FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUE = FIXTURES / "small.yaml"
DATA = FIXTURES / "small.csv"
EXAMPLE = Path(__file__).parent.parent / "indicator_specs.yaml"
REFS = ["FD1", "FD8", "CF5", "CLA1", "CLA9", "012"]


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(CATALOGUE, DATA, period="2023-01")


@pytest.fixture(scope="module")
def summary(report: Report) -> pandas.DataFrame:
    return to_frame(report)


def csv_records(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_cf5_is_as_the_summary_csv_says(report: Report) -> None:
    cf5 = next(row for row in report.rows if row.ref == "CF5")
    assert (cf5.current.value, cf5.current.text) == (Decimal("70.5"), "71%")
    assert cf5.previous_period.value == Decimal("74")
    assert cf5.previous_year.value is None
    assert (str(cf5.status), str(cf5.direction), str(cf5.judgement)) == ("amber", "down", "declining")
    assert report.period.iso() == "2023-01"


def test_no_period_is_the_latest_as_on_the_command_line() -> None:
    # Jan 2023 is the latest month in which the monthly indicators have values (as --period latest).
    assert build_report(str(CATALOGUE), str(DATA)).period.iso() == "2023-01"


def test_the_summary_frame_has_the_csv_header_and_a_row_per_indicator(
    report: Report, summary: pandas.DataFrame
) -> None:
    header = render_summary_csv(report).decode("utf-8").splitlines()[0].split(",")
    assert list(summary.columns) == header
    assert list(summary.ref) == REFS


def test_cf5_in_the_frame(summary: pandas.DataFrame) -> None:
    cf5 = summary.loc[summary.ref == "CF5"].iloc[0]
    assert (cf5.current, cf5.previous_period) == (70.5, 74.0)
    assert math.isnan(cf5.previous_year)
    assert (cf5.target, cf5.status, cf5.direction, cf5.judgement) == ("73%", "amber", "down", "declining")
    assert cf5.spc_points == 2  # December and January: "No SPC: 2 months of data (13 needed)"
    assert cf5.band is pandas.NA  # no bands: the CSV's empty cell


def test_numbers_are_floats_counts_ints_yes_and_no_booleans_and_words_strings(
    summary: pandas.DataFrame,
) -> None:
    dtypes = {column: str(dtype) for column, dtype in summary.dtypes.items()}
    numbers = ["current", "previous_period", "previous_year", "spc_centre", "spc_lower", "spc_upper"]
    assert {column: dtypes[column] for column in [*numbers, "region", "england"]} == dict.fromkeys(
        [*numbers, "region", "england"], "float64"
    )
    assert dtypes["spc_points"] == "int64"
    assert [dtypes[c] for c in ("attention", "region_too_old", "england_too_old")] == ["boolean"] * 3
    assert [dtypes[c] for c in ("ref", "title", "period", "target", "status", "region_year")] == [
        "string"
    ] * 6
    # Arithmetic works on the numbers: CLA1 72.5 - 71.5 = 1.0 since December.
    cla1 = summary.set_index("ref").loc["CLA1"]
    assert cla1.current - cla1.previous_period == 1.0


def test_fd8s_benchmarks_as_in_the_csv(summary: pandas.DataFrame) -> None:
    # region 81 and england 79.6 (as written), both 2021/22, one year before 2022/23: not too old.
    fd8 = summary.set_index("ref").loc["FD8"]
    assert (fd8.region, fd8.england, fd8.region_year, bool(fd8.region_too_old)) == (
        81.0,
        79.6,
        "2021/22",
        False,
    )


def shown_as_in_the_csv(cell: object) -> str:
    """A frame's cell as the CSV writes it, for comparing the two cell by cell."""
    if cell is pandas.NA or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, bool):  # a row of the frame holds Python's bool, int and float
        return "yes" if cell else "no"
    return str(cell)


def same_as_csv(frame: pandas.DataFrame, data: bytes) -> Iterator[tuple[str, str, str]]:
    """Each (column, CSV text, frame cell) that differ; numbers compared as numbers: an SPC limit such
    as 84.33333333333333333333333333 is the float nearest it."""
    for record, (_, line) in zip(csv_records(data), frame.iterrows(), strict=True):
        for column, text in record.items():
            cell = line[column]
            if isinstance(cell, float) and text:
                if float(Decimal(text)) != cell:  # the nearest float to the CSV's number
                    yield column, text, repr(cell)
            elif shown_as_in_the_csv(cell) != text:
                yield column, text, repr(cell)


def test_every_summary_cell_is_the_csvs_cell_typed(report: Report, summary: pandas.DataFrame) -> None:
    assert list(same_as_csv(summary, render_summary_csv(report))) == []


def test_the_series_frame_is_the_series_csv_typed(report: Report) -> None:
    series = to_frame(report, "series")
    assert list(series.columns) == list(SERIES_COLUMNS)
    assert str(series.value.dtype) == "float64"
    assert len(series) == len(csv_records(render_series_csv(report)))
    # FD1's trend starts at January 2022, "1,221" in the data.
    first = series.iloc[0]
    assert (first.ref, first.period, first.value) == ("FD1", "2022-01", 1221.0)
    assert list(same_as_csv(series, render_series_csv(report))) == []


def test_the_examples_frames_are_its_csvs_typed() -> None:
    # The example council's 146 indicators for October 2026, with SPC limits and benchmarks.
    example = build_report(EXAMPLE, period="2026-10")
    summary = to_frame(example)
    assert len(summary) == 146
    assert list(same_as_csv(summary, render_summary_csv(example))) == []
    assert list(same_as_csv(to_frame(example, "series"), render_series_csv(example))) == []


def test_with_nothing_to_compare_the_changes_frame_is_its_header(report: Report) -> None:
    changes = to_frame(report, "changes")
    assert (list(changes.columns), len(changes)) == (list(CHANGES_COLUMNS), 0)


def test_changes_since_a_december_edition(tmp_path: Path) -> None:
    # December's edition showed FD8's December as 85%, revised to 83 since; CF5 was 74 against 73 (green)
    # and is amber; CLA1 was 71.5 against <=70, within its tolerance of 2 (amber), and is 72.5 (red).
    december_data = tmp_path / "december.csv"
    december_data.write_text(DATA.read_text(encoding="utf-8").replace("FD8,2022-12,83", "FD8,2022-12,85"))
    december = build_report(CATALOGUE, december_data, period="2022-12")
    snapshot = tmp_path / "small-test-scorecard-2022-12-snapshot.json"
    snapshot.write_bytes(
        snapshot_json(report_snapshot(december, "small-test-scorecard", "2023-01-09T06:00:00Z"))
    )
    changes = to_frame(build_report(CATALOGUE, DATA, period="2023-01", compare_with=snapshot), "changes")
    assert changes.fillna("").values.tolist() == [
        ["status", "CF5", "Assessments in timescale", "Front Door", "", "Green", "Amber"],
        ["status", "CLA1", "Children in care rate per 10,000", "Children in Care", "", "Amber", "Red"],
        ["revision", "FD8", "Screenings completed within 72 hours", "Front Door", "2022-12", "85%", "83%"],
    ]


def test_one_section_named_alone() -> None:
    front_door = build_report(CATALOGUE, DATA, period="2023-01", sections="front-door")
    assert [row.ref for row in front_door.rows] == ["FD1", "FD8", "CF5"]


def test_a_missing_catalogue_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(InputError) as raised:
        build_report(missing)
    assert (
        str(raised.value)
        == f"error: {missing}: catalogue not found (check the path, or name the file with the option)"
    )


def test_a_wrong_catalogue_lists_its_problems_with_their_lines(tmp_path: Path) -> None:
    # FD1's polarity is on line 17 of small.yaml.
    typo = tmp_path / "small.yaml"
    typo.write_text(CATALOGUE.read_text(encoding="utf-8").replace("polarity: neutral", "polarty: neutral"))
    with pytest.raises(InputError) as raised:
        build_report(typo, DATA)
    assert str(raised.value) == f"error: {typo}:17: ref FD1: unknown key 'polarty' (did you mean 'polarity'?)"
    assert [(problem.line, problem.ref) for problem in raised.value.problems] == [(17, "FD1")]


def test_a_bad_period_or_section_is_a_usage_error_as_on_the_command_line() -> None:
    with pytest.raises(UsageError, match=r"^--period: '2023-13': month 13 is not 1-12$"):
        build_report(CATALOGUE, DATA, period="2023-13")
    with pytest.raises(UsageError, match=r"did you mean 'front-door'\?"):
        build_report(CATALOGUE, DATA, sections=["front-dor"])


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_a_ref_the_catalogue_lacks_is_a_logged_warning_and_under_strict_an_error(tmp_path: Path) -> None:
    # Row 18: the header is row 1 and small.csv has 16 rows of values.
    data = tmp_path / "values.csv"
    data.write_text(DATA.read_text(encoding="utf-8") + "XX1,2023-01,5,,,\n", encoding="utf-8")
    said = f"{data}: row 18: ref XX1: ref 'XX1' is not in the catalogue small.yaml"
    kept = Kept()
    logger = logging.getLogger("scorecard_report")  # its own handler: the CLI's tests may stop propagation
    logger.addHandler(kept)
    try:
        build_report(CATALOGUE, data, period="2023-01")
    finally:
        logger.removeHandler(kept)
    assert kept.lines == [f"{said} (its values are ignored; add it to the catalogue or fix the ref)"]
    with pytest.raises(InputError, match="^error: " + said):
        build_report(CATALOGUE, data, period="2023-01", strict=True)


def test_which_must_be_summary_series_or_changes(report: Report) -> None:
    with pytest.raises(
        ValueError, match=r"^to_frame: which must be one of summary, series, changes, not 'rows'$"
    ):
        to_frame(report, "rows")  # type: ignore[arg-type]


def test_without_pandas_to_frame_says_how_to_install_it(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(
        ImportError, match=r"^to_frame needs pandas: pip install 'scorecard-report\[pandas\]'$"
    ):
        to_frame(report)


def test_import_scorecard_report_stays_light() -> None:
    # A notebook's ``import scorecard_report`` loads no stage and no heavy library; the API loads when used.
    code = (
        "import json, sys, scorecard_report\n"
        "heavy = ('pandas', 'matplotlib', 'weasyprint', 'docx', 'openpyxl', 'scorecard_report.api')\n"
        "print(json.dumps([name for name in heavy if name in sys.modules]))\n"
        "scorecard_report.build_report\n"
        "print(json.dumps('scorecard_report.api' in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert [json.loads(line) for line in done.stdout.splitlines()] == [[], True]


def test_a_would_be_formula_is_text_as_the_catalogue_wrote_it(tmp_path: Path) -> None:
    # The CSV writes '=HYPERLINK("x") so that a spreadsheet shows it as text; a frame is no spreadsheet,
    # so it holds the title as written.
    catalogue = tmp_path / "small.yaml"
    hostile = "title: '=HYPERLINK(\"x\")'"
    catalogue.write_text(CATALOGUE.read_text(encoding="utf-8").replace("title: Contacts received", hostile))
    hostile_report = build_report(catalogue, DATA, period="2023-01")
    assert to_frame(hostile_report).title[0] == '=HYPERLINK("x")'
    assert csv_records(render_summary_csv(hostile_report))[0]["title"] == '\'=HYPERLINK("x")'


def test_the_readmes_example_prints_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (EXAMPLE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python (notebooks)", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(EXAMPLE.parent)  # it names indicator_specs.yaml as a notebook beside it would
    test = doctest.DocTestParser().get_doctest(example, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []  # what doctest prints of each example that printed otherwise
    result = runner.run(test, out=failures.append)
    assert (result.attempted, result.failed, failures) == (6, 0, [])
