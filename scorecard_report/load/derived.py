"""The catalogue's derived indicators and populations, read and checked (docs/derived-indicators.md).

An indicator's ``derived:`` says how it is computed instead of read from the data; a ``populations:``
block gives the populations rates are worked out per. Each indicator's own ``derived:`` is read with the
indicator; what needs the whole catalogue (unknown refs, cycles, units and frequencies that cannot be
combined) is checked once every section is read, and every problem is reported at its line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import Field

from scorecard_report.inputs.catalogue import Indicator, Section
from scorecard_report.inputs.derived import Aggregate, Derivation, DerivedKind, Population
from scorecard_report.inputs.periods import FinancialCalendar, PeriodError
from scorecard_report.inputs.vocabulary import Frequency, Unit
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import _Strict
from scorecard_report.load.periods import parse_financial_year
from scorecard_report.load.strict_yaml import YamlPath
from scorecard_report.problems import Problem
from scorecard_report.rules.derived import derivation_cycles
from scorecard_report.rules.numbers import NumberError, parse_number

_UNITS = {"rolling": "months", "minimum": "periods"}  # a quarterly window's minimum counts quarters
MAX_WINDOW = 60  # months: five years, the longest trend a catalogue may ask for
KINDS_WORDS = "rolling (with of), year_to_date, rate_of or ratio"
_WHOLE = re.compile(r"[0-9]{1,3}")
SUMMABLE = (Unit.COUNT, Unit.CURRENCY)  # a sum of percentages, rates, averages or days means nothing
DIVIDABLE = (Unit.COUNT, Unit.CURRENCY)  # the parts of a ratio: a ratio of percentages means nothing


class DerivedSchema(_Strict):
    rolling: Any = None
    of: str | None = None
    year_to_date: str | None = None
    rate_of: str | None = None
    ratio: list[str] | None = None
    how: Any = None
    minimum: Any = None
    per: Any = None
    multiplier: Any = None
    population: str | None = None


class PopulationSchema(_Strict):
    label: str
    source: str | None = None
    values: dict[str, str] = Field(min_length=1)


def read_derivation(
    reader: CatalogueReader, raw: Any, at: YamlPath, ref: str
) -> tuple[bool, Derivation | None]:
    """``(read, derivation)``: ``(True, None)`` when the indicator is not derived; ``(False, None)``
    after reporting every problem in its ``derived:``."""
    if raw is None:
        return True, None
    where = (*at, "derived")
    schema = reader.validate(DerivedSchema, raw, where, ref=ref)
    if schema is None:
        return False, None
    derivation = _Derivation(reader, schema, where, ref).read()
    return derivation is not None, derivation


@dataclass
class _Derivation:
    reader: CatalogueReader
    schema: DerivedSchema
    at: YamlPath
    ref: str
    failed: bool = False

    def problem(self, key: str | None, message: str, hint: str | None = None) -> None:
        self.failed = True
        self.reader.problem((*self.at, key) if key else self.at, message, hint, ref=self.ref)

    def read(self) -> Derivation | None:
        kind = self._kind()
        if kind is None:
            return None
        schema = self.schema
        months = self._whole("rolling", schema.rolling, 1, MAX_WINDOW)
        minimum = self._whole("minimum", schema.minimum, 1, MAX_WINDOW)
        how = self._how(kind)
        of, over, per = self._operands(kind)
        self._check_keys(kind)
        if months is not None and minimum is not None and minimum > months:
            self.problem("minimum", f"minimum {minimum} is more than the window's {months} months")
        if self.failed or of is None or how is None:
            return None
        line = self.reader.document.line_of(self.at)
        return Derivation(kind, of, how, months, minimum, over, per, schema.population, line)

    def _kind(self) -> DerivedKind | None:
        schema = self.schema
        given = [
            kind
            for kind, present in (
                (DerivedKind.YEAR_TO_DATE, schema.year_to_date is not None),
                (DerivedKind.RATE, schema.rate_of is not None),
                (DerivedKind.RATIO, schema.ratio is not None),
            )
            if present
        ]
        if not given and schema.rolling is not None:
            given = [DerivedKind.ROLLING]
        if len(given) == 1:
            return given[0]
        if not given:
            self.problem(None, "derived: says how the indicator is computed", f"give one of {KINDS_WORDS}")
        else:
            words = " and ".join(str(kind) for kind in given)
            self.problem(None, f"derived: gives {words}; an indicator is computed one way", "keep one")
        return None

    def _operands(self, kind: DerivedKind) -> tuple[str | None, str | None, Decimal | None]:
        """The ref it is computed from, a ratio's denominator, and the rate's or ratio's multiplier."""
        schema = self.schema
        if kind is DerivedKind.ROLLING:
            if schema.of is None:
                self.problem("of", "a rolling figure needs the ref it is summed from", "add of: REF")
            return schema.of, None, None
        if kind is DerivedKind.YEAR_TO_DATE:
            return schema.year_to_date, None, None
        if kind is DerivedKind.RATE:
            if schema.population is None:
                self.problem(
                    "population",
                    "a rate needs the population it is per",
                    "add population: NAME (from populations:) or the ref of a population indicator",
                )
            per = self._positive("per", schema.per)
            if schema.per is None:
                self.problem("per", "a rate needs per: (10000 for a rate per 10,000)")
            return schema.rate_of, None, per
        parts = schema.ratio or []
        if len(parts) != 2:
            self.problem("ratio", f"ratio: lists two refs, [numerator, denominator], not {len(parts)}")
            return None, None, None
        multiplier = self._positive("multiplier", schema.multiplier) if schema.multiplier else Decimal(1)
        return parts[0], parts[1], multiplier

    def _check_keys(self, kind: DerivedKind) -> None:
        """Keys that belong to another kind are refused, so nothing written is silently ignored."""
        schema = self.schema
        allowed = {
            DerivedKind.ROLLING: {"rolling", "of", "how", "minimum"},
            DerivedKind.YEAR_TO_DATE: {"year_to_date", "how", "minimum"},
            DerivedKind.RATE: {"rate_of", "per", "population", "rolling", "minimum"},
            DerivedKind.RATIO: {"ratio", "multiplier"},
        }[kind]
        for key in DerivedSchema.model_fields:
            if getattr(schema, key) is not None and key not in allowed:
                self.problem(
                    key, f"{key}: does not go with {kind}", f"{kind} takes {', '.join(sorted(allowed))}"
                )
        if kind is DerivedKind.RATE and schema.minimum is not None and schema.rolling is None:
            self.problem("minimum", "minimum: needs rolling: (the months the count is summed over)")

    def _how(self, kind: DerivedKind) -> Aggregate | None:
        written = self.schema.how
        if written is None:
            return Aggregate.SUM
        allowed: tuple[Aggregate, ...] = (Aggregate.SUM, Aggregate.MEAN, Aggregate.LAST)
        if kind is DerivedKind.ROLLING:
            allowed = (Aggregate.SUM, Aggregate.MEAN)
        words = [str(how) for how in allowed]
        if not isinstance(written, str) or written.lower() not in words:
            self.problem("how", f"how must be {' or '.join(words)}, not {written!r}")
            return None
        return Aggregate(written.lower())

    def _whole(self, key: str, written: Any, least: int, most: int) -> int | None:
        if written is None:
            return None
        if not isinstance(written, str) or not _WHOLE.fullmatch(written) or not least <= int(written) <= most:
            self.problem(
                key, f"{key} must be a whole number of {_UNITS[key]} from {least} to {most}, not {written!r}"
            )
            return None
        return int(written)

    def _positive(self, key: str, written: Any) -> Decimal | None:
        if written is None:
            return None
        try:
            number = parse_number(str(written))[0] if isinstance(written, str) else None
        except NumberError:
            number = None
        if number is None or number <= 0:
            self.problem(key, f"{key} must be a number above 0, not {written!r}", "10000 for per 10,000")
            return None
        return number


def read_populations(
    reader: CatalogueReader, raw: Any, calendar: FinancialCalendar
) -> tuple[Population, ...]:
    """The ``populations:`` block: each name's label, source and value for each financial year."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        reader.problem(("populations",), "populations: is a mapping of names to populations")
        return ()
    populations = []
    for name, written in raw.items():
        at: YamlPath = ("populations", name)
        schema = reader.validate(PopulationSchema, written, at)
        if schema is None:
            continue
        values = _population_values(reader, schema, at, calendar)
        if values is not None:
            line = reader.document.line_of(at)
            populations.append(Population(str(name), schema.label, schema.source, values, line))
    return tuple(populations)


def _population_values(
    reader: CatalogueReader, schema: PopulationSchema, at: YamlPath, calendar: FinancialCalendar
) -> tuple[tuple[int, Decimal], ...] | None:
    values: dict[int, Decimal] = {}
    failed = False
    for year, written in schema.values.items():
        where = (*at, "values", year)
        try:
            start = calendar.year_start(parse_financial_year(year, calendar)).year
        except PeriodError as error:
            reader.problem(where, str(error))
            failed = True
            continue
        try:
            number = parse_number(written)[0]
        except NumberError as error:
            reader.problem(where, str(error), error.hint)
            failed = True
            continue
        if number <= 0:
            reader.problem(where, f"a population must be above 0, not {written}")
            failed = True
        values[start] = number
    return None if failed else tuple(sorted(values.items()))


def check_derived(
    reader: CatalogueReader,
    sections: Sequence[Section],
    populations: Sequence[Population],
    written_populations: set[str],
) -> None:
    """What needs the whole catalogue: every ref a derivation names exists, no indicator is computed from
    itself through others, and its inputs' units and frequencies can be combined as it asks.

    ``written_populations`` are the names the ``populations:`` block gives, also those refused for their
    own errors (already reported): a rate per one of those is not told that it does not exist."""
    indicators = {indicator.ref: indicator for section in sections for indicator in section.indicators}
    names = {population.name for population in populations} | {str(name) for name in written_populations}
    checks = _Checks(reader, indicators, names, written_refs(reader.document.data))
    for indicator in indicators.values():
        if indicator.derived is not None:
            checks.check(indicator, indicator.derived)
    for cycle in derivation_cycles(indicators.values()):
        first = indicators[cycle[0]]
        reader.problems.append(
            Problem(
                reader.document.path,
                "computed from itself: " + _loop_words(cycle),
                line=first.derived.line if first.derived else first.line,
                ref=first.ref,
                hint="compute one of them from values in the data",
            )
        )


def written_refs(data: Any) -> set[str]:
    """Every ref the catalogue's sections give, as written, whether or not its indicator reads."""
    sections = data.get("sections") if isinstance(data, dict) else None
    refs = set()
    for section in sections if isinstance(sections, list) else ():
        indicators = section.get("indicators") if isinstance(section, dict) else None
        for indicator in indicators if isinstance(indicators, list) else ():
            ref = indicator.get("ref") if isinstance(indicator, dict) else None
            if isinstance(ref, str):
                refs.add(ref.strip())
    return refs


@dataclass
class _Checks:
    reader: CatalogueReader
    indicators: dict[str, Indicator]
    populations: set[str]
    written: set[str]  # every ref the catalogue gives, also those of indicators refused for their own errors

    def problem(self, indicator: Indicator, message: str, hint: str | None = None) -> None:
        line = indicator.derived.line if indicator.derived else indicator.line
        self.reader.problems.append(
            Problem(self.reader.document.path, message, line=line, ref=indicator.ref, hint=hint)
        )

    def known(self, indicator: Indicator, ref: str, what: str) -> Indicator | None:
        """The indicator ``ref`` names; None, reported, when the catalogue has no such ref (one whose own
        errors are already reported is not reported again)."""
        found = self.indicators.get(ref)
        if found is None and ref not in self.written:
            close = difflib.get_close_matches(ref, list(self.indicators), n=1)
            self.problem(
                indicator,
                f"{what} '{ref}', which is not in the catalogue",
                f"did you mean '{close[0]}'?" if close else "name an indicator's ref",
            )
        return found

    def check(self, indicator: Indicator, derivation: Derivation) -> None:
        source = self.known(indicator, derivation.of, "computed from")
        over = self.known(indicator, derivation.over, "divided by") if derivation.over else None
        if source is None or (derivation.over is not None and over is None):
            return
        self._frequency(indicator, derivation, source, over)
        self._units(indicator, derivation, source, over)
        if derivation.kind is DerivedKind.RATE:
            self._population(indicator, derivation, source)

    def _frequency(
        self, indicator: Indicator, derivation: Derivation, source: Indicator, over: Indicator | None
    ) -> None:
        windowed = derivation.kind in (DerivedKind.ROLLING, DerivedKind.YEAR_TO_DATE) or derivation.months
        if windowed and source.frequency is Frequency.ANNUAL:
            self.problem(
                indicator,
                f"{source.ref} is annual: a {_kind_words(derivation)} of a yearly figure is the figure "
                "itself",
                "compute it from a monthly or quarterly indicator",
            )
            return
        periods = (derivation.months or 0) // source.frequency.months
        if source.frequency is Frequency.QUARTERLY and derivation.minimum and derivation.minimum > periods:
            # A monthly window's minimum is checked as it is read; a quarterly one's needs its input.
            self.problem(
                indicator,
                f"minimum {derivation.minimum} is more than the window's {periods} quarters",
                "give minimum: the number of quarters that are enough",
            )
        if derivation.months and derivation.months % source.frequency.months:
            self.problem(
                indicator,
                f"{source.ref} is {source.frequency}: a window of {derivation.months} months does not "
                "hold whole quarters",
                "give rolling: a multiple of 3",
            )
        if over is not None and over.frequency is not source.frequency:
            self.problem(
                indicator,
                f"{source.ref} is {source.frequency} and {over.ref} is {over.frequency}: a ratio needs both "
                "for the same periods",
                "divide indicators of the same frequency",
            )
        if indicator.frequency is not source.frequency:
            self.problem(
                indicator,
                f"computed from {source.frequency} {source.ref}, so it is {source.frequency}, not "
                f"{indicator.frequency}",
                f"write frequency: {source.frequency}",
            )

    def _units(
        self, indicator: Indicator, derivation: Derivation, source: Indicator, over: Indicator | None
    ) -> None:
        kind = derivation.kind
        if kind in (DerivedKind.ROLLING, DerivedKind.YEAR_TO_DATE):
            if derivation.how is Aggregate.SUM and source.unit not in SUMMABLE:
                self.problem(
                    indicator,
                    f"{source.ref} is a {source.unit}: a sum of {source.unit} figures means nothing",
                    "use how: mean or how: last, or sum a count",
                )
            elif indicator.unit is not source.unit:
                self.problem(
                    indicator,
                    f"a {derivation.how} of {source.unit} {source.ref} is a {source.unit}, "
                    f"not a {indicator.unit}",
                    f"write unit: {source.unit}",
                )
        elif kind is DerivedKind.RATE:
            if source.unit is not Unit.COUNT:
                self.problem(
                    indicator,
                    f"{source.ref} is a {source.unit}: a rate is worked out from a count",
                    "compute the rate from the count behind it",
                )
            if indicator.unit is not Unit.RATE:
                self.problem(
                    indicator, f"a rate per population is a rate, not a {indicator.unit}", "write unit: rate"
                )
        elif over is not None:
            self._ratio_units(indicator, derivation, source, over)

    def _ratio_units(
        self, indicator: Indicator, derivation: Derivation, source: Indicator, over: Indicator
    ) -> None:
        for part in (source, over):
            if part.unit not in DIVIDABLE:
                self.problem(
                    indicator,
                    f"{part.ref} is a {part.unit}: a ratio is of counts or amounts",
                    "divide the counts behind it",
                )
        if indicator.unit is Unit.PERCENT and derivation.per != 100:
            self.problem(indicator, "a percentage is a ratio times 100", "write multiplier: 100")
        if indicator.unit is Unit.RATE and derivation.per == 1:
            self.problem(
                indicator, "a rate is a ratio times its per (10000 for per 10,000)", "give multiplier:"
            )

    def _population(self, indicator: Indicator, derivation: Derivation, source: Indicator) -> None:
        name = derivation.population or ""
        if name in self.populations:
            return
        population = self.indicators.get(name)
        if population is None and name in self.written:
            return
        if population is None:
            close = difflib.get_close_matches(name, [*self.populations, *self.indicators], n=1)
            self.problem(
                indicator,
                f"population '{name}' is neither in populations: nor an indicator's ref",
                f"did you mean '{close[0]}'?" if close else "add it under populations:",
            )
            return
        if population.unit is not Unit.COUNT:
            self.problem(indicator, f"population {population.ref} is a {population.unit}, not a count")
        if population.frequency is not source.frequency:
            self.problem(
                indicator,
                f"population {population.ref} is {population.frequency} and {source.ref} is "
                f"{source.frequency}",
                "use a population of the same frequency, or a populations: entry (one value a year)",
            )


def _kind_words(derivation: Derivation) -> str:
    if derivation.kind is DerivedKind.YEAR_TO_DATE:
        return "year to date"
    return "rolling figure" if derivation.kind is DerivedKind.ROLLING else "rate over a window"


def _loop_words(cycle: tuple[str, ...]) -> str:
    """``C → D → C``; a loop of more than 12 shows its first 10 and how many it leaves out."""
    if len(cycle) <= 12:
        return " → ".join((*cycle, cycle[0]))
    return " → ".join(cycle[:10]) + f" → … ({len(cycle) - 10:,} more) → {cycle[0]}"
