"""Rule: compare values as shown, end to end through build_report.

Rules text: "Compare values as shown: round to the indicator's display decimals before judging, so a
cell that shows `90%` against a target of `90%` is green. Rounding is half away from zero, as in
Excel (`70.5` at 0 decimals is `71`)". Direction of travel: "Round both to display decimals first."
Benchmarks: "better / worse / same by the indicator's polarity, at display precision." And "Nothing
dated after P may appear anywhere in the report for P."

Every case below is chosen so that judging the raw value would give a different answer.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Comparison, Direction, Judgement, RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report, Row

D = Decimal
REPORT_PERIOD = Month(2023, 1)

CATALOGUE = """\
title: Compare As Shown
organisation: Test Council
year_start_month: 4
default_tolerance: 5%
benchmarks:
  - {id: region, label: Regional Average}
  - {id: england, label: England Average}
sections:
  - id: main
    title: Main
    indicators:
      - ref: P1
        title: Shown 90% against 90%
        unit: percent
        polarity: high
        target: 90%
        benchmarks: {region: "89.6", england: "90.4"}
      - ref: P2
        title: One decimal, amber only as shown
        unit: percent
        polarity: high
        target: 90%
        decimals: 1
      - ref: P3
        title: CF5 style
        unit: percent
        polarity: high
        target: 73%
      - ref: P4
        title: Compared with a year ago
        unit: percent
        polarity: high
        direction_of_travel: previous_year
      - ref: C1
        title: Contacts
        unit: count
        polarity: neutral
      - ref: L1
        title: Rate with absolute tolerance
        unit: rate
        polarity: low
        target: "<=70"
        tolerance: "2"
      - ref: B1
        title: Quarterly banded
        unit: percent
        polarity: high
        frequency: quarterly
        bands: {requires_improvement: "75-84", good: "85-93", outstanding: "95-99"}
      - ref: B2
        title: Low banded
        unit: rate
        polarity: low
        bands: {requires_improvement: "16-20", good: "10-15", outstanding: "Below 10"}
      - ref: M1
        title: Missing this month
        unit: percent
        polarity: high
        target: 90%
      - ref: A1
        title: Annual spend
        unit: currency
        polarity: low
        frequency: annual
"""

VALUES = """\
ref,period,value
P1,2022-12,90.4
P1,2023-01,89.5
P2,2023-01,85.45
P3,2022-12,70.4
P3,2023-01,70.5
P4,2022-01,79.6
P4,2022-12,90
P4,2023-01,80
C1,2022-12,1347.6
C1,2023-01,1348
L1,2022-12,72.06
L1,2023-01,72.04
B1,2022-09,88
B1,2022-12,94.5
B2,2023-01,9.96
M1,2022-12,95
M1,2023-01,NYA
A1,2021-03,1100000
A1,2022-03,1250000
A1,2023-03,999
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder: Path = tmp_path_factory.mktemp("compare_as_shown")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    catalogue = load_catalogue(folder / "catalogue.yaml")
    values = load_values(folder / "values.csv", catalogue)
    return build_report(catalogue, values, REPORT_PERIOD)


def row(report: Report, ref: str) -> Row:
    return next(r for r in report.rows if r.ref == ref)


def test_89_5_percent_shows_90_and_is_green_against_90(report: Report) -> None:
    # 89.5 at 0 dp → 90 (half away); 90 ≥ 90 → green (raw 89.5 would be amber)
    p1 = row(report, "P1")
    assert p1.current.text == "90%"
    assert p1.current.shown == D(90)
    assert p1.status is RagStatus.GREEN


def test_amber_boundary_judged_on_the_shown_value(report: Report) -> None:
    # 85.45 at 1 dp → 85.5; 90 × 0.05 = 4.5; 90 - 85.5 = 4.5 ≤ 4.5 → amber (raw: 4.55 > 4.5 → red)
    p2 = row(report, "P2")
    assert p2.current.text == "85.5%"
    assert p2.status is RagStatus.AMBER


def test_cf5_70_5_shows_71_and_is_amber(report: Report) -> None:
    # CF5 70.5% → 71 at 0 dp; 73 × 0.95 = 69.35 ≤ 71 < 73 → amber
    p3 = row(report, "P3")
    assert p3.current.text == "71%"
    assert p3.status is RagStatus.AMBER


def test_direction_compares_shown_values(report: Report) -> None:
    # P3: 70.5 → 71 vs 70.4 → 70: up, improving (polarity high)
    p3 = row(report, "P3")
    assert p3.previous_period.text == "70%"
    assert (p3.direction, p3.judgement) == (Direction.UP, Judgement.IMPROVING)
    # P1: 89.5 → 90 vs 90.4 → 90: no change (raw: down)
    p1 = row(report, "P1")
    assert (p1.direction, p1.judgement) == (Direction.SAME, Judgement.NO_CHANGE)
    # C1: 1348 vs 1347.6 → 1348: no change, and the change is shown as 0
    c1 = row(report, "C1")
    assert (c1.direction, c1.judgement) == (Direction.SAME, Judgement.NO_CHANGE)
    assert c1.change_text == "0"


def test_low_polarity_rate_as_shown(report: Report) -> None:
    # 72.04 at 1 dp → 72.0; 72.0 - 70 = 2.0 ≤ 2 → amber (raw: 2.04 > 2 → red)
    # 72.04 → 72.0 vs 72.06 → 72.1: down, improving for polarity low; change -0.1
    l1 = row(report, "L1")
    assert l1.current.text == "72.0"
    assert l1.status is RagStatus.AMBER
    assert (l1.direction, l1.judgement) == (Direction.DOWN, Judgement.IMPROVING)
    assert l1.change_text == "\u2212\u20600.1"  # a real minus joined to its number


def test_direction_against_previous_year_when_configured(report: Report) -> None:
    # P4 compares with Jan 2022: 80 vs 79.6 → 80: no change (vs Dec 2022's 90 it would be down)
    p4 = row(report, "P4")
    assert p4.previous_year.text == "80%"
    assert (p4.direction, p4.judgement) == (Direction.SAME, Judgement.NO_CHANGE)


def test_benchmarks_compared_at_display_precision(report: Report) -> None:
    # ours 89.5 → 90; region 89.6 → 90; england 90.4 → 90: both the same as shown
    comparisons = {b.source.id: b.comparison for b in row(report, "P1").benchmarks}
    assert comparisons == {"region": Comparison.SAME, "england": Comparison.SAME}


def test_bands_judged_on_the_shown_value(report: Report) -> None:
    # B1 (quarterly, Jan 2023 report → Q3 Dec 2022): 94.5 → 95 ≥ 95 → Outstanding (raw 94.5 → Good)
    b1 = row(report, "B1")
    assert b1.current.period == Month(2022, 12)
    assert b1.current.period_text == "Q3 2022/23"
    assert b1.current.text == "95%"
    assert b1.band == "Outstanding"
    # previous quarter Sep 2022: 95 vs 88 → up, improving
    assert b1.previous_period.period == Month(2022, 9)
    assert (b1.direction, b1.judgement) == (Direction.UP, Judgement.IMPROVING)
    # B2: 9.96 at 1 dp → 10.0; not < 10 (strict Below), ≤ 15 → Good (raw 9.96 → Outstanding)
    b2 = row(report, "B2")
    assert b2.current.text == "10.0"
    assert b2.band == "Good"


def test_missing_current_has_no_status_direction_or_older_value(report: Report) -> None:
    m1 = row(report, "M1")
    assert m1.current.text == "Not yet available"
    assert m1.current.shown is None
    assert m1.status is RagStatus.NONE
    assert (m1.direction, m1.judgement) == (Direction.NONE, Judgement.NONE)
    assert m1.previous_period.text == "95%"  # Dec 2022 is shown as previous, never as current


def test_missing_comparator_gives_no_direction(report: Report) -> None:
    # P2 has no Dec 2022 value
    p2 = row(report, "P2")
    assert p2.previous_period.text == "Not yet available"
    assert (p2.direction, p2.judgement) == (Direction.NONE, Judgement.NONE)


def test_nothing_dated_after_the_report_period(report: Report) -> None:
    # A1 annual in a Jan 2023 report: current is 2021/22 (Mar 2022); Mar 2023's 999 must not appear
    a1 = row(report, "A1")
    assert a1.current.period == Month(2022, 3)
    assert a1.current.period_text == "2021/22"
    assert a1.current.text == "£1.3m"  # 1,250,000 → 1.25m → 1.3 half away from zero
    assert a1.previous_period.text == "£1.1m"
    for r in report.rows:
        for figure in (r.current, r.previous_period, r.previous_year, *r.trend):
            assert figure.period <= REPORT_PERIOD, (r.ref, figure.period)
        assert D(999) not in {f.value for f in (r.current, r.previous_period, r.previous_year, *r.trend)}


def test_trend_is_13_periods_ending_at_current(report: Report) -> None:
    p1 = row(report, "P1")
    assert [f.period for f in p1.trend] == [Month(2022, m) for m in range(1, 13)] + [REPORT_PERIOD]
    b1 = row(report, "B1")
    assert b1.trend[0].period == Month(2019, 12)  # 12 quarters × 3 = 36 months before Dec 2022
    assert b1.trend[-1].period == Month(2022, 12)
