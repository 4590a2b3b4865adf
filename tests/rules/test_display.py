"""Rule: how values, changes and periods are shown.

Rules text (Display): count `1,238` (0 decimals), percent `93%`, `2.7%` (0), rate `121.5` (1),
days / average `2.1` (1), currency `£1,250` / `£1.2m` (0). "An indicator's `decimals:` overrides
the default. Periods are shown as `Jan 2023` (months), `Q3 2022/23` (quarters), `2022/23` (years)."
"A missing value is shown as the catalogue's missing label (default `Not yet available`)".
Rounding is half away from zero everywhere.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.format.display import format_change, format_size_of_change, format_target, format_value
from scorecard_report.format.periods import format_period
from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency, Polarity, Unit
from scorecard_report.load.targets import parse_target
from scorecard_report.rules.numbers import parse_number, round_half_away

D = Decimal
FAST = settings(max_examples=200, deadline=None)
MISSING = "Not yet available"
# House typography: a real minus (U+2212) or a plus, joined to its number by a WORD JOINER (U+2060).
MINUS = "\u2212\u2060"
PLUS = "+\u2060"


@pytest.mark.parametrize(
    ("unit", "decimals"),
    [
        (Unit.COUNT, 0),
        (Unit.PERCENT, 0),
        (Unit.RATE, 1),
        (Unit.DAYS, 1),
        (Unit.AVERAGE, 1),
        (Unit.CURRENCY, 0),
    ],
)
def test_default_decimals(unit: Unit, decimals: int) -> None:
    assert unit.default_decimals == decimals


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "shown"),
    [
        pytest.param("1238", Unit.COUNT, 0, "1,238", id="count 1238 → 1,238"),
        pytest.param("1238.4", Unit.COUNT, 0, "1,238", id="count 1238.4 → 1,238"),
        pytest.param("1238.5", Unit.COUNT, 0, "1,239", id="count 1238.5 → 1,239 (half away)"),
        pytest.param("1234567", Unit.COUNT, 0, "1,234,567", id="count 1234567 → 1,234,567"),
        pytest.param("0", Unit.COUNT, 0, "0", id="count 0 → 0"),
        pytest.param("-43", Unit.COUNT, 0, MINUS + "43", id="count -43 → −43"),
        pytest.param("93", Unit.PERCENT, 0, "93%", id="percent 93 → 93%"),
        pytest.param("93.4", Unit.PERCENT, 0, "93%", id="percent 93.4 → 93%"),
        pytest.param("70.5", Unit.PERCENT, 0, "71%", id="percent 70.5 → 71% (half away)"),
        pytest.param("89.5", Unit.PERCENT, 0, "90%", id="percent 89.5 → 90%"),
        pytest.param("2.7", Unit.PERCENT, 1, "2.7%", id="percent 2.7 at 1 dp → 2.7%"),
        pytest.param("2.25", Unit.PERCENT, 1, "2.3%", id="percent 2.25 at 1 dp → 2.3% (half away)"),
        pytest.param("100", Unit.PERCENT, 1, "100.0%", id="percent 100 at 1 dp → 100.0%"),
        pytest.param("121.5", Unit.RATE, 1, "121.5", id="rate 121.5 → 121.5"),
        pytest.param("121.45", Unit.RATE, 1, "121.5", id="rate 121.45 → 121.5 (half away)"),
        pytest.param("1234.5", Unit.RATE, 1, "1,234.5", id="rate 1234.5 → 1,234.5"),
        pytest.param("72.5", Unit.RATE, 0, "73", id="rate at 0 dp (decimals override) 72.5 → 73"),
        pytest.param("2.1", Unit.DAYS, 1, "2.1", id="days 2.1 → 2.1"),
        pytest.param("2.05", Unit.DAYS, 1, "2.1", id="days 2.05 → 2.1 (half away)"),
        pytest.param("2", Unit.AVERAGE, 1, "2.0", id="average 2 → 2.0"),
        pytest.param("1250", Unit.CURRENCY, 0, "£1,250", id="currency 1250 → £1,250"),
        pytest.param("999999", Unit.CURRENCY, 0, "£999,999", id="currency just under a million"),
        pytest.param("1000000", Unit.CURRENCY, 0, "£1.0m", id="currency 1,000,000 → £1.0m"),
        pytest.param("1234567", Unit.CURRENCY, 0, "£1.2m", id="currency 1,234,567 → 1.23 → £1.2m"),
        pytest.param(
            "1250000", Unit.CURRENCY, 0, "£1.3m", id="currency 1,250,000 → 1.25 → £1.3m (half away)"
        ),
        pytest.param(
            "1050000", Unit.CURRENCY, 0, "£1.1m", id="currency 1,050,000 → 1.05 → £1.1m (half away)"
        ),
        pytest.param("12345678", Unit.CURRENCY, 0, "£12.3m", id="currency 12,345,678 → £12.3m"),
        pytest.param("-1250", Unit.CURRENCY, 0, MINUS + "£1,250", id="negative currency → −£1,250"),
        pytest.param("-1250000", Unit.CURRENCY, 0, MINUS + "£1.3m", id="negative million → −£1.3m"),
    ],
)
def test_format_value(value: str, unit: Unit, decimals: int, shown: str) -> None:
    assert format_value(D(value), unit, decimals, MISSING) == shown


@pytest.mark.parametrize("unit", list(Unit))
def test_missing_is_shown_as_the_label(unit: Unit) -> None:
    assert format_value(None, unit, unit.default_decimals, MISSING) == "Not yet available"
    assert format_value(None, unit, unit.default_decimals, "NYA") == "NYA"


@pytest.mark.parametrize(
    ("change", "unit", "decimals", "shown"),
    [
        pytest.param("1.3", Unit.PERCENT, 1, PLUS + "1.3pp", id="percent +1.3 points → +1.3pp"),
        pytest.param("-2.5", Unit.PERCENT, 0, MINUS + "3pp", id="percent -2.5 at 0 dp → −3pp (half away)"),
        pytest.param("-43", Unit.COUNT, 0, MINUS + "43", id="count -43 → −43"),
        pytest.param("152", Unit.COUNT, 0, PLUS + "152", id="count 152 → +152"),
        pytest.param("1250", Unit.COUNT, 0, PLUS + "1,250", id="count 1250 → +1,250"),
        pytest.param("0", Unit.COUNT, 0, "0", id="zero has no sign → 0"),
        pytest.param("0.4", Unit.COUNT, 0, "0", id="0.4 rounds to 0 → 0, no sign"),
        pytest.param("-0.4", Unit.COUNT, 0, "0", id="-0.4 rounds to 0 → 0, no '-0'"),
        pytest.param("-1250", Unit.CURRENCY, 0, MINUS + "£1,250", id="currency -1250 → −£1,250"),
        pytest.param("1.5", Unit.RATE, 1, PLUS + "1.5", id="rate +1.5"),
        pytest.param("-1382400", Unit.CURRENCY, 0, MINUS + "£1.4m", id="currency -1,382,400 → −£1.4m"),
    ],
)
def test_format_change(change: str, unit: Unit, decimals: int, shown: str) -> None:
    assert format_change(D(change), unit, decimals) == shown


def test_no_change_without_both_values() -> None:
    assert format_change(None, Unit.COUNT, 0) == ""


@pytest.mark.parametrize(
    ("month", "frequency", "shown"),
    [
        pytest.param(Month(2023, 1), Frequency.MONTHLY, "Jan 2023", id="month → Jan 2023"),
        pytest.param(Month(2022, 12), Frequency.QUARTERLY, "Q3 2022/23", id="quarter → Q3 2022/23"),
        pytest.param(Month(2023, 3), Frequency.ANNUAL, "2022/23", id="year → 2022/23"),
        pytest.param(Month(2022, 3), Frequency.ANNUAL, "2021/22", id="Mar 2022 year → 2021/22"),
    ],
)
def test_format_period(month: Month, frequency: Frequency, shown: str) -> None:
    assert format_period(month, frequency, FinancialCalendar()) == shown


# --- properties ----------------------------------------------------------------------------------

values = st.decimals(min_value=-999_999, max_value=999_999, places=3, allow_nan=False, allow_infinity=False)
decimals = st.integers(0, 2)


@FAST
@given(values, st.sampled_from([Unit.COUNT, Unit.RATE, Unit.DAYS, Unit.AVERAGE, Unit.PERCENT]), decimals)
def test_shown_text_reads_back_as_the_rounded_value(value: Decimal, unit: Unit, places: int) -> None:
    text = format_value(value, unit, places, MISSING)
    number, had_percent = parse_number(text.replace("\u2060", ""))  # parse_number reads U+2212
    assert number == round_half_away(value, places)
    assert had_percent is (unit is Unit.PERCENT)
    fraction = text.rstrip("%").partition(".")[2]
    assert len(fraction) == places


@FAST
@given(values)
def test_currency_under_a_million_reads_back(value: Decimal) -> None:
    text = format_value(value, Unit.CURRENCY, 0, MISSING)
    # No negative zero: the sign shows only when the shown amount is not 0.
    assert text.startswith(MINUS + "£" if round_half_away(value, 0) < 0 else "£")
    assert parse_number(text.replace("£", "").replace("\u2060", ""))[0] == round_half_away(value, 0)


@FAST
@given(st.decimals(min_value=-(10**10), max_value=10**10, places=0, allow_nan=False, allow_infinity=False))
def test_currency_of_a_million_or_more_is_in_millions_to_one_decimal(value: Decimal) -> None:
    text = format_value(value, Unit.CURRENCY, 0, MISSING)
    if abs(value) >= 1_000_000:
        assert text.endswith("m")
        millions = parse_number(text.replace("£", "").replace("\u2060", "").removesuffix("m"))[0]
        assert millions == round_half_away(value / 1_000_000, 1)


@FAST
@given(values, st.sampled_from(list(Unit)), decimals)
def test_change_sign_follows_the_rounded_change(change: Decimal, unit: Unit, places: int) -> None:
    text = format_change(change, unit, places)
    rounded = round_half_away(change, places)
    assert text.startswith(PLUS) is (rounded > 0)
    assert text.startswith(MINUS) is (rounded < 0)
    assert "-" not in text  # never a hyphen for a minus
    assert format_change(-change, unit, places).removeprefix(PLUS).removeprefix(MINUS) == text.removeprefix(
        PLUS
    ).removeprefix(MINUS)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1350000", "≤\u00a0£1.4m"),  # 1.35m → 1.4m, half away from zero; polarity low: at most
        ("Below 1350000", "<\u00a0£1.4m"),
        ("1000-2,500", "£1,000–\u2060£2,500"),
        ("<=800", "≤\u00a0£800"),
        ("£900", "≤\u00a0£900"),  # already money: the same number
    ],
)
def test_currency_targets_are_shown_as_money(written: str, shown: str) -> None:
    assert format_target(parse_target(written), Unit.CURRENCY, Polarity.LOW) == shown


@pytest.mark.parametrize(
    ("change", "unit", "decimals", "shown"),
    [
        ("127", Unit.COUNT, 0, "127"),
        ("-1238.5", Unit.COUNT, 0, "1,239"),  # the size only, rounded half away from zero
        ("31", Unit.PERCENT, 0, "31 percentage points"),
        ("-1", Unit.PERCENT, 0, "1 percentage point"),
        ("0.5", Unit.PERCENT, 1, "0.5 percentage points"),
        ("2.5", Unit.RATE, 1, "2.5"),
        ("-1250", Unit.CURRENCY, 0, "£1,250"),
    ],
)
def test_size_of_change_for_a_sentence(change: str, unit: Unit, decimals: int, shown: str) -> None:
    assert format_size_of_change(Decimal(change), unit, decimals) == shown
