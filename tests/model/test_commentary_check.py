"""Commentary written against its figures: a slot whose recorded figures differ from the row's is checked.

The small fixture for January 2023, with FD8's January value revised from 93.4 to 91 after the
commentary was written:

- FD8 (percent, target 85-90%, polarity high): 91 shown as 91%, above the range → Green (exceeding),
  as 93% was. Recorded 93% (Green) → only the value changed: "written against 93%, the figure is now 91%".
- CF5 (percent, target 73%, default tolerance 5%): 70.5 shown as 71% (half away from zero); amber down to
  73 − 3.65 = 69.35, so Amber. Recorded 75% (Green) → the status changed too.
- FD1 (count, no target): 1,348, No status. Recorded 1,300 → changed, but the text is a draft.
- CLA9 (quarterly, bands only): Q3 2022/23 94%, No status, as recorded → no check.
- CLA1 has text but nothing recorded → no check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.format.commentary_check import UPDATE_HINT
from scorecard_report.inputs.commentary import ShownFigures
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.commentary_check import stale_commentary, stale_commentary_problems
from scorecard_report.model.report import Report
from scorecard_report.problems import Problem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JANUARY = Month(2023, 1)
COMMENTARY = """\
period: 2023-01
indicators:
  FD1:
    text: Rose to 1,300.
    draft: true
    written_against: {value: "1,300", status: No status, period: 2023-01, text: 00000000}
  FD8:
    text: Above the range at 93%.
    written_against: {value: "93%", status: Green, period: 2023-01, text: 00000000}
  CF5:
    text: Meets the target.
    written_against: {value: "75%", status: Green, period: 2023-01, text: 00000000}
  CLA1:
    text: Steady.
  CLA9:
    text: Good band.
    written_against: {value: "94%", status: No status, period: 2022-12, text: 00000000}
"""


def revised_report(tmp_path: Path, commentary_text: str, period: Month | None = JANUARY) -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = (
        (FIXTURES / "small.csv").read_text(encoding="utf-8").replace("FD8,2023-01,93.4", "FD8,2023-01,91")
    )
    (tmp_path / "values.csv").write_text(values, encoding="utf-8")
    (tmp_path / "2023-01.yaml").write_text(commentary_text, encoding="utf-8")
    commentary, _ = load_commentary(tmp_path / "2023-01.yaml", catalogue, period)
    return build_report(
        catalogue, load_values(tmp_path / "values.csv", catalogue), JANUARY, commentary=commentary
    )


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return revised_report(tmp_path, COMMENTARY)


def test_written_against_93_and_rebuilt_at_91_names_both(report: Report) -> None:
    fd8 = next(row for row in report.rows if row.ref == "FD8")
    check = fd8.commentary_check
    assert check is not None
    assert check.written == ShownFigures("93%", RagStatus.GREEN, JANUARY)
    assert check.shown == ShownFigures("91%", RagStatus.GREEN, JANUARY)
    assert check.sentence == "commentary was written against 93%, the figure is now 91%"
    assert check.mark == "Written against 93%; the figure is now 91%."
    assert check.line == 7  # the slot's own line, "  FD8:"


def test_a_changed_status_is_named_beside_each_figure(report: Report) -> None:
    cf5 = next(row for row in report.rows if row.ref == "CF5")
    assert cf5.commentary_check is not None
    assert cf5.commentary_check.sentence == (
        "commentary was written against 75% (Green), the figure is now 71% (Amber)"
    )
    assert cf5.commentary_check.mark == "Written against 75% (Green); the figure is now 71% (Amber)."


def test_matching_or_unrecorded_figures_are_not_checked(report: Report) -> None:
    checks = {row.ref: row.commentary_check for row in report.rows}
    assert (checks["CLA9"], checks["CLA1"], checks["012"]) == (None, None, None)


def test_a_draft_is_named_where_it_is_shown_and_not_in_a_final_build(report: Report) -> None:
    assert [row.ref for row, _ in stale_commentary(report, final=False)] == ["FD1", "FD8", "CF5"]
    assert [row.ref for row, _ in stale_commentary(report, final=True)] == ["FD8", "CF5"]


def test_each_stale_text_is_a_warning_naming_the_file_the_slots_line_and_the_ref(
    report: Report, tmp_path: Path
) -> None:
    file = tmp_path / "2023-01.yaml"
    assert stale_commentary_problems(report, file, final=True, strict=False) == [
        Problem(
            file,
            "commentary was written against 93%, the figure is now 91%",
            line=7,
            ref="FD8",
            hint=UPDATE_HINT,
            warning=True,
        ),
        Problem(
            file,
            "commentary was written against 75% (Green), the figure is now 71% (Amber)",
            line=10,
            ref="CF5",
            hint=UPDATE_HINT,
            warning=True,
        ),
    ]
    strict = stale_commentary_problems(report, file, final=True, strict=True)
    assert [problem.warning for problem in strict] == [False, False]
    assert UPDATE_HINT == (
        "rewrite the text if it no longer holds, or delete its written_against line if it does; then "
        "`scorecard commentary init --update` records the figures it is written against"
    )


def test_a_changed_period_is_named_beside_each_figure(tmp_path: Path) -> None:
    # Read without the report's month (the build refuses it: see tests/load), a record for Dec 2022
    # against January's row names both periods.
    text = (
        "indicators:\n  FD8:\n    text: Up.\n"
        '    written_against: {value: "93%", status: Green, period: 2022-12, text: 00000000}\n'
    )
    report = revised_report(tmp_path, text, period=None)
    fd8 = next(row for row in report.rows if row.ref == "FD8")
    assert fd8.commentary_check is not None
    assert fd8.commentary_check.sentence == (
        "commentary was written against 93% for Dec 2022, the figure is now 91% for Jan 2023"
    )
