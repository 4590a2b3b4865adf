"""Rule: direction of travel and its judgement.

Rules text: "Round both to display decimals first. Equal: no change (`↔`). Otherwise up (`↑`) or
down (`↓`)." "Judgement: polarity high, up is improving and down is declining; polarity low, the
reverse; neutral, increased / decreased with no judgement." "Either value missing: no direction
(shown as a dash, not an arrow)."

direction_of_travel receives values already rounded (see test_compare_as_shown for the rounding).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.format.words import direction_arrow
from scorecard_report.inputs.vocabulary import Direction, Judgement, Polarity
from scorecard_report.rules.direction import direction_of_travel, judgement

D = Decimal
FAST = settings(max_examples=200, deadline=None)
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL
UP, DOWN, SAME, NONE = Direction.UP, Direction.DOWN, Direction.SAME, Direction.NONE


@pytest.mark.parametrize(
    ("current", "comparator", "expected"),
    [
        pytest.param(D(71), D(70), UP, id="71 vs 70 → up"),
        pytest.param(D(70), D(71), DOWN, id="70 vs 71 → down"),
        pytest.param(D(70), D(70), SAME, id="70 vs 70 → no change"),
        pytest.param(D("70.0"), D(70), SAME, id="70.0 vs 70 → equal numbers, no change"),
        pytest.param(D("-1.5"), D("-2.5"), UP, id="-1.5 vs -2.5 → up"),
        pytest.param(None, D(70), NONE, id="current missing → no direction"),
        pytest.param(D(70), None, NONE, id="comparator missing → no direction"),
        pytest.param(None, None, NONE, id="both missing → no direction"),
    ],
)
def test_direction_of_travel(
    current: Decimal | None, comparator: Decimal | None, expected: Direction
) -> None:
    assert direction_of_travel(current, comparator) is expected


def test_arrows() -> None:
    assert direction_arrow(UP) == "↑"
    assert direction_arrow(DOWN) == "↓"
    assert direction_arrow(SAME) == "↔"


def test_no_direction_is_shown_as_a_dash_not_an_arrow() -> None:
    assert direction_arrow(NONE) in {"-", "–", "—"}


@pytest.mark.parametrize(
    ("direction", "polarity", "expected"),
    [
        pytest.param(UP, HIGH, Judgement.IMPROVING, id="high, up → improving"),
        pytest.param(DOWN, HIGH, Judgement.DECLINING, id="high, down → declining"),
        pytest.param(UP, LOW, Judgement.DECLINING, id="low, up → declining"),
        pytest.param(DOWN, LOW, Judgement.IMPROVING, id="low, down → improving"),
        pytest.param(UP, NEUTRAL, Judgement.INCREASED, id="neutral, up → increased"),
        pytest.param(DOWN, NEUTRAL, Judgement.DECREASED, id="neutral, down → decreased"),
        pytest.param(SAME, HIGH, Judgement.NO_CHANGE, id="high, same → no change"),
        pytest.param(SAME, LOW, Judgement.NO_CHANGE, id="low, same → no change"),
        pytest.param(SAME, NEUTRAL, Judgement.NO_CHANGE, id="neutral, same → no change"),
        pytest.param(NONE, HIGH, Judgement.NONE, id="high, missing → none"),
        pytest.param(NONE, LOW, Judgement.NONE, id="low, missing → none"),
        pytest.param(NONE, NEUTRAL, Judgement.NONE, id="neutral, missing → none"),
    ],
)
def test_judgement(direction: Direction, polarity: Polarity, expected: Judgement) -> None:
    assert judgement(direction, polarity) is expected


def test_judgement_words() -> None:
    # every arrow carries its word
    assert [str(j) for j in Judgement if j is not Judgement.NONE] == [
        "improving",
        "declining",
        "increased",
        "decreased",
        "no change",
    ]


# --- properties ----------------------------------------------------------------------------------

values = st.one_of(st.none(), st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False))
SWAP = {
    Judgement.IMPROVING: Judgement.DECLINING,
    Judgement.DECLINING: Judgement.IMPROVING,
    Judgement.NO_CHANGE: Judgement.NO_CHANGE,
    Judgement.NONE: Judgement.NONE,
}
REVERSE = {UP: DOWN, DOWN: UP, SAME: SAME, NONE: NONE}


@FAST
@given(values, values)
def test_swapping_polarity_high_and_low_swaps_improving_and_declining(
    current: Decimal | None, comparator: Decimal | None
) -> None:
    direction = direction_of_travel(current, comparator)
    assert judgement(direction, LOW) is SWAP[judgement(direction, HIGH)]


@FAST
@given(values, values)
def test_swapping_current_and_comparator_reverses_the_direction(
    current: Decimal | None, comparator: Decimal | None
) -> None:
    assert direction_of_travel(comparator, current) is REVERSE[direction_of_travel(current, comparator)]


@FAST
@given(values, values)
def test_no_change_exactly_when_equal_and_neutral_never_judges(
    current: Decimal | None, comparator: Decimal | None
) -> None:
    direction = direction_of_travel(current, comparator)
    both = current is not None and comparator is not None
    assert (direction is SAME) is (both and current == comparator)
    assert (direction is NONE) is (not both)
    assert judgement(direction, NEUTRAL) not in (Judgement.IMPROVING, Judgement.DECLINING)
