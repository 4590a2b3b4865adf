"""The indicator catalogue as frozen, typed data: what every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from scorecard_report.inputs.derived import Derivation, Population
from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.spc import SpcSettings
from scorecard_report.inputs.targets import Band, Target, Tolerance
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Polarity, Unit
from scorecard_report.problems import Problem

DEFAULT_MISSING_MARKERS = ("Not Yet Available", "NYA", "N/A", "n/a", "-", "–")
DEFAULT_BENCHMARK_MAX_AGE = 1  # financial years a benchmark may be older than the current value's year


@dataclass(frozen=True)
class BenchmarkSource:
    """A comparator named once in the catalogue: Regional Average (2022/23)."""

    id: str
    label: str
    year: str | None = None  # as written: "2022/23"
    year_end: Month | None = None  # the last month of that financial year, read by the loader


DEFAULT_COLOURS = {
    # RAG and band fills, each paired in the stylesheet with a text colour of at least 4.5:1 contrast.
    "green": "#00703c",
    "amber": "#ffdd00",
    "red": "#d4351c",
    "none": "#f3f2f1",
    "inadequate": "#d4351c",
    "requires_improvement": "#ffdd00",
    "good": "#00703c",
    "outstanding": "#003078",
    # Arrows and the accent of headings and rules.
    "improving": "#00703c",
    "declining": "#d4351c",
    "neutral": "#505a5f",
    "accent": "#1d4f91",
}


COLUMN_VOCABULARY = (
    "number",
    "ref",
    "title",
    "description",
    "target",
    "bands",
    "current",
    "previous_period",
    "previous_year",
    "benchmarks",
    "quarters",
    "annual",
    "direction",
    "variation",
    "assurance",
    "comment",
)


def preset_columns(layout: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """Each layout's columns; declared extra fields (such as ``rec``) come after the ref or number."""
    if layout == "quarterly":
        return ("number", *fields, "title", "description", "bands", "quarters", "comment")
    if layout == "annual":
        return (
            "ref",
            *fields,
            "title",
            "description",
            "target",
            "annual",
            "previous_year",
            "direction",
            "comment",
        )
    return (
        "ref",
        *fields,
        "title",
        "current",
        "previous_year",
        "target",
        "benchmarks",
        "direction",
        "variation",
        "assurance",
    )


@dataclass(frozen=True)
class Picture:
    """An image as read from its file, so that no later stage reads the file again."""

    data: bytes = field(repr=False)
    media_type: str  # image/png or image/jpeg, from the image's own header


@dataclass(frozen=True)
class ReportSettings:
    """How the documents look and what they include: the catalogue's ``report:`` block."""

    marking: str = "OFFICIAL"
    logo: Path | None = None  # where the logo was read from: one of the build's inputs
    colours: tuple[tuple[str, str], ...] = tuple(DEFAULT_COLOURS.items())
    appendix: str | tuple[str, ...] = "all"
    font: str | None = None  # a font family installed on the machine, tried before the shipped one
    layout: str = "monthly"
    columns: tuple[str, ...] = preset_columns("monthly", ())
    logo_picture: Picture | None = None  # the logo itself, read by the catalogue's loader
    committee: str | None = None  # the cover's: who the paper goes to, when, and who to ask
    meeting_date: str | None = None
    contact: str | None = None

    def colour(self, name: str) -> str:
        return dict(self.colours)[name]

    def in_appendix(self, ref: str, highlight: bool) -> bool:
        if isinstance(self.appendix, tuple):
            return ref in self.appendix
        return self.appendix == "all" or (self.appendix == "highlighted" and highlight)


@dataclass(frozen=True)
class Indicator:
    ref: str
    title: str
    description: str
    unit: Unit
    polarity: Polarity
    target: Target | None
    bands: tuple[Band, ...]
    tolerance: Tolerance
    decimals: int
    frequency: Frequency
    benchmarks: tuple[tuple[str, Decimal], ...]
    comparator: Comparator
    multiplier: Decimal | None
    unit_label: str | None
    highlight: bool
    section_id: str
    line: int | None = None
    group: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    spc: bool = True  # the indicator's ``spc: false`` turns statistical process control off for it
    lag_months: int | None = None  # months after a period ends that its value is due; None: the default
    source: str | None = None  # where the figure comes from: "LCS month-end extract", "SSDA903 return"
    owner: str | None = None  # who supplies it
    derived: Derivation | None = None  # how the tool computes it from others; None: read from the data

    @property
    def lag(self) -> int:
        """Months after a period ends by which its value should be in hand (the loader always sets
        ``lag_months``, from the indicator, the catalogue's ``default_lag`` or the frequency's default)."""
        return self.frequency.default_lag if self.lag_months is None else self.lag_months

    def benchmark(self, benchmark_id: str) -> Decimal | None:
        return dict(self.benchmarks).get(benchmark_id)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    owner: str | None
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Catalogue:
    path: Path
    title: str
    organisation: str
    name: str
    data: Path | None
    calendar: FinancialCalendar
    default_tolerance: Tolerance
    comparator: Comparator
    missing_label: str
    missing_markers: tuple[str, ...]
    below_bands: str
    trend_length: int
    benchmarks: tuple[BenchmarkSource, ...]
    sections: tuple[Section, ...]
    report: ReportSettings = ReportSettings()
    fields: tuple[tuple[str, str], ...] = ()  # declared extra fields: (name, column heading)
    spc: SpcSettings = field(default_factory=SpcSettings)  # the ``spc:`` block, preset defaults filled in
    rebases: Path | None = None  # the ``rebases:`` file, resolved against the catalogue's folder
    commentary: Path | None = None  # the ``commentary:`` folder; None: commentary/ beside the catalogue
    benchmark_max_age: int = DEFAULT_BENCHMARK_MAX_AGE  # beyond it a benchmark is too old to compare
    populations: tuple[Population, ...] = ()  # what rates are worked out per (``populations:``)
    # Every indicator a derived one is computed from, kept when an edition leaves its section out, so
    # that the working can still name it.
    sources: tuple[Indicator, ...] = ()
    band_labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    warnings: tuple[Problem, ...] = field(default=(), hash=False, compare=False)  # from reading it

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(indicator for section in self.sections for indicator in section.indicators)

    @cached_property
    def _by_ref(self) -> dict[str, Indicator]:
        return {indicator.ref: indicator for indicator in self.indicators}

    def indicator(self, ref: str) -> Indicator | None:
        return self._by_ref.get(ref)

    def source(self, ref: str) -> Indicator | None:
        """The indicator ``ref``, in the edition's sections or among what derived ones are computed from."""
        return self.indicator(ref) or next((found for found in self.sources if found.ref == ref), None)

    def population(self, name: str) -> Population | None:
        return next((population for population in self.populations if population.name == name), None)

    @property
    def refs(self) -> frozenset[str]:
        return frozenset(self._by_ref)
