"""Rule: RAG status against a target, with tolerance.

Rules text: "Green: target met, or exceeding. Amber: not met, but within the tolerance of the
nearest boundary. Red: not met, beyond the tolerance. No status: no target, or current missing."
"Tolerance: per indicator `tolerance:` in the indicator's own units (2 for a percent indicator
means 2 percentage points); otherwise the catalogue's `default_tolerance`, which is relative: `5%`
means 5% of the boundary value (target 90 → amber down to 85.5). A tolerance of 0 gives red/green
only."

rag_status receives the value already rounded to display decimals (see test_compare_as_shown).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target, Tolerance
from scorecard_report.inputs.vocabulary import Polarity, RagStatus
from scorecard_report.load.targets import parse_target
from scorecard_report.rules.targets import allowance, exceeds, meets, rag_status

D = Decimal
FAST = settings(max_examples=200, deadline=None)
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL
GREEN, AMBER, RED, NONE = RagStatus.GREEN, RagStatus.AMBER, RagStatus.RED, RagStatus.NONE

FIVE_PERCENT = Tolerance(D("0.05"), True)  # the catalogue default "5%": 5% of the boundary
ZERO_RELATIVE = Tolerance(D(0), True)
ZERO_ABSOLUTE = Tolerance(D(0), False)


def points(amount: str) -> Tolerance:
    """A per-indicator tolerance, in the indicator's own units."""
    return Tolerance(D(amount), False)


@pytest.mark.parametrize(
    ("written", "polarity", "value", "tolerance", "expected"),
    [
        # target 90%, polarity high, 5% → 90 × 0.05 = 4.5 → amber down to 85.5
        pytest.param("90%", HIGH, "90", FIVE_PERCENT, GREEN, id="90 vs 90%: met → green"),
        pytest.param("90%", HIGH, "95", FIVE_PERCENT, GREEN, id="95 vs 90%: met → green"),
        pytest.param("90%", HIGH, "89", FIVE_PERCENT, AMBER, id="89 vs 90%: 90-89=1 ≤ 4.5 → amber"),
        pytest.param("90%", HIGH, "85.5", FIVE_PERCENT, AMBER, id="85.5 vs 90%: 4.5 ≤ 4.5 inclusive → amber"),
        pytest.param("90%", HIGH, "85.4", FIVE_PERCENT, RED, id="85.4 vs 90%: 4.6 > 4.5 → red"),
        pytest.param("90%", HIGH, "85", FIVE_PERCENT, RED, id="85 vs 90%: 5 > 4.5 → red"),
        pytest.param("90%", HIGH, "89.9", ZERO_RELATIVE, RED, id="89.9 vs 90% tolerance 0 → red"),
        pytest.param("90%", HIGH, "90", ZERO_RELATIVE, GREEN, id="90 vs 90% tolerance 0 → green"),
        # CF5: 70.5% shows 71; 73 × 0.95 = 69.35 ≤ 71 < 73 → amber
        pytest.param("73%", HIGH, "71", FIVE_PERCENT, AMBER, id="CF5 71 vs 73%: 69.35 ≤ 71 < 73 → amber"),
        pytest.param("73%", HIGH, "69.35", FIVE_PERCENT, AMBER, id="69.35 vs 73%: 3.65 ≤ 3.65 → amber"),
        pytest.param("73%", HIGH, "69", FIVE_PERCENT, RED, id="69 vs 73%: 4 > 3.65 → red"),
        # absolute tolerance in the indicator's own units: 2 percentage points
        pytest.param("90%", HIGH, "88", points("2"), AMBER, id="88 vs 90% ±2 points: 2 ≤ 2 → amber"),
        pytest.param("90%", HIGH, "87.9", points("2"), RED, id="87.9 vs 90% ±2 points: 2.1 > 2 → red"),
        pytest.param("90%", HIGH, "87.9", FIVE_PERCENT, AMBER, id="87.9 vs 90% 5%: 2.1 ≤ 4.5 → amber"),
        # single value, polarity low: met when v ≤ 7; 7 × 0.05 = 0.35
        pytest.param("7", LOW, "7", FIVE_PERCENT, GREEN, id="7 vs 7 low: 7 ≤ 7 → green"),
        pytest.param("7", LOW, "6", FIVE_PERCENT, GREEN, id="6 vs 7 low → green"),
        pytest.param("7", LOW, "7.35", FIVE_PERCENT, AMBER, id="7.35 vs 7 low: 0.35 ≤ 0.35 → amber"),
        pytest.param("7", LOW, "7.36", FIVE_PERCENT, RED, id="7.36 vs 7 low: 0.36 > 0.35 → red"),
        # strict >65: 65 is not met; 65 × 0.05 = 3.25
        pytest.param(">65%", HIGH, "65", FIVE_PERCENT, AMBER, id=">65 at 65: not met, 0 ≤ 3.25 → amber"),
        pytest.param(">65%", HIGH, "65", ZERO_RELATIVE, RED, id=">65 at 65, tolerance 0 → red"),
        pytest.param(">65%", HIGH, "65", ZERO_ABSOLUTE, RED, id=">65 at 65, tolerance 0 points → red"),
        pytest.param(">65%", HIGH, "65.1", FIVE_PERCENT, GREEN, id=">65 at 65.1 → green"),
        pytest.param(">65%", HIGH, "61.75", FIVE_PERCENT, AMBER, id=">65 at 61.75: 3.25 ≤ 3.25 → amber"),
        pytest.param(">65%", HIGH, "61.7", FIVE_PERCENT, RED, id=">65 at 61.7: 3.3 > 3.25 → red"),
        pytest.param(">=65", HIGH, "65", FIVE_PERCENT, GREEN, id=">=65 at 65 → green"),
        pytest.param("Above 65", HIGH, "65", ZERO_RELATIVE, RED, id="Above 65 at 65, tolerance 0 → red"),
        # strict <7: 7 is not met; 7 × 0.05 = 0.35
        pytest.param("<7%", LOW, "7", FIVE_PERCENT, AMBER, id="<7 at 7: not met, 0 ≤ 0.35 → amber"),
        pytest.param("<7%", LOW, "7", ZERO_RELATIVE, RED, id="<7 at 7, tolerance 0 → red"),
        pytest.param("<7%", LOW, "6.9", FIVE_PERCENT, GREEN, id="<7 at 6.9 → green"),
        pytest.param("<7%", LOW, "7.35", FIVE_PERCENT, AMBER, id="<7 at 7.35: 0.35 ≤ 0.35 → amber"),
        pytest.param("<7%", LOW, "7.4", FIVE_PERCENT, RED, id="<7 at 7.4: 0.4 > 0.35 → red"),
        # CLA1: <=70 per 10,000 with tolerance 2 (absolute)
        pytest.param("<=70", LOW, "70", points("2"), GREEN, id="<=70 at 70 → green"),
        pytest.param("<=70", LOW, "72", points("2"), AMBER, id="<=70 at 72: 2 ≤ 2 → amber"),
        pytest.param("<=70", LOW, "71.9", points("2"), AMBER, id="<=70 at 71.9: 1.9 ≤ 2 → amber"),
        pytest.param("<=70", LOW, "72.5", points("2"), RED, id="<=70 at 72.5: 2.5 > 2 → red"),
        # range, polarity high: above max is exceeding; min 85 × 0.05 = 4.25
        pytest.param("85-90%", HIGH, "87", FIVE_PERCENT, GREEN, id="85-90 high at 87: inside → green"),
        pytest.param("85-90%", HIGH, "85", FIVE_PERCENT, GREEN, id="85-90 high at 85: inside → green"),
        pytest.param("85-90%", HIGH, "90", FIVE_PERCENT, GREEN, id="85-90 high at 90: inside → green"),
        pytest.param("85-90%", HIGH, "99", FIVE_PERCENT, GREEN, id="85-90 high at 99: exceeding → green"),
        pytest.param("85-90%", HIGH, "99", ZERO_RELATIVE, GREEN, id="85-90 high at 99, tol 0: exceeding"),
        pytest.param("85-90%", HIGH, "81", FIVE_PERCENT, AMBER, id="85-90 high at 81: 4 ≤ 4.25 → amber"),
        pytest.param("85-90%", HIGH, "80.75", FIVE_PERCENT, AMBER, id="85-90 high at 80.75: 4.25 → amber"),
        pytest.param("85-90%", HIGH, "80.7", FIVE_PERCENT, RED, id="85-90 high at 80.7: 4.3 > 4.25 → red"),
        # range, polarity low: below min is exceeding; max 18 × 0.05 = 0.9
        pytest.param("16-18", LOW, "10", FIVE_PERCENT, GREEN, id="16-18 low at 10: exceeding → green"),
        pytest.param("16-18", LOW, "18", FIVE_PERCENT, GREEN, id="16-18 low at 18: inside → green"),
        pytest.param("16-18", LOW, "18.9", FIVE_PERCENT, AMBER, id="16-18 low at 18.9: 0.9 ≤ 0.9 → amber"),
        pytest.param("16-18", LOW, "19", FIVE_PERCENT, RED, id="16-18 low at 19: 1 > 0.9 → red"),
        pytest.param("20 - 16", LOW, "18.9", FIVE_PERCENT, GREEN, id="20-16 is 16-20: 18.9 inside → green"),
        # range, neutral: both sides are outside; nearest boundary is the side the value is on
        pytest.param("85-90", NEUTRAL, "87", FIVE_PERCENT, GREEN, id="85-90 neutral at 87 → green"),
        pytest.param("85-90", NEUTRAL, "92", FIVE_PERCENT, AMBER, id="85-90 neutral at 92: 2 ≤ 4.5 → amber"),
        pytest.param("85-90", NEUTRAL, "94.5", FIVE_PERCENT, AMBER, id="85-90 neutral 94.5: 4.5 → amber"),
        pytest.param("85-90", NEUTRAL, "94.6", FIVE_PERCENT, RED, id="85-90 neutral 94.6: 4.6 > 4.5 → red"),
        pytest.param("85-90", NEUTRAL, "81", FIVE_PERCENT, AMBER, id="85-90 neutral at 81: 4 ≤ 4.25 → amber"),
        pytest.param("85-90", NEUTRAL, "80", FIVE_PERCENT, RED, id="85-90 neutral at 80: 5 > 4.25 → red"),
        pytest.param("85-90", NEUTRAL, "91", ZERO_RELATIVE, RED, id="85-90 neutral at 91, tol 0 → red"),
    ],
)
def test_rag_status(
    written: str, polarity: Polarity, value: str, tolerance: Tolerance, expected: RagStatus
) -> None:
    assert rag_status(parse_target(written), D(value), polarity, tolerance) is expected


@pytest.mark.parametrize(
    ("target", "value"),
    [
        pytest.param(None, D(90), id="no target"),
        pytest.param(parse_target("90%"), None, id="current missing"),
        pytest.param(None, None, id="neither"),
    ],
)
def test_no_target_or_no_value_has_no_status(target: Target | None, value: Decimal | None) -> None:
    assert rag_status(target, value, HIGH, FIVE_PERCENT) is NONE


def test_structured_target_gives_the_same_status_as_text() -> None:
    # {above: 65} is strict like >65: 65 is not met; 65 × 0.05 = 3.25 → amber
    assert rag_status(parse_target({"above": 65}), D(65), HIGH, FIVE_PERCENT) is AMBER
    assert rag_status(parse_target({"above": 65, "inclusive": True}), D(65), HIGH, FIVE_PERCENT) is GREEN
    # {min: 85, max: 90} at 81: 85 × 0.05 = 4.25, 85 - 81 = 4 → amber
    assert rag_status(parse_target({"min": 85, "max": 90}), D(81), HIGH, FIVE_PERCENT) is AMBER


def test_relative_tolerance_is_a_fraction_of_the_boundary() -> None:
    # 5% of 90 = 4.5, 5% of 10 = 0.5: the same value short (1) is amber for one, red for the other
    assert rag_status(parse_target("90"), D(89), HIGH, FIVE_PERCENT) is AMBER
    assert rag_status(parse_target("10"), D(9), HIGH, FIVE_PERCENT) is RED
    assert allowance(FIVE_PERCENT, D(90)) == D("4.5")
    assert allowance(points("2"), D(90)) == D(2)


# --- properties ----------------------------------------------------------------------------------

RANK = {RED: 0, AMBER: 1, GREEN: 2}
numbers = st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False, allow_infinity=False)
tolerances = st.one_of(
    st.decimals(min_value=0, max_value="0.5", places=2).map(lambda a: Tolerance(a, True)),
    st.decimals(min_value=0, max_value=50, places=1).map(lambda a: Tolerance(a, False)),
)


@st.composite
def targets(draw: st.DrawFn, polarity: Polarity) -> Target:
    """Any target that is valid for ``polarity`` (inequalities imply theirs)."""
    a, b = draw(numbers), draw(numbers)
    low, high = min(a, b), max(a, b)
    kinds: list[type] = [Range]
    if polarity is HIGH:
        kinds += [SingleValue, Above]
    elif polarity is LOW:
        kinds += [SingleValue, Below]
    kind = draw(st.sampled_from(kinds))
    inclusive = draw(st.booleans())
    if kind is SingleValue:
        return SingleValue(a)
    if kind is Above:
        return Above(a, inclusive)
    if kind is Below:
        return Below(a, inclusive)
    return Range(low, high)


def mirror(target: Target) -> Target:
    """The same target on a number line turned round (v → -v): high becomes low."""
    match target:
        case SingleValue(value=value):
            return SingleValue(-value)
        case Above(bound=bound, inclusive=inclusive):
            return Below(-bound, inclusive)
        case Below(bound=bound, inclusive=inclusive):
            return Above(-bound, inclusive)
        case Range(low=low, high=high):
            return Range(-high, -low)


@FAST
@given(st.data(), numbers, numbers, tolerances)
def test_high_polarity_a_larger_value_never_gets_a_worse_status(
    data: st.DataObject, v1: Decimal, v2: Decimal, tolerance: Tolerance
) -> None:
    target = data.draw(targets(HIGH))
    smaller, larger = min(v1, v2), max(v1, v2)
    assert (
        RANK[rag_status(target, smaller, HIGH, tolerance)]
        <= RANK[rag_status(target, larger, HIGH, tolerance)]
    )


@FAST
@given(st.data(), numbers, numbers, tolerances)
def test_low_polarity_a_smaller_value_never_gets_a_worse_status(
    data: st.DataObject, v1: Decimal, v2: Decimal, tolerance: Tolerance
) -> None:
    target = data.draw(targets(LOW))
    smaller, larger = min(v1, v2), max(v1, v2)
    assert (
        RANK[rag_status(target, larger, LOW, tolerance)] <= RANK[rag_status(target, smaller, LOW, tolerance)]
    )


@FAST
@given(st.data(), numbers, tolerances)
def test_swapping_polarity_mirrors_the_status(
    data: st.DataObject, value: Decimal, tolerance: Tolerance
) -> None:
    target = data.draw(targets(HIGH))
    assert rag_status(target, value, HIGH, tolerance) is rag_status(mirror(target), -value, LOW, tolerance)


@FAST
@given(st.data(), st.sampled_from([HIGH, LOW, NEUTRAL]), numbers)
def test_tolerance_zero_gives_red_or_green_only(
    data: st.DataObject, polarity: Polarity, value: Decimal
) -> None:
    target = data.draw(targets(polarity))
    for zero in (ZERO_RELATIVE, ZERO_ABSOLUTE):
        assert rag_status(target, value, polarity, zero) in (RED, GREEN)


@FAST
@given(st.data(), st.sampled_from([HIGH, LOW, NEUTRAL]), numbers, tolerances)
def test_green_exactly_when_met_or_exceeding(
    data: st.DataObject, polarity: Polarity, value: Decimal, tolerance: Tolerance
) -> None:
    target = data.draw(targets(polarity))
    good = meets(target, value, polarity) or exceeds(target, value, polarity)
    assert (rag_status(target, value, polarity, tolerance) is GREEN) is good


@FAST
@given(st.data(), st.sampled_from([HIGH, LOW, NEUTRAL]), numbers, st.booleans())
def test_a_larger_tolerance_never_gives_a_worse_status(
    data: st.DataObject, polarity: Polarity, value: Decimal, relative: bool
) -> None:
    target = data.draw(targets(polarity))
    small, large = sorted(
        data.draw(st.lists(st.decimals(min_value=0, max_value=20, places=2), min_size=2, max_size=2))
    )
    narrow, wide = (
        Tolerance(small / (100 if relative else 1), relative),
        Tolerance(large / (100 if relative else 1), relative),
    )
    assert (
        RANK[rag_status(target, value, polarity, narrow)] <= RANK[rag_status(target, value, polarity, wide)]
    )
