"""Write a period's commentary file of drafts, or add missing slots to one without touching a written line.

New slots are inserted as whole lines beside the slots around them in catalogue order, so every line a
person wrote stays byte for byte; the result is read back and checked before it is kept.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from scorecard_report.authoring.drafts import REPORT_BLOCK_TITLE, Drafts, draft_commentary
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.commentary import load_commentary, readable_for_yaml
from scorecard_report.load.strict_yaml import NULL_WORDS, compose_checked, read_yaml
from scorecard_report.load.text_files import decode, read_bytes
from scorecard_report.model.report import Report
from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import write_atomically

TOP_LEVEL = ("report", "sections", "indicators")
_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_HEADER = """\
# Commentary for {period}: {title}.
# Each slot holds a draft written from the data. Rewrite it in your own words and delete its
# "draft: true" line; a --final build leaves out any text still marked as a draft.
# Text is a small Markdown subset: paragraphs, "- " bullets, **bold** and *italic*.
"""


@dataclass(frozen=True)
class Slot:
    """One commentary slot as lines of YAML: a comment naming it, its key and its draft."""

    key: str
    comment: str
    draft: str

    def lines(self, indent: str) -> list[str]:
        return [
            f"{indent}# {self.comment}",
            f"{indent}{yaml_key(self.key)}:",
            f"{indent}  text: |",
            f"{indent}    {_one_line(self.draft)}",
            f"{indent}  draft: true",
        ]


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
            Slot(row.ref, _one_line(f"{row.ref} {row.title}"), indicators[row.ref]) for row in report.rows
        ],
    }


def top_level_block(key: str, report: Report, drafts: Drafts) -> list[str]:
    """All of ``report:``, ``sections:`` or ``indicators:`` with every slot in it."""
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


def write_commentary_drafts(path: Path, catalogue: Catalogue, report: Report, update: bool) -> int:
    """Write a new file of drafts at ``path``, or with ``update`` add the slots it lacks: how many were added.

    An existing file is never overwritten, and must read cleanly before anything is added to it.
    """
    drafts = draft_commentary(report)
    if not path.exists():
        write_atomically(path, commentary_file_text(report, drafts).encode("utf-8"))
        return len(drafts.sections) + len(drafts.indicators) + 1
    if not update:
        problem = Problem(
            path, "already exists; nothing was changed", hint="use --update to add the slots it lacks"
        )
        raise InputError([problem], ExitCode.CANNOT_WRITE)
    load_commentary(path, catalogue)
    raw = read_bytes(path, "commentary file")
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    updated, added = add_missing_slots(path, decode(path, raw), report, drafts)
    if added:
        write_atomically(path, bom + updated.encode("utf-8"), stat.S_IMODE(path.stat().st_mode))
    return added


def add_missing_slots(path: Path, text: str, report: Report, drafts: Drafts) -> tuple[str, int]:
    """``text`` with a drafted slot added wherever one is missing, and how many were added."""
    readable = readable_for_yaml(text)
    if readable.count("\n") != text.count("\n"):
        hint = "save it with Windows or Unix line endings"
        raise _cannot_update(path, "it has old Mac line endings (CR alone)", hint)
    planner = _Planner(path, _Lines.of(text), slots(report, drafts), report, drafts)
    planner.plan(compose_checked(path, readable))  # nesting too deep is refused, never a RecursionError
    if not planner.insertions:
        return text, 0
    updated = planner.lines.with_insertions(planner.insertions, "\r\n" if "\r\n" in text else "\n")
    _check_kept(path, readable, readable_for_yaml(updated), planner.wanted)
    return updated, planner.added


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

    def with_insertions(self, insertions: list[tuple[int, list[str]]], newline: str) -> str:
        """The text with each insertion's lines placed before line ``at``, the original lines untouched."""
        before: dict[int, list[str]] = {}
        for at, lines in insertions:
            before.setdefault(at, []).extend(lines)
        output: list[str] = []
        for index, line in enumerate(self.lines):
            output.extend(inserted + newline for inserted in before.get(index, []))
            output.append(line + "\n")
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
                self.insert(_line_after(key_node.end_mark), slot.lines(indent))
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
                return _end_line(entries[name][1])
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
        """A whole top-level block, and how many slots it holds."""
        return top_level_block(key, self.report, self.drafts), len(self.wanted.get(key, [None]))


def _entries(mapping: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {key.value: (key, value) for key, value in mapping.value if isinstance(key, yaml.ScalarNode)}


def _line_after(mark: yaml.Mark) -> int:
    """The index of the first line after the text ending at ``mark``."""
    return mark.line if mark.column == 0 else mark.line + 1


def _end_line(node: yaml.Node) -> int:
    """The line after the last text of ``node``: block collections' own end marks run on to the next key."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return _line_after(node.end_mark)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((_end_line(child) for child in children), default=_line_after(node.end_mark))


def _check_kept(path: Path, before: str, after: str, wanted: dict[str, list[Slot]]) -> None:
    """Every value that was there reads back the same, and every slot is there now."""
    old = read_yaml(path, before).data or {}
    new = read_yaml(path, after).data or {}
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
    if "report" not in new or missing:
        raise _cannot_update(path, "the added slots did not read back", "add the missing slots by hand")
