"""The Word document's XML as Word checks it: properties in the schema's order and once each, tables with
titles and cell margins, bookmarks and internal links, the language, the contents field, the section's
charts side by side in a layout table and each appendix chart over its caption and values."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from lxml import etree

from scorecard_report.cli import main
from scorecard_report.render.docx_links import Links, bookmark_name

FIXTURES = Path(__file__).parent.parent / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# ECMA-376 Part 1, wml.xsd: the sequence of each property element's children. Written out here from the
# schema, not taken from the writer, so that a mistake in one is not copied into the other.
SEQUENCES = {
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"
    ),
    "trPr": (
        "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
        "tblCellSpacing jc hidden ins del trPrChange"
    ),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
        "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct "
        "autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
        "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl "
        "divId cnfStyle rPr sectPr pPrChange"
    ),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
    ),
    "tblCellMar": "top start left bottom end right",
    "tblBorders": "top start left bottom end right insideH insideV",
    "pBdr": "top left bottom right between bar",
}
ORDER = {parent: children.split() for parent, children in SEQUENCES.items()}


def out_of_order(root: etree._Element) -> list[str]:
    """Each property element whose w: children repeat, are not in its sequence, or are out of order."""
    problems = []
    for parent, sequence in ORDER.items():
        for properties in root.iter(f"{{{W}}}{parent}"):
            names = [
                etree.QName(child).localname for child in properties if etree.QName(child).namespace == W
            ]
            unknown = [name for name in names if name not in sequence]
            repeated = sorted({name for name in names if names.count(name) > 1})
            ranks = [sequence.index(name) for name in names if name in sequence]
            if unknown or repeated or ranks != sorted(ranks):
                problems.append(f"{parent}: {names}")
    return problems


def build(out: Path, catalogue: Path = FIXTURES / "small.yaml", *extra: str) -> Path:
    arguments = ["build", "--catalogue", str(catalogue), "--data", str(FIXTURES / "small.csv")]
    arguments += ["--period", "2023-01", "--format", "docx", "--out", str(out), *extra]
    assert main(arguments) == 0
    [written] = out.glob("*.docx")
    return written


def rich_catalogue(folder: Path) -> Path:
    """The small catalogue with four highlighted indicators (two rows of charts) and a cover."""
    catalogue = yaml.safe_load((FIXTURES / "small.yaml").read_text(encoding="utf-8"))
    for section in catalogue["sections"]:
        for indicator in section["indicators"]:
            if indicator["ref"] in ("FD1", "FD8", "CF5", "CLA1"):
                indicator["highlight"] = True
    catalogue["report"] = {
        "committee": "Children's Services Scrutiny Committee",
        "meeting_date": "12 February 2023",
        "contact": "Performance Team",
    }
    path = folder / "rich.yaml"
    path.write_text(yaml.safe_dump(catalogue, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx-structure")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        return build(folder / "out", rich_catalogue(folder))


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@pytest.fixture(scope="module")
def body(built: Path) -> etree._Element:
    return part(built, "word/document.xml")


def texts(element: etree._Element) -> str:
    """The text shown: every w:t, not a field's instruction."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def page_heading(body: etree._Element, text: str) -> etree._Element:
    return next(
        p
        for p in body.iter(qn("w:p"))
        if texts(p) == text and p.find("w:pPr/w:pStyle", NS).get(qn("w:val"), "").startswith("Heading")
    )


def test_every_property_element_is_in_schema_order_once(built: Path) -> None:
    with zipfile.ZipFile(built) as archive:
        names = [
            n
            for n in archive.namelist()
            if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", n)
        ]
        for name in names:
            assert out_of_order(etree.fromstring(archive.read(name))) == [], name


def test_the_checker_finds_what_word_would_refuse() -> None:
    table = etree.fromstring(
        f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr></w:tbl>'
    )
    assert out_of_order(table) == ["tblPr: ['tblLayout', 'tblLook', 'tblLayout']"]


def test_the_contents_update_is_where_the_settings_schema_puts_it(built: Path) -> None:
    settings = part(built, "word/settings.xml")
    names = [etree.QName(child).localname for child in settings]
    assert names.count("updateFields") == 1
    assert names.index("updateFields") < names.index("compat")


def test_every_table_has_a_title_one_fixed_layout_and_cell_margins(body: etree._Element) -> None:
    tables = body.findall(".//w:tbl", NS)
    assert len(tables) > 10
    for table in tables:
        properties = table.find("w:tblPr", NS)
        assert len(properties.findall("w:tblLayout", NS)) == 1
        assert properties.find("w:tblCaption", NS).get(qn("w:val"))
        margins = properties.find("w:tblCellMar", NS)
        assert margins is not None
        assert [etree.QName(side).localname for side in margins] == ["top", "left", "bottom", "right"]
    captions = [t.find("w:tblPr/w:tblCaption", NS).get(qn("w:val")) for t in tables]
    assert "Front Door: January 2023" in captions  # the section's table
    assert "FD8 values by period; target 85–\u206090%" in captions  # the chart's values


def test_a_scorecard_table_s_cells_have_room_around_their_text(body: etree._Element) -> None:
    table = next(
        t
        for t in body.iter(qn("w:tbl"))
        if t.find("w:tblPr/w:tblCaption", NS).get(qn("w:val")) == "Front Door: January 2023"
    )
    margins = {
        etree.QName(side).localname: int(side.get(qn("w:w")))
        for side in table.find("w:tblPr/w:tblCellMar", NS)
    }
    assert margins == {"top": 23, "left": 45, "bottom": 23, "right": 45}  # 0.4 mm and 0.8 mm in twips


def test_the_language_is_british_english(built: Path) -> None:
    styles = part(built, "word/styles.xml")
    language = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert (language.get(qn("w:val")), language.get(qn("w:eastAsia")), language.get(qn("w:bidi"))) == (
        "en-GB",
        "en-GB",
        "ar-SA",
    )
    assert docx.Document(str(built)).core_properties.language == "en-GB"
    assert part(built, "word/settings.xml").find("w:themeFontLang", NS).get(qn("w:val")) == "en-GB"


def test_a_template_s_styles_keep_all_but_the_language_of_what_we_write(tmp_path: Path) -> None:
    template = docx.Document()
    styles = template.styles.element
    styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).set(qn("w:eastAsia"), "zh-CN")
    normal = template.styles["Normal"]
    normal.font.name = "Georgia"
    etree.SubElement(normal.element.get_or_add_rPr(), qn("w:lang"), {qn("w:val"): "en-US"})
    welsh = template.styles.add_style("Welsh", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    etree.SubElement(welsh.element.get_or_add_rPr(), qn("w:lang"), {qn("w:val"): "cy-GB"})
    buffer = io.BytesIO()
    template.save(buffer)
    (tmp_path / "council.docx").write_bytes(buffer.getvalue())
    built = build(
        tmp_path / "out", FIXTURES / "small.yaml", "--docx-template", str(tmp_path / "council.docx")
    )
    styles = part(built, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert (defaults.get(qn("w:val")), defaults.get(qn("w:eastAsia"))) == ("en-GB", "zh-CN")

    def style(style_id: str) -> etree._Element:
        return styles.find(f"w:style[@w:styleId='{style_id}']", NS)

    assert style("Normal").find("w:rPr/w:lang", NS).get(qn("w:val")) == "en-GB"  # we write in it
    assert style("Normal").find("w:rPr/w:rFonts", NS).get(qn("w:ascii")) == "Georgia"  # the rest is kept
    assert style("Welsh").find("w:rPr/w:lang", NS).get(qn("w:val")) == "cy-GB"  # not ours to change
    assert out_of_order(styles) == []


def test_bookmarks_are_valid_unique_and_every_link_reaches_one(body: etree._Element) -> None:
    starts = body.findall(".//w:bookmarkStart", NS)
    names = [start.get(qn("w:name")) for start in starts]
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name) for name in names), names
    assert len({name.casefold() for name in names}) == len(names)
    ids = [start.get(qn("w:id")) for start in starts]
    assert sorted(ids) == sorted(end.get(qn("w:id")) for end in body.findall(".//w:bookmarkEnd", NS))
    anchors = [link.get(qn("w:anchor")) for link in body.findall(".//w:hyperlink", NS)]
    assert anchors and set(anchors) <= set(names)


def test_a_ref_links_to_its_appendix_page_which_links_back(body: etree._Element) -> None:
    def bookmarked(paragraph: etree._Element) -> str:
        return paragraph.find("w:bookmarkStart", NS).get(qn("w:name"))

    ref_cell = next(p for p in body.iter(qn("w:p")) if p.getparent().tag == qn("w:tc") and texts(p) == "FD8")
    link = ref_cell.find("w:hyperlink", NS)
    heading = page_heading(body, "FD8 Screenings completed within 72 hours")
    assert heading.find("w:pPr/w:pStyle", NS).get(qn("w:val")) == "Heading3"
    assert link.get(qn("w:anchor")) == bookmarked(heading) == "indicator_FD8"
    back = heading.find("w:hyperlink", NS)
    assert texts(back) == "FD8"
    assert back.get(qn("w:anchor")) == bookmarked(ref_cell) == "row_FD8"


def test_the_contents_lists_the_parts_and_the_appendix_by_section_not_every_page(
    body: etree._Element,
) -> None:
    instruction = next(t.text for t in body.iter(qn("w:instrText")) if t.text.startswith("TOC"))
    assert instruction == 'TOC \\o "1-1" \\t "Appendix section,2" \\h \\z'
    paragraphs = list(body.iter(qn("w:p")))
    start = next(i for i, p in enumerate(paragraphs) if p.find(".//w:instrText", NS) is not None)
    end = next(
        i for i, p in enumerate(paragraphs) if p.find(".//w:fldChar[@w:fldCharType='end']", NS) is not None
    )
    shown = [texts(p) for p in paragraphs[start : end + 1]]
    assert shown == [
        "How to read this scorecard",
        "Summary",
        "Front Door",
        "Children in Care",
        "Appendix: indicator pages",
        "Appendix: Front Door",
        "Appendix: Children in Care",
    ]
    # The field gathers Heading 1 and the appendix's sections; the indicator pages are Heading 3.
    styles = {p.find("w:pPr/w:pStyle", NS).get(qn("w:val")) for p in paragraphs if "Screenings" in texts(p)}
    assert "Heading2" not in styles


def test_the_section_s_charts_sit_side_by_side_in_a_layout_table(body: etree._Element) -> None:
    layout = next(
        t
        for t in body.iter(qn("w:tbl"))
        if t.find("w:tblPr/w:tblCaption", NS).get(qn("w:val")) == "Summary performance charts"
    )
    properties = layout.find("w:tblPr", NS)
    assert properties.find("w:tblStyle", NS) is None
    assert {b.get(qn("w:val")) for b in properties.find("w:tblBorders", NS)} == {"nil"}
    look = properties.find("w:tblLook", NS)
    assert (look.get(qn("w:firstRow")), look.get(qn("w:firstColumn"))) == ("0", "0")
    assert layout.find(".//w:tblHeader", NS) is None
    rows = layout.findall("w:tr", NS)
    assert [len(row.findall("w:tc/w:p//wp:docPr", {**NS, "wp": WP})) for row in rows] == [3]  # FD1, FD8, CF5
    cells = rows[0].findall("w:tc", NS)
    for cell, ref in zip(cells, ("FD1", "FD8", "CF5"), strict=True):
        picture, caption = cell.findall("w:p", NS)
        assert picture.find(".//wp:docPr", {"wp": WP}).get("descr").startswith(ref)
        assert caption.find("w:pPr/w:pStyle", NS).get(qn("w:val")) == "Caption"
        assert texts(caption).startswith(ref)
    # The charts are 85 mm wide, three to a row of 91 mm cells.
    assert [int(c.get(qn("w:w"))) for c in layout.findall("w:tblGrid/w:gridCol", NS)] == [5159, 5159, 5159]


def test_the_appendix_chart_is_over_its_caption_and_its_values_across_the_page(
    body: etree._Element,
) -> None:
    heading = page_heading(body, "FD8 Screenings completed within 72 hours")
    following = list(heading.itersiblings())
    layout = next(t for t in following if t.tag == qn("w:tbl") and t.find(".//w:drawing", NS) is not None)
    chart_cell = layout.find("w:tr/w:tc", NS)
    blocks = [b for b in chart_cell if b.tag in (qn("w:p"), qn("w:tbl"))]
    assert blocks[0].find(".//w:drawing", NS) is not None
    caption = blocks[1]
    assert caption.find("w:pPr/w:pStyle", NS).get(qn("w:val")) == "Caption"
    assert texts(caption).startswith("FD8 by month, ")
    keep = caption.find("w:pPr/w:keepNext", NS)
    assert keep is not None and keep.get(qn("w:val")) in ("0", "false")  # not pulled onto the table
    description = blocks[0].find(".//wp:docPr", {"wp": WP}).get("descr")
    assert description != texts(caption)
    assert len(blocks) == 2  # the values are under the layout, across the page, as in the PDF
    title, values = list(layout.itersiblings())[:2]
    assert texts(title) == "FD8 values by period; target 85–\u206090%"
    assert values.tag == qn("w:tbl")
    # 273 mm between the margins, in twentieths of a point: the label column and a column a period.
    columns = [int(column.get(qn("w:w"))) for column in values.findall("w:tblGrid/w:gridCol", NS)]
    assert abs(sum(columns) - round(273 / 25.4 * 1440)) <= len(columns)
    assert columns[0] == round(27 / 25.4 * 1440)
    header, *rows = values.findall("w:tr", NS)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert [texts(row.find("w:tc", NS)) for row in rows][:2] == ["Value", "Variance from target"]
    assert all(row.find("w:tc/w:p/w:r/w:rPr/w:b", NS) is not None for row in rows)  # row headers in bold
    # The values replace the variance table.
    assert "Variance from target" not in [texts(p) for p in following if p.tag == qn("w:p")]


def test_the_cover_names_the_committee_meeting_and_contact(built: Path) -> None:
    document = docx.Document(str(built))
    lines = [p.text for p in document.paragraphs[:12]]
    assert "Committee: Children's Services Scrutiny Committee" in lines
    assert "Meeting: 12 February 2023" in lines
    assert "Contact: Performance Team" in lines


def test_page_breaks_never_leave_a_blank_page(body: etree._Element) -> None:
    # A page starts at its heading: no paragraph holds only a break, which after a full page is a page.
    assert body.find(".//w:br[@w:type='page']", NS) is None
    starts = [p for p in body.iter(qn("w:p")) if p.find("w:pPr/w:pageBreakBefore", NS) is not None]
    assert "Front Door" in [texts(p) for p in starts]


@pytest.mark.parametrize(
    ("anchor", "name"),
    [
        ("indicator-FD8", "indicator_FD8"),
        ("indicator-012", "indicator_012"),
        ("section-front_2d_door", "section_front_2d_door"),
        ("9-lives", "b_9_lives"),
        ("indicator-é", "indicator__"),
        ("indicator-" + "X" * 50, "indicator_" + "X" * 30),
    ],
)
def test_an_anchor_s_bookmark_name(anchor: str, name: str) -> None:
    assert bookmark_name(anchor) == name
    assert len(name) <= 40


def test_two_anchors_never_share_a_bookmark_even_in_another_case() -> None:
    links = Links(docx.Document(), (), None)
    assert [links.name(a) for a in ("row-a", "row-A", "row-a", "row_a")] == [
        "row_a",
        "row_A_2",
        "row_a",
        "row_a_3",
    ]


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def test_a_template_that_never_used_a_heading_gets_them_from_python_docx(tmp_path: Path) -> None:
    # Word saves only the styles a document has used: a council's template may define Normal alone.
    template = docx.Document()
    styles = template.styles.element
    for style in list(styles.style_lst):
        if style.styleId not in ("Normal", "DefaultParagraphFont", "TableNormal", "NoList"):
            styles.remove(style)
    buffer = io.BytesIO()
    template.save(buffer)
    (tmp_path / "bare.docx").write_bytes(buffer.getvalue())
    built = build(tmp_path / "out", FIXTURES / "small.yaml", "--docx-template", str(tmp_path / "bare.docx"))
    document = docx.Document(str(built))
    names = {style.name for style in document.styles}
    assert {"Heading 1", "Heading 3", "Heading 4", "Caption", "TOC Heading", "Table Grid"} <= names
    assert {"Appendix section", "Hyperlink", "Table text"} <= names
    assert any(p.style.name == "Heading 1" and p.text == "Front Door" for p in document.paragraphs)
    # The list style's numbering stays behind: its number would name one of the template's lists.
    assert document.styles["List Bullet"].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is None
    assert out_of_order(part(built, "word/styles.xml")) == []
