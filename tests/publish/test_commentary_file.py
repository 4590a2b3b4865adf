"""The commentary file writer: a draft in every slot; --update adds slots and changes no written byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from scorecard_report.authoring.commentary_file import add_missing_slots, commentary_file_text, yaml_key
from scorecard_report.authoring.drafts import Drafts, draft_commentary
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report
from scorecard_report.problems import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REFS = ["FD1", "FD8", "CF5", "CLA1", "CLA9", "012"]

# Written by a person: odd spacing, comments, a flow mapping, quoting, a finished and a draft text.
# It lacks the report block, the care section and FD1, CF5 and 012.
HUMAN = """\
# January commentary -- agreed at DMT
sections:
    front-door: |
        Screening within 72 hours continues to improve.

        - Contacts  are *up*   (seasonal)
        - Step-downs remain low

indicators:
    # FD8 is the headline
    FD8:   "Above the range for the third month: good."
    CLA1: {text: 'Rising, see the sufficiency report', draft: false}   # checked by JB
    CLA9:
        text: >-
            Stable.
        draft: true
"""


@pytest.fixture(scope="module")
def report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    return build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))


@pytest.fixture(scope="module")
def drafts(report: Report) -> Drafts:
    return draft_commentary(report)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "commentary" / "2023-01.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def only_insertions(before: str, after: str) -> bool:
    """``after`` is ``before`` with whole lines added and none changed or removed."""
    matcher = difflib.SequenceMatcher(None, before.split("\n"), after.split("\n"), autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in matcher.get_opcodes())


def key_order(text: str, keys: list[str]) -> list[str]:
    """``keys`` in the order the file sets them (at four spaces, as HUMAN indents its slots)."""
    return sorted(keys, key=lambda key: text.index(f"\n    {key}:"))


def test_a_new_file_has_a_draft_in_every_slot(tmp_path: Path, report: Report, drafts: Drafts) -> None:
    path = write(tmp_path, commentary_file_text(report, drafts))
    commentary, warnings = load_commentary(path, load_catalogue(FIXTURES / "small.yaml"))
    assert warnings == ()
    assert [block.title for block in commentary.report] == ["Key messages"]
    assert list(commentary.sections) == ["front-door", "care"]
    assert list(commentary.indicators) == REFS
    texts = [block.text for block in commentary.report] + [*commentary.sections.values()]
    assert all(text.draft for text in [*texts, *commentary.indicators.values()])
    assert commentary.indicators["FD1"].blocks[0].runs[0].text == dict(drafts.indicators)["FD1"]


def test_a_new_file_reads_as_written_for_people(report: Report, drafts: Drafts) -> None:
    text = commentary_file_text(report, drafts)
    assert text.startswith("# Commentary for January 2023: Small Test Scorecard.\n")
    assert (
        "  # FD1 Contacts received\n"
        "  FD1:\n"
        "    text: |\n"
        "      Rose from 1,196 in December 2022 to 1,348 in January 2023, 127 more than January 2022; "
        "no target.\n"
        "    draft: true\n"
    ) in text
    assert "  # Front Door (Head of Service – Front Door)\n  front-door:\n" in text


def test_update_of_a_complete_file_adds_nothing(tmp_path: Path, report: Report, drafts: Drafts) -> None:
    text = commentary_file_text(report, drafts)
    assert add_missing_slots(write(tmp_path, text), text, report, drafts) == (text, 0)


def test_update_keeps_every_written_line_byte_for_byte(
    tmp_path: Path, report: Report, drafts: Drafts
) -> None:
    updated, added = add_missing_slots(write(tmp_path, HUMAN), HUMAN, report, drafts)
    assert added == 5  # the report block, the care section, FD1, CF5 and 012
    assert only_insertions(HUMAN, updated)
    commentary, _ = load_commentary(write(tmp_path, updated), load_catalogue(FIXTURES / "small.yaml"))
    assert commentary.indicators["CLA1"].blocks[0].runs[0].text == "Rising, see the sufficiency report"
    assert not commentary.indicators["CLA1"].draft
    assert commentary.indicators["CF5"].draft
    assert list(commentary.sections) == ["front-door", "care"]


def test_update_puts_new_slots_in_catalogue_order_at_the_files_indentation(
    tmp_path: Path, report: Report, drafts: Drafts
) -> None:
    updated, _ = add_missing_slots(write(tmp_path, HUMAN), HUMAN, report, drafts)
    assert key_order(updated, REFS) == REFS
    assert (
        "\n    # FD1 Contacts received\n    FD1:\n        text: |\n" not in updated
    )  # slot lines keep 2-space steps
    assert "\n    # FD1 Contacts received\n    FD1:\n      text: |\n" in updated
    # FD1 goes above FD8's comment, which stays with FD8
    assert updated.index("    FD1:") < updated.index("    # FD8 is the headline") < updated.index("    FD8:")
    # the month goes first, below the file's own header, then the report block
    assert updated.startswith(
        "# January commentary -- agreed at DMT\nperiod: 2023-01\n\nreport:\n  - title: Key messages\n"
    )


def test_update_keeps_windows_line_endings(tmp_path: Path, report: Report, drafts: Drafts) -> None:
    windows = HUMAN.replace("\n", "\r\n")
    updated, _ = add_missing_slots(write(tmp_path, windows), windows, report, drafts)
    assert "\n" not in updated.replace("\r\n", "")
    assert only_insertions(windows, updated)


def test_update_of_a_file_without_a_final_newline(tmp_path: Path, report: Report, drafts: Drafts) -> None:
    text = "indicators:\n  FD1: Written."
    updated, added = add_missing_slots(write(tmp_path, text), text, report, drafts)
    assert added == 1 + 2 + 5
    assert updated.startswith("period: 2023-01\n\nreport:\n")
    assert "\nindicators:\n  FD1: Written.\n  # FD8 Screenings completed within 72 hours\n" in updated


def test_update_fills_an_empty_mapping(tmp_path: Path, report: Report, drafts: Drafts) -> None:
    text = "report: []\nsections:\nindicators:\n  012: Spend is on budget.\n"
    updated, added = add_missing_slots(write(tmp_path, text), text, report, drafts)
    assert added == 2 + 5
    assert only_insertions(text, updated)
    assert updated.startswith(
        "period: 2023-01\n\n"
        "report: []\nsections:\n  # Front Door (Head of Service – Front Door)\n  front-door:\n"
    )
    assert updated.endswith("  012: Spend is on budget.\n")


def test_update_of_a_file_of_comments_appends_every_block(
    tmp_path: Path, report: Report, drafts: Drafts
) -> None:
    text = "# to do\n"
    updated, added = add_missing_slots(write(tmp_path, text), text, report, drafts)
    assert added == 1 + 2 + 6
    assert updated.startswith("# to do\n\nperiod: 2023-01\n\nreport:\n")


def test_update_refuses_a_flow_mapping_it_cannot_add_lines_to(
    tmp_path: Path, report: Report, drafts: Drafts
) -> None:
    text = "report: []\nsections: {front-door: Fine., care: Fine.}\nindicators: {FD1: x}\n"
    with pytest.raises(InputError) as caught:
        add_missing_slots(write(tmp_path, text), text, report, drafts)
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.message == "cannot add the missing slots: indicators is not written as a block mapping"


@pytest.mark.parametrize(
    ("key", "written"), [("FD1", "FD1"), ("012", "012"), ("a b", '"a b"'), ("null", '"null"')]
)
def test_keys_are_quoted_only_when_they_must_be(key: str, written: str) -> None:
    assert yaml_key(key) == written
