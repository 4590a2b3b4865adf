"""What a chart is and the sizes it comes in, apart from how it is drawn.

Kept free of matplotlib, which takes about a second to import: a rebuild whose charts are all in the
cache never imports it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from enum import Enum

# Processes that draw charts at once, and that a build runs at once: the project's machines have two cores.
MAX_WORKERS = 2


@dataclass(frozen=True)
class Look:
    """What changes between the two chart sizes; everything else is ``STYLE``."""

    width_mm: float
    height_mm: float
    font_pt: float
    line_pt: float
    marker_pt: float
    most_y_ticks: int


class ChartSize(Enum):
    SMALL = Look(width_mm=85, height_mm=50, font_pt=7, line_pt=1.3, marker_pt=3.4, most_y_ticks=5)
    LARGE = Look(width_mm=170, height_mm=80, font_pt=8, line_pt=1.6, marker_pt=4.2, most_y_ticks=7)


@dataclass(frozen=True)
class Chart:
    """A rendered trend chart with the alt text that describes it and its size on the page."""

    png: bytes
    alt: str
    width_mm: float
    height_mm: float

    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")
