"""Benchmark values from a benchmarks file, which replace the catalogue's."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from scorecard_report.inputs.periods import Month
from scorecard_report.problems import Problem


@dataclass(frozen=True)
class BenchmarkValue:
    value: Decimal
    year: str | None  # as written: "2022/23"
    year_end: Month | None = None  # the last month of that financial year, read by the loader


@dataclass(frozen=True)
class BenchmarkTable:
    """Benchmark values by (ref, benchmark id); a value here replaces the catalogue's."""

    path: Path
    values: dict[tuple[str, str], BenchmarkValue]
    warnings: tuple[Problem, ...] = ()

    def get(self, ref: str, benchmark_id: str) -> BenchmarkValue | None:
        return self.values.get((ref, benchmark_id))
