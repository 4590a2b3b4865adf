"""The output formats behind one protocol, and the registry of them by name.

A renderer reads only what a build prepared for it (``Reads``): the report model alone for the summary
CSV, the document view for the Word document, and the HTML page that both the web page and the PDF are
made from. It reads no file and decides nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from scorecard_report.model.report import Report
from scorecard_report.present.document import DocumentView

# WeasyPrint, matplotlib and python-docx are imported only when a document is rendered: together
# they cost seconds at start-up, which every nightly "up to date" publish and every CSV build would pay.


class Reads(IntEnum):
    """What a renderer is made from; each level includes the ones below it."""

    REPORT = 1  # the report model
    DOCUMENT = 2  # the document view, and so its charts
    PAGE = 3  # the HTML page the template makes of the document view


@dataclass(frozen=True)
class Sources:
    """What one build's renderers read, made once and shared by all of them."""

    report: Report
    templates: Path | None = None  # a council's templates folder, searched before the built-in one
    docx_template: bytes | None = None  # the council's Word template, checked by load_word_template
    produced: str = ""  # when the documents were made (SOURCE_DATE_EPOCH if set)
    csv_bom: bool = False  # a UTF-8 byte-order mark at the start of every CSV, for Excel (``csv_bom``)
    document: DocumentView | None = None
    page: str | None = None

    def view(self) -> DocumentView:
        if self.document is None:
            raise RuntimeError("the document view was not made: the renderer must read Reads.DOCUMENT")
        return self.document

    def html(self) -> str:
        if self.page is None:
            raise RuntimeError("the HTML page was not made: the renderer must read Reads.PAGE")
        return self.page

    @property
    def template_folders(self) -> tuple[Path, ...]:
        """The council's templates (if any), then the package's, whose fonts are used."""
        from scorecard_report.render.html import package_templates

        return (*((self.templates,) if self.templates else ()), package_templates())

    @property
    def template_name(self) -> str:
        """The templates as a problem names them."""
        return str(self.templates or "the built-in templates")


class Renderer(Protocol):
    """One output format: its file extension, what it is made from, and how."""

    @property
    def extension(self) -> str: ...

    @property
    def reads(self) -> Reads: ...

    @property
    def beside(self) -> str | None:
        """A format this one is written beside, in a second process, when both are built and there is a
        core for it: the same function on the same sources, so the same bytes. It starts before the HTML
        page is made, so it reads at most the document view."""

    def render(self, sources: Sources) -> bytes: ...


class SummaryCsv:
    """The summary CSV: a data export, written from the report model's rows, not from the document."""

    extension = "csv"
    reads = Reads.REPORT
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.summary_csv import render_summary_csv, with_bom

        return with_bom(render_summary_csv(sources.report), sources.csv_bom)


class SeriesCsv:
    """The series CSV: each indicator's months with their process limits and special causes."""

    extension = "series"
    reads = Reads.REPORT
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.summary_csv import render_series_csv, with_bom

        return with_bom(render_series_csv(sources.report), sources.csv_bom)


class ChangesCsv:
    """The changes CSV: what changed since the edition compared with, one line per change."""

    extension = "changes"
    reads = Reads.REPORT
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.changes_csv import render_changes_csv
        from scorecard_report.render.summary_csv import with_bom

        return with_bom(render_changes_csv(sources.report), sources.csv_bom)


class ExcelWorkbook:
    """The summary, the series and the changes as an Excel workbook: a real table of numbers and words."""

    extension = "xlsx"
    reads = Reads.REPORT
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.clock import produced_at
        from scorecard_report.render.summary_xlsx import render_summary_xlsx

        # A build of only report formats makes no document view, and so no stamp: the workbook's own.
        return render_summary_xlsx(sources.report, sources.produced or produced_at())


class HtmlPage:
    extension = "html"
    reads = Reads.PAGE
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.html import check_self_contained
        from scorecard_report.render.web_pictures import smaller_charts

        html = sources.html()
        check_self_contained(html, sources.template_folders[0], sources.template_name)
        return smaller_charts(html).encode("utf-8")


class PdfDocument:
    extension = "pdf"
    reads = Reads.PAGE
    beside: str | None = None

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.pdf import render_pdf

        return render_pdf(sources.html(), sources.template_folders, sources.template_name)


class WordDocument:
    # python-docx's work, about a fifth of WeasyPrint's on the example, fits on the core WeasyPrint leaves.
    extension = "docx"
    reads = Reads.DOCUMENT
    beside: str | None = "pdf"

    def render(self, sources: Sources) -> bytes:
        from scorecard_report.render.docx import render_docx

        return render_docx(sources.view(), sources.docx_template, sources.produced)


def html_page(sources: Sources) -> str:
    """The document view through the template: the page both the web page and the PDF are made from."""
    from scorecard_report.render.html import environment, render_html

    return render_html(sources.view(), environment(sources.templates))


# By name, in the order the command line lists them.
FORMATS: Mapping[str, Renderer] = {
    renderer.extension: renderer
    for renderer in (
        SummaryCsv(),
        HtmlPage(),
        PdfDocument(),
        WordDocument(),
        SeriesCsv(),
        ChangesCsv(),
        ExcelWorkbook(),
    )
}
# The order a build makes them in: the PDF before the web page, because laying it out names each file or
# URL a template reaches for as it is fetched, more exactly than the page's own check can.
MAKE_ORDER = ("csv", "series", "changes", "xlsx", "pdf", "html", "docx")
