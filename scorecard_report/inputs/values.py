"""Values as read: one observation per ref and month, missing where the data says so."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from scorecard_report.inputs.periods import Month
from scorecard_report.problems import Problem

Series = MappingProxyType[Month, Decimal | None]


@dataclass(frozen=True)
class Observation:
    """One value as read: ``value`` is None when the data says it is missing."""

    ref: str
    period: Month
    value: Decimal | None
    row: int
    place: str | None = None


@dataclass(frozen=True)
class ValueTable:
    """Every value for every known ref, by month, plus the warnings the reading raised."""

    path: Path
    observations: tuple[Observation, ...]
    warnings: tuple[Problem, ...]

    def series(self, ref: str) -> Series:
        return self._by_ref.get(ref, MappingProxyType({}))

    @cached_property
    def _by_ref(self) -> dict[str, Series]:
        grouped: dict[str, dict[Month, Decimal | None]] = {}
        for observation in self.observations:
            grouped.setdefault(observation.ref, {})[observation.period] = observation.value
        return {ref: MappingProxyType(values) for ref, values in grouped.items()}

    @property
    def periods(self) -> tuple[Month, ...]:
        return tuple(sorted({observation.period for observation in self.observations}))
