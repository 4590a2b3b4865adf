"""The DOCX reopened with python-docx (and LibreOffice): what an editor in Word would find."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from scorecard_report.cli import main

FIXTURES = Path(__file__).parent.parent / "fixtures"
NAME = "small-test-scorecard-2023-01.docx"


def build(out: Path, *extra: str, commentary: Path = FIXTURES / "hostile-commentary.yaml") -> Path:
    code = main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "small.yaml"),
            "--data",
            str(FIXTURES / "small.csv"),
            "--period",
            "2023-01",
            "--format",
            "docx",
            "--out",
            str(out),
            "--commentary",
            str(commentary),
            *extra,
        ]
    )
    assert code == 0
    return out / NAME


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        return build(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def document(built: Path) -> DocxDocument:
    return docx.Document(str(built))


def every_paragraph(document: DocxDocument) -> list[Paragraph]:
    """The body's paragraphs and those in its tables: an indicator page's commentary is beside its chart."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def scorecard_table(document: DocxDocument, first_ref: str) -> docx.table.Table:
    return next(t for t in document.tables if len(t.rows) > 1 and t.rows[1].cells[0].text == first_ref)


def shading(cell: docx.table._Cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def test_headings_use_word_styles(document: DocxDocument) -> None:
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert ("Title", "Small Test Scorecard") in headings
    assert ("Heading 1", "Front Door") in headings
    assert ("Heading 1", "Children in Care") in headings
    # An indicator page is a level below its section's heading in the appendix.
    assert ("Heading 3", "FD8 Screenings completed within 72 hours") in headings
    appendix = [p.text for p in document.paragraphs if p.style.name == "Appendix section"]
    assert appendix == ["Appendix: Front Door", "Appendix: Children in Care"]
    # The contents' own title is not in the contents, nor in the navigation pane.
    assert [p.text for p in document.paragraphs if p.style.name == "TOC Heading"] == ["Contents"]
    # Same order as the PDF: key, summary, commentary, sections, appendix.
    level_one = [text for style, text in headings if style == "Heading 1"]
    assert level_one == [
        "How to read this scorecard",
        "Summary",
        "Commentary",
        "Front Door",
        "Children in Care",
        "Appendix: indicator pages",
    ]


def test_table_header_repeats_and_rows_do_not_split(document: DocxDocument) -> None:
    table = scorecard_table(document, "FD1")
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])
    # The arrows compare with Dec 2022: its column, and the direction column, say the period.
    assert [c.text for c in table.rows[0].cells] == [
        "Ref",
        "Indicator",
        "Current",
        "Previous Period\nDec 2022",
        "Previous Year\nJan 2022",
        "Target",
        "Regional Average (2021/22)",
        "England Average (2021/22)",
        "Direction of Travel\nvs Dec 2022",
    ]


def test_current_cells_are_shaded_and_carry_their_word(document: DocxDocument) -> None:
    front_door = scorecard_table(document, "FD1")
    fd8 = front_door.rows[2].cells
    # FD8 93.4 → 93%, above the 85-90% range → Green (#00703c) with the word.
    assert (fd8[0].text, fd8[2].text, shading(fd8[2])) == ("FD8", "93%\nGreen", "00703C")
    assert (fd8[3].text, fd8[4].text) == ("83%", "62%")  # Dec 2022, the arrow's comparator; Jan 2022
    assert fd8[7].text == "80%"
    assert fd8[8].text == "↑ Improving"
    cf5 = front_door.rows[3].cells
    # CF5 70.5 → 71% against 73% within 5% → Amber (#ffdd00); Dec 2022 74%; no value for Jan 2022.
    assert (cf5[2].text, shading(cf5[2]), cf5[3].text, cf5[4].text) == (
        "71%\nAmber",
        "FFDD00",
        "74%",
        "Not yet available",
    )
    care = scorecard_table(document, "CLA1")
    cla9 = care.rows[2].cells
    # Quarterly: Q3 2022/23 (December) 94, in the gap between bands → Good.
    assert (cla9[2].text, shading(cla9[2])) == ("94%\nGood\nQ3 2022/23", "00703C")
    assert shading(care.rows[1].cells[2]) == "D4351C"  # CLA1 72.5 against <=70 beyond tolerance 2 → Red


def test_every_picture_has_alt_text(document: DocxDocument) -> None:
    pictures = document.inline_shapes
    assert len(pictures) == 6  # one chart per indicator page
    descriptions = [shape._inline.docPr.get("descr") for shape in pictures]
    assert all(descriptions)
    assert any(d.startswith("FD8 rose from 83% in Dec 2022 to 93% in Jan 2023") for d in descriptions)


def test_placeholders_are_there_until_final(document: DocxDocument, tmp_path: Path) -> None:
    placeholders = [p.text for p in every_paragraph(document) if p.style.name == "Commentary placeholder"]
    assert "Commentary placeholder: Children in Care" in placeholders
    assert (
        "Commentary placeholder: CF5 Assessments in timescale (Head of Service – Front Door)" in placeholders
    )
    final = docx.Document(str(build(tmp_path, "--final")))
    assert not [p for p in every_paragraph(final) if p.style.name == "Commentary placeholder"]
    assert not [p for p in every_paragraph(final) if "Commentary placeholder" in p.text]


def test_commentary_is_text_with_emphasis_and_bullets(document: DocxDocument) -> None:
    bullets = [p.text for p in every_paragraph(document) if p.style.name == "List Bullet"]
    assert '<img src="file:///etc/passwd">' in bullets
    improving = next(p for p in every_paragraph(document) if p.text == "Screening is improving.")
    assert [(r.text, bool(r.italic)) for r in improving.runs] == [
        ("Screening is ", False),
        ("improving", True),
        (".", False),
    ]


def test_core_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    assert (properties.title, properties.subject, properties.author) == (
        "Small Test Scorecard",
        "January 2023",
        "Test Council",
    )


def test_landscape_a4_with_page_fields(built: Path) -> None:
    with zipfile.ZipFile(built) as archive:
        footer = next(archive.read(n) for n in archive.namelist() if n.startswith("word/footer"))
        settings = archive.read("word/settings.xml")
        body = archive.read("word/document.xml")
    assert b'w:instr="PAGE"' in footer and b'w:instr="NUMPAGES"' in footer
    assert b"updateFields" in settings
    assert b"TOC \\o" in body
    section = docx.Document(str(built)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(tmp_path).read_bytes() == built.read_bytes()


def test_text_pasted_from_word_survives(tmp_path: Path) -> None:
    commentary = tmp_path / "commentary.yaml"
    commentary.write_text(
        'indicators:\n  FD8: "Line one\\vline two 😀 مرحبا cafe\\u0301 \\ufffe end"\n', encoding="utf-8"
    )
    document = docx.Document(str(build(tmp_path / "out", commentary=commentary)))
    text = "\n".join(p.text for p in every_paragraph(document))
    assert "Line one\nline two 😀 مرحبا cafe\u0301  end" in text


def test_a_council_template_keeps_its_own_heading_style(tmp_path: Path) -> None:
    template = docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name, heading.font.size = "Georgia", Pt(20)
    template.styles.add_style("Council Body", WD_STYLE_TYPE.PARAGRAPH)
    template.add_paragraph("Sample text that must not survive.")
    buffer = io.BytesIO()
    template.save(buffer)
    (tmp_path / "council.docx").write_bytes(buffer.getvalue())
    document = docx.Document(str(build(tmp_path / "out", "--docx-template", str(tmp_path / "council.docx"))))
    assert (document.styles["Heading 1"].font.name, document.styles["Heading 1"].font.size) == (
        "Georgia",
        Pt(20),
    )
    assert "Council Body" in [style.name for style in document.styles]
    assert "Sample text that must not survive." not in [p.text for p in document.paragraphs]
    assert any(p.style.name == "Heading 1" and p.text == "Front Door" for p in document.paragraphs)


def test_a_dotx_template_is_accepted(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(tmp_path / "council.dotx", "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    assert build(tmp_path / "out", "--docx-template", str(tmp_path / "council.dotx")).exists()


def test_a_broken_template_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "council.docx").write_text("not a document", encoding="utf-8")
    code = main(
        [
            "build",
            "--catalogue",
            str(FIXTURES / "small.yaml"),
            "--data",
            str(FIXTURES / "small.csv"),
            "--period",
            "2023-01",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "out"),
            "--docx-template",
            str(tmp_path / "council.docx"),
        ]
    )
    assert code == 65
    assert "not a Word .docx or .dotx file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_libreoffice_renders_the_key_values(built: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have LibreOffice: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("soffice (Debian's libreoffice-writer-nogui) is not installed here")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(built),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = "\n".join(
        page.extract_text() for page in PdfReader(tmp_path / NAME.replace(".docx", ".pdf")).pages
    )
    for expected in (
        "Small Test Scorecard",
        "Front Door",
        "93%",
        "Green",
        "71%",
        "Amber",
        "72.5",
        "Red",
        "Q3 2022/23",
        "Improving",
        "Declining",
        "Page 1 of",
    ):
        assert expected in text, expected
