"""The page-reference cache that keeps WeasyPrint's PDF tagging linear in the page count."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pydyf
import pytest
from pypdf import PdfReader

from scorecard_report.render.html import package_templates
from scorecard_report.render.pdf import render_pdf
from scorecard_report.render.pdf_pages import cache_page_references

PAGES = "".join(f'<h2 style="break-before: page">Page {n}</h2><p>Text {n}</p>' for n in range(1, 6))
HTML = f'<!DOCTYPE html><html lang="en-GB"><head><title>Pages</title></head><body>{PAGES}</body></html>'


@pytest.fixture
def restore() -> Iterator[None]:
    yield
    cache_page_references()


def _page(number: int) -> pydyf.Dictionary:
    page = pydyf.Dictionary({"Type": "/Page"})
    page.number = number
    return page


@pytest.mark.usefixtures("restore")
def test_the_cached_references_follow_pages_as_they_are_added() -> None:
    cache_page_references()
    pdf = pydyf.PDF()
    assert pdf.page_references == ()
    pdf.add_page(_page(0))
    first = pdf.page_references
    assert pdf.page_references is first  # read again without a new page: the same tuple, not rebuilt
    pdf.add_page(_page(0))
    numbers = [int(reference.split()[0]) for reference in pdf.page_references]
    assert len(numbers) == 2
    assert pdf.page_references == tuple(f"{n} 0 R".encode() for n in numbers)


@pytest.mark.usefixtures("restore")
def test_the_pdf_is_byte_identical_with_and_without_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folders = (package_templates(),)
    with_cache = render_pdf(HTML, folders, "test")
    cache_page_references(on=False)
    monkeypatch.setattr("scorecard_report.render.pdf.cache_page_references", lambda: None)
    without = render_pdf(HTML, folders, "test")
    assert pydyf.PDF.__dict__["page_references"].fget.__module__ == "pydyf"
    assert with_cache == without
    reader = PdfReader(io.BytesIO(with_cache))
    assert len(reader.pages) == 5
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged: the structure names its pages
