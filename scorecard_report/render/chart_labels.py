"""A chart's words as outlines, and where the x axis's labels go: months, quarters and years."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure as MplFigure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D, Transform

from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.model.report import Row
from scorecard_report.render.chart_style import FONT_FAMILY, PAD, TEXT_COLOUR

# ---------------------------------------------------------------- labels drawn as outlines


@functools.lru_cache(maxsize=4096)
def outline(text: str, size_pt: float) -> Path:
    """The text's glyph outlines in points, baseline at 0: cached, as most labels recur in every chart.

    Drawing labels as filled outlines in one collection is ten times faster than matplotlib ``Text``
    artists, each of which lays out and rasterises its glyphs again for every chart.
    """
    return TextPath((0, 0), text, prop=FontProperties(family=FONT_FAMILY, size=size_pt))


@functools.lru_cache(maxsize=4096)
def width(text: str, size_pt: float) -> float:
    """How far the text reaches right of its start, in points (to its rightmost outline point)."""
    return float(np.asarray(outline(text, size_pt).vertices)[:, 0].max()) if text else 0.0


ELLIPSIS = "\u2026"
WORD_SLACK = 8  # letters of a cut word given up to end a shortened label at a whole word


def fitted(text: str, size_pt: float, room: float) -> str:
    """``text`` whole if it fits in ``room`` points, else cut and closed with an ellipsis: at the end of
    a word where one ends in the last few letters that fit, else mid-word; nothing where not even the
    ellipsis fits."""
    if width(text, size_pt) <= room:
        return text
    end = len(text) - 1
    while end > 0 and width(text[:end].rstrip() + ELLIPSIS, size_pt) > room:
        end -= 1
    if end == 0:
        return ELLIPSIS if width(ELLIPSIS, size_pt) <= room else ""
    space = text.rfind(" ", 0, end + 1)
    if space > 0 and end - space <= WORD_SLACK:
        end = space
    return text[:end].rstrip(" ,;:.-\u2013") + ELLIPSIS


@dataclass
class Labels:
    """Label outlines placed in points from the figure's lower-left corner, drawn as one collection."""

    size_pt: float
    paths: list[Path]

    def add(self, text: str, x: float, baseline: float, align: str = "left", rotate: bool = False) -> None:
        if not text:
            return
        shift = {"left": 0.0, "center": width(text, self.size_pt) / 2, "right": width(text, self.size_pt)}
        placed = Affine2D().translate(-shift[align], 0)
        if rotate:
            placed = placed.rotate_deg(90)
        self.paths.append(outline(text, self.size_pt).transformed(placed.translate(x, baseline)))

    def draw(self, figure: MplFigure, points: Transform, gid: str | None = None, name: str = "") -> None:
        """The outlines as one artist; ``gid`` and ``name`` (its words, as its label) let a test find it."""
        if self.paths:
            collection = PathCollection(
                [Path.make_compound_path(*self.paths)],
                facecolors=TEXT_COLOUR,
                edgecolors="none",
                linewidths=0,
                transform=points,
            )
            if gid is not None:
                collection.set_gid(gid)
                collection.set_label(name)
            figure.add_artist(collection)


# ---------------------------------------------------------------- the x axis


@dataclass(frozen=True)
class Frame:
    """The plot area in points from the figure's lower-left corner."""

    left: float
    bottom: float
    right: float
    top: float
    width: float
    height: float

    def x(self, index: float, count: int) -> float:
        return self.left + (index + 0.5) / count * (self.right - self.left)


@dataclass(frozen=True)
class XLabel:
    """One x-axis label: on the first line (a month, a quarter, a year) or the second (its year)."""

    text: str
    x: float  # in points
    line: int  # 0 or 1
    align: str  # left, center or right of x


def x_labels(row: Row, frame: Frame, size: float) -> list[XLabel]:
    """The x axis's labels for the charted periods: every quarter of a quarterly chart, with each
    financial year under its quarters; otherwise the months or years that fit (``shown_x_labels``)."""
    if row.frequency is Frequency.QUARTERLY:
        return _quarter_labels(row, frame, size)
    count = len(row.chart_trend)
    placed = []
    for index, (head, tail) in shown_x_labels(row, frame, size):
        placed.append(XLabel(head, frame.x(index, count), 0, "center"))
        if tail:
            placed.append(XLabel(tail, frame.x(index, count), 1, "center"))
    return placed


def _parts(row: Row) -> list[tuple[str, str]]:
    """Each charted period's label as (first line, second line): ("Jan", "2023"), ("Q3", "2022/23")."""
    return [(head, tail) for head, _space, tail in (f.period_text.partition(" ") for f in row.chart_trend)]


def _every(texts: list[str], frame: Frame, count: int, size: float) -> int:
    """Label every n-th period so that the widest label and some space fit in n periods' width."""
    widest = max(width(text, size) for text in texts)
    return max(1, math.ceil((widest + PAD) / ((frame.right - frame.left) / count)))


def shown_x_labels(row: Row, frame: Frame, size: float) -> list[tuple[int, tuple[str, str]]]:
    """The labels that fit side by side, counted back from the latest; a year shows where it changes."""
    parts = _parts(row)
    count = len(parts)
    every = _every([text for pair in parts for text in pair], frame, count, size)
    shown = [index for index in range(count) if (count - 1 - index) % every == 0]
    result = []
    for position, index in enumerate(shown):
        head, tail = parts[index]
        earlier = parts[shown[position - 1]][1] if position else None
        result.append((index, (head, tail if tail != earlier else "")))
    return result


def _year_runs(row: Row) -> list[tuple[str, int, int]]:
    """The charted periods grouped by their second line (a quarter's financial year): (year, first
    index, last index), oldest first."""
    runs: list[tuple[str, int, int]] = []
    for index, (_head, year) in enumerate(_parts(row)):
        if runs and runs[-1][0] == year:
            runs[-1] = (year, runs[-1][1], index)
        else:
            runs.append((year, index, index))
    return runs


def year_boundaries(row: Row, frame: Frame) -> list[float]:
    """Where one financial year's quarters end and the next's begin, in points: a quarterly chart marks
    them below the axis so that each year's label sits between two marks."""
    if row.frequency is not Frequency.QUARTERLY:
        return []
    slot = (frame.right - frame.left) / len(row.chart_trend)
    return [frame.left + first * slot for _year, first, _last in _year_runs(row)[1:]]


def _quarter_labels(row: Row, frame: Frame, size: float) -> list[XLabel]:
    """Every quarter (``Q1``) on the first line, where it fits (it does for the usual 13 quarters on
    either chart size), counted back from the latest; each financial year (``2023/24``) centred under
    its run of quarters on the second.

    A first or last run too narrow for its year (a trend that starts at Q4) puts the year against its
    boundary, reaching into the margin (which ``reach`` measures); a year that would touch the next is
    left out, the latest never.
    """
    parts = _parts(row)
    count = len(parts)
    slot = (frame.right - frame.left) / count
    every = _every([head for head, _tail in parts], frame, count, size)
    placed = [
        XLabel(head, frame.x(index, count), 0, "center")
        for index, (head, _tail) in enumerate(parts)
        if (count - 1 - index) % every == 0
    ]
    runs = _year_runs(row)
    years: list[tuple[float, float, XLabel]] = []  # (left, right, label), latest first
    for number, (year, first, last) in reversed(list(enumerate(runs))):
        start, end = frame.left + first * slot, frame.left + (last + 1) * slot
        text_width = width(year, size)
        if text_width <= end - start or 0 < number < len(runs) - 1:
            middle = (start + end) / 2
            span, label = (
                (middle - text_width / 2, middle + text_width / 2),
                XLabel(year, middle, 1, "center"),
            )
        elif number == len(runs) - 1:  # the latest: from its boundary into the right margin
            span, label = (start, start + text_width), XLabel(year, start + PAD / 2, 1, "left")
        else:  # the earliest: back from its boundary into the left margin
            span, label = (end - text_width, end), XLabel(year, end - PAD / 2, 1, "right")
        if not years or span[1] + PAD <= years[-1][0]:
            years.append((*span, label))
    return placed + [label for _left, _right, label in reversed(years)]


def reach(row: Row, frame: Frame, size: float) -> tuple[float, float]:
    """How far left and right of the plot the x labels reach, in points: the room the margins must leave."""
    left = right = 0.0
    for label in x_labels(row, frame, size):
        start = label.x - width(label.text, size) * {"left": 0.0, "center": 0.5, "right": 1.0}[label.align]
        left = max(left, frame.left - start)
        right = max(right, start + width(label.text, size) - frame.right)
    return left, right
