"""The one look every chart shares: colours, font, sizes in points, line styles and the style context."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from matplotlib import rc_context

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
