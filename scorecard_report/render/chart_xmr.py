"""An XmR chart's own layer over the trend chart: each segment's average and process limits, the points
marked by kind, and each rebase with its reason (docs/spc-rules.md)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.transforms import Transform

from scorecard_report.inputs.spc import PointKind
from scorecard_report.model.report import Row
from scorecard_report.present.alt_text import charted_spc
from scorecard_report.render.chart_kinds import ChartSize, Look
from scorecard_report.render.chart_labels import Frame, Labels, fitted
from scorecard_report.render.chart_scale import limit_lines, points_by_kind, rebase_marks, series_line
from scorecard_report.render.chart_style import (
    CAP_HEIGHT,
    LINE_SPACING,
    PAD,
    centre_style,
    limit_style,
    point_style,
    rebase_style,
    xmr_series_style,
)

# The legend's name for each kind of point (its marker beside it): words as Making Data Count uses them.
POINT_LABELS = {
    PointKind.COMMON_CAUSE: "Common cause",
    PointKind.IMPROVEMENT: "Improvement",
    PointKind.CONCERN: "Concern",
    PointKind.NEITHER_HIGH: "Unusually high",
    PointKind.NEITHER_LOW: "Unusually low",
    PointKind.NONE: "No limits yet",
}
NEITHER_BOTH = "Unusually high or low"  # one entry for the diamond where both sides are marked
SINCE = "Limits since"  # a rebase before the charted months: "Limits since Jun 2025: its reason"
LINE_LABELS = {"centre": "Average", "limits": "Process limits", "rebase": "Rebase"}


def draws_xmr(row: Row, size: ChartSize) -> bool:
    """The appendix's large chart is an XmR chart wherever the row's series has limits; the small
    highlight charts stay plain trend charts."""
    return size is ChartSize.LARGE and charted_spc(row)


def rebase_strip(row: Row, look: Look) -> float:
    """The room above the plot for the rebases' labels, in points: none without a rebase to label."""
    return LINE_SPACING * look.font_pt if rebase_marks(row) else 0.0


def draw_xmr(axes: Axes, row: Row, look: Look) -> None:
    """Each segment's average and limits across its own months, the values' line, then each kind of
    point in its colour and shape."""
    for line in limit_lines(row):
        style = centre_style(look) if line.kind == "centre" else limit_style(look)
        y = float(line.y)
        axes.plot([line.start, line.end], [y, y], zorder=2.5, gid=f"spc-{line.kind}", **style)
    xs, ys = series_line(row)
    axes.plot(xs, ys, clip_on=False, zorder=3, gid="series", **xmr_series_style(look))
    for kind, (kind_xs, kind_ys) in points_by_kind(row).items():
        axes.plot(kind_xs, kind_ys, clip_on=False, zorder=4, gid=f"spc-{kind}", **point_style(kind, look))


def draw_rebases(
    axes: Axes, row: Row, frame: Frame, look: Look, figure: MplFigure, points: Transform
) -> None:
    """A dashed upright line where each rebase's segment begins, rising into the strip above the plot,
    with the rebase's reason beside it (shortened with an ellipsis to the room before the next rebase;
    the alt text gives it whole); a label with more room on its left is set there. A rebase before the
    charted months has no line: its month and reason open the strip, "Limits since Jun 2025: …"."""
    marks = rebase_marks(row)
    count = len(row.chart_trend)
    strip = rebase_strip(row, look)
    size = look.font_pt
    baseline = frame.top + (strip - CAP_HEIGHT * size) / 2
    edges = [frame.left, *(frame.x(mark.x, count) for mark in marks), frame.right]
    for number, mark in enumerate(marks):
        x, before, after = edges[number + 1], edges[number], edges[number + 2]
        if mark.line:
            axes.plot(
                [mark.x, mark.x],
                [0, 1 + strip / (frame.top - frame.bottom)],
                transform=axes.get_xaxis_transform(),
                clip_on=False,
                zorder=2,
                gid="rebase",
                **rebase_style(look),
            )
        reason = f"{SINCE} {mark.since}: {mark.reason}" if mark.since else mark.reason
        right_room, left_room = after - x - 1.5 * PAD, x - before - 1.5 * PAD
        label = Labels(size, [])
        if right_room >= left_room or fitted(reason, size, right_room) == reason:
            text = fitted(reason, size, right_room)
            label.add(text, x + PAD / 2, baseline)
        else:
            text = fitted(reason, size, left_room)
            label.add(text, x - PAD / 2, baseline, "right")
        label.draw(figure, points, gid="rebase-label", name=text)
