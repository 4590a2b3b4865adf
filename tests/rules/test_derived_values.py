"""The derived indicators' values (docs/derived-indicators.md), built end to end with ``build_report``:
every expected number worked out by hand in a comment.

Most tests read C1, a monthly count of 100 + the months since April 2025:

    Apr 2025 100  May 101  Jun 102  Jul 103  Aug 104  Sep 105  Oct 106  Nov 107  Dec 108
    Jan 2026 109  Feb 110  Mar 111  Apr 112  May 113  Jun 114  Jul 115  Aug 116  Sep 117
    Oct 2026 118  Nov 119  Dec 120  Jan 2027 121  Feb 122  Mar 123

so that a sum of consecutive months is (first + last) × months / 2. Populations are chosen so that each
rate divides exactly: 50,000 children in 2025/26 and 40,000 in 2026/27.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report import build_report
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Rule, Variation
from scorecard_report.model.report import Report, Row
from scorecard_report.problems import InputError, Problem

APR_2025 = Month(2025, 4)
MAR_2027 = Month(2027, 3)
MISSING = "Not yet available"  # the catalogue's default missing_label

POPULATIONS = """\
populations:
  child_population:
    label: children aged 0 to 17
    source: ONS mid-year estimates
    values:
      "2025/26": 50000
      "2026/27": 40000
"""

RATE = "rate_of: C1, per: 10000, population: child_population"


def catalogue_text(*indicators: str, populations: str = POPULATIONS, year_start: int = 4) -> str:
    """A catalogue with C1 and C2 (monthly counts) and the indicators given, one a line."""
    return (
        "title: Derived Values Scorecard\n"
        "organisation: Test Council\n"
        f"year_start_month: {year_start}\n"
        "default_tolerance: 5%\n" + populations + "sections:\n"
        "  - id: main\n"
        "    title: Main\n"
        "    indicators:\n"
        "      - {ref: C1, title: Contacts received, unit: count, polarity: neutral}\n"
        "      - {ref: C2, title: Contacts that became referrals, unit: count, polarity: neutral}\n"
        + "".join(f"      - {indicator}\n" for indicator in indicators)
    )


def derived(ref: str, unit: str, derivation: str, extra: str = "", polarity: str = "neutral") -> str:
    return (
        f"{{ref: {ref}, title: {ref} computed, unit: {unit}, polarity: {polarity}{extra}, "
        f"derived: {{{derivation}}}}}"
    )


def rows(ref: str, first: Month, numbers: Iterable[int | str | None]) -> list[str]:
    """CSV rows for ``ref`` from ``first``, one month after another; None leaves the month out."""
    return [
        f"{ref},{first.plus(at).iso()},{number}" for at, number in enumerate(numbers) if number is not None
    ]


def contacts(first: Month = APR_2025, last: Month = MAR_2027, leave_out: Collection[Month] = ()) -> list[str]:
    """C1's rows, 100 + the months since April 2025, from ``first`` to ``last``."""
    found = []
    month = first
    while month <= last:
        if month not in leave_out:
            found.append(f"C1,{month.iso()},{100 + month.index - APR_2025.index}")
        month = month.plus(1)
    return found


def build(tmp_path: Path, catalogue: str, data: Iterable[str], period: str) -> Report:
    catalogue_path = tmp_path / "catalogue.yaml"
    catalogue_path.write_text(catalogue, encoding="utf-8")
    data_path = tmp_path / "values.csv"
    data_path.write_text("ref,period,value\n" + "".join(f"{line}\n" for line in data), encoding="utf-8")
    return build_report(catalogue_path, data_path, period=period)


def row(report: Report, ref: str) -> Row:
    return next(found for found in report.rows if found.ref == ref)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def input_error(tmp_path: Path, catalogue: str, data: Iterable[str], period: str) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        build(tmp_path, catalogue, data, period)
    return [problem for problem in caught.value.problems if not problem.warning]


class Kept(logging.Handler):
    """The warnings logged, as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "problem", None)
        if isinstance(problem, Problem):
            self.problems.append(problem)


# Rolling figures -----------------------------------------------------------------------------------


def test_a_rolling_12_month_sum(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("R12", "count", "rolling: 12, of: C1"))
    march = row(build(tmp_path, catalogue, contacts(), "2026-03"), "R12")
    # Apr 2025 to Mar 2026: 100 + 101 + ... + 111 = (100 + 111) × 12 / 2 = 1266
    assert (march.current.value, march.current.text) == (Decimal(1266), "1,266")
    worked = march.current.worked
    assert worked is not None
    assert (worked.first, worked.last, worked.periods, worked.used, worked.missing) == (
        APR_2025,
        Month(2026, 3),
        12,
        12,
        (),
    )
    later = row(build(tmp_path, catalogue, contacts(), "2027-03"), "R12")
    # Apr 2026 to Mar 2027: 112 + ... + 123 = (112 + 123) × 12 / 2 = 1410
    assert (later.current.value, later.current.text) == (Decimal(1410), "1,410")


def test_a_rolling_3_month_mean(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        derived("M3", "count", "rolling: 3, of: C1, how: mean"),
        derived("M3b", "count", "rolling: 3, of: C2, how: mean", ", decimals: 2"),
    )
    data = [*contacts(), *rows("C2", Month(2026, 1), [10, 11, 13])]
    report = build(tmp_path, catalogue, data, "2026-03")
    # (109 + 110 + 111) / 3 = 330 / 3 = 110
    assert (row(report, "M3").current.value, row(report, "M3").current.text) == (Decimal(110), "110")
    # (10 + 11 + 13) / 3 = 34 / 3 = 11.333…, shown at 2 decimals as 11.33
    m3b = row(report, "M3b").current
    assert m3b.value == Decimal(34) / Decimal(3)
    assert m3b.text == "11.33"


def test_a_missing_month_inside_a_rolling_window_is_missing_until_the_window_passes_it(
    tmp_path: Path,
) -> None:
    catalogue = catalogue_text(derived("R3", "count", "rolling: 3, of: C1"))
    data = contacts(leave_out={Month(2025, 10)})
    # Sep 2025: Jul + Aug + Sep = 103 + 104 + 105 = 312, before the gap.
    assert row(build(tmp_path, catalogue, data, "2025-09"), "R3").current.value == Decimal(312)
    # Oct, Nov and Dec 2025 each have October in their window: missing, never a partial sum.
    for period in ("2025-10", "2025-11", "2025-12"):
        current = row(build(tmp_path, catalogue, data, period), "R3").current
        assert (current.value, current.text) == (None, MISSING), period
        assert current.worked is not None and current.worked.missing == (Month(2025, 10),)
    # Jan 2026: Nov + Dec + Jan = 107 + 108 + 109 = 324; October has left the window.
    january = row(build(tmp_path, catalogue, data, "2026-01"), "R3").current
    assert (january.value, january.text) == (Decimal(324), "324")


def test_minimum_11_allows_one_missing_month_as_a_partial_sum(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("R12", "count", "rolling: 12, of: C1, minimum: 11"))
    one_gap = contacts(leave_out={Month(2025, 10)})
    march = row(build(tmp_path, catalogue, one_gap, "2026-03"), "R12").current
    # 1266 (Apr 2025 to Mar 2026) - 106 (October) = 1160: the 11 present, not scaled up to 12 months
    # (which would be 1160 × 12 / 11 = 1265.45…).
    assert (march.value, march.text) == (Decimal(1160), "1,160")
    assert march.worked is not None
    assert (march.worked.periods, march.worked.used, march.worked.missing) == (12, 11, (Month(2025, 10),))
    two_gaps = contacts(leave_out={Month(2025, 10), Month(2025, 11)})
    missing = row(build(tmp_path, catalogue, two_gaps, "2026-03"), "R12").current
    # 10 of 12 present: fewer than 11.
    assert (missing.value, missing.text) == (None, MISSING)
    assert missing.worked is not None
    assert missing.worked.missing == (Month(2025, 10), Month(2025, 11))


def test_a_window_reaching_back_before_the_data_begins_is_missing(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("R12", "count", "rolling: 12, of: C1"))
    # Feb 2026's window is Mar 2025 to Feb 2026; the data begins in April 2025.
    february = row(build(tmp_path, catalogue, contacts(), "2026-02"), "R12").current
    assert (february.value, february.text) == (None, MISSING)
    assert february.worked is not None
    assert (february.worked.first, february.worked.missing) == (Month(2025, 3), (Month(2025, 3),))


# Year to date --------------------------------------------------------------------------------------


def test_year_to_date_across_a_financial_year_end(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("YTD", "count", "year_to_date: C1"))
    march = row(build(tmp_path, catalogue, contacts(), "2026-03"), "YTD").current
    # March is month 12 of 2025/26: Apr 2025 to Mar 2026, 100 + ... + 111 = 1266
    assert (march.value, march.text) == (Decimal(1266), "1,266")
    assert march.worked is not None and (march.worked.first, march.worked.periods) == (APR_2025, 12)
    april = row(build(tmp_path, catalogue, contacts(), "2026-04"), "YTD").current
    # April starts 2026/27 again: just April, 112
    assert (april.value, april.text) == (Decimal(112), "112")
    may = row(build(tmp_path, catalogue, contacts(), "2026-05"), "YTD").current
    # 112 + 113 = 225
    assert may.value == Decimal(225)


def test_year_to_date_with_a_calendar_year(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("YTD", "count", "year_to_date: C1"), populations="", year_start=1)
    # Jan + Feb + Mar 2026 = 109 + 110 + 111 = 330
    assert row(build(tmp_path, catalogue, contacts(), "2026-03"), "YTD").current.value == Decimal(330)
    # January starts the year: 109
    assert row(build(tmp_path, catalogue, contacts(), "2026-01"), "YTD").current.value == Decimal(109)
    # Dec 2025's year runs from Jan 2025, but the data begins in April 2025: missing.
    december = row(build(tmp_path, catalogue, contacts(), "2025-12"), "YTD").current
    assert (december.value, december.text) == (None, MISSING)


def test_year_to_date_mean_and_last(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        derived("YM", "count", "year_to_date: C1, how: mean", ", decimals: 1"),
        derived("YL", "count", "year_to_date: C1, how: last"),
    )
    report = build(tmp_path, catalogue, contacts(), "2026-03")
    # 1266 / 12 = 105.5
    assert (row(report, "YM").current.value, row(report, "YM").current.text) == (Decimal("105.5"), "105.5")
    # the latest of Apr 2025 to Mar 2026: March's 111
    assert (row(report, "YL").current.value, row(report, "YL").current.text) == (Decimal(111), "111")


def test_a_year_to_date_window_shorter_than_the_minimum_needs_all_its_months(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("YTD", "count", "year_to_date: C1, minimum: 2"))
    data = contacts(leave_out={Month(2026, 4)})
    # May 2026: [Apr, May], 1 of 2 present, fewer than 2: missing.
    assert row(build(tmp_path, catalogue, data, "2026-05"), "YTD").current.value is None
    # Jun 2026: [Apr, May, Jun], 2 of 3 present: May + Jun = 113 + 114 = 227
    june = row(build(tmp_path, catalogue, data, "2026-06"), "YTD").current
    assert june.value == Decimal(227)
    assert june.worked is not None and june.worked.missing == (Month(2026, 4),)
    strict = catalogue_text(derived("YTD", "count", "year_to_date: C1, minimum: 10"))
    # minimum 10 over a 3 month window: all 3 needed, April is missing.
    assert row(build(tmp_path, strict, data, "2026-06"), "YTD").current.value is None


def test_year_to_date_of_a_quarterly_count(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        "{ref: Q1, title: Quarterly count, unit: count, polarity: neutral, frequency: quarterly}",
        derived("QY", "count", "year_to_date: Q1", ", frequency: quarterly"),
    )
    data = [
        "Q1,2025-06,30",
        "Q1,2025-09,40",
        "Q1,2025-12,50",
        "Q1,2026-03,60",
        "Q1,2026-06,70",
    ]
    december = row(build(tmp_path, catalogue, data, "2025-12"), "QY").current
    # Jun + Sep + Dec 2025 = 30 + 40 + 50 = 120
    assert (december.period, december.value) == (Month(2025, 12), Decimal(120))
    assert december.worked is not None and december.worked.periods == 3
    # Mar 2026 ends the year: 30 + 40 + 50 + 60 = 180
    assert row(build(tmp_path, catalogue, data, "2026-03"), "QY").current.value == Decimal(180)
    # Jun 2026 starts 2026/27 again: just June's 70
    june = row(build(tmp_path, catalogue, data, "2026-06"), "QY").current
    assert (june.period, june.value) == (Month(2026, 6), Decimal(70))


# Rates ---------------------------------------------------------------------------------------------


def test_a_rate_per_10000_uses_each_financial_years_population(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("RT", "rate", RATE, ', unit_label: "per 10,000"'))
    march = row(build(tmp_path, catalogue, contacts(), "2026-03"), "RT").current
    # Mar 2026 is in 2025/26: 111 / 50000 × 10000 = 22.2
    assert (march.value, march.text) == (Decimal("22.2"), "22.2")
    assert (march.numerator, march.denominator) == (Decimal(111), Decimal(50000))
    assert march.worked is not None and march.worked.population_year == 2025
    april = row(build(tmp_path, catalogue, contacts(), "2026-04"), "RT").current
    # Apr 2026 is in 2026/27: 112 / 40000 × 10000 = 28
    assert (april.value, april.text) == (Decimal(28), "28.0")
    assert (april.numerator, april.denominator) == (Decimal(112), Decimal(40000))
    assert april.worked is not None and april.worked.population_year == 2026


def test_a_rate_over_a_rolling_12_months(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("RR", "rate", f"{RATE}, rolling: 12"))
    report = build(tmp_path, catalogue, contacts(), "2026-03")
    march = row(report, "RR").current
    # (100 + ... + 111) = 1266; 1266 / 50000 × 10000 = 253.2
    assert (march.value, march.text) == (Decimal("253.2"), "253.2")
    assert (march.numerator, march.denominator) == (Decimal(1266), Decimal(50000))
    april = row(build(tmp_path, catalogue, contacts(), "2026-04"), "RR").current
    # May 2025 to Apr 2026: (101 + 112) × 12 / 2 = 1278, over 2026/27's 40000: 1278 / 4 = 319.5
    assert (april.value, april.numerator, april.denominator) == (
        Decimal("319.5"),
        Decimal(1278),
        Decimal(40000),
    )
    later = row(build(tmp_path, catalogue, contacts(), "2027-03"), "RR").current
    # (112 + ... + 123) = 1410; 1410 / 40000 × 10000 = 352.5
    assert (later.value, later.text) == (Decimal("352.5"), "352.5")


def test_a_rate_per_another_monthly_indicator(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        "{ref: POP, title: Children on the roll, unit: count, polarity: neutral}",
        derived("RP", "rate", "rate_of: C1, per: 10000, population: POP"),
    )
    data = [*contacts(), *rows("POP", APR_2025, [20000] * 24)]
    march = row(build(tmp_path, catalogue, data, "2026-03"), "RP").current
    # 111 / 20000 × 10000 = 55.5
    assert (march.value, march.text) == (Decimal("55.5"), "55.5")
    assert (march.numerator, march.denominator) == (Decimal(111), Decimal(20000))
    assert march.worked is not None and march.worked.population_year is None


def test_a_population_missing_for_a_year_that_is_needed_is_an_error(tmp_path: Path) -> None:
    one_year = POPULATIONS.replace('      "2026/27": 40000\n', "")
    catalogue = catalogue_text(derived("RT", "rate", RATE), populations=one_year)
    # C1 has a value in Apr 2026, in 2026/27, which has no population.
    [problem] = input_error(tmp_path, catalogue, contacts(), "2026-03")
    assert problem.message == (
        "population 'child_population' has no value for 2026/27 (from Apr 2026), which RT needs: C1 has a "
        "value in those months"
    )
    assert (problem.line, problem.ref) == (line_of(catalogue, "child_population:"), "RT")
    assert problem.hint == "add 2026/27: NUMBER under populations: child_population: values:"


def test_a_population_missing_for_two_years_names_both(tmp_path: Path) -> None:
    one_year = POPULATIONS.replace('      "2026/27": 40000\n', "")
    catalogue = catalogue_text(derived("RT", "rate", RATE), populations=one_year)
    data = contacts(last=Month(2027, 5))  # up to May 2027, in 2027/28
    [problem] = input_error(tmp_path, catalogue, data, "2026-03")
    assert problem.message.startswith(
        "population 'child_population' has no value for 2026/27 (from Apr 2026) and 2027/28 (from Apr 2027), "
    )
    assert problem.ref == "RT"


def test_a_population_missing_for_two_years_names_the_first_month_of_each(tmp_path: Path) -> None:
    one_year = POPULATIONS.replace('      "2026/27": 40000\n', "")
    catalogue = catalogue_text(derived("RT", "rate", RATE), populations=one_year)
    [problem] = input_error(tmp_path, catalogue, contacts(last=Month(2027, 5)), "2026-03")
    assert "Apr 2026" in problem.message
    assert "Apr 2027" in problem.message


def test_a_population_year_no_value_needs_is_no_error(tmp_path: Path) -> None:
    one_year = POPULATIONS.replace('      "2026/27": 40000\n', "")
    catalogue = catalogue_text(derived("RT", "rate", RATE), populations=one_year)
    # The data ends in March 2026: 2026/27 is not needed. 111 / 50000 × 10000 = 22.2
    report = build(tmp_path, catalogue, contacts(last=Month(2026, 3)), "2026-03")
    assert row(report, "RT").current.value == Decimal("22.2")


def test_a_population_year_with_only_incomplete_windows_is_no_error(tmp_path: Path) -> None:
    # Only 2026/27 has a population. C1 runs from Aug 2025 to Jul 2026, so every 12-month window that
    # ends in 2025/26 (Aug 2025 to Mar 2026) reaches back before the data: none has a value, and
    # 2025/26's population is not needed.
    later_year = POPULATIONS.replace('      "2025/26": 50000\n', "")
    catalogue = catalogue_text(derived("RR", "rate", f"{RATE}, rolling: 12"), populations=later_year)
    data = contacts(first=Month(2025, 8), last=Month(2026, 7))
    july = row(build(tmp_path, catalogue, data, "2026-07"), "RR").current
    # Aug 2025 to Jul 2026: (104 + 115) × 12 / 2 = 1314; 1314 / 40000 × 10000 = 328.5
    assert (july.value, july.numerator, july.denominator) == (Decimal("328.5"), Decimal(1314), Decimal(40000))


# Ratios --------------------------------------------------------------------------------------------


def test_a_ratio_times_100_is_a_percentage_with_its_parts(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("PC", "percent", "ratio: [C2, C1], multiplier: 100"))
    data = ["C1,2026-03,120", "C2,2026-03,30"]
    current = row(build(tmp_path, catalogue, data, "2026-03"), "PC").current
    # 30 / 120 × 100 = 25
    assert (current.value, current.text) == (Decimal(25), "25%")
    assert (current.numerator, current.denominator) == (Decimal(30), Decimal(120))


def test_a_zero_denominator_is_missing_with_a_warning(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("PC", "percent", "ratio: [C2, C1], multiplier: 100"))
    kept = Kept()
    logger = logging.getLogger("scorecard_report")
    logger.addHandler(kept)
    try:
        report = build(tmp_path, catalogue, ["C1,2026-03,0", "C2,2026-03,3"], "2026-03")
    finally:
        logger.removeHandler(kept)
    current = row(report, "PC").current
    assert (current.value, current.text) == (None, MISSING)
    [warning] = [problem for problem in kept.problems if problem.ref == "PC"]
    assert warning.warning
    assert warning.message == "Mar 2026: its denominator is 0, so it has no value that month"
    assert warning.line == line_of(catalogue, "ref: PC,")


# A derived indicator computed from another ----------------------------------------------------------


def test_a_year_to_date_of_a_rolling_3_month_sum(tmp_path: Path) -> None:
    # YR is written before R3, which it is computed from.
    catalogue = catalogue_text(
        derived("YR", "count", "year_to_date: R3"),
        derived("R3", "count", "rolling: 3, of: C1"),
    )
    june = row(build(tmp_path, catalogue, contacts(), "2026-06"), "YR").current
    # R3: Apr 2026 = 110 + 111 + 112 = 333, May = 111 + 112 + 113 = 336, Jun = 112 + 113 + 114 = 339;
    # their year to date at June: 333 + 336 + 339 = 1008
    assert (june.value, june.text) == (Decimal(1008), "1,008")
    report = build(tmp_path, catalogue, contacts(), "2025-06")
    # R3 at Jun 2025 is 100 + 101 + 102 = 303, but R3 at Apr and May 2025 reach back before the data,
    # so the year to date at Jun 2025 is missing.
    assert row(report, "R3").current.value == Decimal(303)
    assert (row(report, "YR").current.value, row(report, "YR").current.text) == (None, MISSING)


# The rules apply to computed values -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("referrals", "value", "text", "status"),
    [
        # 31 / 121 × 100 = 25.6198…%, shown 26%; 30% less its 5% tolerance (1.5) is 28.5: 26 < 28.5 → red
        (31, Decimal("25.6198"), "26%", "red"),
        # 35 / 121 × 100 = 28.9256…%, shown 29%; 28.5 <= 29 < 30 → amber
        (35, Decimal("28.9256"), "29%", "amber"),
        # 37 / 121 × 100 = 30.5785…%, shown 31% >= 30 → green
        (37, Decimal("30.5785"), "31%", "green"),
    ],
)
def test_a_percentage_ratio_with_a_target_is_rag_rated(
    tmp_path: Path, referrals: int, value: Decimal, text: str, status: str
) -> None:
    catalogue = catalogue_text(
        derived("PT", "percent", "ratio: [C2, C1], multiplier: 100", ', target: "30%"', polarity="high")
    )
    current_row = row(
        build(tmp_path, catalogue, ["C1,2026-03,121", f"C2,2026-03,{referrals}"], "2026-03"), "PT"
    )
    assert current_row.current.value is not None
    assert current_row.current.value.quantize(Decimal("0.0001")) == value
    assert current_row.current.text == text
    assert str(current_row.status) == status
    assert (current_row.current.numerator, current_row.current.denominator) == (
        Decimal(referrals),
        Decimal(121),
    )


@pytest.mark.parametrize(
    ("period", "value", "text", "band"),
    [
        # 100 / 50000 × 10000 = 20.0: not below 20, at most 29.9 → good
        ("2025-04", Decimal(20), "20.0", "good"),
        # 111 / 50000 × 10000 = 22.2 → good
        ("2026-03", Decimal("22.2"), "22.2", "good"),
        # 123 / 40000 × 10000 = 30.75, shown 30.8: above 29.9, at most 40 → requires improvement
        ("2027-03", Decimal("30.75"), "30.8", "requires_improvement"),
    ],
)
def test_a_banded_derived_rate(tmp_path: Path, period: str, value: Decimal, text: str, band: str) -> None:
    catalogue = catalogue_text(
        derived(
            "RB",
            "rate",
            RATE,
            ', bands: {requires_improvement: "30-40", good: "20-29.9", outstanding: "Below 20"}',
            polarity="low",
        )
    )
    banded = row(build(tmp_path, catalogue, contacts(), period), "RB")
    assert (banded.current.value, banded.current.text, banded.band_key) == (value, text, band)


def test_spc_on_a_derived_series_finds_the_shift(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("PS", "percent", "ratio: [C2, C1], multiplier: 100", polarity="high"))
    # C1 is 100 every month, so PS is C2 as a percentage: 20, 22, 20, 22, ... for Apr 2025 to Mar 2026,
    # then 40 for Apr 2026 to Mar 2027.
    referrals = [20 if at % 2 == 0 else 22 for at in range(12)] + [40] * 12
    data = [*rows("C1", APR_2025, [100] * 24), *rows("C2", APR_2025, referrals)]
    spc = row(build(tmp_path, catalogue, data, "2027-03"), "PS").spc
    # centre: (12 × 21 + 12 × 40) / 24 = 732 / 24 = 30.5
    # moving ranges: 11 of 2, one of |40 - 22| = 18, 11 of 0: 40 / 23 = 1.739…
    # limits: 30.5 ± 2.66 × 40 / 23 = 30.5 ± 4.626087 → 25.873913 and 35.126087
    # Mar 2027's 40 is above 35.126…: outside the limits, high, an improvement for polarity high.
    assert spc.points == 24
    assert spc.centre == Decimal("30.5")
    assert spc.upper is not None and spc.upper.quantize(Decimal("0.000001")) == Decimal("35.126087")
    assert spc.lower is not None and spc.lower.quantize(Decimal("0.000001")) == Decimal("25.873913")
    assert (spc.variation, spc.rule) == (Variation.IMPROVEMENT_HIGH, Rule.OUTSIDE_LIMITS)


def test_direction_of_travel_on_derived_indicators(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        derived("PC", "percent", "ratio: [C2, C1], multiplier: 100", polarity="high"),
        derived("R3", "count", "rolling: 3, of: C1"),
    )
    data = [*contacts(), "C2,2026-02,30", "C2,2026-03,36"]
    report = build(tmp_path, catalogue, data, "2026-03")
    ratio = row(report, "PC")
    # C1 is 110 in Feb 2026 and 111 in Mar 2026: Feb 30 / 110 × 100 = 27.27…%, shown 27%; Mar
    # 36 / 111 × 100 = 32.43…%, shown 32%: 32 > 27 is up, and up is improving for polarity high.
    assert (ratio.previous_period.text, ratio.current.text) == ("27%", "32%")
    assert (str(ratio.direction), str(ratio.judgement)) == ("up", "improving")
    rolling = row(report, "R3")
    # Feb: 108 + 109 + 110 = 327; Mar: 109 + 110 + 111 = 330: up, increased (polarity neutral)
    assert (rolling.previous_period.value, rolling.current.value) == (Decimal(327), Decimal(330))
    assert (str(rolling.direction), str(rolling.judgement)) == ("up", "increased")


def test_nothing_dated_after_the_report_period_is_used(tmp_path: Path) -> None:
    catalogue = catalogue_text(
        derived("R12", "count", "rolling: 12, of: C1"),
        derived("YTD", "count", "year_to_date: C1"),
        derived("RR", "rate", f"{RATE}, rolling: 12"),
    )
    longer = build(tmp_path, catalogue, contacts(last=Month(2026, 10)), "2026-06")
    cut = build(tmp_path, catalogue, contacts(last=Month(2026, 6)), "2026-06")
    # R12: Jul 2025 to Jun 2026 = (103 + 114) × 12 / 2 = 1302
    # YTD: Apr + May + Jun 2026 = 112 + 113 + 114 = 339
    # RR: 1302 / 40000 × 10000 = 325.5
    expected = {"R12": Decimal(1302), "YTD": Decimal(339), "RR": Decimal("325.5")}
    for ref, value in expected.items():
        assert row(longer, ref).current.value == value, ref
        assert row(longer, ref).current == row(cut, ref).current, ref
        assert row(longer, ref).previous_period == row(cut, ref).previous_period, ref


def test_a_derived_ref_in_the_values_file_is_an_error_at_its_first_row(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("R12", "count", "rolling: 12, of: C1"))
    # The header is row 1 and C1's 24 rows are rows 2 to 25: R12's rows are 26 and 27.
    data = [*contacts(), "R12,2026-03,1266", "R12,2026-04,1278"]
    [problem] = input_error(tmp_path, catalogue, data, "2026-03")
    assert (problem.row, problem.ref) == (26, "R12")
    line = line_of(catalogue, "ref: R12,")
    assert problem.message == (
        f"R12 is computed by the tool (derived: in catalogue.yaml, line {line}), so the data may not give "
        "it values (and 1 more rows)"
    )


def test_a_window_allowed_by_its_minimum_does_not_need_a_later_month(tmp_path: Path) -> None:
    catalogue = catalogue_text(derived("R12", "count", "rolling: 12, of: C1, minimum: 11"))
    # C1 from Apr 2025 to Feb 2026, March not yet in; C2 has March, so March can be reported.
    cut = [*contacts(last=Month(2026, 2)), "C2,2026-03,5"]
    later = [*cut, "C1,2026-04,112"]
    # Apr 2025 to Mar 2026 with March missing: 11 of 12 months, enough for minimum 11:
    # 100 + ... + 110 = (100 + 110) × 11 / 2 = 1155, whether or not April is in the data yet.
    assert row(build(tmp_path, catalogue, later, "2026-03"), "R12").current.value == Decimal(1155)
    assert row(build(tmp_path, catalogue, cut, "2026-03"), "R12").current.value == Decimal(1155)
