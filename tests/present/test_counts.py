"""The numbers behind a percentage: how many of how many, and how many the target needs, by hand."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target
from scorecard_report.inputs.vocabulary import Polarity, RagStatus, Unit
from scorecard_report.model.report import Row
from scorecard_report.present.counts import counts_sentence, counts_to_meet

from .support import plain


def test_a_missed_target_says_how_many_more_it_needed(rows: dict[str, Row]) -> None:
    # 166 of 201 = 82.59% → 83%. 90% of 201 is 180.9, rounded up: 181; 181 − 166 = 15.
    assert plain(counts_sentence(rows["CA1"])) == (
        "166 of 201 (83%); meeting the 90% target would need 181, 15 more."
    )


def test_a_percentage_without_its_counts_says_nothing(rows: dict[str, Row]) -> None:
    assert counts_sentence(rows["CIN22"]) == ""


def test_a_met_target_gives_the_counts_only(rows: dict[str, Row]) -> None:
    met = replace(rows["CA1"], status=RagStatus.GREEN)
    assert plain(counts_sentence(met)) == "166 of 201 (83%)."


def test_an_upper_limit_says_how_many_fewer(rows: dict[str, Row]) -> None:
    # 45 of 200 = 22.5% against ≤ 20%: at most 20% of 200 = 40, so 5 fewer.
    current = replace(rows["CA1"].current, numerator=Decimal(45), denominator=Decimal(200), text="23%")
    row = replace(
        rows["CA1"],
        current=current,
        target=Below(Decimal(20), inclusive=True),
        target_text="≤ 20%",
        polarity=Polarity.LOW,
    )
    assert (
        plain(counts_sentence(row))
        == "45 of 200 (23%); meeting the ≤ 20% target would need 40 or fewer, 5 fewer."
    )


@pytest.mark.parametrize(
    ("target", "polarity", "denominator", "expected"),
    [
        # 90% of 201 = 180.9: at least 181.
        (SingleValue(Decimal(90)), Polarity.HIGH, Decimal(201), (181, None)),
        # Low is good, 15% of 201 = 30.15: at most 30.
        (SingleValue(Decimal(15)), Polarity.LOW, Decimal(201), (None, 30)),
        # > 65% of 200 = 130 exactly: 130 is not above it, 131 is.
        (Above(Decimal(65)), Polarity.HIGH, Decimal(200), (131, None)),
        # >= 65% of 200: 130 meets it.
        (Above(Decimal(65), inclusive=True), Polarity.HIGH, Decimal(200), (130, None)),
        # < 7% of 100 = 7 exactly: 7 is not below it, 6 is.
        (Below(Decimal(7)), Polarity.LOW, Decimal(100), (None, 6)),
        # 85-90% of 536 = 455.6 to 482.4: high is good, at least 456 (more than 482 exceeds the range).
        (Range(Decimal(85), Decimal(90)), Polarity.HIGH, Decimal(536), (456, None)),
        # 16-18% of 50 = 8 to 9, neutral: between 8 and 9.
        (Range(Decimal(16), Decimal(18)), Polarity.NEUTRAL, Decimal(50), (8, 9)),
    ],
)
def test_the_counts_a_target_needs(
    target: Target, polarity: Polarity, denominator: Decimal, expected: tuple[int | None, int | None]
) -> None:
    assert counts_to_meet(target, polarity, denominator) == expected


def test_only_percentages_say_their_counts(rows: dict[str, Row]) -> None:
    assert counts_sentence(replace(rows["CA1"], unit=Unit.RATE)) == ""
