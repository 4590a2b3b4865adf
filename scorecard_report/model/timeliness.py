"""The row's timeliness and the summary's data notes, and a benchmark's age: rules/timeliness.py's
judgements joined to the row with format/timeliness.py's words."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from scorecard_report.format.periods import format_period, month_short, year_label
from scorecard_report.format.timeliness import (
    TOO_OLD_WORD,
    benchmark_age_reason,
    lag_words,
    timeliness_mark,
    timeliness_sentence,
    timeliness_word,
)
from scorecard_report.inputs.catalogue import Catalogue, Indicator
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Timeliness
from scorecard_report.model.report import DataNote, RowTimeliness, SectionReport
from scorecard_report.rules.timeliness import benchmark_age, judge_timeliness, too_old


def row_timeliness(
    catalogue: Catalogue, indicator: Indicator, series: Mapping[Month, Decimal | None], report: Month
) -> RowTimeliness:
    """How far the indicator's data reaches by the report period, judged and put in words."""
    judged = judge_timeliness(indicator.frequency, indicator.lag, series, report, catalogue.calendar)

    def period_text(month: Month | None) -> str:
        return "" if month is None else format_period(month, indicator.frequency, catalogue.calendar)

    data_to_text, due_text = period_text(judged.data_to), period_text(judged.due)
    due_by_text = "" if judged.due_by is None else month_short(judged.due_by)
    overdue = judged.timeliness is not Timeliness.ON_TIME
    return RowTimeliness(
        timeliness=judged.timeliness,
        word=timeliness_word(judged.timeliness),
        mark=timeliness_mark(judged.timeliness),
        data_to=judged.data_to,
        data_to_text=data_to_text,
        due=judged.due,
        due_text=due_text,
        due_by=judged.due_by,
        due_by_text=due_by_text,
        lag=indicator.lag,
        lag_text=lag_words(indicator.lag),
        sentence=timeliness_sentence(data_to_text, due_text, due_by_text, overdue),
        source=indicator.source,
        owner=indicator.owner,
    )


def data_notes(sections: tuple[SectionReport, ...]) -> tuple[DataNote, ...]:
    """Every late or stale row, in the catalogue's order: the summary page's "Data notes"."""
    return tuple(
        DataNote(
            ref=row.ref,
            title=row.title,
            section=section.title,
            timeliness=row.timeliness.timeliness,
            word=row.timeliness.word,
            mark=row.timeliness.mark,
            sentence=row.timeliness.sentence,
            source=row.timeliness.source,
            owner=row.timeliness.owner,
        )
        for section in sections
        for row in section.rows
        if row.timeliness.flagged
    )


def benchmark_age_fields(
    catalogue: Catalogue, year: str | None, year_end: Month | None, current: Month
) -> tuple[int | None, bool, str, str]:
    """A benchmark's age against the current figure's financial year, whether that is too old, its word and
    its reason: ``(4, True, "Too old", "2022/23 is 4 years before 2026/27")``."""
    if year_end is None:
        return None, False, "", ""
    age = benchmark_age(year_end, current, catalogue.calendar)
    if not too_old(age, catalogue.benchmark_max_age):
        return age, False, "", ""
    written = year or year_label(catalogue.calendar, year_end)
    reason = benchmark_age_reason(written, year_label(catalogue.calendar, current), age)
    return age, True, TOO_OLD_WORD, reason
