"""The changes CSV: ``kind,ref,title,section,period,was,now``, one line per change in the page's order, in
the summary CSV's dialect (UTF-8, no BOM, LF, formula-safe), its header alone with nothing to compare with;
the format ``changes``, written as ``<name>-<YYYY-MM>-changes.csv``.

The report is the small fixture's for January 2023, compared by hand with a December 2022 edition: CF5,
74% in December against a 73% target, was Green and is Amber at 71%; FD8's December value was 85% and is
now 83%.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scorecard_report.cli import main
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Change, ChangeKind, Changes, EarlierEdition
from scorecard_report.model.report import Report
from scorecard_report.publish.policy import dated_file_name, latest_file_name
from scorecard_report.render.changes_csv import render_changes_csv
from scorecard_report.render.formats import FORMATS, Sources

FIXTURES = Path(__file__).parent.parent / "fixtures"
HEADER = "kind,ref,title,section,period,was,now\n"
DECEMBER = EarlierEdition(
    "small-test-scorecard",
    Month(2022, 12),
    "Dec 2022",
    "2023-01-09T06:00:00Z",
    "small-test-scorecard-2022-12-snapshot.json",
)
CF5_AMBER = Change(ChangeKind.STATUS, "CF5", "Assessments in timescale", "Front Door", "Green", "Amber")
FD8_REVISED = Change(
    ChangeKind.REVISION,
    "FD8",
    "Screenings completed within 72 hours",
    "Front Door",
    "85%",
    "83%",
    Month(2022, 12),
    "Dec 2022",
)


@pytest.fixture(scope="module")
def report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))


def test_a_status_change_and_a_revision(report: Report) -> None:
    compared = replace(report, changes=Changes(DECEMBER, (CF5_AMBER, FD8_REVISED)))
    assert render_changes_csv(compared).decode("utf-8") == (
        HEADER
        + "status,CF5,Assessments in timescale,Front Door,,Green,Amber\n"
        + "revision,FD8,Screenings completed within 72 hours,Front Door,2022-12,85%,83%\n"
    )


def test_with_no_earlier_edition_or_no_change_the_file_is_its_header(report: Report) -> None:
    assert report.changes is None
    assert render_changes_csv(report) == HEADER.encode("utf-8")
    assert render_changes_csv(replace(report, changes=Changes(DECEMBER))) == HEADER.encode("utf-8")


def test_a_quarter_is_dated_to_its_last_month_and_new_and_dropped_leave_a_side_empty(report: Report) -> None:
    # CLA9's Q2 2022/23 is dated September 2022, as the data dates it.
    changes = (
        Change(ChangeKind.NEW, "CLA9", "Placement stability (quarterly)", "Children in Care", "", "94%"),
        Change(ChangeKind.DROPPED, "FD2", "Re-referrals", "Front Door", "24%", ""),
        Change(
            ChangeKind.REVISION,
            "CLA9",
            "Placement stability (quarterly)",
            "Children in Care",
            "87%",
            "88%",
            Month(2022, 9),
            "Q2 2022/23",
        ),
    )
    assert render_changes_csv(replace(report, changes=Changes(DECEMBER, changes))).decode("utf-8") == (
        HEADER
        + "new,CLA9,Placement stability (quarterly),Children in Care,,,94%\n"
        + "dropped,FD2,Re-referrals,Front Door,,24%,\n"
        + "revision,CLA9,Placement stability (quarterly),Children in Care,2022-09,87%,88%\n"
    )


def test_formulas_are_quoted_and_the_sign_joiner_is_dropped(report: Report) -> None:
    # A dropped indicator's title from an old catalogue is text, never run; "−⁠5" (a minus, then the
    # invisible WORD JOINER the documents keep it to its number with) is written "−5"; commas are quoted.
    changes = (
        Change(ChangeKind.DROPPED, "X1", '=HYPERLINK("http://x")', "Front Door", "\u2212\u20605", ""),
        Change(
            ChangeKind.STATUS, "CLA1", "Children in care rate, per 10,000", "Children in Care", "-", "Red"
        ),
    )
    text = render_changes_csv(replace(report, changes=Changes(DECEMBER, changes))).decode("utf-8")
    assert text == (
        HEADER
        + 'dropped,X1,"\'=HYPERLINK(""http://x"")",Front Door,,\u22125,\n'
        + 'status,CLA1,"Children in care rate, per 10,000",Children in Care,,\'-,Red\n'
    )


def test_it_is_the_format_changes_written_as_name_period_changes_csv(report: Report) -> None:
    compared = replace(report, changes=Changes(DECEMBER, (CF5_AMBER,)))
    assert FORMATS["changes"].render(Sources(compared)) == render_changes_csv(compared)
    assert dated_file_name("scorecard", Month(2026, 10), "changes") == "scorecard-2026-10-changes.csv"
    assert latest_file_name("scorecard", "changes") == "scorecard-latest-changes.csv"


def test_build_writes_it_beside_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "small.yaml"),
            "--data",
            str(FIXTURES / "small.csv"),
            "--period",
            "2023-01",
            "--format",
            "csv,changes",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "small-test-scorecard-2023-01-changes.csv",
        "small-test-scorecard-2023-01.csv",
    ]
    # No earlier edition is recorded in a fresh folder: nothing to compare with.
    # With the byte-order mark every CSV starts with by default (csv_bom), for Excel.
    changes = (out / "small-test-scorecard-2023-01-changes.csv").read_bytes()
    assert changes == b"\xef\xbb\xbf" + HEADER.encode("utf-8")
