"""Commentary written against its figures, as the loader reads it: ``period:`` and each indicator slot's
``written_against``, read strictly, every problem with its line and ref; a file or slot recorded for
another month than the report's is an error.

The small fixture (tests/fixtures/small.yaml) in a January 2023 report: FD8 is monthly (its current
period is Jan 2023), CLA9 quarterly (Q3 2022/23, dated 2022-12) and 012 annual (2021/22, dated 2022-03).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import Commentary, ShownFigures, WrittenAgainst
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.written_against import text_digest
from scorecard_report.problems import InputError, Problem

FIXTURES = Path(__file__).parent.parent / "fixtures"
JANUARY = Month(2023, 1)
GOOD = """\
period: 2023-01
indicators:
  FD8:
    text: |
      Above the range for the third month.
    written_against: {value: "93%", status: Green, period: 2023-01, text: ff8f9d1e}
  CLA9:
    text: Stable.
    written_against: {value: "94%", status: no status, period: 2022-12, text: 0A1B2C3D}
  FD1: Rose.
"""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(FIXTURES / "small.yaml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "notes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, catalogue: Catalogue, text: str, period: Month | None = JANUARY) -> Commentary:
    commentary, warnings = load_commentary(write(tmp_path, text), catalogue, period)
    assert warnings == ()
    return commentary


def errors(tmp_path: Path, catalogue: Catalogue, text: str, period: Month | None = JANUARY) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_commentary(write(tmp_path, text), catalogue, period)
    return caught.value.problems


def located(problems: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(problem.line, problem.ref, problem.message) for problem in problems]


def test_the_digest_is_8_hex_of_the_sha256_of_the_text_without_its_surrounding_space() -> None:
    # sha256("Above the range for the third month.") starts ff8f9d1e...; a literal block's final newline
    # and the indentation around it are not part of the text
    assert hashlib.sha256(b"Above the range for the third month.").hexdigest()[:8] == "ff8f9d1e"
    assert text_digest("  Above the range for the third month.\n") == "ff8f9d1e"
    assert text_digest("Rose.") == "077b18a8"


def test_a_record_reads_as_the_figures_and_the_digest_with_the_slots_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    commentary = load(tmp_path, catalogue, GOOD)
    assert commentary.period == JANUARY
    fd8 = commentary.indicators["FD8"]
    assert fd8.written_against == WrittenAgainst(ShownFigures("93%", RagStatus.GREEN, JANUARY), "ff8f9d1e")
    assert fd8.line == 3
    # the status word in any case, the digest in capitals: read as the same record
    cla9 = commentary.indicators["CLA9"]
    assert cla9.written_against == WrittenAgainst(
        ShownFigures("94%", RagStatus.NONE, Month(2022, 12)), "0a1b2c3d"
    )
    assert (cla9.line, commentary.indicators["FD1"].written_against) == (7, None)


def test_the_line_is_not_part_of_what_the_text_is(tmp_path: Path, catalogue: Catalogue) -> None:
    moved = load(tmp_path, catalogue, "\n\n" + GOOD)
    assert moved.indicators["FD8"].line == 5
    assert moved.indicators["FD8"] == load(tmp_path, catalogue, GOOD).indicators["FD8"]


def test_every_bad_record_is_located_at_once(tmp_path: Path, catalogue: Catalogue) -> None:
    text = """\
indicators:
  FD1:
    text: Rose.
    written_against: 93%
  FD8:
    text: Up.
    written_against: {valeu: "93%", status: Green, period: 2023-01, text: ff8f9d1e}
  CF5:
    text: Down.
    written_against:
      value: {shown: 71%}
      status: Grene
      period: Jan 2023
      text: xyz
  CLA1:
    text: Steady.
    written_against: {value: "71.5", status: Red, period: 2023-13}
"""
    assert located(errors(tmp_path, catalogue, text)) == [
        (4, "FD1", "written_against must be a mapping of value, status, period, text, found '93%'"),
        (7, "FD8", "unknown key 'valeu' in written_against"),
        (7, "FD8", "written_against lacks 'value'"),
        (11, "CF5", "value must be the figure as shown, not a mapping"),
        (12, "CF5", "status must be Green, Amber, Red or No status, not 'Grene'"),
        (13, "CF5", "period must be a month written YYYY-MM, not 'Jan 2023'"),
        (14, "CF5", "text must be the 8 hex digits `commentary init` records, not 'xyz'"),
        (17, "CLA1", "written_against lacks 'text'"),
        (17, "CLA1", "period must be a month written YYYY-MM, not '2023-13'"),
    ]


def test_each_bad_record_says_what_to_do(tmp_path: Path, catalogue: Catalogue) -> None:
    text = 'indicators:\n  FD8:\n    text: Up.\n    written_against: {valeu: "93%", status: Gren}\n'
    hints = {problem.message: problem.hint for problem in errors(tmp_path, catalogue, text)}
    assert hints["unknown key 'valeu' in written_against"] == "did you mean 'value'?"
    assert hints["status must be Green, Amber, Red or No status, not 'Gren'"] == "did you mean 'Green'?"
    assert hints["written_against lacks 'period'"] == (
        'write it as written_against: {value: "93%", status: Green, period: 2026-10, text: 3f9a1c2e}, '
        "or delete the written_against line so that `scorecard commentary init --update` records it"
    )


def test_a_section_or_the_report_has_no_one_figure_to_record(tmp_path: Path, catalogue: Catalogue) -> None:
    text = """\
report:
  - title: Key messages
    text: Good month.
    written_against: {value: "93%", status: Green, period: 2023-01, text: ff8f9d1e}
sections:
  front-door:
    text: Busy.
    written_against: {value: "93%", status: Green, period: 2023-01, text: ff8f9d1e}
"""
    problems = errors(tmp_path, catalogue, text)
    assert [(p.line, p.place, p.message) for p in problems] == [
        (
            4,
            "report block 1",
            "written_against is for an indicator's text; the report block 1 has no one figure to record",
        ),
        (
            8,
            "section front-door",
            "written_against is for an indicator's text; the section front-door has no one figure to record",
        ),
    ]
    assert {p.hint for p in problems} == {
        "delete the written_against line: only an indicator's text is checked against its figures"
    }


def test_a_file_for_another_month_is_an_error_naming_both(tmp_path: Path, catalogue: Catalogue) -> None:
    (problem,) = errors(tmp_path, catalogue, "period: 2022-12\nindicators:\n  FD1: Rose.\n")
    assert (problem.line, problem.message) == (
        1,
        "this commentary is for December 2022, but the report is for January 2023",
    )
    assert problem.hint == (
        "use the file for January 2023 (`scorecard commentary init --period 2023-01` starts one), "
        "or build with --period 2022-12"
    )


def test_a_period_that_is_not_a_month_is_an_error(tmp_path: Path, catalogue: Catalogue) -> None:
    (problem,) = errors(tmp_path, catalogue, "period: January 2023\n")
    assert (problem.line, problem.message, problem.hint) == (
        1,
        "period must be the report's month written YYYY-MM, not 'January 2023'",
        "write the month, such as period: 2026-10",
    )


@pytest.mark.parametrize(
    ("ref", "recorded", "message"),
    [
        # monthly: January's report shows Jan 2023; December's text was copied across
        ("FD8", "2022-12", "the figure for Dec 2022, but the report for January 2023 shows Jan 2023"),
        # quarterly: January's report shows Q3 2022/23 (Oct-Dec); Q2 ended in September
        ("CLA9", "2022-09", "the figure for Q2 2022/23, but the report for January 2023 shows Q3 2022/23"),
        # annual: January 2023 is in 2022/23, so the latest year shown is 2021/22 (to March 2022)
        ("012", "2023-03", "the figure for 2022/23, but the report for January 2023 shows 2021/22"),
    ],
)
def test_a_slot_written_for_another_months_figure_is_an_error(
    tmp_path: Path, catalogue: Catalogue, ref: str, recorded: str, message: str
) -> None:
    text = (
        f'indicators:\n  "{ref}":\n    text: Copied.\n'
        f'    written_against: {{value: "1", status: Green, period: {recorded}, text: 00000000}}\n'
    )
    (problem,) = errors(tmp_path, catalogue, text)
    assert (problem.line, problem.ref, problem.message) == (
        4,
        ref,
        f"this text was written against {message}",
    )
    assert problem.hint == (
        "it comes from another month's commentary: rewrite it for January 2023's figures and delete its "
        "written_against line; `scorecard commentary init --update` then records them"
    )


def test_the_periods_a_january_report_shows_are_accepted(tmp_path: Path, catalogue: Catalogue) -> None:
    text = """\
period: 2023-01
indicators:
  FD8: {text: Up., written_against: {value: "93%", status: Green, period: 2023-01, text: 00000000}}
  CLA9: {text: Up., written_against: {value: "94%", status: No status, period: 2022-12, text: 00000000}}
  "012": {text: Up., written_against: {value: "£1.3m", status: No status, period: 2022-03, text: 00000000}}
"""
    assert len(load(tmp_path, catalogue, text).indicators) == 3


def test_without_the_reports_month_no_month_is_checked(tmp_path: Path, catalogue: Catalogue) -> None:
    text = "period: 2022-12\n" + GOOD.removeprefix("period: 2023-01\n")
    assert load(tmp_path, catalogue, text, period=None).period == Month(2022, 12)
