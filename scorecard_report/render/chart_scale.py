"""The numbers a chart draws: its series, the band scale behind it, the lines the axis must reach, and the
y axis's ticks and labels."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from scorecard_report.format.display import MILLION, format_value
from scorecard_report.inputs.spc import PointKind
from scorecard_report.inputs.vocabulary import Polarity, Unit
from scorecard_report.model.report import BandStep, Row
from scorecard_report.present.alt_text import charted_benchmark, spc_segments


def series_values(row: Row) -> list[float]:
    """The charted trend (``Row.chart_trend``) as floats, oldest first, NaN for a missing value."""
    return [math.nan if figure.value is None else float(figure.value) for figure in row.chart_trend]


def series_line(row: Row) -> tuple[list[float], list[float]]:
    """The line's x positions (0, 1, … along the charted periods) and values.

    A missing value is a NaN, where the line breaks; so is a point put between two charted periods
    that are not consecutive (an annual chart's years either side of a year without a value), so that
    no line joins them across the year it leaves out.
    """
    figures = row.chart_trend
    xs: list[float] = []
    ys: list[float] = []
    for index, (figure, value) in enumerate(zip(figures, series_values(row), strict=True)):
        if index and figures[index - 1].period.plus(row.frequency.months) != figure.period:
            xs.append(index - 0.5)
            ys.append(math.nan)
        xs.append(float(index))
        ys.append(value)
    return xs, ys


def revised_points(row: Row) -> tuple[list[float], list[float]]:
    """Where each revised value is drawn: its position along the charted periods and its value now. A
    revision to no value, or of a period the chart does not draw, has no point to mark."""
    revised = {revision.period for revision in row.revisions}
    points = [
        (float(index), value)
        for index, (figure, value) in enumerate(zip(row.chart_trend, series_values(row), strict=True))
        if figure.period in revised and not math.isnan(value)
    ]
    return [x for x, _y in points], [y for _x, y in points]


def band_thresholds(row: Row) -> list[Decimal]:
    """Each band's threshold, worst first; none for an indicator without bands."""
    if row.band_scale is None:
        return []
    return [step.threshold for step in row.band_scale.steps if step.threshold is not None]


def reference_values(row: Row) -> list[Decimal]:
    """Target bounds, band thresholds and the first benchmark: what the y axis must reach to show."""
    values: list[Decimal] = []
    if row.target is not None:
        values += row.target.bounds
    values += band_thresholds(row)
    benchmark = charted_benchmark(row)
    if benchmark is not None and benchmark.value is not None:
        values.append(benchmark.value)
    return values


# ---------------------------------------------------------------- the XmR chart


@dataclass(frozen=True)
class LimitLine:
    """One segment's average or process limit: level at ``y`` across its own months, ``start`` to ``end``
    (from half a period before its first month to half a period after its last)."""

    kind: str  # centre, upper or lower
    start: float
    end: float
    y: Decimal


def limit_lines(row: Row) -> list[LimitLine]:
    """Each segment's average, then its upper and lower limits; none for a segment without limits, so
    the lines step at every rebase."""
    lines = []
    for segment in spc_segments(row):
        for kind, y in (("centre", segment.centre), ("upper", segment.upper), ("lower", segment.lower)):
            if y is not None:
                lines.append(LimitLine(kind, segment.first - 0.5, segment.last + 0.5, y))
    return lines


def points_by_kind(row: Row) -> dict[PointKind, tuple[list[float], list[float]]]:
    """Each kind of point the chart marks (oldest kind first in ``PointKind``'s order), with the x
    positions and values of its months; a month without a value is not marked."""
    found: dict[PointKind, tuple[list[float], list[float]]] = {}
    for index, point in enumerate(row.spc.series):
        if point.value is not None:
            xs, ys = found.setdefault(point.point, ([], []))
            xs.append(float(index))
            ys.append(float(point.value))
    return {kind: found[kind] for kind in PointKind if kind in found}


@dataclass(frozen=True)
class RebaseMark:
    """A rebase drawn where its segment begins, half a period before that month, with its reason; one
    before the charted months (``line`` False) is only named, at the chart's left edge, with its month."""

    x: float
    reason: str
    line: bool = True
    since: str = ""  # the month of a rebase before the charted months: "Jun 2025"


def rebase_marks(row: Row) -> list[RebaseMark]:
    return [
        RebaseMark(segment.first - 0.5, segment.rebase.reason.strip())
        if segment.marked
        else RebaseMark(-0.5, segment.rebase.reason.strip(), line=False, since=segment.rebase.period_text)
        for segment in spc_segments(row)
        if segment.rebase is not None
    ]


def limit_values(row: Row) -> list[Decimal]:
    """The limits and averages the y axis must reach to show them."""
    return [line.y for line in limit_lines(row)]


@dataclass(frozen=True)
class BandRegion:
    """The stretch of the y axis whose values are in ``step``'s band."""

    step: BandStep
    low: float
    high: float


def band_regions(row: Row, bottom: float, top: float) -> list[BandRegion]:
    """Each step of the row's band scale as the stretch of the axis from ``bottom`` to ``top`` it covers.

    A step runs from its threshold to the next (better) band's: upwards for polarity high, downwards for
    low; the step below the bands runs from the worst threshold to the axis's worse end, the best band
    to its better end. Steps the axis does not reach are left out.
    """
    if row.band_scale is None:
        return []
    below, *bands = row.band_scale.steps
    steps = [below, *(step for step in bands if step.threshold is not None)]
    higher_is_better = row.polarity is Polarity.HIGH
    worse_end, better_end = (bottom, top) if higher_is_better else (top, bottom)
    edges = [worse_end, *(float(step.threshold or 0) for step in steps[1:]), better_end]
    regions = []
    for step, (start, end) in zip(steps, pairwise(edges), strict=True):
        low, high = max(min(start, end), bottom), min(max(start, end), top)
        if high > low:
            regions.append(BandRegion(step, low, high))
    return regions


@dataclass(frozen=True)
class YAxis:
    """Evenly spaced ticks whose ends are the axis limits, with their labels in the row's unit."""

    ticks: tuple[Decimal, ...]
    labels: tuple[str, ...]


def y_axis(row: Row, most_ticks: int, also: Sequence[Decimal] = ()) -> YAxis:
    """Ticks on round numbers the row's display precision can show, reaching every value and line (and
    ``also``: an XmR chart's limits)."""
    values = [figure.value for figure in row.trend if figure.value is not None] + reference_values(row)
    values += also
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
