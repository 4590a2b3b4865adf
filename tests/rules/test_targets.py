"""Rule: targets in every written form, and when a value meets (or exceeds) one.

Rules text (Targets and RAG): the table of `85%` / `>65%` / `<7%` / `85-90%` forms and their
structured twins; "A range written high to low (`20% - 16%`) is the same range as `16-20%`. Text
after a number (`5 working days`) is a label: the number counts." and "A range with polarity high:
`v > max` is exceeding ... With polarity low: `v < min` is exceeding. With neutral: both sides are
outside."
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target
from scorecard_report.inputs.vocabulary import Polarity
from scorecard_report.load.targets import TargetError, parse_target
from scorecard_report.rules.targets import exceeds, implied_polarity, meets

D = Decimal
FAST = settings(max_examples=200, deadline=None)
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL
VALUE, ABOVE, BELOW, RANGE = SingleValue, Above, Below, Range


def shape(target: Target) -> tuple[type, Decimal | None, Decimal | None, bool]:
    """What a target means, leaving out how it was written: its kind, lower and upper bound, inclusive."""
    match target:
        case SingleValue(value=value):
            return (VALUE, value, value, True)
        case Above(bound=bound, inclusive=inclusive):
            return (ABOVE, bound, None, inclusive)
        case Below(bound=bound, inclusive=inclusive):
            return (BELOW, None, bound, inclusive)
        case Range(low=low, high=high):
            return (RANGE, low, high, True)


# --- written forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("85%", (VALUE, D(85), D(85), True), id="85% → single value 85"),
        pytest.param("85", (VALUE, D(85), D(85), True), id="85 → single value 85"),
        pytest.param(">65%", (ABOVE, D(65), None, False), id=">65% → above 65, strict"),
        pytest.param(">=65", (ABOVE, D(65), None, True), id=">=65 → above 65, inclusive"),
        pytest.param("Above 65", (ABOVE, D(65), None, False), id="Above 65 → above 65, strict"),
        pytest.param("<7%", (BELOW, None, D(7), False), id="<7% → below 7, strict"),
        pytest.param("<=7", (BELOW, None, D(7), True), id="<=7 → below 7, inclusive"),
        pytest.param("Below 7", (BELOW, None, D(7), False), id="Below 7 → below 7, strict"),
        pytest.param("85-90%", (RANGE, D(85), D(90), True), id="85-90% → range 85..90"),
        pytest.param("16 - 18", (RANGE, D(16), D(18), True), id="16 - 18 → range 16..18"),
        pytest.param("20% - 16%", (RANGE, D(16), D(20), True), id="20% - 16% → same range as 16-20%"),
        pytest.param("20 - 16", (RANGE, D(16), D(20), True), id="20 - 16 → same range as 16-20"),
        pytest.param("5 working days", (VALUE, D(5), D(5), True), id="5 working days → 5, the rest a label"),
        pytest.param("Below 7 days", (BELOW, None, D(7), False), id="Below 7 days → below 7, label"),
        pytest.param("16 - 18 weeks", (RANGE, D(16), D(18), True), id="16 - 18 weeks → range, label"),
        pytest.param("85.5%", (VALUE, D("85.5"), D("85.5"), True), id="85.5% → 85.5"),
    ],
)
def test_text_forms(written: str, expected: tuple[Any, ...]) -> None:
    assert shape(parse_target(written)) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("Below 70 per 10,000", (BELOW, None, D(70), False), id="Below 70 per 10,000 → below 70"),
        pytest.param("70 per 10,000", (VALUE, D(70), D(70), True), id="70 per 10,000 → 70"),
        pytest.param("5 working-days", (VALUE, D(5), D(5), True), id="5 working-days → 5"),
        pytest.param("Below 7 (days)", (BELOW, None, D(7), False), id="Below 7 (days) → below 7"),
    ],
)
def test_any_text_after_the_number_is_a_label(written: str, expected: tuple[Any, ...]) -> None:
    # "Text after a number (`5 working days`) is a label: the number counts." A rate target is
    # naturally written with its unit label, which itself has figures in it; a label may also
    # have a hyphen or start with a bracket. The number is what counts.
    assert shape(parse_target(written)) == expected


def test_percent_sign_is_recorded() -> None:
    assert parse_target("85%").percent_sign
    assert parse_target("20% - 16%").percent_sign
    assert not parse_target("85").percent_sign


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("85-", id="range without an end"),
        pytest.param("abc", id="words"),
        pytest.param("85%%", id="two percent signs"),
        pytest.param("", id="empty"),
        pytest.param(">", id="operator alone"),
        pytest.param("Above", id="word alone"),
        pytest.param("85 90", id="two numbers without a dash"),
    ],
)
def test_invalid_text_is_a_target_error(written: str) -> None:
    with pytest.raises(TargetError):
        parse_target(written)


# --- structured forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("structured", "expected"),
    [
        pytest.param({"value": 85}, (VALUE, D(85), D(85), True), id="{value: 85}"),
        pytest.param({"value": "85"}, (VALUE, D(85), D(85), True), id="{value: '85'} as strict YAML gives"),
        pytest.param({"above": 65}, (ABOVE, D(65), None, False), id="{above: 65} is v > 65"),
        pytest.param(
            {"above": 65, "inclusive": True}, (ABOVE, D(65), None, True), id="{above: 65, inclusive: true}"
        ),
        pytest.param(
            {"above": "65", "inclusive": "true"}, (ABOVE, D(65), None, True), id="inclusive written as text"
        ),
        pytest.param({"below": 7}, (BELOW, None, D(7), False), id="{below: 7} is v < 7"),
        pytest.param(
            {"below": 7, "inclusive": True}, (BELOW, None, D(7), True), id="{below: 7, inclusive: true}"
        ),
        pytest.param({"min": 85, "max": 90}, (RANGE, D(85), D(90), True), id="{min: 85, max: 90}"),
        pytest.param({"min": 90, "max": 85}, (RANGE, D(85), D(90), True), id="{min: 90, max: 85} same range"),
    ],
)
def test_structured_forms(structured: dict[str, Any], expected: tuple[Any, ...]) -> None:
    assert shape(parse_target(structured)) == expected


@pytest.mark.parametrize(
    ("text", "structured"),
    [
        pytest.param("85", {"value": 85}, id="85 = {value: 85}"),
        pytest.param(">65", {"above": 65}, id=">65 = {above: 65}"),
        pytest.param(">=65", {"above": 65, "inclusive": True}, id=">=65 = {above: 65, inclusive: true}"),
        pytest.param("<7", {"below": 7}, id="<7 = {below: 7}"),
        pytest.param("<=7", {"below": 7, "inclusive": True}, id="<=7 = {below: 7, inclusive: true}"),
        pytest.param("85-90", {"min": 85, "max": 90}, id="85-90 = {min: 85, max: 90}"),
    ],
)
def test_text_and_structured_forms_agree(text: str, structured: dict[str, Any]) -> None:
    assert shape(parse_target(text)) == shape(parse_target(structured))


@pytest.mark.parametrize(
    "structured",
    [
        pytest.param({"min": 85}, id="min without max"),
        pytest.param({"max": 90}, id="max without min"),
        pytest.param({"value": 85, "above": 60}, id="two kinds at once"),
        pytest.param({"target": 85}, id="unknown key"),
        pytest.param({}, id="nothing"),
        pytest.param({"value": "abc"}, id="not a number"),
    ],
)
def test_invalid_structured_is_a_target_error(structured: dict[str, Any]) -> None:
    with pytest.raises(TargetError):
        parse_target(structured)


@pytest.mark.parametrize(
    ("written", "polarity"),
    [
        pytest.param(">65%", HIGH, id="> implies high"),
        pytest.param("Above 65", HIGH, id="Above implies high"),
        pytest.param("<7", LOW, id="< implies low"),
        pytest.param("Below 7", LOW, id="Below implies low"),
        pytest.param("85", None, id="single value implies nothing"),
        pytest.param("85-90", None, id="range implies nothing"),
    ],
)
def test_an_inequality_implies_its_polarity(written: str, polarity: Polarity | None) -> None:
    assert implied_polarity(parse_target(written)) == polarity


# --- meets and exceeds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value", "polarity", "met"),
    [
        pytest.param("85", "85", HIGH, True, id="85 high: 85 ≥ 85 met"),
        pytest.param("85", "86", HIGH, True, id="85 high: 86 ≥ 85 met"),
        pytest.param("85", "84.9", HIGH, False, id="85 high: 84.9 < 85 not met"),
        pytest.param("85", "85", LOW, True, id="85 low: 85 ≤ 85 met"),
        pytest.param("85", "80", LOW, True, id="85 low: 80 ≤ 85 met"),
        pytest.param("85", "85.1", LOW, False, id="85 low: 85.1 > 85 not met"),
        pytest.param(">65", "65", HIGH, False, id=">65: 65 > 65 is false"),
        pytest.param(">65", "65.1", HIGH, True, id=">65: 65.1 > 65"),
        pytest.param(">=65", "65", HIGH, True, id=">=65: 65 ≥ 65"),
        pytest.param(">=65", "64.9", HIGH, False, id=">=65: 64.9 < 65"),
        pytest.param("<7", "7", LOW, False, id="<7: 7 < 7 is false"),
        pytest.param("<7", "6.9", LOW, True, id="<7: 6.9 < 7"),
        pytest.param("<=7", "7", LOW, True, id="<=7: 7 ≤ 7"),
        pytest.param("<=7", "7.1", LOW, False, id="<=7: 7.1 > 7"),
        pytest.param("85-90", "85", HIGH, True, id="85-90: 85 ≤ 85 ≤ 90"),
        pytest.param("85-90", "90", HIGH, True, id="85-90: 85 ≤ 90 ≤ 90"),
        pytest.param("85-90", "87", NEUTRAL, True, id="85-90 neutral: 87 inside"),
        pytest.param("85-90", "84.9", HIGH, False, id="85-90: 84.9 below min"),
        pytest.param("85-90", "90.1", NEUTRAL, False, id="85-90 neutral: 90.1 above max"),
        pytest.param("16 - 18", "15", LOW, False, id="16-18 low: 15 is outside (it exceeds instead)"),
    ],
)
def test_meets(written: str, value: str, polarity: Polarity, met: bool) -> None:
    assert meets(parse_target(written), D(value), polarity) is met


@pytest.mark.parametrize(
    ("written", "value", "polarity", "exceeding"),
    [
        pytest.param("85-90", "91", HIGH, True, id="85-90 high: 91 > max exceeds"),
        pytest.param("85-90", "84", HIGH, False, id="85-90 high: 84 < min is short"),
        pytest.param("85-90", "88", HIGH, False, id="85-90 high: 88 inside meets, not exceeds"),
        pytest.param("16-18", "15", LOW, True, id="16-18 low: 15 < min exceeds"),
        pytest.param("16-18", "19", LOW, False, id="16-18 low: 19 > max is short"),
        pytest.param("85-90", "91", NEUTRAL, False, id="85-90 neutral: 91 is outside"),
        pytest.param("85-90", "84", NEUTRAL, False, id="85-90 neutral: 84 is outside"),
        pytest.param("85", "99", HIGH, False, id="a single value is met, never exceeded"),
    ],
)
def test_exceeds(written: str, value: str, polarity: Polarity, exceeding: bool) -> None:
    assert exceeds(parse_target(written), D(value), polarity) is exceeding


# --- properties ----------------------------------------------------------------------------------

bounds = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)


@FAST
@given(bounds, bounds, st.sampled_from(["-", " - ", " to ", "–"]), st.booleans())
def test_a_range_written_high_to_low_is_the_same_range(a: Decimal, b: Decimal, dash: str, pct: bool) -> None:
    sign = "%" if pct else ""
    forwards = parse_target(f"{a}{sign}{dash}{b}{sign}")
    backwards = parse_target(f"{b}{sign}{dash}{a}{sign}")
    assert shape(forwards) == shape(backwards) == (RANGE, min(a, b), max(a, b), True)
    assert shape(parse_target({"min": str(b), "max": str(a)})) == shape(forwards)


@FAST
@given(bounds, st.sampled_from([">", ">=", "<", "<=", "Above ", "Below "]))
def test_text_inequalities_agree_with_structured(bound: Decimal, op: str) -> None:
    side = "above" if op.startswith((">", "A")) else "below"
    inclusive = op.endswith("=")
    assert shape(parse_target(f"{op}{bound}")) == shape(
        parse_target({side: str(bound), "inclusive": inclusive})
    )


@FAST
@given(bounds, bounds, bounds)
def test_a_value_inside_a_range_meets_it_for_every_polarity(a: Decimal, b: Decimal, v: Decimal) -> None:
    target = parse_target(f"{a}-{b}")
    inside = min(a, b) <= v <= max(a, b)
    for polarity in Polarity:
        assert meets(target, v, polarity) is inside
        assert not (meets(target, v, polarity) and exceeds(target, v, polarity))
