"""The variation and assurance icons: our own simple shapes, each kind a different shape as well as a
colour, so that neither colour nor icon is ever the only signal (the word always goes beside them).

The colours are Making Data Count's meanings (blue improvement, orange concern, grey common cause,
purple neither), darkened where needed to reach 3:1 against white (WCAG 1.4.11). Each icon is drawn in
a 20 by 20 box; the renderers draw them as one small PNG for every format.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scorecard_report.inputs.spc import Assurance, Variation

IMPROVEMENT_BLUE = "#005eb8"
CONCERN_ORANGE = "#b35c00"
COMMON_GREY = "#505a5f"
NEITHER_PURPLE = "#7c2855"
WHITE = "#ffffff"
BOX = 20


class ShapeKind(StrEnum):
    CIRCLE = "circle"  # points: ((cx, cy), (r, r))
    POLYGON = "polygon"
    POLYLINE = "polyline"
    SQUARE = "square"  # points: ((x0, y0), (x1, y1)), corners rounded


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    points: tuple[tuple[float, float], ...]
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Icon:
    """An icon by name (``variation-improvement_high``), the word it stands beside, and its shapes."""

    name: str
    word: str
    shapes: tuple[Shape, ...]


def _line(*points: tuple[float, float], colour: str = WHITE, width: float = 2.4) -> Shape:
    return Shape(ShapeKind.POLYLINE, points, stroke=colour, width=width)


def _chevron(up: bool, middle: float = 10.0) -> Shape:
    if up:
        return _line((5.5, middle + 2.5), (10, middle - 2), (14.5, middle + 2.5))
    return _line((5.5, middle - 2.5), (10, middle + 2), (14.5, middle - 2.5))


def _variation_shapes(variation: Variation) -> tuple[Shape, ...]:
    high = variation.value.endswith("_high")
    if variation.is_improvement:  # a blue disc, its chevron pointing the way the process moved
        return (Shape(ShapeKind.CIRCLE, ((10, 10), (9, 9)), fill=IMPROVEMENT_BLUE), _chevron(high))
    if variation.is_concern:  # an orange warning triangle, pointing the way the process moved
        if high:
            triangle: tuple[tuple[float, float], ...] = ((10, 1.5), (19, 18), (1, 18))
            mark = (_line((10, 7.5), (10, 12)), _line((10, 14.2), (10, 15.6)))
        else:
            triangle = ((1, 2), (19, 2), (10, 18.5))
            mark = (_line((10, 4.5), (10, 9)), _line((10, 11.2), (10, 12.6)))
        return (Shape(ShapeKind.POLYGON, triangle, fill=CONCERN_ORANGE), *mark)
    if variation.is_neither:  # a purple diamond: unusual, but neither better nor worse
        diamond = ((10, 1), (19, 10), (10, 19), (1, 10))
        return (Shape(ShapeKind.POLYGON, diamond, fill=NEITHER_PURPLE), _chevron(high))
    # common cause: a grey ring with a small wave in it, the ordinary ups and downs
    wave = ((4.5, 10), (6.5, 8), (8.5, 10), (10.5, 12), (12.5, 10), (14.5, 8), (15.5, 9))
    return (
        Shape(ShapeKind.CIRCLE, ((10, 10), (8.5, 8.5)), fill=WHITE, stroke=COMMON_GREY, width=2),
        _line(*wave, colour=COMMON_GREY, width=1.8),
    )


def variation_icon(variation: Variation, word: str) -> Icon | None:
    """The icon of a variation judgement; none where there is no SPC."""
    if variation is Variation.NONE:
        return None
    return Icon(f"variation-{variation.value}", word, _variation_shapes(variation))


def _assurance_shapes(assurance: Assurance) -> tuple[Shape, ...]:
    square = ((1.5, 1.5), (18.5, 18.5))
    if assurance is Assurance.PASS:  # a blue square with a tick
        return (
            Shape(ShapeKind.SQUARE, square, fill=IMPROVEMENT_BLUE),
            _line((5, 10.5), (8.5, 14), (15, 6.5)),
        )
    if assurance is Assurance.FAIL:  # an orange square with a cross
        return (
            Shape(ShapeKind.SQUARE, square, fill=CONCERN_ORANGE),
            _line((6, 6), (14, 14)),
            _line((14, 6), (6, 14)),
        )
    # hit or miss: a grey outlined square, half filled
    return (
        Shape(ShapeKind.SQUARE, square, fill=WHITE, stroke=COMMON_GREY, width=2),
        Shape(ShapeKind.POLYGON, ((2.5, 10), (17.5, 10), (17.5, 17.5), (2.5, 17.5)), fill=COMMON_GREY),
    )


def assurance_icon(assurance: Assurance, word: str) -> Icon | None:
    """The icon of an assurance judgement; none without a target or SPC."""
    if assurance is Assurance.NONE:
        return None
    return Icon(f"assurance-{assurance.value}", word, _assurance_shapes(assurance))
