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
    # 166 of 201 = 82.59% → 83%. Compared as shown: 180 of 201 = 89.55%, shown 90%, meets 90%;
    # 179 of 201 = 89.05%, shown 89%, does not. 180 − 166 = 14.
    assert plain(counts_sentence(rows["CA1"])) == (
        "166 of 201 (83%); meeting the 90% target would need 180, 14 more."
    )


def test_a_percentage_without_its_counts_says_nothing(rows: dict[str, Row]) -> None:
    assert counts_sentence(rows["CIN22"]) == ""


def test_a_met_target_gives_the_counts_only(rows: dict[str, Row]) -> None:
    met = replace(rows["CA1"], status=RagStatus.GREEN)
    assert plain(counts_sentence(met)) == "166 of 201 (83%)."


def test_an_upper_limit_says_how_many_fewer(rows: dict[str, Row]) -> None:
    # 45 of 200 = 22.5% against ≤ 20%: 41 of 200 is 20.5%, shown 21%; 40 is 20%: at most 40, so 5 fewer.
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
        # Shown at 0 decimals, as compared: 180 of 201 = 89.55% → 90% meets 90%; 179 → 89% does not.
        (SingleValue(Decimal(90)), Polarity.HIGH, Decimal(201), (180, None)),
        # Low is good, at most 15%: 31 of 201 = 15.42% → 15%; 32 = 15.92% → 16%.
        (SingleValue(Decimal(15)), Polarity.LOW, Decimal(201), (None, 31)),
        # > 65% of 200: 130 is 65%, not above; 131 is 65.5% → 66%.
        (Above(Decimal(65)), Polarity.HIGH, Decimal(200), (131, None)),
        # >= 65% of 200: 129 is 64.5% → 65% (half away from zero) and meets it; 128 is 64%.
        (Above(Decimal(65), inclusive=True), Polarity.HIGH, Decimal(200), (129, None)),
        # > 65% of 1000: 651-654 are 65.1-65.4%, shown 65%, not above it; 655 is 65.5% → 66%.
        (Above(Decimal(65)), Polarity.HIGH, Decimal(1000), (655, None)),
        # < 7% of 1000: 65-69 are 6.5-6.9%, shown 7%, not below it; 64 is 6.4% → 6%.
        (Below(Decimal(7)), Polarity.LOW, Decimal(1000), (None, 64)),
        # < 7% of 100: 7 is 7%, not below; 6 is.
        (Below(Decimal(7)), Polarity.LOW, Decimal(100), (None, 6)),
        # 85-90% of 536, high is good: 453 = 84.51% → 85%; 452 = 84.33% → 84%.
        (Range(Decimal(85), Decimal(90)), Polarity.HIGH, Decimal(536), (453, None)),
        # 16-18% of 50, neutral: 8 = 16% to 9 = 18%; 7 = 14% and 10 = 20% are outside.
        (Range(Decimal(16), Decimal(18)), Polarity.NEUTRAL, Decimal(50), (8, 9)),
    ],
)
def test_the_counts_a_target_needs(
    target: Target, polarity: Polarity, denominator: Decimal, expected: tuple[int | None, int | None]
) -> None:
    assert counts_to_meet(target, polarity, denominator, 0) == expected


def test_only_percentages_say_their_counts(rows: dict[str, Row]) -> None:
    assert counts_sentence(replace(rows["CA1"], unit=Unit.RATE)) == ""
