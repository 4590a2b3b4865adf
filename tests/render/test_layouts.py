"""Quarterly and annual layouts: columns from the catalogue, Q1-Q4 filled by band, groups, fields."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from scorecard_report.cli import main
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.problems import InputError

FIXTURES = Path(__file__).parent.parent / "fixtures"
STEM = "quarterly-test-scorecard-2016-03"


def build(out: Path, period: str = "2015/16 Q4", formats: str = "csv,pdf,docx") -> Path:
    code = main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "quarterly.yaml"),
            "--data",
            str(FIXTURES / "quarterly.csv"),
            "--period",
            period,
            "--format",
            formats,
            "--out",
            str(out),
        ]
    )
    assert code == 0
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("quarterly"))


def test_summary_reports_the_current_quarter_and_its_band_for_every_band_form(built: Path) -> None:
    with (built / f"{STEM}.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    picked = [",".join(row[column] for column in ("ref", "period", "current", "band")) for row in rows]
    assert picked == [
        "QA,2016-03,94,Good",  # 85-93 / 95-99: 94 is in the gap, so the lower band
        "QB,2016-03,100,Outstanding",  # above 99 still meets the best threshold (95)
        "QC,2016-03,74,Inadequate",  # below the worst band's 75
        "QD,2016-03,6,Outstanding",  # low polarity: 6 is below 10
        "QE,2016-03,25,Inadequate",  # above 20, the worst band's upper bound
        "QF,2016-03,4,Requires improvement",  # 4 ≤ 5 working days, but not ≤ 3
        "QG,2016-03,12,Good",  # "15 - 10" written high to low: upper bound 15
        "QH,2016-03,11,",  # no bands
        "QI,2016-03,,",  # Not Yet Available: no value, no band
    ]


def pdf_text(built: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(built / f"{STEM}.pdf").pages)


def test_pdf_rows_show_the_quarters_in_order_with_band_words(built: Path) -> None:
    text = pdf_text(built)
    # Headings may hyphenate in the PDF ("improve-ment"); the DOCX test checks them word for word.
    assert "Q1 Q2 Q3 Q4 Comment" in text
    assert (
        "1 15 Complaints resolved at stage 1 75–84% 85–93% 95–99% 74% Inadequate 94% Good "
        "100% Outstanding 94% Good"
    ) in text
    # The thresholds in the house notation ("≤ 5", a no-break space) wrap in their narrow columns.
    assert (
        "6 – Days to decide ≤ 5 working days ≤ 3 working days ≤ 1 working day Not yet available "
        "Not yet available 2 Good 4 Requires improvement"
    ) in " ".join(text.replace("\u00a0", " ").split())
    assert re.search(r"Voice of the child\n1 15 Complaints", text)
    assert re.search(r"Frontline practice\n4 – Plans open", text)  # no Rec: the dash
    assert "Quarterly Test Scorecard – Quarter 4 2015/16" in text


def cell_shading(cell: docx.table._Cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


def test_docx_table_has_quarters_in_their_columns_with_band_fill(built: Path) -> None:
    document = docx.Document(str(built / f"{STEM}.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No")
    headings = [cell.text for cell in table.rows[0].cells]
    assert headings == [
        "No",
        "Rec",
        "Measure",
        "What it Shows",
        "Requires improvement",
        "Good",
        "Outstanding",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Comment",
    ]
    group = table.rows[1].cells
    assert group[0].text == "Voice of the child" and group[0]._tc is group[-1]._tc  # spans the table
    qa = table.rows[2].cells
    quarters = [qa[headings.index(q)] for q in ("Q1", "Q2", "Q3", "Q4")]
    assert [c.text for c in quarters] == ["74%\nInadequate", "94%\nGood", "100%\nOutstanding", "94%\nGood"]
    assert [cell_shading(c) for c in quarters] == ["D4351C", "00703C", "003078", "00703C"]
    assert qa[headings.index("Rec")].text == "15"


def test_a_future_quarter_is_blank(tmp_path: Path) -> None:
    out = build(tmp_path, period="2015/16 Q3", formats="pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(out / "quarterly-test-scorecard-2015-12.pdf").pages)
    # In a Q3 report, Q4 has not happened: QA shows Q1-Q3 and nothing after.
    assert "74% Inadequate 94% Good 100% Outstanding Commentary placeholder: QA" in text
    assert "Quarter 3 2015/16" in text


def catalogue_with(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "quarterly.yaml"
    path.write_text(
        (FIXTURES / "quarterly.yaml").read_text(encoding="utf-8").replace(old, new), encoding="utf-8"
    )
    return path


def test_unknown_columns_are_refused_with_a_suggestion(tmp_path: Path) -> None:
    path = catalogue_with(
        tmp_path,
        "report: {layout: quarterly, appendix: none}",
        "report: {layout: quarterly, appendix: none, columns: [number, rec, titel, quarters]}",
    )
    with pytest.raises(InputError) as raised:
        load_catalogue(path)
    [problem] = raised.value.problems
    assert "unknown column 'titel' (did you mean 'title'?)" in str(problem)


def test_a_field_must_be_declared(tmp_path: Path) -> None:
    path = catalogue_with(tmp_path, "fields: {rec: Rec}\n", "")
    with pytest.raises(InputError) as raised:
        load_catalogue(path)
    assert all("unknown key 'rec'" in str(problem) for problem in raised.value.problems)
    assert len(raised.value.problems) == 2  # QA and QB carry rec


def test_a_column_list_replaces_the_preset(tmp_path: Path) -> None:
    path = catalogue_with(
        tmp_path,
        "report: {layout: quarterly, appendix: none}",
        "report: {layout: quarterly, appendix: none, columns: [ref, title, quarters, current]}",
    )
    assert load_catalogue(path).report.columns == ("ref", "title", "quarters", "current")


def test_a_field_may_not_reuse_an_indicator_key(tmp_path: Path) -> None:
    path = catalogue_with(tmp_path, "fields: {rec: Rec}", "fields: {rec: Rec, unit: Unit}")
    with pytest.raises(InputError) as raised:
        load_catalogue(path)
    assert [str(p) for p in raised.value.problems if "already an indicator key" in str(p)] == [
        f"error: {path}:5: field 'unit' is already an indicator key "
        "(give the extra field another name, such as rec or theme)"
    ]
