"""Statistical process control (XmR, "Making Data Count"): limits, special causes, variation, assurance.

Pure and wordless, as docs/spc-rules.md says; two presets, ``nhse`` (default) and ``ptd``
(NHSRplotthedots 0.2.2). Values are Decimal like every other value in the project, so a point exactly
on the centre line or a target exactly on a limit is decided exactly, not by binary rounding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Assurance, Preset, ReadingKind, Rule, Side, SpcSettings, Variation
from scorecard_report.inputs.targets import Above, Band, Below, Range, SingleValue, Target, threshold
from scorecard_report.inputs.vocabulary import Polarity, RagStatus

LIMIT = Decimal("2.66")
SCREEN = Decimal("3.267")


PRIORITY = tuple(Rule)


@dataclass(frozen=True)
class Limits:
    centre: Decimal
    mean_moving_range: Decimal
    upper: Decimal  # UPL
    lower: Decimal  # LPL, never clipped at zero
    upper_two_sigma: Decimal
    lower_two_sigma: Decimal
    moving_ranges: tuple[Decimal, ...]  # inside the (baseline of the) segment, before screening
    kept: tuple[bool, ...]  # which moving ranges survived screening (all True when off)


def _mean(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def limits(values: Sequence[Decimal], settings: SpcSettings) -> Limits:
    """The limits of one segment (or of its first ``baseline_points``, applied to the whole segment)."""
    base = list(values[: settings.baseline_points] if settings.baseline_points else values)
    if len(base) < 2:
        raise ValueError("limits need at least 2 points")
    centre = _mean(base)
    ranges = tuple(abs(b - a) for a, b in pairwise(base))
    mr_bar = _mean(ranges)
    kept = tuple(True for _ in ranges)
    if settings.screen_moving_ranges:
        if settings.preset is Preset.PTD:
            kept = tuple(mr < SCREEN * mr_bar for mr in ranges)
        else:
            kept = tuple(mr <= SCREEN * mr_bar for mr in ranges)
            # the first point, and each point whose own moving range (from the point before) was kept
            centre = _mean([base[0], *(x for x, k in zip(base[1:], kept, strict=True) if k)])
        survivors = [mr for mr, k in zip(ranges, kept, strict=True) if k]
        mr_bar = _mean(survivors) if survivors else Decimal(0)
    width, close = LIMIT * mr_bar, 2 * LIMIT * mr_bar / 3
    return Limits(
        centre, mr_bar, centre + width, centre - width, centre + close, centre - close, ranges, kept
    )


@dataclass(frozen=True)
class Flag:
    rule: Rule
    side: Side


@dataclass(frozen=True)
class PointFlag:
    """The special-cause flags on one point, in rule priority order."""

    flags: tuple[Flag, ...] = ()

    def strongest(self, polarity: Polarity, preset: Preset) -> Flag | None:
        """The flag that labels the point: ptd (and any neutral indicator) by rule priority; nhse shows
        improvement over concern, then by priority."""
        if not self.flags:
            return None
        if preset is Preset.NHSE and polarity is not Polarity.NEUTRAL:
            good = Side.HIGH if polarity is Polarity.HIGH else Side.LOW
            return next((f for f in self.flags if f.side is good), self.flags[0])
        return self.flags[0]

    def label(self, polarity: Polarity, preset: Preset) -> Variation:
        flag = self.strongest(polarity, preset)
        if flag is None:
            return Variation.COMMON_CAUSE
        high = flag.side is Side.HIGH
        if polarity is Polarity.NEUTRAL:
            return Variation.NEITHER_HIGH if high else Variation.NEITHER_LOW
        if high == (polarity is Polarity.HIGH):
            return Variation.IMPROVEMENT_HIGH if high else Variation.IMPROVEMENT_LOW
        return Variation.CONCERN_HIGH if high else Variation.CONCERN_LOW


def _side(x: Decimal, centre: Decimal) -> int:
    return (x > centre) - (x < centre)


def _runs(keys: Sequence[int], length: int) -> list[tuple[int, int, int]]:
    """Maximal runs ``(start, stop, key)`` of equal non-zero keys at least ``length`` long."""
    found: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if keys[start] != 0 and i - start >= length:
                found.append((start, i, keys[start]))
            start = i
    return found


# One Flag per rule and side, made once.
_FLAG = {(rule, side): Flag(rule, side) for rule in Rule for side in Side}
_NO_FLAGS = PointFlag()


def special_causes(values: Sequence[Decimal], lim: Limits, settings: SpcSettings) -> tuple[PointFlag, ...]:
    """Every point's flags under the four rules, within one segment, in priority order.

    The rules are applied in that order, so each point's flags need no sorting: every rule but the
    trend flags a point on its own side of the centre only, and a point that ends one trend and starts
    the opposite one gets its high flag first.
    """
    n = len(values)
    flags: list[list[Flag]] = [[] for _ in range(n)]
    centre, upper, lower = lim.centre, lim.upper, lim.lower
    sides = [(x > centre) - (x < centre) for x in values]
    side_flag = {rule: {1: _FLAG[rule, Side.HIGH], -1: _FLAG[rule, Side.LOW]} for rule in Rule}
    outside = side_flag[Rule.OUTSIDE_LIMITS]
    for i, x in enumerate(values):
        if x > upper or x < lower:
            flags[i].append(outside[sides[i]])
    # steps[i] is how point i+1 moved from point i; a trend of k points is k-1 equal steps
    steps = [(b > a) - (b < a) for a, b in pairwise(values)]
    rising, falling = _FLAG[Rule.TREND, Side.HIGH], _FLAG[Rule.TREND, Side.LOW]
    for start, stop, key in _runs(steps, settings.trend_points - 1):
        for i in range(start, stop + 1):
            if key > 0 and flags[i] and flags[i][-1] is falling:
                flags[i].insert(len(flags[i]) - 1, rising)
            else:
                flags[i].append(rising if key > 0 else falling)
    if settings.preset is Preset.PTD:
        _one_trend_side(flags, steps, rising, falling)
    high, low = lim.upper_two_sigma, lim.lower_two_sigma
    close = [high < x <= upper or lower <= x < low for x in values]
    near = side_flag[Rule.TWO_OF_THREE]
    marked = [False] * n
    for i in range(n - 2):
        if (
            sides[i] != 0
            and sides[i] == sides[i + 1] == sides[i + 2]
            and close[i] + close[i + 1] + close[i + 2] >= 2
        ):
            for j in (i, i + 1, i + 2):
                if close[j] and not marked[j]:
                    marked[j] = True
                    flags[j].append(near[sides[i]])
    shifted = side_flag[Rule.SHIFT]
    for start, stop, key in _runs(sides, settings.shift_points):
        for i in range(start, stop):
            flags[i].append(shifted[key])
    return tuple(_point_flag(tuple(point)) for point in flags)


def _one_trend_side(flags: list[list[Flag]], steps: Sequence[int], rising: Flag, falling: Flag) -> None:
    """NHSRplotthedots' side for a point in a trend: the step to the next point where that point is in
    a trend too, else the step from the point before; a step that is not a rise counts as a fall (so a
    point ending one trend and starting the opposite takes the one it starts)."""
    n = len(flags)
    part = [rising in point or falling in point for point in flags]
    for i in range(n):
        if not part[i]:
            continue
        step = steps[i] if i + 1 < n and part[i + 1] else (steps[i - 1] if i > 0 else 0)
        side = rising if step > 0 else falling
        place = next(k for k, flag in enumerate(flags[i]) if flag in (rising, falling))
        flags[i] = [*flags[i][:place], side, *(f for f in flags[i][place:] if f not in (rising, falling))]


_POINT_FLAGS: dict[tuple[Flag, ...], PointFlag] = {(): _NO_FLAGS}


def _point_flag(flags: tuple[Flag, ...]) -> PointFlag:
    """One PointFlag per combination of flags, shared: a long series repeats a few combinations."""
    known = _POINT_FLAGS.get(flags)
    if known is None:
        known = _POINT_FLAGS[flags] = PointFlag(flags)
    return known


Series = Sequence[tuple[Month, Decimal | None]]


def segments(series: Series, rebase_months: Sequence[Month]) -> tuple[tuple[tuple[Month, Decimal], ...], ...]:
    """The series without its missing months, split at each rebase; a rebase at a month without a value
    starts its segment at the next month that has one."""
    points = [(m, v) for m, v in sorted(series, key=lambda p: p[0]) if v is not None]
    starts = {next((i for i, (m, _) in enumerate(points) if m >= r), len(points)) for r in rebase_months}
    cuts = sorted({0, len(points)} | starts)
    return tuple(tuple(points[a:b]) for a, b in pairwise(cuts) if b > a)


@dataclass(frozen=True, slots=True)
class JudgedPoint:
    """One point of the series with its segment's limits (None where the preset draws none: nhse below
    ``min_points``, ptd below 2) and its special-cause flags (none without limits)."""

    month: Month
    value: Decimal
    segment: int
    limits: Limits | None
    flags: PointFlag

    def label(self, polarity: Polarity, preset: Preset) -> tuple[Variation, Rule | None]:
        """``none`` without limits, else common cause or its strongest flag's label, with that rule."""
        if self.limits is None:
            return Variation.NONE, None
        strongest = self.flags.strongest(polarity, preset)
        return self.flags.label(polarity, preset), strongest.rule if strongest else None


def _segment_limits(values: Sequence[Decimal], settings: SpcSettings) -> Limits | None:
    fewest = 2 if settings.preset is Preset.PTD else settings.min_points
    return limits(values, settings) if len(values) >= max(fewest, 2) else None


def judge_points(
    series: Series, period: Month, rebase_months: Sequence[Month], settings: SpcSettings
) -> tuple[JudgedPoint, ...]:
    """Every point up to ``period``, each flagged within its own segment."""
    judged: list[JudgedPoint] = []
    for number, part in enumerate(segments([(m, v) for m, v in series if m <= period], rebase_months)):
        values = [v for _, v in part]
        lim = _segment_limits(values, settings)
        flags = special_causes(values, lim, settings) if lim else (_NO_FLAGS,) * len(values)
        judged += (
            JudgedPoint(month, value, number, lim, flag)
            for (month, value), flag in zip(part, flags, strict=True)
        )
    return tuple(judged)


@dataclass(frozen=True)
class Judged:
    """The judgement of the latest point of the latest segment: its variation, the rule that named it
    (None for common cause or none), the segment's limits (None when too few points) and its size."""

    variation: Variation
    rule: Rule | None = None
    limits: Limits | None = None
    points: int = 0


def judge_latest(
    points: Sequence[JudgedPoint], period: Month, polarity: Polarity, settings: SpcSettings
) -> Judged:
    """The judgement of ``period`` from :func:`judge_points`' points."""
    if not points or points[-1].month != period:
        return Judged(Variation.NONE)
    last = points[-1]
    size = sum(1 for point in points if point.segment == last.segment)
    if size < settings.min_points:
        return Judged(Variation.NONE, limits=last.limits, points=size)
    variation, rule = last.label(polarity, settings.preset)
    return Judged(variation, rule, last.limits, size)


def judge(
    series: Series,
    period: Month,
    rebase_months: Sequence[Month],
    polarity: Polarity,
    settings: SpcSettings,
    enabled: bool = True,
) -> Judged:
    """``enabled`` is False for SPC off or a non-monthly indicator. Values after ``period`` are ignored."""
    points = judge_points(series, period, rebase_months, settings) if enabled else ()
    return judge_latest(points, period, polarity, settings)


def run_length(values: Sequence[Decimal], rule: Rule, centre: Decimal) -> int:
    """How many points, ending with the last, make the run that ``rule`` flagged: consecutive points on
    the last point's side of the centre for a shift, consecutive rises (or falls) for a trend; 1 else."""
    if rule is Rule.SHIFT:
        side = _side(values[-1], centre)
        count = 0
        for x in reversed(values):
            if _side(x, centre) != side:
                break
            count += 1
        return count
    if rule is Rule.TREND:
        steps = [_side(b, a) for a, b in pairwise(values)]
        count = 1
        for step in reversed(steps):
            if step != steps[-1] or step == 0:
                break
            count += 1
        return count
    return 1


def variation(
    series: Series,
    period: Month,
    rebase_months: Sequence[Month],
    polarity: Polarity,
    settings: SpcSettings,
    enabled: bool = True,
) -> Variation:
    return judge(series, period, rebase_months, polarity, settings, enabled).variation


def assurance(lim: Limits | None, target: Decimal | None, polarity: Polarity, preset: Preset) -> Assurance:
    """Will the process reliably meet ``target``? nhse counts a target on a limit as pass or fail; ptd
    counts it as hit or miss."""
    if lim is None or target is None or polarity is Polarity.NEUTRAL:
        return Assurance.NONE
    inclusive = preset is Preset.NHSE
    above_upper = target >= lim.upper if inclusive else target > lim.upper
    below_lower = target <= lim.lower if inclusive else target < lim.lower
    increase = polarity is Polarity.HIGH
    if above_upper:
        return Assurance.FAIL if increase else Assurance.PASS
    if below_lower:
        return Assurance.PASS if increase else Assurance.FAIL
    return Assurance.HIT_OR_MISS


def assurance_target(target: Target | None, polarity: Polarity) -> Decimal | None:
    """The number the indicator must reach: a range's bound that must not be fallen past."""
    if polarity is Polarity.NEUTRAL:
        return None
    match target:
        case SingleValue(value=value):
            return value
        case Above(bound=bound) | Below(bound=bound):
            return bound
        case Range(low=low, high=high):
            return low if polarity is Polarity.HIGH else high
    return None


def capable_band(
    lim: Limits | None, bands: Sequence[Band], polarity: Polarity, preset: Preset = Preset.NHSE
) -> tuple[Band | None, tuple[Band, ...]]:
    """The best band (bands run worst to best) the process reliably reaches, and the better bands it
    reaches only some months."""
    reliably: Band | None = None
    sometimes: list[Band] = []
    for band in bands:
        judged = assurance(lim, threshold(band.threshold, polarity), polarity, preset)
        if judged is Assurance.PASS:
            reliably, sometimes = band, []
        elif judged is Assurance.HIT_OR_MISS:
            sometimes.append(band)
    return reliably, tuple(sometimes)


@dataclass(frozen=True)
class Reading:
    kind: ReadingKind
    attention: bool = False


def reading(status: RagStatus, var: Variation, assured: Assurance) -> Reading:
    """The row's reading by the table in spc-rules.md, first match wins. Where that table is silent (a
    neutral indicator's ``neither_*``; common cause judged against a target with no RAG status this
    month) the last three rows are the project's own, as docs/spc.md says."""
    missed = status in (RagStatus.RED, RagStatus.AMBER)
    met = status is RagStatus.GREEN
    common = var is Variation.COMMON_CAUSE
    miss_or_hit = assured in (Assurance.FAIL, Assurance.HIT_OR_MISS)
    rows = (
        (var.is_concern, ReadingKind.GETTING_WORSE, True),
        (missed and common and assured is Assurance.FAIL, ReadingKind.WILL_NOT_MEET, True),
        (met and common and assured is Assurance.FAIL, ReadingKind.MET_BUT_USUALLY_MISS, True),
        (met and common and assured is Assurance.HIT_OR_MISS, ReadingKind.MET_SOME_MONTHS_MISS, False),
        (missed and common and assured is Assurance.HIT_OR_MISS, ReadingKind.MISSED_WITHIN_NORMAL, False),
        (var.is_improvement and miss_or_hit, ReadingKind.IMPROVING_NOT_YET_RELIABLE, False),
        (var.is_improvement and not miss_or_hit, ReadingKind.IMPROVING, False),
        (common and assured is Assurance.PASS, ReadingKind.RELIABLY_MEETING, False),
        (common and assured is Assurance.NONE, ReadingKind.NO_SIGNIFICANT_CHANGE, False),
        (var is Variation.NONE, ReadingKind.NO_SPC, False),
        (var.is_neither, ReadingKind.UNUSUAL, False),
        (common and assured is Assurance.FAIL, ReadingKind.WILL_USUALLY_MISS, True),
        (common and assured is Assurance.HIT_OR_MISS, ReadingKind.SOME_MONTHS, False),
    )
    return next(Reading(kind, attention) for matched, kind, attention in rows if matched)
