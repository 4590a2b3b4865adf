"""The numbers behind a percentage, in words: how many of how many, and how many the target needs."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from scorecard_report.format.display import format_bound, format_count, format_value
from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target
from scorecard_report.inputs.vocabulary import Polarity, RagStatus, Unit
from scorecard_report.model.report import Row

HUNDRED = Decimal(100)


def counts_sentence(row: Row) -> str:
    """``166 of 201 (83%); meeting the 90% target would need 181, 15 more.``

    Said only for a percentage whose numerator and denominator are known. The count a target needs is
    the target's share of the denominator, rounded up (down for an upper limit): the smallest whole
    count whose exact share meets it. A row whose status is green says no more than its counts.
    """
    current = row.current
    numerator, denominator = current.numerator, current.denominator
    if row.unit is not Unit.PERCENT or numerator is None or denominator is None or denominator <= 0:
        return ""
    said = f"{_number(numerator)} of {_number(denominator)} ({current.text})"
    if row.target is None or row.status in (RagStatus.GREEN, RagStatus.NONE):
        return f"{said}."
    at_least, at_most = counts_to_meet(row.target, row.polarity, denominator)
    meeting = f"meeting the {_target_words(row.target, row)} target would need"
    if at_least is not None and numerator < at_least:
        return f"{said}; {meeting} {format_count(at_least)}, {_number(at_least - numerator)} more."
    if at_most is not None and numerator > at_most:
        return f"{said}; {meeting} {format_count(at_most)} or fewer, {_number(numerator - at_most)} fewer."
    return f"{said}."


def counts_to_meet(target: Target, polarity: Polarity, denominator: Decimal) -> tuple[int | None, int | None]:
    """The fewest and the most of ``denominator`` whose exact share meets a percentage ``target``
    (None where the target has no limit on that side)."""
    match target:
        case SingleValue(value=value):
            share = _share(value, denominator)
            return (_up(share), None) if polarity is Polarity.HIGH else (None, _down(share))
        case Above(bound=bound, inclusive=inclusive):
            share = _share(bound, denominator)
            return (_up(share) if inclusive else _down(share) + 1), None
        case Below(bound=bound, inclusive=inclusive):
            share = _share(bound, denominator)
            return None, (_down(share) if inclusive else _up(share) - 1)
        case Range(low=low, high=high):
            fewest = None if polarity is Polarity.LOW else _up(_share(low, denominator))
            most = None if polarity is Polarity.HIGH else _down(_share(high, denominator))
            return fewest, most


def _target_words(target: Target, row: Row) -> str:
    """``90%`` for a single value (the polarity says which side meets it), else the target as shown."""
    return format_bound(target.value, row.unit) if isinstance(target, SingleValue) else row.target_text


def _share(percent: Decimal, denominator: Decimal) -> Decimal:
    return percent * denominator / HUNDRED


def _up(count: Decimal) -> int:
    return int(count.to_integral_value(rounding=ROUND_CEILING))


def _down(count: Decimal) -> int:
    return int(count.to_integral_value(rounding=ROUND_FLOOR))


def _number(count: Decimal | int) -> str:
    """A count as written: ``1,238``; a count with a fraction (``12.5`` staff) keeps one decimal."""
    value = Decimal(count)
    return format_value(value, Unit.COUNT, 0 if value == value.to_integral_value() else 1, "")
