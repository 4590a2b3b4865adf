"""The appendix: one page per indicator, with its headline figures, chart, variances and benchmarks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from scorecard_report.format.derived import inputs_words, worked_words
from scorecard_report.format.display import format_value, label_with_year
from scorecard_report.format.spc import point_word
from scorecard_report.format.words import DASH, comparison_word, polarity_words
from scorecard_report.inputs.vocabulary import Direction
from scorecard_report.model.report import BenchmarkComparison, Report, Row, SectionReport
from scorecard_report.present.anchors import anchor
from scorecard_report.present.commentary import CommentaryView, commentary_view, placeholder_text
from scorecard_report.present.counts import counts_sentence
from scorecard_report.present.icons import Icon, assurance_icon, variation_icon
from scorecard_report.present.palette import Tone
from scorecard_report.present.pictures import ChartView, DrawnChart, chart_view
from scorecard_report.present.table import ValueCell, compared_with_text, current_cell, direction_cell


@dataclass(frozen=True)
class LabelledFigure:
    """A headline box: its label and figure; a change's arrow, word and tone; a scale's lines."""

    label: str
    text: str
    arrow: str = ""
    word: str = ""
    tone: Tone | None = None
    lines: tuple[str, ...] = ()  # shown one under another, instead of ``text``: a band scale
    icon: Icon | None = None  # before the text: a variation or assurance icon


@dataclass(frozen=True)
class BenchmarkLine:
    label: str
    value: str
    difference: str
    word: str
    note: str = ""  # "Too old": shown and compared, never counted


@dataclass(frozen=True)
class AppendixLabels:
    """The words every indicator page uses."""

    current: str = "Current"
    variances: str = "Variance from target"
    bands: str = "Performance bands"
    benchmarks: str = "Benchmarks"
    benchmark_columns: tuple[str, ...] = ("Comparator", "Value", "Ours minus theirs", "We are")
    commentary: str = "Commentary"
    description: str = "What it shows"


@dataclass(frozen=True)
class ChartTableRow:
    label: str  # the row's header: "Value", "Average"
    cells: tuple[str, ...]  # one per period, oldest first


@dataclass(frozen=True)
class ChartTable:
    """A chart's values as a table, one column per period it draws: what a screen reader (and anyone
    checking a point) reads instead of the picture."""

    caption: str
    periods: tuple[str, ...]
    rows: tuple[ChartTableRow, ...]


@dataclass(frozen=True)
class AppendixPage:
    anchor: str
    ref: str
    title: str
    heading: str  # "FD8 Screenings completed", where a format has one line for it
    section_line: str  # "Front Door · Jan 2023"
    current: ValueCell
    figures: tuple[LabelledFigure, ...]  # the headline boxes after the current value
    counts: str  # the numbers behind a percentage, in words, where the data gives them
    chart: ChartView | None
    variances: tuple[LabelledFigure, ...]  # by period, oldest first
    benchmarks: tuple[BenchmarkLine, ...]
    commentary: CommentaryView
    description: str
    data: ChartTable | None = None  # the chart's values, under the chart
    back_link: str = ""  # the anchor of the row in its section's table
    section_anchor: str = ""  # on the first page of each section: where the contents links to
    section_title: str = ""
    data_line: str = ""  # "Late †: Data to Aug 2026; Sep 2026 was due by Oct 2026. Source: …"
    # "Revised since the Sep 2026 edition: Jul 2026 was 93%, now 91%.", and any rebase to review
    revisions_line: str = ""
    computed: str = ""  # how a derived indicator's current figure was made; "" for one read from the data


@dataclass(frozen=True)
class AppendixView:
    anchor: str
    title: str
    labels: AppendixLabels
    pages: tuple[AppendixPage, ...]


LABELS = AppendixLabels()


def appendix_view(report: Report, large: Mapping[str, DrawnChart], final: bool) -> AppendixView | None:
    pages: list[AppendixPage] = []
    earlier = report.changes.earlier.period_text if report.changes is not None else ""
    for section in report.sections:
        shown = [
            appendix_page(row, section, large, final, earlier) for row in section.rows if row.in_appendix
        ]
        if shown:
            shown[0] = replace(shown[0], section_anchor=appendix_section_anchor(section.id))
        pages += shown
    return AppendixView("appendix", "Appendix: indicator pages", LABELS, tuple(pages)) if pages else None


def appendix_section_anchor(section_id: str) -> str:
    """Where the contents links to a section's first appendix page."""
    return anchor("appendix", section_id)


def appendix_page(
    row: Row, section: SectionReport, large: Mapping[str, DrawnChart], final: bool, earlier: str = ""
) -> AppendixPage:
    placeholder = placeholder_text(f"{row.ref} {row.title}", section.owner)
    chart = large.get(row.ref)
    return AppendixPage(
        anchor=anchor("indicator", row.ref),
        ref=row.ref,
        title=row.title,
        heading=f"{row.ref} {row.title}",
        section_line=f"{section.title} · {row.current.period_text}",
        current=current_cell(row),
        figures=_figures(row),
        counts=counts_sentence(row),
        computed=computed_line(row),
        chart=None if chart is None else _chart(row, chart),
        variances=tuple(LabelledFigure(f.period_text, f.variance_text or DASH) for f in row.chart_trend)
        if row.target
        else (),
        benchmarks=tuple(_benchmark(b) for b in row.benchmarks if b.value is not None),
        commentary=commentary_view(row.commentary, placeholder, final, row.commentary_check),
        description=row.description,
        data=chart_table(row) if chart is not None else None,
        back_link=anchor("row", row.ref),
        section_title=section.title,
        data_line=data_line(row),
        revisions_line=" ".join(
            (revisions_line(row, earlier), *(r.review_text for r in row.spc.rebases if r.review_text))
        ).strip(),
    )


def computed_line(row: Row) -> str:
    """``Computed by this tool from FD1 Contacts received. Sum of FD1 over the 12 months Nov 2025 to Oct
    2026 (15,760), divided by 52,100 (…) and multiplied by 10,000: 3,025.``: what the figure is made
    from, then the current period's working, so that it can be checked from the page. The rule in full
    is the summary CSV's ``how_computed``; the key lists the computed figures by kind."""
    if row.derived is None:
        return ""
    current = row.current
    worked = worked_words(row.derived, current.worked, (current.text, current.period_text), row.frequency)
    return f"Computed by this tool from {inputs_words(row.derived)}. {worked}".strip()


def data_line(row: Row) -> str:
    """How recent the data is and where it comes from: ``Late †: Data to Aug 2026; Sep 2026 was due by
    Oct 2026. Source: LCS extract; supplied by the MASH team.`` Nothing for data on time with no source
    or owner: the section line's period says it."""
    timeliness = row.timeliness
    parts = []
    if timeliness.flagged:
        parts.append(f"{timeliness.word} {timeliness.mark}: {timeliness.sentence}.")
    supplied = [
        text
        for text in (
            f"Source: {timeliness.source}" if timeliness.source else "",
            f"supplied by {timeliness.owner}" if timeliness.owner else "",
        )
        if text
    ]
    if supplied:
        if not timeliness.flagged:
            parts.append(f"{timeliness.sentence}.")
        joined = "; ".join(supplied)
        parts.append(f"{joined[0].upper()}{joined[1:]}.")
    return " ".join(parts)


def revisions_line(row: Row, earlier: str) -> str:
    """``Revised since the Sep 2026 edition: Jul 2026 was 93%, now 91%; Aug 2026 was 90%, now 89%.``"""
    if not row.revisions:
        return ""
    since = f"the {earlier} edition" if earlier else "the last edition"
    each = "; ".join(f"{r.period_text} was {r.was_text}, now {r.now_text}" for r in row.revisions)
    return f"Revised since {since}: {each}."


def _chart(row: Row, chart: DrawnChart) -> ChartView:
    """The caption names what the chart shows; the alt text describes it in full, and the table under
    it gives every value, so a screen reader hears each once."""
    return chart_view(row, chart, caption=chart_caption(row))


def chart_caption(row: Row) -> str:
    """``FD5 by month, Oct 2025 to Oct 2026, with the average and process limits: Improving; Hit or
    miss``: what kind of chart, over which periods, and its SPC words where it has them."""
    trend = row.chart_trend
    span = f"{trend[0].period_text} to {trend[-1].period_text}" if trend else ""
    by = {"monthly": "by month", "quarterly": "by quarter", "annual": "by year"}[row.frequency.value]
    xmr = any(point.centre is not None for point in row.spc.series)
    kind = ", with the average and process limits" if xmr else ""
    judged = f": {row.spc.variation_text}; {row.spc.assurance_text}" if row.spc.shown else ""
    return f"{row.ref} {by}, {span}{kind}{judged}"


EARLIER_VALUE = "Value in the last edition"


def chart_table(row: Row) -> ChartTable:
    """The values the chart draws, period by period: the value, its variance from target, and for an
    XmR chart the average, the process limits and each point's label."""
    trend = row.chart_trend
    periods = tuple(figure.period_text for figure in trend)
    rows = [ChartTableRow("Value", tuple(figure.text for figure in trend))]
    if row.revisions:
        earlier = {revision.period: revision.was_text for revision in row.revisions}
        rows.append(ChartTableRow(EARLIER_VALUE, tuple(earlier.get(f.period, DASH) for f in trend)))
    if row.target is not None:
        rows.append(ChartTableRow(LABELS.variances, tuple(f.variance_text or DASH for f in trend)))
    by_period = {point.period: point for point in row.spc.series}
    points = [by_period.get(figure.period) for figure in trend]
    if any(point is not None and point.centre is not None for point in points):

        def limit(value: Decimal | None) -> str:
            return format_value(value, row.unit, row.decimals, DASH) if value is not None else DASH

        rows += [
            ChartTableRow("Average", tuple(limit(p.centre if p else None) for p in points)),
            ChartTableRow("Lower process limit", tuple(limit(p.lower if p else None) for p in points)),
            ChartTableRow("Upper process limit", tuple(limit(p.upper if p else None) for p in points)),
            ChartTableRow("Point", tuple(point_word(p.point) if p else DASH for p in points)),
        ]
    caption = f"{row.ref} values by period" + (f"; target {row.target_text}" if row.target_text else "")
    return ChartTable(caption, periods, tuple(rows))


def _figures(row: Row) -> tuple[LabelledFigure, ...]:
    """Polarity, the target (or a banded indicator's scale), then every figure the arrow could be judged
    on and the change against the one it was: the comparator is always on the page."""
    lines = _full_scale(row)
    judged: tuple[LabelledFigure, ...] = ()
    if row.target is not None or not lines:
        judged += (
            LabelledFigure("Target", row.target_text or "No target"),
            LabelledFigure(LABELS.variances, row.current.variance_text or DASH),
        )
    if lines:
        judged += (LabelledFigure(LABELS.bands, "", lines=lines),)
    earlier: tuple[LabelledFigure, ...] = (
        LabelledFigure(f"Previous period ({row.previous_period.period_text})", row.previous_period.text),
        LabelledFigure(f"Previous year ({row.previous_year.period_text})", row.previous_year.text),
    )
    if row.previous_period.period == row.previous_year.period:  # an annual row's previous period
        earlier = earlier[1:]
    return (
        LabelledFigure("Polarity", polarity_words(row.polarity)),
        *judged,
        *earlier,
        _change(row),
        *_spc_figures(row),
    )


def _spc_figures(row: Row) -> tuple[LabelledFigure, ...]:
    """Variation (with the rule in words), assurance (against the number it was judged on) and, for a
    banded indicator, the band the process reliably reaches; nothing for a row without SPC."""
    spc = row.spc
    if not spc.shown:
        return ()
    variation = LabelledFigure(
        "Variation",
        spc.variation_text,
        word=spc.rule_text,
        icon=variation_icon(spc.variation, spc.variation_text),
    )
    against = f"against {spc.target_text}" if spc.target_text else ""
    assurance = LabelledFigure(
        "Assurance", spc.assurance_text, word=against, icon=assurance_icon(spc.assurance, spc.assurance_text)
    )
    capable = (LabelledFigure("Capable band", spc.capable_text),) if spc.capable_text else ()
    return (variation, assurance, *capable)


def _change(row: Row) -> LabelledFigure:
    """``Change vs Oct 2025``: the change the direction of travel was judged on, its arrow and word."""
    direction = direction_cell(row)
    label = f"Change {compared_with_text(row)}"
    if row.direction is Direction.NONE:
        return LabelledFigure(label, DASH)
    return LabelledFigure(label, row.change_text or DASH, direction.arrow, direction.word, direction.tone)


def _full_scale(row: Row) -> tuple[str, ...]:
    """The whole band scale, worst first, one line per band: ``Good: ≥ 85%``."""
    return () if row.band_scale is None else tuple(step.text for step in row.band_scale.steps)


def _benchmark(benchmark: BenchmarkComparison) -> BenchmarkLine:
    return BenchmarkLine(
        label_with_year(benchmark.source.label, benchmark.year),
        benchmark.text,
        benchmark.difference_text or DASH,
        comparison_word(benchmark.comparison),
        benchmark.too_old_text,
    )
