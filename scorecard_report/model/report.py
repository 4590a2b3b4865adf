"""Frozen, typed report model: report → sections → rows, with numbers and their display text."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from scorecard_report.inputs.catalogue import DEFAULT_BENCHMARK_MAX_AGE, BenchmarkSource, ReportSettings
from scorecard_report.inputs.commentary import Text, TitledText
from scorecard_report.inputs.derived import DerivedFrom, Worked
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import (
    Assurance,
    PointKind,
    Preset,
    ReadingKind,
    Rule,
    SpcSettings,
    Variation,
)
from scorecard_report.inputs.targets import Band, Target
from scorecard_report.inputs.vocabulary import (
    Comparator,
    Comparison,
    Direction,
    Frequency,
    Judgement,
    Polarity,
    RagStatus,
    Timeliness,
    Unit,
)
from scorecard_report.model.changes import Changes, Revision
from scorecard_report.model.commentary_check import CommentaryCheck


@dataclass(frozen=True)
class Figure:
    """A value at a period, as data (``value``) and as shown (``text``, ``period_text``)."""

    period: Month
    period_text: str
    value: Decimal | None
    text: str
    shown: Decimal | None  # the value rounded to display decimals: what every judgement uses
    variance: Decimal | None = None  # shown value minus the target boundary it is judged against
    variance_text: str = ""
    numerator: Decimal | None = None  # the numbers behind a percentage or rate, as the data gives them
    denominator: Decimal | None = None
    worked: Worked | None = None  # how a derived indicator's value was computed; None: read

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class QuarterFigure:
    """One quarter of the report's financial year: its value and band; ``future`` ones are blank."""

    label: str  # "Q1"
    figure: Figure | None  # None for a quarter that ends after the report period
    band: str | None
    band_key: str | None


@dataclass(frozen=True)
class BenchmarkComparison:
    source: BenchmarkSource
    year: str | None  # the value's own year where the benchmarks file gives one, else the source's
    value: Decimal | None
    text: str
    difference: Decimal | None
    difference_text: str
    comparison: Comparison  # judged whatever its age: a too-old one still says better or worse
    age: int | None = None  # financial years before the current figure's year; None without a year
    too_old: bool = False  # more than the catalogue's ``benchmark_max_age``: shown, but never ranked
    too_old_text: str = ""  # "Too old", or "" when it is not
    age_text: str = ""  # why, where too old: "2022/23 is 4 years before 2026/27"


@dataclass(frozen=True)
class BandStep:
    """One step of a band scale: the values from its threshold up to the next band's (polarity high),
    or down to it (polarity low), with its colour and its threshold in words."""

    key: str  # the catalogue's key (``good``); ``inadequate`` for below every band
    label: str  # "Good", or the catalogue's ``below_bands`` label
    threshold: Decimal | None  # None for the step below every band
    strict: bool  # a strict inequality (``Below 10``): the threshold itself is not in the band
    colour: str | None  # the catalogue's #rrggbb for the key; None for a band of the council's own naming
    text: str  # "Good: 85–94%", "Inadequate: < 75%": format.bands' line for the step, worst first


@dataclass(frozen=True)
class BandScale:
    """A banded indicator's whole scale, worst first: what its chart shades and its legend names."""

    bands: tuple[Band, ...]  # as the catalogue gives them, worst to best
    below_bands: str  # the label of a value that meets no band (the catalogue's ``below_bands``)
    steps: tuple[BandStep, ...]  # below the bands, then each band, worst to best


@dataclass(frozen=True)
class SpcPoint:
    """One month of the XmR chart and the series CSV: the value, its segment's limits, its label."""

    period: Month
    period_text: str
    value: Decimal | None  # None for a month without a value: a gap, neither breaking nor counting
    centre: Decimal | None  # None where the segment is too short for limits
    lower: Decimal | None
    upper: Decimal | None
    point: PointKind
    rule: Rule | None
    segment: int | None  # 0 for the first segment; a rebase starts the next


@dataclass(frozen=True)
class SpcRebase:
    """A rebase of the indicator: where its limits were worked out afresh, and why."""

    period: Month
    period_text: str  # "May 2026"
    reason: str
    # "The rebase in Jun 2025 was decided on figures since revised (…): review it."; "" when its recorded
    # data still stands, or none was recorded
    review_text: str = ""


@dataclass(frozen=True)
class RowSpc:
    """The row's statistical process control (docs/spc-rules.md), with its words: nothing here
    recolours the RAG status, band or arrow, which stay as they were judged."""

    variation: Variation = Variation.NONE
    variation_text: str = "No SPC"
    assurance: Assurance = Assurance.NONE
    assurance_text: str = "No assurance"
    rule: Rule | None = None  # the rule that named the latest point's special cause
    rule_text: str = ""  # "6 months above the average"
    reading: ReadingKind = ReadingKind.NO_SPC
    reading_text: str = ""
    attention: bool = False
    note: str = ""  # "Declining since last month, but within normal variation"
    centre: Decimal | None = None  # the latest segment's limits, unrounded
    lower: Decimal | None = None
    upper: Decimal | None = None
    limits_text: str = ""  # "average 84%, usually between 78% and 90%"
    points: int = 0  # points in the latest segment
    run: int = 0  # points in the run the rule flagged, ending this month
    run_start: Month | None = None
    run_start_text: str = ""
    capable_band: str | None = None  # the best band the process reliably reaches (its label)
    capable_band_key: str | None = None
    capable_text: str = ""  # "reliably Good; Outstanding some months"
    target_text: str = ""  # the number assurance was judged against, as shown
    preset: Preset = Preset.NHSE
    series: tuple[SpcPoint, ...] = ()  # the months the row's trend shows, oldest first
    rebases: tuple[SpcRebase, ...] = ()

    @property
    def shown(self) -> bool:
        """Whether there are icons to show: the process has enough points for a judgement."""
        return self.variation is not Variation.NONE


NO_SPC = RowSpc()


@dataclass(frozen=True)
class RowTimeliness:
    """How far the row's data reaches and whether that is as far as it should by the report period
    (rules/timeliness.py, docs/scorecard-rules.md), with its words."""

    timeliness: Timeliness
    word: str  # "On time", "Late", "Stale"
    mark: str  # "", "†", "‡": beside the word wherever it is shown, so colour is never the only signal
    data_to: Month | None  # the latest period with a value; None with no value at all
    data_to_text: str  # "Aug 2026", "Q1 2026/27", "2024/25"; "" with no value
    due: Month | None  # the first period up to current without data; None when the data reaches current
    due_text: str
    due_by: Month | None  # the month ``due`` is due by: its last month plus the lag
    due_by_text: str  # "Oct 2026"
    lag: int  # months after a period ends by which its value is due
    lag_text: str  # "1 month"
    sentence: str  # "Data to Aug 2026; Sep 2026 was due by Oct 2026"
    source: str | None = None  # the catalogue's ``source``: where the figure comes from
    owner: str | None = None  # the catalogue's ``owner``: who supplies it

    @property
    def flagged(self) -> bool:
        """Late or stale: the row has a data note."""
        return self.timeliness is not Timeliness.ON_TIME


@dataclass(frozen=True)
class Row:
    """One indicator in the report, with every judgement already made."""

    ref: str
    title: str
    description: str
    unit: Unit
    unit_label: str | None
    decimals: int
    polarity: Polarity
    frequency: Frequency
    highlight: bool
    current: Figure
    previous_period: Figure
    previous_year: Figure
    target: Target | None
    target_text: str
    status: RagStatus
    band: str | None
    band_key: str | None
    comparator: Comparator
    direction: Direction
    judgement: Judgement
    change_text: str
    benchmarks: tuple[BenchmarkComparison, ...]
    trend: tuple[Figure, ...]
    timeliness: RowTimeliness
    in_appendix: bool = True
    commentary: Text | None = None
    group: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    bands: tuple[tuple[str, str, str], ...] = ()  # (key, label, threshold in the house notation)
    quarters: tuple[QuarterFigure, ...] = ()
    annual: Figure | None = None
    band_scale: BandScale | None = None  # None for an indicator without bands
    spc: RowSpc = NO_SPC
    revisions: tuple[Revision, ...] = ()  # values the earlier edition showed otherwise, oldest first
    commentary_check: CommentaryCheck | None = None  # its text was written against other figures
    derived: DerivedFrom | None = None  # None: read from the data

    @property
    def compared_with(self) -> Figure:
        """The figure the direction of travel was judged against: the previous period or year."""
        return self.previous_period if self.comparator is Comparator.PREVIOUS_PERIOD else self.previous_year

    @property
    def ranked_benchmarks(self) -> tuple[BenchmarkComparison, ...]:
        """The comparisons any ranking or summary of benchmarks may count: those with a value that are not
        too old, in the catalogue's order. A too-old one is still shown, flagged, where all are listed."""
        return tuple(b for b in self.benchmarks if b.value is not None and not b.too_old)

    @property
    def chart_trend(self) -> tuple[Figure, ...]:
        """The trend periods a chart draws, oldest first.

        Every period of a monthly or quarterly trend (a missing one is a gap); for an annual indicator
        only the years with a value, and the current year always, so that a few years of figures are
        not lost among a dozen empty ones. With no value at all, the whole trend.
        """
        if self.frequency is not Frequency.ANNUAL or all(figure.missing for figure in self.trend):
            return self.trend
        last = len(self.trend) - 1
        return tuple(figure for index, figure in enumerate(self.trend) if not figure.missing or index == last)


@dataclass(frozen=True)
class SectionReport:
    id: str
    title: str
    owner: str | None
    rows: tuple[Row, ...]
    commentary: Text | None = None


@dataclass(frozen=True)
class BandCount:
    """How many of a section's indicators are in one performance band now."""

    key: str  # the catalogue's key (``good``); ``inadequate`` for below every band
    label: str  # as shown: "Good", or the catalogue's ``below_bands`` label
    count: int


@dataclass(frozen=True)
class StatusCounts:
    """How one section (or the whole report) stands: the summary page's table row."""

    title: str
    green: int
    amber: int
    red: int
    no_status: int
    improving: int
    declining: int
    bands: tuple[BandCount, ...] = ()  # the report's bands, best first; () when no indicator has bands
    no_band: int = 0  # rows with no band: the indicator has none, or no current value


@dataclass(frozen=True)
class Mover:
    """An indicator that improved or declined most, measured in its own typical movements.

    ``score`` is the size of the change (current minus comparator, as shown) divided by
    ``typical_movement``, the mean absolute period-to-period movement of the indicator's trend before
    this change: 5 means the change was five times the indicator's usual movement, whatever its unit.
    """

    ref: str
    title: str
    section: str
    before: str  # the comparator's value as shown
    after: str  # the current value as shown
    change_text: str  # the row's own change_text: signed, percentage points for percentages
    score: Decimal
    score_text: str  # "5.0"
    typical_movement: Decimal
    typical_movement_text: str  # "2.0 percentage points", "2.0": one more decimal than the values
    comparator_period: Month  # the period compared with: the previous period or year
    comparator_period_text: str  # "Sep 2026", "Q2 2015/16", "2014/15"
    before_value: Decimal  # the comparator's shown value
    change: Decimal  # current minus comparator, as shown


@dataclass(frozen=True)
class Attention:
    """A row the reading table marks for attention: the summary page's "Needs attention" list."""

    ref: str
    title: str
    section: str
    owner: str | None
    reading: str
    status: RagStatus
    variation: Variation
    assurance: Assurance


@dataclass(frozen=True)
class DataNote:
    """A late or stale row: one line of the summary page's "Data notes"."""

    ref: str
    title: str
    section: str  # the section's title
    timeliness: Timeliness
    word: str  # "Late", "Stale"
    mark: str  # "†", "‡"
    sentence: str  # "Data to Aug 2026; Sep 2026 was due by Oct 2026"
    source: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class SpcCounts:
    """How many of a section's indicators show each variation and assurance."""

    title: str
    improvement: int
    concern: int
    common_cause: int
    neither: int
    no_variation: int  # no SPC: too few points, not monthly, no value this month, or turned off
    passing: int
    failing: int
    hit_or_miss: int
    no_assurance: int


@dataclass(frozen=True)
class Report:
    """A whole scorecard for one period."""

    title: str
    organisation: str
    name: str
    period: Month
    period_text: str
    missing_label: str
    below_bands: str
    benchmarks: tuple[BenchmarkSource, ...]
    sections: tuple[SectionReport, ...]
    settings: ReportSettings = field(default_factory=ReportSettings)
    commentary: tuple[TitledText, ...] = ()
    summary: tuple[StatusCounts, ...] = ()
    total: StatusCounts | None = None
    improvements: tuple[Mover, ...] = ()
    deteriorations: tuple[Mover, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # declared extra fields: (name, column heading)
    year_label: str = ""  # the financial year containing the period, e.g. 2015/16
    source: Path | None = None  # the catalogue it was built from, for messages
    attention: tuple[Attention, ...] = ()
    spc_summary: tuple[SpcCounts, ...] = ()  # one per section
    spc_total: SpcCounts | None = None
    spc_settings: SpcSettings = field(default_factory=SpcSettings)
    data_notes: tuple[DataNote, ...] = ()  # the late and stale rows, in catalogue order
    timeliness_key: str = ""  # what late and stale mean, with their marks
    benchmark_max_age: int = DEFAULT_BENCHMARK_MAX_AGE  # financial years; older benchmarks are too old
    benchmark_age_key: str = ""  # what "Too old" means, for the key
    changes: Changes | None = None  # since the earlier edition compared with; None: nothing to compare

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for section in self.sections for row in section.rows)

    @property
    def has_spc(self) -> bool:
        """Whether any row has SPC icons: the key, the summary and the tables say SPC only then."""
        return any(row.spc.shown for row in self.rows)
