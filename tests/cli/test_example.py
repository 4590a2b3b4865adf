"""The worked example: the root catalogue validates with both data files, long CSV = wide XLSX, and
the SPC stories of its October 2026 scorecard."""

from __future__ import annotations

import csv
import importlib.util
import itertools
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from cli_support import Run, files_under

from scorecard_report.cli import main
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import Assurance, Variation
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.rebases import load_rebases
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report

Scorecard = Callable[..., Run]

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "indicator_specs.yaml"
EXAMPLE = ROOT / "examples" / "childrens-services"
LONG_CSV = EXAMPLE / "values.csv"
WIDE_XLSX = EXAMPLE / "values-wide.xlsx"


@pytest.mark.parametrize("data", [LONG_CSV, WIDE_XLSX], ids=["long-csv", "wide-xlsx"])
def test_example_validates(scorecard: Scorecard, data: Path) -> None:
    run = scorecard("validate", "--catalogue", CATALOGUE, "--data", data)
    assert run.code == 0, run.err
    assert run.error_lines == []


def test_example_validates_with_the_catalogues_own_data(
    scorecard: Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    run = scorecard("validate")
    assert run.code == 0, run.err
    # Five derived indicators, each computed for the 28 months Jul 2024 to Oct 2026 the data holds.
    assert "ok: computed 140 values for 5 derived indicators (FD2, FD2c, EH3, CIN2, CIN1a)" in run.err


def test_long_csv_and_wide_xlsx_give_byte_identical_summaries(scorecard: Scorecard, tmp_path: Path) -> None:
    long_run = scorecard(
        "build", "--format", "csv", "--catalogue", CATALOGUE, "--data", LONG_CSV, "--out", tmp_path / "long"
    )
    assert long_run.code == 0, long_run.err
    [name] = files_under(tmp_path / "long")
    period = name.removesuffix(".csv")[-7:]
    wide_run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        CATALOGUE,
        "--data",
        WIDE_XLSX,
        "--period",
        period,
        "--out",
        tmp_path / "wide",
    )
    assert wide_run.code == 0, wide_run.err
    assert files_under(tmp_path / "wide") == [name]
    assert (tmp_path / "long" / name).read_bytes() == (tmp_path / "wide" / name).read_bytes()


def test_both_forms_choose_the_same_default_period(scorecard: Scorecard, tmp_path: Path) -> None:
    for form, data in (("long", LONG_CSV), ("wide", WIDE_XLSX)):
        run = scorecard(
            "build", "--format", "csv", "--catalogue", CATALOGUE, "--data", data, "--out", tmp_path / form
        )
        assert run.code == 0, run.err
    assert files_under(tmp_path / "long") == files_under(tmp_path / "wide")
    assert len(files_under(tmp_path / "long")) == 1
    assert files_under(tmp_path / "long")[0].startswith("childrens-scorecard-")


def test_same_summary_for_earlier_periods(scorecard: Scorecard, tmp_path: Path) -> None:
    first = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        CATALOGUE,
        "--data",
        LONG_CSV,
        "--out",
        tmp_path / "default",
    )
    assert first.code == 0, first.err
    [name] = files_under(tmp_path / "default")
    year, month = (int(part) for part in name.removesuffix(".csv")[-7:].split("-"))
    latest = Month(year, month)
    for period in (latest.plus(-1).iso(), latest.plus(-3).iso(), latest.plus(-12).iso()):
        outputs = []
        for form, data in (("long", LONG_CSV), ("wide", WIDE_XLSX)):
            out = tmp_path / f"{form}-{period}"
            run = scorecard(
                "build",
                "--format",
                "csv",
                "--catalogue",
                CATALOGUE,
                "--data",
                data,
                "--period",
                period,
                "--out",
                out,
            )
            assert run.code == 0, run.err
            assert files_under(out) == [f"childrens-scorecard-{period}.csv"]
            outputs.append((out / f"childrens-scorecard-{period}.csv").read_bytes())
        assert outputs[0] == outputs[1], period


# ---------------------------------------------------------------------------
# The example's SPC stories (generate.py's spc_stories, rebases.yaml): the October 2026 summary row
# of each story, cell by cell. nhse preset: limits from the segment's mean and mean moving range,
# UPL/LPL = CL ± 2.66 × MR̄, shift and trend of 6, 13 points needed.

STORY_COLUMNS = (
    "ref",
    "current",
    "status",
    "band",
    "variation",
    "assurance",
    "reading",
    "attention",
    "spc_points",
    "capable_band",
)

STORIES = {
    # A shift after a service change, rebased in rebases.yaml from June 2025: 17 points in the new
    # segment, common cause within it; 97 >= 95% -> green; the target lies between its limits.
    "CIN3": ("97", "green", "", "common_cause", "hit_or_miss",
             "Met this month; the process will miss it some months", "no", "17", ""),
    # Six months falling, May to October 2026, ending still green: concern (trend), attention.
    "CL2": ("95.2", "green", "", "concern_low", "hit_or_miss",
            "Getting worse: special cause (6 months falling)", "yes", "28", ""),
    # October 2026 beyond the upper limit of a low-is-good indicator, red against <=22.
    "CL10": ("24.1", "red", "", "concern_high", "hit_or_miss",
             "Getting worse: special cause (beyond the upper limit)", "yes", "28", ""),
    # Red this month (14.8 against <=12) but improving; the target is below the lower limit.
    "WF2": ("14.8", "red", "", "improvement_low", "fail",
            "Improving (2 of the last 3 months near the lower limit), not yet reliably meeting the target",
            "no", "28", ""),
    # Common cause, and even the upper limit (14.63) is below the target of 16: reliably passing.
    "WF12": ("14.2", "green", "", "common_cause", "pass", "Reliably meeting the target", "no", "28", ""),
    # Banded: Good this month, but the process reliably reaches only Requires improvement.
    "FD9": ("2.4", "none", "Good", "improvement_low", "none",
            "Improving: special cause (beyond the lower limit)", "no", "28", "Requires improvement"),
    # Banded: Outstanding this month, but the process reliably reaches only Good.
    "CF19": ("96.2", "none", "Outstanding", "common_cause", "none",
             "No significant change", "no", "28", "Good"),
}  # fmt: skip


def _summary_rows(folder: Path) -> dict[str, dict[str, str]]:
    [name] = [name for name in files_under(folder) if not name.endswith("-series.csv")]
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return {row["ref"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def example_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built once, as `scorecard build --format csv,series` builds it from the repository."""
    out = tmp_path_factory.mktemp("example")
    assert (
        main(["build", "--format", "csv,series", "--catalogue", str(CATALOGUE), "--out", str(out), "-q"]) == 0
    )
    assert files_under(out) == ["childrens-scorecard-2026-10-series.csv", "childrens-scorecard-2026-10.csv"]
    return out


@pytest.fixture(scope="module")
def example(example_out: Path) -> dict[str, dict[str, str]]:
    return _summary_rows(example_out)


@pytest.mark.parametrize("ref", list(STORIES))
def test_each_spc_story_row(example: dict[str, dict[str, str]], ref: str) -> None:
    row = example[ref]
    assert tuple(row[column] for column in STORY_COLUMNS) == (ref, *STORIES[ref])


def test_every_variation_and_assurance_icon_appears(example: dict[str, dict[str, str]]) -> None:
    assert {row["variation"] for row in example.values()} == {str(v) for v in Variation}
    assert {row["assurance"] for row in example.values()} == {str(a) for a in Assurance}
    readings = {row["reading"] for row in example.values()}
    assert "Reliably meeting the target" in readings
    assert any(reading.startswith("Improving (") for reading in readings)  # improving, red or amber
    assert any(reading.startswith("Getting worse") for reading in readings)


def test_the_case_audits_are_late_and_the_dental_checks_stale(
    example: dict[str, dict[str, str]],
) -> None:
    # SG15-SG18, the case audits, have no October 2026 value yet ("Not Yet Available": moderation is not
    # finished). They are monthly with the default lag of 0 months, so October was due by October: data to
    # September, one value due and missing -> late.
    # CF18, dental checks, comes from the health provider with a lag of 1 month and has nothing since July:
    # August was due by September and September by October (both <= October), October is due by November
    # -> two values due and missing -> stale; due is the first missing, August.
    # Every other indicator reaches its current period (quarterly Q2 2026/27 = September, annual 2025/26 =
    # March 2026), so it is on time with nothing due.
    flagged = {
        ref: (row["data_to"], row["due"], row["timeliness"])
        for ref, row in example.items()
        if row["timeliness"] != "on_time"
    }
    assert flagged == {
        **dict.fromkeys(("SG15", "SG16", "SG17", "SG18"), ("2026-09", "2026-10", "late")),
        "CF18": ("2026-07", "2026-08", "stale"),
    }
    assert all(
        row["data_to"] == row["period"] and row["due"] == ""
        for ref, row in example.items()
        if ref not in flagged
    )


def test_only_the_statistical_neighbours_benchmark_is_too_old(example: dict[str, dict[str, str]]) -> None:
    # October 2026 is in 2026/27; the catalogue's benchmark_max_age is 2. Subregion 2025/26 is 1 year old,
    # region and England 2024/25 are 2 (not more than 2: compared); statistical neighbours 2023/24 are 3
    # -> too old, wherever an indicator has a value for them.
    too_old = {
        column[: -len("_too_old")]
        for row in example.values()
        for column, cell in row.items()
        if column.endswith("_too_old") and cell == "yes"
    }
    assert too_old == {"neighbours"}
    assert example["CF18"]["neighbours_year"] == "2023/24"
    assert example["CF18"]["neighbours_too_old"] == "yes"
    assert example["CF18"]["region_too_old"] == "no"


def _hand_limits(row: dict[str, str]) -> tuple[Decimal, Decimal, Decimal]:
    places = Decimal("0.000001")
    return tuple(Decimal(row[column]).quantize(places) for column in ("spc_centre", "spc_lower", "spc_upper"))


def test_cl2_six_months_falling_worked_by_hand(example: dict[str, dict[str, str]], example_out: Path) -> None:
    # CL2, percent, high is good, target 95%; 28 months, July 2024 - October 2026, one segment:
    #   95.9 94.1 95.4 94.7 96.6 97.9 97.2 95.1 95.6 96.9 96.3 97.8 97.4 96.1
    #   96.0 96.3 95.9 95.7 98.2 96.6 96.6 95.9 97.6 97.1 96.5 96.0 95.6 95.2
    # CL = 2696.2 / 28 = 96.292857; the 27 moving ranges sum to 25.3, MR̄ = 25.3 / 27 = 0.937037;
    # 2.66 × MR̄ = 2.492519, so LPL = 93.800339 and UPL = 98.785376.
    # April 95.9 < May 97.6 > 97.1 > 96.5 > 96.0 > 95.6 > 95.2: exactly 6 falling points end in
    # October (trend, low side: concern for high is good). 95.2 is inside the limits and below CL, so
    # no other rule flags it. 95.2 >= 95 -> green. LPL 93.80 < 95 < UPL 98.79 -> hit or miss.
    row = example["CL2"]
    assert _hand_limits(row) == (Decimal("96.292857"), Decimal("93.800339"), Decimal("98.785376"))
    values = [value for _, value in _values("CL2")]
    assert sum(values) == Decimal("2696.2")
    assert sum(abs(b - a) for a, b in itertools.pairwise(values)) == Decimal("25.3")
    points = _series_points(example_out, "CL2")
    assert [period for period, rule in points if rule == "trend"] == [f"2026-{m:02d}" for m in range(5, 11)]
    assert {rule for _, rule in points} == {"", "trend"}


def test_cin3_shift_and_its_rebase_worked_by_hand(
    example: dict[str, dict[str, str]], example_out: Path
) -> None:
    # CIN3, percent, high is good, target 95%. Until May 2025 the process ran about 92%:
    #   91.4 94.2 91.2 90.2 91.3 90.8 92.0 91.7 90.5 90.0 90.9            (Jul 2024 - May 2025)
    # rebases.yaml starts a new segment in June 2025 (the MASH duty rota changed); 17 points:
    #   95.2 97.7 98.4 96.9 95.8 98.2 99.4 97.5 97.5 96.0 94.3 95.5 96.0 97.3 98.1 96.4 97.0
    # CL = 1647.2 / 17 = 96.894118; the 16 moving ranges inside the segment sum to 20.6,
    # MR̄ = 20.6 / 16 = 1.2875; 2.66 × MR̄ = 3.42475, so LPL = 93.469368 and UPL = 100.318868.
    # No point of the segment is outside the limits, no 6 on one side of CL (April 2026, 94.3, breaks
    # the run), no 6 rising or falling, no 2 of 3 beyond CL ± 2.283167: common cause. 97 >= 95 ->
    # green; LPL 93.47 < 95 < UPL 100.32 -> hit or miss.
    row = example["CIN3"]
    assert _hand_limits(row) == (Decimal("96.894118"), Decimal("93.469368"), Decimal("100.318868"))
    segment = [value for period, value in _values("CIN3") if period >= "2025-06"]
    assert len(segment) == 17
    assert sum(segment) == Decimal("1647.2")
    assert sum(abs(b - a) for a, b in itertools.pairwise(segment)) == Decimal("20.6")
    assert {rule for _, rule in _series_points(example_out, "CIN3")} == {""}


def test_cin3_without_its_rebase_shows_the_shift(scorecard: Scorecard, tmp_path: Path) -> None:
    # One segment of all 28 points: CL = 2651.4 / 28 = 94.692857, and May - October 2026 (95.5 96.0
    # 97.3 98.1 96.4 97.0) are 6 points above it: a shift, improvement for high is good.
    none = tmp_path / "none.yaml"
    none.write_text("[]\n", encoding="utf-8")
    out = tmp_path / "out"
    run = scorecard(
        "build", "--format", "csv", "--catalogue", CATALOGUE, "--rebases", none, "--out", out, "-q"
    )
    assert run.code == 0, run.err
    row = _summary_rows(out)["CIN3"]
    assert (row["variation"], row["assurance"], row["reading"], row["spc_points"]) == (
        "improvement_high",
        "hit_or_miss",
        "Improving (6 months above the average), not yet reliably meeting the target",
        "28",
    )
    assert Decimal(row["spc_centre"]).quantize(Decimal("0.000001")) == Decimal("94.692857")


def test_the_rebases_file_tells_two_stories() -> None:
    # CIN3's rebase leaves 17 points, enough for new limits and icons; CL3's, in May 2026, leaves six,
    # so its chart shows the step and its row says why it has no icons yet.
    entries = yaml.safe_load((EXAMPLE / "rebases.yaml").read_text(encoding="utf-8"))
    assert [(entry["ref"], str(entry["from"])) for entry in entries] == [
        ("CIN3", "2025-06"),
        ("CL3", "2026-05"),
    ]
    assert all(entry["reason"].strip() for entry in entries)


def test_a_rebase_too_recent_for_new_limits_says_so(example: dict[str, dict[str, str]]) -> None:
    row = example["CL3"]
    # May to October 2026 is 6 points since the rebase: fewer than nhse's 13, so no limits, no icons
    assert (row["variation"], row["assurance"], row["spc_points"], row["spc_centre"]) == (
        "none",
        "none",
        "6",
        "",
    )
    assert row["reading"] == "No SPC: 6 months since the rebase in May 2026 (13 needed)"


def test_generate_py_rewrites_the_same_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("example_generate", EXAMPLE / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    monkeypatch.setattr(generate, "CSV_OUT", tmp_path / "values.csv")
    monkeypatch.setattr(generate, "XLSX_OUT", tmp_path / "values-wide.xlsx")
    generate.main()
    assert (tmp_path / "values.csv").read_bytes() == LONG_CSV.read_bytes()


def _values(ref: str) -> list[tuple[str, Decimal]]:
    with LONG_CSV.open(encoding="utf-8", newline="") as handle:
        return [(row["period"], Decimal(row["value"])) for row in csv.DictReader(handle) if row["ref"] == ref]


def _series_points(folder: Path, ref: str) -> list[tuple[str, str]]:
    """The (period, rule) of each month the series CSV shows for ``ref``."""
    with (folder / "childrens-scorecard-2026-10-series.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [(row["period"], row["rule"]) for row in csv.DictReader(handle) if row["ref"] == ref]


# docs/spc-rules.md's reading table, its rows in order as (status, variation, assurance, attention),
# written out again from the CSV's words: "*" matches anything; first match wins.
READING_TABLE = (
    ("*", "concern", "*", True),
    ("red amber", "common_cause", "fail", True),
    ("green", "common_cause", "fail", True),
    ("green", "common_cause", "hit_or_miss", False),
    ("red amber", "common_cause", "hit_or_miss", False),
    ("*", "improvement", "fail hit_or_miss", False),
    ("*", "improvement", "pass none", False),
    ("*", "common_cause", "pass", False),
    ("*", "common_cause", "none", False),
    ("*", "none", "*", False),
    # the project's own rows (docs/spc-rules.md, "Readings")
    ("*", "neither", "*", False),
    ("none", "common_cause", "fail", True),
    ("none", "common_cause", "hit_or_miss", False),
)


def _table_marks(status: str, variation: str, assurance: str) -> bool:
    kind = variation.rsplit("_", 1)[0] if variation.endswith(("_high", "_low")) else variation
    for statuses, variations, assured, attention in READING_TABLE:
        status_matches = statuses == "*" or status in statuses.split()
        assurance_matches = assured == "*" or assurance in assured.split()
        if status_matches and kind == variations and assurance_matches:
            return attention
    raise AssertionError(f"no row of the table for {status}, {variation}, {assurance}")


def test_the_attention_list_is_the_rows_the_table_marks(example_out: Path) -> None:
    rows = _summary_rows(example_out)
    marked = {
        ref for ref, row in rows.items() if _table_marks(row["status"], row["variation"], row["assurance"])
    }
    flagged = {ref for ref, row in rows.items() if row["attention"] == "yes"}
    assert flagged == marked
    assert {"CL2", "CL10"} <= flagged and "WF2" not in flagged  # green concern, beyond the limit; improving
    # and the PDF's and web page's "Needs attention" table lists exactly them, in report order
    catalogue = load_catalogue(CATALOGUE)
    values = load_values(catalogue.data or CATALOGUE, catalogue)
    rebases = load_rebases(catalogue.rebases or CATALOGUE, catalogue, values)
    report = build_report(catalogue, values, Month(2026, 10), rebases=rebases)
    assert [item.ref for item in report.attention] == [ref for ref in rows if ref in flagged]
