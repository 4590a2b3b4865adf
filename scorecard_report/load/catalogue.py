"""Read and check the indicator catalogue (YAML), reporting every problem with its file and line."""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from copy import deepcopy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Literal, TypeVar

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scorecard_report.file_names import FILE_NAME_HINT, MAX_NAME_BYTES, name_problem, shown
from scorecard_report.format.display import band_label
from scorecard_report.inputs.catalogue import (
    COLUMN_VOCABULARY,
    DEFAULT_COLOURS,
    DEFAULT_MISSING_MARKERS,
    BenchmarkSource,
    Catalogue,
    Indicator,
    Picture,
    ReportSettings,
    Section,
    preset_columns,
)
from scorecard_report.inputs.periods import FinancialCalendar
from scorecard_report.inputs.targets import Band, SingleValue, Target, Tolerance
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Polarity, Unit
from scorecard_report.load.clean_text import (
    REMOVABLE,
    REMOVED_HINT,
    TO_SPACE,
    removed_message,
    restore_breaks,
    safe_for_yaml,
)
from scorecard_report.load.strict_yaml import YamlDocument, YamlPath, read_yaml
from scorecard_report.load.targets import TargetError, band_threshold, parse_target
from scorecard_report.load.text_files import read_text
from scorecard_report.problems import InputError, Problem
from scorecard_report.rules.numbers import NumberError, parse_number
from scorecard_report.rules.targets import implied_polarity

Structured = dict[str, str | None]
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BenchmarkSchema(_Strict):
    id: str
    label: str
    year: str | None = None


class ReportSchema(_Strict):
    layout: Literal["monthly", "quarterly", "annual"] = "monthly"
    columns: list[str] | None = None
    marking: str = "OFFICIAL"
    logo: str | None = None
    font: str | None = None
    colours: dict[str, str] = Field(default_factory=dict)
    appendix: Literal["all", "highlighted", "none"] | list[str] = "all"

    @field_validator("colours")
    @classmethod
    def _known_colours(cls, colours: dict[str, str]) -> dict[str, str]:
        for name, value in colours.items():
            if name not in DEFAULT_COLOURS:
                close = difflib.get_close_matches(name, list(DEFAULT_COLOURS), n=1)
                raise ValueError(
                    f"unknown colour '{name}'"
                    + (f" (did you mean '{close[0]}'?)" if close else f"; use {', '.join(DEFAULT_COLOURS)}")
                )
            if not _HEX_COLOUR.fullmatch(value):
                raise ValueError(f"colour {name} must be written #rrggbb, not '{value}'")
        return colours


class SettingsSchema(_Strict):
    title: str
    organisation: str
    name: str | None = None
    data: str | None = None
    year_start_month: int = Field(4, ge=1, le=12)
    default_tolerance: str = "5%"
    direction_of_travel: Literal["previous_period", "previous_year"] = "previous_period"
    missing_label: str = "Not yet available"
    missing_markers: list[str] = Field(default_factory=lambda: list(DEFAULT_MISSING_MARKERS))
    below_bands: str = "Inadequate"
    band_labels: dict[str, str] = Field(default_factory=dict)
    fields: dict[str, str] = Field(default_factory=dict)
    trend_periods: int = Field(13, ge=2, le=60)
    benchmarks: list[BenchmarkSchema] = Field(default_factory=list)
    report: ReportSchema = Field(default_factory=ReportSchema)
    sections: list[Any]


class SectionSchema(_Strict):
    id: str
    title: str
    owner: str | None = None
    indicators: list[Any]


class IndicatorSchema(_Strict):
    ref: str = Field(min_length=1)
    title: str
    description: str = ""
    unit: Literal["count", "percent", "rate", "days", "average", "currency"]
    polarity: Literal["high", "low", "neutral"] | None = None
    target: str | Structured | None = None
    bands: dict[str, str | Structured] | None = None
    tolerance: str | None = None
    decimals: int | None = Field(None, ge=0, le=6)
    frequency: Literal["monthly", "quarterly", "annual"] = "monthly"
    benchmarks: dict[str, str] = Field(default_factory=dict)
    direction_of_travel: Literal["previous_period", "previous_year"] | None = None
    multiplier: str | None = None
    unit_label: str | None = None
    highlight: bool = False
    group: str | None = None

    @field_validator("unit", "polarity", "frequency", mode="before")
    @classmethod
    def _lower_case(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value


Model = TypeVar("Model", bound=_Strict)


class _Reader:
    """Walks one catalogue document, collecting problems as it goes."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        # Where a misspelt key is checked as the key it suggests: that key's location → the one written.
        self.respelt: dict[YamlPath, YamlPath] = {}

    def problem(
        self,
        at: YamlPath,
        message: str,
        hint: str | None = None,
        ref: str | None = None,
        warning: bool = False,
    ) -> None:
        line = self.document.line_of(self._as_written(at))
        problem = Problem(self.document.path, message, line=line, ref=ref, hint=hint, warning=warning)
        (self.warnings if warning else self.problems).append(problem)

    def _as_written(self, at: YamlPath) -> YamlPath:
        for meant, written in self.respelt.items():
            if at[: len(meant)] == meant:
                return (*written, *at[len(meant) :])
        return at

    def validate(
        self, schema: type[Model], raw: Any, at: YamlPath, ref: str | None = None, skip: tuple[str, ...] = ()
    ) -> Model | None:
        """The mapping ``raw`` as ``schema``, or None after reporting every problem it has.

        An unknown key hides none of the mapping's other problems: once reported, the mapping is checked
        again as if the key were spelt as it suggests (``polarty`` as ``polarity``, when that key is not
        there too), or else as if it were not there, and the model returned is checked further by the
        caller. The catalogue is refused all the same, for the unknown key.
        """
        if not isinstance(raw, dict):
            self.problem(at, f"expected a mapping of keys, found {_kind(raw)}", ref=ref)
            return None
        try:
            return schema.model_validate(raw)
        except ValidationError as error:
            details = error.errors()
        unknown = [detail for detail in details if detail["type"] == "extra_forbidden"]
        for detail in unknown or details:
            if detail["loc"] and detail["loc"][0] in skip:
                continue
            self.problem((*at, *detail["loc"]), *_explain(detail, schema), ref=ref)
        if not unknown:
            return None
        respelt = _respelt(raw, schema, [tuple(detail["loc"]) for detail in unknown])
        for meant, written in respelt.renamed:
            self.respelt[(*at, *meant)] = (*at, *written)
        try:
            return schema.model_validate(respelt.raw)
        except ValidationError as error:
            for detail in error.errors():
                if not (detail["loc"] and detail["loc"][0] in skip):
                    self.problem((*at, *detail["loc"]), *_explain(detail, schema), ref=ref)
            return None


@dataclass(frozen=True)
class _Respelt:
    raw: dict[str, Any]
    renamed: list[tuple[YamlPath, YamlPath]]  # (the key as meant, the key as written)


def _respelt(raw: dict[str, Any], schema: type[BaseModel], unknown: list[YamlPath]) -> _Respelt:
    """``raw`` with each unknown key renamed to its suggestion where the mapping lacks that key, else
    dropped."""
    copy = deepcopy(raw)
    renamed: list[tuple[YamlPath, YamlPath]] = []
    for location in unknown:
        parent: Any = copy
        for step in location[:-1]:
            parent = parent[step]
        key = location[-1]
        meant = _suggestion(str(key), _nested_schema(schema, location[:-1]))
        value = parent.pop(key)
        if meant is not None and meant not in parent:
            parent[meant] = value
            renamed.append(((*location[:-1], meant), location))
    return _Respelt(copy, renamed)


def _suggestion(key: str, schema: type[BaseModel]) -> str | None:
    close = difflib.get_close_matches(key, list(schema.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _kind(raw: Any) -> str:
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    return f"the text '{raw}'" if isinstance(raw, str) else "nothing"


def _nested_schema(schema: type[BaseModel], location: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last key of ``location`` (``report`` → ReportSchema)."""
    for key in location:
        field = schema.model_fields.get(key) if isinstance(key, str) else None
        annotation = field.annotation if field else None
        inner = getattr(annotation, "__args__", (annotation,))[0] if annotation is not None else None
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            schema = inner
    return schema


def _explain(detail: Any, schema: type[BaseModel]) -> tuple[str, str | None]:
    key = str(detail["loc"][-1]) if detail["loc"] else ""
    schema = _nested_schema(schema, tuple(detail["loc"][:-1]))
    kind = detail["type"]
    if kind == "extra_forbidden":
        close = _suggestion(key, schema)
        hint = f"did you mean '{close}'?" if close else "allowed keys: " + ", ".join(schema.model_fields)
        return f"unknown key '{key}'", hint
    if kind == "missing":
        return f"missing key '{key}'", f"add '{key}:'"
    message = str(detail["msg"]).removeprefix("Value error, ")
    given = detail.get("input")
    if isinstance(given, str):
        message += f", not '{given}'"
    return f"{key}: {message}", None


def load_catalogue(path: Path) -> Catalogue:
    """Read ``path`` into a ``Catalogue``; raise ``InputError`` listing every problem found."""
    text = read_text(path, "catalogue", hint="YAML files must be UTF-8: save the catalogue as UTF-8")
    safe, removed = safe_for_yaml(text)
    document = read_yaml(path, safe)
    reader = _Reader(document)
    data = _cleaned(reader, restore_breaks(document.data, " "), ())
    _warn_removed(reader, removed)
    settings = reader.validate(SettingsSchema, data, ())
    if settings is not None:
        _check_default_tolerance(reader, settings.default_tolerance)
        if settings.name is not None:
            _check_file_name(reader, settings.name, ("name",), "name", "childrens-scorecard")
    sections = _read_sections(reader, data, settings)
    for name in settings.fields if settings else ():
        if name in IndicatorSchema.model_fields:
            reader.problem(
                ("fields", name),
                f"field '{name}' is already an indicator key",
                hint="give the extra field another name, such as rec or theme",
            )
    if settings is not None and not reader.problems and not any(s.indicators for s in sections):
        reader.problem(
            ("sections",),
            "the catalogue has no indicators",
            hint="add a section with at least one indicator under sections:",
        )
    report = _report_settings(reader, path, settings, sections) if settings else None
    warnings = sorted(reader.warnings, key=lambda problem: problem.line or 0)
    if reader.problems or settings is None or report is None:
        raise InputError([*reader.problems, *warnings])
    return dataclasses.replace(_catalogue(path, settings, sections, report), warnings=tuple(warnings))


def _cleaned(reader: _Reader, data: Any, at: YamlPath) -> Any:
    """Every catalogue text is one line: a line break pasted into it is a space, and a control
    character a YAML escape made (``"\\0"``) is removed, with a warning, as in commentary."""
    if isinstance(data, str):
        found = REMOVABLE.findall(data)
        if found:
            reader.problem(
                at, removed_message(found), REMOVED_HINT, _ref_at(reader.document, at), warning=True
            )
        return REMOVABLE.sub("", data).translate(TO_SPACE)
    if isinstance(data, list):
        return [_cleaned(reader, item, (*at, index)) for index, item in enumerate(data)]
    if isinstance(data, dict):
        return {
            _cleaned(reader, key, (*at, key)): _cleaned(reader, value, (*at, key))
            for key, value in data.items()
        }
    return data


def _ref_at(document: YamlDocument, at: YamlPath) -> str | None:
    """The ref of the indicator ``at`` lies in, if any."""
    if len(at) < 4 or at[0] != "sections" or at[2] != "indicators":
        return None
    try:
        ref = document.data["sections"][at[1]]["indicators"][at[3]].get("ref")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return ref if isinstance(ref, str) else None


def _warn_removed(reader: _Reader, removed: list[tuple[int, list[str]]]) -> None:
    """Warn about the characters removed before the YAML was read, each with the ref of the indicator
    its line falls in."""
    starts = sorted(
        (line, _ref_at(reader.document, location) if len(location) == 4 else None)
        for location, line in reader.document.lines.items()
        if location[:1] == ("sections",)
        and len(location) in (2, 4)
        and location[2:3] in ((), ("indicators",))
    )
    lines = [line for line, _ in starts]
    for line, found in removed:
        before = bisect.bisect_right(lines, line)
        ref = starts[before - 1][1] if before else None
        reader.warnings.append(
            Problem(
                reader.document.path,
                removed_message(found),
                line=line,
                ref=ref,
                hint=REMOVED_HINT,
                warning=True,
            )
        )


def _check_default_tolerance(reader: _Reader, written: str) -> None:
    tolerance = parse_default_tolerance(written)
    if tolerance is None:
        reader.problem(
            ("default_tolerance",),
            f"default_tolerance '{written}' must be a percentage such as 5%",
            hint="it is relative to the target; 0 means red or green only",
        )
    elif tolerance.amount < 0:
        reader.problem(
            ("default_tolerance",),
            f"default_tolerance '{written}' cannot be negative",
            hint="write a percentage such as 5%, or 0 for red or green only",
        )


def _report_settings(
    reader: _Reader, path: Path, settings: SettingsSchema, sections: tuple[Section, ...]
) -> ReportSettings:
    schema = settings.report
    logo = path.parent / schema.logo if schema.logo else None
    picture = read_logo(logo) if logo is not None else None
    if isinstance(picture, str):
        reader.problem(
            ("report", "logo"),
            f"logo '{schema.logo}': {picture}",
            hint="give a PNG or JPEG (at most 4,000 pixels a side) beside the catalogue",
        )
    appendix: str | tuple[str, ...] = (
        schema.appendix if isinstance(schema.appendix, str) else tuple(schema.appendix)
    )
    if isinstance(appendix, tuple):
        refs = {indicator.ref for section in sections for indicator in section.indicators}
        for index, ref in enumerate(appendix):
            if ref not in refs:
                reader.problem(
                    ("report", "appendix", index),
                    f"appendix names unknown ref '{ref}'",
                    hint="list refs from the catalogue, or write all, highlighted or none",
                )
    columns = _columns(reader, schema, settings)
    colours = {**DEFAULT_COLOURS, **schema.colours}
    return ReportSettings(
        schema.marking,
        logo,
        tuple(colours.items()),
        appendix,
        schema.font,
        schema.layout,
        columns,
        logo_picture=picture if isinstance(picture, Picture) else None,
    )


def _columns(reader: _Reader, schema: ReportSchema, settings: SettingsSchema) -> tuple[str, ...]:
    """The table's columns: the catalogue's list, checked, or the layout's preset."""
    fields = tuple(settings.fields)
    if schema.columns is None:
        return preset_columns(schema.layout, fields)
    known = (*COLUMN_VOCABULARY, *fields)
    for index, column in enumerate(schema.columns):
        if column not in known:
            close = difflib.get_close_matches(column, known, n=1)
            reader.problem(
                ("report", "columns", index),
                f"unknown column '{column}'",
                hint=f"did you mean '{close[0]}'?" if close else f"use {', '.join(known)}",
            )
    return tuple(schema.columns)


MAX_LOGO_SIDE = 4000


LOGO_MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


def read_logo(path: Path) -> Picture | str:
    """The logo as every format embeds it, or what is wrong with the file."""
    if not path.is_file():
        return "file not found"
    try:
        with path.open("rb") as file:
            return _logo(file)
    except OSError:
        return "not a readable PNG or JPEG image"


def _logo(file: BinaryIO) -> Picture | str:
    """Checked from its header only (an image bomb is never decoded), then read from the same opening of
    the file, so that what is embedded is what was checked."""
    try:
        with Image.open(file) as image:
            kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        return "far too many pixels to be a logo"
    except (UnidentifiedImageError, OSError):
        return "not a readable PNG or JPEG image"
    media_type = LOGO_MEDIA_TYPES.get(kind or "")
    if media_type is None:
        return f"a {kind} image; use PNG or JPEG"
    if max(width, height) > MAX_LOGO_SIDE:
        return f"{width} × {height} pixels is too large"
    file.seek(0)
    return Picture(file.read(), media_type)


def _read_sections(reader: _Reader, data: Any, settings: SettingsSchema | None) -> tuple[Section, ...]:
    raw_sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(raw_sections, list):
        return ()
    seen_refs: dict[str, int | None] = {}
    seen_ids: dict[str, int | None] = {}
    sections = []
    for i, raw in enumerate(raw_sections):
        at: YamlPath = ("sections", i)
        schema = reader.validate(SectionSchema, raw, at, skip=())
        if schema is None:
            continue
        _check_unique(reader, seen_ids, schema.id, (*at, "id"), "section id")
        _check_file_name(reader, schema.id, (*at, "id"), "section id", "front-door")
        indicators = _read_indicators(reader, schema, at, settings, seen_refs)
        sections.append(Section(schema.id, schema.title, schema.owner, indicators))
    return tuple(sections)


def _check_file_name(reader: _Reader, name: str, at: YamlPath, what: str, example: str) -> None:
    """Names and section ids become parts of file names: each must be one safe file name."""
    problem = name_problem(name)
    if problem is not None:
        reader.problem(
            at,
            f"{what} '{shown(name)}' cannot be part of a file name: {problem}",
            hint=FILE_NAME_HINT.replace("NAME", example),
        )


def _check_unique(
    reader: _Reader, seen: dict[str, int | None], key: str, at: YamlPath, what: str, ref: str | None = None
) -> None:
    line = reader.document.line_of(at)
    if key in seen:
        reader.problem(
            at,
            f"duplicate {what} '{key}' (first on line {seen[key]})",
            hint=f"each {what} must be unique in the catalogue",
            ref=ref,
        )
    else:
        seen[key] = line


def _read_indicators(
    reader: _Reader,
    section: SectionSchema,
    at: YamlPath,
    settings: SettingsSchema | None,
    seen_refs: dict[str, int | None],
) -> tuple[Indicator, ...]:
    indicators = []
    for j, raw in enumerate(section.indicators):
        where: YamlPath = (*at, "indicators", j)
        ref = raw.get("ref") if isinstance(raw, dict) and isinstance(raw.get("ref"), str) else None
        if ref is not None:
            _check_unique(reader, seen_refs, ref, (*where, "ref"), "ref", ref=ref)
        declared = (
            {name for name in settings.fields if name not in IndicatorSchema.model_fields}
            if settings
            else set()
        )
        extra = {k: v for k, v in raw.items() if k in declared} if isinstance(raw, dict) else {}
        if isinstance(raw, dict):
            raw = {k: v for k, v in raw.items() if k not in declared}
        schema = reader.validate(IndicatorSchema, raw, where, ref=ref)
        if schema is None or settings is None:
            continue
        fields = tuple(
            (name, "" if extra.get(name) is None else str(extra[name]))
            for name in settings.fields
            if name in declared
        )
        indicator = _IndicatorChecks(reader, schema, where, settings, section.id, fields).build()
        if indicator is not None:
            indicators.append(indicator)
    return tuple(indicators)


class _IndicatorChecks:
    """The rules a single indicator must obey beyond its shape: polarity, target, bands, tolerance."""

    def __init__(
        self,
        reader: _Reader,
        schema: IndicatorSchema,
        at: YamlPath,
        settings: SettingsSchema,
        section_id: str,
        fields: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.reader, self.schema, self.at, self.settings = reader, schema, at, settings
        self.section_id, self.fields = section_id, fields
        self.failed = False
        self.unit = Unit(schema.unit)

    def problem(self, key: str, message: str, hint: str | None = None) -> None:
        self.failed = True
        self.reader.problem((*self.at, key), message, hint, ref=self.schema.ref)

    def build(self) -> Indicator | None:
        target = self._target()
        polarity = self._polarity(target)
        bands = self._bands(polarity)
        tolerance = self._tolerance()
        benchmarks = self._benchmarks()
        multiplier = self._number("multiplier", self.schema.multiplier)
        if self.failed or polarity is None:
            return None
        schema = self.schema
        return Indicator(
            ref=schema.ref,
            title=schema.title,
            description=schema.description,
            unit=self.unit,
            polarity=polarity,
            target=target,
            bands=bands,
            tolerance=tolerance,
            decimals=schema.decimals if schema.decimals is not None else self.unit.default_decimals,
            frequency=Frequency(schema.frequency),
            benchmarks=benchmarks,
            comparator=Comparator(schema.direction_of_travel or self.settings.direction_of_travel),
            multiplier=multiplier,
            unit_label=schema.unit_label,
            highlight=schema.highlight,
            section_id=self.section_id,
            group=schema.group,
            fields=self.fields,
            line=self.reader.document.line_of(self.at),
        )

    def _target(self) -> Target | None:
        if self.schema.target is None:
            return None
        try:
            target = parse_target(self.schema.target)
        except TargetError as error:
            self.problem("target", str(error))
            return None
        if target.percent_sign and self.unit is not Unit.PERCENT:
            self.problem(
                "target",
                f"the target '{target.written}' has a % sign but the unit is {self.unit}",
                "remove the % or change the unit to percent",
            )
        return target

    def _polarity(self, target: Target | None) -> Polarity | None:
        stated = Polarity(self.schema.polarity) if self.schema.polarity else None
        implied = implied_polarity(target) if target else None
        if target and stated and implied and stated is not implied:
            self.problem(
                "polarity",
                f"polarity {stated} contradicts the target '{target.written}', "
                f"which means {implied} is better",
                "remove polarity or change the target",
            )
            return None
        polarity = stated or implied
        if polarity is None:
            self.problem("polarity", "missing polarity", "add polarity: high, low or neutral")
        elif polarity is Polarity.NEUTRAL and isinstance(target, SingleValue):
            self.problem(
                "target",
                f"a single-value target ('{target.written}') needs polarity high or "
                "low to say which side meets it",
                "set polarity, or give a range or inequality",
            )
        return polarity

    def _bands(self, polarity: Polarity | None) -> tuple[Band, ...]:
        if not self.schema.bands:
            return ()
        if polarity not in (Polarity.HIGH, Polarity.LOW):
            self.problem("bands", "bands need polarity high or low to know which way is better")
            return ()
        bands = []
        for key, written in self.schema.bands.items():
            try:
                threshold = parse_target(written)
                band_threshold(threshold, polarity)
            except TargetError as error:
                self.problem("bands", f"band '{key}': {error}")
                continue
            bands.append(Band(key, band_label(key, self.settings.band_labels), threshold))
        self._check_band_order(tuple(bands), polarity)
        return tuple(bands)

    def _check_band_order(self, bands: tuple[Band, ...], polarity: Polarity) -> None:
        thresholds = [band_threshold(band.threshold, polarity) for band in bands]
        ordered = sorted(thresholds, reverse=polarity is Polarity.LOW)
        if thresholds != ordered:
            self.problem(
                "bands",
                "bands must run from worst to best "
                f"({'rising' if polarity is Polarity.HIGH else 'falling'} thresholds for polarity "
                f"{polarity})",
                "reorder them, worst first",
            )

    def _tolerance(self) -> Tolerance:
        written = self.schema.tolerance
        if written is None:
            return parse_default_tolerance(self.settings.default_tolerance) or Tolerance(Decimal(0), True)
        if "%" in written:
            self.problem(
                "tolerance",
                f"tolerance '{written}' must be a plain number in the indicator's own units",
                "write 2 for 2 percentage points; the catalogue's default_tolerance is the relative one",
            )
            return Tolerance(Decimal(0), False)
        amount = self._number("tolerance", written)
        if amount is not None and amount < 0:
            self.problem("tolerance", "tolerance cannot be negative")
        return Tolerance(amount or Decimal(0), False)

    def _benchmarks(self) -> tuple[tuple[str, Decimal], ...]:
        known = {benchmark.id for benchmark in self.settings.benchmarks}
        values = []
        for benchmark_id, written in self.schema.benchmarks.items():
            if benchmark_id not in known:
                close = difflib.get_close_matches(benchmark_id, sorted(known), n=1)
                self.problem(
                    "benchmarks",
                    f"unknown benchmark '{benchmark_id}'",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "declare it in the catalogue's benchmarks list",
                )
                continue
            value = self._number("benchmarks", written)
            if value is not None:
                values.append((benchmark_id, value))
        return tuple(values)

    def _number(self, key: str, written: str | None) -> Decimal | None:
        if written is None:
            return None
        try:
            return parse_number(written)[0]
        except NumberError as error:
            self.problem(key, str(error), error.hint)
            return None


def parse_default_tolerance(written: str) -> Tolerance | None:
    """``5%`` is 5% of the boundary; ``0`` means red or green only."""
    text = written.strip()
    try:
        amount, percent = parse_number(text)
    except NumberError:
        return None
    if percent:
        return Tolerance(amount / 100, True)
    if amount == 0:
        return Tolerance(Decimal(0), True)
    return None


def _catalogue(
    path: Path, settings: SettingsSchema, sections: tuple[Section, ...], report: ReportSettings
) -> Catalogue:
    tolerance = parse_default_tolerance(settings.default_tolerance)
    if tolerance is None:
        raise InputError(
            [
                Problem(
                    path,
                    f"default_tolerance '{settings.default_tolerance}' must be a percentage such as 5%",
                    hint="it is relative to the target",
                )
            ]
        )
    return Catalogue(
        path=path,
        title=settings.title,
        organisation=settings.organisation,
        name=settings.name or slug(settings.title),
        data=(path.parent / settings.data) if settings.data else None,
        calendar=FinancialCalendar(settings.year_start_month),
        default_tolerance=tolerance,
        comparator=Comparator(settings.direction_of_travel),
        missing_label=settings.missing_label,
        missing_markers=tuple(settings.missing_markers),
        below_bands=settings.below_bands,
        trend_length=settings.trend_periods,
        benchmarks=tuple(BenchmarkSource(b.id, b.label, b.year) for b in settings.benchmarks),
        sections=sections,
        report=report,
        fields=tuple(settings.fields.items()),
        band_labels=dict(settings.band_labels),
    )


def slug(title: str) -> str:
    """A file-name stem from a title: ``Children's Scorecard`` → ``childrens-scorecard``."""
    words = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", ""))[:MAX_NAME_BYTES].strip("-")
    return words or "scorecard"
