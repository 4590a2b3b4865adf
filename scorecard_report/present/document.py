"""The document view: the whole scorecard as frozen data, every word, figure and tone already decided.

Every renderer (the HTML page and PDF, the Word document) lays out this one view and decides nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scorecard_report.model.report import Report, SectionReport
from scorecard_report.present.anchors import anchor
from scorecard_report.present.appendix import AppendixView, ChartTable, appendix_view, chart_table
from scorecard_report.present.changes import ChangesView, changes_view
from scorecard_report.present.commentary import CommentaryView, commentary_view, placeholder_text
from scorecard_report.present.key import KeyView, key_view
from scorecard_report.present.palette import Palette, palette
from scorecard_report.present.pictures import ChartView, DrawnChart, LogoView, chart_view, logo_view
from scorecard_report.present.summary import SummaryView, summary_view
from scorecard_report.present.table import Column, TableLine, TableMaker


@dataclass(frozen=True)
class ContentsEntry:
    anchor: str
    title: str
    children: tuple[ContentsEntry, ...] = ()  # the appendix's sections


@dataclass(frozen=True)
class ContentsView:
    title: str
    entries: tuple[ContentsEntry, ...]


@dataclass(frozen=True)
class TitledCommentary:
    title: str
    commentary: CommentaryView


@dataclass(frozen=True)
class ReportCommentaryView:
    anchor: str
    title: str
    blocks: tuple[TitledCommentary, ...]


@dataclass(frozen=True)
class SectionView:
    anchor: str
    title: str
    owner: str
    commentary: CommentaryView
    highlights_title: str
    highlights: tuple[ChartView, ...]
    caption: str  # the table's: "Front Door: January 2023"
    columns: tuple[Column, ...]
    lines: tuple[TableLine, ...]
    highlight_data: tuple[ChartTable, ...] = ()  # each highlight chart's values, in the same order


@dataclass(frozen=True)
class PageNumber:
    """``Page 3 of 12``: the words around the two numbers each format fills in."""

    before: str = "Page "
    between: str = " of "


@dataclass(frozen=True)
class DocumentView:
    lang: str
    title: str
    organisation: str
    period_text: str
    running_title: str  # "Title – January 2023": the page header and the window's title
    description: str
    marking: str
    produced: str
    font: str | None
    palette: Palette
    page_number: PageNumber
    logo: LogoView | None
    contents: ContentsView
    key: KeyView
    summary: SummaryView
    changes: ChangesView | None  # what changed since the edition compared with; None: none compared
    commentary: ReportCommentaryView | None
    sections: tuple[SectionView, ...]
    appendix: AppendixView | None
    cover: tuple[tuple[str, str], ...] = ()  # (label, text): the committee, the meeting, the contact


def document_view(
    report: Report,
    small: Mapping[str, DrawnChart],
    large: Mapping[str, DrawnChart],
    *,
    final: bool,
    produced: str,
) -> DocumentView:
    """The document for ``report``, with the section charts ``small`` and the appendix charts ``large``."""
    table = TableMaker(report, final)
    key, summary, changes = key_view(report), summary_view(report), changes_view(report)
    commentary = _report_commentary(report, final)
    sections = tuple(_section(section, small, table, report.period_text) for section in report.sections)
    appendix = appendix_view(report, large, final)
    return DocumentView(
        lang="en-GB",
        title=report.title,
        organisation=report.organisation,
        period_text=report.period_text,
        running_title=f"{report.title} – {report.period_text}",
        description=f"{report.title} for {report.period_text}",
        marking=report.settings.marking,
        produced=produced,
        font=report.settings.font,
        palette=palette(dict(report.settings.colours)),
        page_number=PageNumber(),
        logo=logo_view(report.settings.logo_picture, report.organisation),
        contents=_contents(key, summary, changes, commentary, sections, appendix),
        key=key,
        summary=summary,
        changes=changes,
        commentary=commentary,
        sections=sections,
        appendix=appendix,
        cover=_cover(report),
    )


def _cover(report: Report) -> tuple[tuple[str, str], ...]:
    settings = report.settings
    lines = (
        ("Committee", settings.committee),
        ("Meeting", settings.meeting_date),
        ("Contact", settings.contact),
    )
    return tuple((label, text) for label, text in lines if text)


def _contents(
    key: KeyView,
    summary: SummaryView,
    changes: ChangesView | None,
    commentary: ReportCommentaryView | None,
    sections: tuple[SectionView, ...],
    appendix: AppendixView | None,
) -> ContentsView:
    parts = (key, summary, changes, commentary, *sections)
    entries = [ContentsEntry(part.anchor, part.title) for part in parts if part is not None]
    if appendix is not None:
        by_section = tuple(
            ContentsEntry(page.section_anchor, page.section_title)
            for page in appendix.pages
            if page.section_anchor
        )
        entries.append(ContentsEntry(appendix.anchor, appendix.title, by_section))
    return ContentsView("Contents", tuple(entries))


def _report_commentary(report: Report, final: bool) -> ReportCommentaryView | None:
    if not report.commentary:
        return None
    blocks = tuple(
        TitledCommentary(block.title, commentary_view(block.text, placeholder_text(block.title), final))
        for block in report.commentary
    )
    return ReportCommentaryView("commentary", "Commentary", blocks)


def _section(
    section: SectionReport, small: Mapping[str, DrawnChart], table: TableMaker, period_text: str
) -> SectionView:
    scorecard = table.table(section.rows)
    return SectionView(
        anchor=anchor("section", section.id),
        title=section.title,
        owner=section.owner or "",
        commentary=commentary_view(
            section.commentary, placeholder_text(section.title, section.owner), table.final
        ),
        highlights_title="Summary performance charts",
        highlights=tuple(
            chart_view(row, small[row.ref], caption=f"{row.ref} {row.title}")
            for row in section.rows
            if row.ref in small
        ),
        caption=f"{section.title}: {period_text}",
        columns=scorecard.columns,
        lines=scorecard.lines,
        highlight_data=tuple(chart_table(row) for row in section.rows if row.ref in small),
    )
