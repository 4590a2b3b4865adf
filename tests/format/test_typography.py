"""The typography of numbers: signs, relations, ranges and percentage points, in one house notation.

Issue 14: "Signs attached to their numbers with a real minus (U+2212) and no break; "≤ 25%", "≥ 80%",
ranges written low to high with an en dash ("18–24%"), the same spacing everywhere; percentage-point
changes written as "pp" ... Targets keep their meaning and are shown in one house notation, whatever
was typed." Project decisions (docs/scorecard-rules.md, "Display"): a sign is joined to its number by
a WORD JOINER (U+2060), a relation by a no-break space (U+00A0); pdftotext drops the first and gives a
plain space for the second, so the PDF's text reads "−3%" and "≥ 85%".

Every expected text below is worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.format.display import (
    JOIN,
    MINUS,
    NBSP,
    format_change,
    format_target,
    format_value,
)
from scorecard_report.inputs.vocabulary import Polarity, Unit
from scorecard_report.load.targets import parse_target

D = Decimal
NEG = "\u2212\u2060"  # a real minus, joined to the number after it
POS = "+\u2060"
GE, GT, LE, LT = "≥\u00a0", ">\u00a0", "≤\u00a0", "<\u00a0"
TO = "–\u2060"  # en dash, joined to the high end
HIGH, LOW, NEUTRAL = Polarity.HIGH, Polarity.LOW, Polarity.NEUTRAL


def test_the_characters() -> None:
    assert (MINUS, JOIN, NBSP) == ("\u2212", "\u2060", "\u00a0")


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "millions", "shown"),
    [
        pytest.param("-43", Unit.COUNT, 0, 1, NEG + "43", id="−43: a real minus, joined"),
        pytest.param("-2.5", Unit.PERCENT, 0, 1, NEG + "3%", id="−2.5% at 0 dp → −3% (half away)"),
        pytest.param("-0.4", Unit.COUNT, 0, 1, "0", id="−0.4 → 0: no sign on a zero"),
        pytest.param("-4858", Unit.CURRENCY, 0, 1, NEG + "£4,858", id="−£4,858: the sign before the £"),
        pytest.param("1382400", Unit.CURRENCY, 0, 1, "£1.4m", id="1.3824m at 1 dp → £1.4m"),
        pytest.param("1382400", Unit.CURRENCY, 0, 2, "£1.38m", id="1.3824m at 2 dp → £1.38m"),
        pytest.param("1350000", Unit.CURRENCY, 0, 2, "£1.35m", id="1.35m at 2 dp → £1.35m"),
        pytest.param("1400000", Unit.CURRENCY, 0, 2, "£1.40m", id="1.4m at 2 dp → £1.40m"),
        pytest.param("1382400", Unit.CURRENCY, 0, None, "£1,382,400", id="in full → £1,382,400"),
        pytest.param("-1382400", Unit.CURRENCY, 0, 2, NEG + "£1.38m", id="−£1.38m"),
    ],
)
def test_values(value: str, unit: Unit, decimals: int, millions: int | None, shown: str) -> None:
    assert format_value(D(value), unit, decimals, "", millions) == shown


@pytest.mark.parametrize(
    ("change", "unit", "decimals", "shown"),
    [
        pytest.param("45117", Unit.CURRENCY, 0, POS + "£45,117", id="+£45,117: the + stays with it"),
        pytest.param("-45117", Unit.CURRENCY, 0, NEG + "£45,117", id="−£45,117"),
        pytest.param("3", Unit.PERCENT, 0, POS + "3pp", id="+3 points → +3pp, never +3%"),
        pytest.param("-2.5", Unit.PERCENT, 0, NEG + "3pp", id="−2.5 points at 0 dp → −3pp"),
        pytest.param("-0.1", Unit.RATE, 1, NEG + "0.1", id="−0.1"),
        pytest.param("0", Unit.PERCENT, 0, "0pp", id="no change → 0pp, unsigned"),
        pytest.param("-1250000", Unit.CURRENCY, 0, NEG + "£1.3m", id="a million or more in millions"),
    ],
)
def test_changes(change: str, unit: Unit, decimals: int, shown: str) -> None:
    assert format_change(D(change), unit, decimals) == shown


def test_what_pdftotext_reads() -> None:
    # pdftotext drops U+2060 and gives U+00A0 as a space (tried on a WeasyPrint PDF).
    def extracted(text: str) -> str:
        return text.replace(JOIN, "").replace(NBSP, " ")

    assert extracted(format_change(D(-3), Unit.PERCENT, 0)) == "−3pp"
    assert extracted(format_value(D(-3), Unit.PERCENT, 0, "")) == "−3%"
    assert extracted(format_target(parse_target(">=85%"), Unit.PERCENT, HIGH)) == "≥ 85%"
    assert extracted(format_target(parse_target("24% - 18%"), Unit.PERCENT, LOW)) == "18–24%"


@pytest.mark.parametrize(
    ("written", "unit", "polarity", "shown"),
    [
        pytest.param(">=80%", Unit.PERCENT, HIGH, GE + "80%", id=">=80% → ≥ 80%"),
        pytest.param("≥80%", Unit.PERCENT, HIGH, GE + "80%", id="≥80% → ≥ 80%"),
        pytest.param(">65%", Unit.PERCENT, HIGH, GT + "65%", id=">65% → > 65%"),
        pytest.param("Above 85", Unit.COUNT, HIGH, GT + "85", id="Above 85 → > 85"),
        pytest.param("<=25%", Unit.PERCENT, LOW, LE + "25%", id="<=25% → ≤ 25%"),
        pytest.param("Below 15%", Unit.PERCENT, LOW, LT + "15%", id="Below 15% → < 15%"),
        pytest.param("<9%", Unit.PERCENT, LOW, LT + "9%", id="<9% → < 9%"),
        # A single value is met at or above it (high) or at or below it (low): said so.
        pytest.param("85%", Unit.PERCENT, HIGH, GE + "85%", id="85% (high) → ≥ 85%"),
        pytest.param("7%", Unit.PERCENT, LOW, LE + "7%", id="7% (low) → ≤ 7%"),
        pytest.param({"value": "90"}, Unit.PERCENT, HIGH, GE + "90%", id="{value: 90} → ≥ 90%"),
        pytest.param({"above": "80"}, Unit.PERCENT, HIGH, GT + "80%", id="{above: 80} → > 80%"),
        pytest.param(
            {"above": "65", "inclusive": "true"}, Unit.COUNT, HIGH, GE + "65", id="{above: 65, inclusive}"
        ),
        pytest.param({"below": "10"}, Unit.PERCENT, LOW, LT + "10%", id="{below: 10} → < 10%"),
        # Ranges low to high with an en dash, the % once at the end.
        pytest.param("85-90%", Unit.PERCENT, HIGH, "85" + TO + "90%", id="85-90% → 85–90%"),
        pytest.param("24% - 18%", Unit.PERCENT, LOW, "18" + TO + "24%", id="24% - 18% → 18–24%"),
        pytest.param("550 - 700", Unit.COUNT, NEUTRAL, "550" + TO + "700", id="550 - 700 → 550–700"),
        pytest.param("16 - 18", Unit.RATE, LOW, "16" + TO + "18", id="16 - 18 → 16–18"),
        pytest.param({"min": "90", "max": "95"}, Unit.PERCENT, HIGH, "90" + TO + "95%", id="{min, max}"),
        pytest.param("-5% - 5%", Unit.PERCENT, NEUTRAL, NEG + "5% to 5%", id="from below zero: −5% to 5%"),
        # Labels after the number are kept.
        pytest.param("5 working days", Unit.DAYS, LOW, LE + "5 working days", id="5 working days (low)"),
        pytest.param("426 days", Unit.DAYS, LOW, LE + "426 days", id="426 days (low)"),
        pytest.param("Below 7 (days)", Unit.DAYS, LOW, LT + "7 (days)", id="Below 7 (days)"),
        pytest.param(
            {"value": "5", "label": "working days"}, Unit.DAYS, LOW, LE + "5 working days", id="label key"
        ),
        # A target's own digits are never rounded away (85.5 beside values at 0 decimals).
        pytest.param("85.5%", Unit.PERCENT, HIGH, GE + "85.5%", id="85.5% stays 85.5%"),
        pytest.param("<=2.5%", Unit.PERCENT, LOW, LE + "2.5%", id="<=2.5% → ≤ 2.5%"),
        # Money: with £, in millions as values are.
        pytest.param("1350000", Unit.CURRENCY, LOW, LE + "£1.4m", id="1,350,000 (low) → ≤ £1.4m"),
        pytest.param("£900", Unit.CURRENCY, LOW, LE + "£900", id="£900 → ≤ £900"),
        pytest.param("1000-2,500", Unit.CURRENCY, LOW, "£1,000" + TO + "£2,500", id="£1,000–£2,500"),
    ],
)
def test_one_house_notation_for_targets(written: object, unit: Unit, polarity: Polarity, shown: str) -> None:
    assert format_target(parse_target(written), unit, polarity) == shown


@pytest.mark.parametrize("written", [">=85%", "=>85%", "≥85%", "≥ 85%", "85%", {"value": "85"}])
def test_the_same_meaning_typed_any_way_reads_the_same(written: object) -> None:
    assert format_target(parse_target(written), Unit.PERCENT, HIGH) == GE + "85%"


def test_money_targets_at_the_rows_precision() -> None:
    # 1,350,000 in millions: 1.35 → 1.4 at one decimal (half away), 1.35 at two; in full, £1,350,000.
    target = parse_target("1350000")
    assert format_target(target, Unit.CURRENCY, LOW, millions=1) == LE + "£1.4m"
    assert format_target(target, Unit.CURRENCY, LOW, millions=2) == LE + "£1.35m"
    assert format_target(target, Unit.CURRENCY, LOW, millions=None) == LE + "£1,350,000"


def test_no_target_no_text() -> None:
    assert format_target(None, Unit.PERCENT, HIGH) == ""
