"""Draft commentary from the report model: one factual sentence per slot for a person to rewrite."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.display import format_count, format_size_of_change
from scorecard_report.format.periods import month_words
from scorecard_report.format.spc import assurance_sentence, run_sentence, variation_side
from scorecard_report.format.words import moved_word
from scorecard_report.inputs.vocabulary import Direction, Frequency, RagStatus, Unit
from scorecard_report.model.report import Figure, Mover, Report, Row, StatusCounts
from scorecard_report.rules.direction import direction_of_travel

REPORT_BLOCK_TITLE = "Key messages"


@dataclass(frozen=True)
class Drafts:
    """A draft for the report block, each section (by id) and each indicator (by ref), in catalogue order."""

    report: str
    sections: tuple[tuple[str, str], ...]
    indicators: tuple[tuple[str, str], ...]


def draft_commentary(report: Report) -> Drafts:
    summaries = dict(zip((section.id for section in report.sections), report.summary, strict=True))
    return Drafts(
        report=report_draft(report),
        sections=tuple((section.id, counts_sentence(summaries[section.id])) for section in report.sections),
        indicators=tuple((row.ref, indicator_draft(row)) for row in report.rows),
    )


def report_draft(report: Report) -> str:
    """``6 indicators: 2 green, … Most improved: Screenings … (83% to 93%).``"""
    sentences = [counts_sentence(report.total)] if report.total else []
    sentences += [_mover_sentence("Most improved", movers[0]) for movers in [report.improvements] if movers]
    sentences += [_mover_sentence("Most declined", movers[0]) for movers in [report.deteriorations] if movers]
    return " ".join(sentences)


def counts_sentence(counts: StatusCounts) -> str:
    """``6 indicators: 2 green, 1 amber, 1 red and 2 with no status; 2 improving and 1 declining.``"""
    total = counts.green + counts.amber + counts.red + counts.no_status
    noun = "indicator" if total == 1 else "indicators"
    return (
        f"{format_count(total)} {noun}: {format_count(counts.green)} green, "
        f"{format_count(counts.amber)} amber, {format_count(counts.red)} red and "
        f"{format_count(counts.no_status)} with no status; {format_count(counts.improving)} improving "
        f"and {format_count(counts.declining)} declining."
    )


def _mover_sentence(label: str, mover: Mover) -> str:
    return f"{label}: {mover.title} ({mover.before} to {mover.after})."


def indicator_draft(row: Row) -> str:
    """E.g. ``Rose from 1,196 in December 2022 to 1,348 in January 2023, 127 more than January 2022;
    no target.``, then what statistical process control says: ``Within normal variation (average
    84%, usually between 78% and 90%). The process will meet the 85% target only some months.``"""
    sentences = [f"{_movement(row)}{_against_last_year(row)}; {_against_target(row)}.", *_spc_sentences(row)]
    return " ".join(sentences)


def _spc_sentences(row: Row) -> list[str]:
    spc = row.spc
    if not spc.shown:
        return []
    side = variation_side(spc.variation)
    if spc.rule is not None and side is not None:
        since = month_words(spc.run_start) if spc.run_start else month_words(row.current.period)
        first = run_sentence(spc.rule, side, spc.run, since, spc.limits_text)
    else:
        first = f"Within normal variation ({spc.limits_text})"
    assured = assurance_sentence(spc.assurance, spc.target_text)
    return [f"{sentence}." for sentence in (first, assured) if sentence]


def _when(row: Row, figure: Figure) -> str:
    """``January 2023`` for a month; ``Q3 2022/23`` or ``2022/23`` as the report shows other periods."""
    return month_words(figure.period) if row.frequency is Frequency.MONTHLY else figure.period_text


def _movement(row: Row) -> str:
    current, previous = row.current, row.previous_period
    if current.missing:
        earlier = "" if previous.missing else f"; {previous.text} in {_when(row, previous)}"
        return f"No value yet for {_when(row, current)}{earlier}"
    if previous.missing:
        return f"{current.text} in {_when(row, current)}; no value for {_when(row, previous)}"
    direction = direction_of_travel(current.shown, previous.shown)
    if direction is Direction.SAME:
        return f"Unchanged at {current.text} in {_when(row, current)}, as in {_when(row, previous)}"
    verb = moved_word(direction).capitalize()
    return f"{verb} from {previous.text} in {_when(row, previous)} to {current.text} in {_when(row, current)}"


def _against_last_year(row: Row) -> str:
    current, last_year = row.current.shown, row.previous_year.shown
    if current is None or last_year is None or row.previous_year.period == row.previous_period.period:
        return ""  # an annual indicator's previous year is the period the sentence has just named
    when = _when(row, row.previous_year)
    if current == last_year:
        return f", the same as {when}"
    size = format_size_of_change(current - last_year, row.unit, row.decimals)
    more, fewer = ("more", "fewer") if row.unit is Unit.COUNT else ("higher", "lower")
    return f", {size} {more if current > last_year else fewer} than {when}"


_TARGET_WORDS = {
    RagStatus.GREEN: "meets the target of",
    RagStatus.AMBER: "close to the target of",
    RagStatus.RED: "misses the target of",
    RagStatus.NONE: "target",
}


def _against_target(row: Row) -> str:
    band = f"in the {row.band} band" if row.band else ""
    if not row.target_text:
        return band or "no target"
    target = f"{_TARGET_WORDS[row.status]} {row.target_text}"
    return f"{target}, {band}" if band else target
