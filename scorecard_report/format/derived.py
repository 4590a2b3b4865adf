"""How a derived indicator is computed, in words: the rule (for the key and the CSV) and one period's
working (for the appendix), so that a reader can check the figure from the page."""

from __future__ import annotations

from decimal import Decimal

from scorecard_report.format.display import format_figure, format_value
from scorecard_report.format.periods import month_short, period_noun, year_words
from scorecard_report.inputs.derived import Aggregate, DerivedFrom, DerivedKind, Worked
from scorecard_report.inputs.vocabulary import Frequency, Unit

_AGGREGATE = {Aggregate.SUM: "the sum", Aggregate.MEAN: "the mean", Aggregate.LAST: "the latest value"}


def rule_words(derived: DerivedFrom, frequency: Frequency) -> str:
    """``the sum of Contacts received (FD1) over the 12 months to the month shown, per 10,000 children
    aged 0 to 17 (ONS mid-year estimates)``: how every value of the indicator is made."""
    derivation = derived.derivation
    of = f"{derived.of_title} ({derivation.of})"
    how = _AGGREGATE[derivation.how]
    to = f"to {_shown(frequency)}"
    if derivation.minimum is not None:
        to += f" (where at least {_periods(derivation.minimum, frequency)} have a value)"
    kind = derivation.kind
    if kind is DerivedKind.ROLLING:
        return f"{how} of {of} over the {_window(derivation.months, frequency)} {to}"
    if kind is DerivedKind.YEAR_TO_DATE:
        return f"{how} of {of} from the start of the financial year {to}"
    if kind is DerivedKind.RATIO:
        over = f"{derived.over_title} ({derivation.over})"
        if derivation.per == 100:
            return f"{of} as a percentage of {over}"
        times = f", times {_number(derivation.per)}" if derivation.per not in (None, 1) else ""
        return f"{of} divided by {over}{times}"
    counted = of
    if derivation.months:
        counted = f"the sum of {of} over the {_window(derivation.months, frequency)} {to}"
    return f"{counted}, per {_number(derivation.per)} {_population_words(derived)}"


def inputs_words(derived: DerivedFrom) -> str:
    """``FD1 Contacts received (No. in month)``: what the figure is computed from, by ref and title."""
    derivation = derived.derivation
    of = f"{derivation.of} {derived.of_title}"
    if derivation.kind is DerivedKind.RATIO:
        return f"{of} and {derivation.over} {derived.over_title}"
    if derived.population_title is not None:
        return f"{of} and {derivation.population} {derived.population_title}"
    return of


def kind_words(derived: DerivedFrom, frequency: Frequency) -> str:
    """``a 12-month rolling rate per 10,000``: the kind of figure, short enough for the key."""
    derivation = derived.derivation
    noun = "quarter" if frequency is Frequency.QUARTERLY else "month"
    span = f"{(derivation.months or frequency.months) // frequency.months}-{noun}"
    how = {Aggregate.SUM: "sum", Aggregate.MEAN: "mean", Aggregate.LAST: "latest value"}[derivation.how]
    if derivation.kind is DerivedKind.ROLLING:
        return f"a {span} rolling {how}"
    if derivation.kind is DerivedKind.YEAR_TO_DATE:
        return f"a year-to-date {how}"
    if derivation.kind is DerivedKind.RATIO:
        return "a percentage of two figures" if derivation.per == 100 else "a ratio of two figures"
    rate = f"a rate per {_number(derivation.per)}"
    return f"a {span} rolling rate per {_number(derivation.per)}" if derivation.months else rate


def worked_words(
    derived: DerivedFrom, worked: Worked | None, shown: tuple[str, str], frequency: Frequency
) -> str:
    """One period's working: ``Sum of FD1 over the 12 months Nov 2025 to Oct 2026: 15,942. That divided
    by 52,100 (children aged 0 to 17, 2026/27) and multiplied by 10,000: 3,060.`` Where the figure is
    missing, which input was missing. ``shown`` is the figure as shown and its period, as shown."""
    if worked is None:
        return ""
    derivation = derived.derivation
    numerator = f"{derivation.of} ({_amount(worked.numerator, derived)})"
    if derivation.kind in (DerivedKind.ROLLING, DerivedKind.YEAR_TO_DATE):
        return _window_words(derived, worked, frequency, shown[0])
    if derivation.kind is DerivedKind.RATIO or not derivation.months:
        return _division_words(derived, worked, shown, numerator)
    counted = _window_words(derived, worked, frequency, _amount(worked.numerator, derived))
    if worked.numerator is None:
        return counted
    # "Sum of FD1 over the 12 months Nov 2025 to Oct 2026 (15,760), divided by …": one sentence, so that
    # the working stays on the indicator's one appendix page.
    summed = counted.removesuffix(".").rsplit(": ", 1)[0]
    return _division_words(derived, worked, shown, f"{summed} ({_amount(worked.numerator, derived)}),")


def _window_words(derived: DerivedFrom, worked: Worked, frequency: Frequency, result: str) -> str:
    derivation = derived.derivation
    how = _AGGREGATE[Aggregate.SUM if derivation.kind is DerivedKind.RATE else derivation.how][
        4:
    ].capitalize()
    span = month_short(worked.last)
    if worked.first != worked.last:
        span = f"{month_short(worked.first)} to {span}"
    periods = _periods(worked.periods, frequency)
    if worked.used < derivation.enough(worked.periods) or not worked.used:
        if not worked.missing:
            return f"No figure for {month_short(worked.last)}."
        return (
            f"No figure for {month_short(worked.last)}: {derivation.of} has no value for "
            f"{listed([month_short(month) for month in worked.missing])}, and a figure made from the "
            f"{periods} {span} needs {_needed(derivation.minimum, worked.periods)}."
        )
    if worked.missing:
        left = listed([month_short(month) for month in worked.missing])
        has = "has" if len(worked.missing) == 1 else "have"
        return (
            f"{how} of {derivation.of} over the {worked.used} of the {periods} {span} that have a value "
            f"({left} {has} none): {result}."
        )
    return f"{how} of {derivation.of} over the {periods} {span}: {result}."


def _division_words(derived: DerivedFrom, worked: Worked, shown: tuple[str, str], numerator: str) -> str:
    derivation = derived.derivation
    if worked.numerator is None or worked.denominator is None:
        lacking = derivation.of if worked.numerator is None else _denominator_name(derived)
        return f"No figure for {shown[1]}: {lacking} has no value for it."
    if worked.denominator == 0:
        return f"No figure for {shown[1]}: {_denominator_name(derived)} is 0."
    below = _amount(worked.denominator, derived)
    if derivation.kind is DerivedKind.RATE:
        below = f"{below} ({_population_in_year(derived, worked)})"
    else:
        below = f"{derivation.over} ({below})"
    times = f" and multiplied by {_number(derivation.per)}" if derivation.per not in (None, 1) else ""
    return f"{numerator} divided by {below}{times}: {shown[0]}."


def _population_words(derived: DerivedFrom) -> str:
    population = derived.population
    if population is not None:
        source = f" ({population.source})" if population.source else ""
        return f"{population.label}{source}"
    return f"of {derived.population_title} ({derived.derivation.population})"


def _population_in_year(derived: DerivedFrom, worked: Worked) -> str:
    population = derived.population
    if population is None or worked.population_year is None:
        return f"{derived.derivation.population}, {derived.population_title}"
    year = year_words(worked.population_year, derived.year_start_month)
    source = f"; {population.source}" if population.source else ""
    return f"{population.label}, {year}{source}"


def _denominator_name(derived: DerivedFrom) -> str:
    derivation = derived.derivation
    if derivation.kind is DerivedKind.RATIO:
        return derivation.over or ""
    return derived.population.label if derived.population else derivation.population or ""


def _amount(value: Decimal | None, derived: DerivedFrom) -> str:
    """An input figure as written: ``1,238``, ``12.5``; money as money."""
    if value is None:
        return ""
    if derived.of_unit is Unit.CURRENCY:
        return format_value(value, Unit.CURRENCY, 0 if value == value.to_integral_value() else 2, "")
    return format_figure(value)


def _number(value: Decimal | None) -> str:
    """A multiplier as the catalogue gives it, every decimal kept: ``10,000``, ``0.25``."""
    if value is None:
        return ""
    exponent = value.normalize().as_tuple().exponent
    return format_value(value, Unit.COUNT, max(0, -exponent) if isinstance(exponent, int) else 0, "")


def _window(months: int | None, frequency: Frequency) -> str:
    return _periods((months or frequency.months) // frequency.months, frequency)


def _periods(count: int, frequency: Frequency) -> str:
    return f"{count} {period_noun(frequency, plural=count != 1)}"


def _shown(frequency: Frequency) -> str:
    return "the quarter shown" if frequency is Frequency.QUARTERLY else "the month shown"


def _needed(minimum: int | None, periods: int) -> str:
    if minimum is None or minimum >= periods:
        return "every one of them"
    return f"at least {minimum} of them"


def listed(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
