"""Text written against other figures is marked where it is shown: "Check:" and what changed, above the
text in the appendix page and in the table's comment cell, in a final build too; a draft a final build
leaves out has nothing to mark.

The small fixture for January 2023 with FD8's value revised from 93.4 to 91 (shown 91%, still Green:
above the 85-90% range) after its commentary was written against 93% (Green).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.inputs.commentary import Paragraph, Run, ShownFigures, Text
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.commentary_check import CommentaryCheck
from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import appendix_page
from scorecard_report.present.commentary import commentary_view
from scorecard_report.present.table import TableCell, TableMaker

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JANUARY = Month(2023, 1)
MARK = "Written against 93%; the figure is now 91%."
CHECK = CommentaryCheck(
    ShownFigures("93%", RagStatus.GREEN, JANUARY),
    ShownFigures("91%", RagStatus.GREEN, JANUARY),
    7,
    "commentary was written against 93%, the figure is now 91%",
    MARK,
)
TEXT = Text((Paragraph((Run("Above the range at 93%."),)),))
COMMENTARY = """\
period: 2023-01
indicators:
  FD8:
    text: Above the range at 93%.
    written_against: {value: "93%", status: Green, period: 2023-01, text: 00000000}
  CF5:
    text: Close to the target.
    draft: true
    written_against: {value: "75%", status: Green, period: 2023-01, text: 00000000}
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("revised")
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = (
        (FIXTURES / "small.csv").read_text(encoding="utf-8").replace("FD8,2023-01,93.4", "FD8,2023-01,91")
    )
    (folder / "values.csv").write_text(values, encoding="utf-8")
    (folder / "2023-01.yaml").write_text(COMMENTARY, encoding="utf-8")
    commentary, _ = load_commentary(folder / "2023-01.yaml", catalogue, JANUARY)
    return build_report(
        catalogue, load_values(folder / "values.csv", catalogue), JANUARY, commentary=commentary
    )


def row(report: Report, ref: str) -> Row:
    return next(row for row in report.rows if row.ref == ref)


def comment_cells(report: Report, final: bool) -> dict[str, TableCell]:
    table = TableMaker(report, final=final)
    table.names = [("ref", "Ref"), ("comment", "Comment")]
    return {line.cells[0].text: line.cells[1] for line in table.table(report.sections[0].rows).lines}


def test_the_view_carries_the_word_and_what_changed() -> None:
    view = commentary_view(TEXT, "Commentary placeholder: FD8", final=False, check=CHECK)
    assert (view.check, view.warning, len(view.blocks)) == ("Check", MARK, 1)


def test_text_that_matches_its_figures_has_no_mark() -> None:
    view = commentary_view(TEXT, "Commentary placeholder: FD8", final=False)
    assert (view.check, view.warning) == ("", "")


@pytest.mark.parametrize("final", [False, True])
def test_the_appendix_page_marks_the_text_in_a_normal_and_a_final_build(report: Report, final: bool) -> None:
    page = appendix_page(row(report, "FD8"), report.sections[0], {}, final=final)
    assert (page.commentary.check, page.commentary.warning) == ("Check", MARK)


def test_a_draft_left_out_of_a_final_build_has_nothing_to_mark(report: Report) -> None:
    shown = appendix_page(row(report, "CF5"), report.sections[0], {}, final=False).commentary
    assert (shown.draft, shown.check) == ("Draft", "Check")
    # CF5: 70.5 shown as 71%, amber down to 69.35 against its 73% target
    assert shown.warning == "Written against 75% (Green); the figure is now 71% (Amber)."
    left_out = appendix_page(row(report, "CF5"), report.sections[0], {}, final=True).commentary
    assert (left_out.blocks, left_out.check, left_out.warning) == ((), "", "")


def test_the_comment_cell_carries_the_same_mark(report: Report) -> None:
    cells = comment_cells(report, final=True)
    assert (cells["FD8"].check, cells["FD8"].warning, cells["FD8"].text) == (
        "Check",
        MARK,
        "Above the range at 93%.",
    )
    assert (cells["FD1"].check, cells["FD1"].warning) == ("", "")
    assert (cells["CF5"].check, cells["CF5"].text) == ("", "")  # the draft is left out of a final build
    assert comment_cells(report, final=False)["CF5"].check == "Check"
