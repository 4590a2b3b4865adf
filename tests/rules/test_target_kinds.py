"""Targets as a tagged union: each kind has exactly the bounds it needs, and the written text it came from.

Rules text (Targets and RAG): "`85%` ... `>65%` ... `<7%` ... `85-90%`"; "A range written high to low
(`20% - 16%`) is the same range as `16-20%`."
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue
from scorecard_report.load.targets import parse_target

D = Decimal


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("85%", SingleValue(D(85), "85%", True), id="85% → a single value with its % sign"),
        pytest.param(">=65", Above(D(65), True, ">=65"), id=">=65 → above 65, inclusive"),
        pytest.param(
            "Below 7 days", Below(D(7), False, "Below 7 days", label="days"), id="Below 7 days → below 7"
        ),
        pytest.param("20% - 16%", Range(D(16), D(20), "20% - 16%", True), id="a range keeps its text"),
        pytest.param({"above": "65"}, Above(D(65), False, ">65"), id="{above: 65} is written >65"),
        pytest.param({"min": "90", "max": "85"}, Range(D(85), D(90), "90-85"), id="{min: 90, max: 85}"),
    ],
)
def test_each_form_parses_to_its_kind(written: object, expected: object) -> None:
    assert parse_target(written) == expected


def test_bounds_are_the_lines_a_chart_draws() -> None:
    assert SingleValue(D(85)).bounds == (D(85),)
    assert Above(D(65)).bounds == (D(65),)
    assert Range(D(85), D(90)).bounds == (D(85), D(90))


def test_a_range_never_runs_high_to_low() -> None:
    with pytest.raises(ValueError, match="low to high"):
        Range(D(20), D(16))
