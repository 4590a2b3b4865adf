"""The summary's largest movers: ranked by the change in units of the indicator's typical movement.

Project decision (docs/scorecard-rules.md, "Largest changes"): the score is |change| divided by the
mean absolute movement between consecutive trend periods before the latest one; a row with fewer than
three such movements, or a typical movement of 0, is not ranked.

Every number below is worked by hand. The report is for Oct 2026, so the comparator is Sep 2026.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.model.summary import MIN_MOVEMENTS, MOVERS_KEY

D = Decimal
MONTHS = ("2026-06", "2026-07", "2026-08", "2026-09", "2026-10")

CATALOGUE = """\
title: Movers
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: CL9, title: Children missing education, unit: count, polarity: low}
      - {ref: P1, title: Reviews on time, unit: percent, polarity: high}
      - {ref: SHORT, title: Too short a history, unit: percent, polarity: high}
      - {ref: FLAT, title: Never moved before, unit: count, polarity: high}
      - {ref: GAPPY, title: Gaps in the trend, unit: count, polarity: high}
      - {ref: DOWN, title: Fell, unit: percent, polarity: high}
"""


def report(tmp_path: Path, series: dict[str, tuple[str, ...]]) -> Report:
    (tmp_path / "movers.yaml").write_text(CATALOGUE, encoding="utf-8")
    lines = ["ref,period,value"]
    for ref, values in series.items():
        lines += [f"{ref},{month},{value}" for month, value in zip(MONTHS, values, strict=True)]
    (tmp_path / "values.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "movers.yaml")
    return build_report(catalogue, load_values(tmp_path / "values.csv", catalogue), Month(2026, 10))


# CL9, a count where lower is better: 3, 5, 3, 5, then 4. Earlier movements 2, 2, 2: typical 2.
# 5 -> 4 is -1, half a typical movement (score 0.5), though it is a 20% fall.
# P1, a percentage: 58, 60, 62, 60, then 70. Earlier movements 2, 2, 2 points: typical 2.
# 60% -> 70% is +10 points, five typical movements (score 5), though only a 17% rise.
BOTH = {"CL9": ("3", "5", "3", "5", "4"), "P1": ("58", "60", "62", "60", "70")}


def test_a_percentage_moving_five_typical_movements_ranks_above_a_count_moving_half_of_one(
    tmp_path: Path,
) -> None:
    movers = report(tmp_path, BOTH).improvements
    assert [(mover.ref, mover.score) for mover in movers] == [("P1", D(5)), ("CL9", D("0.5"))]
    p1, cl9 = movers
    # Ranked by relative change, CL9 (1/5 = 20%) would have come before P1 (10/60 = 16.7%).
    assert abs(cl9.change) / cl9.before_value == D("0.2") and abs(p1.change) / p1.before_value < D("0.17")
    assert (p1.before, p1.after, p1.change, p1.before_value) == ("60%", "70%", D(10), D(60))
    assert (cl9.before, cl9.after, cl9.change, cl9.before_value) == ("5", "4", D(-1), D(5))
    assert (p1.score_text, cl9.score_text) == ("5.0", "0.5")
    assert (p1.typical_movement, cl9.typical_movement) == (D(2), D(2))
    # The words are the report's own: the row's change, and a movement written as format/ writes
    # a size of change, to one more place than the values (it is an average).
    rows = {row.ref: row for row in report(tmp_path, BOTH).rows}
    assert (p1.change_text, cl9.change_text) == (rows["P1"].change_text, rows["CL9"].change_text)
    assert (p1.typical_movement_text, cl9.typical_movement_text) == ("2.0pp", "2.0")


def test_each_mover_carries_its_comparator_period(tmp_path: Path) -> None:
    (p1, cl9) = report(tmp_path, BOTH).improvements
    assert (p1.comparator_period, p1.comparator_period_text) == (Month(2026, 9), "Sep 2026")
    assert cl9.comparator_period_text == "Sep 2026"


def test_rows_with_too_few_or_no_earlier_movements_are_not_ranked(tmp_path: Path) -> None:
    series = {
        **BOTH,
        # Two earlier movements only (60 -> 61 -> 62; the first month missing): fewer than three.
        "SHORT": ("", "60", "61", "62", "90"),
        # Typical movement 0 (10, 10, 10, 10): any change would be infinitely many of them.
        "FLAT": ("10", "10", "10", "10", "30"),
    }
    assert MIN_MOVEMENTS == 3
    assert [mover.ref for mover in report(tmp_path, series).improvements] == ["P1", "CL9"]


def test_only_movements_between_periods_that_both_have_a_value_count(tmp_path: Path) -> None:
    # GAPPY: 1, 9, (missing), 9, 13 has one earlier movement (1 -> 9); Aug is missing, so neither
    # Jul -> Aug nor Aug -> Sep is a movement: too few, not ranked, however large 8 looks.
    series = {**BOTH, "GAPPY": ("1", "9", "", "9", "13")}
    assert [mover.ref for mover in report(tmp_path, series).improvements] == ["P1", "CL9"]


def test_deteriorations_are_ranked_the_same_way(tmp_path: Path) -> None:
    # DOWN: 80, 83, 80, 83, then 74. Earlier movements 3, 3, 3: typical 3; 83 -> 74 is -9: score 3.
    movers = report(tmp_path, {**BOTH, "DOWN": ("80", "83", "80", "83", "74")}).deteriorations
    assert [(mover.ref, mover.score, mover.change) for mover in movers] == [("DOWN", D(3), D(-9))]


def test_the_key_says_what_the_ranking_means() -> None:
    assert MOVERS_KEY == (
        "Ranked by the change divided by the indicator's typical movement from one period to the next "
        "(the average over its trend before this change), so counts, rates and percentages compare "
        "fairly; indicators with fewer than 3 earlier movements, or none, are not ranked."
    )


@pytest.mark.parametrize("ref", ["CL9", "P1"])
def test_the_score_is_worked_on_values_as_shown(tmp_path: Path, ref: str) -> None:
    # 59.6 shows as 60% and 70.4 as 70%: the change is 10 points, as the table says, not 10.8.
    series = {**BOTH, "P1": ("58", "60", "62", "59.6", "70.4")}
    movers = {mover.ref: mover for mover in report(tmp_path, series).improvements}
    assert movers["P1"].change == D(10)
    assert movers[ref].score == {"CL9": D("0.5"), "P1": D(5)}[ref]
