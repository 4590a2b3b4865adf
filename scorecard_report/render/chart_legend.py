"""A chart's legend: the entries it names, flowed into rows above the plot, each with a sample of the
line, fill or marker it names."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Transform

from scorecard_report.inputs.spc import PointKind
from scorecard_report.inputs.targets import Range
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import benchmark_label, charted_benchmark
from scorecard_report.render.chart_kinds import Look
from scorecard_report.render.chart_labels import Frame, Labels, width
from scorecard_report.render.chart_scale import limit_lines, points_by_kind, rebase_marks, revised_points
from scorecard_report.render.chart_style import (
    AXIS_COLOUR,
    CAP_HEIGHT,
    HANDLE_GAP,
    LINE_SPACING,
    PAD,
    TARGET_BAND_FILL,
    band_fill,
    centre_style,
    dashed,
    dotted,
    limit_style,
    point_style,
    rebase_style,
    revised_style,
    series_style,
    xmr_series_style,
)
from scorecard_report.render.chart_xmr import LINE_LABELS, NEITHER_BOTH, POINT_LABELS

REVISED = "Revised"  # the ring around a value revised since the edition compared with


@dataclass(frozen=True)
class Entry:
    label: str
    # series, target, band (a range target), benchmark, scale (a performance band), revised (the ring
    # around a revised value); on an XmR chart xmr-series, point (a kind of point), centre, limits, rebase
    kind: str
    colour: str | None = None  # a performance band's catalogue colour
    position: int = 0  # a performance band's place in its scale, worst first
    point: PointKind | None = None  # the kind of point a point entry marks


def legend_entries(row: Row, xmr: bool = False) -> list[Entry]:
    """Value, Revised where a value is ringed, Target, the first benchmark with a value and each
    performance band with its threshold (worst first); no key at all for the series alone. An XmR chart
    names each kind of point it marks, the average, the process limits and, where it has one, the rebase,
    after the values."""
    entries = _xmr_entries(row) if xmr else [Entry("Value", "series")]
    if revised_points(row)[0]:
        entries.append(Entry(REVISED, "revised"))
    if row.target is not None:
        ranged = isinstance(row.target, Range) and row.band_scale is None
        entries.append(Entry("Target", "band" if ranged else "target"))
    benchmark = charted_benchmark(row)
    if benchmark is not None:
        entries.append(Entry(benchmark_label(benchmark), "benchmark"))
    if row.band_scale is not None:
        entries += [
            Entry(step.text, "scale", step.colour, position)
            for position, step in enumerate(row.band_scale.steps)
        ]
    return entries if len(entries) > 1 else []


def _xmr_entries(row: Row) -> list[Entry]:
    """The values' line, each kind of point marked (one diamond for unusually high and low, which share
    it), then the average, the limits and the rebase, as far as the chart draws them."""
    kinds = list(points_by_kind(row))
    entries = [Entry("Value", "xmr-series")]
    for kind in kinds:
        if kind is PointKind.NEITHER_LOW and PointKind.NEITHER_HIGH in kinds:
            continue
        label = NEITHER_BOTH if kind is PointKind.NEITHER_HIGH and PointKind.NEITHER_LOW in kinds else None
        entries.append(Entry(label or POINT_LABELS[kind], "point", point=kind))
    drawn = {line.kind for line in limit_lines(row)}
    if "centre" in drawn:
        entries.append(Entry(LINE_LABELS["centre"], "centre"))
    if drawn & {"upper", "lower"}:
        entries.append(Entry(LINE_LABELS["limits"], "limits"))
    if any(mark.line for mark in rebase_marks(row)):
        entries.append(Entry(LINE_LABELS["rebase"], "rebase"))
    return entries


def legend_rows(entries: list[Entry], room: float, look: Look) -> list[list[tuple[float, Entry]]]:
    """Entries flowed left to right into rows no wider than ``room``, each with its x offset."""
    rows: list[list[tuple[float, Entry]]] = [[]]
    x = 0.0
    for entry in entries:
        entry_width = handle_length(look, entry) + HANDLE_GAP + width(entry.label, look.font_pt)
        if rows[-1] and x + entry_width > room:
            rows.append([])
            x = 0.0
        rows[-1].append((x, entry))
        x += entry_width + 3 * PAD
    return rows if entries else []


def handle_length(look: Look, entry: Entry | None = None) -> float:
    """A line's sample is two and a half letters long; a marker's, or a rebase's upright line, one."""
    if entry is not None and entry.kind in ("point", "rebase"):
        return 1.2 * look.font_pt
    if entry is not None and entry.kind == "revised":  # the ring is wider than a letter
        return 1.8 * look.font_pt
    return 2.4 * look.font_pt


def draw_legend(
    figure: MplFigure, entries: list[Entry], frame: Frame, labels: Labels, points: Transform, look: Look
) -> None:
    """A key above the plot, in one row where it fits: a sample of each line or fill and its name."""
    size = look.font_pt
    for number, row in enumerate(legend_rows(entries, frame.width - 2 * PAD, look)):
        baseline = frame.height - PAD - CAP_HEIGHT * size - number * LINE_SPACING * size
        middle = baseline + CAP_HEIGHT * size / 2
        for offset, entry in row:
            x = PAD + offset
            draw_handle(figure, entry, x, middle, look, points)
            labels.add(entry.label, x + handle_length(look, entry) + HANDLE_GAP, baseline)


def draw_handle(
    figure: MplFigure, entry: Entry, x: float, middle: float, look: Look, points: Transform
) -> None:
    """A short sample of the line (or, for a range target or a band, the fill) that the entry names."""
    length = handle_length(look, entry)
    half = CAP_HEIGHT * look.font_pt * 0.6
    if entry.kind == "scale":
        figure.add_artist(
            Rectangle(
                (x, middle - half),
                length,
                2 * half,
                facecolor=band_fill(entry.colour, entry.position),
                edgecolor=entry.colour or AXIS_COLOUR,
                linewidth=0.6,
                transform=points,
                gid="legend-scale",
            )
        )
        return
    if entry.kind == "band":
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
    if entry.kind in ("point", "rebase", "revised"):
        _draw_mark_handle(figure, entry, x + length / 2, middle, half, look, points)
        return
    style = {
        "series": series_style,
        "target": dashed,
        "benchmark": dotted,
        "xmr-series": xmr_series_style,
        "centre": centre_style,
        "limits": limit_style,
    }[entry.kind](look)
    figure.add_artist(
        Line2D(
            [x, x + length / 2, x + length],
            [middle] * 3,
            markevery=[1],
            transform=points,
            gid=f"legend-{entry.kind}",
            **style,
        )
    )


def _draw_mark_handle(
    figure: MplFigure, entry: Entry, x: float, middle: float, half: float, look: Look, points: Transform
) -> None:
    """A kind of point's marker alone, a revised value's ring, or a rebase's short upright dashed line."""
    if entry.kind == "revised":
        line = Line2D([x], [middle], transform=points, gid="legend-revised", **revised_style(look))
    elif entry.point is not None:
        line = Line2D([x], [middle], transform=points, gid="legend-point", **point_style(entry.point, look))
        line.set_label(str(entry.point))
    else:
        ys = [middle - 1.6 * half, middle + 1.6 * half]
        line = Line2D([x, x], ys, transform=points, gid="legend-rebase", **rebase_style(look))
    figure.add_artist(line)
