"""A chart's alt text: what it shows in the report's own words, judged as the row's direction of travel;
for an XmR chart, its limits, special causes and rebases too (docs/spc-rules.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from scorecard_report.format.display import format_count, format_value, label_with_year
from scorecard_report.format.periods import period_noun
from scorecard_report.format.spc import limits_words
from scorecard_report.format.words import moved_word
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import PointKind, Rule, Side
from scorecard_report.inputs.vocabulary import Direction, Frequency, Polarity, RagStatus
from scorecard_report.model.report import BenchmarkComparison, Row, SpcPoint, SpcRebase


def alt_text(row: Row, xmr: bool = False) -> str:
    """What the chart shows, in the report's own words and numbers: the latest change, the target and
    benchmark, and the trend's span; for an XmR chart (``xmr``, see ``charted_spc``) the whole picture:
    each segment's limits, the special causes by kind and rule, each rebase and its reason, the latest
    value against the target, and the variation and assurance. Last, the values revised since the
    edition compared with, which the chart rings."""
    return " ".join(text for text in (_picture_text(row, xmr), revisions_text(row)) if text)


def revisions_text(row: Row) -> str:
    """ "2 values revised since the last edition: Jul 2026, was 93%, now 91%; Aug 2026, was 90%, now
    89%." Every revision of the row, oldest first; "" for none."""
    if not row.revisions:
        return ""
    count = len(row.revisions)
    each = "; ".join(f"{r.period_text}, was {r.was_text}, now {r.now_text}" for r in row.revisions)
    return f"{format_count(count)} value{'' if count == 1 else 's'} revised since the last edition: {each}."


def _picture_text(row: Row, xmr: bool) -> str:
    span = _span_text(row)
    if all(figure.missing for figure in row.trend):
        return f"{row.ref}: no values in the {span}{_context_text(row)}."
    if xmr and charted_spc(row):
        return " ".join((f"{_latest_text(row)}{_context_text(row)}.", *_xmr_sentences(row, span)))
    return f"{_latest_text(row)}{_context_text(row)}. Trend of {span}{_missing_text(row)}{_shape_text(row)}."


def _shape_text(row: Row) -> str:
    """The whole trend, not just its last two points: its lowest and highest, and where it started
    when that was neither."""
    shown = [figure for figure in row.chart_trend if figure.shown is not None]
    if len(shown) < 3:
        return ""
    first = shown[0]
    low = min(shown, key=lambda figure: figure.shown or 0)
    high = max(shown, key=lambda figure: figure.shown or 0)
    start = [] if first in (low, high) else [f"starting at {first.text} in {first.period_text}"]
    parts = [*start, f"lowest {low.text} in {low.period_text}", f"highest {high.text} in {high.period_text}"]
    return ": " + ", ".join(parts)


def _latest_text(row: Row) -> str:
    # The change is the row's own direction of travel, against its own comparator: the alt text never
    # says "rose" where the table's arrow says down.
    current, before = row.current, row.compared_with
    if current.shown is None:
        last = next(figure for figure in reversed(row.trend) if not figure.missing)
        return (
            f"{row.ref}: no value for {current.period_text} ({current.text});"
            f" last value {last.text} in {last.period_text}"
        )
    if row.direction is Direction.NONE:
        return (
            f"{row.ref} was {current.text} in {current.period_text}, with no value for {before.period_text}"
        )
    if row.direction is Direction.SAME:
        stayed = moved_word(Direction.SAME)
        return f"{row.ref} {stayed} at {current.text} in {before.period_text} and {current.period_text}"
    moved = moved_word(row.direction)
    if current.text == before.text:  # £1.4m both times: the change is below the shown precision
        return (
            f"{row.ref} {moved} slightly from {before.period_text} to {current.period_text}, {current.text}"
        )
    return (
        f"{row.ref} {moved} from {before.text} in {before.period_text}"
        f" to {current.text} in {current.period_text}"
    )


def _context_text(row: Row) -> str:
    parts = [f"target {row.target_text}"] if row.target_text else []
    benchmark = charted_benchmark(row)
    if benchmark is not None:
        parts.append(f"{benchmark_label(benchmark)} {benchmark.text}")
    return "".join(f"; {part}" for part in parts)


def _span_text(row: Row) -> str:
    count = len(row.chart_trend)
    if count == 1:
        return f"1 {period_noun(row.frequency, plural=False)}, {row.chart_trend[0].period_text}"
    return (
        f"{format_count(count)} {period_noun(row.frequency, plural=count != 1)}"
        f" from {row.chart_trend[0].period_text} to {row.chart_trend[-1].period_text}"
    )


def _missing_text(row: Row) -> str:
    missing = _missing_count(row)
    return f", {format_count(missing)} of them without a value" if missing else ""


def _missing_count(row: Row) -> int:
    return sum(figure.missing for figure in row.chart_trend)


def charted_benchmark(row: Row) -> BenchmarkComparison | None:
    """The benchmark the chart draws and its alt text names: the first one with a value."""
    return next((benchmark for benchmark in row.benchmarks if benchmark.value is not None), None)


def benchmark_label(benchmark: BenchmarkComparison) -> str:
    return label_with_year(benchmark.source.label, benchmark.year)


# ---------------------------------------------------------------- the XmR chart: what it draws and says


@dataclass(frozen=True)
class SpcSegment:
    """A stretch of the XmR chart between rebases: its first and last months (as positions along
    ``Row.chart_trend``), its limits (None where it has too few points for them) and the rebase that
    began it (None for the indicator's first segment). ``marked``: the rebase is within the chart, drawn
    where the segment begins; the first segment's began before the charted months, or at the first."""

    first: int
    last: int
    centre: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    rebase: SpcRebase | None
    marked: bool = False


def charted_spc(row: Row) -> bool:
    """Whether the row's trend is an XmR chart: a monthly series, month for month the charted trend's,
    with process limits for at least one point."""
    series = row.spc.series
    return (
        row.frequency is Frequency.MONTHLY
        and [point.period for point in series] == [figure.period for figure in row.chart_trend]
        and any(point.upper is not None for point in series)
    )


def spc_segments(row: Row) -> tuple[SpcSegment, ...]:
    """The charted months grouped by segment, oldest first; a month without a value belongs to none."""
    runs: list[tuple[int, int, SpcPoint]] = []  # (first, last, the first point with limits, else first)
    for index, point in enumerate(row.spc.series):
        if point.segment is None:
            continue
        if runs and runs[-1][2].segment == point.segment:
            first, _last, held = runs[-1]
            runs[-1] = (first, index, point if held.centre is None else held)
        else:
            runs.append((index, index, point))
    segments = []
    for number, (first, last, point) in enumerate(runs):
        start = row.spc.series[first].period
        if number:
            after = row.spc.series[runs[number - 1][1]].period
            rebase = _rebase_between(row.spc.rebases, after, start)
        else:  # the segment the chart opens in: begun by a rebase, unless it is the indicator's first
            rebase = _rebase_between(row.spc.rebases, None, start) if point.segment else None
        segments.append(
            SpcSegment(first, last, point.centre, point.lower, point.upper, rebase, bool(number and rebase))
        )
    return tuple(segments)


def _rebase_between(rebases: Sequence[SpcRebase], after: Month | None, until: Month) -> SpcRebase | None:
    """The latest rebase after the month ``after`` (if any) and not after ``until``: the one that began
    a segment at ``until`` (a rebase at a month without a value starts the segment at the next value)."""
    found = [r for r in rebases if (after is None or after < r.period) and r.period <= until]
    return found[-1] if found else None


def _xmr_sentences(row: Row, span: str) -> list[str]:
    """The XmR chart's picture: its limits by segment, its special causes, where this month stands and
    the process's variation and assurance."""
    sentences = (
        _limits_text(row, span),
        _special_causes_text(row),
        _against_target_text(row),
        _judged_text(row),
    )
    return [sentence for sentence in sentences if sentence]


def _limits_text(row: Row, span: str) -> str:
    """The span and its limits; with rebases, each segment's limits in turn, with the month and reason
    of the rebase that began it."""
    segments = spc_segments(row)
    head = f"XmR chart of {span}{_missing_text(row)}"
    if len(segments) == 1:
        (segment,) = segments
        limits = _segment_limits(row, segment, latest=True)
        if segment.rebase is None:
            return f"{head}: {limits}."
        return f"{head}, its limits worked out afresh from {_rebased(segment.rebase)}: {limits}."
    parts = []
    for number, segment in enumerate(segments):
        limits = _segment_limits(row, segment, latest=number == len(segments) - 1)
        if segment.marked and segment.rebase is not None:
            since = row.spc.series[segment.first].period_text
            parts.append(f"from {since} (rebased: {_reason(segment.rebase)}), {limits}")
        else:
            earlier = f" with limits from {_rebased(segment.rebase)}," if segment.rebase else ""
            parts.append(f"until {row.spc.series[segment.last].period_text},{earlier} {limits}")
    return f"{head}, its limits worked out afresh at each rebase: " + "; ".join(parts) + "."


def _rebased(rebase: SpcRebase) -> str:
    """ "Jun 2025 (rebased: MASH duty rota changed)": a rebase before the chart's months."""
    return f"{rebase.period_text} (rebased: {_reason(rebase)})"


def _reason(rebase: SpcRebase) -> str:
    """The rebase's reason, whole, as a clause within the sentence: without a closing full stop."""
    return rebase.reason.strip().rstrip(".")


def _segment_limits(row: Row, segment: SpcSegment, latest: bool) -> str:
    if latest and row.spc.limits_text:
        return row.spc.limits_text
    if segment.centre is None or segment.lower is None or segment.upper is None:
        months = segment.last - segment.first + 1
        return f"too few months yet for limits ({format_count(months)})"

    def text(value: Decimal) -> str:
        return format_value(value, row.unit, row.decimals, "")

    return limits_words(text(segment.centre), text(segment.lower), text(segment.upper))


_KIND_WORDS = {  # (one month, several)
    PointKind.IMPROVEMENT: ("shows improvement", "show improvement"),
    PointKind.CONCERN: ("shows concern", "show concern"),
    PointKind.NEITHER_HIGH: ("is unusually high", "are unusually high"),
    PointKind.NEITHER_LOW: ("is unusually low", "are unusually low"),
}
_RULE_WORDS = {
    (Rule.OUTSIDE_LIMITS, Side.HIGH): "beyond the upper limit",
    (Rule.OUTSIDE_LIMITS, Side.LOW): "beyond the lower limit",
    (Rule.SHIFT, Side.HIGH): "in a run above the average",
    (Rule.SHIFT, Side.LOW): "in a run below the average",
    (Rule.TREND, Side.HIGH): "in a rising run",
    (Rule.TREND, Side.LOW): "in a falling run",
    (Rule.TWO_OF_THREE, Side.HIGH): "near the upper limit",
    (Rule.TWO_OF_THREE, Side.LOW): "near the lower limit",
}


def point_side(point: SpcPoint, polarity: Polarity) -> Side | None:
    """Which side of the average a special cause lies (a rising trend is high); None for the rest."""
    if point.point is PointKind.NEITHER_HIGH:
        return Side.HIGH
    if point.point is PointKind.NEITHER_LOW:
        return Side.LOW
    if point.point not in (PointKind.IMPROVEMENT, PointKind.CONCERN):
        return None
    higher_is_better = polarity is Polarity.HIGH
    return Side.HIGH if (point.point is PointKind.IMPROVEMENT) == higher_is_better else Side.LOW


Group = tuple[PointKind, Rule | None, Side | None]


def _special_causes_text(row: Row) -> str:
    """How many months are special causes, grouped by kind, then rule and side, each with its months:
    "3 of the 13 months are special causes: 2 of improvement beyond the upper limit, in …"."""
    valued = [(index, point) for index, point in enumerate(row.spc.series) if point.value is not None]
    whole = f"the {format_count(len(valued))} months" + (" with a value" if _missing_count(row) else "")
    groups: dict[Group, list[int]] = {}
    for index, point in valued:
        if point.point in _KIND_WORDS:
            groups.setdefault((point.point, point.rule, point_side(point, row.polarity)), []).append(index)
    if not groups:
        judged = sum(point.point is PointKind.COMMON_CAUSE for _index, point in valued)
        some = "all" if judged == len(valued) else f"{format_count(judged)} of"
        return f"No month is a special cause: {some} {whole.removeprefix('the ')} are common cause."
    parts = []
    for (kind, rule, side), indices in sorted(groups.items(), key=lambda item: _group_order(item[0])):
        where = _RULE_WORDS.get((rule, side), "") if rule is not None and side is not None else ""
        shows = _KIND_WORDS[kind][len(indices) > 1]
        when = _months_text(row, indices)
        parts.append(f"{format_count(len(indices))} {shows}, {f'{where} {when}' if where else when}")
    special = sum(len(indices) for indices in groups.values())
    verb = "is a special cause" if special == 1 else "are special causes"
    return f"{_some_of(special, len(valued), whole)} {verb}: " + "; ".join(parts) + "."


def _some_of(count: int, total: int, whole: str) -> str:
    """ "3 of the 13 months", "All 13 months"."""
    if count == total and total > 1:
        return f"All {whole.removeprefix('the ')}"
    return f"{format_count(count)} of {whole}"


def _group_order(group: Group) -> tuple[int, int, int]:
    kind, rule, side = group
    rules = list(Rule)
    return list(_KIND_WORDS).index(kind), rules.index(rule) if rule else len(rules), side is Side.LOW


def _months_text(row: Row, indices: Sequence[int]) -> str:
    """ "in Jun 2026"; "from Apr 2026 to Sep 2026" for every month between; else "between … and …"."""
    first, last = (row.spc.series[index].period_text for index in (indices[0], indices[-1]))
    if len(indices) == 1:
        return f"in {first}"
    if all(later - earlier == 1 for earlier, later in pairwise(indices)):
        return f"from {first} to {last}"
    return f"at times between {first} and {last}"


_AGAINST_TARGET = {
    RagStatus.GREEN: "meets the target of {target}",
    RagStatus.AMBER: "misses the target of {target}, though within its tolerance",
    RagStatus.RED: "misses the target of {target}",
}


def _against_target_text(row: Row) -> str:
    """ "The latest value, 84% in Oct 2026, meets the target ≥ 80%", and its band where it has one."""
    current = row.current
    if current.shown is None:
        return ""
    parts = []
    if row.target is not None and row.status in _AGAINST_TARGET:
        parts.append(_AGAINST_TARGET[row.status].format(target=row.target_text))
    if row.band:
        parts.append(f"is in the {row.band} band")
    if not parts:
        return ""
    return f"The latest value, {current.text} in {current.period_text}, " + " and ".join(parts) + "."


def _judged_text(row: Row) -> str:
    """ "Variation: Improving, 6 months above the average; assurance: Hit or miss." """
    spc = row.spc
    if not spc.shown:
        why = "it has no value" if row.current.shown is None else "too few months since the rebase"
        return f"No variation or assurance is judged for {row.current.period_text}: {why}."
    variation = f"{spc.variation_text}, {spc.rule_text}" if spc.rule_text else spc.variation_text
    assurance = f"{spc.assurance_text}, {spc.capable_text}" if spc.capable_text else spc.assurance_text
    return f"Variation: {variation}; assurance: {assurance}."
