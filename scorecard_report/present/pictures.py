"""Pictures in the documents: the charts, with their alt text and caption, and the council's logo."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Protocol

from scorecard_report.inputs.catalogue import Picture
from scorecard_report.model.report import Row


class DrawnChart(Protocol):
    """A chart as drawn (``render.chart_kinds.Chart``): a PNG, the alt text it was drawn with, its size."""

    @property
    def png(self) -> bytes: ...
    @property
    def alt(self) -> str: ...
    @property
    def width_mm(self) -> float: ...
    @property
    def height_mm(self) -> float: ...


@dataclass(frozen=True)
class ChartView:
    ref: str
    title: str
    uri: str
    alt: str
    caption: str
    name: str  # a short title for the picture itself ("FD8 chart"), where a format has one
    width_mm: float
    height_mm: float
    png: bytes = field(repr=False)


@dataclass(frozen=True)
class LogoView:
    data: bytes = field(repr=False)
    uri: str = field(repr=False)
    alt: str = ""
    name: str = "Logo"


def data_uri(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def chart_view(row: Row, chart: DrawnChart, caption: str) -> ChartView:
    return ChartView(
        ref=row.ref,
        title=row.title,
        uri=data_uri(chart.png, "image/png"),
        alt=chart.alt,
        caption=caption,
        name=f"{row.ref} chart",
        width_mm=chart.width_mm,
        height_mm=chart.height_mm,
        png=chart.png,
    )


def logo_view(logo: Picture | None, organisation: str) -> LogoView | None:
    if logo is None:
        return None
    return LogoView(logo.data, data_uri(logo.data, logo.media_type), f"{organisation} logo")
