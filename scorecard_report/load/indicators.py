"""One indicator's rules beyond its shape: polarity, target, bands, tolerance, benchmarks, multiplier, lag."""

from __future__ import annotations

import difflib
from decimal import Decimal

from scorecard_report.format.display import band_label
from scorecard_report.inputs.catalogue import Indicator
from scorecard_report.inputs.targets import Band, SingleValue, Target, Tolerance
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Polarity, Unit
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import IndicatorSchema, SettingsSchema
from scorecard_report.load.derived import read_derivation
from scorecard_report.load.spc_settings import indicator_spc
from scorecard_report.load.strict_yaml import YamlPath
from scorecard_report.load.targets import TargetError, band_threshold, parse_target
from scorecard_report.load.timeliness import indicator_lag
from scorecard_report.rules.numbers import NumberError, parse_number
from scorecard_report.rules.targets import implied_polarity


def checked_indicator(
    reader: CatalogueReader,
    schema: IndicatorSchema,
    at: YamlPath,
    settings: SettingsSchema,
    section_id: str,
    fields: tuple[tuple[str, str], ...] = (),
) -> Indicator | None:
    """The indicator ``schema`` describes, or None after reporting every rule it breaks."""
    return _IndicatorChecks(reader, schema, at, settings, section_id, fields).build()


def parse_default_tolerance(written: str) -> Tolerance | None:
    """``5%`` is 5% of the boundary; ``0`` means red or green only."""
    text = written.strip()
    try:
        amount, percent = parse_number(text)
    except NumberError:
        return None
    if percent:
        return Tolerance(amount / 100, True)
    if amount == 0:
        return Tolerance(Decimal(0), True)
    return None


class _IndicatorChecks:
    """The rules a single indicator must obey beyond its shape: polarity, target, bands, tolerance."""

    def __init__(
        self,
        reader: CatalogueReader,
        schema: IndicatorSchema,
        at: YamlPath,
        settings: SettingsSchema,
        section_id: str,
        fields: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.reader, self.schema, self.at, self.settings = reader, schema, at, settings
        self.section_id, self.fields = section_id, fields
        self.failed = False
        self.unit = Unit(schema.unit)

    def problem(self, key: str, message: str, hint: str | None = None) -> None:
        self.failed = True
        self.reader.problem((*self.at, key), message, hint, ref=self.schema.ref)

    def build(self) -> Indicator | None:
        target = self._target()
        polarity = self._polarity(target)
        bands = self._bands(polarity)
        tolerance = self._tolerance()
        benchmarks = self._benchmarks()
        multiplier = self._number("multiplier", self.schema.multiplier)
        spc = indicator_spc(self.reader, self.schema.spc, self.at, self.schema.ref)
        frequency = Frequency(self.schema.frequency)
        lag = indicator_lag(self.reader, self.schema.lag, self.at, self.schema.ref, self.settings, frequency)
        derived_read, derived = read_derivation(self.reader, self.schema.derived, self.at, self.schema.ref)
        if self.failed or polarity is None or spc is None or lag is None or not derived_read:
            return None
        schema = self.schema
        return Indicator(
            ref=schema.ref,
            title=schema.title,
            description=schema.description,
            unit=self.unit,
            polarity=polarity,
            target=target,
            bands=bands,
            tolerance=tolerance,
            decimals=schema.decimals if schema.decimals is not None else self.unit.default_decimals,
            frequency=frequency,
            benchmarks=benchmarks,
            comparator=Comparator(schema.direction_of_travel or self.settings.direction_of_travel),
            multiplier=multiplier,
            unit_label=schema.unit_label,
            highlight=schema.highlight,
            section_id=self.section_id,
            group=schema.group,
            fields=self.fields,
            line=self.reader.document.line_of(self.at),
            spc=spc,
            lag_months=lag,
            source=schema.source,
            owner=schema.owner,
            derived=derived,
        )

    def _target(self) -> Target | None:
        if self.schema.target is None:
            return None
        try:
            target = parse_target(self.schema.target)
        except TargetError as error:
            self.problem("target", str(error))
            return None
        if target.percent_sign and self.unit is not Unit.PERCENT:
            self.problem(
                "target",
                f"the target '{target.written}' has a % sign but the unit is {self.unit}",
                "remove the % or change the unit to percent",
            )
        return target

    def _polarity(self, target: Target | None) -> Polarity | None:
        stated = Polarity(self.schema.polarity) if self.schema.polarity else None
        implied = implied_polarity(target) if target else None
        if target and stated and implied and stated is not implied:
            self.problem(
                "polarity",
                f"polarity {stated} contradicts the target '{target.written}', "
                f"which means {implied} is better",
                "remove polarity or change the target",
            )
            return None
        polarity = stated or implied
        if polarity is None:
            self.problem("polarity", "missing polarity", "add polarity: high, low or neutral")
        elif polarity is Polarity.NEUTRAL and isinstance(target, SingleValue):
            self.problem(
                "target",
                f"a single-value target ('{target.written}') needs polarity high or "
                "low to say which side meets it",
                "set polarity, or give a range or inequality",
            )
        return polarity

    def _bands(self, polarity: Polarity | None) -> tuple[Band, ...]:
        if not self.schema.bands:
            return ()
        if polarity not in (Polarity.HIGH, Polarity.LOW):
            self.problem("bands", "bands need polarity high or low to know which way is better")
            return ()
        bands = []
        for key, written in self.schema.bands.items():
            try:
                threshold = parse_target(written)
                band_threshold(threshold, polarity)
            except TargetError as error:
                self.problem("bands", f"band '{key}': {error}")
                continue
            bands.append(Band(key, band_label(key, self.settings.band_labels), threshold))
        self._check_band_order(tuple(bands), polarity)
        return tuple(bands)

    def _check_band_order(self, bands: tuple[Band, ...], polarity: Polarity) -> None:
        thresholds = [band_threshold(band.threshold, polarity) for band in bands]
        ordered = sorted(thresholds, reverse=polarity is Polarity.LOW)
        if thresholds != ordered:
            self.problem(
                "bands",
                "bands must run from worst to best "
                f"({'rising' if polarity is Polarity.HIGH else 'falling'} thresholds for polarity "
                f"{polarity})",
                "reorder them, worst first",
            )

    def _tolerance(self) -> Tolerance:
        written = self.schema.tolerance
        if written is None:
            return parse_default_tolerance(self.settings.default_tolerance) or Tolerance(Decimal(0), True)
        if "%" in written:
            self.problem(
                "tolerance",
                f"tolerance '{written}' must be a plain number in the indicator's own units",
                "write 2 for 2 percentage points; the catalogue's default_tolerance is the relative one",
            )
            return Tolerance(Decimal(0), False)
        amount = self._number("tolerance", written)
        if amount is not None and amount < 0:
            self.problem("tolerance", "tolerance cannot be negative")
        return Tolerance(amount or Decimal(0), False)

    def _benchmarks(self) -> tuple[tuple[str, Decimal], ...]:
        known = {benchmark.id for benchmark in self.settings.benchmarks}
        values = []
        for benchmark_id, written in self.schema.benchmarks.items():
            if benchmark_id not in known:
                close = difflib.get_close_matches(benchmark_id, sorted(known), n=1)
                self.problem(
                    "benchmarks",
                    f"unknown benchmark '{benchmark_id}'",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "declare it in the catalogue's benchmarks list",
                )
                continue
            value = self._number("benchmarks", written)
            if value is not None:
                values.append((benchmark_id, value))
        return tuple(values)

    def _number(self, key: str, written: str | None) -> Decimal | None:
        if written is None:
            return None
        try:
            return parse_number(written)[0]
        except NumberError as error:
            self.problem(key, str(error), error.hint)
            return None
