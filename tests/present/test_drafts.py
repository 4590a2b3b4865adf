"""Drafts are visibly drafts: a mark before the text in a normal build, nothing under --final.

In ``support.py``'s commentary the cin section's text and CIN26's are drafts; CA1's is approved.
"""

from __future__ import annotations

from scorecard_report.inputs.commentary import Paragraph, Run, Text
from scorecard_report.model.report import Report, Row
from scorecard_report.present.appendix import appendix_page
from scorecard_report.present.commentary import commentary_view
from scorecard_report.present.document import document_view
from scorecard_report.present.table import TableMaker

DRAFT = Text((Paragraph((Run("Fewer repeat plans."),)),), draft=True)


def test_a_draft_carries_its_mark() -> None:
    view = commentary_view(DRAFT, "Commentary placeholder: CIN", final=False)
    assert (view.draft, view.placeholder, len(view.blocks)) == ("Draft", "", 1)


def test_approved_text_has_no_mark() -> None:
    approved = Text(DRAFT.blocks)
    assert commentary_view(approved, "Commentary placeholder: CIN", final=False).draft == ""


def test_final_leaves_a_draft_out() -> None:
    view = commentary_view(DRAFT, "Commentary placeholder: CIN", final=True)
    assert (view.draft, view.placeholder, view.blocks) == ("", "", ())


def test_the_section_and_the_appendix_page_mark_their_drafts(report: Report, rows: dict[str, Row]) -> None:
    doc = document_view(report, {}, {}, final=False, produced="2026-11-01T00:00:00Z")
    assert doc.sections[0].commentary.draft == "Draft"
    pages = {page.ref: page for page in doc.appendix.pages} if doc.appendix else {}
    assert pages["CIN26"].commentary.draft == "Draft"
    assert pages["CA1"].commentary.draft == ""
    final = appendix_page(rows["CIN26"], report.sections[0], {}, final=True)
    assert final.commentary.blocks == () and final.commentary.draft == ""


def test_a_comment_cell_marks_a_draft(report: Report) -> None:
    # The comment column (quarterly and annual layouts) carries the same mark.
    table = TableMaker(report, final=False)
    table.names = [("ref", "Ref"), ("comment", "Comment")]
    lines = {line.cells[0].text: line.cells[1] for line in table.table(report.sections[0].rows).lines}
    assert (lines["CIN26"].mark, lines["CIN26"].text) == ("Draft", "Interviews fell again.")
    assert (lines["CA1"].mark, lines["CA1"].text) == ("", "Approved text.")
