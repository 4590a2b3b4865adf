"""Thresholds wherever a band is shown: the table's target cell, the appendix's whole scale, the key.

CIN26 (``support.py``): polarity high, bands requires_improvement 70-75, good 76-80, outstanding
81-90. Each band's threshold is its lower bound: 70, 76 and 81. At 0 decimals the whole scale is
below 70 Inadequate, 70 to 75 Requires improvement, 76 to 80 Good, 81 or more Outstanding.
"""

from __future__ import annotations

from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import appendix_page
from scorecard_report.present.key import key_view
from scorecard_report.present.table import target_cell

from .support import plain


def test_a_banded_rows_target_cell_gives_each_bands_threshold(rows: dict[str, Row]) -> None:
    cell = target_cell(rows["CIN26"])
    assert cell.text == ""  # no target
    assert [plain(line) for line in cell.lines] == [
        "Requires improvement ≥ 70%",
        "Good ≥ 76%",
        "Outstanding ≥ 81%",
    ]


def test_a_target_without_bands_has_no_scale(rows: dict[str, Row]) -> None:
    cell = target_cell(rows["CA1"])
    assert (plain(cell.text), cell.lines) == ("≥ 90%", ())


def test_the_appendix_shows_the_whole_scale_instead_of_an_empty_target(
    report: Report, rows: dict[str, Row]
) -> None:
    page = appendix_page(rows["CIN26"], report.sections[0], {}, final=False)
    labels = [box.label for box in page.figures]
    assert "Target" not in labels and "Variance from target" not in labels
    scale = next(box for box in page.figures if box.label == "Performance bands")
    assert [plain(line) for line in scale.lines] == [
        "Inadequate: < 70%",
        "Requires improvement: 70–75%",
        "Good: 76–80%",
        "Outstanding: ≥ 81%",
    ]


def test_the_key_explains_the_threshold_notation(report: Report) -> None:
    intro = plain(key_view(report).bands.intro)
    assert "Good ≥ 85% means 85% or more is Good" in intro
    assert "A value that meets no band is Inadequate." in intro
