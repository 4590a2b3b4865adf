"""Late and stale data and too-old benchmarks as the documents show them: the current value's word and mark,
the benchmark cell's "Too old", the appendix's data line, the summary's data notes and the key, worked by
hand from docs/scorecard-rules.md (Timeliness, Benchmark age). October 2026 is in 2026/27; default lag for
monthly indicators 0 months; benchmark_max_age 1."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Changes, EarlierEdition, Revision
from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import EARLIER_VALUE, appendix_page, chart_table, data_line
from scorecard_report.present.key import key_view
from scorecard_report.present.summary import summary_view
from scorecard_report.present.table import TableMaker, current_cell

CATALOGUE = """\
title: Timeliness View
organisation: Test Council
missing_label: Not yet available
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
      - {ref: M1, title: Audits, unit: percent, polarity: high, lag: 1 month}
      - {ref: MS, title: Health checks, unit: count, polarity: neutral, owner: Health partner}
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
"""


@pytest.fixture(scope="module")
def october(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder: Path = tmp_path_factory.mktemp("timeliness-view")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    catalogue = load_catalogue(folder / "catalogue.yaml")
    return build_report(catalogue, load_values(folder / "values.csv", catalogue), Month(2026, 10))


def row(report: Report, ref: str) -> Row:
    return next(row for row in report.rows if row.ref == ref)


def test_the_current_value_carries_late_or_stale_with_its_mark(october: Report) -> None:
    # M1: lag 1 month; Sep (due by Oct) is missing, Oct is not due until Nov -> Late †.
    # MS: lag 0; Aug, Sep and Oct all due by Oct, data to Jul -> Stale ‡. M0 reaches Oct -> nothing.
    assert current_cell(row(october, "M1")).flag == "Late †"
    assert current_cell(row(october, "MS")).flag == "Stale ‡"
    assert current_cell(row(october, "M0")).flag == ""
    assert current_cell(row(october, "MS")).text == "Not yet available"


def test_the_section_table_shows_the_flag_and_too_old_benchmarks(october: Report) -> None:
    table = TableMaker(october, final=False).table(october.sections[0].rows)
    keys = [column.key for column in table.columns]
    m0, m1 = table.lines[0].cells, table.lines[1].cells
    assert m1[keys.index("current")].flag == "Late †"
    # M0's England figure is 2025/26, 1 year before 2026/27: compared. Region 2024/25 is 2 years > 1: too old.
    assert (m0[keys.index("benchmark:england")].text, m0[keys.index("benchmark:england")].note) == ("100", "")
    assert (m0[keys.index("benchmark:region")].text, m0[keys.index("benchmark:region")].note) == (
        "90",
        "Too old",
    )


def test_the_appendix_says_how_recent_the_data_is_and_where_it_comes_from(october: Report) -> None:
    assert data_line(row(october, "M0")) == (
        "Data to Oct 2026. Source: LCS month-end extract; supplied by Front Door Service Manager."
    )
    assert data_line(row(october, "M1")) == "Late †: Data to Aug 2026; Sep 2026 was due by Oct 2026."
    assert data_line(row(october, "MS")) == (
        "Stale ‡: Data to Jul 2026; Aug 2026 was due by Aug 2026. Supplied by Health partner."
    )


def test_the_appendix_benchmarks_mark_the_one_too_old(october: Report) -> None:
    page = appendix_page(row(october, "M0"), october.sections[0], {}, final=False)
    assert [(line.label, line.value, line.note) for line in page.benchmarks] == [
        ("England (2025/26)", "100", ""),
        ("Region (2024/25)", "90", "Too old"),
    ]


def test_the_summary_lists_the_data_notes_without_an_empty_source_column(october: Report) -> None:
    notes = summary_view(october).data_notes
    assert notes is not None
    # No late or stale row has a source (M0's is on time), so that column is left out; MS has an owner.
    assert notes.columns == ("Ref", "Indicator", "Section", "Data", "What is missing", "Supplied by")
    assert notes.lines == (
        ("M1", "Audits", "Front Door", "Late †", "Data to Aug 2026; Sep 2026 was due by Oct 2026", ""),
        (
            "MS",
            "Health checks",
            "Front Door",
            "Stale ‡",
            "Data to Jul 2026; Aug 2026 was due by Aug 2026",
            "Health partner",
        ),
    )


def test_the_key_explains_the_marks_and_too_old_only_where_they_appear(october: Report) -> None:
    assert [part.heading for part in key_view(october).data] == [
        "Late and stale data",
        "Benchmarks too old to compare",
    ]
    on_time = dataclasses.replace(october, data_notes=())
    assert [part.heading for part in key_view(on_time).data] == ["Benchmarks too old to compare"]


def test_a_revised_value_is_named_on_the_appendix_page_and_in_the_values_table(october: Report) -> None:
    # M0's Sep 2026 was 98 in the September edition and is 96 now.
    revision = Revision(Month(2026, 9), "Sep 2026", Decimal(98), Decimal(96), "98", "96")
    m0 = dataclasses.replace(row(october, "M0"), revisions=(revision,))
    earlier = EarlierEdition("scorecard", Month(2026, 9), "Sep 2026", "2026-10-08T06:00:00Z", "s.json")
    revised = dataclasses.replace(october, changes=Changes(earlier))
    page = appendix_page(m0, revised.sections[0], {}, final=False, earlier="Sep 2026")
    assert page.revisions_line == "Revised since the Sep 2026 edition: Sep 2026 was 98, now 96."
    table = chart_table(m0)
    earlier_row = next(line for line in table.rows if line.label == EARLIER_VALUE)
    by_period = dict(zip(table.periods, earlier_row.cells, strict=True))
    assert by_period["Sep 2026"] == "98"
    assert by_period["Oct 2026"] == "–"
