"""The catalogue's derived indicators and populations (docs/derived-indicators.md): what is read, and every
problem reported at its line, with its ref and its words.

A cross-check (an unknown ref, a loop, units or frequencies that cannot be combined) is reported at the
line of the indicator's ``derived:`` key; a problem with one key of ``derived:`` at that key's line (one
and the same line when ``derived:`` is written on one line, as most tests here write it); a population's
problem at the line of its year.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from catalogue_support import errors_of, line_of, load

from scorecard_report.inputs.derived import Aggregate, Derivation, DerivedKind, Population
from scorecard_report.inputs.periods import Month
from scorecard_report.load.derived_values import with_derived
from scorecard_report.load.values import load_values
from scorecard_report.problems import Problem

# Every kind of input a derivation may name: monthly counts, a percentage, a rate, a quarterly and an
# annual count, and a populations: block written one year a line so that each year has its own line.
HEAD = """\
title: Derived Test Scorecard
organisation: Test Council
year_start_month: 4
default_tolerance: 5%
populations:
  child_population:
    label: children aged 0 to 17
    source: ONS mid-year estimates
    values:
      "2025/26": 51900
      "2026/27": 52100
sections:
  - id: main
    title: Main
    indicators:
      - {ref: FD1, title: Contacts received, unit: count, polarity: neutral}
      - {ref: FD2b, title: Contacts that became referrals, unit: count, polarity: neutral}
      - {ref: P1, title: A percentage, unit: percent, polarity: high}
      - {ref: R1, title: A rate, unit: rate, polarity: low, multiplier: 10000}
      - {ref: Q1, title: A quarterly count, unit: count, polarity: neutral, frequency: quarterly}
      - {ref: Y1, title: An annual count, unit: count, polarity: neutral, frequency: annual}
"""

RATE = "rate_of: FD1, per: 10000, population: child_population"
RATE_INDICATOR = f"ref: D1, title: D1 derived, unit: rate, polarity: neutral, derived: {{{RATE}}}"


def with_indicators(*lines: str, head: str = HEAD) -> str:
    """The catalogue with these indicators after HEAD's, each written on one line."""
    return head + "".join(f"      - {line}\n" for line in lines)


def derived(ref: str, unit: str, derivation: str, extra: str = "") -> str:
    """One indicator on one line: ``{ref: D1, ..., derived: {...}}``."""
    return (
        f"{{ref: {ref}, title: {ref} derived, unit: {unit}, polarity: neutral{extra}, "
        f"derived: {{{derivation}}}}}"
    )


def one_error(tmp_path: Path, text: str) -> Problem:
    problems = errors_of(tmp_path, text)
    assert len(problems) == 1, [problem.message for problem in problems]
    return problems[0]


# Read as written -----------------------------------------------------------------------------------


def test_a_well_formed_catalogue_reads_every_kind_with_its_fields(tmp_path: Path) -> None:
    text = with_indicators(
        derived("FD2", "rate", f"{RATE}, rolling: 12"),
        derived("FD3", "count", "rolling: 12, of: FD1, minimum: 10"),
        derived("FD4", "count", "rolling: 3, of: FD1, how: mean"),
        derived("FD5", "count", "year_to_date: FD1, how: last"),
        derived("FD6", "percent", "ratio: [FD2b, FD1], multiplier: 100"),
        derived("FD7", "count", "year_to_date: Q1", ", frequency: quarterly"),
    )
    catalogue = load(tmp_path, text)
    by_ref = {indicator.ref: indicator.derived for indicator in catalogue.indicators}
    assert by_ref["FD1"] is None  # read from the data
    # Derivation(kind, of, how, months, minimum, over, per, population)
    assert by_ref["FD2"] == Derivation(
        DerivedKind.RATE, "FD1", Aggregate.SUM, 12, None, None, Decimal(10000), "child_population"
    )
    assert by_ref["FD3"] == Derivation(DerivedKind.ROLLING, "FD1", Aggregate.SUM, 12, 10)
    assert by_ref["FD4"] == Derivation(DerivedKind.ROLLING, "FD1", Aggregate.MEAN, 3)
    assert by_ref["FD5"] == Derivation(DerivedKind.YEAR_TO_DATE, "FD1", Aggregate.LAST)
    assert by_ref["FD6"] == Derivation(DerivedKind.RATIO, "FD2b", over="FD1", per=Decimal(100))
    assert by_ref["FD7"] == Derivation(DerivedKind.YEAR_TO_DATE, "Q1")
    # The line of each derived: (one indicator a line here), compare=False so checked on its own.
    for ref in ("FD2", "FD3", "FD4", "FD5", "FD6", "FD7"):
        derivation = by_ref[ref]
        assert derivation is not None
        assert derivation.line == line_of(text, f"ref: {ref},")
    # The inputs a derivation reads: its ref, a ratio's denominator, a rate's population.
    assert by_ref["FD6"] is not None and by_ref["FD6"].inputs == ("FD2b", "FD1")
    assert by_ref["FD2"] is not None and by_ref["FD2"].inputs == ("FD1", "child_population")


def test_the_populations_block_reads_one_value_a_financial_year(tmp_path: Path) -> None:
    text = with_indicators(derived("FD2", "rate", RATE))
    catalogue = load(tmp_path, text)
    # "2025/26" is the year that starts in April 2025: keyed 2025.
    assert catalogue.populations == (
        Population(
            "child_population",
            "children aged 0 to 17",
            "ONS mid-year estimates",
            ((2025, Decimal(51900)), (2026, Decimal(52100))),
            line_of(text, "child_population:"),
        ),
    )
    population = catalogue.population("child_population")
    assert population is not None
    assert (population.value(2025), population.value(2026), population.value(2027)) == (
        Decimal(51900),
        Decimal(52100),
        None,
    )


def test_a_derived_block_written_over_several_lines_is_reported_at_its_derived_key(tmp_path: Path) -> None:
    text = HEAD + (
        "      - ref: FD3\n"
        "        title: Contacts (12 months)\n"
        "        unit: count\n"
        "        polarity: neutral\n"
        "        derived:\n"
        "          rolling: 12\n"
        "          of: FD9\n"
    )
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "derived:"), "FD3")
    assert problem.message == "computed from 'FD9', which is not in the catalogue"


# Refs and loops ------------------------------------------------------------------------------------


def test_an_unknown_ref_with_a_close_one_suggests_it(tmp_path: Path) -> None:
    text = with_indicators(derived("FD3", "count", "rolling: 12, of: FD10"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: FD3,"), "FD3")
    assert problem.message == "computed from 'FD10', which is not in the catalogue"
    assert problem.hint == "did you mean 'FD1'?"


def test_an_unknown_ref_with_nothing_close_says_to_name_a_ref(tmp_path: Path) -> None:
    text = with_indicators(derived("FD3", "count", "rolling: 12, of: ZZZZZZ"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: FD3,"), "FD3")
    assert problem.message == "computed from 'ZZZZZZ', which is not in the catalogue"
    assert problem.hint == "name an indicator's ref"


def test_an_unknown_denominator_is_divided_by(tmp_path: Path) -> None:
    text = with_indicators(derived("FD6", "percent", "ratio: [FD2b, FD11], multiplier: 100"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: FD6,"), "FD6")
    assert problem.message == "divided by 'FD11', which is not in the catalogue"
    assert problem.hint == "did you mean 'FD1'?"


def test_a_two_cycle_is_reported_once_at_the_first_of_the_loop(tmp_path: Path) -> None:
    text = with_indicators(
        derived("A", "count", "rolling: 3, of: B"),
        derived("B", "count", "rolling: 3, of: A"),
    )
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: A,"), "A")
    assert problem.message == "computed from itself: A → B → A"
    assert problem.hint == "compute one of them from values in the data"


def test_a_three_cycle_starts_at_the_first_in_catalogue_order(tmp_path: Path) -> None:
    # X reads the loop but is not in it; the loop is D1 → D3 → D2 → D1 (D1 reads D3, D3 reads D2, D2
    # reads D1), reported once, from D1, the first of the three in the catalogue.
    text = with_indicators(
        derived("X", "count", "rolling: 3, of: D2"),
        derived("D1", "count", "rolling: 3, of: D3"),
        derived("D2", "count", "rolling: 3, of: D1"),
        derived("D3", "count", "rolling: 3, of: D2"),
    )
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "computed from itself: D1 → D3 → D2 → D1"


def test_an_indicator_computed_from_itself(tmp_path: Path) -> None:
    text = with_indicators(derived("S1", "count", "rolling: 3, of: S1"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: S1,"), "S1")
    assert problem.message == "computed from itself: S1 → S1"


def test_a_loop_through_a_rates_population_is_a_loop(tmp_path: Path) -> None:
    # P2's population is P3, and P3 is computed from P2.
    text = with_indicators(
        derived("P2", "rate", "rate_of: FD1, per: 10000, population: P3"),
        derived("P3", "count", "year_to_date: P2, how: last"),
    )
    problems = errors_of(tmp_path, text)
    loops = [problem for problem in problems if problem.message.startswith("computed from itself")]
    assert [(p.line, p.ref, p.message) for p in loops] == [
        (line_of(text, "ref: P2,"), "P2", "computed from itself: P2 → P3 → P2")
    ]


# Units ---------------------------------------------------------------------------------------------


def test_a_sum_of_a_percent_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "percent", "rolling: 3, of: P1"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "P1 is a percent: a sum of percent figures means nothing"
    assert problem.hint == "use how: mean or how: last, or sum a count"


def test_a_mean_of_a_percent_is_allowed_and_keeps_its_unit(tmp_path: Path) -> None:
    catalogue = load(tmp_path, with_indicators(derived("D1", "percent", "rolling: 3, of: P1, how: mean")))
    assert catalogue.indicators[-1].derived == Derivation(DerivedKind.ROLLING, "P1", Aggregate.MEAN, 3)
    text = with_indicators(derived("D1", "count", "rolling: 3, of: P1, how: mean"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "a mean of percent P1 is a percent, not a count"


def test_a_rate_of_a_percentage_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", "rate_of: P1, per: 10000, population: child_population"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "P1 is a percent: a rate is worked out from a count"


def test_a_rate_whose_unit_is_not_rate_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", RATE))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "a rate per population is a rate, not a count"


def test_a_ratio_of_a_rate_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "percent", "ratio: [R1, FD1], multiplier: 100"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "R1 is a rate: a ratio is of counts or amounts"


def test_a_percent_ratio_without_multiplier_100_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "percent", "ratio: [FD2b, FD1]"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "a percentage is a ratio times 100"
    assert problem.hint == "write multiplier: 100"
    wrong = with_indicators(derived("D1", "percent", "ratio: [FD2b, FD1], multiplier: 1000"))
    assert one_error(tmp_path, wrong).message == "a percentage is a ratio times 100"


def test_a_rate_ratio_needs_a_multiplier(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", "ratio: [FD2b, FD1]"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "a rate is a ratio times its per (10000 for per 10,000)"


def test_a_rates_minimum_needs_rolling(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", f"{RATE}, minimum: 3"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "minimum: needs rolling: (the months the count is summed over)"


# Frequencies ---------------------------------------------------------------------------------------


def test_a_rolling_figure_of_an_annual_indicator_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "rolling: 12, of: Y1", ", frequency: annual"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "Y1 is annual: a rolling figure of a yearly figure is the figure itself"


def test_a_year_to_date_of_an_annual_indicator_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "year_to_date: Y1", ", frequency: annual"))
    problem = one_error(tmp_path, text)
    assert problem.message == "Y1 is annual: a year to date of a yearly figure is the figure itself"


def test_rolling_4_of_a_quarterly_indicator_is_not_whole_quarters(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "rolling: 4, of: Q1", ", frequency: quarterly"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "Q1 is quarterly: a window of 4 months does not hold whole quarters"
    assert problem.hint == "give rolling: a multiple of 3"
    # rolling: 12 of a quarterly count is four whole quarters.
    fine = load(
        tmp_path, with_indicators(derived("D1", "count", "rolling: 12, of: Q1", ", frequency: quarterly"))
    )
    assert fine.indicators[-1].derived == Derivation(DerivedKind.ROLLING, "Q1", months=12)


def test_a_derived_indicator_must_have_its_inputs_frequency(tmp_path: Path) -> None:
    # No frequency: written, so monthly, but computed from quarterly Q1.
    text = with_indicators(derived("D1", "count", "year_to_date: Q1"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "computed from quarterly Q1, so it is quarterly, not monthly"
    assert problem.hint == "write frequency: quarterly"


def test_a_ratio_of_monthly_over_quarterly_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "percent", "ratio: [FD1, Q1], multiplier: 100"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "FD1 is monthly and Q1 is quarterly: a ratio needs both for the same periods"


# Populations ---------------------------------------------------------------------------------------


def test_a_population_neither_in_populations_nor_a_ref(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", "rate_of: FD1, per: 10000, population: child_populaton"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "population 'child_populaton' is neither in populations: nor an indicator's ref"
    assert problem.hint == "did you mean 'child_population'?"


def test_a_population_indicator_of_another_frequency_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", "rate_of: FD1, per: 10000, population: Q1"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "population Q1 is quarterly and FD1 is monthly"


def test_a_population_indicator_of_the_same_frequency_is_read(tmp_path: Path) -> None:
    catalogue = load(
        tmp_path, with_indicators(derived("D1", "rate", "rate_of: FD2b, per: 10000, population: FD1"))
    )
    assert catalogue.indicators[-1].derived == Derivation(
        DerivedKind.RATE, "FD2b", per=Decimal(10000), population="FD1"
    )


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ('"2025/27"', "'2025/27' is not a financial year: 2025 is followed by 26"),
        ('"March 2026"', "'March 2026' is not a financial year; write it as "),
    ],
)
def test_a_population_year_that_is_not_a_financial_year(tmp_path: Path, year: str, message: str) -> None:
    text = HEAD.replace('"2026/27": 52100', f"{year}: 52100") + "      - {" + RATE_INDICATOR + "}\n"
    problems = errors_of(tmp_path, text)
    at_year = [problem for problem in problems if problem.line == line_of(text, f"{year}: 52100")]
    assert len(at_year) == 1
    assert at_year[0].message.startswith(message)


def test_a_population_of_0_is_refused_at_its_year(tmp_path: Path) -> None:
    text = HEAD.replace('"2026/27": 52100', '"2026/27": 0') + "      - {" + RATE_INDICATOR + "}\n"
    problems = errors_of(tmp_path, text)
    at_year = [problem for problem in problems if problem.line == line_of(text, '"2026/27": 0')]
    assert [problem.message for problem in at_year] == ["a population must be above 0, not 0"]


def test_a_population_of_0_is_the_only_problem(tmp_path: Path) -> None:
    text = HEAD.replace('"2026/27": 52100', '"2026/27": 0') + "      - {" + RATE_INDICATOR + "}\n"
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.message) == (
        line_of(text, '"2026/27": 0'),
        "a population must be above 0, not 0",
    )


# The shape of derived: -----------------------------------------------------------------------------


def test_two_kinds_at_once(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "year_to_date: FD1, ratio: [FD2b, FD1]"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "derived: gives year_to_date and ratio; an indicator is computed one way"
    assert problem.hint == "keep one"


def test_no_kind(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "how: sum"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "derived: says how the indicator is computed"
    assert problem.hint == "give one of rolling (with of), year_to_date, rate_of or ratio"


def test_a_key_of_another_kind(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "rate", f"{RATE}, multiplier: 100"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "multiplier: does not go with rate_of"
    assert problem.hint == "rate_of takes minimum, per, population, rate_of, rolling"


@pytest.mark.parametrize("written", ["0", "61", "1.5"])
def test_rolling_is_a_whole_number_from_1_to_60(tmp_path: Path, written: str) -> None:
    text = with_indicators(derived("D1", "count", f"rolling: {written}, of: FD1"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == f"rolling must be a whole number of months from 1 to 60, not '{written}'"


def test_rolling_60_and_1_are_the_limits(tmp_path: Path) -> None:
    catalogue = load(
        tmp_path,
        with_indicators(
            derived("D1", "count", "rolling: 60, of: FD1"), derived("D2", "count", "rolling: 1, of: FD1")
        ),
    )
    assert [indicator.derived.months for indicator in catalogue.indicators if indicator.derived] == [60, 1]


def test_a_minimum_larger_than_the_window(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "rolling: 3, of: FD1, minimum: 4"))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == "minimum 4 is more than the window's 3 months"


def test_minimum_0_is_refused(tmp_path: Path) -> None:
    text = with_indicators(derived("D1", "count", "rolling: 3, of: FD1, minimum: 0"))
    problem = one_error(tmp_path, text)
    assert problem.message == "minimum must be a whole number of periods from 1 to 60, not '0'"


@pytest.mark.parametrize(
    ("derivation", "message"),
    [
        ("rolling: 3, of: FD1, how: median", "how must be sum or mean, not 'median'"),
        ("year_to_date: FD1, how: median", "how must be sum or mean or last, not 'median'"),
    ],
)
def test_how_median_is_refused(tmp_path: Path, derivation: str, message: str) -> None:
    text = with_indicators(derived("D1", "count", derivation))
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "ref: D1,"), "D1")
    assert problem.message == message


def test_a_minimum_written_over_lines_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = HEAD + (
        "      - ref: D1\n"
        "        title: D1 derived\n"
        "        unit: count\n"
        "        polarity: neutral\n"
        "        derived:\n"
        "          rolling: 3\n"
        "          of: FD1\n"
        "          minimum: 4\n"
    )
    problem = one_error(tmp_path, text)
    assert (problem.line, problem.ref) == (line_of(text, "minimum: 4"), "D1")
    assert problem.message == "minimum 4 is more than the window's 3 months"


# Every problem at once -----------------------------------------------------------------------------


def test_several_problems_are_all_reported_in_one_input_error(tmp_path: Path) -> None:
    text = with_indicators(
        derived("E1", "count", "rolling: 12, of: FD10"),  # unknown ref, FD1 is close
        derived("E2", "count", "rolling: 3, of: E3"),  # E2 → E3 → E2
        derived("E3", "count", "rolling: 3, of: E2"),
        derived("E4", "percent", "rolling: 3, of: P1"),  # a sum of a percent
        derived("E5", "count", "rolling: 0, of: FD1"),  # rolling 0
        derived("E6", "percent", "ratio: [FD1, Q1], multiplier: 100"),  # monthly over quarterly
        derived("E7", "count", "how: median"),  # no kind (and how: median is not even looked at)
        derived("E8", "count", "rolling: 3, of: FD1, minimum: 5"),  # minimum over the window
    )
    problems = errors_of(tmp_path, text)
    found = {(problem.line, problem.ref, problem.message) for problem in problems}
    assert found == {
        (line_of(text, "ref: E1,"), "E1", "computed from 'FD10', which is not in the catalogue"),
        (line_of(text, "ref: E2,"), "E2", "computed from itself: E2 → E3 → E2"),
        (line_of(text, "ref: E4,"), "E4", "P1 is a percent: a sum of percent figures means nothing"),
        (line_of(text, "ref: E5,"), "E5", "rolling must be a whole number of months from 1 to 60, not '0'"),
        (
            line_of(text, "ref: E6,"),
            "E6",
            "FD1 is monthly and Q1 is quarterly: a ratio needs both for the same periods",
        ),
        (line_of(text, "ref: E7,"), "E7", "derived: says how the indicator is computed"),
        (line_of(text, "ref: E8,"), "E8", "minimum 5 is more than the window's 3 months"),
    }
    assert len(problems) == len(found)  # each once


def test_a_loop_of_thirty_is_named_by_its_first_ten(tmp_path: Path) -> None:
    # L0 from L29, L29 from L28, ..., L1 from L0: one loop of 30, found from L0, the first in the catalogue.
    loop = [derived(f"L{index}", "count", f"rolling: 1, of: L{(index - 1) % 30}") for index in range(30)]
    problem = one_error(tmp_path, with_indicators(*loop))
    steps = " → ".join(f"L{index}" for index in (0, 29, 28, 27, 26, 25, 24, 23, 22, 21))
    assert problem.message == f"computed from itself: {steps} → … (20 more) → L0"
    assert (problem.ref, problem.line) == ("L0", line_of(with_indicators(*loop), "{ref: L0,"))


def test_a_chain_of_two_thousand_is_read_and_computed_in_order(tmp_path: Path) -> None:
    # C1 is FD1 over 1 month, C2 is C1 over 1 month, ...: each is FD1 itself. The chain is longer than
    # Python's recursion limit, and the catalogue lists it last first, so the order must be worked out.
    chain = [derived(f"C{index}", "count", f"rolling: 1, of: C{index - 1}") for index in range(2000, 1, -1)]
    text = with_indicators(*chain, derived("C1", "count", "rolling: 1, of: FD1"))
    catalogue = load(tmp_path, text)
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value\nFD1,2026-10,1348\n", encoding="utf-8")
    values = with_derived(catalogue, load_values(data, catalogue))
    assert values.series("C2000")[Month(2026, 10)] == 1348


def test_a_quarterly_windows_minimum_counts_quarters(tmp_path: Path) -> None:
    # rolling: 12 of a quarterly count is 4 quarters: a minimum of 5 can never be met.
    text = with_indicators(
        derived("D1", "count", "rolling: 12, of: Q1, minimum: 5", ", frequency: quarterly")
    )
    problem = one_error(tmp_path, text)
    assert problem.message == "minimum 5 is more than the window's 4 quarters"
    assert (problem.ref, problem.line) == ("D1", line_of(text, "ref: D1,"))
    assert load(tmp_path, text.replace("minimum: 5", "minimum: 3")).indicator("D1") is not None
