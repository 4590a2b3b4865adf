"""Draft commentary: one factual sentence per slot, worked out by hand from the small fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.authoring.drafts import Drafts, draft_commentary
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

EDGE_CATALOGUE = """\
title: Edge Cases
organisation: Test Council
sections:
  - id: only
    title: Only
    indicators:
      - {ref: A, title: Missing now, unit: count, polarity: neutral}
      - {ref: B, title: Unchanged, unit: percent, polarity: high, target: 80%}
      - {ref: C, title: New this month, unit: days, polarity: low, target: 5}
      - {ref: D, title: Same as last year, unit: count, polarity: low}
      - {ref: E, title: Yearly, unit: count, polarity: neutral, frequency: annual}
"""
EDGE_VALUES = """\
ref,period,value
A,2022-12,12
A,2023-01,
B,2022-12,79.6
B,2023-01,80.4
C,2023-01,4.25
D,2022-01,40
D,2022-12,41
D,2023-01,40
E,2021-03,10
E,2022-03,12
"""

MOVERS_CATALOGUE = """\
title: Movers
organisation: Test Council
sections:
  - id: main
    title: Main
    indicators:
      - {ref: P1, title: Reviews on time, unit: percent, polarity: high}
      - {ref: P2, title: Visits on time, unit: percent, polarity: high}
"""


@pytest.fixture(scope="module")
def small() -> Drafts:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = load_values(FIXTURES / "small.csv", catalogue)
    return draft_commentary(build_report(catalogue, values, Month(2023, 1)))


def test_the_issues_example_sentence(small: Drafts) -> None:
    assert dict(small.indicators)["FD1"] == (
        "Rose from 1,196 in December 2022 to 1,348 in January 2023, 127 more than January 2022; no target."
    )


def test_every_indicator_in_catalogue_order(small: Drafts) -> None:
    assert small.indicators == (
        (
            "FD1",
            "Rose from 1,196 in December 2022 to 1,348 in January 2023, 127 more than January 2022; "
            "no target.",
        ),
        (
            "FD8",
            "Rose from 83% in December 2022 to 93% in January 2023, 31 percentage points higher than "
            "January 2022; meets the target of 85–\u206090%.",
        ),
        ("CF5", "Fell from 74% in December 2022 to 71% in January 2023; close to the target of ≥\u00a073%."),
        (
            "CLA1",
            "Rose from 71.5 in December 2022 to 72.5 in January 2023, 2.5 higher than January 2022; "
            "misses the target of ≤\u00a070.",
        ),
        (
            "CLA9",
            "Rose from 88% in Q2 2022/23 to 94% in Q3 2022/23, 4 percentage points higher than "
            "Q3 2021/22; in the Good band.",
        ),
        ("012", "£1.3m in 2021/22; no value for 2020/21; no target."),
    )


def test_sections_and_report_count_statuses_and_name_the_largest_movers(small: Drafts) -> None:
    assert small.sections == (
        (
            "front-door",
            "3 indicators: 1 green, 1 amber, 0 red and 1 with no status; 1 improving and 1 declining.",
        ),
        ("care", "3 indicators: 0 green, 0 amber, 1 red and 2 with no status; 1 improving and 1 declining."),
    )
    # The small fixture's indicators have at most one movement before the latest: too few for the
    # movers' ranking (tests/model/test_movers.py), so the report names none.
    assert small.report == (
        "6 indicators: 1 green, 1 amber, 1 red and 3 with no status; 2 improving and 2 declining."
    )


def test_the_report_names_the_largest_movers(tmp_path: Path) -> None:
    # P1, a percentage: 58, 60, 62, 60, then 70 (typical movement 2, change +10: score 5).
    # P2: 50, 52, 50, 52, then 51 (typical 2, change -1: score 0.5), the only one declining.
    (tmp_path / "movers.yaml").write_text(MOVERS_CATALOGUE, encoding="utf-8")
    lines = ["ref,period,value"]
    for ref, values in (("P1", (58, 60, 62, 60, 70)), ("P2", (50, 52, 50, 52, 51))):
        lines += [f"{ref},2026-{month:02},{value}" for month, value in zip(range(6, 11), values, strict=True)]
    (tmp_path / "movers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "movers.yaml")
    report = build_report(catalogue, load_values(tmp_path / "movers.csv", catalogue), Month(2026, 10))
    assert draft_commentary(report).report.endswith(
        "Most improved: Reviews on time (60% to 70%). Most declined: Visits on time (52% to 51%)."
    )


def test_missing_unchanged_and_new_values(tmp_path: Path) -> None:
    (tmp_path / "edge.yaml").write_text(EDGE_CATALOGUE, encoding="utf-8")
    (tmp_path / "edge.csv").write_text(EDGE_VALUES, encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "edge.yaml")
    report = build_report(catalogue, load_values(tmp_path / "edge.csv", catalogue), Month(2023, 1))
    assert dict(draft_commentary(report).indicators) == {
        "A": "No value yet for January 2023; 12 in December 2022; no target.",
        # 79.6% and 80.4% both show as 80%: unchanged as shown, and on target
        "B": "Unchanged at 80% in January 2023, as in December 2022; meets the target of ≥\u00a080%.",
        "C": "4.3 in January 2023; no value for December 2022; meets the target of ≤\u00a05.",
        "D": "Fell from 41 in December 2022 to 40 in January 2023, the same as January 2022; no target.",
        # a year's previous period is the previous year: said once
        "E": "Rose from 10 in 2020/21 to 12 in 2021/22; no target.",
    }
