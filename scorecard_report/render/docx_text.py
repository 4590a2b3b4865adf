"""The running text of the Word document: paragraphs in a style, headings with their bookmark, page
breaks, charts over their caption and commentary."""

from __future__ import annotations

from collections.abc import Mapping

from docx.shared import Mm
from docx.text.paragraph import Paragraph

from scorecard_report.present.commentary import BlockView, CommentaryView
from scorecard_report.present.pictures import ChartView
from scorecard_report.render.docx_blocks import Body, Pictures, describe
from scorecard_report.render.docx_links import Links
from scorecard_report.render.docx_styles import DRAFT_STYLE, PLACEHOLDER_STYLE
from scorecard_report.render.docx_tables import TableWriter


class Writing:
    """Adds text at the end of the body in the document's styles (``style_ids``: name → id)."""

    def __init__(
        self, body: Body, style_ids: Mapping[str, str], pictures: Pictures, tables: TableWriter, links: Links
    ) -> None:
        self.body, self.style_ids, self.pictures = body, style_ids, pictures
        self.tables, self.links = tables, links

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        """A paragraph in ``style``; in Normal if the document has no style of that name."""
        paragraph = self.body.paragraph(text)
        if style is not None:
            paragraph._p.style = self.style_ids.get(style)
        return paragraph

    def heading(self, text: str, style: str, anchor: str = "") -> Paragraph:
        """A heading, bookmarked as ``anchor`` for the links and the contents to reach."""
        paragraph = self.paragraph(text, style)
        self.links.bookmark(paragraph, anchor)
        return paragraph

    def page_break(self) -> None:
        self.body.page_break()

    def chart(self, chart: ChartView, *, keep: bool = True) -> None:
        """The picture with its alt text, kept (``keep``; in a table cell that would keep the row with
        the next) with its caption under it; the caption keeps with nothing, so a table after it is not
        pulled along like a title."""
        paragraph = self.body.paragraph()
        paragraph.paragraph_format.keep_with_next = keep
        picture = self.pictures.add(paragraph.add_run(), chart.png, width=Mm(chart.width_mm))
        describe(picture, chart.alt, chart.name)
        self.paragraph(chart.caption, "Caption").paragraph_format.keep_with_next = False

    def commentary(self, view: CommentaryView) -> None:
        """The slot's text, under its check where it was written against other figures; a draft's
        paragraphs in the draft style, the first starting with the mark."""
        if view.placeholder:
            self.paragraph(view.placeholder, PLACEHOLDER_STYLE)
        if view.warning:
            check = self.paragraph()
            self.tables.mark(check, view.check)
            check.add_run(view.warning).italic = True
        for number, block in enumerate(view.blocks):
            self._block(block, view.draft if number == 0 else "", draft=bool(view.draft))

    def _block(self, block: BlockView, mark: str = "", *, draft: bool = False) -> None:
        for number, item in enumerate(block.items):
            if draft:
                # One paragraph style for the whole draft (its box); bullets keep their bullet as text.
                paragraph = self.paragraph("", DRAFT_STYLE)
                if mark and number == 0:
                    self.tables.mark(paragraph, mark)
                if block.bullets:
                    paragraph.add_run("• ")
            else:
                paragraph = self.paragraph("", "List Bullet" if block.bullets else None)
            for run_view in item:
                for index, line in enumerate(run_view.lines):
                    if index:
                        paragraph.add_run().add_break()
                    run = paragraph.add_run(line)
                    run.bold, run.italic = run_view.bold or None, run_view.italic or None
