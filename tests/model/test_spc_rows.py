"""Each row's SPC, worked by hand from docs/spc-rules.md, through build_report to the CSVs and drafts.

The report is for October 2026; every series below is its last 13 (or 16) months, October 2025 on.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.authoring.drafts import indicator_draft
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Assurance, PointKind, ReadingKind, Rebase, Rebases, Rule, Variation
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report, Row
from scorecard_report.render.summary_csv import render_series_csv, render_summary_csv

D = Decimal
OCT = Month(2026, 10)

CATALOGUE = """\
title: SPC rows
organisation: Test Council
default_tolerance: "5%"
sections:
  - id: main
    title: Main
    owner: Head of Service
    indicators:
      - {ref: HIT, title: Hit or miss, unit: percent, polarity: high, target: ">=85%"}
      - {ref: GREENWORSE, title: Green but worse, unit: percent, polarity: high, target: ">=85%"}
      - {ref: REDBETTER, title: Red but better, unit: percent, polarity: high, target: ">=85%"}
      - {ref: REBASED, title: Rebased, unit: percent, polarity: high, target: ">=85%"}
      - {ref: QTR, title: Quarterly, unit: percent, polarity: high, frequency: quarterly}
"""

ALTERNATING = [84, 86] * 6 + [84]  # 7 × 84, 6 × 86
SERIES = {
    "HIT": ALTERNATING,
    "GREENWORSE": [95] * 7 + [90] * 6,
    "REDBETTER": [60] * 7 + [61, 62, 63, 64, 65, 66],
    "REBASED": [50, 50, 50, *ALTERNATING],
}


def months_to(last: Month, count: int) -> list[Month]:
    return [last.plus(i - count + 1) for i in range(count)]


def build(tmp_path: Path, rebases: Rebases | None = None) -> Report:
    (tmp_path / "spc.yaml").write_text(CATALOGUE, encoding="utf-8")
    lines = ["ref,period,value"]
    for ref, values in SERIES.items():
        lines += [f"{ref},{m.iso()},{v}" for m, v in zip(months_to(OCT, len(values)), values, strict=True)]
    lines += ["QTR,2026-06,80", "QTR,2026-09,82"]
    (tmp_path / "values.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "spc.yaml")
    values = load_values(tmp_path / "values.csv", catalogue)
    return build_report(catalogue, values, OCT, rebases=rebases or Rebases())


REBASE = Rebases((Rebase("REBASED", Month(2025, 10), "New screening process from October 2025"),))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return build(tmp_path_factory.mktemp("spc"), REBASE)


def row(report: Report, ref: str) -> Row:
    return next(r for r in report.rows if r.ref == ref)


def test_common_cause_straddling_the_target_is_hit_or_miss(report: Report) -> None:
    # CL = (7 × 84 + 6 × 86) / 13 = 1104/13 = 84.923…; every moving range 2, MR̄ 2;
    # UPL = CL + 5.32 = 90.243…, LPL = CL − 5.32 = 79.603…; 85 lies between: hit or miss.
    # 84 against ≥ 85 with 5% tolerance (80.75) is amber.
    spc = row(report, "HIT").spc
    assert spc.centre == D(1104) / 13
    assert (spc.upper, spc.lower) == (D(1104) / 13 + D("5.32"), D(1104) / 13 - D("5.32"))
    assert (spc.variation, spc.assurance, spc.points) == (Variation.COMMON_CAUSE, Assurance.HIT_OR_MISS, 13)
    assert row(report, "HIT").status is RagStatus.AMBER
    assert (spc.reading, spc.attention) == (ReadingKind.MISSED_WITHIN_NORMAL, False)
    assert spc.reading_text == "Missed this month, within normal variation"
    assert spc.limits_text == "average 85%, usually between 80% and 90%"
    # 86 → 84 is a fall in a high-is-good indicator: an arrow inside normal variation is noise
    assert spc.note == "Declining since last month, but within normal variation"


def test_green_this_month_but_a_special_cause_of_concern(report: Report) -> None:
    # 7 × 95 then 6 × 90: CL = 1205/13 = 92.692…; one moving range of 5 among twelve, MR̄ = 5/12;
    # LPL = CL − 2.66 × 5/12 = 91.583…: every 90 is below it. LPL clears 85, so assurance passes.
    greenworse = row(report, "GREENWORSE")
    spc = greenworse.spc
    assert greenworse.status is RagStatus.GREEN
    assert spc.lower == D(1205) / 13 - D("2.66") * (D(5) / 12)
    assert (spc.variation, spc.rule, spc.assurance) == (
        Variation.CONCERN_LOW,
        Rule.OUTSIDE_LIMITS,
        Assurance.PASS,
    )
    assert spc.reading_text == "Getting worse: special cause (beyond the lower limit)"
    assert spc.attention is True
    assert spc.variation_text == "Concern"


def test_red_this_month_but_improving(report: Report) -> None:
    # 7 × 60 then 61…66: CL = 801/13 = 61.615…; six ranges of 1 among twelve, MR̄ 0.5; UPL = CL + 1.33
    # = 62.945…: 63 to 66 are beyond it. 85 is above UPL: fail. 66 against ≥ 85 (amber from 80.75): red.
    redbetter = row(report, "REDBETTER")
    spc = redbetter.spc
    assert redbetter.status is RagStatus.RED
    assert spc.upper == D(801) / 13 + D("1.33")
    assert (spc.variation, spc.rule, spc.assurance) == (
        Variation.IMPROVEMENT_HIGH,
        Rule.OUTSIDE_LIMITS,
        Assurance.FAIL,
    )
    assert spc.reading_text == "Improving (beyond the upper limit), not yet reliably meeting the target"
    assert spc.attention is False
    # the six first 60s are below LPL (60.285…) and a shift below: concern. The seventh 60 starts the
    # rise to 66, seven points each above the one before: a trend, and nhse shows improvement over the
    # concern it is also flagged with.
    points = [p.point for p in spc.series]
    assert points == [PointKind.CONCERN] * 6 + [PointKind.IMPROVEMENT] * 7
    assert [p.rule for p in spc.series][5:8] == [Rule.OUTSIDE_LIMITS, Rule.TREND, Rule.TREND]


def test_a_rebase_starts_the_limits_afresh(report: Report) -> None:
    rebased = row(report, "REBASED").spc
    hit = row(report, "HIT").spc
    # after the rebase, the same 13 values as HIT: the same limits, untouched by the three 50s before
    assert (rebased.centre, rebased.upper, rebased.points) == (hit.centre, hit.upper, 13)
    assert [(r.period_text, r.reason) for r in rebased.rebases] == [
        ("Oct 2025", "New screening process from October 2025")
    ]
    # the trend shows 13 months: all in the second segment
    assert {p.segment for p in rebased.series} == {1}


def test_without_the_rebase_the_old_values_count(tmp_path: Path) -> None:
    spc = row(build(tmp_path), "REBASED").spc
    # 16 points: CL = (150 + 1104)/16 = 78.375; the 36-point jump makes the range 50 → 84 count too
    assert spc.points == 16 and spc.centre == D("78.375")


def test_quarterly_rows_have_no_spc_and_say_why(report: Report) -> None:
    spc = row(report, "QTR").spc
    assert (spc.variation, spc.assurance, spc.reading) == (Variation.NONE, Assurance.NONE, ReadingKind.NO_SPC)
    assert spc.reading_text == "No SPC: only monthly indicators are charted"
    # the series still holds the quarters the trend shows, for the series CSV, with no point judged
    assert [(p.period_text, p.value) for p in spc.series[-2:]] == [("Jun 2026", D(80)), ("Sep 2026", D(82))]
    assert {p.point for p in spc.series} == {PointKind.NONE}


def test_too_few_points_since_a_rebase(tmp_path: Path) -> None:
    late = Rebases((Rebase("HIT", Month(2026, 3), "Counting changed"),))
    spc = row(build(tmp_path, late), "HIT").spc
    # March to October 2026 is 8 months: fewer than nhse's 13, so no limits and no icons
    assert (spc.variation, spc.points, spc.centre) == (Variation.NONE, 8, None)
    assert spc.reading_text == "No SPC: 8 months since the rebase in Mar 2026 (13 needed)"


def test_spc_off_for_one_indicator(tmp_path: Path) -> None:
    report = build(tmp_path)
    catalogue = load_catalogue(tmp_path / "spc.yaml")
    sections = tuple(
        dataclasses.replace(
            s, indicators=tuple(dataclasses.replace(i, spc=i.ref != "HIT") for i in s.indicators)
        )
        for s in catalogue.sections
    )
    values = load_values(tmp_path / "values.csv", catalogue)
    off = build_report(dataclasses.replace(catalogue, sections=sections), values, OCT)
    assert row(off, "HIT").spc.reading_text == "No SPC: turned off for this indicator"
    assert row(report, "HIT").spc.variation is Variation.COMMON_CAUSE


def test_the_summary_lists_what_needs_attention_and_counts_by_section(report: Report) -> None:
    assert [(a.ref, a.section, a.owner) for a in report.attention] == [
        ("GREENWORSE", "Main", "Head of Service")
    ]
    total = report.spc_total
    assert total is not None
    assert (total.improvement, total.concern, total.common_cause, total.no_variation) == (1, 1, 2, 1)
    assert (total.passing, total.failing, total.hit_or_miss, total.no_assurance) == (1, 1, 2, 1)


def test_summary_csv_columns(report: Report) -> None:
    rows = {r["ref"]: r for r in csv.DictReader(io.StringIO(render_summary_csv(report).decode("utf-8")))}
    header = next(csv.reader(io.StringIO(render_summary_csv(report).decode("utf-8"))))
    assert header[header.index("judgement") + 1 : header.index("judgement") + 10] == [
        "variation",
        "assurance",
        "reading",
        "attention",
        "spc_centre",
        "spc_lower",
        "spc_upper",
        "spc_points",
        "capable_band",
    ]
    green = rows["GREENWORSE"]
    assert (green["status"], green["variation"], green["assurance"], green["attention"]) == (
        "green",
        "concern_low",
        "pass",
        "yes",
    )
    assert green["spc_centre"] == str(D(1205) / 13)
    assert rows["QTR"]["variation"] == "none" and rows["QTR"]["spc_points"] == "0"


def test_series_csv(report: Report) -> None:
    lines = list(csv.reader(io.StringIO(render_series_csv(report).decode("utf-8"))))
    assert lines[0] == [
        "ref",
        "period",
        "value",
        "centre",
        "lower_limit",
        "upper_limit",
        "point",
        "rule",
        "derived",
    ]
    redbetter = [line for line in lines if line[0] == "REDBETTER"]
    assert len(redbetter) == 13
    assert redbetter[0][:3] == ["REDBETTER", "2025-10", "60"]
    assert redbetter[0][6:] == ["concern", "outside_limits", "no"]
    assert redbetter[-1][6:] == ["improvement", "outside_limits", "no"]
    assert redbetter[-1][3] == str(D(801) / 13)


def test_drafts_say_what_spc_says(report: Report) -> None:
    assert indicator_draft(row(report, "HIT")).endswith(
        "Within normal variation (average 85%, usually between 80% and 90%). "
        "The process will meet the 85% target only some months."
    )
    assert indicator_draft(row(report, "GREENWORSE")).endswith(
        "Below the lower process limit (average 93%, usually between 92% and 94%). "
        "The process will reliably meet the 85% target."
    )
