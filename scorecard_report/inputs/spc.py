"""Statistical process control's inputs: the catalogue's ``spc:`` settings and the rebases file."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from scorecard_report.inputs.periods import Month
from scorecard_report.problems import Problem


class Preset(StrEnum):
    """The two rule sets of docs/spc-rules.md: NHS England's Making Data Count and NHSRplotthedots 0.2.2."""

    NHSE = "nhse"
    PTD = "ptd"


class Rule(StrEnum):
    """Special-cause rules, in ptd's priority order (first is strongest)."""

    OUTSIDE_LIMITS = "outside_limits"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"
    SHIFT = "shift"


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEITHER_HIGH = "neither_high"
    NEITHER_LOW = "neither_low"
    NONE = "none"

    @property
    def is_improvement(self) -> bool:
        return self in (Variation.IMPROVEMENT_HIGH, Variation.IMPROVEMENT_LOW)

    @property
    def is_concern(self) -> bool:
        return self in (Variation.CONCERN_HIGH, Variation.CONCERN_LOW)

    @property
    def is_neither(self) -> bool:
        return self in (Variation.NEITHER_HIGH, Variation.NEITHER_LOW)


class PointKind(StrEnum):
    """One point's label on the XmR chart and in the series CSV."""

    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"
    NEITHER_HIGH = "neither_high"
    NEITHER_LOW = "neither_low"
    NONE = "none"

    @classmethod
    def of(cls, variation: Variation) -> PointKind:
        if variation.is_improvement:
            return cls.IMPROVEMENT
        if variation.is_concern:
            return cls.CONCERN
        return cls(variation.value)


class Assurance(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    HIT_OR_MISS = "hit_or_miss"
    NONE = "none"


class ReadingKind(StrEnum):
    GETTING_WORSE = "getting_worse"
    WILL_NOT_MEET = "will_not_meet"
    MET_BUT_USUALLY_MISS = "met_but_usually_miss"
    MET_SOME_MONTHS_MISS = "met_some_months_miss"
    MISSED_WITHIN_NORMAL = "missed_within_normal"
    IMPROVING_NOT_YET_RELIABLE = "improving_not_yet_reliable"
    IMPROVING = "improving"
    RELIABLY_MEETING = "reliably_meeting"
    NO_SIGNIFICANT_CHANGE = "no_significant_change"
    # Our own rows where the binding table is silent (docs/spc.md): a neutral indicator's special cause,
    # and a process judged against a target with no RAG status this month.
    UNUSUAL = "unusual"
    WILL_USUALLY_MISS = "will_usually_miss"
    SOME_MONTHS = "some_months"
    NO_SPC = "no_spc"


@dataclass(frozen=True)
class SpcSettings:
    """The catalogue's ``spc:`` block, each preset's defaults filled in."""

    preset: Preset = Preset.NHSE
    min_points: int = 13
    baseline_points: int | None = None
    screen_moving_ranges: bool = False
    shift_points: int = 6
    trend_points: int = 6

    def __post_init__(self) -> None:
        runs = (self.shift_points, self.trend_points)
        if self.preset is Preset.NHSE and not all(6 <= n <= 8 for n in runs):
            raise ValueError(f"nhse shift and trend run 6-8 points, not {runs}")
        if min(runs) < 2 or self.min_points < 2 or (self.baseline_points or 2) < 2:
            raise ValueError("limits and runs need at least 2 points")


def preset_settings(preset: Preset) -> SpcSettings:
    """Each preset's defaults, from the table in spc-rules.md."""
    if preset is Preset.PTD:
        return SpcSettings(Preset.PTD, 13, None, True, 7, 7)
    return SpcSettings(Preset.NHSE, 13, None, False, 6, 6)


DecidedOn = tuple[tuple[Month, Decimal | None], ...]
"""The indicator's values, month by month from the rebase's month, as the values file had them when the
rebase was recorded: None for a month without a value."""


@dataclass(frozen=True)
class Rebase:
    """A recalculation point: from ``month`` the indicator's limits are worked out afresh, for ``reason``."""

    ref: str
    month: Month
    reason: str
    line: int | None = None  # where the rebases file gives it, for messages
    decided_on: DecidedOn | None = None  # the data it was decided on; None: not recorded


@dataclass(frozen=True)
class RevisedFigure:
    """A month a rebase was decided on whose value has since changed (``now``) or gone (``now`` None)."""

    month: Month
    was: Decimal
    now: Decimal | None


@dataclass(frozen=True)
class Rebases:
    """Every rebase of the rebases file, in the file's order."""

    entries: tuple[Rebase, ...] = ()
    path: Path | None = None
    warnings: tuple[Problem, ...] = field(default=(), hash=False, compare=False)  # from reading it

    def of(self, ref: str) -> tuple[Rebase, ...]:
        """The indicator's rebases, oldest first."""
        return tuple(sorted((r for r in self.entries if r.ref == ref), key=lambda r: r.month))


NO_REBASES = Rebases()
