"""The numbers a chart draws: its series, the lines the axis must reach, and the y axis's ticks and labels."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.format.display import MILLION, format_value
from scorecard_report.inputs.vocabulary import Unit
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import charted_benchmark


def series_values(row: Row) -> list[float]:
    """The trend as floats, oldest first, with NaN for a missing value so the line breaks there."""
    return [math.nan if figure.value is None else float(figure.value) for figure in row.trend]


def reference_values(row: Row) -> list[Decimal]:
    """Target bounds and the first benchmark: lines the y axis must reach so they are visible."""
    values: list[Decimal] = []
    if row.target is not None:
        values += row.target.bounds
    benchmark = charted_benchmark(row)
    if benchmark is not None and benchmark.value is not None:
        values.append(benchmark.value)
    return values


@dataclass(frozen=True)
class YAxis:
    """Evenly spaced ticks whose ends are the axis limits, with their labels in the row's unit."""

    ticks: tuple[Decimal, ...]
    labels: tuple[str, ...]


def y_axis(row: Row, most_ticks: int) -> YAxis:
    """Ticks on round numbers the row's display precision can show, reaching every value and line."""
    values = [figure.value for figure in row.trend if figure.value is not None] + reference_values(row)
    low, high = _padded(values, row.unit)
    step = _tick_step(low, high, _smallest_step(row, max(abs(low), abs(high))), most_ticks)
    ticks = tuple(step * index for index in range(math.floor(low / step), math.ceil(high / step) + 1))
    decimals = max(0, -int(step.normalize().as_tuple().exponent))
    return YAxis(ticks, tuple(format_value(tick, row.unit, decimals, "") for tick in ticks))


def _padded(values: list[Decimal], unit: Unit) -> tuple[Decimal, Decimal]:
    """The values' range with a little room, not below zero for values that are not negative."""
    if not values:
        return Decimal(0), Decimal(1)
    low, high = min(values), max(values)
    pad = (high - low or abs(high) / 5 or Decimal(1)) / 10
    padded_low = max(low - pad, Decimal(0)) if low >= 0 else low - pad
    padded_high = high + pad
    if unit is Unit.PERCENT and high <= 100:
        padded_high = min(padded_high, Decimal(100))
    return padded_low, padded_high


def _smallest_step(row: Row, largest: Decimal) -> Decimal:
    if row.unit is Unit.CURRENCY and largest >= MILLION:
        return MILLION / 10  # millions are shown to one decimal place: £1.2m
    return Decimal(1).scaleb(-row.decimals)


def _tick_step(low: Decimal, high: Decimal, smallest: Decimal, most_ticks: int) -> Decimal:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that needs at most ``most_ticks`` ticks."""
    exponent = math.floor(math.log10(max(high - low, smallest) / most_ticks)) - 1
    while True:
        for multiple in (1, 2, Decimal("2.5"), 5):
            step = Decimal(multiple).scaleb(exponent)
            if step < smallest or step % smallest:
                continue
            if math.ceil(high / step) - math.floor(low / step) + 1 <= most_ticks:
                return step
        exponent += 1
