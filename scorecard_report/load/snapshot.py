"""Read an earlier edition's snapshot (render/snapshot.py writes it), trusting nothing about the file.

The output folder is shared with whoever can write to it, so the file is read as hostile: a link or
anything but a regular file is refused, its size is capped before a byte is read, and every problem is
reported with its place (``rows[3].values.2026-07``) and what to do. A version this tool does not read is
an error saying which it reads, never a guess.
"""

from __future__ import annotations

import json
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from scorecard_report.format.display import format_count
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.snapshot import READ_FORMATS, ShownValue, Snapshot, SnapshotRow
from scorecard_report.inputs.vocabulary import Frequency, Unit
from scorecard_report.load.text_files import decode
from scorecard_report.problems import InputError, InputMissing, Problem

MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024  # the 145-indicator example's is about 0.2 MB
WHAT_TO_DO = "delete it to compare with the edition before, or give --compare-with another edition"
_MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")

_Period = Annotated[str, StringConstraints(pattern=_MONTH_PATTERN)]
_Text = Annotated[str, StringConstraints(max_length=10_000)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _ValueSchema(_Schema):
    value: str | None
    text: _Text

    @field_validator("value")
    @classmethod
    def _digits(cls, value: str | None) -> str | None:
        if value is not None and not _NUMBER.fullmatch(value):
            raise ValueError(f"'{value[:40]}' is not a number written in digits, such as \"93.4\"")
        return value


class _RowSchema(_Schema):
    ref: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    title: _Text
    section: _Text
    frequency: Frequency
    unit: Unit
    decimals: Annotated[int, Field(ge=0, le=28)]
    status: _Text
    band: _Text
    variation: _Text
    assurance: _Text
    in_attention: bool
    current_period: _Period
    values: dict[_Period, _ValueSchema]


class _SnapshotSchema(_Schema):
    format_version: int
    tool_version: _Text
    name: _Text
    period: _Period
    recorded: _Text
    rows: list[_RowSchema]


def read_snapshot(path: Path) -> Snapshot:
    """The snapshot in ``path``; an ``InputError`` naming every problem (``InputMissing`` when absent)."""
    text = decode(path, _read_capped(path), hint=f"a snapshot is UTF-8 JSON; {WHAT_TO_DO}")
    data = _parsed(path, text)
    _check_version(path, data)
    try:
        schema = _SnapshotSchema.model_validate_json(text)
    except ValidationError as error:
        raise InputError([_problem(path, data, detail) for detail in error.errors()]) from None
    return _snapshot(path, schema)


def _refused(path: Path, message: str, hint: str = WHAT_TO_DO) -> InputError:
    return InputError([Problem(path, message, hint=hint)])


def _read_capped(path: Path) -> bytes:
    """The file's bytes, if it is a regular file (not a link) of at most ``MAX_SNAPSHOT_BYTES``."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        raise InputMissing(path, "snapshot", hint="give --compare-with a snapshot that exists") from None
    except OSError as error:
        raise InputMissing(path, "snapshot", message=f"cannot read the snapshot: {error.strerror}") from None
    _check_kind(path, found.st_mode)
    _check_size(path, found.st_size)
    try:
        # O_NOFOLLOW, O_NONBLOCK: a link or a pipe put in its place since is neither followed nor waited on.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _refused(path, f"cannot read the snapshot: {error.strerror}") from None
    with os.fdopen(handle, "rb") as file:
        _check_kind(path, os.fstat(file.fileno()).st_mode)
        raw = file.read(MAX_SNAPSHOT_BYTES + 1)
    _check_size(path, len(raw))  # it may have grown since it was measured
    return raw


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISLNK(mode):
        raise _refused(path, "the snapshot is a symbolic link, and a snapshot is never read through one")
    if not stat.S_ISREG(mode):
        raise _refused(path, "the snapshot is not a regular file")


def _check_size(path: Path, size: int) -> None:
    if size > MAX_SNAPSHOT_BYTES:
        limit = format_count(MAX_SNAPSHOT_BYTES // (1024 * 1024))
        raise _refused(path, f"the snapshot is {format_count(size)} bytes; a snapshot is at most {limit} MB")


def _parsed(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(path, f"not valid JSON: {error.msg}", line=error.lineno, hint=WHAT_TO_DO)
        raise InputError([problem]) from None
    except (RecursionError, ValueError):  # nesting too deep for the parser, a number of too many digits
        raise _refused(path, "not a snapshot: nested too deeply, or a number too long to read") from None


def _check_version(path: Path, data: Any) -> None:
    """A snapshot of a version this tool reads, before anything else is read: another version's fields
    mean other things."""
    reads = ", ".join(str(version) for version in READ_FORMATS)
    if not isinstance(data, dict) or "format_version" not in data:
        raise _refused(path, f"not a snapshot: it has no format_version (this version reads format {reads})")
    version = data["format_version"]
    if type(version) is not int or version not in READ_FORMATS:
        written = data.get("tool_version")
        by = f" (written by scorecard-report {written})" if isinstance(written, str) else ""
        raise _refused(
            path,
            f"snapshot format {json.dumps(version)[:20]}{by} is not one this version reads: it reads "
            f"format {reads}",
            f"compare with a snapshot this version wrote, or {WHAT_TO_DO}",
        )


def place_of(location: tuple[int | str, ...]) -> str:
    """``rows[3].values.2026-07.value``: where in the file, as a reader would look for it."""
    place = ""
    for part in location:
        if isinstance(part, int):
            place += f"[{part}]"
        elif part == "[key]":
            place += " (the period)"
        else:
            place += f".{part}" if place else part
    return place or "the whole file"


def _problem(path: Path, data: Any, detail: Any) -> Problem:
    location = tuple(detail["loc"])
    return Problem(
        path,
        _message(detail),
        place=place_of(location),
        ref=_ref_at(data, location),
        hint=WHAT_TO_DO,
    )


def _message(detail: Any) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing"
    if kind == "string_pattern_mismatch":
        return f"'{str(detail['input'])[:40]}' is not a month written YYYY-MM"
    return str(detail["msg"]).removeprefix("Value error, ")


def _ref_at(data: Any, location: tuple[int | str, ...]) -> str | None:
    """The ref of the row a problem is in, where the row has a readable one."""
    if len(location) < 2 or location[0] != "rows" or not isinstance(location[1], int):
        return None
    rows = data.get("rows") if isinstance(data, dict) else None
    row = rows[location[1]] if isinstance(rows, list) and location[1] < len(rows) else None
    ref = row.get("ref") if isinstance(row, dict) else None
    return ref if isinstance(ref, str) and ref else None


def _snapshot(path: Path, schema: _SnapshotSchema) -> Snapshot:
    """The snapshot, once no ref is there twice and nothing is dated after its period."""
    period = _month(schema.period)
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, row in enumerate(schema.rows):
        if row.ref in seen:
            problems.append(_row_problem(path, index, row.ref, "this ref is in the snapshot twice"))
        seen.add(row.ref)
        problems += _dated_after(path, index, row, period)
    if problems:
        raise InputError(problems)
    rows = tuple(_row(row) for row in schema.rows)
    return Snapshot(schema.format_version, schema.tool_version, schema.name, period, schema.recorded, rows)


def _dated_after(path: Path, index: int, row: _RowSchema, period: Month) -> list[Problem]:
    """A period after the snapshot's own (the first such value, and the current period): no edition shows
    one, so the file is not what it says."""
    later = [(f".values.{written}", written) for written in sorted(row.values) if _month(written) > period]
    later = later[:1]
    if _month(row.current_period) > period:
        later.append((".current_period", row.current_period))
    message = "{} is after the snapshot's period " + period.iso()
    return [_row_problem(path, index, row.ref, message.format(written), place) for place, written in later]


def _row_problem(path: Path, index: int, ref: str, message: str, within: str = "") -> Problem:
    return Problem(path, message, place=f"rows[{index}]{within}", ref=ref, hint=WHAT_TO_DO)


def _row(row: _RowSchema) -> SnapshotRow:
    values = {
        _month(written): ShownValue(None if shown.value is None else Decimal(shown.value), shown.text)
        for written, shown in sorted(row.values.items())
    }
    return SnapshotRow(
        ref=row.ref,
        title=row.title,
        section=row.section,
        frequency=row.frequency,
        unit=row.unit,
        decimals=row.decimals,
        status=row.status,
        band=row.band,
        variation=row.variation,
        assurance=row.assurance,
        in_attention=row.in_attention,
        current_period=_month(row.current_period),
        values=values,
    )


def _month(written: str) -> Month:
    """A ``YYYY-MM`` the schema has already checked."""
    year, month = written.split("-")
    return Month(int(year), int(month))
