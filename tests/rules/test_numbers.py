"""Rule: numbers as analysts write them, and rounding half away from zero as Excel does.

Rules text: "Numbers may carry thousands separators (`1,238`), a `%` sign (`93%` is 93 for a
percent indicator), surrounding spaces" and "Rounding is half away from zero, as in Excel (`70.5`
at 0 decimals is `71`), never Python's round-half-to-even."
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.format.display import plain
from scorecard_report.rules.numbers import NumberError, parse_number, round_half_away, written_decimals

D = Decimal
FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("text", "number", "had_percent"),
    [
        pytest.param("1,238", D(1238), False, id="thousands separator: 1,238 → 1238"),
        pytest.param(" 1,238 ", D(1238), False, id="surrounding spaces are ignored"),
        pytest.param("1,234,567", D(1234567), False, id="two thousands groups"),
        pytest.param("93%", D(93), True, id="93% is 93 (not 0.93), with the sign noted"),
        pytest.param("2.7%", D("2.7"), True, id="2.7% is 2.7"),
        pytest.param("  93% ", D(93), True, id="percent with spaces"),
        pytest.param("-5", D(-5), False, id="negative values are allowed"),
        pytest.param("-1,250.50", D("-1250.50"), False, id="negative with separator and decimals"),
        pytest.param("0", D(0), False, id="zero"),
        pytest.param("93.40", D("93.40"), False, id="decimals kept as written"),
    ],
)
def test_parse_number_accepts_the_written_forms(text: str, number: Decimal, had_percent: bool) -> None:
    assert parse_number(text) == (number, had_percent)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("abc", id="words"),
        pytest.param("", id="empty"),
        pytest.param("93%%", id="two percent signs"),
        pytest.param("%93", id="percent sign first"),
        pytest.param("1,23", id="thousands group of two digits"),
        pytest.param("12,3456", id="thousands group of four digits"),
        pytest.param("1.2.3", id="two decimal points"),
        pytest.param("5 5", id="two numbers"),
    ],
)
def test_parse_number_rejects_other_text(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_number_error_is_a_value_error() -> None:
    assert issubclass(NumberError, ValueError)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        pytest.param("70.5", 0, "71", id="70.5 → 71 (banker's would give 70)"),
        pytest.param("-70.5", 0, "-71", id="-70.5 → -71 (away from zero)"),
        pytest.param("2.5", 0, "3", id="2.5 → 3 (banker's would give 2)"),
        pytest.param("0.5", 0, "1", id="0.5 → 1"),
        pytest.param("-0.5", 0, "-1", id="-0.5 → -1"),
        pytest.param("69.5", 0, "70", id="69.5 → 70"),
        pytest.param("89.5", 0, "90", id="89.5 → 90"),
        pytest.param("70.4999", 0, "70", id="70.4999 → 70 (below the half)"),
        pytest.param("2.25", 1, "2.3", id="2.25 → 2.3 at 1 dp (banker's would give 2.2)"),
        pytest.param("2.35", 1, "2.4", id="2.35 → 2.4 at 1 dp (float 2.35 is 2.3499…, would give 2.3)"),
        pytest.param("85.45", 1, "85.5", id="85.45 → 85.5 at 1 dp"),
        pytest.param("121.45", 1, "121.5", id="121.45 → 121.5 at 1 dp"),
        pytest.param("1.005", 2, "1.01", id="1.005 → 1.01 at 2 dp"),
        pytest.param("-2.25", 1, "-2.3", id="-2.25 → -2.3 at 1 dp"),
        pytest.param("7", 1, "7.0", id="7 at 1 dp stays 7"),
        pytest.param("1238", 0, "1238", id="an integer is unchanged"),
    ],
)
def test_round_half_away_from_zero(value: str, decimals: int, expected: str) -> None:
    assert round_half_away(D(value), decimals) == D(expected)


def test_round_half_away_keeps_exactly_the_display_decimals() -> None:
    # 7 at 1 dp is 7.0: the result is written with one decimal place, as it is shown.
    assert str(round_half_away(D(7), 1)) == "7.0"
    assert str(round_half_away(D("93.4"), 0)) == "93"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("93.40", 2, id="93.40 → 2"),
        pytest.param("93", 0, id="93 → 0"),
        pytest.param("0.5", 1, id="0.5 → 1"),
        pytest.param("1E+3", 0, id="1E+3 → 0"),
    ],
)
def test_written_decimals(value: str, expected: int) -> None:
    assert written_decimals(D(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("93.40", "93.4", id="trailing zero dropped"),
        pytest.param("1E+3", "1000", id="no exponent"),
        pytest.param("1250000", "1250000", id="no thousands separator, no exponent"),
        pytest.param("-0.0", "0", id="negative zero is 0"),
        pytest.param("-2.50", "-2.5", id="negative"),
        pytest.param("0.000", "0", id="zero with decimals is 0"),
    ],
)
def test_plain(value: str, expected: str) -> None:
    assert plain(D(value)) == expected


# --- properties ----------------------------------------------------------------------------------

# A decimal with up to 6 places built from an integer, so the reference below is exact.
scaled = st.tuples(st.integers(-(10**9), 10**9), st.integers(0, 6))
places = st.integers(0, 4)


def _excel_round(numerator: int, scale: int, decimals: int) -> Decimal:
    """Reference: sign × floor(|x| × 10^d + ½) / 10^d, in exact rational arithmetic."""
    x = Fraction(numerator, 10**scale)
    magnitude = abs(x) * 10**decimals + Fraction(1, 2)
    whole = magnitude.numerator // magnitude.denominator
    sign = -1 if x < 0 else 1
    return Decimal(sign * whole).scaleb(-decimals)


@FAST
@given(scaled, places)
def test_round_half_away_matches_the_excel_reference(number: tuple[int, int], decimals: int) -> None:
    numerator, scale = number
    assert round_half_away(D(numerator).scaleb(-scale), decimals) == _excel_round(numerator, scale, decimals)


@FAST
@given(scaled, places)
def test_round_half_away_is_symmetric(number: tuple[int, int], decimals: int) -> None:
    x = D(number[0]).scaleb(-number[1])
    assert round_half_away(-x, decimals) == -round_half_away(x, decimals)


@FAST
@given(scaled, places)
def test_round_half_away_is_within_half_a_unit_and_idempotent(number: tuple[int, int], decimals: int) -> None:
    x = D(number[0]).scaleb(-number[1])
    rounded = round_half_away(x, decimals)
    assert abs(rounded - x) <= D("0.5").scaleb(-decimals)
    assert round_half_away(rounded, decimals) == rounded
    assert written_decimals(rounded) == decimals


@FAST
@given(st.integers(-(10**12), 10**12), st.booleans())
def test_parse_number_reads_back_thousands_separated_integers(n: int, percent: bool) -> None:
    text = f"{n:,}" + ("%" if percent else "")
    assert parse_number(text) == (D(n), percent)


@FAST
@given(scaled)
def test_parse_number_reads_back_thousands_separated_decimals(number: tuple[int, int]) -> None:
    x = D(number[0]).scaleb(-number[1])
    assert parse_number(format(x, ",f"))[0] == x
