"""Timeliness and benchmark age in words: "Late", its mark, "Data to Aug 2026; Sep 2026 was due by Oct 2026",
"Too old" and the key's sentences."""

from __future__ import annotations

from scorecard_report.inputs.vocabulary import Timeliness

_WORDS = {Timeliness.ON_TIME: "On time", Timeliness.LATE: "Late", Timeliness.STALE: "Stale"}
# A mark beside the value, so that a late or stale figure is never told by colour alone; the summary's
# data notes and the key carry the same marks with their words. DejaVu Sans, the shipped font, has both.
_MARKS = {Timeliness.ON_TIME: "", Timeliness.LATE: "†", Timeliness.STALE: "‡"}
TOO_OLD_WORD = "Too old"
NO_DATA = "No data yet"


def timeliness_word(timeliness: Timeliness) -> str:
    """``On time``, ``Late`` or ``Stale``."""
    return _WORDS[timeliness]


def timeliness_mark(timeliness: Timeliness) -> str:
    """``†`` for late, ``‡`` for stale, nothing for on time."""
    return _MARKS[timeliness]


def lag_words(months: int) -> str:
    """``0 months``, ``1 month``, ``6 months``: a lag as the appendix states it."""
    return f"{months} month" if months == 1 else f"{months} months"


def timeliness_sentence(data_to: str, due: str, due_by: str, overdue: bool) -> str:
    """``Data to Aug 2026; Sep 2026 was due by Oct 2026`` (late or stale), ``Data to Sep 2026; Oct 2026 is
    due by Nov 2026`` (on time, current not yet in), ``Data to Oct 2026`` (current in hand); each period in
    the indicator's own words (``Q2 2026/27``, ``2025/26``), the month it is due by always a month."""
    held = f"Data to {data_to}" if data_to else NO_DATA
    if not due:
        return held
    return f"{held}; {due} {'was' if overdue else 'is'} due by {due_by}"


TIMELINESS_KEY = (
    f"{_WORDS[Timeliness.LATE]} ({_MARKS[Timeliness.LATE]}): the latest value due by this report has not "
    f"arrived. {_WORDS[Timeliness.STALE]} ({_MARKS[Timeliness.STALE]}): two or more values due have not "
    "arrived, so the latest figure held is older than it should be. A value is due a set time (its lag) "
    "after its period ends, as the catalogue sets it for each indicator."
)


def years_words(years: int) -> str:
    """``1 year``, ``4 years``."""
    return f"{years} year" if years == 1 else f"{years} years"


def benchmark_age_reason(year: str, current_year: str, age: int) -> str:
    """``2022/23 is 4 years before 2026/27``: why a benchmark is too old to compare."""
    return f"{year} is {years_words(age)} before {current_year}"


def benchmark_age_key(max_age: int) -> str:
    """What the key says about a benchmark marked too old."""
    limit = "any year" if max_age == 0 else f"more than {years_words(max_age)}"
    return (
        f"{TOO_OLD_WORD}: the benchmark's financial year is {limit} before the year of the indicator's "
        "current figure. It is shown for reference, but not counted where comparisons are weighed up, "
        "since the difference may reflect the years between them rather than performance."
    )
