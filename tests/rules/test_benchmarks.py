"""Rule: comparing with a benchmark.

Rules text: "A comparison with a benchmark is better / worse / same by the indicator's polarity, at
display precision." Neutral indicators only say higher / lower; a missing value gives no comparison.

compare_with_benchmark receives values already rounded (see test_compare_as_shown).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.inputs.vocabulary import Comparison, Polarity
from scorecard_report.rules.benchmarks import compare_with_benchmark

D = Decimal
FAST = settings(max_examples=200, deadline=None)
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL


@pytest.mark.parametrize(
    ("ours", "theirs", "polarity", "expected"),
    [
        pytest.param(D(93), D(81), HIGH, Comparison.BETTER, id="high: 93 > 81 → better"),
        pytest.param(D(79), D(81), HIGH, Comparison.WORSE, id="high: 79 < 81 → worse"),
        pytest.param(D(81), D(81), HIGH, Comparison.SAME, id="high: 81 = 81 → same"),
        pytest.param(D(60), D(70), LOW, Comparison.BETTER, id="low: 60 < 70 → better"),
        pytest.param(D(75), D(70), LOW, Comparison.WORSE, id="low: 75 > 70 → worse"),
        pytest.param(D(70), D(70), LOW, Comparison.SAME, id="low: 70 = 70 → same"),
        pytest.param(D(1348), D(1200), NEUTRAL, Comparison.HIGHER, id="neutral: 1348 > 1200 → higher"),
        pytest.param(D(1100), D(1200), NEUTRAL, Comparison.LOWER, id="neutral: 1100 < 1200 → lower"),
        pytest.param(D(1200), D(1200), NEUTRAL, Comparison.SAME, id="neutral: equal → same"),
        pytest.param(D("81.0"), D(81), HIGH, Comparison.SAME, id="81.0 vs 81 → same"),
        pytest.param(None, D(81), HIGH, Comparison.NONE, id="ours missing → none"),
        pytest.param(D(81), None, LOW, Comparison.NONE, id="benchmark missing → none"),
    ],
)
def test_compare_with_benchmark(
    ours: Decimal | None, theirs: Decimal | None, polarity: Polarity, expected: Comparison
) -> None:
    assert compare_with_benchmark(ours, theirs, polarity) is expected


# --- properties ----------------------------------------------------------------------------------

values = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False))
OPPOSITE = {
    Comparison.BETTER: Comparison.WORSE,
    Comparison.WORSE: Comparison.BETTER,
    Comparison.HIGHER: Comparison.LOWER,
    Comparison.LOWER: Comparison.HIGHER,
    Comparison.SAME: Comparison.SAME,
    Comparison.NONE: Comparison.NONE,
}


@FAST
@given(values, values, st.sampled_from(list(Polarity)))
def test_swapping_ours_and_the_benchmark_gives_the_opposite(
    ours: Decimal | None, theirs: Decimal | None, polarity: Polarity
) -> None:
    assert (
        compare_with_benchmark(theirs, ours, polarity)
        is OPPOSITE[compare_with_benchmark(ours, theirs, polarity)]
    )


@FAST
@given(values, values)
def test_swapping_polarity_high_and_low_swaps_better_and_worse(
    ours: Decimal | None, theirs: Decimal | None
) -> None:
    assert compare_with_benchmark(ours, theirs, LOW) is OPPOSITE[compare_with_benchmark(ours, theirs, HIGH)]


@FAST
@given(values, values)
def test_neutral_never_judges(ours: Decimal | None, theirs: Decimal | None) -> None:
    assert compare_with_benchmark(ours, theirs, NEUTRAL) not in (Comparison.BETTER, Comparison.WORSE)
    assert compare_with_benchmark(ours, theirs, HIGH) not in (Comparison.HIGHER, Comparison.LOWER)
