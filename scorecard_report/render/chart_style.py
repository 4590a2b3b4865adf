"""The one look every chart shares: colours, font, sizes in points, line styles and the style context."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from matplotlib import rc_context

from scorecard_report.inputs.spc import PointKind
from scorecard_report.render.chart_kinds import ChartSize, Look

# Okabe–Ito based; every colour that draws a line or marker keeps 3:1 contrast against white.
SERIES_BLUE = "#0072B2"
TARGET_VERMILLION = "#D55E00"
BENCHMARK_GREY = "#555555"
LINE_COLOURS = {"series": SERIES_BLUE, "target": TARGET_VERMILLION, "benchmark": BENCHMARK_GREY}
TARGET_BAND_FILL = "#FBE3D1"  # light vermillion behind a range target; its dashed edges carry the contrast
BAND_TINT = 0.88  # the share of white in a band's tint: every line keeps 3:1 contrast on the defaults' tints
UNCOLOURED_BAND_TINTS = ("#EEEEEE", "#F8F8F8")  # bands of the council's own naming, alternately
TEXT_COLOUR = "#222222"
AXIS_COLOUR = "#595959"
GRID_COLOUR = "#DDDDDD"

# An XmR chart (docs/spc-rules.md) in Making Data Count's colours: grey values and common cause, blue
# improvement, orange concern, purple neither; each kind of point has its own shape as well, so colour is
# never the only signal. Its lines are told apart by pattern: the average solid, the limits dash-dot.
XMR_GREY = "#6B6B6B"  # the values' line and common-cause points
CENTRE_COLOUR = "#3B3B3B"
LIMIT_COLOUR = AXIS_COLOUR
REBASE_COLOUR = AXIS_COLOUR
IMPROVEMENT_BLUE = "#005EB8"
CONCERN_ORANGE = "#ED8B00"  # too light for 3:1 against white alone: its markers have a darker edge
CONCERN_EDGE = "#A35400"
NEITHER_PURPLE = "#7C2855"
XMR_COLOURS = {
    "series": XMR_GREY,
    "centre": CENTRE_COLOUR,
    "limits": LIMIT_COLOUR,
    "improvement": IMPROVEMENT_BLUE,
    "concern": CONCERN_EDGE,
    "neither": NEITHER_PURPLE,
}

FONT_FAMILY = "DejaVu Sans"  # bundled with matplotlib: nothing to install, same glyphs everywhere
CAP_HEIGHT = 0.73  # of the font size, for DejaVu Sans: centres a label on its tick
LINE_SPACING = 1.25
DPI = 150  # Acrobat's "Standard" PDF setting keeps images at 150 ppi; WeasyPrint re-encodes every pixel
POINTS_PER_INCH = 72
MM_PER_INCH = 25.4
PAD = 4.0  # points of white space around the chart and between a label and what it names
TICK_LENGTH = 3.0
HANDLE_GAP = 3.0  # points between a legend sample and its label

STYLE: dict[str, Any] = {
    "font.family": FONT_FAMILY,
    "text.color": TEXT_COLOUR,
    "axes.edgecolor": AXIS_COLOUR,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,  # the light horizontal grid is drawn at the label positions, see charts._draw_y_axis
    "axes.facecolor": "white",
    "figure.facecolor": "white",
    "lines.solid_capstyle": "round",
    "lines.dash_capstyle": "butt",
    "lines.dashed_pattern": [4, 2],  # target: dashed; benchmark: dotted (in line widths)
    "lines.dotted_pattern": [1, 1.5],
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
}


def chart_style(size: ChartSize) -> AbstractContextManager[None]:
    """The one style every chart is built and drawn in."""
    # matplotlib types the settings' names as one Literal of every name; these are checked by rc_context.
    settings: Any = {**STYLE, "font.size": size.value.font_pt}
    return rc_context(settings)


def tint(colour: str, white: float = BAND_TINT) -> str:
    """``colour`` (#rrggbb) mixed with ``white`` parts of white: the light shade of a band's fill."""
    channels = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(channel + (255 - channel) * white):02X}" for channel in channels)


def band_fill(colour: str | None, position: int) -> str:
    """A band's tint from its catalogue colour; a band without one takes a light grey, alternately."""
    if colour is None:
        return UNCOLOURED_BAND_TINTS[position % len(UNCOLOURED_BAND_TINTS)]
    return tint(colour)


def dashed(look: Look) -> dict[str, Any]:
    """The target's line: dashed vermillion."""
    return {"color": TARGET_VERMILLION, "linestyle": "--", "linewidth": look.line_pt * 0.8}


def dotted(look: Look) -> dict[str, Any]:
    """The benchmark's line: dotted grey."""
    return {"color": BENCHMARK_GREY, "linestyle": ":", "linewidth": look.line_pt}


def series_style(look: Look) -> dict[str, Any]:
    """The values' line: solid blue with a marker at each value."""
    return {"color": SERIES_BLUE, "linewidth": look.line_pt, "marker": "o", "markersize": look.marker_pt}


@dataclass(frozen=True)
class PointStyle:
    """How one kind of XmR point is marked: its shape, fill and edge, and its size beside the series'."""

    marker: str
    face: str
    edge: str
    scale: float


POINT_STYLES = {
    PointKind.COMMON_CAUSE: PointStyle("o", XMR_GREY, XMR_GREY, 0.75),  # a small dot
    PointKind.IMPROVEMENT: PointStyle("o", IMPROVEMENT_BLUE, "white", 1.45),  # a large disc, ringed
    PointKind.CONCERN: PointStyle("s", CONCERN_ORANGE, CONCERN_EDGE, 1.15),  # a square
    PointKind.NEITHER_HIGH: PointStyle("D", NEITHER_PURPLE, NEITHER_PURPLE, 1.05),  # a diamond
    PointKind.NEITHER_LOW: PointStyle("D", NEITHER_PURPLE, NEITHER_PURPLE, 1.05),
    PointKind.NONE: PointStyle("o", "white", XMR_GREY, 0.9),  # a ring: a value with no limits to judge by
}


def point_style(kind: PointKind, look: Look) -> dict[str, Any]:
    """One kind of point's markers, without a line between them."""
    style = POINT_STYLES[kind]
    return {
        "linestyle": "none",
        "marker": style.marker,
        "markersize": look.marker_pt * style.scale,
        "markerfacecolor": style.face,
        "markeredgecolor": style.edge,
        "markeredgewidth": 0.8,
    }


def xmr_series_style(look: Look) -> dict[str, Any]:
    """The values' line on an XmR chart: grey and a little thinner, so the marked points stand out."""
    return {"color": XMR_GREY, "linewidth": look.line_pt * 0.75}


def centre_style(look: Look) -> dict[str, Any]:
    """The average: a thin solid line."""
    return {"color": CENTRE_COLOUR, "linestyle": "-", "linewidth": look.line_pt * 0.6}


def limit_style(look: Look) -> dict[str, Any]:
    """The upper and lower process limits: thin dash-dot lines."""
    return {"color": LIMIT_COLOUR, "linestyle": "-.", "linewidth": look.line_pt * 0.6}


def revised_style(look: Look) -> dict[str, Any]:
    """A revised value: a wide open ring in the axis colour around its point, clear of every point's own
    marker (the largest, an improvement's disc, is 1.45 times the series' marker), so that the shape, not
    a colour, says it."""
    return {
        "linestyle": "none",
        "marker": "o",
        "markersize": look.marker_pt * 2.4,
        "markerfacecolor": "none",
        "markeredgecolor": AXIS_COLOUR,
        "markeredgewidth": 0.9,
    }


def rebase_style(look: Look) -> dict[str, Any]:
    """A rebase: a thin dashed line across the plot, upright where the target's is level."""
    return {"color": REBASE_COLOUR, "linestyle": "--", "linewidth": look.line_pt * 0.5}
