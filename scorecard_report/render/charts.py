"""Trend charts: one PNG per indicator, drawn from the report model in one shared style."""

from __future__ import annotations

import functools
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure as MplFigure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D, Transform
from PIL import Image

from scorecard_report.format.periods import period_noun
from scorecard_report.inputs.targets import Range
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import alt_text, benchmark_label, charted_benchmark
from scorecard_report.render.chart_kinds import MAX_WORKERS, Chart, ChartSize, Look
from scorecard_report.render.chart_scale import YAxis, series_values, y_axis
from scorecard_report.render.chart_style import (
    AXIS_COLOUR,
    CAP_HEIGHT,
    DPI,
    FONT_FAMILY,
    GRID_COLOUR,
    HANDLE_GAP,
    LINE_SPACING,
    MM_PER_INCH,
    PAD,
    POINTS_PER_INCH,
    TARGET_BAND_FILL,
    TEXT_COLOUR,
    TICK_LENGTH,
    chart_style,
    dashed,
    dotted,
    series_style,
)
from scorecard_report.render.workers import worker_pool

SERIAL_LIMIT = 8  # up to this many rows a process pool costs more than it saves
PNG_COMPRESSION = 3  # zlib level: the default 6 makes files 10% smaller but encodes 1.7 times slower


# ---------------------------------------------------------------- labels drawn as outlines


@functools.lru_cache(maxsize=4096)
def _outline(text: str, size_pt: float) -> Path:
    """The text's glyph outlines in points, baseline at 0: cached, as most labels recur in every chart.

    Drawing labels as filled outlines in one collection is ten times faster than matplotlib ``Text``
    artists, each of which lays out and rasterises its glyphs again for every chart.
    """
    return TextPath((0, 0), text, prop=FontProperties(family=FONT_FAMILY, size=size_pt))


@functools.lru_cache(maxsize=4096)
def _width(text: str, size_pt: float) -> float:
    """How far the text reaches right of its start, in points (to its rightmost outline point)."""
    return float(np.asarray(_outline(text, size_pt).vertices)[:, 0].max()) if text else 0.0


@dataclass
class _Labels:
    """Label outlines placed in points from the figure's lower-left corner, drawn as one collection."""

    size_pt: float
    paths: list[Path]

    def add(self, text: str, x: float, baseline: float, align: str = "left", rotate: bool = False) -> None:
        if not text:
            return
        outline = _outline(text, self.size_pt)
        shift = {"left": 0.0, "center": _width(text, self.size_pt) / 2, "right": _width(text, self.size_pt)}
        placed = Affine2D().translate(-shift[align], 0)
        if rotate:
            placed = placed.rotate_deg(90)
        self.paths.append(outline.transformed(placed.translate(x, baseline)))

    def draw(self, figure: MplFigure, points: Transform) -> None:
        if self.paths:
            figure.add_artist(
                PathCollection(
                    [Path.make_compound_path(*self.paths)],
                    facecolors=TEXT_COLOUR,
                    edgecolors="none",
                    linewidths=0,
                    transform=points,
                )
            )


# ---------------------------------------------------------------- drawing


@dataclass(frozen=True)
class _Frame:
    """The plot area in points from the figure's lower-left corner."""

    left: float
    bottom: float
    right: float
    top: float
    width: float
    height: float

    def x(self, index: float, count: int) -> float:
        return self.left + (index + 0.5) / count * (self.right - self.left)


def trend_figure(row: Row, size: ChartSize) -> MplFigure:
    """The chart as a matplotlib figure, ready to draw (build and draw it inside ``chart_style``)."""
    look = size.value
    figure = MplFigure(figsize=(look.width_mm / MM_PER_INCH, look.height_mm / MM_PER_INCH), dpi=DPI)
    points = Affine2D().scale(1 / POINTS_PER_INCH) + figure.dpi_scale_trans
    labels = _Labels(look.font_pt, [])
    axis = y_axis(row, look.most_y_ticks)
    legend = _legend_entries(row)
    frame = _frame(row, axis, legend, look)
    axes = figure.add_axes(
        (
            frame.left / frame.width,
            frame.bottom / frame.height,
            (frame.right - frame.left) / frame.width,
            (frame.top - frame.bottom) / frame.height,
        )
    )
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_xlim(-0.5, len(row.trend) - 0.5)
    axes.set_ylim(float(axis.ticks[0]), float(axis.ticks[-1]))
    _draw_series(axes, row, look)
    _draw_target(axes, row, look)
    _draw_benchmark(axes, row, look)
    _draw_y_axis(axes, row, axis, frame, labels)
    _draw_x_axis(axes, row, frame, labels)
    _draw_legend(figure, legend, frame, labels, points, look)
    if all(period.missing for period in row.trend):
        labels.add(
            f"No values in these {period_noun(row.frequency, plural=True)}",
            (frame.left + frame.right) / 2,
            (frame.bottom + frame.top) / 2,
            "center",
        )
    labels.draw(figure, points)
    return figure


def _draw_series(axes: Axes, row: Row, look: Look) -> None:
    values = series_values(row)
    axes.plot(range(len(values)), values, clip_on=False, zorder=3, gid="series", **series_style(look))


def _draw_target(axes: Axes, row: Row, look: Look) -> None:
    """A dashed line at the target; a range is a light band with a dashed line at each end."""
    if row.target is None:
        return
    bounds = sorted({float(bound) for bound in row.target.bounds})
    if isinstance(row.target, Range):
        axes.axhspan(bounds[0], bounds[-1], color=TARGET_BAND_FILL, linewidth=0, zorder=1)
    for bound in bounds:
        axes.axhline(bound, zorder=2, gid="target", **dashed(look))


def _draw_benchmark(axes: Axes, row: Row, look: Look) -> None:
    benchmark = charted_benchmark(row)
    if benchmark is not None and benchmark.value is not None:
        axes.axhline(float(benchmark.value), zorder=2, gid="benchmark", **dotted(look))


def _draw_y_axis(axes: Axes, row: Row, axis: YAxis, frame: _Frame, labels: _Labels) -> None:
    """A light grid line and a label at each tick, and the unit label (``per 10,000``) beside them."""
    ticks = [float(tick) for tick in axis.ticks]
    axes.hlines(
        ticks[1:], 0, 1, transform=axes.get_yaxis_transform(), color=GRID_COLOUR, linewidth=0.5, zorder=0
    )
    span = ticks[-1] - ticks[0]
    size = labels.size_pt
    for tick, text in zip(ticks, axis.labels, strict=True):
        y = frame.bottom + (tick - ticks[0]) / span * (frame.top - frame.bottom)
        labels.add(text, frame.left - PAD, y - CAP_HEIGHT * size / 2, "right")
    if row.unit_label:
        middle = (frame.bottom + frame.top) / 2 - _width(row.unit_label, size) / 2
        labels.add(row.unit_label, PAD + CAP_HEIGHT * size, middle, rotate=True)


def _draw_x_axis(axes: Axes, row: Row, frame: _Frame, labels: _Labels) -> None:
    """A tick mark at every period and the labels that fit (see ``_shown_x_labels``)."""
    count = len(row.trend)
    axes.plot(
        range(count),
        [0] * count,
        transform=axes.get_xaxis_transform(),
        marker=TICKDOWN,
        markersize=TICK_LENGTH,
        markeredgewidth=0.6,
        color=AXIS_COLOUR,
        linestyle="none",
        clip_on=False,
    )
    size = labels.size_pt
    first_line = frame.bottom - TICK_LENGTH - 2 - CAP_HEIGHT * size
    for index, (head, tail) in _shown_x_labels(row, frame, size):
        x = frame.x(index, count)
        labels.add(head, x, first_line, "center")
        labels.add(tail, x, first_line - LINE_SPACING * size, "center")


def _shown_x_labels(row: Row, frame: _Frame, size: float) -> list[tuple[int, tuple[str, str]]]:
    """The labels that fit side by side, counted back from the latest; a year shows where it changes."""
    parts = [(*figure.period_text.split(" ", 1), "")[:2] for figure in row.trend]
    count = len(parts)
    widest = max(_width(text, size) for pair in parts for text in pair)
    every = max(1, math.ceil((widest + PAD) / ((frame.right - frame.left) / count)))
    shown = [index for index in range(count) if (count - 1 - index) % every == 0]
    result = []
    for position, index in enumerate(shown):
        head, tail = parts[index]
        earlier = parts[shown[position - 1]][1] if position else None
        result.append((index, (head, tail if tail != earlier else "")))
    return result


# ---------------------------------------------------------------- legend and layout, in points


@dataclass(frozen=True)
class _Entry:
    label: str
    kind: str  # series, target, band, benchmark


def _legend_entries(row: Row) -> list[_Entry]:
    """Value, Target and the first benchmark with a value; no key at all for the series alone."""
    entries = [_Entry("Value", "series")]
    if row.target is not None:
        entries.append(_Entry("Target", "band" if isinstance(row.target, Range) else "target"))
    benchmark = charted_benchmark(row)
    if benchmark is not None:
        entries.append(_Entry(benchmark_label(benchmark), "benchmark"))
    return entries if len(entries) > 1 else []


def _legend_rows(entries: list[_Entry], room: float, look: Look) -> list[list[tuple[float, _Entry]]]:
    """Entries flowed left to right into rows no wider than ``room``, each with its x offset."""
    rows: list[list[tuple[float, _Entry]]] = [[]]
    x = 0.0
    for entry in entries:
        width = _handle_length(look) + HANDLE_GAP + _width(entry.label, look.font_pt)
        if rows[-1] and x + width > room:
            rows.append([])
            x = 0.0
        rows[-1].append((x, entry))
        x += width + 3 * PAD
    return rows if entries else []


def _handle_length(look: Look) -> float:
    return 2.4 * look.font_pt


def _frame(row: Row, axis: YAxis, legend: list[_Entry], look: Look) -> _Frame:
    width = look.width_mm / MM_PER_INCH * POINTS_PER_INCH
    height = look.height_mm / MM_PER_INCH * POINTS_PER_INCH
    size = look.font_pt
    unit_label = LINE_SPACING * size if row.unit_label else 0.0
    left = PAD + unit_label + max(_width(text, size) for text in axis.labels) + PAD
    last = row.trend[-1].period_text.split(" ", 1)
    right = PAD + max(_width(text, size) for text in last) / 2
    lines = 2 if any(" " in figure.period_text for figure in row.trend) else 1
    bottom = PAD + TICK_LENGTH + 2 + (lines - 1) * LINE_SPACING * size + CAP_HEIGHT * size + 0.25 * size
    legend_rows = len(_legend_rows(legend, width - 2 * PAD, look))
    top = PAD + (legend_rows * LINE_SPACING * size + size if legend_rows else CAP_HEIGHT * size / 2)
    return _Frame(left, bottom, width - right, height - top, width, height)


def _draw_legend(
    figure: MplFigure, entries: list[_Entry], frame: _Frame, labels: _Labels, points: Transform, look: Look
) -> None:
    """A key above the plot, in one row where it fits: a sample of each line and its name."""
    size = look.font_pt
    for number, row in enumerate(_legend_rows(entries, frame.width - 2 * PAD, look)):
        baseline = frame.height - PAD - CAP_HEIGHT * size - number * LINE_SPACING * size
        middle = baseline + CAP_HEIGHT * size / 2
        for offset, entry in row:
            x = PAD + offset
            _draw_handle(figure, entry.kind, x, middle, look, points)
            labels.add(entry.label, x + _handle_length(look) + HANDLE_GAP, baseline)


def _draw_handle(
    figure: MplFigure, kind: str, x: float, middle: float, look: Look, points: Transform
) -> None:
    """A short sample of the line (or, for a range target, the band) that the entry names."""
    length = _handle_length(look)
    if kind == "band":
        half = CAP_HEIGHT * look.font_pt * 0.6
        figure.add_artist(
            Rectangle(
                (x, middle - half),
                length,
                2 * half,
                facecolor=TARGET_BAND_FILL,
                edgecolor="none",
                transform=points,
                gid="legend-band",
            )
        )
        for y in (middle - half, middle + half):
            figure.add_artist(Line2D([x, x + length], [y, y], transform=points, **dashed(look)))
        return
    style = {"series": series_style, "target": dashed, "benchmark": dotted}[kind](look)
    figure.add_artist(
        Line2D(
            [x, x + length / 2, x + length],
            [middle] * 3,
            markevery=[1],
            transform=points,
            gid=f"legend-{kind}",
            **style,
        )
    )


# ---------------------------------------------------------------- rendering


def trend_chart(row: Row, size: ChartSize) -> Chart:
    """The row's trend as a PNG at ``size``: the same row always gives the same bytes."""
    look = size.value
    with chart_style(size):
        figure = trend_figure(row, size)
        png = _png(figure)
    # The figure was never registered with pyplot, so dropping it here frees it: no global state.
    return Chart(png, alt_text(row), look.width_mm, look.height_mm)


def _png(figure: MplFigure) -> bytes:
    """Opaque RGB PNG (no alpha for a PDF to mask), no text chunks (no software name or date)."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib's stubs leave the Agg canvas untyped
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), pixels, "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", compress_level=PNG_COMPRESSION, dpi=(DPI, DPI))
    return buffer.getvalue()


def trend_charts(rows: Sequence[Row], size: ChartSize, *, workers: int | None = None) -> dict[str, Chart]:
    """Every row's chart by ref; more than a few rows are shared between worker processes."""
    workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    if workers <= 1 or len(rows) <= SERIAL_LIMIT:
        charts = [trend_chart(row, size) for row in rows]
    else:
        chunk = max(1, math.ceil(len(rows) / (workers * 4)))
        with worker_pool(workers) as pool:
            charts = list(pool.map(trend_chart, rows, repeat(size), chunksize=chunk))
    return {row.ref: chart for row, chart in zip(rows, charts, strict=True)}
