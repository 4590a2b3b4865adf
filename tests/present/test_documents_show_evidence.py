"""Every judgement shows its evidence in every format: the comparator, the band thresholds and the draft
mark can be read on the section table and on the same indicator's appendix page, in the PDF's text,
the HTML and the Word document.

The report is ``support.py``'s: CIN22 is judged against Oct 2025 (22%), CIN26 against Sep 2026 (70%)
with bands from 70, 76 and 81, and CIN26's commentary and the cin section's are drafts.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from scorecard_report.cli import main

from .support import plain

STEM = "evidence-test-scorecard-2026-10"


@pytest.fixture(scope="module")
def built(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("evidence-out")
    arguments = ["build", "--catalogue", str(inputs / "evidence.yaml"), "--data", str(inputs / "values.csv")]
    arguments += ["--commentary", str(inputs / "commentary.yaml"), "--period", "2026-10"]
    assert main([*arguments, "--format", "pdf,html,docx", "--out", str(out)]) == 0
    return out


def pdf_pages(built: Path) -> list[str]:
    return [plain(page.extract_text()) for page in PdfReader(built / f"{STEM}.pdf").pages]


def appendix_text(pages: list[str], ref: str, title: str) -> str:
    return next(page for page in pages if f"{ref} {title}" in page and "Polarity" in page)


def test_the_pdf_section_table_shows_comparators_thresholds_and_the_draft(built: Path) -> None:
    section = next(page for page in pdf_pages(built) if "Children in Need: October 2026" in page)
    assert "Draft Fewer repeat plans than last year." in section
    assert "Previous Period Sep 2026 Previous Year Oct 2025" in section
    assert re.search(r"CIN22 Repeat plans 19% Green 17% 22% ≤ 20% ↓ Improving vs Oct 2025", section), section
    assert re.search(
        r"CIN26 Return interviews 69% Inadequate 70% 76% "
        r"Requires improvement ≥ 70% Good ≥ 76% Outstanding ≥ 81% ↓ Declining",
        section,
    ), section


def test_the_pdf_appendix_pages_show_the_same(built: Path) -> None:
    pages = pdf_pages(built)
    cin22 = appendix_text(pages, "CIN22", "Repeat plans")
    for words in ("Previous period (Sep 2026) 17%", "Previous year (Oct 2025) 22%", "Change vs Oct 2025"):
        assert words in cin22, cin22
    assert re.search(r"−3pp ↓ Improving", cin22), cin22
    cin26 = appendix_text(pages, "CIN26", "Return interviews")
    assert "Inadequate: < 70% Requires improvement: 70–75% Good: 76–80% Outstanding: ≥ 81%" in cin26
    assert "Draft Interviews fell again." in cin26
    ca1 = appendix_text(pages, "CA1", "Assessments in time")
    assert "166 of 201 (83%); meeting the 90% target would need 180, 14 more." in ca1


def html_page(built: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / f"{STEM}.html").read_bytes())


def test_the_html_shows_the_same_with_headers_and_a_draft_class(built: Path) -> None:
    page = html_page(built)
    row = next(tr for tr in page.iter("tr") if [th.text_content() for th in tr.findall("th")] == ["CIN22"])
    assert plain(row.find_class("direction")[0].text_content()) == "↓ Improving vs Oct 2025"
    headings = [plain(th.text_content()) for th in page.find_class("scorecard")[0].iter("th")][:7]
    assert headings[3:5] == ["Previous Period Sep 2026", "Previous Year Oct 2025"]
    assert all(th.get("scope") == "col" for th in page.find_class("scorecard")[0].find("thead").iter("th"))
    drafts = page.find_class("commentary-draft")
    assert [plain(" ".join(draft.itertext())) for draft in drafts] == [
        "Draft Fewer repeat plans than last year.",
        "Draft Interviews fell again.",
    ]
    cin26 = page.get_element_by_id("indicator-CIN26")
    assert [plain(line.text_content()) for line in cin26.find_class("scale-line")][1] == (
        "Requires improvement: 70–75%"
    )


def every_paragraph(document: DocxDocument) -> list[Paragraph]:
    """The paragraphs of the body and its tables: an indicator's commentary is beside its chart."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def test_the_word_document_shows_the_same_with_a_draft_style(built: Path) -> None:
    document = docx.Document(str(built / f"{STEM}.docx"))
    table = next(t for t in document.tables if len(t.rows) > 1 and t.rows[1].cells[0].text == "CIN22")
    assert [plain(cell.text) for cell in table.rows[0].cells][3:5] == [
        "Previous Period Sep 2026",
        "Previous Year Oct 2025",
    ]
    cin22, cin26 = table.rows[1].cells, table.rows[2].cells
    assert plain(cin22[-1].text) == "↓ Improving vs Oct 2025"  # too few months for SPC columns
    assert plain(cin26[5].text) == "Requires improvement ≥ 70% Good ≥ 76% Outstanding ≥ 81%"
    drafts = [
        plain(p.text)
        for p in every_paragraph(document)
        if p.style is not None and p.style.name == "Commentary draft"
    ]
    assert "Draft: Fewer repeat plans than last year." in drafts
    assert "Draft: Interviews fell again." in drafts
    change = next(t for t in document.tables if "Change vs Oct 2025" in [c.text for c in t.rows[0].cells])
    assert plain(change.rows[1].cells[-1].text) == "−3pp ↓ Improving"


def test_final_leaves_the_drafts_out(inputs: Path, tmp_path: Path) -> None:
    arguments = ["build", "--catalogue", str(inputs / "evidence.yaml"), "--data", str(inputs / "values.csv")]
    arguments += ["--commentary", str(inputs / "commentary.yaml"), "--period", "2026-10", "--final"]
    assert main([*arguments, "--format", "html,docx", "--out", str(tmp_path)]) == 0
    assert not html_page(tmp_path).find_class("commentary-draft")
    document = docx.Document(str(tmp_path / f"{STEM}.docx"))
    assert not [p for p in every_paragraph(document) if "Interviews fell again." in p.text]
