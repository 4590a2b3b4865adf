"""Read the project's ``scorecard.toml``: settings for every command, paths relative to the file."""

from __future__ import annotations

import dataclasses
import difflib
import re
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from scorecard_report.file_names import FILE_NAME_HINT, checked_name
from scorecard_report.load.editions import ConfigEdition, read_editions
from scorecard_report.load.text_files import read_text
from scorecard_report.problems import InputError, InputMissing, Problem

DEFAULT_CONFIG = Path("scorecard.toml")
KNOWN_FORMATS = ("csv", "html", "pdf", "docx", "series", "changes", "xlsx")
_FILE_MODE = re.compile(r"0?[0-7]{3}")


@dataclass(frozen=True)
class Config:
    """The config file's settings; ``None`` where the file is silent (or there is no file)."""

    path: Path | None = None
    catalogue: Path | None = None
    data: Path | None = None
    commentary: Path | None = None  # the folder of commentary/YYYY-MM.yaml files
    output: Path | None = None
    formats: tuple[str, ...] | None = None
    name: str | None = None
    marking: str | None = None
    templates: Path | None = None
    docx_template: Path | None = None
    file_mode: int | None = None
    cache: Path | bool | None = None  # the chart cache's folder, or False for none
    sheet: str | None = None  # the sheet of the data's workbook
    rebases: Path | None = None  # the SPC rebases file, in place of the catalogue's ``rebases:``
    csv_bom: bool | None = None  # a byte-order mark at the start of each CSV, for Excel; None: the default
    editions: tuple[ConfigEdition, ...] = ()  # the [[edition]] tables; none: one edition, as the options say


class _ConfigSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    catalogue: str | None = None
    data: str | None = None
    commentary: str | None = None
    output: str | None = None
    formats: list[str] | None = None
    name: str | None = None
    marking: str | None = None
    templates: str | None = None
    docx_template: str | None = None
    file_mode: str | None = None
    cache: str | bool | None = None
    sheet: str | None = None
    rebases: str | None = None
    csv_bom: bool | None = None
    edition: list[dict[str, Any]] | None = None  # read by load/editions.py, each problem at its table

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, formats: list[str]) -> list[str]:
        for name in formats:
            if name not in KNOWN_FORMATS:
                raise ValueError(f"unknown format '{name}'; available: {', '.join(KNOWN_FORMATS)}")
        if not formats:
            raise ValueError("give at least one format")
        return formats

    @field_validator("file_mode")
    @classmethod
    def _octal(cls, mode: str) -> str:
        if not _FILE_MODE.fullmatch(mode):
            raise ValueError(f"'{mode}' is not a file mode; write it in octal, such as \"0644\"")
        if not int(mode, 8) & stat.S_IRUSR:
            # The next publish reads the published files back to see whether they changed.
            raise ValueError(f"'{mode}' would leave the published files unreadable by their owner")
        return mode

    @field_validator("name")
    @classmethod
    def _one_file_name(cls, name: str) -> str:
        return checked_name(name)


def find_config(explicit: Path | None) -> Config:
    """The config named with ``--config``, else ``./scorecard.toml`` if present, else no settings."""
    if explicit is not None:
        return load_config(explicit)
    if DEFAULT_CONFIG.is_file():
        return load_config(DEFAULT_CONFIG)
    return Config()


def load_config(path: Path) -> Config:
    """Read ``path``; raise ``InputError`` naming the line of every problem."""
    if not path.is_file():
        raise InputMissing(path, "config file")
    text = read_text(path, "config file", hint="save the config file as UTF-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError([Problem(path, f"not valid TOML: {error}", hint="check the quoting")]) from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables; a few hundred will do
        problem = Problem(
            path, "arrays or tables nested too deeply to read", hint="every setting is one line: key = value"
        )
        raise InputError([problem]) from None
    problems: list[Problem] = []
    try:
        schema = _ConfigSchema.model_validate(raw)
    except ValidationError as error:
        problems = [_problem(path, text, detail) for detail in error.errors()]
    editions, edition_problems = read_editions(
        path, text, raw.get("edition"), KNOWN_FORMATS, tuple(_ConfigSchema.model_fields)
    )
    if problems or edition_problems:
        raise InputError(problems + edition_problems)
    return dataclasses.replace(_config(path, schema), editions=editions)


def _problem(path: Path, text: str, detail: Any) -> Problem:
    key = str(detail["loc"][0]) if detail["loc"] else ""
    line = line_of_key(text, key)
    if detail["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, list(_ConfigSchema.model_fields), n=1, cutoff=0.6)
        keys = ", ".join(_ConfigSchema.model_fields)
        hint = f"did you mean '{close[0]}'?" if close else f"the keys are {keys}"
        return Problem(path, f"unknown key '{key}'", line=line, hint=hint)
    message = str(detail["msg"]).removeprefix("Value error, ")
    hint = _type_hint(key)
    if key == "file_mode" and detail["type"] == "value_error":
        hint = 'write it in octal, with read permission for the owner at least: file_mode = "0644" or "0600"'
    return Problem(path, f"{key}: {message}", line=line, hint=hint)


def _type_hint(key: str) -> str:
    if key == "formats":
        return 'write a list such as formats = ["pdf", "html", "csv"]'
    if key == "name":
        return FILE_NAME_HINT.replace("NAME", 'name = "scorecard"')
    if key == "csv_bom":
        return "write csv_bom = true (a byte-order mark, for Excel) or csv_bom = false (for other programs)"
    if key == "edition":
        return 'write each edition as a table of its own: a line [[edition]], then name = "front-door"'
    return f'write it as text in quotes, such as {key} = "..."'


def line_of_key(text: str, key: str) -> int | None:
    """The line where ``key`` is set or opens a table; tomllib does not say."""
    written = re.escape(key)
    pattern = re.compile(rf"""^\s*(?:\[+\s*)?(?:{written}|"{written}"|'{written}')\s*(?:=|\.|\])""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _config(path: Path, schema: _ConfigSchema) -> Config:
    folder = path.parent

    def relative(written: str | None) -> Path | None:
        return folder / written if written else None

    return Config(
        path=path,
        catalogue=relative(schema.catalogue),
        data=relative(schema.data),
        commentary=relative(schema.commentary),
        output=relative(schema.output),
        formats=tuple(schema.formats) if schema.formats is not None else None,
        name=schema.name,
        marking=schema.marking,
        templates=relative(schema.templates),
        docx_template=relative(schema.docx_template),
        file_mode=int(schema.file_mode, 8) if schema.file_mode else None,
        sheet=schema.sheet,
        rebases=relative(schema.rebases),
        csv_bom=schema.csv_bom,
        cache=False
        if schema.cache is False
        else relative(schema.cache)
        if isinstance(schema.cache, str)
        else None,
    )


def _cache(setting: str | bool | None, relative: Callable[[str | None], Path | None]) -> Path | bool | None:
    """``cache = false`` turns the chart cache off; a path moves it; absent or true keeps the default."""
    if setting is False:
        return False
    return relative(setting) if isinstance(setting, str) else None
