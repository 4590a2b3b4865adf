"""The snapshot file: every value the small fixture's January 2023 report showed, with its words, as the
same bytes each time, read back as it was written."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import ShownValue, Snapshot
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.snapshot import read_snapshot
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.model.snapshot import report_snapshot
from scorecard_report.render.snapshot import snapshot_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RECORDED = "2023-02-08T06:00:00Z"


@pytest.fixture(scope="module")
def january() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = load_values(FIXTURES / "small.csv", catalogue)
    return build_report(catalogue, values, Month(2023, 1))


@pytest.fixture(scope="module")
def snapshot(january: Report) -> Snapshot:
    return report_snapshot(january, "scorecard", RECORDED)


@pytest.fixture(scope="module")
def written(snapshot: Snapshot) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(snapshot_json(snapshot))
    return document


def rows_of(written: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["ref"]: row for row in written["rows"]}


def test_the_head_names_the_edition_period_version_and_time(written: dict[str, Any]) -> None:
    head = {key: value for key, value in written.items() if key not in ("rows", "tool_version")}
    assert head == {"format_version": 1, "name": "scorecard", "period": "2023-01", "recorded": RECORDED}
    assert [row["ref"] for row in written["rows"]] == ["FD1", "FD8", "CF5", "CLA1", "CLA9", "012"]


def test_a_row_keeps_its_words_as_shown(written: dict[str, Any]) -> None:
    # FD8 93.4 shown 93% in 85-90%: exceeding, Green; no bands, no SPC (3 values, 13 needed).
    fd8 = {key: value for key, value in rows_of(written)["FD8"].items() if key != "values"}
    assert fd8 == {
        "ref": "FD8",
        "title": "Screenings completed within 72 hours",
        "section": "Front Door",
        "frequency": "monthly",
        "unit": "percent",
        "decimals": 0,
        "status": "Green",
        "band": "",
        "variation": "",
        "assurance": "",
        "in_attention": False,
        "current_period": "2023-01",
    }
    # CF5 70.5 shown 71% against 73% (amber down to 69.35). CLA9 Q3 94%: meets Good's 85, not Outstanding's
    # 95, so Good (in the gap, the lower band); it has no target, so No status.
    assert rows_of(written)["CF5"]["status"] == "Amber"
    assert (rows_of(written)["CLA9"]["status"], rows_of(written)["CLA9"]["band"]) == ("No status", "Good")


def test_every_value_shown_with_its_text_and_digits_as_strings(written: dict[str, Any]) -> None:
    # The 13 months Jan 2022 - Jan 2023; the data has Jan 2022, Dec 2022 and Jan 2023 (93.4 shown 93%).
    values = rows_of(written)["FD8"]["values"]
    assert list(values) == [Month(2022, 1).plus(step).iso() for step in range(13)]
    assert values["2023-01"] == {"value": "93.4", "text": "93%"}
    assert values["2022-12"] == {"value": "83", "text": "83%"}
    assert values["2022-06"] == {"value": None, "text": "Not yet available"}


def test_an_annual_row_keeps_its_current_year(written: dict[str, Any]) -> None:
    # 012 is annual: its current year is 2021/22 (to March 2022), £1,250,000 shown £1.3m (half away).
    spend = rows_of(written)["012"]
    assert spend["current_period"] == "2022-03"
    assert spend["values"]["2022-03"] == {"value": "1250000", "text": "£1.3m"}


def test_a_computed_value_keeps_its_digits_never_an_exponent(written: dict[str, Any]) -> None:
    # CLA1 Jan 2022: 140 / 20000 x 10000 = 70.000 (computed at full precision), shown 70.0.
    assert rows_of(written)["CLA1"]["values"]["2022-01"] == {"value": "70.000", "text": "70.0"}


def test_the_same_report_gives_the_same_bytes(january: Report) -> None:
    first = snapshot_json(report_snapshot(january, "scorecard", RECORDED))
    second = snapshot_json(report_snapshot(january, "scorecard", RECORDED))
    assert first == second
    assert first.endswith(b"}\n")
    assert b'"format_version": 1' in first  # keys sorted, two-space indent


def test_the_file_reads_back_as_it_was_written(snapshot: Snapshot, tmp_path: Path) -> None:
    path = tmp_path / "scorecard-2023-01-snapshot.json"
    path.write_bytes(snapshot_json(snapshot))
    assert read_snapshot(path) == snapshot
    fd8 = next(row for row in read_snapshot(path).rows if row.ref == "FD8")
    assert fd8.current == ShownValue(Decimal("93.4"), "93%")
