"""Values as read: one observation per ref and month, missing where the data says so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from scorecard_report.inputs.derived import Worked
from scorecard_report.inputs.periods import Month
from scorecard_report.problems import Problem

Series = MappingProxyType[Month, Decimal | None]
Ratio = tuple[Decimal | None, Decimal | None]  # (numerator, denominator) as read; None where not given
Ratios = MappingProxyType[Month, Ratio]
NO_RATIO: Ratio = (None, None)


@dataclass(frozen=True)
class Observation:
    """One value as read: ``value`` is None when the data says it is missing.

    ``numerator`` and ``denominator`` are the long form's cells as read (None where a column is absent
    or a cell empty): the numbers behind a percentage or rate, which the appendix states in words.
    """

    ref: str
    period: Month
    value: Decimal | None
    row: int
    place: str | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    worked: Worked | None = None  # how a derived indicator's value was computed; None: read from the data


@dataclass(frozen=True)
class ValueTable:
    """Every value for every known ref, by month, plus the warnings the reading raised."""

    path: Path
    observations: tuple[Observation, ...]
    warnings: tuple[Problem, ...]

    def series(self, ref: str) -> Series:
        return self._by_ref.get(ref, MappingProxyType({}))

    def ratios(self, ref: str) -> Ratios:
        """The ref's numerators and denominators by month, for the months that have either."""
        return self._ratios_by_ref.get(ref, MappingProxyType({}))

    def ratio(self, ref: str, month: Month) -> Ratio:
        """``(numerator, denominator)`` for the ref and month, ``(None, None)`` where the data gives none."""
        return self.ratios(ref).get(month, NO_RATIO)

    def worked(self, ref: str) -> Mapping[Month, Worked]:
        """How each of the ref's values was computed, by month; empty for a ref read from the data."""
        return self._worked.get(ref, MappingProxyType({}))

    @cached_property
    def _worked(self) -> dict[str, Mapping[Month, Worked]]:
        grouped: dict[str, dict[Month, Worked]] = {}
        for observation in self.observations:
            if observation.worked is not None:
                grouped.setdefault(observation.ref, {})[observation.period] = observation.worked
        return {ref: MappingProxyType(worked) for ref, worked in grouped.items()}

    @property
    def read_count(self) -> int:
        """The values read from the file, without those the tool computed."""
        return sum(1 for observation in self.observations if observation.worked is None)

    @cached_property
    def _ratios_by_ref(self) -> dict[str, Ratios]:
        grouped: dict[str, dict[Month, Ratio]] = {}
        for observation in self.observations:
            if observation.numerator is not None or observation.denominator is not None:
                ratio = (observation.numerator, observation.denominator)
                grouped.setdefault(observation.ref, {})[observation.period] = ratio
        return {ref: MappingProxyType(ratios) for ref, ratios in grouped.items()}

    @cached_property
    def _by_ref(self) -> dict[str, Series]:
        grouped: dict[str, dict[Month, Decimal | None]] = {}
        for observation in self.observations:
            grouped.setdefault(observation.ref, {})[observation.period] = observation.value
        return {ref: MappingProxyType(values) for ref, values in grouped.items()}

    @property
    def periods(self) -> tuple[Month, ...]:
        return tuple(sorted({observation.period for observation in self.observations}))
