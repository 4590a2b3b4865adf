"""Indicators the tool computes from others (the catalogue's ``derived:``), and how each value was made.

The rules are in docs/derived-indicators.md. A derivation is read from the catalogue; a ``Worked`` is one
month's computation, kept beside the value so that the appendix can say it in words and the CSV can show
it was computed, not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Unit


class DerivedKind(StrEnum):
    ROLLING = "rolling"  # the last N months of one indicator
    YEAR_TO_DATE = "year_to_date"  # from the start of the financial year to the month
    RATE = "rate_of"  # one indicator per so many of a population
    RATIO = "ratio"  # one indicator over another, times a multiplier


class Aggregate(StrEnum):
    """How a window of values becomes one: added up, averaged, or the latest."""

    SUM = "sum"
    MEAN = "mean"
    LAST = "last"


@dataclass(frozen=True)
class Derivation:
    """How an indicator is computed, as the catalogue says it."""

    kind: DerivedKind
    of: str  # the ref it is computed from: the numerator of a ratio or rate
    how: Aggregate = Aggregate.SUM
    months: int | None = None  # a rolling window's months; for a rate, the months its count is summed over
    minimum: int | None = None  # how many of a window's periods are enough; None: all of them
    over: str | None = None  # a ratio's denominator ref
    per: Decimal | None = None  # a rate's "per 10,000", a ratio's multiplier (100 for a percentage)
    population: str | None = None  # a rate's population: a name in ``populations:`` or a ref
    line: int | None = field(default=None, compare=False)  # the catalogue line of ``derived:``

    def enough(self, periods: int) -> int:
        """How many of a window's ``periods`` must have a value: all, or the ``minimum`` where it is fewer."""
        return periods if self.minimum is None else min(self.minimum, periods)

    @property
    def inputs(self) -> tuple[str, ...]:
        """Every name this derivation reads that could be an indicator's ref."""
        names = [self.of]
        if self.over is not None:
            names.append(self.over)
        if self.population is not None:
            names.append(self.population)
        return tuple(names)


@dataclass(frozen=True)
class Population:
    """A population a rate is worked out per, one value per financial year, with where it comes from."""

    name: str
    label: str  # "children aged 0 to 17"
    source: str | None  # "ONS mid-year estimates 2024"
    values: tuple[tuple[int, Decimal], ...]  # (the year its financial year starts, the population)
    line: int | None = None

    def value(self, year_start: int) -> Decimal | None:
        return dict(self.values).get(year_start)


@dataclass(frozen=True)
class Worked:
    """One month's derived value, as it was worked out: what the appendix says in words.

    ``first`` to ``last`` is the window its inputs were read over (one month for a plain rate or ratio);
    ``used`` how many periods in it had a value, ``missing`` the ones that had none. ``numerator`` and
    ``denominator`` are the figures divided, for a rate or ratio; ``population`` names the population
    and its year where a rate used one from the ``populations:`` block.
    """

    first: Month
    last: Month
    periods: int  # the periods the window holds
    used: int
    missing: tuple[Month, ...] = ()
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    population_year: int | None = None  # the financial year (its start) whose population was used


@dataclass(frozen=True)
class DerivedFrom:
    """How a derived indicator is computed, with what the words about it need: its inputs' titles and
    units, and the population a rate is per."""

    derivation: Derivation
    of_title: str
    of_unit: Unit
    over_title: str | None = None  # a ratio's denominator
    population: Population | None = None  # a ``populations:`` entry
    population_title: str | None = None  # where the population is another indicator: its title
    year_start_month: int = 4  # the catalogue's, so that a population's year is written as it writes it
