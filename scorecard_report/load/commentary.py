"""Read a period's commentary file (YAML) into typed texts, reporting every problem with its line and ref.

Each text is parsed by ``load.markdown``; write multi-line text as a YAML literal block (``text: |``):
a plain or ``>`` scalar folds its lines before the parser sees them, so bullets would run together.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import Block, Commentary, Text, TitledText
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
from scorecard_report.problems import InputError, Problem

TOP_LEVEL_KEYS = ("report", "sections", "indicators")
REPORT_BLOCK_KEYS = ("title", "text", "draft")
TEXT_KEYS = ("text", "draft")

_BOOLEAN = TypeAdapter(bool)


def default_commentary_path(catalogue: Catalogue, period: Month, folder: Path | None = None) -> Path:
    """``2023-01.yaml`` in ``folder`` (the config's ``commentary``), else in the catalogue's
    ``commentary:`` folder, else in ``commentary/`` beside the catalogue."""
    return (folder or catalogue.commentary or catalogue.path.parent / "commentary") / f"{period.iso()}.yaml"


def load_commentary(path: Path, catalogue: Catalogue) -> tuple[Commentary, tuple[Problem, ...]]:
    """Read ``path``; return the commentary and its warnings, or raise ``InputError`` with every error."""
    written = read_text(path, "commentary file", hint="save the commentary file as UTF-8")
    safe, removed = safe_for_yaml(written)
    document = read_yaml(path, safe)
    reader = _CommentaryReader(document, catalogue)
    commentary = reader.read(restore_breaks(document.data, "\u2028"))
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
        )

    def remember(self, slot: _Slot) -> None:
        """Note where a slot starts, so a character removed on a later line can name it."""
        self.slots.append((self.document.line_of(slot.at) or 0, slot))

    def check_keys(self, mapping: dict[str, Any], allowed: tuple[str, ...], slot: _Slot) -> None:
        for key in mapping:
            if key not in allowed:
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
        self.check_keys(raw, REPORT_BLOCK_KEYS, slot)
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
        if raw is None or isinstance(raw, str):
            return Text(self.blocks(raw, slot))
        if isinstance(raw, dict):
            self.check_keys(raw, TEXT_KEYS, slot)
            return self.text_mapping(raw, slot)
        self.problem(slot, f"expected text, or a mapping with text and draft, found {quoted(raw)}")
        return None

    def text_mapping(self, mapping: dict[str, Any], slot: _Slot) -> Text | None:
        text_slot = _Slot((*slot.at, "text"), slot.ref, slot.place)
        value = mapping.get("text")
        draft = self.draft(mapping, slot)
        if value is not None and not isinstance(value, str):
            self.problem(text_slot, f"the text must be text, found {quoted(value)}", "write it as a | block")
            return None
        return Text(self.blocks(value, text_slot), draft=bool(draft))

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
