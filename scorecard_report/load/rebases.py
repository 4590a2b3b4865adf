"""Read the rebases file (YAML): where SPC limits start afresh, and why, every problem with its line.

The file is a list of ``{ref, from: YYYY-MM, reason}``. Each rebase must name a monthly indicator of the
catalogue, a month inside the values file's months for it (a month with no value is allowed: the new
limits start at the next month that has one) and a reason, so that a reader can see why the limits moved.

A rebase may also record the data it was decided on (``decided_on: {2025-06: 96.1, 2025-07: null}``, as
``scorecard rebases record`` writes it); one whose recorded figures have since been revised is read with a
warning to review it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from scorecard_report.format.display import format_count
from scorecard_report.format.spc import rebase_review_words
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import DecidedOn, Rebase, Rebases
from scorecard_report.inputs.values import ValueTable
from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.load.clean_text import (
    REMOVABLE,
    REMOVED_HINT,
    removed_message,
    restore_breaks,
    safe_for_yaml,
)
from scorecard_report.load.strict_yaml import YamlDocument, YamlPath, read_yaml
from scorecard_report.load.suggest import closest, quoted
from scorecard_report.load.text_files import read_text
from scorecard_report.problems import InputError, Problem
from scorecard_report.rules.numbers import NumberError, parse_number
from scorecard_report.rules.rebase_review import revised_figures

KEYS = ("ref", "from", "reason", "decided_on")
MAX_REBASES = 2_000  # a rebase is rare: a few an indicator over the years
MAX_REASON_CHARACTERS = 300
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_WHY = "people must be able to see why the limits moved"
_EXAMPLE = "- {ref: FD8, from: 2023-04, reason: New screening process}"
_DECIDED_ON_EXAMPLE = "{2025-06: 96.1, 2025-07: null}"
RECORD_AGAIN = "delete its decided_on line and run `scorecard rebases record`"
REVIEW_HINT = f"check the rebase still stands, then {RECORD_AGAIN}"


def load_rebases(path: Path, catalogue: Catalogue, values: ValueTable) -> Rebases:
    """Read ``path``; return its rebases and warnings, or raise ``InputError`` with every problem."""
    written = read_text(path, "rebases file", hint="save the rebases file as UTF-8")
    return read_rebases(path, written, catalogue, values)


def read_rebases(path: Path, written: str, catalogue: Catalogue, values: ValueTable) -> Rebases:
    """The rebases of ``written``, the text of ``path``: as ``load_rebases``, for a text not yet saved."""
    safe, removed = safe_for_yaml(written)
    document = read_yaml(path, safe)
    reader = _RebasesReader(document, catalogue, values)
    entries = reader.read(restore_breaks(document.data, " "))
    reader.warn_removed(removed)
    if reader.errors:
        raise InputError(_in_file_order([*reader.errors, *reader.warnings]))
    return Rebases(tuple(entries), path, tuple(_in_file_order(reader.warnings)))


def _month(written: str) -> Month | None:
    """``2025-06`` as a month; None for anything else."""
    match = _MONTH.fullmatch(written)
    return Month(int(match[1]), int(match[2])) if match and 1 <= int(match[2]) <= 12 else None


def _number(written: Any) -> Decimal | None:
    """A recorded value read as the values file reads one (``96.1``, ``96.1%``); None if it is not one."""
    if not isinstance(written, str):
        return None
    try:
        return parse_number(written)[0]
    except NumberError:
        return None


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: problem.line or 0)


@dataclass(frozen=True)
class _Entry:
    """One rebase as written: each key's value, and where the key was (a misspelt key where it stands)."""

    at: YamlPath
    values: dict[str, Any]
    places: dict[str, YamlPath]
    ref: str | None


class _RebasesReader:
    """Walks one rebases document, collecting errors and warnings as it goes."""

    def __init__(self, document: YamlDocument, catalogue: Catalogue, values: ValueTable) -> None:
        self.document, self.catalogue, self.values = document, catalogue, values
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.seen: dict[tuple[str, Month], int | None] = {}
        self.starts: list[tuple[int, str | None]] = []  # each entry's first line and ref

    def problem(self, at: YamlPath, message: str, hint: str | None = None, ref: str | None = None) -> None:
        line = self.document.line_of(at)
        self.errors.append(Problem(self.document.path, message, line=line, ref=ref, hint=hint))

    def read(self, data: Any) -> list[Rebase]:
        if data is None:
            return []  # an empty file (or one of comments only): no rebases yet
        if not isinstance(data, list):
            self.problem(
                (),
                f"expected a list of rebases, each with ref, from and reason, found {quoted(data)}",
                f"write each rebase on a line of its own: {_EXAMPLE}",
            )
            return []
        if len(data) > MAX_REBASES:
            self.problem(
                (),
                f"the file has {format_count(len(data))} rebases; at most {format_count(MAX_REBASES)} "
                "are read",
                "a rebase is rare: check that this is the rebases file",
            )
            return []
        read = (self.rebase(raw, index) for index, raw in enumerate(data))
        return [rebase for rebase in read if rebase is not None]

    def rebase(self, raw: Any, index: int) -> Rebase | None:
        at: YamlPath = (index,)
        if not isinstance(raw, dict):
            self.starts.append((self.document.line_of(at) or 0, None))
            self.problem(
                at, f"expected a rebase with ref, from and reason, found {quoted(raw)}", f"write {_EXAMPLE}"
            )
            return None
        entry = self.entry(raw, at)
        self.starts.append((self.document.line_of(at) or 0, entry.ref))
        ref = self.ref(entry)
        month = self.month(entry)
        reason = self.reason(entry)
        in_data = ref is not None and month is not None and self.in_data(entry, ref, month)
        errors = len(self.errors)
        decided_on = self.decided_on(entry, month)
        if ref is None or month is None or reason is None or not in_data or len(self.errors) > errors:
            return None
        key = (ref, month)
        if key in self.seen:
            self.problem(
                entry.places["from"],
                f"this ref is already rebased in {month.iso()} (on line {self.seen[key]})",
                "keep one rebase a month, with every reason in it",
                ref,
            )
            return None
        self.seen[key] = self.document.line_of(at)
        rebase = Rebase(ref, month, reason, self.document.line_of(at), decided_on)
        self.review(rebase)
        return rebase

    def entry(self, raw: dict[str, Any], at: YamlPath) -> _Entry:
        """The keys as meant: an unknown key is reported, and read as the key it suggests when that key
        is not there too, so that one misspelling does not also report the key as missing."""
        written_ref = raw.get("ref")
        ref = written_ref.strip() if isinstance(written_ref, str) and written_ref.strip() else None
        values = {key: value for key, value in raw.items() if key in KEYS}
        places: dict[str, YamlPath] = {key: (*at, key) for key in values}
        for key, value in raw.items():
            if key in KEYS:
                continue
            close = closest(key, KEYS)
            hint = f"did you mean '{close}'?" if close else f"a rebase has only {', '.join(KEYS)}"
            self.problem((*at, key), f"unknown key '{key}'", hint, ref)
            if close is not None and close not in raw:
                values[close], places[close] = value, (*at, key)
        return _Entry(at, values, places, ref)

    def ref(self, entry: _Entry) -> str | None:
        """The ref of a monthly indicator of the catalogue, or None after reporting why not."""
        hint = "write the indicator's ref from the catalogue, such as ref: FD8"
        if "ref" not in entry.values:
            self.problem(entry.at, "missing key 'ref'", hint)
            return None
        written, at = entry.values["ref"], entry.places["ref"]
        if not isinstance(written, str) or not written.strip():
            self.problem(at, f"the ref must be text, found {quoted(written)}", hint)
            return None
        ref = written.strip()
        indicator = self.catalogue.indicator(ref)
        if indicator is None:
            close = closest(ref, sorted(self.catalogue.refs))
            self.problem(
                at,
                f"ref '{ref}' is not in the catalogue {self.catalogue.path.name}",
                f"did you mean '{close}'?" if close else "check the ref against the catalogue",
                ref,
            )
            return None
        if indicator.frequency is not Frequency.MONTHLY:
            self.problem(
                at,
                f"only monthly indicators have SPC limits to rebase, and this one is {indicator.frequency}",
                "remove this rebase",
                ref,
            )
            return None
        return ref

    def month(self, entry: _Entry) -> Month | None:
        """``from`` as a month, or None after reporting it."""
        hint = "write the first month of the new limits as YYYY-MM, such as from: 2023-04"
        if "from" not in entry.values:
            self.problem(entry.at, "missing key 'from'", hint, entry.ref)
            return None
        written, at = entry.values["from"], entry.places["from"]
        month = _month(written.strip()) if isinstance(written, str) else None
        if month is None:
            self.problem(at, f"from must be a month written YYYY-MM, not {quoted(written)}", hint, entry.ref)
        return month

    def decided_on(self, entry: _Entry, since: Month | None) -> DecidedOn | None:
        """The data the rebase was decided on, oldest month first; None when it is not recorded (or after
        reporting why it cannot be read)."""
        if "decided_on" not in entry.values:
            return None
        written, at = entry.values["decided_on"], entry.places["decided_on"]
        if not isinstance(written, dict) or not written:
            found = "no months" if written == {} else quoted(written)
            self.problem(
                at,
                "decided_on must be each month the rebase was decided on with its value, such as "
                f"{_DECIDED_ON_EXAMPLE}, found {found}",
                RECORD_AGAIN,
                entry.ref,
            )
            return None
        recorded = [self.recorded(entry, (*at, key), key, value, since) for key, value in written.items()]
        if any(month is None for month, _value in recorded):
            return None
        return tuple(sorted((month, value) for month, value in recorded if month is not None))

    def recorded(
        self, entry: _Entry, at: YamlPath, key: str, written: Any, since: Month | None
    ) -> tuple[Month | None, Decimal | None]:
        """One month of ``decided_on`` and its value; the month None after reporting what is wrong."""
        month = _month(key)
        if month is None:
            self.problem(at, f"decided_on: '{key}' is not a month written YYYY-MM", RECORD_AGAIN, entry.ref)
            return None, None
        if since is not None and month < since:
            message = f"decided_on: {month.iso()} is before the rebase's month, {since.iso()}"
            self.problem(at, message, RECORD_AGAIN, entry.ref)
            return None, None
        if written is None:
            return month, None  # the month had no value when the rebase was recorded
        value = _number(written)
        if value is None:
            message = (
                f"decided_on: the value for {month.iso()} must be a number or null, not {quoted(written)}"
            )
            self.problem(at, message, RECORD_AGAIN, entry.ref)
            return None, None
        return month, value

    def review(self, rebase: Rebase) -> None:
        """Warn when a month the rebase was decided on has since been revised or withdrawn."""
        if rebase.decided_on is None:
            return
        revised = revised_figures(rebase.decided_on, self.values.series(rebase.ref))
        if revised:
            sentence = rebase_review_words(rebase.month, revised)
            problem = Problem(
                self.document.path, sentence, line=rebase.line, ref=rebase.ref, hint=REVIEW_HINT, warning=True
            )
            self.warnings.append(problem)

    def reason(self, entry: _Entry) -> str | None:
        """The reason on one line, or None after reporting it missing, empty or too long."""
        hint = "say what changed, such as reason: New screening process"
        if "reason" not in entry.values:
            self.problem(entry.at, f"missing key 'reason': {_WHY}", hint, entry.ref)
            return None
        written, at = entry.values["reason"], entry.places["reason"]
        if written is not None and not isinstance(written, str):
            self.problem(at, f"the reason must be text, found {quoted(written)}", hint, entry.ref)
            return None
        reason = " ".join(self.cleaned(written or "", at, entry.ref).split())
        if not reason:
            self.problem(at, f"the reason is empty: {_WHY}", hint, entry.ref)
            return None
        if len(reason) > MAX_REASON_CHARACTERS:
            self.problem(
                at,
                f"the reason has {format_count(len(reason))} characters; the limit is "
                f"{format_count(MAX_REASON_CHARACTERS)}",
                "keep it to a sentence, and put the rest in the commentary",
                entry.ref,
            )
            return None
        return reason

    def in_data(self, entry: _Entry, ref: str, month: Month) -> bool:
        """Whether ``month`` lies within the months the values file has a value of ``ref`` for."""
        months = sorted(when for when, value in self.values.series(ref).items() if value is not None)
        name = self.values.path.name
        if months and months[0] <= month <= months[-1]:
            return True
        found = (
            f"{name} has values for it from {months[0].iso()} to {months[-1].iso()}"
            if months
            else f"{name} has no values for it"
        )
        self.problem(
            entry.places["from"],
            f"from {month.iso()} is outside the data: {found}",
            "a rebase starts new limits at a month of the indicator's values",
            ref,
        )
        return False

    def cleaned(self, text: str, at: YamlPath, ref: str | None) -> str:
        """``text`` without control characters (a YAML escape such as ``"\\0"`` can still make one)."""
        found = REMOVABLE.findall(text)
        if found:
            line, message = self.document.line_of(at), removed_message(found)
            self.warnings.append(
                Problem(self.document.path, message, line=line, ref=ref, hint=REMOVED_HINT, warning=True)
            )
        return REMOVABLE.sub("", text)

    def warn_removed(self, removed: list[tuple[int, list[str]]]) -> None:
        """Warn about characters removed before the YAML was read, with the ref of the rebase on that line."""
        starts = sorted(self.starts, key=lambda start: start[0])
        lines = [line for line, _ref in starts]
        for line, found in removed:
            before = bisect.bisect_right(lines, line)
            ref = starts[before - 1][1] if before else None
            self.warnings.append(
                Problem(
                    self.document.path,
                    removed_message(found),
                    line=line,
                    ref=ref,
                    hint=REMOVED_HINT,
                    warning=True,
                )
            )
