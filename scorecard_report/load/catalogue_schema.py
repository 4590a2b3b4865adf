"""The catalogue's shape: the keys each mapping may have, their types, defaults and allowed words."""

from __future__ import annotations

import difflib
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scorecard_report.inputs.catalogue import DEFAULT_COLOURS, DEFAULT_MISSING_MARKERS

Structured = dict[str, str | None]
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BenchmarkSchema(_Strict):
    id: str
    label: str
    year: str | None = None


class ReportSchema(_Strict):
    layout: Literal["monthly", "quarterly", "annual"] = "monthly"
    columns: list[str] | None = None
    marking: str = "OFFICIAL"
    committee: str | None = None  # the cover: "Children's Services Scrutiny Committee"
    meeting_date: str | None = None  # as the council writes it: "12 November 2026"
    contact: str | None = None  # "Performance and Intelligence Team, pi@wessexvale.gov.uk"
    logo: str | None = None
    font: str | None = None
    colours: dict[str, str] = Field(default_factory=dict)
    appendix: Literal["all", "highlighted", "none"] | list[str] = "all"

    @field_validator("colours")
    @classmethod
    def _known_colours(cls, colours: dict[str, str]) -> dict[str, str]:
        for name, value in colours.items():
            if name not in DEFAULT_COLOURS:
                close = difflib.get_close_matches(name, list(DEFAULT_COLOURS), n=1)
                raise ValueError(
                    f"unknown colour '{name}'"
                    + (f" (did you mean '{close[0]}'?)" if close else f"; use {', '.join(DEFAULT_COLOURS)}")
                )
            if not _HEX_COLOUR.fullmatch(value):
                raise ValueError(f"colour {name} must be written #rrggbb, not '{value}'")
        return colours


class SettingsSchema(_Strict):
    title: str
    organisation: str
    name: str | None = None
    data: str | None = None
    commentary: str | None = None  # the folder of YYYY-MM.yaml commentary files
    year_start_month: int = Field(4, ge=1, le=12)
    default_tolerance: str = "5%"
    direction_of_travel: Literal["previous_period", "previous_year"] = "previous_period"
    missing_label: str = "Not yet available"
    missing_markers: list[str] = Field(default_factory=lambda: list(DEFAULT_MISSING_MARKERS))
    below_bands: str = "Inadequate"
    band_labels: dict[str, str] = Field(default_factory=dict)
    fields: dict[str, str] = Field(default_factory=dict)
    trend_periods: int = Field(13, ge=2, le=60)
    benchmarks: list[BenchmarkSchema] = Field(default_factory=list)
    benchmark_max_age: Any = None  # financial years; read by load/timeliness.py, as are the two below
    default_lag: Any = None  # one lag for every frequency, or a mapping of frequency to lag
    report: ReportSchema = Field(default_factory=ReportSchema)
    spc: Any = None  # checked as SpcSchema by load/spc_settings.py, so each key has its own message
    rebases: str | None = None
    populations: Any = None  # read by load/derived.py, each population checked on its own
    sections: list[Any]


class SpcSchema(_Strict):
    """The ``spc:`` block's keys; their values are read by load/spc_settings.py (``13``, not ``13.0``)."""

    rules: Any = None
    min_points: Any = None
    baseline_points: Any = None
    screen_moving_ranges: Any = None
    shift_points: Any = None
    trend_points: Any = None


class SectionSchema(_Strict):
    id: str
    title: str
    owner: str | None = None
    indicators: list[Any]


class IndicatorSchema(_Strict):
    ref: str = Field(min_length=1)
    title: str
    description: str = ""
    unit: Literal["count", "percent", "rate", "days", "average", "currency"]
    polarity: Literal["high", "low", "neutral"] | None = None
    target: str | Structured | None = None
    bands: dict[str, str | Structured] | None = None
    tolerance: str | None = None
    decimals: int | None = Field(None, ge=0, le=6)
    frequency: Literal["monthly", "quarterly", "annual"] = "monthly"
    benchmarks: dict[str, str] = Field(default_factory=dict)
    direction_of_travel: Literal["previous_period", "previous_year"] | None = None
    multiplier: str | None = None
    unit_label: str | None = None
    highlight: bool = False
    group: str | None = None
    spc: Any = None  # true or false only, read by load/spc_settings.py
    lag: Any = None  # "1 month", "2 months", "1 quarter", "0 months": read by load/timeliness.py
    source: str | None = None
    owner: str | None = None
    derived: Any = None  # read by load/derived.py: rolling, year_to_date, rate_of or ratio

    @field_validator("unit", "polarity", "frequency", mode="before")
    @classmethod
    def _lower_case(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value
