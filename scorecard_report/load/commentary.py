"""Read a period's commentary file (YAML) into typed texts, reporting every problem with its line and ref.

Each text is parsed by ``load.markdown``; write multi-line text as a YAML literal block (``text: |``):
a plain or ``>`` scalar folds its lines before the parser sees them, so bullets would run together.
Given the report's month, a file (``period:``) or an indicator slot (``written_against``) recorded for
another month is an error: its words were written against other figures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from scorecard_report.format.periods import format_period, month_words
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import Block, Commentary, Text, TitledText, WrittenAgainst
from scorecard_report.inputs.periods import Month
from scorecard_report.load.clean_text import (
    REMOVABLE,
    REMOVED_HINT,
    TO_NEWLINE,
    removed_message,
    restore_breaks,
    safe_for_yaml,
)
from scorecard_report.load.markdown import TextLimitError, parse_text
from scorecard_report.load.strict_yaml import YamlDocument, YamlPath, read_yaml
from scorecard_report.load.suggest import closest, quoted
from scorecard_report.load.text_files import read_text
from scorecard_report.load.written_against import read_written_against
from scorecard_report.problems import InputError, Problem
from scorecard_report.rules.selection import current_period

TOP_LEVEL_KEYS = ("period", "report", "sections", "indicators")
REPORT_BLOCK_KEYS = ("title", "text", "draft")
TEXT_KEYS = ("text", "draft")
INDICATOR_TEXT_KEYS = ("text", "draft", "written_against")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")

_BOOLEAN = TypeAdapter(bool)


def default_commentary_path(catalogue: Catalogue, period: Month, folder: Path | None = None) -> Path:
    """``2023-01.yaml`` in ``folder`` (the config's ``commentary``), else in the catalogue's
    ``commentary:`` folder, else in ``commentary/`` beside the catalogue."""
    return (folder or catalogue.commentary or catalogue.path.parent / "commentary") / f"{period.iso()}.yaml"


def load_commentary(
    path: Path, catalogue: Catalogue, report_period: Month | None = None
) -> tuple[Commentary, tuple[Problem, ...]]:
    """Read ``path``; return the commentary and its warnings, or raise ``InputError`` with every error.

    With ``report_period``, a file or indicator slot recorded for another month is one of the errors.
    """
    written = read_text(path, "commentary file", hint="save the commentary file as UTF-8")
    safe, removed = safe_for_yaml(written)
    document = read_yaml(path, safe)
    reader = _CommentaryReader(document, catalogue)
    commentary = reader.read(restore_breaks(document.data, "\u2028"))
    if report_period is not None:
        reader.check_months(commentary, report_period)
    reader.warn_removed(removed)
    if reader.errors:
        raise InputError(_in_file_order(reader.errors))
    return commentary, tuple(_in_file_order(reader.warnings))


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: problem.line or 0)


def readable_for_yaml(written: str) -> str:
    """The file as the YAML reader sees it: the same lines, without the characters it refuses."""
    return safe_for_yaml(written)[0]


@dataclass(frozen=True)
class _Slot:
    """Where one text sits in the file, and how a problem names it: by ref or by place."""

    at: YamlPath
    ref: str | None = None
    place: str | None = None


class _CommentaryReader:
    """Walks one commentary document, collecting errors and warnings as it goes."""

    def __init__(self, document: YamlDocument, catalogue: Catalogue) -> None:
        self.document, self.catalogue = document, catalogue
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.slots: list[tuple[int, _Slot]] = []

    def problem(self, slot: _Slot, message: str, hint: str | None = None, warning: bool = False) -> None:
        problem = Problem(
            self.document.path,
            message,
            line=self.document.line_of(slot.at),
            place=slot.place,
            ref=slot.ref,
            hint=hint,
            warning=warning,
        )
        (self.warnings if warning else self.errors).append(problem)

    def read(self, data: Any) -> Commentary:
        if data is None:
            return Commentary()
        if not isinstance(data, dict):
            self.problem(
                _Slot(()), f"expected a mapping with {_listed(TOP_LEVEL_KEYS)}, found {quoted(data)}"
            )
            return Commentary()
        self.check_keys(data, TOP_LEVEL_KEYS, _Slot(()))
        for key in data:
            self.remember(_Slot((key,)))
        return Commentary(
            report=self.report(data.get("report")),
            sections=self.texts(data.get("sections"), "sections", self.section_slot),
            indicators=self.texts(data.get("indicators"), "indicators", self.indicator_slot),
            period=self.period(data["period"]) if "period" in data else None,
        )

    def period(self, raw: Any) -> Month | None:
        """The month the file says it is for, ``period: 2026-10``."""
        match = _MONTH.fullmatch(raw.strip()) if isinstance(raw, str) else None
        if match is None or not 1 <= int(match[2]) <= 12:
            message = f"period must be the report's month written YYYY-MM, not {quoted(raw)}"
            self.problem(_Slot(("period",)), message, "write the month, such as period: 2026-10")
            return None
        return Month(int(match[1]), int(match[2]))

    def check_months(self, commentary: Commentary, report: Month) -> None:
        """A file, or an indicator's text, recorded for another month than the report's was written
        against other figures (copied from last month's file, say): an error, never a silent reuse."""
        if commentary.period is not None and commentary.period != report:
            self.problem(
                _Slot(("period",)),
                f"this commentary is for {month_words(commentary.period)}, "
                f"but the report is for {month_words(report)}",
                f"use the file for {month_words(report)} (`scorecard commentary init --period "
                f"{report.iso()}` starts one), or build with --period {commentary.period.iso()}",
            )
        for ref, text in commentary.indicators.items():
            if text.written_against is not None:
                self.check_slot_month(ref, text.written_against.figures.period, report)

    def check_slot_month(self, ref: str, written: Month, report: Month) -> None:
        """The recorded period must be the one the report's current value is for (a quarter's end)."""
        indicator = self.catalogue.indicator(ref)
        if indicator is None:
            return
        calendar, frequency = self.catalogue.calendar, indicator.frequency
        shown = current_period(frequency, report, calendar)
        if written == shown:
            return
        self.problem(
            _Slot(("indicators", ref, "written_against"), ref=ref),
            f"this text was written against the figure for {format_period(written, frequency, calendar)}, "
            f"but the report for {month_words(report)} shows {format_period(shown, frequency, calendar)}",
            f"it comes from another month's commentary: rewrite it for {month_words(report)}'s figures "
            "and delete its written_against line; `scorecard commentary init --update` then records them",
        )

    def remember(self, slot: _Slot) -> None:
        """Note where a slot starts, so a character removed on a later line can name it."""
        self.slots.append((self.document.line_of(slot.at) or 0, slot))

    def check_keys(
        self, mapping: dict[str, Any], allowed: tuple[str, ...], slot: _Slot, also: tuple[str, ...] = ()
    ) -> None:
        """Report each key neither ``allowed`` nor ``also`` (keys refused with a message of their own)."""
        for key in mapping:
            if key not in allowed and key not in also:
                close = closest(key, allowed)
                hint = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(allowed)}"
                self.problem(_Slot((*slot.at, key), slot.ref, slot.place), f"unknown key '{key}'", hint)

    def report(self, raw: Any) -> tuple[TitledText, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(_Slot(("report",)), f"report must be a list of blocks, found {quoted(raw)}")
            return ()
        blocks = (self.report_block(raw_block, number) for number, raw_block in enumerate(raw, start=1))
        return tuple(block for block in blocks if block is not None)

    def report_block(self, raw: Any, number: int) -> TitledText | None:
        slot = _Slot(("report", number - 1), place=f"report block {number}")
        self.remember(slot)
        if not isinstance(raw, dict):
            self.problem(slot, f"expected a mapping with title and text, found {quoted(raw)}")
            return None
        self.check_keys(raw, REPORT_BLOCK_KEYS, slot, also=("written_against",))
        missing = [key for key in ("title", "text") if key not in raw]
        for key in missing:
            self.problem(slot, f"missing key '{key}'", f"add '{key}:'")
        title = self.title(raw, slot) if "title" in raw else None
        text = self.text_mapping(raw, slot)
        if missing or title is None or text is None:
            return None
        return TitledText(title, text)

    def title(self, block: dict[str, Any], slot: _Slot) -> str | None:
        """The title on one line: pasted line breaks and runs of spaces become single spaces."""
        raw = block["title"]
        title_slot = _Slot((*slot.at, "title"), place=slot.place)
        if not isinstance(raw, str) or not raw.strip():
            self.problem(title_slot, f"the title must be text, found {quoted(raw)}", "give the block a title")
            return None
        return " ".join(self.cleaned(raw, title_slot).translate(TO_NEWLINE).split())

    def texts(self, raw: Any, key: str, slot_of: Callable[[str], tuple[_Slot, bool]]) -> dict[str, Text]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.problem(_Slot((key,)), f"{key} must be a mapping of texts, found {quoted(raw)}")
            return {}
        texts = {}
        for name, value in raw.items():
            slot, known = slot_of(name)
            self.remember(slot)
            text = self.text(value, slot)
            if known and text is not None:
                texts[name] = text
        return texts

    def indicator_slot(self, ref: str) -> tuple[_Slot, bool]:
        slot = _Slot(("indicators", ref), ref=ref)
        known = ref in self.catalogue.refs
        if not known:
            close = closest(ref, sorted(self.catalogue.refs))
            self.problem(
                slot,
                f"ref '{ref}' is not in the catalogue {self.catalogue.path.name}",
                f"did you mean '{close}'?" if close else "check the ref against the catalogue",
            )
        return slot, known

    def section_slot(self, section_id: str) -> tuple[_Slot, bool]:
        slot = _Slot(("sections", section_id), place=f"section {section_id}")
        ids = [section.id for section in self.catalogue.sections]
        known = section_id in ids
        if not known:
            close = closest(section_id, ids)
            self.problem(
                slot,
                f"section id '{section_id}' is not in the catalogue {self.catalogue.path.name}",
                f"did you mean '{close}'?" if close else f"the sections are {', '.join(ids)}",
            )
        return slot, known

    def text(self, raw: Any, slot: _Slot) -> Text | None:
        line = self.document.line_of(slot.at)
        if raw is None or isinstance(raw, str):
            return Text(self.blocks(raw, slot), line=line)
        if isinstance(raw, dict):
            if slot.ref is None:
                self.check_keys(raw, TEXT_KEYS, slot, also=("written_against",))
            else:
                self.check_keys(raw, INDICATOR_TEXT_KEYS, slot)
            text = self.text_mapping(raw, slot)
            return None if text is None else replace(text, line=line)
        self.problem(slot, f"expected text, or a mapping with text and draft, found {quoted(raw)}")
        return None

    def text_mapping(self, mapping: dict[str, Any], slot: _Slot) -> Text | None:
        text_slot = _Slot((*slot.at, "text"), slot.ref, slot.place)
        value = mapping.get("text")
        draft = self.draft(mapping, slot)
        written_against = self.written_against(mapping, slot)
        if value is not None and not isinstance(value, str):
            self.problem(text_slot, f"the text must be text, found {quoted(value)}", "write it as a | block")
            return None
        return Text(self.blocks(value, text_slot), draft=bool(draft), written_against=written_against)

    def written_against(self, mapping: dict[str, Any], slot: _Slot) -> WrittenAgainst | None:
        """An indicator's record of the figures its text was written against; a section or the report has
        no one figure, so a record there is an error naming the place."""
        if "written_against" not in mapping:
            return None
        at = (*slot.at, "written_against")
        if slot.ref is None:
            self.problem(
                _Slot(at, place=slot.place),
                f"written_against is for an indicator's text; the {slot.place} has no one figure to record",
                "delete the written_against line: only an indicator's text is checked against its figures",
            )
            return None
        record, problems = read_written_against(mapping["written_against"])
        for problem in problems:
            self.problem(_Slot((*at, *problem.at), slot.ref), problem.message, problem.hint)
        return record

    def draft(self, mapping: dict[str, Any], slot: _Slot) -> bool | None:
        if "draft" not in mapping:
            return False
        try:
            return _BOOLEAN.validate_python(mapping["draft"])
        except ValidationError:
            self.problem(
                _Slot((*slot.at, "draft"), slot.ref, slot.place),
                f"draft must be true or false, not {quoted(mapping['draft'])}",
                "write draft: true while the wording is not final",
            )
            return None

    def blocks(self, raw: str | None, slot: _Slot) -> tuple[Block, ...]:
        if raw is None:
            return ()
        try:
            return parse_text(self.cleaned(raw, slot))
        except TextLimitError as error:
            self.problem(slot, str(error), error.hint)
            return ()

    def cleaned(self, raw: str, slot: _Slot) -> str:
        """``raw`` without control characters (a YAML escape such as ``"\\0"`` can still make one)."""
        found = REMOVABLE.findall(raw)
        if found:
            self.problem(slot, removed_message(found), REMOVED_HINT, warning=True)
        return REMOVABLE.sub("", raw)

    def warn_removed(self, removed: list[tuple[int, list[str]]]) -> None:
        """Warn about characters removed before the YAML was read, naming the slot each line falls in."""
        starts = sorted(self.slots, key=lambda start: start[0])
        lines = [start for start, _ in starts]
        for line, found in removed:
            before = bisect.bisect_right(lines, line)
            slot = starts[before - 1][1] if before else _Slot(())
            self.warnings.append(
                Problem(
                    self.document.path,
                    removed_message(found),
                    line=line,
                    place=slot.place,
                    ref=slot.ref,
                    hint=REMOVED_HINT,
                    warning=True,
                )
            )


def _listed(keys: tuple[str, ...]) -> str:
    return ", ".join(keys[:-1]) + f" and {keys[-1]}"
