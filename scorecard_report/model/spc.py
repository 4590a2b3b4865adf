"""Each row's statistical process control: the rules of docs/spc-rules.md applied, and put in words."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.format.display import format_bound, format_value
from scorecard_report.format.periods import format_period
from scorecard_report.format.spc import (
    NOT_MONTHLY,
    SPC_OFF,
    assurance_word,
    capable_band_words,
    limits_words,
    no_value,
    noise_note,
    reading_words,
    rebase_review_words,
    rule_words,
    too_few_points,
    variation_side,
    variation_word,
)
from scorecard_report.format.words import judgement_word
from scorecard_report.inputs.catalogue import Catalogue, Indicator
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Assurance, PointKind, Preset, Rebase, Variation
from scorecard_report.inputs.targets import Band
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Judgement, RagStatus
from scorecard_report.model.precision import Precision
from scorecard_report.model.report import (
    Attention,
    Row,
    RowSpc,
    SectionReport,
    SpcCounts,
    SpcPoint,
    SpcRebase,
)
from scorecard_report.rules.rebase_review import revised_figures
from scorecard_report.rules.spc import (
    JudgedPoint,
    Limits,
    assurance,
    assurance_target,
    capable_band,
    judge_latest,
    judge_points,
    reading,
    run_length,
)


@dataclass(frozen=True)
class RowFacts:
    """What the SPC of a row needs from the rest of it: this month's status and arrow, and the months
    its trend shows."""

    status: RagStatus
    judgement: Judgement
    comparator: Comparator
    trend: tuple[Month, ...]


MonthText = Callable[[Month], str]


def row_spc(
    catalogue: Catalogue,
    indicator: Indicator,
    series: Mapping[Month, Decimal | None],
    period: Month,
    rebases: Sequence[Rebase],
    facts: RowFacts,
    precision: Precision,
) -> RowSpc:
    """The row's variation, assurance, reading and chart series for ``period``."""
    settings = catalogue.spc
    enabled = indicator.spc and indicator.frequency is Frequency.MONTHLY
    ordered = sorted(series.items())
    months = [rebase.month for rebase in rebases]
    points = judge_points(ordered, period, months, settings) if enabled else ()
    judged = judge_latest(points, period, indicator.polarity, settings)

    def text(value: Decimal) -> str:
        return format_value(value, indicator.unit, precision.decimals, "", precision.millions)

    def month_text(month: Month) -> str:
        return format_period(month, Frequency.MONTHLY, catalogue.calendar)

    shown = judged.variation is not Variation.NONE
    lim = judged.limits if shown else None
    target = assurance_target(indicator.target, indicator.polarity)
    assured = assurance(lim, target, indicator.polarity, settings.preset)
    rule = judged.rule if shown else None
    side = variation_side(judged.variation)
    latest = [point for point in points if points and point.segment == points[-1].segment]
    run = run_length([p.value for p in latest], rule, judged.limits.centre) if rule and judged.limits else 0
    run_start = latest[-run].month if rule and run > 1 else None
    rule_text = rule_words(rule, side, run) if rule and side else ""
    kind = reading(facts.status, judged.variation, assured)
    absent = "" if shown else _absent(indicator, points, period, rebases, settings.min_points, month_text)
    reliably, sometimes = capable_band(lim, indicator.bands, indicator.polarity, settings.preset)
    return RowSpc(
        variation=judged.variation,
        variation_text=variation_word(judged.variation),
        assurance=assured,
        assurance_text=assurance_word(assured),
        rule=rule,
        rule_text=rule_text,
        reading=kind.kind,
        reading_text=reading_words(kind.kind, rule_text, absent),
        attention=kind.attention,
        note=_noise_note(judged.variation, facts, period, month_text),
        centre=judged.limits.centre if judged.limits else None,
        lower=judged.limits.lower if judged.limits else None,
        upper=judged.limits.upper if judged.limits else None,
        limits_text=limits_words(text(lim.centre), text(lim.lower), text(lim.upper)) if lim else "",
        points=judged.points,
        run=run,
        run_start=run_start,
        run_start_text=month_text(run_start) if run_start else "",
        capable_band=reliably.label if reliably else None,
        capable_band_key=reliably.key if reliably else None,
        capable_text=_capable_text(lim, indicator, reliably, sometimes),
        target_text=format_bound(target, indicator.unit, millions=precision.millions)
        if target is not None and assured is not Assurance.NONE
        else "",
        preset=settings.preset,
        series=_series(points, facts.trend, series, period, month_text, indicator, settings.preset),
        rebases=tuple(_rebase(rebase, series, month_text) for rebase in rebases),
    )


def _rebase(rebase: Rebase, series: Mapping[Month, Decimal | None], month_text: MonthText) -> SpcRebase:
    """The rebase as the row shows it, with a sentence asking for a review when a month it was decided on
    has since been revised or withdrawn (the loader warns with the same sentence)."""
    revised = revised_figures(rebase.decided_on, series) if rebase.decided_on is not None else ()
    review = rebase_review_words(rebase.month, revised)
    return SpcRebase(rebase.month, month_text(rebase.month), rebase.reason, review)


def _capable_text(
    lim: Limits | None, indicator: Indicator, reliably: Band | None, sometimes: Sequence[Band]
) -> str:
    if lim is None or not indicator.bands:
        return ""
    labels = tuple(band.label for band in sometimes)
    return capable_band_words(reliably.label if reliably else None, labels, indicator.bands[0].label)


def _noise_note(variation: Variation, facts: RowFacts, period: Month, month_text: MonthText) -> str:
    """An arrow inside common cause is noise: say so where a reader would act on it."""
    moved = facts.judgement in (Judgement.IMPROVING, Judgement.DECLINING)
    if variation is not Variation.COMMON_CAUSE or not moved:
        return ""
    since = "last month" if facts.comparator is Comparator.PREVIOUS_PERIOD else month_text(period.plus(-12))
    return noise_note(judgement_word(facts.judgement), since)


def _absent(
    indicator: Indicator,
    points: Sequence[JudgedPoint],
    period: Month,
    rebases: Sequence[Rebase],
    needed: int,
    month_text: MonthText,
) -> str:
    """Why the row has no SPC."""
    if not indicator.spc:
        return SPC_OFF
    if indicator.frequency is not Frequency.MONTHLY:
        return NOT_MONTHLY
    if not points or points[-1].month != period:
        return no_value(month_text(period))
    count = sum(1 for point in points if point.segment == points[-1].segment)
    since = [rebase for rebase in rebases if rebase.month <= period]
    started = month_text(points[-count].month) if since and points[-1].segment > 0 else None
    return too_few_points(count, needed, started)


def _series(
    points: Sequence[JudgedPoint],
    trend: Sequence[Month],
    series: Mapping[Month, Decimal | None],
    period: Month,
    month_text: MonthText,
    indicator: Indicator,
    preset: Preset,
) -> tuple[SpcPoint, ...]:
    """The trend's months, each with its point's segment, limits and label (or a gap)."""
    by_month = {point.month: point for point in points}
    shown: list[SpcPoint] = []
    for month in trend:
        point = by_month.get(month)
        if point is None:
            value = series.get(month) if month <= period else None
            gap = SpcPoint(month, month_text(month), value, None, None, None, PointKind.NONE, None, None)
            shown.append(gap)
            continue
        lim = point.limits
        label, rule = point.label(indicator.polarity, preset)
        shown.append(
            SpcPoint(
                month,
                month_text(month),
                point.value,
                lim.centre if lim else None,
                lim.lower if lim else None,
                lim.upper if lim else None,
                PointKind.of(label),
                rule,
                point.segment,
            )
        )
    return tuple(shown)


def attention_list(sections: Sequence[SectionReport]) -> tuple[Attention, ...]:
    """Every row the reading table marks for attention, in the order of the report."""
    return tuple(
        Attention(
            row.ref,
            row.title,
            section.title,
            section.owner,
            row.spc.reading_text,
            row.status,
            row.spc.variation,
            row.spc.assurance,
        )
        for section in sections
        for row in section.rows
        if row.spc.attention
    )


def spc_counts(title: str, rows: Sequence[Row]) -> SpcCounts:
    """How many rows show each variation and each assurance."""
    variations = [row.spc.variation for row in rows]
    assured = [row.spc.assurance for row in rows]
    return SpcCounts(
        title=title,
        improvement=sum(1 for v in variations if v.is_improvement),
        concern=sum(1 for v in variations if v.is_concern),
        common_cause=variations.count(Variation.COMMON_CAUSE),
        neither=sum(1 for v in variations if v.is_neither),
        no_variation=variations.count(Variation.NONE),
        passing=assured.count(Assurance.PASS),
        failing=assured.count(Assurance.FAIL),
        hit_or_miss=assured.count(Assurance.HIT_OR_MISS),
        no_assurance=assured.count(Assurance.NONE),
    )
