"""The ``[[edition]]`` tables of ``scorecard.toml``: every edition one build or publish makes.

tomllib gives no line numbers, so each problem names its table as a person counts them (``edition 2,
"front-door"``) and the line is found in the text: the key's line within that table, else its header.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from scorecard_report.file_names import FILE_NAME_HINT, checked_name, shown
from scorecard_report.problems import Problem

_HEADER = re.compile(r"^\s*\[\[\s*(?:edition|\"edition\"|'edition')\s*\]\]")
_ANY_TABLE = re.compile(r"^\s*\[")


@dataclass(frozen=True)
class ConfigEdition:
    """One ``[[edition]]`` table: its file-name stem, its sections (none: the whole scorecard) and what it
    sets in place of the config's formats and marking and the catalogue's title."""

    name: str
    sections: tuple[str, ...] = ()
    formats: tuple[str, ...] | None = None  # None: the config's formats (the command line's --format wins)
    marking: str | None = None  # None: the config's marking, else the catalogue's report.marking
    title: str | None = None  # None: the catalogue's title
    number: int = 0  # its place among the tables, counted from 1
    place: str = ""  # 'edition 2, "front-door"': where a problem found once the catalogue is read is
    line: int | None = None  # the line of its ``name``
    sections_line: int | None = None  # the line of its ``sections``, for an unknown section id


class _EditionSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: str
    sections: list[str] = []
    formats: list[str] | None = None
    marking: str | None = None
    title: str | None = None

    @field_validator("name")
    @classmethod
    def _one_file_name(cls, name: str) -> str:
        return checked_name(name)

    @field_validator("sections")
    @classmethod
    def _each_once(cls, sections: list[str]) -> list[str]:
        twice = sorted({section for section in sections if sections.count(section) > 1})
        if twice:
            raise ValueError(f"'{twice[0]}' is listed twice")
        return sections

    @field_validator("marking", "title")
    @classmethod
    def _one_line(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("it is empty")
        if not text.isprintable():
            raise ValueError(f"'{shown(text)}' has a line break or a control character in it")
        return text


EDITION_KEYS = tuple(_EditionSchema.model_fields)


def read_editions(
    path: Path, text: str, written: Any, known_formats: Sequence[str], config_keys: Sequence[str] = ()
) -> tuple[tuple[ConfigEdition, ...], list[Problem]]:
    """The ``[[edition]]`` tables as written in ``path`` (whose text is ``text``), and every problem in
    them: an unknown key, a bad name or format, and two editions that would write the same files.
    ``config_keys``: the settings of the whole config, which an edition table takes in by mistake when
    they are written below its header."""
    if not isinstance(written, list) or not all(isinstance(table, dict) for table in written):
        return (), []  # absent, or not tables: the config's own schema says so
    lines = _table_lines(text)
    editions: list[ConfigEdition] = []
    problems: list[Problem] = []
    named: list[_Where] = []
    for number, table in enumerate(written, start=1):
        table_lines = lines[number - 1] if number <= len(lines) else ()
        where = _Where(path, number, table, table_lines, text)
        edition, found = _edition(where, table, known_formats, config_keys)
        problems += sorted(found, key=lambda problem: problem.line or 0)
        if edition is not None:
            editions.append(edition)
        named.append(where)
    return tuple(editions), problems + _same_files(named)


@dataclass(frozen=True)
class _Where:
    """One table's place in the file, for its problems."""

    path: Path
    number: int
    table: dict[str, Any]
    lines: tuple[int, ...]  # the table's lines, its header first; () for an inline table
    text: str

    @property
    def place(self) -> str:
        name = self.table.get("name")
        return (
            f'edition {self.number}, "{shown(name)}"' if isinstance(name, str) else f"edition {self.number}"
        )

    def line(self, key: str = "") -> int | None:
        """The line of ``key`` in this table, else of its header."""
        if not self.lines:
            return None
        written = re.escape(key)
        pattern = re.compile(rf"""^\s*(?:{written}|"{written}"|'{written}')\s*=""")
        all_lines = self.text.splitlines()
        found = [number for number in self.lines[1:] if key and pattern.match(all_lines[number - 1])]
        return found[0] if found else self.lines[0]

    def problem(self, message: str, key: str = "", hint: str | None = None) -> Problem:
        return Problem(self.path, message, line=self.line(key), place=self.place, hint=hint)


def _table_lines(text: str) -> list[tuple[int, ...]]:
    """The lines of each ``[[edition]]`` table, from its header to the line before the next table."""
    tables: list[list[int]] = []
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            tables.append([number])
            inside = True
        elif _ANY_TABLE.match(line):
            inside = False
        elif inside:
            tables[-1].append(number)
    return [tuple(table) for table in tables]


def _edition(
    where: _Where, table: dict[str, Any], known_formats: Sequence[str], config_keys: Sequence[str]
) -> tuple[ConfigEdition | None, list[Problem]]:
    try:
        schema = _EditionSchema.model_validate(table)
    except ValidationError as error:
        problems = [_problem(where, detail, config_keys) for detail in error.errors()]
        return None, problems + _format_problems(where, table.get("formats"), known_formats)
    problems = _format_problems(where, schema.formats, known_formats)
    if problems:
        return None, problems
    edition = ConfigEdition(
        name=schema.name,
        sections=tuple(schema.sections),
        formats=tuple(dict.fromkeys(schema.formats)) if schema.formats is not None else None,
        marking=schema.marking,
        title=schema.title,
        number=where.number,
        place=where.place,
        line=where.line("name"),
        sections_line=where.line("sections"),
    )
    return edition, []


def _format_problems(where: _Where, formats: object, known_formats: Sequence[str]) -> list[Problem]:
    """An unknown format, or none at all; checked here rather than by the schema, so that a table with
    another problem too has its unknown format reported in the same run."""
    if not isinstance(formats, list):
        return []
    hint = 'write a list such as formats = ["pdf", "csv"]'
    if not formats:
        return [where.problem("formats: give at least one format", "formats", hint)]
    return [
        where.problem(
            f"formats: unknown format '{shown(name)}'; available: {', '.join(known_formats)}", "formats", hint
        )
        for name in formats
        if isinstance(name, str) and name not in known_formats
    ]


def _problem(where: _Where, detail: Any, config_keys: Sequence[str]) -> Problem:
    key = str(detail["loc"][0]) if detail["loc"] else ""
    if detail["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, EDITION_KEYS, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"an edition's keys are {', '.join(EDITION_KEYS)}"
        if key in config_keys:  # TOML puts every line below a table's header into that table
            hint = f"{key} is a setting of the whole config: move it above the first [[edition]]"
        return where.problem(f"unknown key '{key}'", key, hint)
    if detail["type"] == "missing":
        return where.problem(
            "an edition needs a name, the stem of its file names",
            hint='add name = "front-door", which writes front-door-YYYY-MM.pdf',
        )
    message = str(detail["msg"]).removeprefix("Value error, ")
    return where.problem(f"{key}: {message}", key, _hint(key))


def _hint(key: str) -> str:
    return {
        "name": FILE_NAME_HINT.replace("NAME", 'name = "front-door"'),
        "sections": 'write a list of section ids, such as sections = ["front-door", "early-help"]; '
        "scorecard sections lists them",
        "formats": 'write a list such as formats = ["pdf", "csv"]',
    }.get(key, f'write it as one line of text in quotes, such as {key} = "..."')


def _same_files(tables: Sequence[_Where]) -> list[Problem]:
    """Two editions may not share a name, nor names that differ only in case: Windows and macOS folders
    do not tell ``Front-Door`` from ``front-door``, so the second would overwrite the first's files.
    Checked on every table with a name, even one with another problem, so that all are reported at once."""
    problems = []
    first: dict[str, _Where] = {}
    for where in tables:
        name = where.table.get("name")
        if not isinstance(name, str):
            continue
        earlier = first.setdefault(name.casefold(), where)
        if earlier is where:
            continue
        earlier_name = earlier.table["name"]
        same = "the same name" if earlier_name == name else f"the name '{shown(earlier_name)}'"
        problems.append(
            where.problem(
                f"edition {earlier.number} has {same}: the two would write the same files and manifest",
                "name",
                "give each edition a name of its own; names that differ only in case are one file name on "
                "Windows and macOS",
            )
        )
    return problems


def unknown_edition_sections(
    path: Path, editions: Sequence[ConfigEdition], known: Sequence[str], catalogue: Path
) -> list[Problem]:
    """Each section id an edition lists that the catalogue lacks, with the closest id it has."""
    problems = []
    for edition in editions:
        for section_id in edition.sections:
            if section_id in known:
                continue
            close = difflib.get_close_matches(section_id, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"the sections are {', '.join(known)}"
            problems.append(
                Problem(
                    path,
                    f"sections: no section '{shown(section_id)}' in {catalogue.name}",
                    line=edition.sections_line,
                    place=edition.place,
                    hint=hint,
                )
            )
    return problems
