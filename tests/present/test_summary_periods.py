"""The summary's movers are labelled with the periods they hold.

In ``support.py`` four rows improved: WF1 (30 → 27) and CIN22 (22% → 19%) against Oct 2025, CA1
(80% → 83%) against Sep 2026, and CF5 (65.8% → 66.2%) from Q1 to Q2 2026/27. Oct 2025 is what most
compare with and Oct 2026 is most rows' current period, so they head the columns; the others name
their own period beside the value.
"""

from __future__ import annotations

from scorecard_report.model.report import Report
from scorecard_report.present.summary import summary_view


def test_the_columns_are_headed_with_the_periods_they_hold(report: Report) -> None:
    improvements, deteriorations = summary_view(report).movers
    assert improvements.columns[2:4] == ("Oct 2025", "Oct 2026")
    assert {line[0]: line[2:4] for line in improvements.lines} == {
        "WF1": ("30", "27"),
        "CA1": ("80% (Sep 2026)", "83%"),
        "CIN22": ("22%", "19%"),
        "CF5": ("65.8% (Q1 2026/27)", "66.2% (Q2 2026/27)"),
    }
    assert (deteriorations.lines, deteriorations.empty) == ((), "None this period.")
