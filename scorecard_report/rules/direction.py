"""Direction of travel: up, down or no change at display precision, and what that means."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.inputs.vocabulary import Direction, Judgement, Polarity


def direction_of_travel(current: Decimal | None, comparator: Decimal | None) -> Direction:
    """Compare two values already rounded to display decimals; either missing gives no direction."""
    if current is None or comparator is None:
        return Direction.NONE
    if current > comparator:
        return Direction.UP
    if current < comparator:
        return Direction.DOWN
    return Direction.SAME


def judgement(direction: Direction, polarity: Polarity) -> Judgement:
    """Up is improving for high polarity, declining for low; neutral only says which way."""
    if direction is Direction.NONE:
        return Judgement.NONE
    if direction is Direction.SAME:
        return Judgement.NO_CHANGE
    up = direction is Direction.UP
    if polarity is Polarity.NEUTRAL:
        return Judgement.INCREASED if up else Judgement.DECREASED
    better = up if polarity is Polarity.HIGH else not up
    return Judgement.IMPROVING if better else Judgement.DECLINING
