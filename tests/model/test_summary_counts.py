"""The summary counts bands beside RAG: a band-only quarterly scorecard, worked out by hand.

``tests/fixtures/quarterly.yaml`` at Q4 2015/16 (report period Mar 2016). No indicator has a target,
so every RAG count is "No status"; the bands tell the story:

| ref | polarity | thresholds (worst to best)  | Q4 value | band                              |
|-----|----------|-----------------------------|----------|-----------------------------------|
| QA  | high     | 75, 85, 95                  | 94       | Good (in the 93-95 gap: the lower) |
| QB  | high     | 75, 85, 95                  | 100      | Outstanding                       |
| QC  | high     | 75, 85, 95                  | 74       | Inadequate (below 75)             |
| QD  | low      | 20, 15, below 10            | 6        | Outstanding                       |
| QE  | low      | 20, 15, below 10            | 25       | Inadequate (above 20)             |
| QF  | low      | 5, 3, 1 (days)              | 4        | Requires improvement (4 <= 5)     |
| QG  | low      | 20, 15, below 10 ("20 - 16") | 12       | Good                              |
| QH  | neutral  | no bands                    | 11       | none                              |
| QI  | high     | 75, 85, 95                  | missing  | none                              |

Outstanding 2, Good 2, Requires improvement 1, Inadequate 2, no band 2. Against Q3: QB, QD and QG
improved; QA (100 -> 94), QC, QE and QF (2 -> 4 days) declined; QH is neutral, QI has no value.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import BandCount, StatusCounts
from scorecard_report.model.summary import band_order

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANDS_BEST_FIRST = (
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
)


def test_a_band_only_quarterly_scorecard_counts_its_bands() -> None:
    catalogue = load_catalogue(FIXTURES / "quarterly.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "quarterly.csv", catalogue), Month(2016, 3))
    expected = StatusCounts(
        title="Improvement Plan",
        green=0,
        amber=0,
        red=0,
        no_status=9,
        improving=3,
        declining=4,
        bands=(
            BandCount("outstanding", "Outstanding", 2),
            BandCount("good", "Good", 2),
            BandCount("requires_improvement", "Requires improvement", 1),
            BandCount("inadequate", "Inadequate", 2),
        ),
        no_band=2,
    )
    assert report.summary == (expected,)
    assert report.total == replace(expected, title="All sections")


TWO_SECTIONS = """\
title: Two
organisation: Test Council
below_bands: Not yet good
sections:
  - id: a
    title: Banded
    indicators:
      - {ref: B1, title: Banded, unit: percent, polarity: high, bands: {good: "80", outstanding: "90"}}
  - id: b
    title: Plain
    indicators:
      - {ref: C1, title: Plain, unit: count, polarity: neutral}
"""


def test_every_section_has_the_same_band_columns_zeros_included(tmp_path: Path) -> None:
    (tmp_path / "two.yaml").write_text(TWO_SECTIONS, encoding="utf-8")
    (tmp_path / "two.csv").write_text("ref,period,value\nB1,2023-01,95\nC1,2023-01,4\n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "two.yaml")
    report = build_report(catalogue, load_values(tmp_path / "two.csv", catalogue), Month(2023, 1))
    banded, plain = report.summary
    assert banded.bands == (
        BandCount("outstanding", "Outstanding", 1),
        BandCount("good", "Good", 0),
        BandCount("inadequate", "Not yet good", 0),
    )
    assert (banded.no_band, plain.no_band) == (0, 1)
    assert plain.bands == tuple(BandCount(count.key, count.label, 0) for count in banded.bands)


def test_no_band_columns_without_bands() -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    # small.yaml's one banded indicator is CLA9; take it away and no band column is left.
    rows = [row for row in report.rows if not row.bands]
    assert band_order(rows, "Inadequate") == ()


def test_bands_of_the_councils_own_naming_keep_the_catalogue_order() -> None:
    catalogue = load_catalogue(FIXTURES / "quarterly.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "quarterly.csv", catalogue), Month(2016, 3))
    [first, *_] = report.rows
    # A second scale, worst to best: needs_focus, good. needs_focus goes just above the band below it
    # in its own scale (below-bands), so under requires_improvement.
    other = replace(first, bands=(("needs_focus", "Needs focus", "70"), ("good", "Good", "85")))
    assert band_order([first, other], "Inadequate") == (
        *BANDS_BEST_FIRST[:3],
        ("needs_focus", "Needs focus"),
        BANDS_BEST_FIRST[3],
    )
