"""The numbers behind a percentage, in words: how many of how many, and how many the target needs."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from scorecard_report.format.display import format_bound, format_count, format_figure
from scorecard_report.inputs.targets import Above, Below, Range, SingleValue, Target
from scorecard_report.inputs.vocabulary import Polarity, RagStatus, Unit
from scorecard_report.model.report import Row
from scorecard_report.rules.numbers import round_half_away

HUNDRED = Decimal(100)


def counts_sentence(row: Row) -> str:
    """``166 of 201 (83%); meeting the 90% target would need 181, 15 more.``

    Said only for a percentage whose numerator and denominator are known. The count a target needs is
    the fewest (for an upper limit, the most) whose percentage meets the target as shown, at the row's
    decimals, because values are compared as shown: 180 of 201 is 89.6%, shown as 90%, and meets 90%.
    A row whose status is green says no more than its counts.
    """
    current = row.current
    numerator, denominator = current.numerator, current.denominator
    if row.unit is not Unit.PERCENT or numerator is None or denominator is None or denominator <= 0:
        return ""
    said = f"{format_figure(numerator)} of {format_figure(denominator)} ({current.text})"
    if row.target is None or row.status in (RagStatus.GREEN, RagStatus.NONE):
        return f"{said}."
    at_least, at_most = counts_to_meet(row.target, row.polarity, denominator, row.decimals)
    meeting = f"meeting the {_target_words(row.target, row)} target would need"
    if at_least is not None and numerator < at_least:
        return f"{said}; {meeting} {format_count(at_least)}, {format_figure(at_least - numerator)} more."
    if at_most is not None and numerator > at_most:
        return (
            f"{said}; {meeting} {format_count(at_most)} or fewer, {format_figure(numerator - at_most)} fewer."
        )
    return f"{said}."


def counts_to_meet(
    target: Target, polarity: Polarity, denominator: Decimal, decimals: int
) -> tuple[int | None, int | None]:
    """The fewest and the most of ``denominator`` whose percentage, shown at ``decimals``, meets a
    percentage ``target`` (None where the target has no limit on that side)."""
    fewest, most = _exact_counts(target, polarity, denominator)
    return (
        _fewest_as_shown(fewest, target, denominator, decimals) if fewest is not None else None,
        _most_as_shown(most, target, denominator, decimals) if most is not None else None,
    )


def _shown(count: int, denominator: Decimal, decimals: int) -> Decimal:
    return round_half_away(Decimal(count) * HUNDRED / denominator, decimals)


def _meets_low(shown: Decimal, target: Target) -> bool:
    match target:
        case Above(bound=bound, inclusive=inclusive):
            return shown >= bound if inclusive else shown > bound
        case Range(low=low):
            return shown >= low
        case SingleValue(value=value):
            return shown >= value
    return True


def _meets_high(shown: Decimal, target: Target) -> bool:
    match target:
        case Below(bound=bound, inclusive=inclusive):
            return shown <= bound if inclusive else shown < bound
        case Range(high=high):
            return shown <= high
        case SingleValue(value=value):
            return shown <= value
    return True


def _fewest_as_shown(start: int, target: Target, denominator: Decimal, decimals: int) -> int:
    """From the exact share, step up until the count meets the target as shown (a strict bound can round
    onto itself), then down while a smaller count still does."""
    count = max(0, start)
    while count < denominator and not _meets_low(_shown(count, denominator, decimals), target):
        count += 1
    while count > 0 and _meets_low(_shown(count - 1, denominator, decimals), target):
        count -= 1
    return count


def _most_as_shown(start: int, target: Target, denominator: Decimal, decimals: int) -> int:
    """From the exact share, step down until the count meets the target as shown, then up while a
    larger count still does."""
    count = min(start, int(denominator))
    while count > 0 and not _meets_high(_shown(count, denominator, decimals), target):
        count -= 1
    while count + 1 <= denominator and _meets_high(_shown(count + 1, denominator, decimals), target):
        count += 1
    return count


def _exact_counts(target: Target, polarity: Polarity, denominator: Decimal) -> tuple[int | None, int | None]:
    """The fewest and the most whose exact share meets the target: where the search as shown starts."""
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
