"""Record in the rebases file the data each rebase was decided on, without touching a line a person wrote.

Each rebase that lacks ``decided_on`` gets it as one flow-style mapping (``decided_on: {2025-06: 96.1,
2025-07: null}``): a line of its own after the last line of an entry written one key a line, or
``, decided_on: {…}`` after the last value of an entry written ``- {ref: …}``, whose line is then the only
one that changes. The result is read back and checked before it is kept.
"""

from __future__ import annotations

import codecs
import dataclasses
import stat
from collections.abc import Sequence
from pathlib import Path

import yaml

from scorecard_report.format.spc import recorded_number
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.spc import DecidedOn, Rebase
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.clean_text import REMOVABLE, safe_for_yaml
from scorecard_report.load.rebases import read_rebases
from scorecard_report.load.strict_yaml import compose_checked
from scorecard_report.load.text_files import decode, read_bytes
from scorecard_report.problems import InputError, Problem
from scorecard_report.publish.output import write_atomically
from scorecard_report.rules.rebase_review import data_since

_BY_HAND = "add decided_on to the rebase by hand, or write the rebase one key a line"


def record_decided_on(path: Path, catalogue: Catalogue, values: ValueTable) -> int:
    """Add ``decided_on``, from ``values``, to every rebase of ``path`` that lacks it: how many were added.

    The file must read cleanly first; with nothing to record it is left as it is.
    """
    raw = read_bytes(path, "rebases file")
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    text = decode(path, raw, hint="save the rebases file as UTF-8")
    rebases = read_rebases(path, text, catalogue, values).entries
    recorded = {
        index: data_since(values.series(rebase.ref), rebase.month)
        for index, rebase in enumerate(rebases)
        if rebase.decided_on is None
    }
    if not recorded:
        return 0
    updated = with_decided_on(path, text, recorded)
    _check_kept(path, updated, rebases, recorded, catalogue, values)
    write_atomically(path, bom + updated.encode("utf-8"), stat.S_IMODE(path.stat().st_mode))
    return len(recorded)


def decided_on_text(decided_on: DecidedOn) -> str:
    """``{2025-06: 96.1, 2025-07: null}``: the months in order, each value as the values file had it."""
    months = (
        f"{month.iso()}: {recorded_number(value) if value is not None else 'null'}"
        for month, value in decided_on
    )
    return "{" + ", ".join(months) + "}"


def with_decided_on(path: Path, text: str, recorded: dict[int, DecidedOn]) -> str:
    """``text`` with ``decided_on`` added to the rebase at each index of ``recorded``."""
    readable = safe_for_yaml(text)[0]
    if readable.count("\n") != text.count("\n"):
        hint = "save it with Windows or Unix line endings"
        raise _cannot_record(path, "it has old Mac line endings (CR alone)", hint)
    root = compose_checked(path, readable)
    # The file read without a problem, so each of its items is a rebase, in the order of ``recorded``'s.
    entries = root.value if isinstance(root, yaml.SequenceNode) else []
    lines = text.split("\n")  # a CRLF line keeps its "\r"
    added: dict[int, str] = {}  # a new line before each index
    for index in sorted(recorded, reverse=True):  # right to left, so that each column found still holds
        entry = entries[index] if index < len(entries) else None
        if not isinstance(entry, yaml.MappingNode) or not entry.value:
            raise _cannot_record(path, "its rebases did not read as a list", _BY_HAND)
        item = f"decided_on: {decided_on_text(recorded[index])}"
        if entry.flow_style:
            _after_last_value(lines, entry, f", {item}")
        else:
            added[_end_line(entry)] = " " * entry.value[0][0].start_mark.column + item
    return "\n".join(_with_lines(lines, added, "\r" if "\r\n" in text else ""))


def _after_last_value(lines: list[str], entry: yaml.MappingNode, text: str) -> None:
    """``text`` put into its line right after the last value of a flow entry (before any ``,`` or ``}``)."""
    end = entry.value[-1][1].end_mark
    line = lines[end.line]
    at = _written_column(line, end.column)
    lines[end.line] = line[:at] + text + line[at:]


def _with_lines(lines: list[str], added: dict[int, str], ending: str) -> list[str]:
    """``lines`` with each added line before its index, ending as the file's lines end."""
    for at in sorted(added, reverse=True):
        if at < len(lines):
            lines.insert(at, added[at] + ending)
        else:  # after a last line that has no line break: it gets one, and the new line goes without
            lines[-1] += ending
            lines.append(added[at])
    return lines


def _written_column(line: str, column: int) -> int:
    """Where ``column`` of the line as the YAML reader saw it lies in the line as written: before it, the
    reader's copy lacks the control characters that were removed."""
    seen = 0
    for index, character in enumerate(line):
        if seen == column:
            return index
        seen += not REMOVABLE.match(character)
    return len(line.removesuffix("\r"))


def _end_line(node: yaml.Node) -> int:
    """The index of the line after the last text of ``node``: a block mapping's own end mark runs on to the
    next entry."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        return max(_end_line(part) for pair in node.value for part in pair)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return max(_end_line(item) for item in node.value)
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


def _check_kept(
    path: Path,
    updated: str,
    before: Sequence[Rebase],
    recorded: dict[int, DecidedOn],
    catalogue: Catalogue,
    values: ValueTable,
) -> None:
    """Every rebase reads back as it was, with ``decided_on`` now where it was recorded."""
    try:
        after = read_rebases(path, updated, catalogue, values).entries
    except InputError:
        raise _cannot_record(path, "the file would no longer read", _BY_HAND) from None
    wanted = [
        dataclasses.replace(rebase, line=None, decided_on=recorded.get(index, rebase.decided_on))
        for index, rebase in enumerate(before)
    ]
    if [dataclasses.replace(rebase, line=None) for rebase in after] != wanted:
        raise _cannot_record(path, "the data recorded did not read back", _BY_HAND)


def _cannot_record(path: Path, why: str, hint: str) -> InputError:
    return InputError(
        [Problem(path, f"cannot record the data the rebases were decided on: {why}", hint=hint)]
    )
