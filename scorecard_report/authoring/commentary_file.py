"""Write a period's commentary file of drafts, or add missing slots to one without touching a written line.

New slots are inserted as whole lines beside the slots around them in catalogue order, so every line a
person wrote stays byte for byte; the result is read back and checked before it is kept. The file records
its month (``period:``) and, in each indicator slot, the figures the text was written against
(``written_against``, authoring/records.py): the one line ``--update`` may write afresh.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scorecard_report.authoring.drafts import REPORT_BLOCK_TITLE, Drafts, draft_commentary
from scorecard_report.authoring.records import RECORD_KEY, RecordPlan, end_line, line_after, record_text
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.commentary import ShownFigures
from scorecard_report.load.commentary import load_commentary, readable_for_yaml
from scorecard_report.load.strict_yaml import NULL_WORDS, compose_checked, read_yaml
from scorecard_report.load.text_files import decode, read_bytes
from scorecard_report.load.written_against import month_text, text_digest
from scorecard_report.model.commentary_check import shown_figures
from scorecard_report.model.report import Report
from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import write_atomically

TOP_LEVEL = ("period", "report", "sections", "indicators")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_HEADER = """\
# Commentary for {period}: {title}.
# Each slot holds a draft written from the data. Rewrite it in your own words and delete its
# "draft: true" line; a --final build leaves out any text still marked as a draft.
# Text is a small Markdown subset: paragraphs, "- " bullets, **bold** and *italic*.
# written_against records the figures each indicator's text was written against, and a build warns when
# they change; `scorecard commentary init --update` records them afresh for a text you have edited.
"""


@dataclass(frozen=True)
class Slot:
    """One commentary slot as lines of YAML: a comment naming it, its key, its draft and, for an indicator,
    the figures the draft is written against."""

    key: str
    comment: str
    draft: str
    figures: ShownFigures | None = None

    def lines(self, indent: str) -> list[str]:
        draft = _one_line(self.draft)
        lines = [
            f"{indent}# {self.comment}",
            f"{indent}{yaml_key(self.key)}:",
            f"{indent}  text: |",
            f"{indent}    {draft}",
            f"{indent}  draft: true",
        ]
        if self.figures is not None:
            lines.append(f"{indent}  {RECORD_KEY}: {record_text(self.figures, text_digest(draft))}")
        return lines


@dataclass(frozen=True)
class Updated:
    """What ``--update`` changed: slots added, records added or written afresh, the month recorded."""

    text: str
    slots: int = 0
    recorded: int = 0  # indicator slots that had no record of their figures
    recorded_afresh: int = 0  # indicator texts edited since their figures were recorded
    period: bool = False  # ``period:`` was added

    @property
    def changed(self) -> bool:
        return bool(self.slots or self.recorded or self.recorded_afresh or self.period)


def update_words(updated: Updated) -> str:
    """``added 2 slots; recorded the figures of 3 texts; recorded afresh the figures of 1 edited text``."""

    def texts(count: int) -> str:
        return f"{count} text{'' if count == 1 else 's'}"

    parts = [f"added {updated.slots} slot{'' if updated.slots == 1 else 's'}"] if updated.slots else []
    parts += [f"recorded the figures of {texts(updated.recorded)}"] if updated.recorded else []
    if updated.recorded_afresh:
        parts.append(f"recorded afresh the figures of {texts(updated.recorded_afresh)} edited since")
    parts += ["recorded the file's month"] if updated.period else []
    return "; ".join(parts)


def yaml_key(key: str) -> str:
    """A section id or ref as a YAML key: plain where that reads back as the same text, else quoted."""
    if _PLAIN_KEY.fullmatch(key) and key not in NULL_WORDS and key.lower() not in ("true", "false"):
        return key
    return json.dumps(key, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def slots(report: Report, drafts: Drafts) -> dict[str, list[Slot]]:
    """The section and indicator slots, in catalogue order, by top-level key."""
    sections = dict(drafts.sections)
    indicators = dict(drafts.indicators)
    return {
        "sections": [
            Slot(s.id, _one_line(f"{s.title} ({s.owner})" if s.owner else s.title), sections[s.id])
            for s in report.sections
        ],
        "indicators": [
            Slot(
                row.ref,
                _one_line(f"{row.ref} {row.title}"),
                indicators[row.ref],
                shown_figures(row.current, row.status),
            )
            for row in report.rows
        ],
    }


def top_level_block(key: str, report: Report, drafts: Drafts) -> list[str]:
    """``period:``, or all of ``report:``, ``sections:`` or ``indicators:`` with every slot in it."""
    if key == "period":
        return [f"period: {month_text(report.period)}"]
    if key == "report":
        return [
            "report:",
            f"  - title: {REPORT_BLOCK_TITLE}",
            "    text: |",
            f"      {_one_line(drafts.report)}",
            "    draft: true",
        ]
    return [f"{key}:", *(line for slot in slots(report, drafts)[key] for line in slot.lines("  "))]


def commentary_file_text(report: Report, drafts: Drafts) -> str:
    """A new commentary file: a header, then a draft in every slot."""
    header = _HEADER.format(period=report.period_text, title=_one_line(report.title))
    blocks = ["\n".join(top_level_block(key, report, drafts)) + "\n" for key in TOP_LEVEL]
    return header + "\n" + "\n".join(blocks)


def write_commentary_drafts(path: Path, catalogue: Catalogue, report: Report, update: bool) -> Updated:
    """Write a new file of drafts at ``path``, or with ``update`` add the slots and records it lacks.

    An existing file is never overwritten, and must read cleanly, for the report's month, before
    anything is added to it.
    """
    drafts = draft_commentary(report)
    if not path.exists():
        text = commentary_file_text(report, drafts)
        write_atomically(path, text.encode("utf-8"))
        return Updated(text, len(drafts.sections) + len(drafts.indicators) + 1)
    if not update:
        problem = Problem(
            path, "already exists; nothing was changed", hint="use --update to add the slots it lacks"
        )
        raise InputError([problem], ExitCode.CANNOT_WRITE)
    load_commentary(path, catalogue, report.period)
    raw = read_bytes(path, "commentary file")
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    updated = update_commentary_text(path, decode(path, raw), report, drafts)
    if updated.changed:
        write_atomically(path, bom + updated.text.encode("utf-8"), stat.S_IMODE(path.stat().st_mode))
    return updated


def update_commentary_text(path: Path, text: str, report: Report, drafts: Drafts) -> Updated:
    """``text`` with a drafted slot added wherever one is missing, the month recorded if it is not, and
    each indicator slot's record added or written afresh where it is missing or its text was edited."""
    readable = readable_for_yaml(text)
    if readable.count("\n") != text.count("\n"):
        hint = "save it with Windows or Unix line endings"
        raise _cannot_update(path, "it has old Mac line endings (CR alone)", hint)
    planner = _Planner(path, _Lines.of(text), slots(report, drafts), report, drafts)
    planner.plan(compose_checked(path, readable))  # nesting too deep is refused, never a RecursionError
    records = planner.records
    insertions = [*records.insertions, *planner.insertions]  # a record before a slot added after it
    if not insertions and not records.replacements:
        return Updated(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    updated = planner.lines.with_changes(insertions, records.replacements, newline)
    _check_kept(path, readable, readable_for_yaml(updated), planner.wanted, records.expected)
    return Updated(updated, planner.added, records.recorded, records.recorded_afresh, planner.period_added)


def add_missing_slots(path: Path, text: str, report: Report, drafts: Drafts) -> tuple[str, int]:
    """``text`` updated as ``update_commentary_text`` does it, and how many slots were added."""
    updated = update_commentary_text(path, text, report, drafts)
    return updated.text, updated.slots


def _cannot_update(path: Path, why: str, hint: str, line: int | None = None) -> InputError:
    return InputError([Problem(path, f"cannot add the missing slots: {why}", line=line, hint=hint)])


@dataclass(frozen=True)
class _Lines:
    """The file's lines without their ``\\n`` (a CRLF line keeps its ``\\r``)."""

    lines: tuple[str, ...]
    final_newline: bool

    @classmethod
    def of(cls, text: str) -> _Lines:
        lines = text.split("\n")
        final_newline = text.endswith("\n")
        return cls(tuple(lines[:-1] if final_newline else lines), final_newline)

    def with_changes(
        self, insertions: list[tuple[int, list[str]]], replacements: dict[int, str], newline: str
    ) -> str:
        """The text with each insertion's lines placed before line ``at`` and each replaced line in place
        of its old one (a record written afresh); every other line untouched."""
        before: dict[int, list[str]] = {}
        for at, lines in insertions:
            before.setdefault(at, []).extend(lines)
        output: list[str] = []
        for index, line in enumerate(self.lines):
            output.extend(inserted + newline for inserted in before.get(index, []))
            output.append(replacements.get(index, line) + "\n")
        at_end = before.get(len(self.lines), [])
        output.extend(inserted + newline for inserted in at_end)
        text = "".join(output)
        return text if self.final_newline or at_end else text.removesuffix("\n")


class _Planner:
    """Works out where each missing slot goes, as (line index, lines) insertions."""

    def __init__(
        self, path: Path, lines: _Lines, wanted: dict[str, list[Slot]], report: Report, drafts: Drafts
    ) -> None:
        self.path, self.lines, self.wanted = path, lines, wanted
        self.report, self.drafts = report, drafts
        self.insertions: list[tuple[int, list[str]]] = []
        self.added = 0
        self.period_added = False
        figures = {row.ref: shown_figures(row.current, row.status) for row in report.rows}
        self.records = RecordPlan(path, lines.lines, figures)

    def plan(self, root: yaml.Node | None) -> None:
        if root is None:
            for key in TOP_LEVEL:
                lines, count = self.block(key)
                self.insert(len(self.lines.lines), ["", *lines], count)
            return
        if not isinstance(root, yaml.MappingNode) or root.flow_style:
            raise _cannot_update(self.path, "the file is not a block mapping", "write one key a line")
        entries = _entries(root)
        for index, key in enumerate(TOP_LEVEL):
            if key not in entries:
                lines, count = self.block(key)
                self.insert(self.position(entries, TOP_LEVEL, index), [*lines, ""], count)
        indicators = entries["indicators"][1] if "indicators" in entries else None
        if isinstance(indicators, yaml.MappingNode) and _is_block_mapping(indicators):
            self.records.plan(indicators)
        for key in ("sections", "indicators"):
            if key in entries:
                self.fill(key, *entries[key])

    def fill(self, key: str, key_node: yaml.Node, value: yaml.Node) -> None:
        """Add the missing slots to the mapping under ``key``."""
        slots_here = self.wanted[key]
        if isinstance(value, yaml.MappingNode) and all(slot.key in _entries(value) for slot in slots_here):
            return
        if isinstance(value, yaml.ScalarNode) and value.style is None and value.value == "":
            indent = " " * (key_node.start_mark.column + 2)
            for slot in slots_here:
                self.insert(line_after(key_node.end_mark), slot.lines(indent))
            return
        if not isinstance(value, yaml.MappingNode) or value.flow_style or not value.value:
            hint = f"write '{key}:' with one slot a line under it"
            line = value.start_mark.line + 1
            raise _cannot_update(self.path, f"{key} is not written as a block mapping", hint, line)
        entries = _entries(value)
        indent = " " * value.value[0][0].start_mark.column
        names = tuple(slot.key for slot in slots_here)
        for index, slot in enumerate(slots_here):
            if slot.key not in entries:
                self.insert(self.position(entries, names, index), slot.lines(indent))

    def position(
        self, entries: dict[str, tuple[yaml.Node, yaml.Node]], names: tuple[str, ...], index: int
    ) -> int:
        """After the nearest earlier slot present, else before the nearest later one and its comments."""
        for name in reversed(names[:index]):
            if name in entries:
                return end_line(entries[name][1])
        later = [entries[name][0].start_mark.line for name in names[index + 1 :] if name in entries]
        if not later:
            return len(self.lines.lines)
        key_line = line = min(later)
        while line > 0 and self.lines.lines[line - 1].strip().startswith("#"):
            line -= 1
        return key_line if line == 0 else line  # comments from the first line on are the file's header

    def insert(self, at: int, lines: list[str], slots: int = 1) -> None:
        self.insertions.append((at, lines))
        self.added += slots

    def block(self, key: str) -> tuple[list[str], int]:
        """A whole top-level block, and how many slots it holds (the month is none)."""
        if key == "period":
            self.period_added = True
            return top_level_block(key, self.report, self.drafts), 0
        return top_level_block(key, self.report, self.drafts), len(self.wanted.get(key, [None]))


def _entries(mapping: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {key.value: (key, value) for key, value in mapping.value if isinstance(key, yaml.ScalarNode)}


def _is_block_mapping(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and not node.flow_style and bool(node.value)


def _check_kept(
    path: Path,
    before: str,
    after: str,
    wanted: dict[str, list[Slot]],
    records: dict[str, dict[str, str]],
) -> None:
    """Every value that was there reads back the same (records aside), every slot is there now, and each
    record added or written afresh reads back as planned."""
    written = read_yaml(path, after).data or {}
    old, new = _without_records(read_yaml(path, before).data or {}), _without_records(written)
    for key, value in old.items():
        kept = new.get(key)
        if (value is None or isinstance(value, dict)) and isinstance(kept, dict):
            kept = {name: kept.get(name) for name in value} if value else None
        if kept != value:
            raise _cannot_update(path, f"adding slots would change '{key}'", "add the missing slots by hand")
    missing = [
        slot.key
        for key, slots_here in wanted.items()
        for slot in slots_here
        if slot.key not in (new.get(key) or {})
    ]
    indicators = written.get("indicators") or {}
    unread = [ref for ref, record in records.items() if indicators.get(ref, {}).get(RECORD_KEY) != record]
    if "report" not in new or "period" not in new or missing or unread:
        raise _cannot_update(path, "the added lines did not read back", "add the missing slots by hand")


def _without_records(data: dict[str, Any]) -> dict[str, Any]:
    """The file's data with every indicator slot's record left out: the part --update must keep."""
    indicators = data.get("indicators")
    if not isinstance(indicators, dict):
        return data
    return {**data, "indicators": {ref: _unrecorded(slot) for ref, slot in indicators.items()}}


def _unrecorded(slot: Any) -> Any:
    return (
        {key: value for key, value in slot.items() if key != RECORD_KEY} if isinstance(slot, dict) else slot
    )
