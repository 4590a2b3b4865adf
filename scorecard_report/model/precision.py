"""How precisely a row's numbers are shown, so that the shown values support every judgement.

The rules judge at the indicator's display decimals, but a value can be shown more coarsely than it
is judged: money of a million or more is written in millions to one decimal (``£1.4m``) while RAG,
bands, arrows and benchmarks compare whole pounds. Then a current £1,382,400 against a target of
£1,350,000 reads "£1.4m against £1.4m" and is Amber. Whenever two numbers a judgement compares are
judged different but would be written alike, the row is written more precisely, step by step, until
they differ: money in millions to two decimals (``£1.38m`` against ``£1.35m``), then in full
(``£1,382,400``); any other unit one and then two more decimals. Judgements never change: only the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.format.display import MILLION_DECIMALS, format_bound, format_value
from scorecard_report.inputs.vocabulary import Unit

MORE_DECIMALS = 2  # at most this many decimals beyond the indicator's own (for money, in millions)


@dataclass(frozen=True)
class Precision:
    """How a row's numbers are written: ``decimals`` places, and money of a million or more in millions
    to ``millions`` places (``None``: in full, ``£1,382,400``)."""

    decimals: int
    millions: int | None = MILLION_DECIMALS


@dataclass(frozen=True)
class Compared:
    """Two numbers a judgement compares, as they are written: a value and the other side, another value
    (the comparator, a benchmark) or a bound of a target or band threshold, written at its own precision
    (``is_bound``). ``different`` is the judgement's view, made at display decimals: only numbers it
    tells apart need to be written apart."""

    value: Decimal
    other: Decimal
    different: bool
    is_bound: bool = False


def candidates(unit: Unit, decimals: int) -> tuple[Precision, ...]:
    """The precisions to try, coarsest (the indicator's own) first."""
    if unit is Unit.CURRENCY:
        millions = tuple(Precision(decimals, MILLION_DECIMALS + extra) for extra in range(MORE_DECIMALS))
        return (*millions, Precision(decimals, None))
    return tuple(Precision(decimals + extra) for extra in range(MORE_DECIMALS + 1))


def _written(number: Decimal, unit: Unit, precision: Precision, is_bound: bool) -> str:
    if is_bound:
        return format_bound(number, unit, 0, precision.millions)
    return format_value(number, unit, precision.decimals, "", precision.millions)


def _tells_apart(comparison: Compared, unit: Unit, precision: Precision) -> bool:
    value = _written(comparison.value, unit, precision, False)
    return value != _written(comparison.other, unit, precision, comparison.is_bound)


def display_precision(unit: Unit, decimals: int, comparisons: Iterable[Compared]) -> Precision:
    """The coarsest precision at which every comparison judged different is written differently.

    Comparisons judged the same need nothing (89.6% against a target of 90% at 0 decimals is judged as
    90 against 90, and both read 90%); where even the finest candidate cannot tell two numbers apart,
    the finest is used.
    """
    different = [comparison for comparison in comparisons if comparison.different]
    options = candidates(unit, decimals)
    for precision in options:
        if all(_tells_apart(comparison, unit, precision) for comparison in different):
            return precision
    return options[-1]
