"""A band scale in words: compact in a table's target cell, one line per band in the appendix.

Issue 14: "The target cell of a banded indicator shows its band scale compactly (for example "Good ≥ 85
· Outstanding ≥ 95"), the appendix shows the full scale". Rules (Performance bands): a value belongs
to the best band whose threshold it meets (``v ≥`` lower bound for high, ``v ≤`` upper bound for low),
so a value in a gap takes the lower band; a value meeting none is below the worst band. Project
decision: a band written as an inequality keeps its strictness. Values are judged as shown.

Every expected line is worked out by hand below.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.format.bands import band_scale_lines, band_scale_text
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.targets import Band
from scorecard_report.inputs.vocabulary import Polarity, Unit
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.targets import parse_target
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Row
from scorecard_report.rules.bands import performance_band

S = "\u00a0"  # the no-break space between a label, its relation and its number
TO = "–\u2060"
LABELS = {
    "requires_improvement": "Requires improvement",
    "good": "Good",
    "outstanding": "Outstanding",
    "needs_focus": "Needs focus",
}


def bands(**written: str) -> tuple[Band, ...]:
    return tuple(Band(key, LABELS[key], parse_target(text)) for key, text in written.items())


# Polarity high, with a gap: 94 meets only Good (85), so Good runs 85–94 as shown at 0 decimals.
HIGH_GAP = bands(requires_improvement="75-84", good="85-93", outstanding="95-99")
# Polarity low, with a strict best band: 10 is not below 10, so 10 is Good and Outstanding is < 10.
LOW_STRICT = bands(requires_improvement="16-20", good="10-15", outstanding="Below 10")


def test_compact_scale_for_a_table_cell() -> None:
    assert band_scale_text(HIGH_GAP, Polarity.HIGH, Unit.PERCENT, 0) == (
        f"Requires improvement{S}≥{S}75% · Good{S}≥{S}85% · Outstanding{S}≥{S}95%"
    )
    assert band_scale_text(LOW_STRICT, Polarity.LOW, Unit.PERCENT, 0) == (
        f"Requires improvement{S}≤{S}20% · Good{S}≤{S}15% · Outstanding{S}<{S}10%"
    )


def test_full_scale_polarity_high_with_a_gap() -> None:
    # Inadequate: below 75. RI: 75 up to 84 (85 is Good). Good: 85 up to 94 (95 is Outstanding; 94 falls
    # in the gap and takes the lower band). Outstanding: 95 or more (99 is not a ceiling: 100 meets 95).
    assert band_scale_lines(HIGH_GAP, Polarity.HIGH, Unit.PERCENT, 0, "Inadequate") == (
        f"Inadequate: <{S}75%",
        f"Requires improvement: 75{TO}84%",
        f"Good: 85{TO}94%",
        f"Outstanding: ≥{S}95%",
    )
    # The scale says what the rules judge: 94 is Good.
    assert performance_band(HIGH_GAP, Decimal(94), Polarity.HIGH, "Inadequate") == "Good"


def test_full_scale_polarity_low_with_a_strict_band() -> None:
    # Inadequate: above 20. RI: ≤ 20 and not ≤ 15, so 16–20 at 0 decimals. Good: ≤ 15 and not < 10, so
    # 10–15. Outstanding: < 10.
    assert band_scale_lines(LOW_STRICT, Polarity.LOW, Unit.PERCENT, 0, "Inadequate") == (
        f"Inadequate: >{S}20%",
        f"Requires improvement: 16{TO}20%",
        f"Good: 10{TO}15%",
        f"Outstanding: <{S}10%",
    )


def test_full_scale_at_one_decimal() -> None:
    # At 1 decimal a value shown 15.1 is above Good's 15 and so Requires improvement; 10.0 is Good.
    assert band_scale_lines(LOW_STRICT, Polarity.LOW, Unit.PERCENT, 1, "Inadequate") == (
        f"Inadequate: >{S}20.0%",
        f"Requires improvement: 15.1{TO}20.0%",
        f"Good: 10.0{TO}15.0%",
        f"Outstanding: <{S}10.0%",
    )


def test_labels_after_the_number_are_kept() -> None:
    days = bands(requires_improvement="5 working days", good="3 working days", outstanding="1 working day")
    assert band_scale_text(days, Polarity.LOW, Unit.DAYS, 0) == (
        f"Requires improvement{S}≤{S}5 working days · Good{S}≤{S}3 working days"
        f" · Outstanding{S}≤{S}1 working day"
    )
    assert band_scale_lines(days, Polarity.LOW, Unit.DAYS, 0, "Inadequate") == (
        f"Inadequate: >{S}5 working days",
        f"Requires improvement: 4{TO}5 working days",
        f"Good: 2{TO}3 working days",
        f"Outstanding: ≤{S}1 working day",
    )


def test_strict_lower_bands() -> None:
    # "Above 65" is met by 66 and not by 65 (shown at 0 decimals): 65 is below every band.
    strict = bands(needs_focus=">65", good=">=80")
    assert band_scale_text(strict, Polarity.HIGH, Unit.COUNT, 0) == f"Needs focus{S}>{S}65 · Good{S}≥{S}80"
    assert band_scale_lines(strict, Polarity.HIGH, Unit.COUNT, 0, "Inadequate") == (
        f"Inadequate: ≤{S}65",
        f"Needs focus: 66{TO}79",
        f"Good: ≥{S}80",
    )


def test_no_bands_no_scale() -> None:
    assert band_scale_text((), Polarity.HIGH, Unit.PERCENT, 0) == ""
    assert band_scale_lines((), Polarity.HIGH, Unit.PERCENT, 0, "Inadequate") == ()


FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="module")
def banded_row() -> Row:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    return next(row for row in report.rows if row.ref == "CLA9")


def test_a_banded_rows_target_cell_text(banded_row: Row) -> None:
    # CLA9 (small fixture): polarity high, bands 75-84 / 85-93 / 95-99, percent at 0 decimals, 94% now.
    row = banded_row
    assert row.band_scale is not None
    assert band_scale_text(row.band_scale.bands, row.polarity, row.unit, row.decimals) == (
        f"Requires improvement{S}≥{S}75% · Good{S}≥{S}85% · Outstanding{S}≥{S}95%"
    )
    # 94 is in the gap: Good, as the full scale's "Good: 85–94%" says.
    assert (row.current.text, row.band) == ("94%", "Good")
    assert f"Good: 85{TO}94%" in band_scale_lines(
        row.band_scale.bands, row.polarity, row.unit, row.decimals, row.band_scale.below_bands
    )
