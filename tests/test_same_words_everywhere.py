"""One value, one spelling: each indicator's current value reads the same in every output.

House style: "Format numbers in one place ... `93%` must look the same in every output." The small
fixture, with one more indicator for money under a million, is built to PDF, HTML, DOCX and CSV; for a
count, a percent and both kinds of money, the current value's text must appear as the rules write it
in the PDF's text, the HTML table, the DOCX table, the chart's alt text (HTML and DOCX) and the draft
commentary, and the summary CSV's number must be the value that text shows.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import docx
import lxml.html
import pytest
from pypdf import PdfReader

from scorecard_report.authoring.drafts import draft_commentary
from scorecard_report.cli import main
from scorecard_report.format.display import format_value
from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report

FIXTURES = Path(__file__).parent / "fixtures"
STEM = "small-test-scorecard-2023-01"
MONEY = """
  - id: money
    title: Money
    indicators:
      - ref: FIN2
        title: Agency staff spend
        unit: currency
        polarity: low
        target: 12000
"""
MONEY_VALUES = "FIN2,2022-01,10250,,,\nFIN2,2022-12,11800,,,\nFIN2,2023-01,12344.5,,,\n"

# The current value of each row as the rules' display table writes it, worked out by hand.
SHOWN = {
    "FD1": "1,348",  # a count of 1348: thousands separator
    "FD8": "93%",  # 93.4 at 0 decimals
    "FIN2": "£12,345",  # 12344.5 rounded half away from zero (half to even would give 12,344)
    "012": "£1.3m",  # 1,250,000 in millions to one decimal, half away from zero (not £1.2m)
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    catalogue, data = folder / "small.yaml", folder / "small.csv"
    catalogue.write_text((FIXTURES / "small.yaml").read_text(encoding="utf-8") + MONEY, encoding="utf-8")
    data.write_text((FIXTURES / "small.csv").read_text(encoding="utf-8") + MONEY_VALUES, encoding="utf-8")
    return catalogue, data


@pytest.fixture(scope="module")
def built(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalogue, data = inputs
    out = tmp_path_factory.mktemp("outputs")
    arguments = ["build", "--catalogue", str(catalogue), "--data", str(data), "--period", "2023-01"]
    assert main([*arguments, "--format", "pdf,html,docx,csv", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def report(inputs: tuple[Path, Path]) -> Report:
    catalogue = load_catalogue(inputs[0])
    return build_report(catalogue, load_values(inputs[1], catalogue), Month(2023, 1))


def test_the_model_writes_each_value_as_the_rules_say(report: Report) -> None:
    texts = {row.ref: row.current.text for row in report.rows}
    assert {ref: texts[ref] for ref in SHOWN} == SHOWN


def words(text: str) -> list[str]:
    """The words of a sentence or a line of cells, without the punctuation around them."""
    return [word.strip(".,;:()") for word in text.split()]


def pdf_blocks(built: Path, refs: set[str]) -> list[str]:
    """The PDF's text cut where a line starts with a ref: a table row or an indicator page each."""
    reader = PdfReader(built / f"{STEM}.pdf")
    blocks: list[list[str]] = [[]]
    for page in reader.pages:
        for line in page.extract_text().splitlines():
            if line.split(" ", 1)[0] in refs:
                blocks.append([])
            blocks[-1].append(line)
    return [" ".join(block) for block in blocks]


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_pdf_shows_it_beside_its_ref(built: Path, report: Report, ref: str, shown: str) -> None:
    blocks = [block for block in pdf_blocks(built, {row.ref for row in report.rows}) if block.startswith(ref)]
    assert any(shown in words(block) for block in blocks), blocks


def html_document(built: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / f"{STEM}.html").read_bytes())


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_html_table_row_shows_it(built: Path, ref: str, shown: str) -> None:
    rows = [
        row
        for row in html_document(built).iter("tr")
        if [th.text_content() for th in row.findall("th")] == [ref]
    ]
    assert rows, f"no table row for {ref}"
    assert all(shown in [piece.strip() for piece in row.itertext()] for row in rows)


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_docx_table_row_shows_it(built: Path, ref: str, shown: str) -> None:
    document = docx.Document(str(built / f"{STEM}.docx"))
    rows = [row for table in document.tables for row in table.rows if row.cells[0].text == ref]
    assert rows, f"no table row for {ref}"
    assert all(any(shown in cell.text.split("\n") for cell in row.cells) for row in rows)


def chart_alt_texts(built: Path, ref: str) -> list[str]:
    """The alt text of ``ref``'s charts, in the HTML (``alt``) and the DOCX (``descr``)."""
    html = [image.get("alt", "") for image in html_document(built).iter("img")]
    document = docx.Document(str(built / f"{STEM}.docx"))
    word = [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
    return [alt for alt in (*html, *word) if alt.startswith(f"{ref} ")]


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_chart_alt_text_says_it(built: Path, ref: str, shown: str) -> None:
    texts = chart_alt_texts(built, ref)
    assert len(texts) >= 2, "a chart in the HTML and one in the DOCX at least"
    assert all(shown in words(text) for text in texts), texts


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_draft_commentary_says_it(report: Report, ref: str, shown: str) -> None:
    draft = dict(draft_commentary(report).indicators)[ref]
    assert shown in words(draft), draft


@pytest.mark.parametrize(("ref", "shown"), SHOWN.items())
def test_the_summary_csv_holds_the_value_that_is_shown(
    built: Path, report: Report, ref: str, shown: str
) -> None:
    # The summary CSV has no display columns: it writes numbers as in the data, for a spreadsheet.
    # Shown at the indicator's decimals, its number is the text every other output shows.
    lines = list(csv.DictReader(io.StringIO((built / f"{STEM}.csv").read_text(encoding="utf-8-sig"))))
    (line,) = [line for line in lines if line["ref"] == ref]
    row = next(row for row in report.rows if row.ref == ref)
    assert format_value(Decimal(line["current"]), row.unit, row.decimals, "") == shown
