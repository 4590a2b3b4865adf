"""Whether a value meets its target, by how much it misses, and its RAG status."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target, Tolerance
from scorecard_report.inputs.vocabulary import Polarity, RagStatus


def implied_polarity(target: Target) -> Polarity | None:
    """An inequality says which way is better: ``>65`` means high, ``<7`` low; other targets say nothing."""
    match target:
        case Above():
            return Polarity.HIGH
        case Below():
            return Polarity.LOW
        case SingleValue() | Range():
            return None


def meets(target: Target, value: Decimal, polarity: Polarity) -> bool:
    """Whether ``value`` (already rounded to display decimals) meets ``target`` for ``polarity``."""
    match target:
        case Above(bound=bound, inclusive=inclusive):
            return value >= bound if inclusive else value > bound
        case Below(bound=bound, inclusive=inclusive):
            return value <= bound if inclusive else value < bound
        case SingleValue(value=single):
            return value >= single if polarity is Polarity.HIGH else value <= single
        case Range(low=low, high=high):
            return low <= value <= high


def exceeds(target: Target, value: Decimal, polarity: Polarity) -> bool:
    """A range target beaten on its better side: above max for high, below min for low."""
    if not isinstance(target, Range) or polarity is Polarity.NEUTRAL:
        return False
    return value > target.high if polarity is Polarity.HIGH else value < target.low


def nearest_boundary(target: Target, value: Decimal) -> Decimal:
    """The boundary a value that misses ``target`` has to reach."""
    match target:
        case Range(low=low, high=high):
            return low if value < low else high
        case SingleValue(value=single):
            return single
        case Above(bound=bound) | Below(bound=bound):
            return bound


def allowance(tolerance: Tolerance, boundary: Decimal) -> Decimal:
    """How far from ``boundary`` a value may be and still be amber."""
    # Relative to the boundary's size, so a negative target gets a positive allowance.
    return abs(boundary) * tolerance.amount if tolerance.relative else tolerance.amount


def rag_status(
    target: Target | None, value: Decimal | None, polarity: Polarity, tolerance: Tolerance
) -> RagStatus:
    """Green when met or exceeding; amber within tolerance of the nearest boundary; else red."""
    if target is None or value is None:
        return RagStatus.NONE
    if meets(target, value, polarity) or exceeds(target, value, polarity):
        return RagStatus.GREEN
    boundary = nearest_boundary(target, value)
    room = allowance(tolerance, boundary)
    if room > 0 and abs(value - boundary) <= room:
        return RagStatus.AMBER
    return RagStatus.RED


def variance_from_target(target: Target | None, value: Decimal | None) -> Decimal | None:
    """Signed distance from the target (value minus the boundary it is judged against).

    0 inside a range; for a range, the distance to the nearest boundary outside it. A value
    target or an inequality: value minus the bound. No target or no value: None.
    """
    if target is None or value is None:
        return None
    if isinstance(target, Range) and target.low <= value <= target.high:
        return Decimal(0)
    return value - nearest_boundary(target, value)
