"""A strict YAML reader: safe, no duplicate keys, no anchors, aliases or tags, every scalar as written.

Scalars stay the text the author typed (``012`` stays ``"012"``, ``NO`` stays ``"NO"``) so the
schema decides what a value means, not YAML 1.1's implicit typing. Every node keeps its line, so
schema errors can name where the author must look.

Nesting is refused beyond ``MAX_DEPTH`` lists and mappings inside each other, at the line where it goes
too deep. PyYAML builds its node tree recursively (and so does everything that walks it), so a file of
100,000 ``[`` would exhaust Python's recursion limit; the depth is counted from the event stream, which
the parser makes without recursion, before the tree is built any deeper.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scorecard_report.problems import InputError, Problem

YamlPath = tuple[str | int, ...]
NULL_WORDS = {"", "~", "null", "Null", "NULL"}
MAX_DEPTH = 50  # a catalogue is 7 deep (sections, indicators, bands, a structured target), commentary 4
_OPENS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSES = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass(frozen=True)
class YamlDocument:
    """Plain data (dicts, lists, strings, None) and the line of every key and item."""

    path: Path
    data: Any
    lines: dict[YamlPath, int]

    def line_of(self, location: YamlPath) -> int | None:
        """The line of the deepest part of ``location`` that the document has."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return None


class _RefusingComposer(yaml.SafeLoader):
    """Refuses aliases, anchors, explicit tags and deep nesting while the node tree is built."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, "aliases (*name) are not allowed", "write the value out in full")
        if getattr(event, "anchor", None):
            raise _Refused(line, "anchors (&name) are not allowed", "write each value out in full")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _Refused(line, f"the tag {tag} is not allowed", "remove it; values are plain text")
        if not isinstance(event, _OPENS):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:  # refused before composing it, so the recursion stops here
            raise _too_deep(line)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Refused(Exception):
    def __init__(self, line: int | None, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def _too_deep(line: int | None) -> _Refused:
    return _Refused(
        line,
        f"lists and mappings are nested more than {MAX_DEPTH} deep here",
        "a scorecard file needs only a few levels: check the indentation, and that each [ and { is closed",
    )


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it
_NEEDS_CHECKING = object()


def _compose_fast(path: Path, text: str) -> Any:
    """The node tree by libyaml (ten times faster on a large catalogue) when the document is plain.

    Anything unusual (a character the reader refuses, an alias, an anchor, a tag, a syntax error, or
    no libyaml at all) returns ``_NEEDS_CHECKING``, so the pure-Python reader runs and names the
    problem: every error message comes from one place. Only nesting too deep is refused here, with
    ``_too_deep``'s message, as the pure-Python scanner is slow to look ahead through 100,000 ``[``.
    """
    if _FAST_LOADER is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _NEEDS_CHECKING
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return _NEEDS_CHECKING
            if getattr(event, "tag", None) not in (None, "!"):
                return _NEEDS_CHECKING
            depth += isinstance(event, _OPENS) - isinstance(event, _CLOSES)
            if depth > MAX_DEPTH:
                refused = _too_deep(event.start_mark.line + 1 if event.start_mark else None)
                raise InputError([Problem(path, refused.message, line=refused.line, hint=refused.hint)])
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return _NEEDS_CHECKING


def read_yaml(path: Path, text: str) -> YamlDocument:
    """Parse ``text`` (the content of ``path``) strictly; raise ``InputError`` naming the line."""
    node = _compose_fast(path, text)
    if node is _NEEDS_CHECKING:
        node = compose_checked(path, text)
    lines: dict[YamlPath, int] = {}
    problems: list[Problem] = []
    data = _plain(node, (), path, lines, problems) if node is not None else None
    if problems:
        raise InputError(problems)
    return YamlDocument(path, data, lines)


def compose_checked(path: Path, text: str) -> yaml.Node | None:
    """The node tree by the pure-Python reader, refusing aliases, anchors, tags and deep nesting as it
    goes; ``InputError`` naming the line."""
    loader: _RefusingComposer | None = None
    try:
        loader = _RefusingComposer(text)  # the reader checks every character here
        node = loader.get_single_node()
    except _Refused as refused:
        raise InputError([Problem(path, refused.message, line=refused.line, hint=refused.hint)]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        message = f"character {error.character!r} is not allowed in YAML"
        raise InputError(
            [Problem(path, message, line=line, hint="delete it (often pasted from Word)")]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = mark.line + 1 if mark else None
        message = f"not valid YAML: {error.problem or error}"
        raise InputError([Problem(path, message, line=at, hint="check indentation and quoting")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return node


def _plain(
    node: yaml.Node, at: YamlPath, path: Path, lines: dict[YamlPath, int], problems: list[Problem]
) -> Any:
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        return _plain_mapping(node, at, path, lines, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*at, i), path, lines, problems) for i, item in enumerate(node.value)]
    if (
        isinstance(node, yaml.ScalarNode) and not node.style and node.value in NULL_WORDS
    ):  # plain style: None from PyYAML, '' from libyaml
        return None
    return node.value


def _plain_mapping(
    node: yaml.MappingNode, at: YamlPath, path: Path, lines: dict[YamlPath, int], problems: list[Problem]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(path, "a key must be plain text", line=line))
            continue
        key = key_node.value
        if key in result:
            problems.append(
                Problem(
                    path,
                    f"duplicate key '{key}' (first on line {first_line[key]})",
                    line=line,
                    hint="keep one of them",
                )
            )
            continue
        first_line[key] = line
        lines[(*at, key)] = line
        result[key] = _plain(value_node, (*at, key), path, lines, problems)
    return result
