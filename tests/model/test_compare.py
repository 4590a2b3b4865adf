"""What changed since the last edition, worked by hand (docs/scorecard-rules.md, "What changed since the
last edition"): the September 2026 edition's snapshot set beside October's, built from a revised extract
and a catalogue that gained one indicator and lost another."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import ShownValue, Snapshot, SnapshotRow
from scorecard_report.inputs.spc import Assurance, Variation
from scorecard_report.inputs.vocabulary import Frequency, RagStatus, Unit
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Change, ChangeKind, EarlierEdition, Revision
from scorecard_report.model.compare import compare, texts_that_differ, word_change
from scorecard_report.model.report import Attention, Report, Row
from scorecard_report.model.snapshot import report_snapshot

INDICATORS = """\
      - {ref: M1, title: Screenings in time, unit: percent, polarity: high, target: 90%}
      - {ref: M2, title: Visits in time, unit: percent, polarity: high}
      - {ref: M3, title: Contacts, unit: count, polarity: neutral}
      - ref: B1
        title: Audits good or better
        unit: percent
        polarity: high
        bands: {requires_improvement: "75-84", good: "85-93", outstanding: "95-99"}
"""
SEPTEMBER_CATALOGUE = f"""\
title: Changes
organisation: Test Council
sections:
  - id: front
    title: Front Door
    indicators:
{INDICATORS}      - {{ref: DROP1, title: Referrals, unit: count, polarity: neutral}}
"""
OCTOBER_CATALOGUE = f"""\
title: Changes
organisation: Test Council
sections:
  - id: front
    title: Front Door
    indicators:
{INDICATORS}  - id: care
    title: Children in Care
    indicators:
      - {{ref: NEW1, title: New placements, unit: count, polarity: neutral}}
"""
# The extract the September edition was built from.
SEPTEMBER_VALUES = """\
ref,period,value
M1,2025-09,70
M1,2026-07,93.0
M1,2026-08,90
M1,2026-09,88
M2,2026-08,93.0
M2,2026-09,94
M3,2026-07,5
M3,2026-08,NYA
M3,2026-09,7
B1,2026-09,88
DROP1,2026-09,12
"""
# October's extract: M1 Jul 93.0 -> 91 (three months back), M1 Sep 2025 70 -> 60 (no longer shown),
# M2 Aug 93.0 -> 93.2 (both shown 93%), M3 Jul 5 -> NYA (withdrawn), M3 Aug NYA -> 6 (arrived late).
OCTOBER_VALUES = """\
ref,period,value
M1,2025-09,60
M1,2026-07,91
M1,2026-08,90
M1,2026-09,88
M1,2026-10,80
M2,2026-08,93.2
M2,2026-09,94
M2,2026-10,94
M3,2026-07,NYA
M3,2026-08,6
M3,2026-09,7
M3,2026-10,8
B1,2026-09,88
B1,2026-10,80
NEW1,2026-10,3
"""
FILE_NAME = "scorecard-2026-09-snapshot.json"
RECORDED = "2026-10-08T06:00:00Z"


def report_from(folder: Path, catalogue_text: str, values_text: str, period: Month) -> Report:
    folder.mkdir()
    (folder / "catalogue.yaml").write_text(catalogue_text, encoding="utf-8")
    (folder / "values.csv").write_text(values_text, encoding="utf-8")
    catalogue = load_catalogue(folder / "catalogue.yaml")
    return build_report(catalogue, load_values(folder / "values.csv", catalogue), period)


@pytest.fixture(scope="module")
def september(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    folder = tmp_path_factory.mktemp("compare") / "september"
    report = report_from(folder, SEPTEMBER_CATALOGUE, SEPTEMBER_VALUES, Month(2026, 9))
    return report_snapshot(report, "scorecard", RECORDED)


@pytest.fixture(scope="module")
def october(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("compare") / "october"
    return report_from(folder, OCTOBER_CATALOGUE, OCTOBER_VALUES, Month(2026, 10))


@pytest.fixture(scope="module")
def compared(september: Snapshot, october: Report) -> Report:
    return compare(september, october, FILE_NAME)


def rows_of(report: Report) -> dict[str, Row]:
    return {row.ref: row for row in report.rows}


def test_the_earlier_edition_is_named_as_its_snapshot_says(compared: Report) -> None:
    assert compared.changes is not None
    assert compared.changes.earlier == EarlierEdition(
        "scorecard", Month(2026, 9), "Sep 2026", RECORDED, FILE_NAME
    )


def test_exactly_these_changes_in_kind_then_catalogue_order(compared: Report) -> None:
    assert compared.changes is not None
    assert compared.changes.changes == (
        # M1 Sep 88 against 90% (amber down to 85.5) is Amber; Oct 80 is beyond it: Red.
        Change(ChangeKind.STATUS, "M1", "Screenings in time", "Front Door", "Amber", "Red"),
        # B1 88 meets Good's 85; 80 meets only Requires improvement's 75.
        Change(ChangeKind.BAND, "B1", "Audits good or better", "Front Door", "Good", "Requires improvement"),
        Change(ChangeKind.NEW, "NEW1", "New placements", "Children in Care", "", "3"),
        Change(ChangeKind.DROPPED, "DROP1", "Referrals", "Front Door", "12", ""),
        # Jul 2026, three months before October: 93.0 -> 91.
        Change(
            ChangeKind.REVISION,
            "M1",
            "Screenings in time",
            "Front Door",
            "93%",
            "91%",
            Month(2026, 7),
            "Jul 2026",
        ),
        # Aug 93.0 -> 93.2 both read 93%: one more decimal tells them apart.
        Change(
            ChangeKind.REVISION,
            "M2",
            "Visits in time",
            "Front Door",
            "93.0%",
            "93.2%",
            Month(2026, 8),
            "Aug 2026",
        ),
        # Jul 5 withdrawn: now the missing label. (Aug NYA -> 6 is a late value arriving: not a revision.)
        Change(
            ChangeKind.REVISION,
            "M3",
            "Contacts",
            "Front Door",
            "5",
            "Not yet available",
            Month(2026, 7),
            "Jul 2026",
        ),
    )


def test_each_row_carries_its_own_revisions(compared: Report) -> None:
    rows = rows_of(compared)
    assert rows["M1"].revisions == (
        Revision(Month(2026, 7), "Jul 2026", Decimal("93.0"), Decimal("91"), "93%", "91%"),
    )
    assert rows["M2"].revisions == (
        Revision(Month(2026, 8), "Aug 2026", Decimal("93.0"), Decimal("93.2"), "93.0%", "93.2%"),
    )
    assert rows["M3"].revisions == (
        Revision(Month(2026, 7), "Jul 2026", Decimal("5"), None, "5", "Not yet available"),
    )
    assert rows["B1"].revisions == rows["NEW1"].revisions == ()


def test_a_value_arriving_late_is_not_a_revision(compared: Report) -> None:
    # M3 Aug 2026: September showed Not yet available, October shows 6.
    assert rows_of(compared)["M3"].trend[-3].text == "6"
    assert Month(2026, 8) not in [revision.period for revision in rows_of(compared)["M3"].revisions]


def test_a_period_only_the_earlier_edition_showed_is_not_compared(compared: Report) -> None:
    # M1 Sep 2025 (70 -> 60) is in September's trend, not October's (Oct 2025 - Oct 2026).
    assert [revision.period for revision in rows_of(compared)["M1"].revisions] == [Month(2026, 7)]


def test_the_same_figures_compare_as_unchanged(september: Snapshot, tmp_path: Path) -> None:
    again = report_from(tmp_path / "again", SEPTEMBER_CATALOGUE, SEPTEMBER_VALUES, Month(2026, 9))
    # 93.0 and 93.00 are the same number: written with another zero, still no revision.
    resaved = report_from(
        tmp_path / "resaved",
        SEPTEMBER_CATALOGUE,
        SEPTEMBER_VALUES.replace("93.0\n", "93.00\n"),
        Month(2026, 9),
    )
    for report in (again, resaved):
        result = compare(september, report, FILE_NAME)
        assert result.changes is not None and result.changes.none
        assert all(row.revisions == () for row in result.rows)


def test_newly_needing_attention_is_listed_with_its_reading(september: Snapshot, october: Report) -> None:
    reading = "Getting worse: special cause (6 months below the average)"
    flagged = Attention(
        "M2",
        "Visits in time",
        "Front Door",
        None,
        reading,
        RagStatus.NONE,
        Variation.CONCERN_LOW,
        Assurance.NONE,
    )
    new = Attention(
        "NEW1",
        "New placements",
        "Children in Care",
        None,
        reading,
        RagStatus.NONE,
        Variation.NONE,
        Assurance.NONE,
    )
    result = compare(september, replace(october, attention=(flagged, new)), FILE_NAME)
    assert result.changes is not None
    # NEW1 is new, so it is listed as new only.
    assert result.changes.of_kind(ChangeKind.ATTENTION) == (
        Change(ChangeKind.ATTENTION, "M2", "Visits in time", "Front Door", "", reading),
    )


def test_attention_that_ended_is_not_a_new_flag(september: Snapshot, october: Report) -> None:
    was_flagged = replace(
        september, rows=tuple(replace(row, in_attention=row.ref == "M2") for row in september.rows)
    )
    result = compare(was_flagged, october, FILE_NAME)
    assert result.changes is not None and result.changes.of_kind(ChangeKind.ATTENTION) == ()


def snapshot_row(field: str, word: str) -> SnapshotRow:
    """FD8 with no status, band, variation or assurance, but ``word`` as its ``field``."""
    words = {"status": "No status", "band": "", "variation": "", "assurance": "", field: word}
    return SnapshotRow(
        "FD8",
        "Screenings",
        "Front Door",
        Frequency.MONTHLY,
        Unit.PERCENT,
        0,
        words["status"],
        words["band"],
        words["variation"],
        words["assurance"],
        False,
        Month(2026, 10),
    )


@pytest.mark.parametrize(
    ("kind", "field", "empty", "was", "now", "expected"),
    [
        pytest.param(
            ChangeKind.STATUS, "status", None, "Green", "No status", ("Green", "No status"), id="status gone"
        ),
        pytest.param(ChangeKind.BAND, "band", "No band", "Good", "", ("Good", "No band"), id="band gone"),
        pytest.param(ChangeKind.BAND, "band", "No band", "", "Good", ("No band", "Good"), id="band came"),
        pytest.param(
            ChangeKind.VARIATION,
            "variation",
            None,
            "Common cause",
            "Concern",
            ("Common cause", "Concern"),
            id="variation",
        ),
        pytest.param(ChangeKind.VARIATION, "variation", None, "", "Common cause", None, id="SPC starting"),
        pytest.param(
            ChangeKind.ASSURANCE, "assurance", None, "Hit or miss", "", None, id="assurance stopping"
        ),
        pytest.param(ChangeKind.ASSURANCE, "assurance", None, "Pass", "Pass", None, id="the same"),
    ],
)
def test_a_word_change_is_listed_where_both_sides_can_be_said(
    kind: ChangeKind, field: str, empty: str | None, was: str, now: str, expected: tuple[str, str] | None
) -> None:
    change = word_change(kind, field, empty, snapshot_row(field, was), snapshot_row(field, now))
    assert (None if change is None else (change.was, change.now)) == expected


@pytest.mark.parametrize(
    ("unit", "decimals", "was", "now", "texts"),
    [
        pytest.param(
            Unit.PERCENT, 0, ("93", "93%"), ("91", "91%"), ("93%", "91%"), id="as shown where they differ"
        ),
        pytest.param(
            Unit.PERCENT, 0, ("93.0", "93%"), ("93.2", "93%"), ("93.0%", "93.2%"), id="one more decimal"
        ),
        pytest.param(Unit.RATE, 1, ("70.04", "70.0"), ("70.01", "70.0"), ("70.04", "70.01"), id="two more"),
        pytest.param(
            Unit.CURRENCY,
            0,
            ("1240000", "£1.2m"),
            ("1241000", "£1.2m"),
            ("£1,240,000", "£1,241,000"),
            id="money in full",
        ),
    ],
)
def test_texts_that_read_alike_are_written_to_differ(
    unit: Unit, decimals: int, was: tuple[str, str], now: tuple[str, str], texts: tuple[str, str]
) -> None:
    before, after = ShownValue(Decimal(was[0]), was[1]), ShownValue(Decimal(now[0]), now[1])
    assert texts_that_differ(before, after, unit, decimals, "Not yet available") == texts
