"""The summary CSV for the small fixture, worked out by hand from the scorecard rules."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from cli_support import Run, Small, files_under, write

Scorecard = Callable[..., Run]

HEADER = (
    "ref,section,title,unit,frequency,period,data_to,due,timeliness,current,previous_period,previous_year,"
    "target,status,band,direction,judgement,variation,assurance,reading,attention,spc_centre,spc_lower,"
    "spc_upper,spc_points,capable_band,derived,how_computed"
)


def no_spc_yet(points: int) -> str:
    """The SPC cells of a monthly row with fewer than nhse's 13 points: no judgement, no limits; then
    the capable band (none) and ``derived`` no, with no ``how_computed``."""
    return f"none,none,No SPC: {points} months of data (13 needed),no,,,,{points},,no,"


NOT_MONTHLY = "none,none,No SPC: only monthly indicators are charted,no,,,,0,,no,"

# Each benchmark's value, then its year and whether it is too old, for a row with no benchmark values.
NO_BENCHMARKS = ",,,,,,"

# tests/fixtures/small.yaml with tests/fixtures/small.csv, report period January 2023.
# Financial year April-March; default_tolerance 5% (relative); benchmarks region, england, both 2021/22.
# Every indicator's current value is in hand, so data_to is its current period, due is empty (nothing
# outstanding) and timeliness is on_time (monthly lag 0, quarterly 2, annual 6 months).
SMALL_2023_01 = "\n".join(
    [
        HEADER + ",region,england,region_year,region_too_old,england_year,england_too_old",
        # FD1 count, neutral, no target: current Jan 2023 = 1348, previous period Dec 2022 = 1196,
        # previous year Jan 2022 = "1,221" -> 1221. No target -> status none. 1348 > 1196 -> up;
        # neutral -> increased. No benchmarks -> both empty.
        "FD1,front-door,Contacts received,count,monthly,2023-01,2023-01,,on_time,1348,1196,1221,,none,,up,"
        f"increased,{no_spc_yet(3)}{NO_BENCHMARKS}",
        # FD8 percent, high, target 85-90%: 93.4 shows as 93 (0 decimals), above the range's max
        # -> exceeding -> green. 93 vs 83 -> up -> improving. Jan 2022 "62%" -> 62.
        # Benchmarks as in the catalogue: region 81, england 79.6 (numbers as written, not rounded), both
        # 2021/22: one financial year before January 2023's 2022/23, so not too old.
        "FD8,front-door,Screenings completed within 72 hours,percent,monthly,2023-01,2023-01,,on_time,"
        f"93.4,83,62,85-90%,green,,up,improving,{no_spc_yet(3)},81,79.6,2021/22,no,2021/22,no",
        # CF5 percent, high, target 73%: 70.5 shows as 71 (half away from zero); 71 < 73 -> not met;
        # tolerance 5% of 73 = 3.65 and 73 - 71 = 2 <= 3.65 -> amber. 71 vs 74 -> down -> declining.
        # No value for Jan 2022 -> previous_year empty.
        "CF5,front-door,Assessments in timescale,percent,monthly,2023-01,2023-01,,on_time,70.5,74,,"
        f"73%,amber,,down,declining,{no_spc_yet(2)}{NO_BENCHMARKS}",
        # CLA1 rate per 10,000, low, target <=70, tolerance 2 (absolute, its own units):
        # Jan 2023 value computed 145 / 20000 x 10000 = 72.5; Dec 2022 71.5 agrees with 143/20000;
        # Jan 2022 computed 140 / 20000 x 10000 = 70. 72.5 > 70 -> not met; 72.5 - 70 = 2.5 > 2
        # -> red (the default 5% would have given amber). 72.5 vs 71.5 -> up; low -> declining.
        # The title holds a comma, so the CSV quotes it.
        'CLA1,care,"Children in care rate per 10,000",rate,monthly,2023-01,2023-01,,on_time,72.5,71.5,70,'
        f"<=70,red,,up,declining,{no_spc_yet(3)}{NO_BENCHMARKS}",
        # CLA9 quarterly percent, high, bands RI 75-84, good 85-93, outstanding 95-99: current is the
        # latest quarter end on or before Jan 2023 = Dec 2022 (Q3 2022/23) = 94, so period 2022-12.
        # 94 meets good's threshold (85) but not outstanding's (95): in the gap -> Good.
        # Previous period Sep 2022 = 88 -> up -> improving; previous year Dec 2021 = 90. No target.
        "CLA9,care,Placement stability (quarterly),percent,quarterly,2022-12,2022-12,,on_time,94,88,90,"
        f",none,Good,up,improving,{NOT_MONTHLY}{NO_BENCHMARKS}",
        # 012 annual currency, low, ref kept as "012": current is the latest year end on or before
        # Jan 2023 = Mar 2022 (2021/22) = 1250000. The 2023-03 value (999) is dated after the report
        # period and never shown. Mar 2021 has no value -> previous period and year empty, direction none.
        "012,care,Annual spend,currency,annual,2022-03,2022-03,,on_time,1250000,,,,none,,none,none,"
        f"{NOT_MONTHLY}{NO_BENCHMARKS}",
    ]
)


def built(scorecard: Scorecard, out: Path, *argv: str | Path) -> tuple[Run, list[str]]:
    run = scorecard("build", "--format", "csv", "--out", out, *argv)
    return run, files_under(out)


def test_small_fixture_summary_for_january_2023(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "out"
    run, files = built(
        scorecard, out, "--catalogue", small.catalogue, "--data", small.data, "--period", "2023-01"
    )
    assert run.code == 0, run.err
    assert files == ["small-test-scorecard-2023-01.csv"]
    text = (out / "small-test-scorecard-2023-01.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines() == SMALL_2023_01.splitlines()
    assert text == SMALL_2023_01 + "\n"


def test_small_fixture_default_period_is_january_2023(
    scorecard: Scorecard, tmp_path: Path, small: Small
) -> None:
    # Jan 2023 is the latest month in which FD1, FD8, CF5 and CLA1 (the monthly indicators) have values;
    # the annual 012 has a value in Mar 2023, but only monthly indicators choose the period.
    out = tmp_path / "out"
    run, files = built(scorecard, out, "--catalogue", small.catalogue, "--data", small.data)
    assert run.code == 0, run.err
    assert files == ["small-test-scorecard-2023-01.csv"]
    assert (out / files[0]).read_text(encoding="utf-8-sig") == SMALL_2023_01 + "\n"


SUMMARY_CATALOGUE = """\
title: Summary Test
organisation: Test Council
default_tolerance: 5%
benchmarks:
  - {id: england, label: England}
  - {id: region, label: Region}
sections:
  - id: main
    title: Main
    indicators:
      - {ref: P1, title: Same as shown, unit: percent, polarity: high, target: "85"}
      - {ref: P2, title: Missing now, unit: percent, polarity: high, target: 85%, benchmarks: {region: 80}}
      - {ref: N1, title: Neutral count, unit: count, polarity: neutral}
  - id: other
    title: Other
    indicators:
      - {ref: L1, title: Low days, unit: days, target: Below 20}
"""

SUMMARY_DATA = """\
ref,period,value
P1,2022-12,93.2
P1,2023-01,93.4
P2,2022-12,80
P2,2023-01,NYA
N1,2022-12,"1,238"
N1,2023-01,1200
L1,2022-12,21.25
L1,2023-01,19.95
"""

SUMMARY_2023_01 = "\n".join(
    [
        # benchmark columns in the catalogue's order, then each one's year and too-old flag
        HEADER + ",england,region,england_year,england_too_old,region_year,region_too_old",
        # P1: 93.4 and 93.2 both show as 93 -> same / no change; 93 >= 85 -> green; target as written "85".
        "P1,main,Same as shown,percent,monthly,2023-01,2023-01,,on_time,93.4,93.2,,85,green,,same,no change,"
        f"{no_spc_yet(2)}{NO_BENCHMARKS}",
        # P2: current missing (NYA) -> empty, no status, no direction; previous period still shown.
        # no value for January: no SPC, and the reading says why. Data to Dec 2022; January (monthly,
        # lag 0) was due by January itself and nothing later is due -> late, due 2023-01.
        # Region 80 has no year: its year is empty and it is never too old.
        "P2,main,Missing now,percent,monthly,2023-01,2022-12,2023-01,late,,80,,85%,none,,none,none,"
        "none,none,No SPC: no value for Jan 2023,no,,,,0,,no,,,80,,,,no",
        # N1: 1200 vs "1,238" -> down; neutral -> decreased.
        "N1,main,Neutral count,count,monthly,2023-01,2023-01,,on_time,1200,1238,,,none,,down,decreased,"
        f"{no_spc_yet(2)}{NO_BENCHMARKS}",
        # L1: polarity low implied by "Below 20". 19.95 shows as 20.0 (1 decimal, half away from zero),
        # which is not below 20 -> not met; 5% of 20 = 1 and the gap is 0 -> amber (judged as shown,
        # although the raw 19.95 is below 20). 20.0 vs 21.3 -> down; low -> improving.
        "L1,other,Low days,days,monthly,2023-01,2023-01,,on_time,19.95,21.25,,Below 20,amber,,down,improving,"
        f"{no_spc_yet(2)}{NO_BENCHMARKS}",
    ]
)


def test_summary_missing_values_same_direction_and_values_judged_as_shown(
    scorecard: Scorecard, tmp_path: Path
) -> None:
    catalogue = write(tmp_path, "catalogue.yaml", SUMMARY_CATALOGUE)
    data = write(tmp_path, "values.csv", SUMMARY_DATA)
    out = tmp_path / "out"
    run, files = built(scorecard, out, "--catalogue", catalogue, "--data", data, "--period", "2023-01")
    assert run.code == 0, run.err
    assert files == ["summary-test-2023-01.csv"]
    assert (out / files[0]).read_text(encoding="utf-8-sig") == SUMMARY_2023_01 + "\n"


def test_summary_columns_and_allowed_words(scorecard: Scorecard, tmp_path: Path, small: Small) -> None:
    out = tmp_path / "out"
    run, files = built(
        scorecard, out, "--catalogue", small.catalogue, "--data", small.data, "--period", "2023-01"
    )
    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO((out / files[0]).read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == [
        *HEADER.split(","),
        *("region", "england", "region_year", "region_too_old", "england_year", "england_too_old"),
    ]
    for row in rows:
        assert row["status"] in {"green", "amber", "red", "none"}
        assert row["direction"] in {"up", "down", "same", "none"}
        assert row["judgement"] in {"improving", "declining", "increased", "decreased", "no change", "none"}
        assert row["timeliness"] in {"on_time", "late", "stale"}
        assert row["region_too_old"] in {"yes", "no", ""}
        assert len(row["period"]) == 7
        assert row["period"][4] == "-"
