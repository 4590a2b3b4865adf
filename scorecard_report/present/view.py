"""View objects for the document templates: every word, class and number already decided."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scorecard_report.inputs.commentary import BulletList, Run, Text
from scorecard_report.model.report import Report, Row, SectionReport
from scorecard_report.model.summary import relative_change_text
from scorecard_report.present.table import Column, TableLine, TableMaker, ValueCell, current_cell

if TYPE_CHECKING:
    from scorecard_report.render.chart_kinds import Chart
from scorecard_report.inputs.vocabulary import Polarity


@dataclass(frozen=True)
class RunView:
    lines: tuple[str, ...]
    bold: bool
    italic: bool


@dataclass(frozen=True)
class BlockView:
    bullets: bool
    items: tuple[tuple[RunView, ...], ...]


@dataclass(frozen=True)
class CommentaryView:
    blocks: tuple[BlockView, ...]
    placeholder: str = ""


@dataclass(frozen=True)
class ChartView:
    ref: str
    title: str
    uri: str
    alt: str
    width_mm: float
    height_mm: float
    png: bytes


@dataclass(frozen=True)
class BenchmarkLine:
    label: str
    value: str
    difference: str
    word: str


@dataclass(frozen=True)
class AppendixPage:
    anchor: str
    ref: str
    title: str
    section: str
    current: ValueCell
    period_text: str
    polarity: str
    target: str
    variance: str
    previous: str
    previous_period: str
    change: str
    chart: ChartView | None
    variances: tuple[tuple[str, str], ...]
    benchmarks: tuple[BenchmarkLine, ...]
    commentary: CommentaryView
    description: str


@dataclass(frozen=True)
class SectionView:
    anchor: str
    title: str
    owner: str
    commentary: CommentaryView
    highlights: tuple[ChartView, ...]
    columns: tuple[Column, ...]
    lines: tuple[TableLine, ...]


@dataclass(frozen=True)
class KeyEntry:
    css: str
    sample: str
    word: str
    meaning: str


@dataclass(frozen=True)
class DocumentView:
    lang: str
    title: str
    organisation: str
    period_text: str
    marking: str
    produced: str
    logo_uri: str
    colour_css: str
    benchmark_headings: tuple[str, ...]
    key_statuses: tuple[KeyEntry, ...]
    key_bands: tuple[KeyEntry, ...]
    key_arrows: tuple[KeyEntry, ...]
    missing_label: str
    summary: tuple[tuple[str, ...], ...]
    improvements: tuple[tuple[str, ...], ...]
    deteriorations: tuple[tuple[str, ...], ...]
    report_commentary: tuple[tuple[str, CommentaryView], ...]
    sections: tuple[SectionView, ...]
    appendix: tuple[AppendixPage, ...]
    fills: tuple[tuple[str, str, str], ...]  # (css class, fill colour, text colour) for the DOCX renderer
    arrows: tuple[tuple[str, str], ...]  # (judgement class, colour)
    font: str | None
    logo: bytes | None


def commentary_view(text: Text | None, placeholder: str, final: bool) -> CommentaryView:
    """Commentary blocks, or a placeholder naming who should write them (left out under --final)."""
    if text is None or text.empty or (text.draft and final):
        return CommentaryView((), "" if final else placeholder)
    blocks = []
    for block in text.blocks:
        if isinstance(block, BulletList):
            blocks.append(BlockView(True, tuple(_runs(item) for item in block.items)))
        else:
            blocks.append(BlockView(False, (_runs(block.runs),)))
    return CommentaryView(tuple(blocks))


def _runs(runs: tuple[Run, ...]) -> tuple[RunView, ...]:
    return tuple(RunView(tuple(run.text.split("\n")), run.bold, run.italic) for run in runs)


def chart_view(row: Row, chart: Chart) -> ChartView:
    return ChartView(
        row.ref, row.title, chart.data_uri(), chart.alt, chart.width_mm, chart.height_mm, chart.png
    )


def anchor(kind: str, key: str) -> str:
    """A stable id for links from the contents page; refs may hold any characters."""
    return f"{kind}-" + "".join(c if c.isalnum() else f"_{ord(c):x}_" for c in key)


def section_view(section: SectionReport, small: Mapping[str, Chart], table: TableMaker) -> SectionView:
    owner = section.owner or ""
    placeholder = f"Commentary placeholder: {section.title}" + (f" ({owner})" if owner else "")
    return SectionView(
        anchor=anchor("section", section.id),
        title=section.title,
        owner=owner,
        commentary=commentary_view(section.commentary, placeholder, table.final),
        highlights=tuple(chart_view(row, small[row.ref]) for row in section.rows if row.ref in small),
        columns=table.columns,
        lines=table.lines(section.rows),
    )


def appendix_page(row: Row, section: SectionReport, large: Mapping[str, Chart], final: bool) -> AppendixPage:
    placeholder = f"Commentary placeholder: {row.ref} {row.title}" + (
        f" ({section.owner})" if section.owner else ""
    )
    return AppendixPage(
        anchor=anchor("indicator", row.ref),
        ref=row.ref,
        title=row.title,
        section=section.title,
        current=current_cell(row),
        period_text=row.current.period_text,
        polarity=row.polarity.words() if row.polarity is not Polarity.NEUTRAL else "No better direction",
        target=row.target_text or "No target",
        variance=row.current.variance_text,
        previous=row.previous_period.text,
        previous_period=row.previous_period.period_text,
        change=row.change_text if row.comparator.value == "previous_period" else "",
        chart=chart_view(row, large[row.ref]) if row.ref in large else None,
        variances=tuple((f.period_text, f.variance_text) for f in row.trend) if row.target else (),
        benchmarks=tuple(
            BenchmarkLine(
                b.source.label + (f" ({b.year})" if b.year else ""),
                b.text,
                b.difference_text,
                b.comparison.value.capitalize(),
            )
            for b in row.benchmarks
            if b.value is not None
        ),
        commentary=commentary_view(row.commentary, placeholder, final),
        description=row.description,
    )


def logo_uri(report: Report) -> str:
    logo = report.settings.logo
    if logo is None:
        return ""
    mime = "image/png" if logo.suffix.lower() == ".png" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(logo.read_bytes()).decode('ascii')}"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return "#0b0c0c" if contrast_ratio(fill, "#0b0c0c") >= contrast_ratio(fill, "#ffffff") else "#ffffff"


FILL_CLASSES = {
    "green": "fill-green",
    "amber": "fill-amber",
    "red": "fill-red",
    "none": "fill-none",
    "inadequate": "fill-inadequate",
    "requires_improvement": "fill-requires-improvement",
    "good": "fill-good",
    "outstanding": "fill-outstanding",
}


def css_string(text: str) -> str:
    """A CSS string literal that cannot end the string, the rule or the <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;()/–-'" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def page_css(report: Report) -> str:
    """Running header and footer text, written into @page rules."""
    title = css_string(f"{report.title} – {report.period_text}")
    marking = css_string(report.settings.marking)
    return (
        f"@page {{ @top-left {{ content: {title}; }} @top-right {{ content: {marking}; }} "
        f"@bottom-left {{ content: {marking}; }} }}\n"
        "@page cover { @top-left { content: none; } @top-right { content: none; } }"
    )


def colour_css(report: Report) -> str:
    """The catalogue's colours as CSS rules, each fill with its readable text colour."""
    colours = dict(report.settings.colours)
    rules = [
        f".{css} {{ background-color: {colours[name]}; color: {text_colour_on(colours[name])}; }}"
        for name, css in FILL_CLASSES.items()
    ]
    rules += [
        f".{name} .arrow {{ color: {colours[name]}; }}" for name in ("improving", "declining", "neutral")
    ]
    rules.append(f":root {{ --accent: {colours['accent']}; }}")
    if report.settings.font:
        family = css_string(report.settings.font)
        rules.append(f'html {{ font-family: {family}, "DejaVu Sans", Arial, sans-serif; }}')
    return "\n".join([*rules, page_css(report)])


def _key(report: Report) -> tuple[tuple[KeyEntry, ...], tuple[KeyEntry, ...], tuple[KeyEntry, ...]]:
    statuses = (
        KeyEntry("fill-green", "Green", "Green", "Target met or exceeded"),
        KeyEntry("fill-amber", "Amber", "Amber", "Target not met, but within tolerance of it"),
        KeyEntry("fill-red", "Red", "Red", "Target not met, beyond tolerance"),
        KeyEntry("fill-none", "", "No status", f"No target, or no value ({report.missing_label})"),
    )
    bands = (
        KeyEntry("fill-outstanding", "Outstanding", "Outstanding", "Meets the best band's threshold"),
        KeyEntry("fill-good", "Good", "Good", "Meets the Good threshold"),
        KeyEntry(
            "fill-requires-improvement",
            "Requires improvement",
            "Requires improvement",
            "Meets the Requires improvement threshold",
        ),
        KeyEntry("fill-inadequate", report.below_bands, report.below_bands, "Below every band"),
    )
    arrows = (
        KeyEntry("improving", "↑ ↓", "Improving", "Moved in the better direction"),
        KeyEntry("declining", "↑ ↓", "Declining", "Moved in the worse direction"),
        KeyEntry("neutral", "↑ ↓", "Increased / Decreased", "Moved; neither direction is better"),
        KeyEntry("neutral", "↔", "No change", "The same at the precision shown"),
        KeyEntry("neutral", "–", "", "No comparison: a value is missing"),
    )
    return statuses, bands, arrows


def document_view(
    report: Report, small: Mapping[str, Chart], large: Mapping[str, Chart], *, final: bool, produced: str
) -> DocumentView:
    statuses, bands, arrows = _key(report)
    table = TableMaker(report, final)
    counts = (*report.summary, *((report.total,) if report.total else ()))
    return DocumentView(
        lang="en-GB",
        title=report.title,
        organisation=report.organisation,
        period_text=report.period_text,
        marking=report.settings.marking,
        produced=produced,
        logo_uri=logo_uri(report),
        colour_css=colour_css(report),
        benchmark_headings=tuple(
            source.label + (f" ({source.year})" if source.year else "") for source in report.benchmarks
        ),
        key_statuses=statuses,
        key_bands=bands,
        key_arrows=arrows,
        missing_label=report.missing_label,
        summary=tuple(
            (
                c.title,
                str(c.green),
                str(c.amber),
                str(c.red),
                str(c.no_status),
                str(c.improving),
                str(c.declining),
            )
            for c in counts
        ),
        improvements=tuple(
            (m.ref, m.title, m.before, m.after, relative_change_text(m)) for m in report.improvements
        ),
        deteriorations=tuple(
            (m.ref, m.title, m.before, m.after, relative_change_text(m)) for m in report.deteriorations
        ),
        report_commentary=tuple(
            (block.title, commentary_view(block.text, f"Commentary placeholder: {block.title}", final))
            for block in report.commentary
        ),
        sections=tuple(section_view(section, small, table) for section in report.sections),
        appendix=tuple(
            appendix_page(row, section, large, final)
            for section in report.sections
            for row in section.rows
            if row.in_appendix
        ),
        fills=fill_colours(report),
        arrows=tuple((name, report.settings.colour(name)) for name in ("improving", "declining", "neutral")),
        font=report.settings.font,
        logo=report.settings.logo.read_bytes() if report.settings.logo else None,
    )


def fill_colours(report: Report) -> tuple[tuple[str, str, str], ...]:
    colours = dict(report.settings.colours)
    return tuple((css, colours[name], text_colour_on(colours[name])) for name, css in FILL_CLASSES.items())
