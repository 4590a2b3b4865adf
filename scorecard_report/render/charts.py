"""Trend charts: one PNG per indicator, drawn from the report model in one shared style."""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.transforms import Affine2D, Transform
from PIL import Image

from scorecard_report.format.periods import period_noun
from scorecard_report.inputs.targets import Range
from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.messages import Tick
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import alt_text, charted_benchmark
from scorecard_report.render.chart_kinds import MAX_WORKERS, Chart, ChartSize, Look
from scorecard_report.render.chart_labels import Frame, Labels, reach, width, x_labels, year_boundaries
from scorecard_report.render.chart_legend import Entry, draw_legend, legend_entries, legend_rows
from scorecard_report.render.chart_scale import (
    YAxis,
    band_regions,
    limit_values,
    revised_points,
    series_line,
    y_axis,
)
from scorecard_report.render.chart_style import (
    AXIS_COLOUR,
    CAP_HEIGHT,
    DPI,
    GRID_COLOUR,
    LINE_SPACING,
    MM_PER_INCH,
    PAD,
    POINTS_PER_INCH,
    TARGET_BAND_FILL,
    TICK_LENGTH,
    band_fill,
    chart_style,
    dashed,
    dotted,
    revised_style,
    series_style,
)
from scorecard_report.render.chart_xmr import draw_rebases, draw_xmr, draws_xmr, rebase_strip
from scorecard_report.render.workers import worker_pool

SERIAL_LIMIT = 8  # up to this many rows a process pool costs more than it saves
PNG_COMPRESSION = 3  # zlib level: the default 6 makes files 10% smaller but encodes 1.7 times slower


# ---------------------------------------------------------------- drawing


def trend_figure(row: Row, size: ChartSize) -> MplFigure:
    """The chart as a matplotlib figure, ready to draw (build and draw it inside ``chart_style``): an XmR
    chart where ``draws_xmr`` says so, else the values' trend."""
    look = size.value
    xmr = draws_xmr(row, size)
    figure = MplFigure(figsize=(look.width_mm / MM_PER_INCH, look.height_mm / MM_PER_INCH), dpi=DPI)
    points = Affine2D().scale(1 / POINTS_PER_INCH) + figure.dpi_scale_trans
    labels = Labels(look.font_pt, [])
    axis = y_axis(row, look.most_y_ticks, limit_values(row) if xmr else ())
    legend = legend_entries(row, xmr)
    frame = _frame(row, axis, legend, look, rebase_strip(row, look) if xmr else 0.0)
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
    axes.set_xlim(-0.5, len(row.chart_trend) - 0.5)
    axes.set_ylim(float(axis.ticks[0]), float(axis.ticks[-1]))
    _draw_bands(axes, row, axis)
    if xmr:
        draw_xmr(axes, row, look)
        draw_rebases(axes, row, frame, look, figure, points)
    else:
        _draw_series(axes, row, look)
    _draw_revisions(axes, row, look)
    _draw_target(axes, row, look)
    _draw_benchmark(axes, row, look)
    _draw_y_axis(axes, row, axis, frame, labels)
    _draw_x_axis(axes, row, frame, labels, figure, points)
    draw_legend(figure, legend, frame, labels, points, look)
    if all(period.missing for period in row.chart_trend):
        labels.add(
            f"No values in these {period_noun(row.frequency, plural=True)}",
            (frame.left + frame.right) / 2,
            (frame.bottom + frame.top) / 2,
            "center",
        )
    labels.draw(figure, points)
    return figure


def _draw_bands(axes: Axes, row: Row, axis: YAxis) -> None:
    """A light tint of each performance band's colour behind everything, over the values it covers."""
    bottom, top = float(axis.ticks[0]), float(axis.ticks[-1])
    for position, region in enumerate(band_regions(row, bottom, top)):
        axes.axhspan(
            region.low,
            region.high,
            color=band_fill(region.step.colour, position),
            linewidth=0,
            zorder=0,
            gid=f"band-{region.step.key}",
        )


def _draw_series(axes: Axes, row: Row, look: Look) -> None:
    xs, ys = series_line(row)
    axes.plot(xs, ys, clip_on=False, zorder=3, gid="series", **series_style(look))


def _draw_revisions(axes: Axes, row: Row, look: Look) -> None:
    """A ring around each value revised since the edition compared with, above every point."""
    xs, ys = revised_points(row)
    if xs:
        axes.plot(xs, ys, clip_on=False, zorder=5, gid="revised", **revised_style(look))


def _draw_target(axes: Axes, row: Row, look: Look) -> None:
    """A dashed line at the target; a range is a light band with a dashed line at each end (on a banded
    chart, whose tints would be hidden by it, the two lines alone)."""
    if row.target is None:
        return
    bounds = sorted({float(bound) for bound in row.target.bounds})
    if isinstance(row.target, Range) and row.band_scale is None:
        axes.axhspan(bounds[0], bounds[-1], color=TARGET_BAND_FILL, linewidth=0, zorder=1)
    for bound in bounds:
        axes.axhline(bound, zorder=2, gid="target", **dashed(look))


def _draw_benchmark(axes: Axes, row: Row, look: Look) -> None:
    benchmark = charted_benchmark(row)
    if benchmark is not None and benchmark.value is not None:
        axes.axhline(float(benchmark.value), zorder=2, gid="benchmark", **dotted(look))


def _draw_y_axis(axes: Axes, row: Row, axis: YAxis, frame: Frame, labels: Labels) -> None:
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
        middle = (frame.bottom + frame.top) / 2 - width(row.unit_label, size) / 2
        labels.add(row.unit_label, PAD + CAP_HEIGHT * size, middle, rotate=True)


def _draw_x_axis(
    axes: Axes, row: Row, frame: Frame, labels: Labels, figure: MplFigure, points: Transform
) -> None:
    """A tick mark at every charted period and the labels that fit (see ``chart_labels.x_labels``); on a
    quarterly chart, a mark between one financial year's quarters and the next's."""
    count = len(row.chart_trend)
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
    for label in x_labels(row, frame, size):
        labels.add(label.text, label.x, first_line - label.line * LINE_SPACING * size, label.align)
    lowest = first_line - LINE_SPACING * size - 0.25 * size
    for x in year_boundaries(row, frame):
        figure.add_artist(
            Line2D(
                [x, x], [frame.bottom, lowest], transform=points, color=AXIS_COLOUR, linewidth=0.6, gid="year"
            )
        )


# ---------------------------------------------------------------- layout, in points


def _frame(row: Row, axis: YAxis, legend: list[Entry], look: Look, strip: float = 0.0) -> Frame:
    """The plot area: room on the left for the y labels, below for the x labels, above for the legend
    and ``strip`` points more (an XmR chart's rebase labels)."""
    full_width = look.width_mm / MM_PER_INCH * POINTS_PER_INCH
    height = look.height_mm / MM_PER_INCH * POINTS_PER_INCH
    size = look.font_pt
    unit_label = LINE_SPACING * size if row.unit_label else 0.0
    left = PAD + unit_label + max(width(text, size) for text in axis.labels) + PAD
    last = row.chart_trend[-1].period_text.split(" ", 1)
    lines = 2 if any(" " in figure.period_text for figure in row.chart_trend) else 1
    bottom = PAD + TICK_LENGTH + 2 + (lines - 1) * LINE_SPACING * size + CAP_HEIGHT * size + 0.25 * size
    rows = len(legend_rows(legend, full_width - 2 * PAD, look))
    top = PAD + (rows * LINE_SPACING * size + size if rows else CAP_HEIGHT * size / 2) + strip
    if row.frequency is not Frequency.QUARTERLY:  # the latest label is centred on its period
        right = PAD + max(width(text, size) for text in last) / 2
        return Frame(left, bottom, full_width - right, height - top, full_width, height)
    # A quarterly chart's first and last years may reach out from their boundaries: leave them room.
    right = PAD + width(last[0], size) / 2
    provisional = Frame(left, bottom, full_width - right, height - top, full_width, height)
    out_left, out_right = reach(row, provisional, size)
    left, right = max(left, PAD + out_left), max(right, PAD + out_right)
    return Frame(left, bottom, full_width - right, height - top, full_width, height)


# ---------------------------------------------------------------- rendering


def trend_chart(row: Row, size: ChartSize) -> Chart:
    """The row's trend as a PNG at ``size``: the same row always gives the same bytes."""
    look = size.value
    with chart_style(size):
        figure = trend_figure(row, size)
        png = _png(figure)
    # The figure was never registered with pyplot, so dropping it here frees it: no global state.
    return Chart(png, alt_text(row, draws_xmr(row, size)), look.width_mm, look.height_mm)


def _png(figure: MplFigure) -> bytes:
    """Opaque RGB PNG (no alpha for a PDF to mask), no text chunks (no software name or date)."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib's stubs leave the Agg canvas untyped
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), pixels, "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", compress_level=PNG_COMPRESSION, dpi=(DPI, DPI))
    return buffer.getvalue()


def trend_charts(
    rows: Sequence[Row], size: ChartSize, *, workers: int | None = None, on_chart: Tick | None = None
) -> dict[str, Chart]:
    """Every row's chart by ref; more than a few rows are shared between worker processes. ``on_chart`` is
    called once for each chart as it is drawn (the progress bar's count); the order is the rows'."""
    workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    if workers <= 1 or len(rows) <= SERIAL_LIMIT:
        charts = list(_counted((trend_chart(row, size) for row in rows), on_chart))
    else:
        chunk = max(1, math.ceil(len(rows) / (workers * 4)))
        with worker_pool(workers) as pool:
            # map yields the results in the rows' order, each as soon as it and those before it are done
            charts = list(_counted(pool.map(trend_chart, rows, repeat(size), chunksize=chunk), on_chart))
    return {row.ref: chart for row, chart in zip(rows, charts, strict=True)}


def _counted(charts: Iterable[Chart], on_chart: Tick | None) -> Iterator[Chart]:
    for chart in charts:
        if on_chart is not None:
            on_chart()
        yield chart
