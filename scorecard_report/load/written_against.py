"""Read an indicator slot's ``written_against``: the figures its text was written against, and its digest.

``commentary init`` writes it on one line, ``{value: "93%", status: Green, period: 2026-10, text: 3f9a1c2e}``;
the reader is strict, so that a record a person mistyped is never silently taken for another figure.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from scorecard_report.format.words import STATUS_WORDS
from scorecard_report.inputs.commentary import ShownFigures, WrittenAgainst
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import RagStatus
from scorecard_report.load.strict_yaml import YamlPath
from scorecard_report.load.suggest import closest, quoted

KEYS = ("value", "status", "period", "text")
EXAMPLE = 'written_against: {value: "93%", status: Green, period: 2026-10, text: 3f9a1c2e}'
RECORD_AFRESH = "or delete the written_against line so that `scorecard commentary init --update` records it"
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DIGEST = re.compile(r"[0-9a-f]{8}")
_STATUSES = {word.lower(): status for status, word in STATUS_WORDS.items()}


def text_digest(written: str) -> str:
    """8 hex digits of the sha256 of a slot's text as written, ignoring the space around it: what tells
    ``commentary init --update`` that a person has edited the text since its figures were recorded."""
    return hashlib.sha256(written.strip().encode("utf-8")).hexdigest()[:8]


def month_text(month: Month) -> str:
    """A month as a commentary file records it: ``2026-10``."""
    return month.iso()


@dataclass(frozen=True)
class RecordProblem:
    """One thing wrong with a record: where under ``written_against`` (``()`` for the record itself)."""

    at: YamlPath
    message: str
    hint: str


def read_written_against(raw: Any) -> tuple[WrittenAgainst | None, list[RecordProblem]]:
    """The record, or None with every problem found in it."""
    if not isinstance(raw, dict):
        found = f"written_against must be a mapping of {', '.join(KEYS)}, found {quoted(raw)}"
        return None, [RecordProblem((), found, f"write it as {EXAMPLE}, {RECORD_AFRESH}")]
    problems = [_unknown(key) for key in raw if key not in KEYS]
    problems += [
        RecordProblem((), f"written_against lacks '{key}'", f"write it as {EXAMPLE}, {RECORD_AFRESH}")
        for key in KEYS
        if key not in raw
    ]
    value = _value(raw.get("value"), problems) if "value" in raw else None
    status = _status(raw.get("status"), problems) if "status" in raw else None
    period = _period(raw.get("period"), problems) if "period" in raw else None
    digest = _digest(raw.get("text"), problems) if "text" in raw else None
    if problems or value is None or status is None or period is None or digest is None:
        return None, problems
    return WrittenAgainst(ShownFigures(value, status, period), digest), []


def _unknown(key: str) -> RecordProblem:
    close = closest(key, KEYS)
    hint = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(KEYS)}"
    return RecordProblem((key,), f"unknown key '{key}' in written_against", hint)


def _value(raw: Any, problems: list[RecordProblem]) -> str | None:
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    hint = 'write the current value as the report shows it, in quotes: value: "93%"'
    problems.append(RecordProblem(("value",), f"value must be the figure as shown, not {quoted(raw)}", hint))
    return None


def _status(raw: Any, problems: list[RecordProblem]) -> RagStatus | None:
    status = _STATUSES.get(" ".join(raw.split()).lower()) if isinstance(raw, str) else None
    if status is None:
        words = list(STATUS_WORDS.values())
        close = closest(raw, words) if isinstance(raw, str) else None
        hint = f"did you mean '{close}'?" if close else f"write one of {', '.join(words)}"
        message = f"status must be Green, Amber, Red or No status, not {quoted(raw)}"
        problems.append(RecordProblem(("status",), message, hint))
    return status


def _period(raw: Any, problems: list[RecordProblem]) -> Month | None:
    match = _MONTH.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None or not 1 <= int(match[2]) <= 12:
        message = f"period must be a month written YYYY-MM, not {quoted(raw)}"
        hint = "write the month the figure is for, such as period: 2026-10"
        problems.append(RecordProblem(("period",), message, hint))
        return None
    return Month(int(match[1]), int(match[2]))


def _digest(raw: Any, problems: list[RecordProblem]) -> str | None:
    digest = raw.strip().lower() if isinstance(raw, str) else ""
    if _DIGEST.fullmatch(digest):
        return digest
    message = f"text must be the 8 hex digits `commentary init` records, not {quoted(raw)}"
    problems.append(RecordProblem(("text",), message, RECORD_AFRESH.removeprefix("or ")))
    return None
