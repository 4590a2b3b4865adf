"""Compute the derived indicators' values from the values read (the rules: docs/derived-indicators.md).

Each derived value is dated like its inputs and made only from inputs dated on or before it, so a report
for an old month computes what it computed then. A window with a missing period is missing, unless the
catalogue's ``minimum`` says how many of its periods are enough; a sum is never made of part of a window
otherwise. The values join the table as observations like any other, each with its ``Worked``, so that
SPC, RAG, bands and direction of travel apply to them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.format.derived import listed
from scorecard_report.format.periods import month_short, year_label
from scorecard_report.inputs.catalogue import Catalogue, Indicator
from scorecard_report.inputs.derived import Aggregate, Derivation, DerivedKind, Worked
from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.values import Observation, ValueTable
from scorecard_report.problems import InputError, Problem
from scorecard_report.rules.derived import derivation_order
from scorecard_report.rules.numbers import MAX_MAGNITUDE

Lookup = Callable[[str], Mapping[Month, Decimal | None]]


@dataclass(frozen=True)
class Computed:
    value: Decimal | None
    worked: Worked


def with_derived(catalogue: Catalogue, values: ValueTable) -> ValueTable:
    """The values with every derived indicator's computed from them; ``InputError`` with every problem
    (a population missing for a year that is needed, a figure too large) at once."""
    order = derivation_order(catalogue.indicators)
    if not order or not values.periods:
        return values
    computed: dict[str, dict[Month, Decimal | None]] = {}

    def series(ref: str) -> Mapping[Month, Decimal | None]:
        return computed[ref] if ref in computed else values.series(ref)

    problems: list[Problem] = []
    warnings: list[Problem] = []
    observations: list[Observation] = []
    latest = values.periods[-1]
    for indicator in order:
        derive = _Derive(catalogue, indicator, series, problems, warnings, latest)
        made = derive.observations()
        computed[indicator.ref] = {observation.period: observation.value for observation in made}
        observations.extend(made)
    if problems:
        raise InputError(problems)
    return ValueTable(values.path, (*values.observations, *observations), (*values.warnings, *warnings))


@dataclass
class _Derive:
    catalogue: Catalogue
    indicator: Indicator
    series: Lookup
    problems: list[Problem]
    warnings: list[Problem]
    latest: Month  # the data's last month: a window its minimum allows may end after its input's last value

    @property
    def derivation(self) -> Derivation:
        assert self.indicator.derived is not None  # only derived indicators are given to _Derive
        return self.indicator.derived

    @property
    def calendar(self) -> FinancialCalendar:
        return self.catalogue.calendar

    def observations(self) -> list[Observation]:
        derivation = self.derivation
        source = self.series(derivation.of)
        known = set(source)
        if derivation.over is not None:
            known |= set(self.series(derivation.over))
        if not known:
            return []
        made = []
        needed_years: dict[int, Month] = {}
        step = self.indicator.frequency.months
        period, last = min(known), max(max(known), self.latest)
        while period <= last:
            result = self._compute(period, source, needed_years)
            if result is not None:
                made.append(self._observation(period, result))
            period = period.plus(step)
        self._report_missing_populations(needed_years)
        return made

    def _observation(self, period: Month, result: Computed) -> Observation:
        value = result.value
        if value is not None and abs(value) >= MAX_MAGNITUDE:
            self._problem(f"{month_short(period)} computes to 10^15 or more", "check its inputs' values")
            value = None
        worked = result.worked
        return Observation(
            self.indicator.ref,
            period,
            value,
            row=0,
            place="computed",
            numerator=worked.numerator,
            denominator=worked.denominator,
            worked=worked,
        )

    def _compute(
        self, period: Month, source: Mapping[Month, Decimal | None], needed: dict[int, Month]
    ) -> Computed | None:
        kind = self.derivation.kind
        if kind is DerivedKind.ROLLING:
            return self._window(self._rolling_window(period), source)
        if kind is DerivedKind.YEAR_TO_DATE:
            return self._window(self._year_window(period), source)
        if kind is DerivedKind.RATIO:
            return self._ratio(period, source)
        return self._rate(period, source, needed)

    def _rolling_window(self, period: Month) -> list[Month]:
        step = self.indicator.frequency.months
        months = self.derivation.months or step
        return [period.plus(-back) for back in range(months - step, -1, -step)]

    def _year_window(self, period: Month) -> list[Month]:
        step = self.indicator.frequency.months
        first = self.calendar.year_start(period).plus(step - 1)
        return [first.plus(forward) for forward in range(0, period.index - first.index + 1, step)]

    def _window(self, window: list[Month], source: Mapping[Month, Decimal | None]) -> Computed:
        present = [value for month in window if (value := source.get(month)) is not None]
        missing = tuple(month for month in window if source.get(month) is None)
        worked = Worked(window[0], window[-1], len(window), len(present), missing)
        if len(present) < self.derivation.enough(len(window)) or not present:
            return Computed(None, worked)
        return Computed(_aggregate(self.derivation.how, present), worked)

    def _ratio(self, period: Month, source: Mapping[Month, Decimal | None]) -> Computed | None:
        over = self.series(self.derivation.over or "")
        if period not in source and period not in over:
            return None
        numerator, denominator = source.get(period), over.get(period)
        return self._divided(period, numerator, denominator, None, Worked(period, period, 1, 1))

    def _rate(
        self, period: Month, source: Mapping[Month, Decimal | None], needed: dict[int, Month]
    ) -> Computed:
        derivation = self.derivation
        if derivation.months:
            counted = self._window(self._rolling_window(period), source)
            numerator, worked = counted.value, counted.worked
        else:
            numerator, worked = source.get(period), Worked(period, period, 1, 1)
        population = self.catalogue.population(derivation.population or "")
        if population is None:
            denominator = self.series(derivation.population or "").get(period)
            return self._divided(period, numerator, denominator, None, worked)
        year = self.calendar.year_start(period).year
        denominator = population.value(year)
        if denominator is None and numerator is not None:
            needed.setdefault(year, period)
        return self._divided(period, numerator, denominator, year, worked)

    def _divided(
        self,
        period: Month,
        numerator: Decimal | None,
        denominator: Decimal | None,
        year: int | None,
        worked: Worked,
    ) -> Computed:
        worked = Worked(
            worked.first,
            worked.last,
            worked.periods,
            worked.used,
            worked.missing,
            numerator,
            denominator,
            year,
        )
        if numerator is None or denominator is None:
            return Computed(None, worked)
        if denominator == 0:
            self.warnings.append(
                Problem(
                    self.catalogue.path,
                    f"{month_short(period)}: its denominator is 0, so it has no value that month",
                    line=self.derivation.line,
                    ref=self.indicator.ref,
                    warning=True,
                )
            )
            return Computed(None, worked)
        return Computed(numerator / denominator * (self.derivation.per or Decimal(1)), worked)

    def _report_missing_populations(self, needed: dict[int, Month]) -> None:
        if not needed:
            return
        population = self.catalogue.population(self.derivation.population or "")
        assert population is not None  # only a populations: entry can lack a year
        firsts = [needed[year] for year in sorted(needed)]
        years = [year_label(self.calendar, first) for first in firsts]
        each = [f"{year_label(self.calendar, first)} (from {month_short(first)})" for first in firsts]
        self.problems.append(
            Problem(
                self.catalogue.path,
                f"population '{population.name}' has no value for {listed(each)}, which "
                f"{self.indicator.ref} needs: {self.derivation.of} has a value in those months",
                line=population.line,
                ref=self.indicator.ref,
                hint=f"add {years[0]}: NUMBER under populations: {population.name}: values:",
            )
        )

    def _problem(self, message: str, hint: str) -> None:
        self.problems.append(
            Problem(
                self.catalogue.path, message, line=self.derivation.line, ref=self.indicator.ref, hint=hint
            )
        )


def _aggregate(how: Aggregate, present: list[Decimal]) -> Decimal:
    if how is Aggregate.SUM:
        return sum(present, Decimal(0))
    if how is Aggregate.MEAN:
        return sum(present, Decimal(0)) / len(present)
    return present[-1]
