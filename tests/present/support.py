"""A small report for October 2026 whose every comparator, threshold and count is worked out by hand.

- ``CIN22`` (percent, ``<=20%``, compared with the previous year): Oct 2025 22, Sep 2026 17, Oct 2026 19.
  19 ≤ 20 → Green; against Oct 2025's 22 it is down 3 percentage points, and low is good → Improving.
- ``CIN26`` (percent, polarity high, bands 70-75 / 76-80 / 81-90): Sep 2026 70, Oct 2026 69, Oct 2025 76.
  69 meets no band → Inadequate; down from Sep 2026's 70 → Declining.
- ``CA1`` (percent, target 90%): Oct 2026 166 of 201 = 82.59% → 83%, red (amber only down to 85.5);
  Sep 2026 80%, Oct 2025 85%. A 90% target needs 0.9 × 201 = 180.9 → 181 assessments, 15 more than 166.
- ``CF5`` (quarterly, one decimal, target 70%): Q1 2026/27 (Jun) 65.8, Q2 2026/27 (Sep) 66.2,
  Q2 2025/26 69.0. Judged against Q1: up → Improving, although it is below the previous year's figure.
- Section ``workforce`` has only ``WF1``, compared with the previous year: Oct 2025 30, Oct 2026 27.

CIN22, CA1, CF5 and WF1 have earlier months (or quarters) too, so that the summary ranks their changes.
"""

from __future__ import annotations

from scorecard_report.inputs.periods import Month

CATALOGUE = """\
title: Evidence Test Scorecard
organisation: Test Council
year_start_month: 4
default_tolerance: 5%
sections:
  - id: cin
    title: Children in Need
    owner: Head of Service
    indicators:
      - {ref: CIN22, title: Repeat plans, unit: percent, target: "<=20%", direction_of_travel: previous_year}
      - ref: CIN26
        title: Return interviews
        unit: percent
        polarity: high
        bands: {requires_improvement: "70-75", good: "76-80", outstanding: "81-90"}
      - {ref: CA1, title: Assessments in time, unit: percent, polarity: high, target: "90%"}
      - ref: CF5
        title: Placement stability
        unit: percent
        polarity: high
        target: "70%"
        decimals: 1
        frequency: quarterly
  - id: workforce
    title: Workforce
    indicators:
      - {ref: WF1, title: Highest caseload, unit: count, polarity: low, direction_of_travel: previous_year}
"""
VALUES = """\
ref,period,value,numerator,denominator
CIN22,2025-10,22,,
CIN22,2026-05,18,,
CIN22,2026-06,19,,
CIN22,2026-07,18,,
CIN22,2026-08,20,,
CIN22,2026-09,17,,
CIN22,2026-10,19,,
CIN26,2025-10,76,,
CIN26,2026-09,70,,
CIN26,2026-10,69,,
CA1,2025-10,85,,
CA1,2026-05,78,,
CA1,2026-06,79,,
CA1,2026-07,81,,
CA1,2026-08,79,,
CA1,2026-09,80,,
CA1,2026-10,,166,201
CF5,2025-09,69.0,,
CF5,2025-12,67.0,,
CF5,2026-03,66.0,,
CF5,2026-06,65.8,,
CF5,2026-09,66.2,,
WF1,2025-10,30,,
WF1,2026-05,28,,
WF1,2026-06,29,,
WF1,2026-07,28,,
WF1,2026-08,27,,
WF1,2026-09,27,,
WF1,2026-10,27,,
"""
COMMENTARY = """\
sections:
  cin: {text: "Fewer repeat plans than last year.", draft: true}
indicators:
  CIN26: {text: "Interviews fell again.", draft: true}
  CA1: Approved text.
"""
PERIOD = Month(2026, 10)


def plain(text: str) -> str:
    """Text with its typography's invisible parts taken out: no-break spaces read as spaces, and the word
    joiner that keeps a sign to its number is dropped."""
    return " ".join(text.replace("\u2060", "").split())
