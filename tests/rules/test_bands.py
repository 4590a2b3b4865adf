"""Rule: performance bands (Ofsted-style).

Rules text: "Each band has a threshold: with polarity high its lower bound (a range's min, a single
value, an `above`); with polarity low its upper bound (a range's max, a single value, a `below`). A
value belongs to the best band whose threshold it meets (`v ≥` lower bound for high, `v ≤` upper
bound for low). Values in a gap between two bands (94 above) therefore take the lower of the two.
A value meeting no band is below the worst one: its label is the catalogue's `below_bands` label
(default `Inadequate`)."

Project decision (documented): an inequality keeps its strictness, so for polarity low `Below 10`
is met by 9.9 but not by 10, which falls to the next band whose threshold it meets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.inputs.targets import Band
from scorecard_report.inputs.vocabulary import Polarity
from scorecard_report.load.targets import TargetError, band_threshold, parse_target
from scorecard_report.rules.bands import meets_threshold, performance_band

D = Decimal
FAST = settings(max_examples=200, deadline=None)
HIGH, LOW = Polarity.HIGH, Polarity.LOW
INADEQUATE = "Inadequate"
LABELS = {"requires_improvement": "Requires improvement", "good": "Good", "outstanding": "Outstanding"}


def bands(**thresholds: Any) -> tuple[Band, ...]:
    """Bands worst to best, as the catalogue lists them."""
    return tuple(
        Band(key, LABELS.get(key, key), parse_target(written)) for key, written in thresholds.items()
    )


HIGH_BANDS = bands(requires_improvement="75-84", good="85-93", outstanding="95-99")
LOW_BANDS = bands(requires_improvement="16-20", good="10-15", outstanding="Below 10")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("94", "Good", id="94: not ≥ 95, ≥ 85 → Good (gap takes the lower band)"),
        pytest.param("100", "Outstanding", id="100 ≥ 95 → Outstanding (the range max 99 is no ceiling)"),
        pytest.param("95", "Outstanding", id="95 ≥ 95 → Outstanding"),
        pytest.param("93", "Good", id="93 ≥ 85 → Good"),
        pytest.param("85", "Good", id="85 ≥ 85 → Good"),
        pytest.param("84.5", "Requires improvement", id="84.5: gap 84..85, ≥ 75 → Requires improvement"),
        pytest.param("75", "Requires improvement", id="75 ≥ 75 → Requires improvement"),
        pytest.param("74", INADEQUATE, id="74 < 75 → below the worst band → Inadequate"),
        pytest.param("0", INADEQUATE, id="0 → Inadequate"),
    ],
)
def test_high_polarity_bands(value: str, expected: str) -> None:
    assert performance_band(HIGH_BANDS, D(value), HIGH, INADEQUATE) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("6", "Outstanding", id="6 < 10 → Outstanding"),
        pytest.param("9.9", "Outstanding", id="9.9 < 10 → Outstanding"),
        pytest.param("0", "Outstanding", id="0 < 10 → Outstanding"),
        pytest.param("10", "Good", id="10: not < 10 (strict Below), ≤ 15 → Good"),
        pytest.param("12", "Good", id="12 ≤ 15 → Good"),
        pytest.param("15", "Good", id="15 ≤ 15 → Good"),
        pytest.param("15.5", "Requires improvement", id="15.5: gap 15..16, ≤ 20 → Requires improvement"),
        pytest.param("16", "Requires improvement", id="16 > 15, ≤ 20 → Requires improvement"),
        pytest.param("20", "Requires improvement", id="20 ≤ 20 → Requires improvement"),
        pytest.param("20.1", INADEQUATE, id="20.1 > 20 → Inadequate"),
        pytest.param("25", INADEQUATE, id="25 > 20 → Inadequate"),
    ],
)
def test_low_polarity_bands(value: str, expected: str) -> None:
    assert performance_band(LOW_BANDS, D(value), LOW, INADEQUATE) == expected


def test_an_inclusive_inequality_is_met_at_its_bound() -> None:
    # <=10 is met by 10 (10 ≤ 10) where Below 10 is not
    inclusive = bands(requires_improvement="16-20", good="10-15", outstanding="<=10")
    assert performance_band(inclusive, D(10), LOW, INADEQUATE) == "Outstanding"
    structured = bands(
        requires_improvement="16-20", good="10-15", outstanding={"below": 10, "inclusive": True}
    )
    assert performance_band(structured, D(10), LOW, INADEQUATE) == "Outstanding"


def test_a_strict_above_threshold_is_not_met_at_its_bound() -> None:
    # Above 95 needs v > 95: 95 falls to Good (95 ≥ 85); >=95 is met by 95
    strict = bands(requires_improvement="75-84", good="85-93", outstanding="Above 95")
    assert performance_band(strict, D(95), HIGH, INADEQUATE) == "Good"
    assert performance_band(strict, D("95.1"), HIGH, INADEQUATE) == "Outstanding"
    inclusive = bands(requires_improvement="75-84", good="85-93", outstanding=">=95")
    assert performance_band(inclusive, D(95), HIGH, INADEQUATE) == "Outstanding"


def test_single_value_thresholds() -> None:
    # high: a single value is the lower bound; 90 ≥ 85 but < 95 → Good
    single = bands(good="85", outstanding="95")
    assert performance_band(single, D(90), HIGH, INADEQUATE) == "Good"
    assert performance_band(single, D(84), HIGH, INADEQUATE) == INADEQUATE
    # low: a single value is the upper bound; 12 ≤ 15 but > 10 → Good
    single_low = bands(good="15", outstanding="10")
    assert performance_band(single_low, D(12), LOW, INADEQUATE) == "Good"
    assert performance_band(single_low, D(10), LOW, INADEQUATE) == "Outstanding"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("16", "Requires improvement", id="16 ≤ 20 → Requires improvement"),
        pytest.param("20", "Requires improvement", id="20 ≤ 20 → Requires improvement"),
        pytest.param("21", INADEQUATE, id="21 > 20 → Inadequate"),
    ],
)
@pytest.mark.parametrize("written", ["20 - 16", "20% - 16%", "16-20"])
def test_a_range_written_high_to_low_is_the_same_band(written: str, value: str, expected: str) -> None:
    reordered = bands(requires_improvement=written, good="10-15", outstanding="Below 10")
    assert performance_band(reordered, D(value), LOW, INADEQUATE) == expected


def test_structured_thresholds_work_like_text() -> None:
    structured = bands(
        requires_improvement={"min": 75, "max": 84},
        good={"min": 85, "max": 93},
        outstanding={"min": 95, "max": 99},
    )
    assert performance_band(structured, D(94), HIGH, INADEQUATE) == "Good"
    assert performance_band(structured, D(100), HIGH, INADEQUATE) == "Outstanding"
    assert performance_band(structured, D(74), HIGH, INADEQUATE) == INADEQUATE


def test_below_bands_label_is_the_catalogues() -> None:
    assert performance_band(HIGH_BANDS, D(50), HIGH, "Below expectations") == "Below expectations"


def test_no_bands_or_no_value_has_no_band() -> None:
    assert performance_band((), D(90), HIGH, INADEQUATE) is None
    assert performance_band(HIGH_BANDS, None, HIGH, INADEQUATE) is None


@pytest.mark.parametrize(
    ("written", "polarity", "threshold"),
    [
        pytest.param("75-84", HIGH, D(75), id="range, high → its min"),
        pytest.param("75-84", LOW, D(84), id="range, low → its max"),
        pytest.param("85", HIGH, D(85), id="single, high → the value"),
        pytest.param("85", LOW, D(85), id="single, low → the value"),
        pytest.param("Above 95", HIGH, D(95), id="above, high → its bound"),
        pytest.param("Below 10", LOW, D(10), id="below, low → its bound"),
    ],
)
def test_threshold_is_the_bound_on_the_worse_side(
    written: str, polarity: Polarity, threshold: Decimal
) -> None:
    assert band_threshold(parse_target(written), polarity) == threshold


@pytest.mark.parametrize(
    ("written", "polarity"),
    [
        pytest.param("Below 10", HIGH, id="below has no lower bound"),
        pytest.param("Above 95", LOW, id="above no upper"),
    ],
)
def test_an_inequality_on_the_wrong_side_has_no_threshold(written: str, polarity: Polarity) -> None:
    with pytest.raises(TargetError):
        band_threshold(parse_target(written), polarity)


@pytest.mark.parametrize(
    ("written", "polarity", "value", "met"),
    [
        pytest.param("85-93", HIGH, "85", True, id="85-93 high: 85 ≥ 85"),
        pytest.param("85-93", HIGH, "99", True, id="85-93 high: 99 ≥ 85 (max is no ceiling)"),
        pytest.param("85-93", HIGH, "84.9", False, id="85-93 high: 84.9 < 85"),
        pytest.param("10-15", LOW, "15", True, id="10-15 low: 15 ≤ 15"),
        pytest.param("10-15", LOW, "2", True, id="10-15 low: 2 ≤ 15 (min is no floor)"),
        pytest.param("10-15", LOW, "15.1", False, id="10-15 low: 15.1 > 15"),
        pytest.param("Below 10", LOW, "9.9", True, id="Below 10: 9.9 < 10"),
        pytest.param("Below 10", LOW, "10", False, id="Below 10: 10 is not < 10"),
    ],
)
def test_meets_threshold(written: str, polarity: Polarity, value: str, met: bool) -> None:
    assert meets_threshold(Band("b", "B", parse_target(written)), D(value), polarity) is met


# --- properties ----------------------------------------------------------------------------------

values = st.decimals(min_value=0, max_value=200, places=1, allow_nan=False, allow_infinity=False)
ORDER = ["requires_improvement", "good", "outstanding"]


def rank(label: str | None, ordered: tuple[Band, ...]) -> int:
    """0 for below every band, then 1.. from worst to best."""
    labels = [band.label for band in ordered]
    return labels.index(label) + 1 if label in labels else 0


@st.composite
def high_bands(draw: st.DrawFn) -> tuple[Band, ...]:
    """Three bands with rising lower bounds, any of the high-polarity threshold forms."""
    lows = sorted(draw(st.lists(st.integers(0, 150), min_size=3, max_size=3, unique=True)))
    forms = [
        lambda lo: f"{lo}-{lo + 5}",
        lambda lo: f"{lo + 5} - {lo}",
        lambda lo: f"{lo}",
        lambda lo: f"Above {lo}",
        lambda lo: f">={lo}",
    ]
    return tuple(
        Band(key, LABELS[key], parse_target(draw(st.sampled_from(forms))(lo)))
        for key, lo in zip(ORDER, lows, strict=True)
    )


@st.composite
def low_bands(draw: st.DrawFn) -> tuple[Band, ...]:
    """Three bands with falling upper bounds, any of the low-polarity threshold forms."""
    highs = sorted(draw(st.lists(st.integers(5, 150), min_size=3, max_size=3, unique=True)), reverse=True)
    forms = [
        lambda hi: f"{hi - 5}-{hi}",
        lambda hi: f"{hi} - {hi - 5}",
        lambda hi: f"{hi}",
        lambda hi: f"Below {hi}",
        lambda hi: f"<={hi}",
    ]
    return tuple(
        Band(key, LABELS[key], parse_target(draw(st.sampled_from(forms))(hi)))
        for key, hi in zip(ORDER, highs, strict=True)
    )


@FAST
@given(high_bands(), values, values)
def test_high_polarity_a_larger_value_never_gets_a_worse_band(
    ordered: tuple[Band, ...], v1: Decimal, v2: Decimal
) -> None:
    smaller, larger = min(v1, v2), max(v1, v2)
    assert rank(performance_band(ordered, smaller, HIGH, INADEQUATE), ordered) <= rank(
        performance_band(ordered, larger, HIGH, INADEQUATE), ordered
    )


@FAST
@given(low_bands(), values, values)
def test_low_polarity_a_smaller_value_never_gets_a_worse_band(
    ordered: tuple[Band, ...], v1: Decimal, v2: Decimal
) -> None:
    smaller, larger = min(v1, v2), max(v1, v2)
    assert rank(performance_band(ordered, larger, LOW, INADEQUATE), ordered) <= rank(
        performance_band(ordered, smaller, LOW, INADEQUATE), ordered
    )


@FAST
@given(st.one_of(high_bands().map(lambda b: (b, HIGH)), low_bands().map(lambda b: (b, LOW))), values)
def test_the_band_is_the_best_whose_threshold_is_met(
    case: tuple[tuple[Band, ...], Polarity], value: Decimal
) -> None:
    ordered, polarity = case
    met = [band.label for band in ordered if meets_threshold(band, value, polarity)]
    expected = met[-1] if met else INADEQUATE
    assert performance_band(ordered, value, polarity, INADEQUATE) == expected


@FAST
@given(st.integers(0, 100), st.integers(0, 100), values, st.sampled_from([HIGH, LOW]))
def test_band_of_a_range_does_not_depend_on_the_order_it_is_written(
    a: int, b: int, value: Decimal, polarity: Polarity
) -> None:
    forwards = (Band("good", "Good", parse_target(f"{a}-{b}")),)
    backwards = (Band("good", "Good", parse_target(f"{b} - {a}")),)
    assert performance_band(forwards, value, polarity, INADEQUATE) == performance_band(
        backwards, value, polarity, INADEQUATE
    )
