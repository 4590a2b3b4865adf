"""When values are due and how old a benchmark may be: ``lag``, ``default_lag``, ``benchmark_max_age`` and
the benchmarks' years, read strictly and every problem placed at its line.

A lag is a whole number of months, quarters or years (``1 month``, ``2 months``, ``1 quarter``,
``0 months``), at most ``MAX_LAG_MONTHS``; a bare number is refused, since ``2`` could be months or
quarters. ``default_lag`` is one lag for every frequency or a mapping of frequency to lag; what it leaves
out keeps the frequency's default (``Frequency.default_lag``).
"""

from __future__ import annotations

import re
from typing import Any

from scorecard_report.inputs.catalogue import DEFAULT_BENCHMARK_MAX_AGE
from scorecard_report.inputs.periods import FinancialCalendar, Month, PeriodError
from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.load.catalogue_reader import CatalogueReader
from scorecard_report.load.catalogue_schema import SettingsSchema
from scorecard_report.load.periods import parse_financial_year
from scorecard_report.load.strict_yaml import YamlPath
from scorecard_report.load.suggest import closest, quoted

MAX_LAG_MONTHS = 60  # five years: longer is a typo (``30 quarters``), not a statistic anyone waits for
MAX_BENCHMARK_AGE = 99
_LAG = re.compile(r"(\d+)\s*(months?|quarters?|years?)", re.IGNORECASE)
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_WHOLE_YEARS = re.compile(r"(\d+)(?:\s*years?)?", re.IGNORECASE)
LAG_HINT = (
    "how long after a period ends its value is normally in hand: 0 months for a month-end extract, "
    "2 months for a quarterly return"
)


class LagError(ValueError):
    """Text that is not a lag: the message says what was written and how to write one."""


def parse_lag(written: Any, name: str = "lag") -> int:
    """The months ``1 month``, ``2 months``, ``1 quarter`` or ``0 months`` stand for; ``name`` is the key
    the messages name."""
    match = _LAG.fullmatch(written.strip()) if isinstance(written, str) else None
    if match is None:
        bare = isinstance(written, str) and written.strip().isdigit()
        guess = f" ({written.strip()} months?)" if bare else ""
        raise LagError(
            f"{name} must be written like 1 month, 2 months or 1 quarter, not {quoted(written)}{guess}"
        )
    number, unit = match[1].lstrip("0") or "0", match[2].lower().rstrip("s")
    months = int(number) * _UNIT_MONTHS[unit] if len(number) <= 4 else MAX_LAG_MONTHS + 1
    if months > MAX_LAG_MONTHS:
        raise LagError(f"{name} {quoted(written)} is more than {MAX_LAG_MONTHS // 12} years")
    return months


def catalogue_lags(written: Any) -> dict[Frequency, int]:
    """The catalogue's ``default_lag``: each frequency's lag, the frequency's own default where it is not
    given. Raises ``LagError`` for anything the checks below report."""
    lags = {frequency: frequency.default_lag for frequency in Frequency}
    if written is None:
        return lags
    if isinstance(written, dict):
        for key, lag in written.items():
            lags[Frequency(str(key).lower())] = parse_lag(lag)
        return lags
    return dict.fromkeys(Frequency, parse_lag(written))


def check_default_lag(reader: CatalogueReader, written: Any) -> None:
    """Report each problem of the catalogue's ``default_lag`` at its line."""
    if written is None:
        return
    if not isinstance(written, dict):
        _check_lag(reader, ("default_lag",), written, "default_lag")
        return
    frequencies = [str(frequency) for frequency in Frequency]
    for key, lag in written.items():
        if str(key).lower() not in frequencies:
            close = closest(str(key), frequencies)
            reader.problem(
                ("default_lag", key),
                f"default_lag: unknown frequency {quoted(key)}",
                hint=f"did you mean '{close}'?" if close else "use monthly, quarterly or annual",
            )
            continue
        _check_lag(reader, ("default_lag", key), lag, f"default_lag {key}")


def indicator_lag(
    reader: CatalogueReader,
    written: Any,
    at: YamlPath,
    ref: str,
    settings: SettingsSchema,
    frequency: Frequency,
) -> int | None:
    """An indicator's lag in months: its own ``lag``, else the catalogue's ``default_lag`` for its frequency,
    else the frequency's default; None after reporting a lag that cannot be read."""
    if written is None:
        try:
            return catalogue_lags(settings.default_lag)[frequency]
        except (LagError, ValueError):  # reported once, at the catalogue's default_lag
            return frequency.default_lag
    return _check_lag(reader, (*at, "lag"), written, "lag", ref)


def _check_lag(
    reader: CatalogueReader, at: YamlPath, written: Any, name: str, ref: str | None = None
) -> int | None:
    try:
        return parse_lag(written, name)
    except LagError as error:
        reader.problem(at, str(error), LAG_HINT, ref=ref)
        return None


def benchmark_max_age(reader: CatalogueReader, written: Any) -> int:
    """The catalogue's ``benchmark_max_age``: a whole number of financial years (``1``, ``2 years``)."""
    if written is None:
        return DEFAULT_BENCHMARK_MAX_AGE
    match = _WHOLE_YEARS.fullmatch(written.strip()) if isinstance(written, str) else None
    digits = (match[1].lstrip("0") or "0") if match else ""
    if match is None or len(digits) > 2:
        reader.problem(
            ("benchmark_max_age",),
            "benchmark_max_age must be a whole number of financial years from 0 to "
            f"{MAX_BENCHMARK_AGE}, such as 1 or 2, not {quoted(written)}",
            hint="a benchmark more than this many years older than the current figure's year is marked "
            "too old and left out of comparisons; 0 keeps only benchmarks of the same year",
        )
        return DEFAULT_BENCHMARK_MAX_AGE
    return int(digits)


def benchmark_year_ends(
    reader: CatalogueReader, settings: SettingsSchema, calendar: FinancialCalendar
) -> tuple[Month | None, ...]:
    """The last month of each catalogue benchmark's financial year (None where it gives no year), each
    year that cannot be read reported at its line."""
    ends: list[Month | None] = []
    for index, benchmark in enumerate(settings.benchmarks):
        try:
            ends.append(parse_financial_year(benchmark.year, calendar) if benchmark.year else None)
        except PeriodError as error:
            reader.problem(
                ("benchmarks", index, "year"),
                f"benchmark '{benchmark.id}': {error}",
                hint="the financial year the benchmark's figures are for, which says how old they are",
            )
            ends.append(None)
    return tuple(ends)
