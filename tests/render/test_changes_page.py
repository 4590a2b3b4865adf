"""The page "What changed since the last edition" in the HTML page, the PDF and the Word document: right
after the summary, its tables accessible as the others are (caption, column and row headers, the ref
linked to its appendix page), and a revised value ringed on its chart and named in the chart's alt text.

The report is the small fixture's for January 2023, compared by hand with a December 2022 edition
recorded on 9 January 2023: CF5 (74% in December, 71% now, target 73% with 5% tolerance) went from Green
to Amber; FD8's December value was 85% and is 83%, and the indicator FD2 was dropped.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from pypdf import PdfReader

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.changes import Change, ChangeKind, Changes, EarlierEdition, Revision
from scorecard_report.model.report import Report
from scorecard_report.render.outputs import RenderOptions, render_outputs

from .test_pdf_accessibility import ua_violations

FIXTURES = Path(__file__).parent.parent / "fixtures"
TITLE = "What changed since the last edition"
INTRO = (
    "Compared with the Dec 2022 edition, recorded 9 Jan 2023 (small-test-scorecard-2022-12-snapshot.json)."
)
FD8 = "Screenings completed within 72 hours"
CHANGES = Changes(
    EarlierEdition(
        "small-test-scorecard",
        Month(2022, 12),
        "Dec 2022",
        "2023-01-09T06:00:00Z",
        "small-test-scorecard-2022-12-snapshot.json",
    ),
    (
        Change(ChangeKind.STATUS, "CF5", "Assessments in timescale", "Front Door", "Green", "Amber"),
        Change(ChangeKind.DROPPED, "FD2", "Re-referrals", "Front Door", "24%", ""),
        Change(ChangeKind.REVISION, "FD8", FD8, "Front Door", "85%", "83%", Month(2022, 12), "Dec 2022"),
    ),
)
FD8_REVISION = Revision(Month(2022, 12), "Dec 2022", Decimal(85), Decimal(83), "85%", "83%")


def compared_report() -> Report:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    report = build_report(catalogue, load_values(FIXTURES / "small.csv", catalogue), Month(2023, 1))
    sections = tuple(
        replace(
            section,
            rows=tuple(
                replace(row, revisions=(FD8_REVISION,)) if row.ref == "FD8" else row for row in section.rows
            ),
        )
        for section in report.sections
    )
    return replace(report, sections=sections, changes=CHANGES)


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        return render_outputs(compared_report(), ("html", "pdf", "docx"), RenderOptions(parallel=False))


@pytest.fixture(scope="module")
def html(built: dict[str, bytes]) -> str:
    return built["html"].decode("utf-8")


def _section(html: str, anchor: str, end: str = "</section>") -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index(end, start)]


# ---------------------------------------------------------------- HTML


def test_the_page_comes_right_after_the_summary_and_in_the_contents(html: str) -> None:
    summary_ends = html.index("</section>", html.index('<section class="summary" id="summary">'))
    changes = html.index('<section class="changes" id="changes">')
    first_section = html.index('<section class="scorecard-section"')
    assert summary_ends < changes < first_section
    assert html[summary_ends:changes].strip() == "</section>"
    contents = html[html.index('<nav class="contents"') : html.index("</nav>")]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', contents)
    assert links[links.index(("summary", "Summary")) + 1] == ("changes", TITLE)


def test_its_headings_follow_the_summarys_and_its_tables_have_headers(html: str) -> None:
    page = _section(html, "changes")
    assert f"<h2>{TITLE}</h2>" in page
    assert f'<p class="changes-intro">{INTRO}</p>' in page
    # The summary's own tables have their heading, an h3, in the caption; these do the same.
    assert re.findall(r'<caption id="([^"]+)"><h3>([^<]+)</h3></caption>', page) == [
        ("changes-status", "Status changes"),
        ("changes-dropped", "Dropped indicators"),
        ("changes-revision", "Revised values"),
    ]
    headers = [
        re.findall(r'<th scope="col">([^<]+)</th>', head) for head in re.findall(r"<thead>.*?</thead>", page)
    ]
    assert headers == [
        ["Ref", "Indicator", "Section", "Was", "Now"],
        ["Ref", "Indicator", "Section", "Was"],
        ["Ref", "Indicator", "Section", "Period", "Was", "Now"],
    ]
    rows = [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", page, re.S)
    ]
    assert rows == [
        "CF5 Assessments in timescale Front Door Green Amber",
        "FD2 Re-referrals Front Door 24%",
        f"FD8 {FD8} Front Door Dec 2022 85% 83%",
    ]
    # A ref in this edition links to its appendix page; the dropped FD2 has none to link to.
    assert '<th scope="row"><a href="#indicator-CF5">CF5</a></th>' in page
    assert '<th scope="row">FD2</th>' in page
    assert '<th scope="row"><a href="#indicator-FD8">FD8</a></th>' in page
    assert 'id="indicator-FD8"' in html and 'id="indicator-CF5"' in html


def test_the_revised_charts_alt_text_names_the_revision(html: str) -> None:
    sentence = "1 value revised since the last edition: Dec 2022, was 85%, now 83%."
    page = _section(html, "indicator-FD8", "</article>")
    (alt,) = re.findall(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', page)
    assert alt.endswith(f". {sentence}")
    assert html.count(sentence) == 1  # the small fixture highlights no chart in its sections


# ---------------------------------------------------------------- PDF


def test_the_pdf_page_follows_the_summary_and_passes_the_accessibility_checks(
    built: dict[str, bytes],
) -> None:
    violations = ua_violations(built["pdf"])
    assert violations == [], "\n".join(violations[:50])
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(built["pdf"])).pages]
    (number,) = [n for n, text in enumerate(pages) if text.startswith(TITLE)]
    assert pages[number - 1].startswith("Summary Summary: January 2023")
    changes = pages[number]
    assert TITLE in changes
    assert INTRO in changes
    assert (
        "Status changes Ref Indicator Section Was Now CF5 Assessments in timescale Front Door Green Amber"
        in changes
    )
    assert (
        f"Revised values Ref Indicator Section Period Was Now FD8 {FD8} Front Door Dec 2022 85% 83%"
        in changes
    )


# ---------------------------------------------------------------- Word


@pytest.fixture(scope="module")
def document(built: dict[str, bytes]) -> DocxDocument:
    return docx.Document(io.BytesIO(built["docx"]))


def _captioned(document: DocxDocument, caption: str) -> Table:
    def title(table: Table) -> str | None:
        found = table._tbl.tblPr.find(qn("w:tblCaption"))
        return None if found is None else found.get(qn("w:val"))

    (table,) = [table for table in document.tables if title(table) == caption]
    return table


def test_the_word_page_has_its_headings_after_the_summary(document: DocxDocument) -> None:
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    level_one = [text for style, text in headings if style == "Heading 1"]
    assert level_one[level_one.index("Summary") + 1] == TITLE
    start = headings.index(("Heading 1", TITLE))
    end = next(n for n in range(start + 1, len(headings)) if headings[n][0] == "Heading 1")
    assert headings[start + 1 : end] == [
        ("Heading 2", "Status changes"),
        ("Heading 2", "Dropped indicators"),
        ("Heading 2", "Revised values"),
    ]
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[paragraphs.index(("Heading 1", TITLE)) + 1][1] == INTRO


@pytest.mark.parametrize(
    ("caption", "header", "first"),
    [
        (
            "Status changes",
            ["Ref", "Indicator", "Section", "Was", "Now"],
            ["CF5", "Assessments in timescale", "Front Door", "Green", "Amber"],
        ),
        (
            "Dropped indicators",
            ["Ref", "Indicator", "Section", "Was"],
            ["FD2", "Re-referrals", "Front Door", "24%"],
        ),
        (
            "Revised values",
            ["Ref", "Indicator", "Section", "Period", "Was", "Now"],
            ["FD8", FD8, "Front Door", "Dec 2022", "85%", "83%"],
        ),
    ],
)
def test_each_word_table_repeats_its_header_row(
    document: DocxDocument, caption: str, header: list[str], first: list[str]
) -> None:
    table = _captioned(document, caption)
    assert [cell.text for cell in table.rows[0].cells] == header
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == [first]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # The whole page's width between the margins, 273 mm (in twentieths of a point, rounded per column).
    widths = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    assert abs(sum(widths) - 273 * 1440 / 25.4) < len(widths)


def test_a_word_ref_links_to_its_appendix_page_where_it_has_one(document: DocxDocument) -> None:
    status = _captioned(document, "Status changes").rows[1].cells[0]
    (link,) = status._tc.iter(qn("w:hyperlink"))
    assert link.get(qn("w:anchor")) == "indicator_CF5"
    dropped = _captioned(document, "Dropped indicators").rows[1].cells[0]
    assert list(dropped._tc.iter(qn("w:hyperlink"))) == []
    assert dropped.paragraphs[0].runs[0].bold
