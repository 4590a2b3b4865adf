"""Build the report model: apply every rule to every indicator for the report period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from scorecard_report.format.bands import band_scale_lines
from scorecard_report.format.display import (
    DEFAULT_BAND_LABELS,
    format_change,
    format_target,
    format_value,
)
from scorecard_report.format.periods import format_period, quarter_heading, report_period_text
from scorecard_report.format.timeliness import TIMELINESS_KEY, benchmark_age_key
from scorecard_report.inputs.benchmarks import BenchmarkTable
from scorecard_report.inputs.catalogue import BenchmarkSource, Catalogue, Indicator
from scorecard_report.inputs.commentary import NO_COMMENTARY, Commentary
from scorecard_report.inputs.derived import DerivedFrom, Worked
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import NO_REBASES, Rebase, Rebases
from scorecard_report.inputs.targets import Above, Below, threshold
from scorecard_report.inputs.values import NO_RATIO, Ratio, ValueTable
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Judgement
from scorecard_report.model.commentary_check import commentary_check, shown_figures
from scorecard_report.model.precision import Compared, Precision, display_precision
from scorecard_report.model.report import (
    BandScale,
    BandStep,
    BenchmarkComparison,
    Figure,
    QuarterFigure,
    Report,
    Row,
    SectionReport,
)
from scorecard_report.model.spc import RowFacts, attention_list, row_spc, spc_counts
from scorecard_report.model.summary import band_order, largest_movers, status_counts
from scorecard_report.model.timeliness import benchmark_age_fields, data_notes, row_timeliness
from scorecard_report.rules.bands import BELOW_BANDS_KEY, performance_band, performance_band_key
from scorecard_report.rules.benchmarks import compare_with_benchmark
from scorecard_report.rules.direction import direction_of_travel, judgement
from scorecard_report.rules.numbers import round_half_away
from scorecard_report.rules.selection import (
    current_period,
    previous_period,
    previous_year,
    trend_periods,
    value_at,
)
from scorecard_report.rules.targets import rag_status, variance_from_target

Series = Mapping[Month, Decimal | None]


def build_report(
    catalogue: Catalogue,
    values: ValueTable,
    period: Month,
    benchmarks: BenchmarkTable | None = None,
    commentary: Commentary = NO_COMMENTARY,
    rebases: Rebases = NO_REBASES,
) -> Report:
    """The report for ``period``: every indicator's figures, judgements and their display text."""
    sections = tuple(
        SectionReport(
            section.id,
            section.title,
            section.owner,
            tuple(
                _row(
                    catalogue,
                    indicator,
                    values.series(indicator.ref),
                    period,
                    benchmarks,
                    commentary,
                    values.ratios(indicator.ref),
                    rebases.of(indicator.ref),
                    values.worked(indicator.ref),
                )
                for indicator in section.indicators
            ),
            commentary.section(section.id),
        )
        for section in catalogue.sections
    )
    all_rows = [row for section in sections for row in section.rows]
    bands = band_order(all_rows, catalogue.below_bands)
    return Report(
        title=catalogue.title,
        organisation=catalogue.organisation,
        name=catalogue.name,
        period=period,
        period_text=report_period_text(period, catalogue.report.layout, catalogue.calendar),
        missing_label=catalogue.missing_label,
        below_bands=catalogue.below_bands,
        benchmarks=catalogue.benchmarks,
        sections=sections,
        settings=catalogue.report,
        commentary=commentary.report,
        summary=tuple(status_counts(section.title, section.rows, bands) for section in sections),
        total=status_counts("All sections", all_rows, bands),
        improvements=largest_movers(sections, Judgement.IMPROVING),
        deteriorations=largest_movers(sections, Judgement.DECLINING),
        fields=catalogue.fields,
        year_label=format_period(period, Frequency.ANNUAL, catalogue.calendar),
        source=catalogue.path,
        attention=attention_list(sections),
        spc_summary=tuple(spc_counts(section.title, section.rows) for section in sections),
        spc_total=spc_counts("All sections", all_rows),
        spc_settings=catalogue.spc,
        data_notes=data_notes(sections),
        timeliness_key=TIMELINESS_KEY,
        benchmark_max_age=catalogue.benchmark_max_age,
        benchmark_age_key=benchmark_age_key(catalogue.benchmark_max_age),
    )


def _figure(
    catalogue: Catalogue,
    indicator: Indicator,
    series: Series,
    month: Month,
    report: Month,
    precision: Precision | None = None,
) -> Figure:
    value, shown = _value_and_shown(indicator, series, month, report)
    variance = variance_from_target(indicator.target, shown)
    written = precision or Precision(indicator.decimals)
    return Figure(
        period=month,
        period_text=format_period(month, indicator.frequency, catalogue.calendar),
        value=value,
        text=format_value(value, indicator.unit, written.decimals, catalogue.missing_label, written.millions),
        shown=shown,
        variance=variance,
        variance_text=format_change(variance, indicator.unit, written.decimals, written.millions),
    )


def _value_and_shown(
    indicator: Indicator, series: Series, month: Month, report: Month
) -> tuple[Decimal | None, Decimal | None]:
    """The value at ``month`` and that value rounded to display decimals, as every judgement takes it."""
    value = value_at(series, month, report)
    return value, round_half_away(value, indicator.decimals) if value is not None else None


def _precision(
    catalogue: Catalogue,
    indicator: Indicator,
    series: Series,
    report: Month,
    current_month: Month,
    benchmark_table: BenchmarkTable | None,
) -> Precision:
    """How precisely the row is written: enough that every two numbers a judgement tells apart (current
    against the target's bounds and the band thresholds for RAG and band, against the comparator for the
    arrow, against each benchmark; each quarter against the band thresholds) read differently."""
    polarity = indicator.polarity
    thresholds = [
        bound for band in indicator.bands if (bound := threshold(band.threshold, polarity)) is not None
    ]
    comparisons: list[Compared] = []

    def against_bounds(value: Decimal | None, shown: Decimal | None, bounds: list[Decimal]) -> None:
        if value is not None and shown is not None:
            comparisons.extend(Compared(value, bound, shown != bound, is_bound=True) for bound in bounds)

    def against_value(value: Decimal | None, shown: Decimal | None, other: Decimal | None) -> None:
        if value is not None and shown is not None and other is not None:
            comparisons.append(Compared(value, other, shown != round_half_away(other, indicator.decimals)))

    value, shown = _value_and_shown(indicator, series, current_month, report)
    against_bounds(value, shown, [*(indicator.target.bounds if indicator.target else ()), *thresholds])
    comparator_month = (
        previous_period(indicator.frequency, current_month)
        if indicator.comparator is Comparator.PREVIOUS_PERIOD
        else previous_year(current_month)
    )
    against_value(value, shown, _value_and_shown(indicator, series, comparator_month, report)[0])
    for source in catalogue.benchmarks:
        against_value(value, shown, _benchmark_value(indicator, source, benchmark_table)[0])
    if thresholds:
        for end in _quarter_ends(catalogue, report):
            against_bounds(*_value_and_shown(indicator, series, end, report), thresholds)
    return display_precision(indicator.unit, indicator.decimals, comparisons)


def _row(
    catalogue: Catalogue,
    indicator: Indicator,
    series: Series,
    report: Month,
    benchmark_table: BenchmarkTable | None,
    commentary: Commentary,
    ratios: Mapping[Month, Ratio] | None = None,
    rebases: Sequence[Rebase] = (),
    worked: Mapping[Month, Worked] | None = None,
) -> Row:
    current_month = current_period(indicator.frequency, report, catalogue.calendar)
    precision = _precision(catalogue, indicator, series, report, current_month, benchmark_table)
    figures: dict[Month, Figure] = {}  # the trend repeats current and previous: work each out once

    def figure(month: Month) -> Figure:
        if month not in figures:
            numerator, denominator = (ratios or {}).get(month, NO_RATIO) if month <= report else NO_RATIO
            figures[month] = replace(
                _figure(catalogue, indicator, series, month, report, precision),
                numerator=numerator,
                denominator=denominator,
                worked=(worked or {}).get(month) if month <= report else None,
            )
        return figures[month]

    current = figure(current_month)
    previous = figure(previous_period(indicator.frequency, current_month))
    last_year = figure(previous_year(current_month))
    comparator = previous if indicator.comparator is Comparator.PREVIOUS_PERIOD else last_year
    direction = direction_of_travel(current.shown, comparator.shown)
    change = (
        current.shown - comparator.shown
        if current.shown is not None and comparator.shown is not None
        else None
    )
    status = rag_status(indicator.target, current.shown, indicator.polarity, indicator.tolerance)
    judged = judgement(direction, indicator.polarity)
    months = trend_periods(indicator.frequency, current_month, catalogue.trend_length)
    facts = RowFacts(status, judged, indicator.comparator, months)
    return Row(
        ref=indicator.ref,
        title=indicator.title,
        description=indicator.description,
        unit=indicator.unit,
        unit_label=indicator.unit_label,
        decimals=indicator.decimals,
        polarity=indicator.polarity,
        frequency=indicator.frequency,
        highlight=indicator.highlight,
        current=current,
        previous_period=previous,
        previous_year=last_year,
        target=indicator.target,
        target_text=format_target(
            indicator.target, indicator.unit, indicator.polarity, millions=precision.millions
        ),
        status=status,
        band=performance_band(indicator.bands, current.shown, indicator.polarity, catalogue.below_bands),
        band_key=performance_band_key(indicator.bands, current.shown, indicator.polarity),
        comparator=indicator.comparator,
        direction=direction,
        judgement=judged,
        change_text=format_change(change, indicator.unit, precision.decimals, precision.millions),
        benchmarks=_benchmarks(catalogue, indicator, current, benchmark_table, precision),
        trend=tuple(figure(month) for month in months),
        timeliness=row_timeliness(catalogue, indicator, series, report),
        in_appendix=catalogue.report.in_appendix(indicator.ref, indicator.highlight),
        commentary=commentary.indicator(indicator.ref),
        group=indicator.group,
        fields=indicator.fields,
        bands=tuple(
            (band.key, band.label, format_target(band.threshold, indicator.unit, indicator.polarity))
            for band in indicator.bands
        ),
        quarters=_quarters(catalogue, indicator, series, report, precision),
        annual=figure(catalogue.calendar.latest_year_end(report)),
        band_scale=_band_scale(catalogue, indicator),
        spc=row_spc(catalogue, indicator, series, report, rebases, facts, precision),
        commentary_check=commentary_check(
            commentary.indicator(indicator.ref),
            shown_figures(current, status),
            indicator.frequency,
            catalogue.calendar,
        ),
        derived=_derived_from(catalogue, indicator),
    )


def _derived_from(catalogue: Catalogue, indicator: Indicator) -> DerivedFrom | None:
    """What the words about a derived indicator need: its inputs' titles, its population's label."""
    derivation = indicator.derived
    if derivation is None:
        return None
    source = catalogue.source(derivation.of)
    over = catalogue.source(derivation.over) if derivation.over else None
    population = catalogue.population(derivation.population) if derivation.population else None
    population_indicator = (
        catalogue.source(derivation.population) if derivation.population and population is None else None
    )
    return DerivedFrom(
        derivation,
        source.title if source else derivation.of,
        source.unit if source else indicator.unit,
        over.title if over else derivation.over,
        population,
        population_indicator.title if population_indicator else None,
        catalogue.calendar.year_start_month,
    )


def _band_scale(catalogue: Catalogue, indicator: Indicator) -> BandScale | None:
    """The indicator's scale, worst first, each step with its threshold, colour and words.

    A band of the council's own naming (``needs_focus``) has no colour of its own.
    """
    if not indicator.bands:
        return None
    colours = {key: colour for key, colour in catalogue.report.colours if key in DEFAULT_BAND_LABELS}
    polarity = indicator.polarity
    lines = band_scale_lines(
        indicator.bands, polarity, indicator.unit, indicator.decimals, catalogue.below_bands
    )
    steps = [BandStep(BELOW_BANDS_KEY, catalogue.below_bands, None, False, colours.get(BELOW_BANDS_KEY), "")]
    for band in indicator.bands:
        strict = isinstance(band.threshold, Above | Below) and not band.threshold.inclusive
        bound = threshold(band.threshold, polarity)
        steps.append(BandStep(band.key, band.label, bound, strict, colours.get(band.key), ""))
    if len(lines) == len(steps):  # one line per step, worst first
        steps = [replace(step, text=line) for step, line in zip(steps, lines, strict=True)]
    else:
        steps = [replace(step, text=step.label) for step in steps]
    return BandScale(indicator.bands, catalogue.below_bands, tuple(steps))


def _quarter_ends(catalogue: Catalogue, report: Month) -> list[Month]:
    """The last months of Q1-Q4 of the financial year containing the report period."""
    year_start = catalogue.calendar.year_start(report).year
    return [catalogue.calendar.quarter_end(year_start, number) for number in range(1, 5)]


def _quarters(
    catalogue: Catalogue, indicator: Indicator, series: Series, report: Month, precision: Precision
) -> tuple[QuarterFigure, ...]:
    """Q1-Q4 of the financial year containing the report period, each judged against the bands."""
    quarters = []
    for number, end in enumerate(_quarter_ends(catalogue, report), start=1):
        if end > report:
            quarters.append(QuarterFigure(quarter_heading(number), None, None, None))
            continue
        figure = _figure(catalogue, indicator, series, end, report, precision)
        quarters.append(
            QuarterFigure(
                quarter_heading(number),
                figure,
                performance_band(indicator.bands, figure.shown, indicator.polarity, catalogue.below_bands),
                performance_band_key(indicator.bands, figure.shown, indicator.polarity),
            )
        )
    return tuple(quarters)


def _benchmark_value(
    indicator: Indicator, source: BenchmarkSource, table: BenchmarkTable | None
) -> tuple[Decimal | None, str | None, Month | None]:
    """A benchmark's value for the indicator and the year of its figures (as written, and its last month):
    the benchmarks file's, else the catalogue's."""
    from_file = table.get(indicator.ref, source.id) if table else None
    value = from_file.value if from_file else indicator.benchmark(source.id)
    if from_file and from_file.year:
        return value, from_file.year, from_file.year_end
    return value, source.year, source.year_end


def _benchmarks(
    catalogue: Catalogue,
    indicator: Indicator,
    current: Figure,
    table: BenchmarkTable | None,
    precision: Precision,
) -> tuple[BenchmarkComparison, ...]:
    comparisons = []
    for source in catalogue.benchmarks:
        value, year, year_end = _benchmark_value(indicator, source, table)
        shown = round_half_away(value, indicator.decimals) if value is not None else None
        difference = current.shown - shown if current.shown is not None and shown is not None else None
        age, old, old_text, age_text = benchmark_age_fields(
            catalogue, year, year_end if value is not None else None, current.period
        )
        comparisons.append(
            BenchmarkComparison(
                source=source,
                year=year,
                value=value,
                text=format_value(value, indicator.unit, precision.decimals, "", precision.millions),
                difference=difference,
                difference_text=format_change(
                    difference, indicator.unit, precision.decimals, precision.millions
                ),
                comparison=compare_with_benchmark(current.shown, shown, indicator.polarity),
                age=age,
                too_old=old,
                too_old_text=old_text,
                age_text=age_text,
            )
        )
    return tuple(comparisons)
