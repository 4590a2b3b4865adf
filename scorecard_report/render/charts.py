"""Trend charts: one PNG per indicator, drawn from the report model in one shared style."""

from __future__ import annotations

import base64
import io
import math
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from itertools import repeat
from typing import Any

from matplotlib import rc_context
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure as MplFigure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from scorecard_report.model.report import BenchmarkComparison, Row
from scorecard_report.rules.display import MILLION, Unit, format_value
from scorecard_report.rules.selection import Frequency
from scorecard_report.rules.targets import TargetKind

# Okabe–Ito based; every colour that draws a line or marker keeps 3:1 contrast against white.
SERIES_BLUE = "#0072B2"
TARGET_VERMILLION = "#D55E00"
BENCHMARK_GREY = "#555555"
LINE_COLOURS = {"series": SERIES_BLUE, "target": TARGET_VERMILLION, "benchmark": BENCHMARK_GREY}
TARGET_BAND_FILL = "#FBE3D1"  # light vermillion behind a range target; its dashed edges carry the contrast
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#595959"
GRID_COLOUR = "#DDDDDD"

DPI = 200
MM_PER_INCH = 25.4
POINTS_PER_INCH = 72
SERIAL_LIMIT = 8  # up to this many rows a process pool costs more than it saves
MAX_WORKERS = 2

STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": MUTED_COLOUR,
    "axes.edgecolor": MUTED_COLOUR,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "axes.facecolor": "white",
    "figure.facecolor": "white",
    "grid.color": GRID_COLOUR,
    "grid.linewidth": 0.5,
    "xtick.color": MUTED_COLOUR,
    "ytick.color": MUTED_COLOUR,
    "xtick.labelcolor": TEXT_COLOUR,
    "ytick.labelcolor": TEXT_COLOUR,
    "xtick.major.size": 3,
    "xtick.minor.size": 1.5,
    "ytick.major.size": 0,
    "xtick.major.pad": 2,
    "ytick.major.pad": 3,
    "legend.frameon": False,
    "legend.handlelength": 2.2,
    "legend.handletextpad": 0.5,
    "legend.columnspacing": 1.4,
    "legend.borderpad": 0,
    "legend.borderaxespad": 0,
    "savefig.dpi": DPI,
    "figure.dpi": DPI,
}


@dataclass(frozen=True)
class _Look:
    """What changes between the two chart sizes; everything else is ``STYLE``."""

    width_mm: float
    height_mm: float
    font_pt: float
    line_pt: float
    marker_pt: float
    most_y_ticks: int


class ChartSize(Enum):
    SMALL = _Look(width_mm=85, height_mm=50, font_pt=7, line_pt=1.3, marker_pt=3.2, most_y_ticks=5)
    LARGE = _Look(width_mm=170, height_mm=80, font_pt=8, line_pt=1.6, marker_pt=4.2, most_y_ticks=7)


@dataclass(frozen=True)
class Chart:
    """A rendered trend chart with the alt text that describes it and its size on the page."""

    png: bytes
    alt: str
    width_mm: float
    height_mm: float

    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


# ---------------------------------------------------------------- alt text

_PERIOD_NOUNS = {
    Frequency.MONTHLY: ("month", "months"),
    Frequency.QUARTERLY: ("quarter", "quarters"),
    Frequency.ANNUAL: ("year", "years"),
}


def alt_text(row: Row) -> str:
    """One or two sentences that say what the chart shows, in the report's own words and numbers."""
    shown = [figure for figure in row.trend if not figure.missing]
    span = _span_text(row)
    if not shown:
        return f"{row.ref}: no values in the {span}{_context_text(row)}."
    return f"{_latest_text(row)}{_context_text(row)}. Trend of {span}{_missing_text(row)}."


def _latest_text(row: Row) -> str:
    current, previous = row.current, row.previous_period
    if current.missing:
        last = next(figure for figure in reversed(row.trend) if not figure.missing)
        return (
            f"{row.ref}: no value for {current.period_text} ({current.text});"
            f" last value {last.text} in {last.period_text}"
        )
    if previous.missing:
        return (
            f"{row.ref} was {current.text} in {current.period_text}, with no value for {previous.period_text}"
        )
    if current.shown == previous.shown:
        return f"{row.ref} stayed at {current.text} in {previous.period_text} and {current.period_text}"
    verb = "rose" if current.shown > previous.shown else "fell"  # type: ignore[operator]
    return (
        f"{row.ref} {verb} from {previous.text} in {previous.period_text}"
        f" to {current.text} in {current.period_text}"
    )


def _context_text(row: Row) -> str:
    parts = [f"target {row.target_text}"] if row.target_text else []
    benchmark = _first_benchmark(row)
    if benchmark is not None:
        parts.append(f"{_benchmark_label(benchmark)} {benchmark.text}")
    return "".join(f"; {part}" for part in parts)


def _span_text(row: Row) -> str:
    count = len(row.trend)
    one, many = _PERIOD_NOUNS[row.frequency]
    noun = one if count == 1 else many
    return f"{count} {noun} from {row.trend[0].period_text} to {row.trend[-1].period_text}"


def _missing_text(row: Row) -> str:
    missing = sum(figure.missing for figure in row.trend)
    return f", {missing} of them without a value" if missing else ""


def _first_benchmark(row: Row) -> BenchmarkComparison | None:
    return next((benchmark for benchmark in row.benchmarks if benchmark.value is not None), None)


def _benchmark_label(benchmark: BenchmarkComparison) -> str:
    return f"{benchmark.source.label} ({benchmark.year})" if benchmark.year else benchmark.source.label


# ---------------------------------------------------------------- the data drawn


def series_values(row: Row) -> list[float]:
    """The trend as floats, oldest first, with NaN for a missing value so the line breaks there."""
    return [math.nan if figure.value is None else float(figure.value) for figure in row.trend]


def reference_values(row: Row) -> list[Decimal]:
    """Target bounds and the first benchmark: lines the y axis must reach so they are visible."""
    values: list[Decimal] = []
    if row.target is not None:
        values += [bound for bound in (row.target.low, row.target.high) if bound is not None]
    benchmark = _first_benchmark(row)
    if benchmark is not None and benchmark.value is not None:
        values.append(benchmark.value)
    return values


@dataclass(frozen=True)
class YAxis:
    """The y axis: evenly spaced ticks whose ends are the limits, and their labels in the row's unit."""

    ticks: tuple[Decimal, ...]
    labels: tuple[str, ...]


def y_axis(row: Row, most_ticks: int) -> YAxis:
    """Ticks on round numbers the row's display precision can show, reaching every value and line."""
    values = [figure.value for figure in row.trend if figure.value is not None] + reference_values(row)
    low, high = _padded(values, row.unit)
    step = _tick_step(low, high, _smallest_step(row, max(abs(low), abs(high))), most_ticks)
    first, last = math.floor(low / step), math.ceil(high / step)
    ticks = tuple(step * index for index in range(first, last + 1))
    decimals = max(0, -step.normalize().as_tuple().exponent)  # type: ignore[operator]
    return YAxis(ticks, tuple(format_value(tick, row.unit, decimals, "") for tick in ticks))


def _padded(values: list[Decimal], unit: Unit) -> tuple[Decimal, Decimal]:
    if not values:
        return Decimal(0), Decimal(1)
    low, high = min(values), max(values)
    span = high - low or abs(high) / 5 or Decimal(1)
    pad = span / 10
    padded_low = max(low - pad, Decimal(0)) if low >= 0 else low - pad
    padded_high = high + pad
    if unit is Unit.PERCENT and high <= 100:
        padded_high = min(padded_high, Decimal(100))
    return padded_low, padded_high


def _smallest_step(row: Row, largest: Decimal) -> Decimal:
    if row.unit is Unit.CURRENCY and largest >= MILLION:
        return MILLION / 10  # currency in millions is shown to one decimal place: £1.2m
    return Decimal(1).scaleb(-row.decimals)


def _tick_step(low: Decimal, high: Decimal, smallest: Decimal, most_ticks: int) -> Decimal:
    exponent = math.floor(math.log10(max(high - low, smallest) / most_ticks)) - 1
    while True:
        for multiple in (1, 2, Decimal("2.5"), 5):
            step = Decimal(multiple).scaleb(exponent)
            if step < smallest or step % smallest:
                continue
            if math.ceil(high / step) - math.floor(low / step) + 1 <= most_ticks:
                return step
        exponent += 1


# ---------------------------------------------------------------- drawing


def trend_figure(row: Row, size: ChartSize) -> MplFigure:
    """The chart as a matplotlib figure, drawn but not saved (build and save it inside ``STYLE``)."""
    look = size.value
    figure = MplFigure(figsize=(look.width_mm / MM_PER_INCH, look.height_mm / MM_PER_INCH), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axis = y_axis(row, look.most_y_ticks)
    handles = [_draw_series(axes, row, look)]
    handles += _draw_target(axes, row, look)
    handles += _draw_benchmark(axes, row, look)
    _format_y(axes, row, axis)
    if all(figure.missing for figure in row.trend):
        noun = _PERIOD_NOUNS[row.frequency][1]
        axes.text(0.5, 0.5, f"No values in these {noun}", transform=axes.transAxes, ha="center", va="center")
    _layout(figure, axes, canvas.get_renderer(), row, axis, handles, look)
    return figure


def _draw_series(axes: Axes, row: Row, look: _Look) -> Artist:
    (line,) = axes.plot(
        range(len(row.trend)),
        series_values(row),
        color=SERIES_BLUE,
        linewidth=look.line_pt,
        marker="o",
        markersize=look.marker_pt,
        clip_on=False,
        zorder=3,
        label="Value",
        gid="series",
    )
    return line


def _draw_target(axes: Axes, row: Row, look: _Look) -> list[Artist]:
    target = row.target
    if target is None:
        return []
    dashed = {"color": TARGET_VERMILLION, "linestyle": (0, (4, 2)), "linewidth": look.line_pt * 0.8}
    if target.kind is TargetKind.RANGE:
        axes.axhspan(float(target.low), float(target.high), color=TARGET_BAND_FILL, linewidth=0, zorder=1)  # type: ignore[arg-type]
        for bound in (target.low, target.high):
            axes.axhline(float(bound), zorder=2, gid="target", **dashed)  # type: ignore[arg-type]
        return [Patch(facecolor=TARGET_BAND_FILL, edgecolor=TARGET_VERMILLION, label="Target", **_edge(look))]
    bound = target.high if target.kind is TargetKind.BELOW else target.low
    axes.axhline(float(bound), zorder=2, gid="target", **dashed)  # type: ignore[arg-type]
    return [Line2D([], [], label="Target", **dashed)]


def _edge(look: _Look) -> dict[str, Any]:
    return {"linestyle": (0, (4, 2)), "linewidth": look.line_pt * 0.8}


def _draw_benchmark(axes: Axes, row: Row, look: _Look) -> list[Artist]:
    benchmark = _first_benchmark(row)
    if benchmark is None or benchmark.value is None:
        return []
    dotted = {"color": BENCHMARK_GREY, "linestyle": (0, (1, 1.5)), "linewidth": look.line_pt}
    axes.axhline(float(benchmark.value), zorder=2, gid="benchmark", **dotted)
    return [Line2D([], [], label=_benchmark_label(benchmark), **dotted)]


def _format_y(axes: Axes, row: Row, axis: YAxis) -> None:
    axes.set_ylim(float(axis.ticks[0]), float(axis.ticks[-1]))
    axes.set_yticks([float(tick) for tick in axis.ticks], list(axis.labels))
    if row.unit_label:
        axes.set_ylabel(row.unit_label)


# ---------------------------------------------------------------- layout: fixed margins, measured once


def _text_size(renderer: RendererAgg, text: str, font: FontProperties) -> tuple[float, float]:
    """Width and height of one or more lines of text, in points."""
    lines = text.split("\n")
    sizes = [renderer.get_text_width_height_descent(line, font, ismath=False) for line in lines]
    width = max(size[0] for size in sizes)
    return width * POINTS_PER_INCH / DPI, len(lines) * font.get_size_in_points() * 1.2


def _x_label(period_text: str) -> str:
    """``Oct 2026`` over two lines (``Oct`` / ``2026``), so thirteen fit side by side."""
    return period_text.replace(" ", "\n", 1)


def _layout(
    figure: MplFigure,
    axes: Axes,
    renderer: RendererAgg,
    row: Row,
    axis: YAxis,
    handles: list[Artist],
    look: _Look,
) -> None:
    font = FontProperties(family="DejaVu Sans", size=look.font_pt)
    width_pt = look.width_mm / MM_PER_INCH * POINTS_PER_INCH
    height_pt = look.height_mm / MM_PER_INCH * POINTS_PER_INCH
    pad = 3.0
    y_labels_pt = max(_text_size(renderer, label, font)[0] for label in axis.labels)
    left = pad + y_labels_pt + 3 + (look.font_pt * 1.4 if row.unit_label else 0)
    labels = [_x_label(figure.period_text) for figure in row.trend]
    label_width, label_height = max((_text_size(renderer, label, font) for label in labels), default=(0, 0))
    right = pad + label_width / 2
    bottom = pad + label_height + 3 + 2
    legend_rows = _legend_rows(renderer, handles, font, width_pt - left - right) if len(handles) > 1 else 0
    top = pad + (legend_rows * look.font_pt * 1.5 + look.font_pt * 0.6 if legend_rows else look.font_pt / 2)
    figure.subplots_adjust(
        left=left / width_pt, right=1 - right / width_pt, bottom=bottom / height_pt, top=1 - top / height_pt
    )
    _format_x(axes, labels, label_width, width_pt - left - right)
    if legend_rows:
        ordered = handles if legend_rows == 1 else [handles[0], *handles[2:], handles[1]]
        figure.legend(
            handles=ordered,
            loc="upper left",
            bbox_to_anchor=(left / width_pt, 1 - pad / height_pt),
            ncol=math.ceil(len(handles) / legend_rows),
            fontsize=look.font_pt,
        )


def _legend_rows(renderer: RendererAgg, handles: list[Artist], font: FontProperties, room: float) -> int:
    """One row of legend when it fits the plot's width, else two."""
    size = font.get_size_in_points()
    entry = (
        STYLE["legend.handlelength"] + STYLE["legend.handletextpad"] + STYLE["legend.columnspacing"]
    ) * size
    needed = sum(_text_size(renderer, str(handle.get_label()), font)[0] + entry for handle in handles)
    return 1 if needed <= room else 2


def _format_x(axes: Axes, labels: list[str], label_width: float, room: float) -> None:
    """Label every period that fits, always including the latest; tick every period."""
    count = len(labels)
    slot = room / max(count, 1)
    every = max(1, math.ceil((label_width + 4) / slot))
    shown = [index for index in range(count) if (count - 1 - index) % every == 0]
    axes.set_xlim(-0.5, count - 0.5)
    axes.set_xticks(range(count), minor=True)
    axes.set_xticks(shown, [labels[index] for index in shown])


# ---------------------------------------------------------------- rendering


def trend_chart(row: Row, size: ChartSize) -> Chart:
    """The row's trend as a PNG at ``size``: the same row always gives the same bytes."""
    look = size.value
    with rc_context({**STYLE, "font.size": look.font_pt}):
        figure = trend_figure(row, size)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        figure.clear()
    return Chart(buffer.getvalue(), alt_text(row), look.width_mm, look.height_mm)


def trend_charts(rows: Sequence[Row], size: ChartSize, *, workers: int | None = None) -> dict[str, Chart]:
    """Every row's chart by ref; more than a few rows are shared between worker processes."""
    workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    if workers <= 1 or len(rows) <= SERIAL_LIMIT:
        charts = [trend_chart(row, size) for row in rows]
    else:
        chunk = max(1, math.ceil(len(rows) / (workers * 4)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            charts = list(pool.map(trend_chart, rows, repeat(size), chunksize=chunk))
    return {row.ref: chart for row, chart in zip(rows, charts, strict=True)}
