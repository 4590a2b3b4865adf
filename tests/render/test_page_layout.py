"""The web page and the PDF laid out as a reader meets them: landmarks, captions, links between a row and
its appendix page, each chart's values, and the printed tables' breaks.

Built from the example's Children in Care edition (``--section children-in-care``): four highlight
charts, four benchmarks, SPC, a table over several pages and thirty appendix pages, in a tenth of the
whole example's time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from scorecard_report.cli import main
from scorecard_report.problems import InputError
from scorecard_report.render.html import check_self_contained

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
EPOCH = "1700000000"
CAPTION = "Children in Care: October 2026"


@dataclass(frozen=True)
class Edition:
    page: lxml_html.HtmlElement
    text: str  # the HTML as written
    pdf: list[str]  # each PDF page's text


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    out = tmp_path_factory.mktemp("layout")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        arguments = ["build", "--catalogue", str(ROOT / "indicator_specs.yaml"), "--period", "2026-10"]
        arguments += ["--section", "children-in-care", "--format", "html,pdf", "--out", str(out), "-q"]
        assert main(arguments) == 0
    text = next(out.glob("*.html")).read_text(encoding="utf-8")
    pages = [page.extract_text() for page in PdfReader(next(out.glob("*.pdf"))).pages]
    return Edition(lxml_html.document_fromstring(text), text, pages)


# ------------------------------------------------------------------------------------------ the web page


def test_the_page_has_its_landmarks_and_a_viewport(edition: Edition) -> None:
    page = edition.page
    assert page.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    assert [element.tag for element in page.body] == ["header", "nav", "main"]
    assert page.xpath("//header/h1") and page.xpath("//main//section[@id='summary']")


def test_every_table_has_a_caption_and_scrolls_in_a_box_it_names(edition: Edition) -> None:
    tables = edition.page.xpath("//table")
    assert len(tables) > 50
    for table in tables:
        (caption,) = table.xpath("caption")
        assert caption.text_content().strip(), lxml_html.tostring(table)[:200]
        box = table.getparent()
        assert (box.get("class"), box.get("role"), box.get("tabindex")) == ("table-scroll", "group", "0")
        assert box.get("aria-labelledby") == caption.get("id")


def test_every_link_in_the_page_goes_somewhere_and_ids_are_unique(edition: Edition) -> None:
    ids = Counter(edition.page.xpath("//@id"))
    assert [name for name, count in ids.items() if count > 1] == []
    targets = {href[1:] for href in edition.page.xpath("//a/@href")}
    assert targets - set(ids) == set()


def test_a_row_links_to_its_appendix_page_and_the_page_back_to_the_row(edition: Edition) -> None:
    page = edition.page
    refs = page.xpath("//table[@class='scorecard']/tbody/tr/th[@scope='row']")
    assert len(refs) == 30
    for cell in refs:
        ref = cell.text_content()
        assert cell.get("id") == f"row-{ref}"
        assert cell.xpath("a/@href") == [f"#indicator-{ref}"]
        (back,) = page.xpath(f"//article[@id='indicator-{ref}']/h3/span[@class='page-ref']/a")
        assert (back.get("href"), back.text) == (f"#row-{ref}", ref)


def test_the_contents_lists_the_appendix_by_section(edition: Edition) -> None:
    (appendix,) = edition.page.xpath("//nav/ol/li[a/@href='#appendix']")
    assert appendix.xpath("ol/li/a/@href") == ["#appendix-children_2d_in_2d_care"]
    assert appendix.xpath("ol/li/a/text()") == ["Children in Care"]
    (heading,) = edition.page.xpath("//*[@id='appendix-children_2d_in_2d_care']")
    assert heading.tag == "h3" and heading.getparent().get("id") == "indicator-CF1"


def test_each_highlight_chart_has_its_values_folded_under_it(edition: Edition) -> None:
    charts = edition.page.xpath("//div[@class='highlights']//div[@class='small-chart']")
    assert len(charts) == 4
    for chart in charts:
        (details,) = chart.xpath("details[@class='chart-values']")
        assert details.xpath("summary/text()") == ["Values"] and details.get("open") is None
        caption = details.xpath(".//table/caption/text()")[0]
        ref = caption.split()[0]
        # The same table is under the chart on its appendix page.
        assert edition.page.xpath(f"//article[@id='indicator-{ref}']//table/caption/text()")[0] == caption


def test_the_appendix_table_gives_every_period_and_series(edition: Edition) -> None:
    (table,) = edition.page.xpath("//article[@id='indicator-CF2']//table[@class='data-table']")
    assert table.xpath("caption/text()") == ["CF2 values by period; target ≤\u00a0115"]
    periods = table.xpath("thead/tr/th[@scope='col']/text()")
    assert (len(periods), periods[0], periods[-1]) == (13, "Oct 2025", "Oct 2026")
    rows = table.xpath("tbody/tr")
    labels = [row.xpath("th[@scope='row']/text()")[0] for row in rows]
    assert labels == [
        "Value",
        "Variance from target",
        "Average",
        "Lower process limit",
        "Upper process limit",
        "Point",
    ]
    assert all(len(row.xpath("td")) == 13 for row in rows)
    assert not edition.page.xpath("//table[@class='variance-table']")


def test_each_icon_picture_is_in_the_page_once(edition: Edition) -> None:
    icons = edition.page.xpath("//span[contains(concat(' ', @class, ' '), ' icon ')]")
    assert len(icons) > 50
    assert all(icon.get("style") is None and icon.get("aria-hidden") == "true" for icon in icons)
    classes = {name for icon in icons for name in icon.get("class").split() if name.startswith("icon-")}
    pictures = re.findall(r"\.(icon-[\w-]+) \{ background-image: url\('data:image/png;base64,", edition.text)
    assert sorted(pictures) == sorted(classes)


# ------------------------------------------------------------------------------------------ the PDF


def _table_pages(edition: Edition) -> list[tuple[int, str]]:
    return [(number, text) for number, text in enumerate(edition.pdf, 1) if "Ref Indicator Current" in text]


def _rows(text: str) -> list[str]:
    return re.findall(r"^(CF\d+a?)$", text, re.MULTILINE)


def test_headers_wrap_at_spaces_and_never_hyphenate(edition: Edition) -> None:
    for _number, text in _table_pages(edition):
        assert "Wessex\nPartnership\nAverage\n(2025/26)" in text
        assert "Statistical\nNeighbours\nAverage" in text
        header = text[: text.index("Variation Assurance")]
        assert not re.search(r"\w[-\u2010\u00ad]\n", header), header


def test_the_four_charts_share_a_row_and_the_table_starts_under_them(edition: Edition) -> None:
    first = next(text for text in edition.pdf if "Summary performance charts" in text)
    assert f"{CAPTION}\n" in first
    assert _rows(first)[:3] == ["CF1", "CF2", "CF3"]


def test_a_continued_table_says_so_and_keeps_three_rows_a_page(edition: Edition) -> None:
    pages = _table_pages(edition)
    assert len(pages) >= 3
    first, *later = pages
    assert "(continued)" not in first[1]
    for number, text in later:
        assert f"{CAPTION} (continued)" in text, number
    rows = [_rows(text) for _number, text in pages]
    assert all(len(found) >= 3 for found in rows), rows
    # Every row once, in the table's order, none split across a page.
    order = [cell.text_content() for cell in edition.page.xpath("//table[@class='scorecard']/tbody/tr/th")]
    assert [ref for found in rows for ref in found] == order


def test_each_appendix_page_is_one_page_with_its_values_and_no_folded_copy(edition: Edition) -> None:
    appendix = [text for text in edition.pdf if "values by period" in text]
    assert len(appendix) == 30
    assert all(text.count("values by period") == 1 for text in appendix)
    # The highlight charts' folded tables are for the screen: print has each table once.
    assert sum(text.count("CF1 values by period") for text in edition.pdf) == 1
    assert edition.text.count("CF1 values by period") == 2
    assert "(continued)" not in "".join(appendix)


# ------------------------------------------------------------------------------------------ the cover


def test_the_cover_names_the_committee_meeting_and_contact(tmp_path: Path) -> None:
    catalogue = tmp_path / "small.yaml"
    source = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    cover = (
        "report:\n  committee: Children's Scrutiny Committee\n  meeting_date: 12 February 2023\n"
        "  contact: Performance Team, performance@example.org\n"
    )
    catalogue.write_text(source.replace("sections:\n", cover + "sections:\n", 1), encoding="utf-8")
    arguments = ["build", "--catalogue", str(catalogue), "--data", str(FIXTURES / "small.csv")]
    arguments += ["--period", "2023-01", "--format", "html,pdf", "--out", str(tmp_path / "out"), "-q"]
    assert main(arguments) == 0
    page = lxml_html.document_fromstring(next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8"))
    (lines,) = page.xpath("//header[@class='cover']/dl[@class='cover-lines']")
    assert lines.xpath("dt/text()") == ["Committee", "Meeting", "Contact"]
    assert lines.xpath("dd/text()") == [
        "Children's Scrutiny Committee",
        "12 February 2023",
        "Performance Team, performance@example.org",
    ]
    cover_page = PdfReader(next((tmp_path / "out").glob("*.pdf"))).pages[0].extract_text()
    assert "Committee\nChildren's Scrutiny Committee" in cover_page
    assert "Meeting\n12 February 2023" in cover_page


# ------------------------------------------------------------------------------------------ the checker


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="table-scroll" role="group" aria-labelledby="c" tabindex="0"><table><caption id="c">'
        'A</caption><tbody data-caption="A"><tr><td>1</td></tr></tbody></table></div>',
        "<details><summary>Values</summary><p>1</p></details>",
    ],
)
def test_the_checker_takes_what_the_page_now_uses(markup: str) -> None:
    check_self_contained(f"<!DOCTYPE html><html><body>{markup}</body></html>", FIXTURES, "t")


@pytest.mark.parametrize(
    ("markup", "refused"),
    [
        ('<p tabindex="0">x</p>', "an attribute tabindex on <p>"),
        ('<td data-caption="x">x</td>', "an attribute data-caption on <td>"),
        ("<details open><summary>x</summary></details>", "an attribute open on <details>"),
        ('<details ontoggle="alert(1)"><summary>x</summary></details>', "an attribute ontoggle on <details>"),
        ('<tbody data-x="1"></tbody>', "an attribute data-x on <tbody>"),
    ],
)
def test_the_checker_still_refuses_the_rest(markup: str, refused: str) -> None:
    with pytest.raises(InputError) as raised:
        check_self_contained(f"<!DOCTYPE html><html><body>{markup}</body></html>", FIXTURES, "t")
    assert refused in raised.value.problems[0].message
