"""``commentary init`` records the figures each indicator's text is written against; ``--update`` adds the
record where it is missing and writes it afresh where a person has edited the text, changing that one line
and keeping every other byte.

The small fixture for January 2023: FD1 1,348 (no target, No status), FD8 93% (Green: above 85-90%), CF5
71% (Amber), CLA1 72.5 (Red), CLA9 Q3 2022/23 94% (bands only, No status, dated 2022-12) and 012 £1.3m for
2021/22 (dated 2022-03). A record's ``text`` is 8 hex digits of the sha256 of the slot's text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scorecard_report.authoring.commentary_file import (
    Updated,
    commentary_file_text,
    update_commentary_text,
    update_words,
    write_commentary_drafts,
)
from scorecard_report.authoring.drafts import Drafts, draft_commentary
from scorecard_report.inputs.commentary import ShownFigures
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.problems import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JANUARY = Month(2023, 1)
FD1_DRAFT = (
    "Rose from 1,196 in December 2022 to 1,348 in January 2023, 127 more than January 2022; no target."
)
FD8_DRAFT_RECORD = '    written_against: {value: "93%", status: Green, period: 2023-01, text: f8f46150}'
EDITED = "Above the range for the third month."  # sha256 starts ff8f9d1e


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@pytest.fixture(scope="module")
def report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), JANUARY)


@pytest.fixture(scope="module")
def drafts(report: Report) -> Drafts:
    return draft_commentary(report)


@pytest.fixture(scope="module")
def fresh(report: Report, drafts: Drafts) -> str:
    return commentary_file_text(report, drafts)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "2023-01.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """Each (old, new) pair of lines that differ, where the texts have the same number of lines."""
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def with_fd8_text(text: str, new_text: str) -> str:
    """The file with FD8's drafted sentence (the line after its ``text: |``) replaced."""
    lines = text.split("\n")
    at = lines.index("  FD8:") + 2
    return "\n".join([*lines[:at], f"      {new_text}", *lines[at + 1 :]])


def test_a_new_file_records_its_month_and_each_indicators_figures(fresh: str) -> None:
    assert "\n\nperiod: 2023-01\n\nreport:\n" in fresh
    assert digest(FD1_DRAFT) == "b4483784"
    assert (
        "  FD1:\n    text: |\n"
        f"      {FD1_DRAFT}\n"
        "    draft: true\n"
        '    written_against: {value: "1,348", status: No status, period: 2023-01, text: b4483784}\n'
    ) in fresh
    assert FD8_DRAFT_RECORD + "\n" in fresh
    assert '    written_against: {value: "71%", status: Amber, period: 2023-01, text: ' in fresh
    assert '    written_against: {value: "72.5", status: Red, period: 2023-01, text: ' in fresh
    # a quarterly value is for its quarter's last month; an annual one for March, its year's last
    assert '    written_against: {value: "94%", status: No status, period: 2022-12, text: ' in fresh
    assert '    written_against: {value: "£1.3m", status: No status, period: 2022-03, text: ' in fresh
    assert fresh.count("written_against") == 6 + 1  # the six indicators, and the header's note; no section


def test_a_new_file_reads_back_as_written_against_this_builds_figures(tmp_path: Path, fresh: str) -> None:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    commentary, _ = load_commentary(write(tmp_path, fresh), catalogue, JANUARY)
    assert commentary.period == JANUARY
    record = commentary.indicators["FD1"].written_against
    assert record is not None
    assert (record.figures, record.text) == (ShownFigures("1,348", RagStatus.NONE, JANUARY), "b4483784")
    rebuilt = build_report(
        catalogue, load_values(FIXTURES / "small.csv", catalogue), JANUARY, commentary=commentary
    )
    assert [row.commentary_check for row in rebuilt.rows] == [None] * 6


def test_update_of_a_fresh_file_changes_nothing(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    assert update_commentary_text(write(tmp_path, fresh), fresh, report, drafts) == Updated(fresh)


def test_update_adds_a_missing_record_as_one_line_where_init_puts_it(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    without = fresh.replace(FD8_DRAFT_RECORD + "\n", "")
    updated = update_commentary_text(write(tmp_path, without), without, report, drafts)
    assert (updated.text, updated.slots, updated.recorded, updated.recorded_afresh) == (fresh, 0, 1, 0)


def test_update_records_an_edited_text_afresh_changing_only_its_record(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    edited = with_fd8_text(fresh, EDITED)
    updated = update_commentary_text(write(tmp_path, edited), edited, report, drafts)
    assert (updated.slots, updated.recorded, updated.recorded_afresh, updated.period) == (0, 0, 1, False)
    assert changed_lines(edited, updated.text) == [
        (
            FD8_DRAFT_RECORD,
            '    written_against: {value: "93%", status: Green, period: 2023-01, text: ff8f9d1e}',
        )
    ]


def test_a_record_written_afresh_keeps_its_comment_and_windows_line_ending(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    edited = (
        with_fd8_text(fresh, EDITED)
        .replace(FD8_DRAFT_RECORD, FD8_DRAFT_RECORD + "  # JB")
        .replace("\n", "\r\n")
    )
    updated = update_commentary_text(write(tmp_path, edited), edited, report, drafts).text
    assert changed_lines(edited, updated) == [
        (
            FD8_DRAFT_RECORD + "  # JB\r",
            '    written_against: {value: "93%", status: Green, period: 2023-01, text: ff8f9d1e}  # JB\r',
        )
    ]


def test_an_unedited_text_keeps_its_record_though_the_figures_moved(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    # Recorded at 95% with the draft's digest: nobody edited the text, so --update must not pretend
    # someone checked it against 93%; the build warns instead.
    old = fresh.replace(
        'value: "93%", status: Green, period: 2023-01, text: f8f46150',
        'value: "95%", status: Green, period: 2023-01, text: f8f46150',
    )
    assert update_commentary_text(write(tmp_path, old), old, report, drafts) == Updated(old)


def test_a_record_over_two_lines_is_not_rewritten(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    two_lines = with_fd8_text(fresh, EDITED).replace(
        FD8_DRAFT_RECORD,
        '    written_against: {value: "93%", status: Green,\n      period: 2023-01, text: f8f46150}',
    )
    with pytest.raises(InputError) as caught:
        update_commentary_text(write(tmp_path, two_lines), two_lines, report, drafts)
    (problem,) = caught.value.problems
    assert (problem.line, problem.ref, problem.message) == (
        two_lines.split("\n").index('    written_against: {value: "93%", status: Green,') + 1,
        "FD8",
        "cannot record the figures: FD8's written_against is not on one line",
    )


def test_only_a_slot_written_as_a_block_mapping_takes_a_record(
    tmp_path: Path, report: Report, drafts: Drafts
) -> None:
    text = (
        "period: 2023-01\nindicators:\n"
        "  FD8: Above the range.\n"
        "  CLA1: {text: Rising.}\n"
        "  CLA9:\n    text: >-\n      Stable.\n    draft: true\n"
        "  CF5:\n"
    )
    updated = update_commentary_text(write(tmp_path, text), text, report, drafts)
    # CLA9 gets one; FD8 (plain text) and CLA1 (a flow mapping) cannot take a line; CF5's empty slot is
    # no mapping either
    assert updated.recorded == 1
    assert digest("Stable.") == "7baf7680"
    assert (
        "  CLA9:\n    text: >-\n      Stable.\n    draft: true\n"
        '    written_against: {value: "94%", status: No status, period: 2022-12, text: 7baf7680}\n'
        "  # 012 Annual spend\n"  # a slot added after CLA9 comes after its record
    ) in updated.text
    assert "  FD8: Above the range.\n  CLA1: {text: Rising.}\n" in updated.text


def test_update_records_the_month_of_a_file_without_one(
    tmp_path: Path, report: Report, drafts: Drafts, fresh: str
) -> None:
    without = fresh.replace("\nperiod: 2023-01\n", "\n")
    updated = update_commentary_text(write(tmp_path, without), without, report, drafts)
    # inserted above the first key, with a blank line after it; the blank lines above are the file's own
    assert (updated.text, updated.period, updated.slots) == (
        without.replace("\nreport:", "\nperiod: 2023-01\n\nreport:", 1),
        True,
        0,
    )


def test_a_file_for_another_month_is_refused_and_left_alone(
    tmp_path: Path, report: Report, fresh: str
) -> None:
    december = fresh.replace("\nperiod: 2023-01\n", "\nperiod: 2022-12\n")
    path = write(tmp_path, december)
    with pytest.raises(InputError) as caught:
        write_commentary_drafts(path, load_catalogue(FIXTURES / "small.yaml"), report, update=True)
    assert caught.value.problems[0].message == (
        "this commentary is for December 2022, but the report is for January 2023"
    )
    assert path.read_text(encoding="utf-8") == december


def test_update_writes_the_file_and_says_what_it_recorded(tmp_path: Path, report: Report, fresh: str) -> None:
    path = write(tmp_path, with_fd8_text(fresh, EDITED).replace("\nperiod: 2023-01\n", "\n"))
    updated = write_commentary_drafts(path, load_catalogue(FIXTURES / "small.yaml"), report, update=True)
    assert path.read_text(encoding="utf-8") == updated.text
    assert (
        update_words(updated)
        == "recorded afresh the figures of 1 text edited since; recorded the file's month"
    )
    assert update_words(Updated("", 2, 3, 1, True)) == (
        "added 2 slots; recorded the figures of 3 texts; recorded afresh the figures of 1 text edited since; "
        "recorded the file's month"
    )
