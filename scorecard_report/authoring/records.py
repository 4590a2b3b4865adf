"""What an indicator's text was written against, as the commentary file records it on one line.

``commentary init`` writes the record in every indicator slot; ``--update`` adds it to a slot that lacks
one and writes it afresh for a text edited since (its digest no longer matches), each time with this
build's figures, by inserting or replacing that one line and no other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scorecard_report.format.words import STATUS_WORDS
from scorecard_report.inputs.commentary import ShownFigures
from scorecard_report.load.clean_text import REMOVABLE
from scorecard_report.load.written_against import month_text, text_digest
from scorecard_report.problems import InputError, Problem

RECORD_KEY = "written_against"


def record_text(figures: ShownFigures, digest: str) -> str:
    """``{value: "93%", status: Green, period: 2026-10, text: 3f9a1c2e}``: the value always quoted, since
    a shown figure may hold a comma (``1,348``) that would end a flow mapping's entry."""
    value = json.dumps(figures.value, ensure_ascii=False)
    status = STATUS_WORDS[figures.status]
    return f"{{value: {value}, status: {status}, period: {month_text(figures.period)}, text: {digest}}}"


def record_as_read(figures: ShownFigures, digest: str) -> dict[str, str]:
    """The record as the strict reader reads it back: every scalar as text."""
    return {
        "value": figures.value,
        "status": STATUS_WORDS[figures.status],
        "period": month_text(figures.period),
        "text": digest,
    }


@dataclass
class RecordPlan:
    """The record lines to insert (before a line index) or replace (at one), and how many of each."""

    path: Path
    lines: tuple[str, ...]  # the file's lines, as ``_Lines`` holds them
    figures: dict[str, ShownFigures]  # by ref: what the report shows now
    insertions: list[tuple[int, list[str]]] = field(default_factory=list)
    replacements: dict[int, str] = field(default_factory=dict)
    expected: dict[str, dict[str, str]] = field(default_factory=dict)  # by ref, as they must read back
    recorded: int = 0  # slots that had no record
    recorded_afresh: int = 0  # slots whose text was edited since its record

    def plan(self, indicators: yaml.MappingNode) -> RecordPlan:
        """Where each indicator slot of ``indicators`` needs its record added or written afresh.

        Only a slot written as a block mapping can take a line; one written as plain text (``FD8: Good.``)
        or a flow mapping is left as it is, and goes unchecked, until someone writes it as ``text: |``.
        """
        for key, value in indicators.value:
            shown = self.figures.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            if (
                shown is None
                or not isinstance(value, yaml.MappingNode)
                or value.flow_style
                or not value.value
            ):
                continue
            self.slot(key.value, value, shown)
        return self

    def slot(self, ref: str, slot: yaml.MappingNode, shown: ShownFigures) -> None:
        entries = {k.value: (k, v) for k, v in slot.value if isinstance(k, yaml.ScalarNode)}
        text = entries.get("text")
        written = text[1].value if text is not None and isinstance(text[1], yaml.ScalarNode) else ""
        digest = text_digest(written if isinstance(written, str) else "")
        record = record_text(shown, digest)
        existing = entries.get(RECORD_KEY)
        if existing is None:
            indent = " " * slot.value[0][0].start_mark.column
            self.insertions.append((end_line(slot), [f"{indent}{RECORD_KEY}: {record}"]))
            self.recorded += 1
        elif _recorded_digest(existing[1]) != digest:
            key, value = existing
            self.replacements[key.start_mark.line] = self.replaced(ref, key, value, record)
            self.recorded_afresh += 1
        else:
            return
        self.expected[ref] = record_as_read(shown, digest)

    def replaced(self, ref: str, key: yaml.Node, value: yaml.Node, record: str) -> str:
        """The record's line with the new record in place of the old, and whatever followed it (a
        comment, the ``\\r`` of a Windows line ending) kept."""
        line = self.lines[key.start_mark.line]
        if value.end_mark.line != key.start_mark.line or REMOVABLE.search(line):
            hint = f"write {ref}'s {RECORD_KEY} on one line, or delete it so that --update records it afresh"
            message = f"cannot record the figures: {ref}'s {RECORD_KEY} is not on one line"
            problem = Problem(self.path, message, line=key.start_mark.line + 1, ref=ref, hint=hint)
            raise InputError([problem])
        return f"{line[: key.start_mark.column]}{RECORD_KEY}: {record}{line[value.end_mark.column :]}"


def _block_mapping(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and not node.flow_style and bool(node.value)


def _recorded_digest(record: yaml.Node) -> str | None:
    if not isinstance(record, yaml.MappingNode):
        return None
    for key, value in record.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "text" and isinstance(value, yaml.ScalarNode):
            return str(value.value).strip().lower()
    return None


def line_after(mark: yaml.Mark) -> int:
    """The index of the first line after the text ending at ``mark``."""
    return int(mark.line if mark.column == 0 else mark.line + 1)


def end_line(node: yaml.Node) -> int:
    """The line after the last text of ``node``: block collections' own end marks run on to the next key."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return line_after(node.end_mark)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((end_line(child) for child in children), default=line_after(node.end_mark))
